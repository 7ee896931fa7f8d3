//! Topics for next time and goals in the JSON export (`topics` and
//! `goals`, after the sessions that touched them) and back in an import.

use crate::model::TopicId;
use crate::model::{CoacheeId, SessionId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::model::{GoalHistory, Topic, TopicOrigin, TopicReview};

/// A topic with every review of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonTopic {
    pub id: TopicId,
    pub coachee_id: CoacheeId,
    pub text: String,
    pub private: bool,
    pub origin: TopicOrigin,
    #[serde(with = "time::serde::rfc3339")]
    pub raised_at: OffsetDateTime,
    /// The session it was parked in, if any.
    pub raised_in: Option<SessionId>,
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

/// A goal in the file: the goal and its updates, oldest first.
pub type JsonGoal = GoalHistory;
