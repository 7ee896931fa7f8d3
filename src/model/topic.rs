//! Topics parked for next time, and how a session's review left them.

use crate::model::TopicId;
use crate::model::{CoacheeId, SessionId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The topics of one session: those it parked for next time, and those it
/// reviewed, with the outcome it gave each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionTopics {
    pub parked: Vec<Topic>,
    pub reviewed: Vec<(Topic, TopicOutcome)>,
}

/// A topic to bring to a later session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: TopicId,
    pub coachee_id: CoacheeId,
    pub text: String,
    /// Only the coach sees it (hidden in share-safe mode, left out of
    /// exports unless asked for).
    pub private: bool,
    pub origin: TopicOrigin,
    #[serde(with = "time::serde::rfc3339")]
    pub raised_at: OffsetDateTime,
    /// The session it was parked in, if any.
    pub raised_in: Option<SessionId>,
    /// Its latest review's outcome; `None` while never reviewed.
    pub last_outcome: Option<TopicOutcome>,
}

impl Topic {
    /// Still to talk about: never reviewed, or carried over.
    pub fn is_open(&self) -> bool {
        matches!(self.last_outcome, None | Some(TopicOutcome::Carried))
    }
}

/// Who raised a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicOrigin {
    Coach,
    /// In their preparation before a session.
    Coachee,
}

impl TopicOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            TopicOrigin::Coach => "coach",
            TopicOrigin::Coachee => "coachee",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "coach" => Some(TopicOrigin::Coach),
            "coachee" => Some(TopicOrigin::Coachee),
            _ => None,
        }
    }
}

/// What a session's review made of a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicOutcome {
    Discussed,
    /// Still open: for the session after.
    Carried,
    Dropped,
}

impl TopicOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            TopicOutcome::Discussed => "discussed",
            TopicOutcome::Carried => "carried",
            TopicOutcome::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "discussed" => Some(TopicOutcome::Discussed),
            "carried" => Some(TopicOutcome::Carried),
            "dropped" => Some(TopicOutcome::Dropped),
            _ => None,
        }
    }
}

/// One session's review of a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicReview {
    pub session_id: SessionId,
    pub outcome: TopicOutcome,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}
