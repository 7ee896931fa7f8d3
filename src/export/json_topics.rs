//! Topics for next time and goals in the JSON export (`topics` and
//! `goals`, after the sessions that touched them) and back in an import.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::model::{Goal, GoalHistory, GoalUpdate, Topic, TopicOrigin, TopicReview};

/// A topic with every review of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonTopic {
    pub id: String,
    pub coachee_id: String,
    pub text: String,
    pub private: bool,
    pub origin: TopicOrigin,
    #[serde(with = "time::serde::rfc3339")]
    pub raised_at: OffsetDateTime,
    /// The session it was parked in, if any.
    pub raised_in: Option<String>,
    /// Oldest first.
    #[serde(default)]
    pub reviews: Vec<TopicReview>,
}

impl JsonTopic {
    pub fn from_topic(t: &Topic, reviews: Vec<TopicReview>) -> Self {
        JsonTopic {
            id: t.id.clone(),
            coachee_id: t.coachee_id.clone(),
            text: t.text.clone(),
            private: t.private,
            origin: t.origin,
            raised_at: t.raised_at,
            raised_in: t.raised_in.clone(),
            reviews,
        }
    }

    pub fn to_topic(&self) -> Topic {
        Topic {
            id: self.id.clone(),
            coachee_id: self.coachee_id.clone(),
            text: self.text.clone(),
            private: self.private,
            origin: self.origin,
            raised_at: self.raised_at,
            raised_in: self.raised_in.clone(),
            last_outcome: self.reviews.last().map(|r| r.outcome),
        }
    }

    /// Whether the session `id` parked or reviewed it.
    pub fn touches(&self, id: &str) -> bool {
        self.raised_in.as_deref() == Some(id) || self.reviews.iter().any(|r| r.session_id == id)
    }
}

/// A goal with every update of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonGoal {
    pub id: String,
    pub coachee_id: String,
    pub text: String,
    /// The Six Center it moves (a rating item id), and the score aimed for.
    #[serde(default)]
    pub center: Option<String>,
    #[serde(default)]
    pub target: Option<i64>,
    #[serde(default)]
    pub target_date: Option<time::Date>,
    /// A sponsor's report may name it.
    #[serde(default)]
    pub shareable: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(default)]
    pub created_in: Option<String>,
    /// Progress notes and status changes, oldest first.
    #[serde(default)]
    pub updates: Vec<GoalUpdate>,
}

impl JsonGoal {
    pub fn from_history(h: &GoalHistory) -> Self {
        let g = &h.goal;
        JsonGoal {
            id: g.id.clone(),
            coachee_id: g.coachee_id.clone(),
            text: g.text.clone(),
            center: g.center.clone(),
            target: g.target,
            target_date: g.target_date,
            shareable: g.shareable,
            created_at: g.created_at,
            created_in: g.created_in.clone(),
            updates: h.updates.clone(),
        }
    }

    pub fn to_history(&self) -> GoalHistory {
        GoalHistory {
            goal: Goal {
                id: self.id.clone(),
                coachee_id: self.coachee_id.clone(),
                text: self.text.clone(),
                center: self.center.clone(),
                target: self.target,
                target_date: self.target_date,
                shareable: self.shareable,
                created_at: self.created_at,
                created_in: self.created_in.clone(),
            },
            updates: self.updates.clone(),
        }
    }

    /// Whether the session `id` set or updated it.
    pub fn touches(&self, id: &str) -> bool {
        self.created_in.as_deref() == Some(id)
            || self
                .updates
                .iter()
                .any(|u| u.session_id.as_deref() == Some(id))
    }
}
