//! The actions agreed in a report's sessions, counted as they stood on
//! the report's last day: replayed from their history when that day is past.

use time::Date;

use super::{Actions, OpenAction, day_of};
use crate::dates::local_date;
use crate::model::{Action, ActionReview, ActionStatus, ReviewOutcome, SessionRecord};
use crate::report::Audience;

/// Counts one action into `out`.
#[allow(clippy::too_many_arguments)]
pub(super) fn count(
    out: &mut Actions,
    rec: &SessionRecord,
    a: &Action,
    history: &[ActionReview],
    as_of: Date,
    today: Date,
    audience: Audience,
) {
    let agreed = day_of(rec);
    let (status, done_on) = status_at(a, history, as_of, today);
    out.agreed += 1;
    match status {
        ActionStatus::Done => {
            out.done += 1;
            if let Some(d) = done_on {
                out.done_after.push((d - agreed).whole_days().max(0));
            }
        }
        ActionStatus::Dropped => out.dropped += 1,
        ActionStatus::Open => {
            out.open += 1;
            let overdue = a.due.is_some_and(|d| d < as_of);
            if overdue {
                out.overdue += 1;
            }
            if !audience.is_sponsor() {
                out.open_list.push(OpenAction {
                    text: a.text.clone(),
                    owner: a.owner.clone(),
                    due: a.due,
                    agreed,
                    overdue,
                });
            }
        }
    }
}

/// An action's status on `as_of` and the day it was done: as stored when
/// the period runs to today, else replayed from its history.
fn status_at(
    a: &Action,
    history: &[ActionReview],
    as_of: Date,
    today: Date,
) -> (ActionStatus, Option<Date>) {
    let last_done = |until: Date| {
        history
            .iter()
            .filter(|r| r.outcome == ReviewOutcome::Done && local_date(r.at) <= until)
            .map(|r| local_date(r.at))
            .max()
    };
    if as_of >= today {
        let done_on = match a.status {
            ActionStatus::Done => a.completed_on.or_else(|| last_done(today)),
            _ => None,
        };
        return (a.status, done_on);
    }
    let last = history
        .iter()
        .filter(|r| local_date(r.at) <= as_of)
        .max_by_key(|r| r.at);
    match last {
        Some(r) if r.outcome == ReviewOutcome::Done => (ActionStatus::Done, last_done(as_of)),
        Some(r) => (r.outcome.status(), None),
        None => (ActionStatus::Open, None),
    }
}
