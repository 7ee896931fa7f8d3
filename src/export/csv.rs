//! The CSV export: one row per action agreed in the exported sessions, for a
//! spreadsheet (with `--include-private`, one more column: the coach's
//! private note on the session's actions). Cells that a spreadsheet would run as a formula are
//! neutralised.

use std::io;

use anyhow::Result;

use super::source::Source;
use super::{Export, Written, day};
use crate::dates::fmt_date;
use crate::guide::StageKind;
use crate::model::Visibility;

/// The header row.
pub const HEADER: [&str; 7] = [
    "coachee",
    "session date",
    "text",
    "owner",
    "due",
    "status",
    "completed",
];

/// The extra column of `--include-private`: the coach's private note on
/// the agreed actions of the session.
pub const PRIVATE_HEADER: &str = "private note (coach only)";

/// The actions as CSV (RFC 4180 quoting, `\n` line ends), header first.
pub fn render(export: &Export) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write(export, &mut out)?;
    Ok(out)
}

/// Writes the actions as CSV, a session at a time.
pub fn write(src: &dyn Source, out: &mut dyn io::Write) -> Result<Written> {
    let mut written = Written::default();
    let include_private = src.include_private();
    let mut w = ::csv::Writer::from_writer(out);
    let mut header: Vec<&str> = HEADER.to_vec();
    if include_private {
        header.push(PRIVATE_HEADER);
    }
    w.write_record(&header)?;
    src.each_item(&mut |item| {
        written.add(item);
        let r = &item.record;
        // Only present when the export includes private notes.
        let private = r
            .session
            .guide
            .stages
            .iter()
            .filter(|s| matches!(s.kind, StageKind::Actions))
            .find_map(|s| r.note(&s.id, Visibility::Private))
            .map(|n| safe(&n.text))
            .unwrap_or_default();
        for a in &r.actions {
            let mut row = vec![
                safe(&r.coachee.name),
                day(r.session.started_at),
                safe(&a.text),
                safe(&super::owner(&a.owner)),
                a.due.map(fmt_date).unwrap_or_default(),
                a.status.as_str().to_owned(),
                a.completed_on.map(fmt_date).unwrap_or_default(),
            ];
            if include_private {
                row.push(private.clone());
            }
            w.write_record(&row)?;
        }
        Ok(())
    })?;
    w.flush()?;
    Ok(written)
}

/// Prefixes `'` to a cell that starts like a formula (`=`, `+`, `-`, `@`,
/// tab or carriage return), so spreadsheets show it as text instead of
/// running it (CSV injection).
pub fn safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn neutralises_formulas_only() {
        assert_eq!(safe("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(safe("@cmd"), "'@cmd");
        assert_eq!(safe("\t=1"), "'\t=1");
        assert_eq!(safe("Call Ada"), "Call Ada");
        assert_eq!(safe(""), "");
    }
}
