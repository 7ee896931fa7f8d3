//! The coachee's goals in a report: those alive during the period, as they
//! stood on its last day. A sponsor's report names only the goals the
//! coachee agreed to share, and none of their progress notes.

use time::{Date, OffsetDateTime, Time};

use super::Center;
use crate::dates::local_date;
use crate::model::{GoalHistory, GoalStatus};
use crate::report::{Audience, Period};

/// A goal as the report shows it.
#[derive(Debug, Clone)]
pub struct GoalLine {
    pub history: GoalHistory,
    /// Where it stood on the report's last day.
    pub status: GoalStatus,
    /// The day that status was set (none for a goal never closed).
    pub changed: Option<Date>,
    /// Progress notes up to the report's last day, oldest first; empty for
    /// a sponsor.
    pub notes: Vec<(Date, String)>,
}

/// The end of `day`, for "as it stood on that day".
fn end_of(day: Date) -> OffsetDateTime {
    day.with_time(Time::MAX).assume_utc()
}

/// The goals set by the period's end and not closed before it began.
pub(super) fn lines(
    goals: Vec<GoalHistory>,
    period: Period,
    as_of: Date,
    audience: Audience,
) -> Vec<GoalLine> {
    let end = end_of(as_of);
    goals
        .into_iter()
        .filter(|h| local_date(h.goal.created_at) <= as_of)
        .filter(|h| !audience.is_sponsor() || h.goal.shareable)
        .filter_map(|h| {
            let status = h.status_at(end);
            let changed = h
                .updates
                .iter()
                .rev()
                .filter(|u| u.at <= end)
                .find_map(|u| u.status.map(|_| local_date(u.at)))
                .filter(|_| status != GoalStatus::Active);
            // Closed before the period began: not part of this stretch.
            if let (Some(d), Some(since)) = (changed, period.since)
                && d < since
            {
                return None;
            }
            let notes = if audience.is_sponsor() {
                Vec::new()
            } else {
                h.updates
                    .iter()
                    .filter(|u| u.at <= end && !u.note.trim().is_empty())
                    .map(|u| (local_date(u.at), u.note.trim().to_owned()))
                    .collect()
            };
            Some(GoalLine {
                history: h,
                status,
                changed,
                notes,
            })
        })
        .collect()
}

/// Each center's target: the score the latest active goal on it aims for.
pub(super) fn set_targets(rows: &mut [Center], goals: &[GoalLine]) {
    for row in rows {
        row.target = goals
            .iter()
            .rev()
            .filter(|g| g.status == GoalStatus::Active)
            .filter(|g| g.history.goal.center.as_deref() == Some(row.id.as_str()))
            .find_map(|g| g.history.goal.target);
    }
}
