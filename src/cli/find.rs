//! Commands that list across coachees: `actions` and `search`.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use serde_json::json;

use super::commands::rfc3339;
use super::{ActionsArgs, SearchArgs, StatusArg, short_id, table};
use crate::dates::{self, fmt_date, fmt_datetime};
use crate::model::{SNIPPET_END, SNIPPET_START};
use crate::store::{ActionFilter, StatusFilter, Store};

/// `innerceo actions`.
pub fn actions(store: &Store, args: &ActionsArgs, out: &mut dyn Write) -> Result<()> {
    let coachee_id = match &args.coachee {
        Some(name) => Some(crate::export::find_coachee(store, name)?.id),
        None => None,
    };
    let today = dates::today();
    let rows = store.actions(&ActionFilter {
        coachee_id,
        status: match args.status {
            StatusArg::Open => StatusFilter::Open,
            StatusArg::Overdue => StatusFilter::Overdue,
            StatusArg::Done => StatusFilter::Done,
            StatusArg::Dropped => StatusFilter::Dropped,
            StatusArg::All => StatusFilter::All,
        },
        today,
    })?;
    if args.json {
        let items: Vec<_> = rows
            .iter()
            .map(|r| {
                let a = &r.action;
                json!({
                    "id": a.id,
                    "coachee": r.coachee_name,
                    "coachee_id": a.coachee_id,
                    "session_id": a.session_id,
                    "session_started_at": rfc3339(r.session_started_at),
                    "text": a.text,
                    "owner": a.owner,
                    "due": a.due.map(fmt_date),
                    "status": a.status.as_str(),
                    "overdue": a.is_overdue(today),
                    "completed_on": a.completed_on.map(fmt_date),
                    "link": a.link,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "No {} actions.", status_word(args.status))?;
        return Ok(());
    }
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let a = &r.action;
            let status = if a.is_overdue(today) {
                "overdue"
            } else {
                a.status.as_str()
            };
            vec![
                short_id(&a.id).to_owned(),
                r.coachee_name.clone(),
                a.text.clone(),
                a.owner.clone(),
                a.due.map_or_else(|| "-".into(), fmt_date),
                status.to_owned(),
            ]
        })
        .collect();
    let t = table::render(
        &["ID", "COACHEE", "ACTION", "OWNER", "DUE", "STATUS"],
        &body,
        48,
    );
    write!(out, "{t}")?;
    Ok(())
}

fn status_word(s: StatusArg) -> &'static str {
    match s {
        StatusArg::Open => "open",
        StatusArg::Overdue => "overdue",
        StatusArg::Done => "done",
        StatusArg::Dropped => "dropped",
        StatusArg::All => "recorded",
    }
}

/// `innerceo search`.
pub fn search(store: &Store, args: &SearchArgs, out: &mut dyn Write) -> Result<()> {
    let query = args.query.join(" ");
    let hits = store.search(&query, args.include_private, args.limit)?;
    if args.json {
        let items: Vec<_> = hits
            .iter()
            .map(|h| {
                json!({
                    "session_id": h.session_id,
                    "coachee_id": h.coachee_id,
                    "coachee": h.coachee_name,
                    "date": rfc3339(h.started_at),
                    "stage": h.stage_id,
                    "stage_title": h.stage_title,
                    "kind": h.kind.as_str(),
                    "private": h.private,
                    "snippet": highlight(&h.snippet, "", ""),
                    "highlighted": highlight(&h.snippet, "[", "]"),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
        return Ok(());
    }
    if hits.is_empty() {
        writeln!(out, "Nothing matches \"{}\".", clean(&query))?;
        return Ok(());
    }
    // Bold on a terminal that accepts it; brackets in pipes and files.
    let bold = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let (start, end) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    for h in &hits {
        let kind = match h.kind {
            crate::model::HitKind::Note if h.private => "private note",
            crate::model::HitKind::About => "coachee notes, private",
            crate::model::HitKind::Topic if h.private => "private topic",
            k => k.as_str(),
        };
        writeln!(
            out,
            "{}  {}  {}  {} ({kind})",
            h.session_id.as_deref().map_or("-", short_id),
            clean(&h.coachee_name),
            fmt_datetime(h.started_at),
            clean(&h.stage_title),
        )?;
        writeln!(out, "    {}", highlight_visible(&h.snippet, start, end))?;
    }
    Ok(())
}

/// The snippet with its match markers replaced, and the text exactly as
/// written (for JSON, which escapes what it must).
fn highlight(snippet: &str, start: &str, end: &str) -> String {
    let mut out = String::with_capacity(snippet.len());
    for c in snippet.chars() {
        match c {
            SNIPPET_START => out.push_str(start),
            SNIPPET_END => out.push_str(end),
            c => out.push(c),
        }
    }
    out
}

/// Like `highlight`, for the terminal: any other control character (an
/// escape sequence typed into an answer) is shown as `\x1b` and the like
/// (see `controls`), so the terminal shows text only.
fn highlight_visible(snippet: &str, start: &str, end: &str) -> String {
    let mut out = String::with_capacity(snippet.len());
    for c in snippet.chars() {
        match c {
            SNIPPET_START => out.push_str(start),
            SNIPPET_END => out.push_str(end),
            '\n' | '\t' => out.push(' '),
            c => crate::controls::push_visible(&mut out, c),
        }
    }
    out
}

fn clean(s: &str) -> String {
    highlight_visible(s, "", "")
}
