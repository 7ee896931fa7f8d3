//! Agreed actions: where each stands, what it is linked to, and its history
//! of reviews and due-date changes.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::{ActionId, CoacheeId, SessionId};

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionStatus {
    Open,
    Done,
    Dropped,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(ActionStatus::Open),
            "done" => Some(ActionStatus::Done),
            "dropped" => Some(ActionStatus::Dropped),
            _ => None,
        }
    }
}

/// An agreed action, owned and dated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: ActionId,
    /// The session the action was agreed in.
    pub session_id: SessionId,
    pub coachee_id: CoacheeId,
    pub text: String,
    /// "coachee", "coach" or a name.
    pub owner: String,
    pub due: Option<Date>,
    pub status: ActionStatus,
    pub completed_on: Option<Date>,
    /// Optional link to a center or a pathway of the session's guide.
    pub link: Option<ActionLink>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// What an action is linked to: a rating item (a Six Center) or a choice
/// option (a pathway) of the session's guide, by its id. Stored and
/// exported as `center:ID` / `pathway:ID`; this is the one place that
/// spelling lives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ActionLink {
    Center(String),
    Pathway(String),
}

impl ActionLink {
    /// Reads the stored form; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        if let Some(id) = s.strip_prefix("center:").filter(|id| !id.is_empty()) {
            return Some(ActionLink::Center(id.to_owned()));
        }
        s.strip_prefix("pathway:")
            .filter(|id| !id.is_empty())
            .map(|id| ActionLink::Pathway(id.to_owned()))
    }

    /// The stored form.
    pub fn to_stored(&self) -> String {
        match self {
            ActionLink::Center(id) => format!("center:{id}"),
            ActionLink::Pathway(id) => format!("pathway:{id}"),
        }
    }
}

impl TryFrom<String> for ActionLink {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ActionLink::parse(&s).ok_or_else(|| {
            format!("{s:?} is not a link to a center or a pathway (center:ID or pathway:ID)")
        })
    }
}

impl From<ActionLink> for String {
    fn from(l: ActionLink) -> Self {
        l.to_stored()
    }
}

impl Action {
    /// Open and due before `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status == ActionStatus::Open && self.due.is_some_and(|d| d < today)
    }
}

/// An action as listed across coachees, with names for display.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    pub action: Action,
    pub coachee_name: String,
    pub session_started_at: OffsetDateTime,
}

/// What a review decided about an open action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewOutcome {
    Done,
    Carried,
    Dropped,
}

impl ReviewOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewOutcome::Done => "done",
            ReviewOutcome::Carried => "carried",
            ReviewOutcome::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "done" => Some(ReviewOutcome::Done),
            "carried" => Some(ReviewOutcome::Carried),
            "dropped" => Some(ReviewOutcome::Dropped),
            _ => None,
        }
    }

    /// The action status a review outcome leads to.
    pub fn status(self) -> ActionStatus {
        match self {
            ReviewOutcome::Done => ActionStatus::Done,
            ReviewOutcome::Carried => ActionStatus::Open,
            ReviewOutcome::Dropped => ActionStatus::Dropped,
        }
    }
}

/// One entry of an action's review history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionReview {
    pub id: String,
    pub action_id: ActionId,
    /// The session in which the review happened; `None` when changed from the board.
    pub session_id: Option<SessionId>,
    pub outcome: ReviewOutcome,
    pub note: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// A due-date change made on the actions board, kept in the action's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueChange {
    pub before: Option<Date>,
    pub after: Option<Date>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}
