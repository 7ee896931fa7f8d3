//! Goals that last across sessions: what the coachee is working towards,
//! and what each session made of it.

use crate::model::GoalId;
use crate::model::{CoacheeId, SessionId};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// A goal of one coachee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: GoalId,
    pub coachee_id: CoacheeId,
    pub text: String,
    /// The Six Center it moves (a rating item id such as `autonomy`).
    #[serde(default)]
    pub center: Option<String>,
    /// The score aimed for on that center.
    #[serde(default)]
    pub target: Option<i64>,
    #[serde(default)]
    pub target_date: Option<Date>,
    /// A sponsor's report may name it.
    #[serde(default)]
    pub shareable: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The session it was set in, if any.
    #[serde(default)]
    pub created_in: Option<SessionId>,
}

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoalStatus {
    Active,
    Achieved,
    Dropped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 3] = [
        GoalStatus::Active,
        GoalStatus::Achieved,
        GoalStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Active => "active",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

/// What one session (or a moment between sessions) made of a goal: a
/// progress note and, when it changed, the new status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalUpdate {
    pub id: String,
    #[serde(default)]
    pub session_id: Option<SessionId>,
    #[serde(default)]
    pub status: Option<GoalStatus>,
    #[serde(default)]
    pub note: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// A goal with its updates, oldest first (also its form in JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalHistory {
    pub goal: Goal,
    #[serde(default)]
    pub updates: Vec<GoalUpdate>,
}

impl GoalHistory {
    /// Whether the session `id` set or updated it.
    pub fn touches(&self, id: &str) -> bool {
        self.goal.created_in.as_deref() == Some(id)
            || self
                .updates
                .iter()
                .any(|u| u.session_id.as_deref() == Some(id))
    }

    /// Whether a session `id` that began at `started` works on it: the
    /// goal was active then, or the session set or updated it.
    pub fn for_session(&self, id: &str, started: OffsetDateTime) -> bool {
        self.touches(id)
            || (self.goal.created_at <= started && self.status_at(started) == GoalStatus::Active)
    }

    /// What session `id` made of it: the status it set, else active (a
    /// session lists only goals active when it began, or set in it).
    pub fn status_in(&self, id: &str) -> GoalStatus {
        self.in_session(id)
            .and_then(|u| u.status)
            .unwrap_or(GoalStatus::Active)
    }

    /// The latest status set, and the update that set it.
    pub fn last_change(&self) -> Option<(&GoalUpdate, GoalStatus)> {
        self.updates
            .iter()
            .rev()
            .find_map(|u| u.status.map(|s| (u, s)))
    }

    /// Where the goal stands now: the latest status set, else active.
    pub fn status(&self) -> GoalStatus {
        self.last_change().map_or(GoalStatus::Active, |(_, s)| s)
    }

    /// Where it stood at `at`: only updates made by then count.
    pub fn status_at(&self, at: OffsetDateTime) -> GoalStatus {
        self.updates
            .iter()
            .rev()
            .filter(|u| u.at <= at)
            .find_map(|u| u.status)
            .unwrap_or(GoalStatus::Active)
    }

    /// The update session `id` made, if any.
    pub fn in_session(&self, id: &str) -> Option<&GoalUpdate> {
        self.updates
            .iter()
            .find(|u| u.session_id.as_deref() == Some(id))
    }

    /// The latest progress note written, with when.
    pub fn last_note(&self) -> Option<&GoalUpdate> {
        self.updates
            .iter()
            .rev()
            .find(|u| !u.note.trim().is_empty())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn update(at: OffsetDateTime, status: Option<GoalStatus>) -> GoalUpdate {
        GoalUpdate {
            id: crate::model::new_id(),
            session_id: None,
            status,
            note: String::new(),
            at,
        }
    }

    #[test]
    fn status_is_the_latest_set_and_notes_alone_do_not_change_it() {
        let h = GoalHistory {
            goal: Goal {
                id: "g".into(),
                coachee_id: "c".into(),
                text: "Lead the offsite".into(),
                center: Some("autonomy".into()),
                target: Some(8),
                target_date: None,
                shareable: false,
                created_at: datetime!(2026-01-01 9:00 UTC),
                created_in: None,
            },
            updates: vec![
                update(datetime!(2026-02-01 9:00 UTC), Some(GoalStatus::Achieved)),
                update(datetime!(2026-03-01 9:00 UTC), None),
            ],
        };
        assert_eq!(h.status(), GoalStatus::Achieved);
        assert_eq!(
            h.status_at(datetime!(2026-01-15 9:00 UTC)),
            GoalStatus::Active
        );
        assert_eq!(
            h.status_at(datetime!(2026-02-01 9:00 UTC)),
            GoalStatus::Achieved
        );
        for s in GoalStatus::ALL {
            assert_eq!(GoalStatus::parse(s.as_str()), Some(s));
        }
    }
}
