//! `innerceo due`: who needs a session, soonest first, for a morning script.

use std::io::Write;

use anyhow::Result;
use serde_json::json;
use time::Date;

use crate::dates;
use crate::store::Store;

/// Coachees (not archived) whose next session is on or before `today` +
/// `within` days, soonest first.
pub fn due(store: &Store, within: i64, json: bool, today: Date, out: &mut dyn Write) -> Result<()> {
    let until = today + time::Duration::days(within);
    let mut all: Vec<_> = store
        .coachee_summaries(today, false)?
        .into_iter()
        .filter_map(|s| s.next_session.map(|d| (d, s)))
        .collect();
    all.sort_by(|a, b| (a.0, &a.1.coachee.name).cmp(&(b.0, &b.1.coachee.name)));
    let later = all
        .iter()
        .position(|(d, _)| *d > until)
        .unwrap_or(all.len());
    let next = all.get(later).map(|(d, s)| (*d, s.coachee.name.clone()));
    all.truncate(later);
    let rows = all;
    if json {
        let list: Vec<_> = rows
            .iter()
            .map(|(d, s)| {
                json!({
                    "name": s.coachee.name,
                    "id": s.coachee.id,
                    "next_session": dates::fmt_date(*d),
                    "overdue_days": (today - *d).whole_days().max(0),
                    "rhythm_days": s.coachee.rhythm_days,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    if rows.is_empty() {
        let when = match within {
            0 => "today".to_owned(),
            1 => "by tomorrow".to_owned(),
            n => format!("within {n} days"),
        };
        // Who comes next, so that "nobody" is not read as "nobody at all".
        let next = next.map_or_else(
            || ". No coachee has a next session yet: agree one in a session's close, or give them a rhythm (innerceo coachee set NAME --every 2w)".to_owned(),
            |(d, name)| {
                format!(
                    ". Next: {}, {} ({}); --within 7d lists the week ahead",
                    crate::controls::escape(&name),
                    dates::due_words(d, today),
                    dates::fmt_date(d)
                )
            },
        );
        writeln!(out, "Nobody is due {when}{next}")?;
        return Ok(());
    }
    for (d, s) in &rows {
        writeln!(
            out,
            "{}  {:<24} {}",
            dates::fmt_date(*d),
            crate::controls::escape(&s.coachee.name),
            dates::due_words(*d, today)
        )?;
    }
    Ok(())
}
