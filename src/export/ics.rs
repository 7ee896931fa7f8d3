//! The iCalendar export (RFC 5545): every open action with a due date as a
//! to-do, and every planned next session as an all-day event.
//!
//! Written by hand (it is a small, line-based format); the tests read it
//! back with an iCalendar parser.

use time::{Date, Duration, OffsetDateTime, UtcOffset};

use super::Export;
use crate::dates::fmt_date;
use crate::guide::StageKind;
use crate::model::{Action, ActionStatus, SessionRecord, Visibility};

/// The longest line in octets, without its CRLF (RFC 5545, 3.1).
const MAX_LINE: usize = 75;

/// The export as an iCalendar file, CRLF line ends, lines folded.
pub fn render(export: &Export) -> String {
    let mut out = String::new();
    let stamp = stamp(export.exported_at);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!(
            "PRODID:-//innerceo//innerceo {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    for item in &export.sessions {
        let r = &item.record;
        let session_day = super::day(r.session.started_at);
        for a in &r.actions {
            let Some(due) = todo_due(a) else {
                continue;
            };
            let mut description = format!(
                "Coachee: {}\nOwner: {}\nAgreed in the session of {session_day} (session {})",
                r.coachee.name,
                super::owner(&a.owner),
                super::short_id(&r.session.id)
            );
            if let Some(note) = private_note(r, true) {
                description.push_str(&format!("\n\nPrivate — coach only:\n{note}"));
            }
            line(&mut out, "BEGIN:VTODO");
            line(&mut out, &format!("UID:{}@innerceo", a.id));
            line(&mut out, &format!("DTSTAMP:{stamp}"));
            line(&mut out, &format!("SUMMARY:{}", text(&a.text)));
            line(&mut out, &format!("DUE;VALUE=DATE:{}", date(due)));
            line(&mut out, "STATUS:NEEDS-ACTION");
            line(&mut out, &format!("DESCRIPTION:{}", text(&description)));
            line(&mut out, "END:VTODO");
        }
        if let Some(next) = r.session.next_session {
            let mut description = format!(
                "Planned in the session of {session_day} (session {}).",
                super::short_id(&r.session.id)
            );
            if let Some(note) = private_note(r, false) {
                description.push_str(&format!("\n\nPrivate — coach only:\n{note}"));
            }
            line(&mut out, "BEGIN:VEVENT");
            line(&mut out, &format!("UID:{}@innerceo", r.session.id));
            line(&mut out, &format!("DTSTAMP:{stamp}"));
            line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(next)));
            line(
                &mut out,
                &format!("DTEND;VALUE=DATE:{}", date(next + Duration::days(1))),
            );
            line(
                &mut out,
                &format!(
                    "SUMMARY:{}",
                    text(&format!("Coaching session with {}", r.coachee.name))
                ),
            );
            line(&mut out, &format!("DESCRIPTION:{}", text(&description)));
            line(&mut out, "TRANSP:TRANSPARENT");
            line(&mut out, "END:VEVENT");
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// The date of `a`'s to-do: open actions with a due date only.
fn todo_due(a: &Action) -> Option<Date> {
    a.due.filter(|_| a.status == ActionStatus::Open)
}

/// How many to-dos and events `render` writes for `export`.
pub fn counts(export: &Export) -> (usize, usize) {
    let records = || export.sessions.iter().map(|i| &i.record);
    let todos = records()
        .flat_map(|r| &r.actions)
        .filter(|a| todo_due(a).is_some())
        .count();
    let events = records()
        .filter(|r| r.session.next_session.is_some())
        .count();
    (todos, events)
}

/// The private notes present in the record (only when the export includes
/// them): of the actions stage for a to-do, of every stage for the next
/// session's event.
fn private_note(r: &SessionRecord, actions_only: bool) -> Option<String> {
    let notes: Vec<&str> = r
        .session
        .guide
        .stages
        .iter()
        .filter(|s| !actions_only || matches!(s.kind, StageKind::Actions))
        .filter_map(|s| r.note(&s.id, Visibility::Private))
        .map(|n| n.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    (!notes.is_empty()).then(|| notes.join("\n\n"))
}

/// `20261125T093000Z`.
fn stamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    format!(
        "{}T{:02}{:02}{:02}Z",
        date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `20261125`.
fn date(d: Date) -> String {
    fmt_date(d).replace('-', "")
}

/// A TEXT value: backslash, semicolon and comma escaped, line breaks as
/// `\n`, other control characters (which TEXT may not hold) dropped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let normalised = s.replace("\r\n", "\n").replace('\r', "\n");
    for c in normalised.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded every 75 octets (a CRLF then a space),
/// never inside a UTF-8 character.
pub fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        // Continuation lines start with a space, which counts.
        if used + len > MAX_LINE {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(100)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(100)));
    }
}
