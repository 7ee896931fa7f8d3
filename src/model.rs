//! Domain types shared by the store, the TUI, exports and the demo generator.
//!
//! Ids are UUID strings so that an export imported elsewhere never duplicates.
//! Times are UTC (`OffsetDateTime`); dates without a time are `Date`.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::guide::Guide;

mod goal;
mod topic;
pub use goal::{Goal, GoalHistory, GoalStatus, GoalUpdate};
pub use topic::{SessionTopics, Topic, TopicOrigin, TopicOutcome, TopicReview};

mod action;
mod ids;
pub use action::{
    Action, ActionLink, ActionReview, ActionRow, ActionStatus, DueChange, ReviewOutcome,
};
pub use ids::{ActionId, CoacheeId, GoalId, SessionId, TopicId};

/// A new random stable id.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The person being coached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coachee {
    pub id: CoacheeId,
    pub name: String,
    pub role: String,
    pub notes: String,
    pub archived: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// How often they meet, in days (`every 2 weeks` is 14); absent in
    /// files written before rhythms existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm_days: Option<i64>,
}

/// A coachee with the counts the home screen and `coachee list` show.
#[derive(Debug, Clone, PartialEq)]
pub struct CoacheeSummary {
    pub coachee: Coachee,
    pub sessions: i64,
    pub open_actions: i64,
    pub overdue_actions: i64,
    pub last_session: Option<OffsetDateTime>,
    /// The id of the coachee's unfinished session, if any.
    pub unfinished_session: Option<SessionId>,
    /// When that unfinished session started.
    pub unfinished_started: Option<OffsetDateTime>,
    /// When the next session is due (see [`next_session_due`]).
    pub next_session: Option<Date>,
}

/// When a coachee's next session is due: the date agreed in their last
/// session, else the last session's day plus their rhythm, else unknown.
pub fn next_session_due(
    last_session: Option<Date>,
    agreed: Option<Date>,
    rhythm_days: Option<i64>,
) -> Option<Date> {
    agreed.or_else(|| {
        let last = last_session?;
        last.checked_add(time::Duration::days(rhythm_days?))
    })
}

/// Whether a session is still being run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionStatus {
    InProgress,
    Completed,
}

impl SessionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStatus::InProgress => "in-progress",
            SessionStatus::Completed => "completed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "in-progress" => Some(SessionStatus::InProgress),
            "completed" => Some(SessionStatus::Completed),
            _ => None,
        }
    }
}

/// Optional focus of a session (Enable / Excel / Engage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    /// Maintaining digital relevance.
    Enable,
    /// Growing and empowering people.
    Excel,
    /// Growing an empowering organisation.
    Engage,
}

impl Focus {
    pub const ALL: [Focus; 3] = [Focus::Enable, Focus::Excel, Focus::Engage];

    pub fn as_str(self) -> &'static str {
        match self {
            Focus::Enable => "enable",
            Focus::Excel => "excel",
            Focus::Engage => "engage",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Focus::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// A short description for screens and exports.
    pub fn label(self) -> &'static str {
        match self {
            Focus::Enable => "Enable: staying digitally relevant",
            Focus::Excel => "Excel: growing people",
            Focus::Engage => "Engage: growing an empowering organisation",
        }
    }
}

/// One coaching conversation, with the snapshot of the guide it ran.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: SessionId,
    pub coachee_id: CoacheeId,
    pub guide: Guide,
    pub started_at: OffsetDateTime,
    pub ended_at: Option<OffsetDateTime>,
    pub status: SessionStatus,
    /// Index into `guide.stages` of the stage on screen.
    pub current_stage: usize,
    /// Index of the focused prompt/item within the current stage.
    pub current_field: usize,
    /// Seconds spent per stage id.
    pub stage_seconds: std::collections::BTreeMap<String, i64>,
    /// Ids of the stages marked done.
    pub done_stages: Vec<String>,
    pub focus: Option<Focus>,
    pub next_session: Option<Date>,
    /// When a finished session was last corrected, if ever.
    pub corrected_at: Option<OffsetDateTime>,
}

impl Session {
    /// Total seconds across stages.
    pub fn total_seconds(&self) -> i64 {
        self.stage_seconds.values().sum()
    }
}

/// A row of `session list`: light, no guide snapshot parsing needed.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    pub id: SessionId,
    pub coachee_id: CoacheeId,
    pub coachee_name: String,
    pub guide_id: String,
    pub guide_title: String,
    pub started_at: OffsetDateTime,
    pub ended_at: Option<OffsetDateTime>,
    pub status: SessionStatus,
    pub seconds: i64,
    /// Label of the option chosen in the session's first choice stage.
    pub choice: Option<String>,
    /// Answer to the first prompt of the close stage.
    pub key_insight: Option<String>,
    /// Actions agreed in this session.
    pub actions: i64,
}

/// A free-text answer to one prompt of a stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub stage_id: String,
    pub prompt_id: String,
    pub text: String,
}

/// A score (and note) for one item of a ratings stage (or close confidence).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub stage_id: String,
    pub item_id: String,
    pub score: Option<i64>,
    pub note: String,
}

/// The option picked in a choice stage, with its rationale and tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub stage_id: String,
    pub option_id: Option<String>,
    pub rationale: String,
    pub tags: Vec<String>,
}

/// Who can see a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    Shared,
    Private,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Shared => "shared",
            Visibility::Private => "private",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "shared" => Some(Visibility::Shared),
            "private" => Some(Visibility::Private),
            _ => None,
        }
    }
}

/// A note on one stage of a session. One note per (session, stage, visibility).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    pub stage_id: String,
    pub visibility: Visibility,
    pub text: String,
}

/// Everything captured in one session, for detail views and exports.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRecord {
    pub session: Session,
    pub coachee: Coachee,
    pub answers: Vec<Answer>,
    pub ratings: Vec<Rating>,
    pub choices: Vec<Choice>,
    pub notes: Vec<Note>,
    /// Actions agreed in this session.
    pub actions: Vec<Action>,
    /// Reviews of earlier actions made in this session, with the action they reviewed.
    pub reviews: Vec<(ActionReview, Action)>,
    /// The coachee's goals this session works on: active when it began, or
    /// set or updated in it.
    pub goals: Vec<GoalHistory>,
    /// Topics parked in this session, and those it reviewed.
    pub topics: SessionTopics,
}

impl SessionRecord {
    pub fn answer(&self, stage: &str, prompt: &str) -> Option<&str> {
        self.answers
            .iter()
            .find(|a| a.stage_id == stage && a.prompt_id == prompt)
            .map(|a| a.text.as_str())
    }

    pub fn rating(&self, stage: &str, item: &str) -> Option<&Rating> {
        self.ratings
            .iter()
            .find(|r| r.stage_id == stage && r.item_id == item)
    }

    pub fn choice(&self, stage: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.stage_id == stage)
    }

    pub fn note(&self, stage: &str, visibility: Visibility) -> Option<&Note> {
        self.notes
            .iter()
            .find(|n| n.stage_id == stage && n.visibility == visibility)
    }
}

/// A score of one rating item in one session, for trends.
#[derive(Debug, Clone, PartialEq)]
pub struct ScorePoint {
    pub session_id: SessionId,
    pub started_at: OffsetDateTime,
    pub item_id: String,
    pub score: i64,
}

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Answer,
    Note,
    Action,
    Goal,
    /// A goal's progress note.
    Progress,
    /// The coach's notes about the coachee (private).
    About,
    /// A topic parked for a later session.
    Topic,
}

impl HitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Answer => "answer",
            HitKind::Note => "note",
            HitKind::Action => "action",
            HitKind::Goal => "goal",
            HitKind::Progress => "goal progress",
            HitKind::About => "coachee notes",
            HitKind::Topic => "topic",
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub kind: HitKind,
    /// `None` for what belongs to the coachee rather than to a session:
    /// their notes, a goal set or updated between sessions.
    pub session_id: Option<SessionId>,
    pub coachee_id: CoacheeId,
    pub coachee_name: String,
    /// The session's start; without a session, when the entry was written.
    pub started_at: OffsetDateTime,
    pub stage_id: String,
    /// Stage title from the session's guide snapshot (or the stage id).
    pub stage_title: String,
    pub private: bool,
    /// Snippet with matches wrapped in `SNIPPET_START` / `SNIPPET_END`.
    pub snippet: String,
}

/// Marks the start of a matched word in a `SearchHit::snippet`.
pub const SNIPPET_START: char = '\u{2}';
/// Marks the end of a matched word in a `SearchHit::snippet`.
pub const SNIPPET_END: char = '\u{3}';
