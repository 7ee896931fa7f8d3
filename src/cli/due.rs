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
    let mut rows: Vec<_> = store
        .coachee_summaries(today, false)?
        .into_iter()
        .filter_map(|s| s.next_session.filter(|d| *d <= until).map(|d| (d, s)))
        .collect();
    rows.sort_by(|a, b| (a.0, &a.1.coachee.name).cmp(&(b.0, &b.1.coachee.name)));
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
        writeln!(
            out,
            "Nobody is due{}",
            if within > 0 {
                format!(" within {within} days")
            } else {
                String::new()
            }
        )?;
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
