//! The SQLite store: the only module that speaks SQL.
//!
//! API CONTRACT (bodies to be written): every other module goes through these
//! functions. Writes run in `BEGIN IMMEDIATE` transactions (or join the one
//! opened by `in_transaction`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use time::{Date, OffsetDateTime};

use crate::guide::Guide;
use crate::model::{
    Action, ActionReview, ActionRow, ActionStatus, Choice, Coachee, CoacheeSummary, Focus, Note,
    Rating, ReviewOutcome, ScorePoint, SearchHit, Session, SessionRecord, SessionSummary,
    Visibility,
};

/// Why the store refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Todo(String),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which actions to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    Open,
    Overdue,
    Done,
    Dropped,
    All,
}

/// A query over actions across coachees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionFilter {
    pub coachee_id: Option<String>,
    pub status: StatusFilter,
    /// "Today" for overdue computations (local date).
    pub today: Date,
}

/// Row counts per table, for verification and `import` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub coachees: i64,
    pub sessions: i64,
    pub answers: i64,
    pub ratings: i64,
    pub choices: i64,
    pub notes: i64,
    pub actions: i64,
    pub reviews: i64,
}

/// An open database.
pub struct Store {
    _p: (),
}

#[allow(unused_variables, clippy::missing_errors_doc)]
impl Store {
    pub fn open(path: &Path) -> Result<Store> {
        todo!()
    }
    pub fn open_in_memory() -> Result<Store> {
        todo!()
    }
    pub fn path(&self) -> Option<&Path> {
        todo!()
    }
    pub fn in_transaction<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        todo!()
    }
    pub fn counts(&self) -> Result<Counts> {
        todo!()
    }

    // Coachees
    pub fn add_coachee(&self, name: &str, role: &str) -> Result<Coachee> {
        todo!()
    }
    pub fn insert_coachee(&self, c: &Coachee) -> Result<bool> {
        todo!()
    }
    pub fn rename_coachee(&self, id: &str, name: &str) -> Result<()> {
        todo!()
    }
    pub fn set_coachee_role(&self, id: &str, role: &str) -> Result<()> {
        todo!()
    }
    pub fn set_coachee_archived(&self, id: &str, archived: bool) -> Result<()> {
        todo!()
    }
    pub fn coachee(&self, id: &str) -> Result<Coachee> {
        todo!()
    }
    pub fn find_coachee(&self, name: &str) -> Result<Option<Coachee>> {
        todo!()
    }
    pub fn coachee_summaries(
        &self,
        today: Date,
        include_archived: bool,
    ) -> Result<Vec<CoacheeSummary>> {
        todo!()
    }

    // Sessions
    pub fn start_session(
        &self,
        coachee_id: &str,
        guide: &Guide,
        now: OffsetDateTime,
    ) -> Result<Session> {
        todo!()
    }
    pub fn session(&self, id: &str) -> Result<Session> {
        todo!()
    }
    pub fn find_session(&self, id_or_prefix: &str) -> Result<Session> {
        todo!()
    }
    pub fn unfinished_session(&self, coachee_id: &str) -> Result<Option<Session>> {
        todo!()
    }
    pub fn session_summaries(&self, coachee_id: Option<&str>) -> Result<Vec<SessionSummary>> {
        todo!()
    }
    pub fn save_progress(
        &self,
        session_id: &str,
        current_stage: usize,
        current_field: usize,
        stage_seconds: &BTreeMap<String, i64>,
        done_stages: &[String],
    ) -> Result<()> {
        todo!()
    }
    pub fn set_focus(&self, session_id: &str, focus: Option<Focus>) -> Result<()> {
        todo!()
    }
    pub fn set_next_session(&self, session_id: &str, date: Option<Date>) -> Result<()> {
        todo!()
    }
    pub fn complete_session(&self, session_id: &str, ended_at: OffsetDateTime) -> Result<()> {
        todo!()
    }
    pub fn delete_session(&self, session_id: &str) -> Result<()> {
        todo!()
    }

    // Content
    pub fn save_answer(&self, session_id: &str, stage_id: &str, prompt_id: &str, text: &str) -> Result<()> {
        todo!()
    }
    pub fn save_rating(&self, session_id: &str, rating: &Rating) -> Result<()> {
        todo!()
    }
    pub fn save_choice(&self, session_id: &str, choice: &Choice) -> Result<()> {
        todo!()
    }
    pub fn save_note(&self, session_id: &str, stage_id: &str, visibility: Visibility, text: &str) -> Result<()> {
        todo!()
    }
    pub fn delete_note(&self, note_id: &str) -> Result<()> {
        todo!()
    }

    // Actions
    pub fn add_action(&self, action: &Action) -> Result<()> {
        todo!()
    }
    pub fn update_action(&self, action: &Action) -> Result<()> {
        todo!()
    }
    pub fn delete_action(&self, action_id: &str) -> Result<()> {
        todo!()
    }
    pub fn action(&self, action_id: &str) -> Result<Action> {
        todo!()
    }
    pub fn set_action_due(&self, action_id: &str, due: Option<Date>) -> Result<()> {
        todo!()
    }
    pub fn review_action(
        &self,
        action_id: &str,
        session_id: Option<&str>,
        outcome: ReviewOutcome,
        note: &str,
        at: OffsetDateTime,
    ) -> Result<ActionReview> {
        todo!()
    }
    pub fn set_action_status(&self, action_id: &str, status: ActionStatus, at: OffsetDateTime) -> Result<()> {
        todo!()
    }
    pub fn actions_for_review(&self, coachee_id: &str, session_id: &str) -> Result<Vec<(Action, Option<ActionReview>)>> {
        todo!()
    }
    pub fn actions(&self, filter: &ActionFilter) -> Result<Vec<ActionRow>> {
        todo!()
    }
    pub fn action_history(&self, action_id: &str) -> Result<Vec<ActionReview>> {
        todo!()
    }

    // Reading back
    pub fn session_record(&self, session_id: &str) -> Result<SessionRecord> {
        todo!()
    }
    pub fn insert_record(&self, record: &SessionRecord) -> Result<bool> {
        todo!()
    }
    pub fn score_history(&self, coachee_id: &str) -> Result<Vec<ScorePoint>> {
        todo!()
    }
    pub fn search(&self, query: &str, include_private: bool, limit: usize) -> Result<Vec<SearchHit>> {
        todo!()
    }
}

/// The default database path: the platform data folder, e.g.
/// `~/.local/share/innerceo/innerceo.db` on Linux.
pub fn default_db_path() -> Option<PathBuf> {
    todo!()
}
