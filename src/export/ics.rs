//! The iCalendar export (RFC 5545): every open action with a due date as a
//! to-do, and every planned next session as an all-day event.
//!
//! Written by hand (it is a small, line-based format); the tests read it
//! back with an iCalendar parser.

use std::io;

use anyhow::Result;
use time::{Date, Duration, OffsetDateTime, UtcOffset};

use super::source::Source;
use super::{Item, Written};
use crate::dates::fmt_date;
use crate::guide::StageKind;
use crate::model::{Action, ActionStatus, SessionRecord, Visibility};

/// The longest line in octets, without its CRLF (RFC 5545, 3.1).
const MAX_LINE: usize = 75;

/// Whether to-dos and events carry a reminder (`--no-alarms` turns it off).
static ALARMS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Leaves the reminders out of every iCalendar file written from now on.
pub fn without_alarms() {
    ALARMS.store(false, std::sync::atomic::Ordering::Relaxed);
}

/// A reminder on the screen at 09:00 the day before an all-day `DUE` or
/// `DTSTART` (15 hours before its midnight), for calendars that show
/// nothing for an all-day entry until the day itself.
fn alarm(out: &mut String, related_end: bool, what: &str) {
    if !ALARMS.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    line(out, "BEGIN:VALARM");
    line(out, "ACTION:DISPLAY");
    line(out, &format!("DESCRIPTION:{}", text(what)));
    line(
        out,
        if related_end {
            "TRIGGER;RELATED=END:-PT15H"
        } else {
            "TRIGGER:-PT15H"
        },
    );
    line(out, "END:VALARM");
}

/// Writes the iCalendar file, a session at a time.
pub fn write(src: &dyn Source, out: &mut dyn io::Write) -> Result<Written> {
    let mut written = Written::default();
    let stamp = stamp(src.exported_at());
    let mut head = String::new();
    line(&mut head, "BEGIN:VCALENDAR");
    line(&mut head, "VERSION:2.0");
    line(
        &mut head,
        &format!(
            "PRODID:-//innerceo//innerceo {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
    );
    line(&mut head, "CALSCALE:GREGORIAN");
    out.write_all(head.as_bytes())?;
    src.each_item(&mut |item| {
        written.add(item);
        let mut text = String::new();
        session(&mut text, item, &stamp);
        Ok(out.write_all(text.as_bytes())?)
    })?;
    let mut tail = String::new();
    line(&mut tail, "END:VCALENDAR");
    out.write_all(tail.as_bytes())?;
    Ok(written)
}

/// A session's to-dos and its next session's event.
fn session(out: &mut String, item: &Item, stamp: &str) {
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
        line(out, "BEGIN:VTODO");
        line(out, &format!("UID:{}@innerceo", a.id));
        line(out, &format!("DTSTAMP:{stamp}"));
        line(out, &format!("SUMMARY:{}", text(&a.text)));
        line(out, &format!("DUE;VALUE=DATE:{}", date(due)));
        line(out, "STATUS:NEEDS-ACTION");
        line(out, &format!("DESCRIPTION:{}", text(&description)));
        alarm(out, true, &format!("Due tomorrow: {}", a.text));
        line(out, "END:VTODO");
    }
    if let Some(next) = r.session.next_session {
        let mut description = format!(
            "Planned in the session of {session_day} (session {}).",
            super::short_id(&r.session.id)
        );
        if let Some(note) = private_note(r, false) {
            description.push_str(&format!("\n\nPrivate — coach only:\n{note}"));
        }
        line(out, "BEGIN:VEVENT");
        line(out, &format!("UID:{}@innerceo", r.session.id));
        line(out, &format!("DTSTAMP:{stamp}"));
        line(out, &format!("DTSTART;VALUE=DATE:{}", date(next)));
        line(
            out,
            &format!("DTEND;VALUE=DATE:{}", date(next + Duration::days(1))),
        );
        line(
            out,
            &format!(
                "SUMMARY:{}",
                text(&format!("Coaching session with {}", r.coachee.name))
            ),
        );
        line(out, &format!("DESCRIPTION:{}", text(&description)));
        line(out, "TRANSP:TRANSPARENT");
        alarm(
            out,
            false,
            &format!("Coaching session with {} tomorrow", r.coachee.name),
        );
        line(out, "END:VEVENT");
    }
}

/// The date of `a`'s to-do: open actions with a due date only.
pub(super) fn todo_due(a: &Action) -> Option<Date> {
    a.due.filter(|_| a.status == ActionStatus::Open)
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
