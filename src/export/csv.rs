//! The CSV export: one row per action agreed in the exported sessions, for a
//! spreadsheet. Cells that a spreadsheet would run as a formula are
//! neutralised.

use anyhow::Result;

use super::{Export, day};
use crate::dates::fmt_date;

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

/// The actions as CSV (RFC 4180 quoting, `\n` line ends), header first.
pub fn render(export: &Export) -> Result<Vec<u8>> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER)?;
    for item in &export.sessions {
        let r = &item.record;
        for a in &r.actions {
            w.write_record([
                safe(&r.coachee.name),
                day(r.session.started_at),
                safe(&a.text),
                safe(&a.owner),
                a.due.map(fmt_date).unwrap_or_default(),
                a.status.as_str().to_owned(),
                a.completed_on.map(fmt_date).unwrap_or_default(),
            ])?;
        }
    }
    Ok(w.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error()))?)
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
