//! Dates and times as people type and read them: local time, due-date parsing.
//!
//! Times are stored in UTC and shown in local time. The local offset is read
//! once at start-up (`init_local_offset`), because reading it later from a
//! multi-threaded process is refused by the `time` crate on Unix.

use std::sync::OnceLock;

use time::{Date, Duration, Month, OffsetDateTime, UtcOffset, Weekday};

static LOCAL_OFFSET: OnceLock<UtcOffset> = OnceLock::new();

/// Reads the local UTC offset once; call early in `main`, before any thread starts.
pub fn init_local_offset() {
    let offset = UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC);
    let _ = LOCAL_OFFSET.set(offset);
}

/// The local offset read at start-up (UTC if it could not be read).
pub fn local_offset() -> UtcOffset {
    *LOCAL_OFFSET.get().unwrap_or(&UtcOffset::UTC)
}

/// Now, in UTC.
pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// Today's local date.
pub fn today() -> Date {
    now().to_offset(local_offset()).date()
}

/// How long from `t` until the local date changes: the next moment a
/// screen showing "today", "overdue" or "in 3 days" reads differently.
pub fn until_tomorrow(t: OffsetDateTime) -> std::time::Duration {
    let local = t.to_offset(local_offset());
    let next = local
        .date()
        .next_day()
        .map(|d| d.midnight().assume_offset(local_offset()));
    next.map_or(std::time::Duration::MAX, |n| (n - t).unsigned_abs())
}

/// The local date of a stored time.
pub fn local_date(t: OffsetDateTime) -> Date {
    t.to_offset(local_offset()).date()
}

/// `2026-11-25`.
pub fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `2026-11-25 14:05` in local time.
pub fn fmt_datetime(t: OffsetDateTime) -> String {
    let l = t.to_offset(local_offset());
    format!("{} {:02}:{:02}", fmt_date(l.date()), l.hour(), l.minute())
}

/// `Wed 25 Nov 2026`, for humans.
pub fn fmt_date_long(d: Date) -> String {
    let wd = &d.weekday().to_string()[..3];
    let mon = &d.month().to_string()[..3];
    format!("{wd} {} {mon} {}", d.day(), d.year())
}

/// Minutes and seconds, `12:05`; hours when needed, `1:02:03`.
pub fn fmt_clock(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    let sign = if seconds < 0 { "-" } else { "" };
    if h > 0 {
        format!("{sign}{h}:{m:02}:{s:02}")
    } else {
        format!("{sign}{m}:{s:02}")
    }
}

/// `45 min`, `1 h 20 min`.
pub fn fmt_duration(seconds: i64) -> String {
    let m = (seconds.max(0) + 30) / 60;
    if m >= 60 {
        format!("{} h {:02} min", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

/// Parses an ISO date `YYYY-MM-DD`.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
}

/// Why a typed date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{input}\" is not a date: use 2026-12-05, +3d, +2w, today, tomorrow, a weekday like fri, next week or next month"
)]
pub struct DateError {
    pub input: String,
}

/// The first day of the week from the settings (`week_start`), set once at
/// start; Monday until then.
static WEEK_START: std::sync::OnceLock<Weekday> = std::sync::OnceLock::new();

pub fn set_week_start(day: Weekday) {
    let _ = WEEK_START.set(day);
}

pub fn week_start() -> Weekday {
    WEEK_START.get().copied().unwrap_or(Weekday::Monday)
}

/// The first day of the week after the one `today` is in, weeks starting
/// on `start`.
pub fn next_week(today: Date, start: Weekday) -> Date {
    let mut d = today + Duration::days(1);
    while d.weekday() != start {
        d += Duration::days(1);
    }
    d
}

/// Parses a due date as typed by a coach, relative to `today`:
/// `2026-12-05`, `+3d`, `+2w`, `+1m`, `today`, `tomorrow`, a weekday name
/// (`fri`, `friday`: the next one, never today), `next week` and `next
/// month` (their first day) or `end of week` (the last day of this one),
/// weeks starting on the `week_start` setting. An empty string is `None`.
pub fn parse_due(input: &str, today: Date) -> Result<Option<Date>, DateError> {
    parse_due_in(input, today, week_start())
}

/// [`parse_due`] with the week starting on `start`.
pub fn parse_due_in(input: &str, today: Date, start: Weekday) -> Result<Option<Date>, DateError> {
    let s = input.trim().to_lowercase();
    let err = || DateError {
        input: input.trim().to_owned(),
    };
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(d) = parse_iso_date(&s) {
        return Ok(Some(d));
    }
    match s.as_str() {
        "today" => return Ok(Some(today)),
        "tomorrow" | "tmr" => return Ok(Some(today + Duration::days(1))),
        "next week" => return Ok(Some(next_week(today, start))),
        // Like "next week": where the next month begins.
        "next month" => {
            let d = add_months(today, 1).ok_or_else(err)?;
            return Ok(d.replace_day(1).ok());
        }
        "end of week" | "end of the week" | "eow" | "this week" => {
            return Ok(Some(next_week(today, start) - Duration::days(1)));
        }
        _ => {}
    }
    if let Some(rest) = s.strip_prefix('+') {
        let (num, unit) = rest.split_at(
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len()),
        );
        let n: i64 = num.parse().map_err(|_| err())?;
        if n > 3650 {
            return Err(err());
        }
        let days = match unit.trim() {
            "" | "d" | "day" | "days" => n,
            "w" | "wk" | "week" | "weeks" => n * 7,
            "m" | "month" | "months" => {
                return add_months(today, n).map(Some).ok_or_else(err);
            }
            _ => return Err(err()),
        };
        return Ok(Some(today + Duration::days(days)));
    }
    // "next friday": that day in the next week, as "next week" is that
    // week's first day (the form shows the date it makes at once).
    if let Some(wd) = s
        .strip_prefix("next ")
        .map(str::trim)
        .and_then(parse_weekday)
    {
        let mut d = next_week(today, start);
        while d.weekday() != wd {
            d += Duration::days(1);
        }
        return Ok(Some(d));
    }
    let s = s
        .strip_prefix("this ")
        .or_else(|| s.strip_prefix("on "))
        .map_or(s.as_str(), str::trim);
    if let Some(wd) = parse_weekday(s) {
        let mut d = today + Duration::days(1);
        while d.weekday() != wd {
            d += Duration::days(1);
        }
        return Ok(Some(d));
    }
    Err(err())
}

/// `→ Fri 11 Dec 2026`, what a typed date makes, with a warning when it
/// is already past (a mistyped year reads at once).
pub fn date_hint(d: Date, today: Date) -> String {
    if d < today {
        format!("→ {} (already past)", fmt_date_long(d))
    } else {
        format!("→ {}", fmt_date_long(d))
    }
}

/// `months` calendar months after `d`, as a person counts them: the same
/// day of the month, or the month's last day when it is shorter (31 January
/// + 1 month is the last day of February). `None` past the calendar's end.
fn add_months(d: Date, months: i64) -> Option<Date> {
    let index = i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1 + months;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = d.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).ok()
}

fn parse_weekday(s: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    if s.len() < 2 {
        return None;
    }
    DAYS.iter()
        .find(|(name, _)| name.starts_with(s) && s.len() >= 3 || *name == s)
        .map(|(_, wd)| *wd)
}

/// A rhythm as typed: `2w`, `14d`, `1m` (30 days), `every 2 weeks`; `none`
/// (or empty) for no rhythm.
pub fn parse_rhythm(input: &str) -> Result<Option<i64>, RhythmError> {
    let s = input.trim().to_lowercase();
    let s = s.strip_prefix("every").map_or(s.as_str(), str::trim);
    if s.is_empty() || s == "none" {
        return Ok(None);
    }
    let err = || RhythmError {
        input: input.trim().to_owned(),
    };
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: i64 = if num.is_empty() {
        1
    } else {
        num.parse().map_err(|_| err())?
    };
    let days = match unit.trim() {
        "" | "d" | "day" | "days" => n,
        "w" | "wk" | "week" | "weeks" => n * 7,
        "m" | "month" | "months" => n * 30,
        _ => return Err(err()),
    };
    if (1..=366).contains(&days) {
        Ok(Some(days))
    } else {
        Err(err())
    }
}

/// How far ahead `innerceo due --within` looks, in days: `0d` (or `0`,
/// `today`) is today only, then `7d`, `2w`, `1m` (30 days), up to ten years.
pub fn parse_window(input: &str) -> Result<i64, WindowError> {
    let s = input.trim().to_lowercase();
    let err = || WindowError {
        input: input.trim().to_owned(),
    };
    if s == "today" {
        return Ok(0);
    }
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: i64 = num.parse().map_err(|_| err())?;
    let days = match unit.trim() {
        "" | "d" | "day" | "days" => Some(n),
        "w" | "wk" | "week" | "weeks" => n.checked_mul(7),
        "m" | "month" | "months" => n.checked_mul(30),
        _ => None,
    };
    days.filter(|d| (0..=3660).contains(d)).ok_or_else(err)
}

/// A time window that is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{input}\" is not a time to look ahead: use 7d (the next seven days), 2w, 1m, or 0d for today only"
)]
pub struct WindowError {
    pub input: String,
}

/// A rhythm that is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{input}\" is not a rhythm: use 2w (every two weeks), 10d, 1m, or none")]
pub struct RhythmError {
    pub input: String,
}

/// `every 2 weeks`, `every 10 days`, `no rhythm`.
pub fn fmt_rhythm(days: Option<i64>) -> String {
    match days {
        None => "no rhythm".to_owned(),
        Some(7) => "every week".to_owned(),
        Some(d) if d % 7 == 0 => format!("every {} weeks", d / 7),
        Some(1) => "every day".to_owned(),
        Some(d) => format!("every {d} days"),
    }
}

/// How a due date reads beside today, in words that need no colour:
/// `due today`, `in 3 days`, `overdue by 5 days`.
pub fn due_words(d: Date, today: Date) -> String {
    let days = (d - today).whole_days();
    match days {
        0 => "due today".to_owned(),
        1 => "due tomorrow".to_owned(),
        n if n > 1 => format!("in {n} days"),
        -1 => "overdue by 1 day".to_owned(),
        n => format!("overdue by {} days", -n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    // 2026-11-25 is a Wednesday.
    const TODAY: Date = date!(2026 - 11 - 25);

    #[test]
    fn accepts_the_forms_coaches_type() {
        let cases = [
            ("2026-12-05", date!(2026 - 12 - 05)),
            ("+3d", date!(2026 - 11 - 28)),
            ("+3", date!(2026 - 11 - 28)),
            ("+2w", date!(2026 - 12 - 09)),
            ("+1m", date!(2026 - 12 - 25)),
            ("+2m", date!(2027 - 01 - 25)),
            ("+3 months", date!(2027 - 02 - 25)),
            ("next month", date!(2026 - 12 - 01)),
            ("Next Month", date!(2026 - 12 - 01)),
            ("today", TODAY),
            ("Tomorrow", date!(2026 - 11 - 26)),
            ("fri", date!(2026 - 11 - 27)),
            ("friday", date!(2026 - 11 - 27)),
            ("wed", date!(2026 - 12 - 02)),
            ("MON", date!(2026 - 11 - 30)),
            ("  2027-01-31 ", date!(2027 - 01 - 31)),
        ];
        for (input, want) in cases {
            assert_eq!(parse_due(input, TODAY), Ok(Some(want)), "{input}");
        }
        assert_eq!(parse_due("  ", TODAY), Ok(None));
    }

    #[test]
    fn next_friday_is_friday_of_next_week_and_this_friday_the_coming_one() {
        let cases = [
            ("next friday", date!(2026 - 12 - 04)),
            ("Next Fri", date!(2026 - 12 - 04)),
            ("next monday", date!(2026 - 11 - 30)),
            ("next wed", date!(2026 - 12 - 02)),
            ("this friday", date!(2026 - 11 - 27)),
            ("on fri", date!(2026 - 11 - 27)),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse_due_in(input, TODAY, Weekday::Monday),
                Ok(Some(want)),
                "{input}"
            );
        }
        // A week starting on Sunday: next week begins on 29 November.
        assert_eq!(
            parse_due_in("next friday", TODAY, Weekday::Sunday),
            Ok(Some(date!(2026 - 12 - 04)))
        );
        assert_eq!(
            parse_due_in("next sunday", TODAY, Weekday::Sunday),
            Ok(Some(date!(2026 - 11 - 29)))
        );
        assert!(parse_due_in("next blursday", TODAY, Weekday::Monday).is_err());
    }

    #[test]
    fn a_date_already_past_says_so() {
        assert_eq!(date_hint(TODAY, TODAY), "→ Wed 25 Nov 2026");
        assert_eq!(
            date_hint(date!(2025 - 12 - 10), TODAY),
            "→ Wed 10 Dec 2025 (already past)"
        );
    }

    #[test]
    fn a_month_is_a_calendar_month_ending_on_the_last_day_of_a_short_one() {
        let cases = [
            (date!(2027 - 01 - 31), "+1m", date!(2027 - 02 - 28)),
            (date!(2028 - 01 - 31), "+1m", date!(2028 - 02 - 29)),
            (date!(2026 - 11 - 30), "+1m", date!(2026 - 12 - 30)),
            (date!(2026 - 12 - 31), "+2m", date!(2027 - 02 - 28)),
            (date!(2026 - 10 - 31), "+1m", date!(2026 - 11 - 30)),
            (date!(2026 - 11 - 15), "+12m", date!(2027 - 11 - 15)),
        ];
        for (today, input, want) in cases {
            assert_eq!(parse_due(input, today), Ok(Some(want)), "{today} {input}");
        }
    }

    #[test]
    fn refuses_nonsense_with_a_message() {
        for input in [
            "2026-02-30",
            "2026-13-01",
            "soon",
            "+",
            "+x",
            "+3y",
            "f",
            "+99999d",
            "next year",
            "12/05",
        ] {
            let e = parse_due(input, TODAY).expect_err(input);
            assert!(e.to_string().contains("is not a date"), "{input}: {e}");
            assert!(e.to_string().contains("+2w"), "{input}: {e}");
        }
    }

    #[test]
    fn formats_clock_and_durations() {
        assert_eq!(fmt_clock(65), "1:05");
        assert_eq!(fmt_clock(3723), "1:02:03");
        assert_eq!(fmt_clock(-30), "-0:30");
        assert_eq!(fmt_duration(45 * 60), "45 min");
        assert_eq!(fmt_duration(80 * 60), "1 h 20 min");
        assert_eq!(fmt_date_long(TODAY), "Wed 25 Nov 2026");
    }
}
