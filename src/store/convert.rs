//! How times, dates and enums are written in SQL, and read back.
//!
//! Times are stored as RFC 3339 UTC text truncated to the second
//! (`2026-11-25T19:24:27Z`): one fixed width, so text order is time order
//! (a fractional part would break that: `.` sorts before `Z`).

use time::format_description::BorrowedFormatItem;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

use super::{Result, StoreError};

const TIMESTAMP: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
const DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// The time as it will be stored: in UTC, whole seconds. Functions that
/// return what they stored apply this so the value equals what is read back.
pub(crate) fn stored_time(t: OffsetDateTime) -> OffsetDateTime {
    t.to_offset(UtcOffset::UTC).truncate_to_second()
}

pub(crate) fn time_to_sql(t: OffsetDateTime) -> Result<String> {
    stored_time(t)
        .format(TIMESTAMP)
        .map_err(|e| StoreError::BadData(format!("time {t} cannot be stored: {e}")))
}

pub(crate) fn time_from_sql(s: &str) -> Result<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339)
        .map(|t| t.to_offset(UtcOffset::UTC))
        .map_err(|e| StoreError::BadData(format!("time {s:?}: {e}")))
}

pub(crate) fn opt_time_from_sql(s: Option<String>) -> Result<Option<OffsetDateTime>> {
    s.as_deref().map(time_from_sql).transpose()
}

pub(crate) fn date_to_sql(d: Date) -> Result<String> {
    d.format(DATE)
        .map_err(|e| StoreError::BadData(format!("date {d} cannot be stored: {e}")))
}

pub(crate) fn opt_date_to_sql(d: Option<Date>) -> Result<Option<String>> {
    d.map(date_to_sql).transpose()
}

pub(crate) fn date_from_sql(s: &str) -> Result<Date> {
    Date::parse(s, DATE).map_err(|e| StoreError::BadData(format!("date {s:?}: {e}")))
}

pub(crate) fn opt_date_from_sql(s: Option<String>) -> Result<Option<Date>> {
    s.as_deref().map(date_from_sql).transpose()
}

/// Parses an enum column with the type's own `parse`; the CHECK constraints
/// make a failure mean a file edited by hand or a newer writer.
pub(crate) fn enum_from_sql<T>(
    s: &str,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T> {
    parse(s).ok_or_else(|| StoreError::BadData(format!("unknown {what} {s:?}")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn times_are_utc_whole_seconds_and_sort_as_text() {
        let t = datetime!(2026-11-25 20:24:27.75 +01:00);
        let s = time_to_sql(t).unwrap();
        assert_eq!(s, "2026-11-25T19:24:27Z");
        assert_eq!(
            time_from_sql(&s).unwrap(),
            datetime!(2026-11-25 19:24:27 UTC)
        );
        let later = time_to_sql(datetime!(2026-11-25 19:24:28 UTC)).unwrap();
        assert!(s < later);
    }

    #[test]
    fn dates_round_trip() {
        let d = date!(2027 - 01 - 05);
        assert_eq!(date_to_sql(d).unwrap(), "2027-01-05");
        assert_eq!(date_from_sql("2027-01-05").unwrap(), d);
        assert!(date_from_sql("5/1/2027").is_err());
    }
}
