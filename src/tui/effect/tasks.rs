//! The two kinds of effect the runtime performs at once: tasks, answered
//! with what a screen shows, and errands, answered with a status line.

use crate::model::{ActionId, CoacheeId, SessionId};
use time::Date;

use super::{DetailAt, Effect, Undo};
use crate::guide::Guide;
use crate::model::ActionStatus;
use crate::store::StatusFilter;

/// A read or write of the store, answered with what a screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Task {
    LoadHome,
    AddCoachee {
        name: String,
        role: String,
        /// Every so many days, if they agreed a rhythm.
        rhythm: Option<i64>,
    },
    UpdateCoachee {
        id: CoacheeId,
        name: String,
        role: String,
        rhythm: Option<i64>,
    },
    SetArchived {
        id: CoacheeId,
        archived: bool,
    },
    StartSession {
        coachee_id: CoacheeId,
        guide: Box<Guide>,
    },
    OpenSession {
        session_id: SessionId,
    },
    CompleteSession {
        session_id: SessionId,
    },
    /// Finish an old session without showing its summary (before starting anew).
    CompleteSessionQuietly {
        session_id: SessionId,
    },
    /// The coachee page: timeline, Six Centers over time, open actions.
    LoadCoachee {
        coachee_id: CoacheeId,
    },
    /// A past session to read, at `stage` when given.
    LoadDetail {
        session_id: SessionId,
        stage: Option<DetailAt>,
    },
    LoadBoard {
        status: StatusFilter,
        coachee_id: Option<CoacheeId>,
    },
    LoadActionHistory {
        action_id: ActionId,
    },
    /// Saved at once, with an entry in the action's history.
    SetActionStatus {
        action_id: ActionId,
        status: ActionStatus,
    },
    SetActionDue {
        action_id: ActionId,
        due: Option<Date>,
    },
    Search {
        query: String,
        include_private: bool,
    },
    /// Take the session over from the window that holds it, and reopen it.
    TakeOver {
        session_id: SessionId,
    },
    /// Read what discarding a session would remove, and ask.
    AskDiscard {
        session_id: SessionId,
    },
    DiscardSession {
        session_id: SessionId,
    },
    /// Delete a coachee and everything about them, for good.
    DeleteCoachee {
        id: CoacheeId,
    },
    /// Put back what a change on this screen replaced.
    Undo(Undo),
}

/// Something done outside the screen (a file written, the clipboard, a
/// topic or goal saved between sessions), answered with one status line.
#[derive(Debug, Clone, PartialEq)]
pub enum Errand {
    /// Write one session to a file in a format.
    Export {
        session_id: SessionId,
        format: crate::export::Format,
        path: std::path::PathBuf,
        include_private: bool,
    },
    /// Write a coachee's progress report to a file.
    Report {
        coachee_id: CoacheeId,
        audience: crate::report::Audience,
        format: crate::report::ReportFormat,
        since: Option<time::Date>,
        path: std::path::PathBuf,
    },
    /// Park a topic for the coachee's next session.
    AddTopic {
        coachee_id: CoacheeId,
        session_id: Option<SessionId>,
        text: String,
        private: bool,
    },
    /// Set a goal between sessions (from the coachee's page).
    AddGoal(Box<crate::model::Goal>),
    /// Change a goal between sessions: what it says, and a new status
    /// (`None`: unchanged) and progress note, dated now.
    ChangeGoal {
        goal: Box<crate::model::Goal>,
        status: Option<crate::model::GoalStatus>,
        note: String,
    },
    /// Write a coachee's preparation page.
    PrepWrite {
        coachee_id: CoacheeId,
        guide: Box<crate::guide::Guide>,
        path: std::path::PathBuf,
    },
    /// Import the answers a coachee saved from their preparation page.
    PrepImport { path: std::path::PathBuf },
    /// Put back the text a recovery file kept.
    Restore(std::path::PathBuf),
    /// Copy a session as Markdown to the clipboard.
    Copy {
        session_id: SessionId,
        include_private: bool,
    },
}

impl From<Task> for Effect {
    fn from(t: Task) -> Self {
        Effect::Task(t)
    }
}

impl From<Errand> for Effect {
    fn from(e: Errand) -> Self {
        Effect::Errand(e)
    }
}

impl Task {
    /// Whether it changes the file (so the store has something to tidy
    /// once the keys rest); reading leaves an idle app with nothing to do.
    pub fn writes(&self) -> bool {
        !matches!(
            self,
            Task::LoadHome
                | Task::LoadCoachee { .. }
                | Task::LoadDetail { .. }
                | Task::LoadBoard { .. }
                | Task::LoadActionHistory { .. }
                | Task::Search { .. }
                | Task::AskDiscard { .. }
        )
    }
}

impl Errand {
    /// Whether it may change the database file (a copy only reads it; an
    /// export or a report may note the first one written unencrypted).
    pub fn writes(&self) -> bool {
        !matches!(self, Errand::Copy { .. })
    }
}
