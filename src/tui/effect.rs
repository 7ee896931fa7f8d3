//! What `update` asks the run loop to do, and what comes back.
//!
//! `update` never touches the store: it returns effects; the runtime performs
//! them and feeds results back as `Loaded` messages.

use crate::model::{ActionId, CoacheeId, SessionId};
use crate::model::{GoalId, TopicId};
use time::{Date, OffsetDateTime};

use super::screens::board::BoardData;
use super::screens::coachee::CoacheeData;
use crate::model::{
    Action, ActionReview, Choice, CoacheeSummary, Goal, GoalStatus, Rating, ReviewOutcome,
    SearchHit, SessionRecord, Visibility,
};

mod tasks;
pub use tasks::{Errand, Task};

/// A write to the store. Writes with a `key` replace an earlier pending write
/// with the same key, so a burst of typing becomes one save. Serialisable,
/// so that writes that could not be saved go to a recovery file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Write {
    Answer {
        session: SessionId,
        stage: String,
        prompt: String,
        text: String,
    },
    Note {
        session: SessionId,
        stage: String,
        visibility: Visibility,
        text: String,
    },
    Rating {
        session: SessionId,
        rating: Rating,
    },
    Choice {
        session: SessionId,
        choice: Choice,
    },
    Progress {
        session: SessionId,
        stage: usize,
        field: usize,
        seconds: std::collections::BTreeMap<String, i64>,
        done: Vec<String>,
    },
    NextSession {
        session: SessionId,
        date: Option<Date>,
    },
    AddAction(Action),
    UpdateAction(Action),
    DeleteAction(ActionId),
    Review {
        action: ActionId,
        session: SessionId,
        outcome: ReviewOutcome,
        note: String,
        at: OffsetDateTime,
    },
    /// Take back this session's review of an action (undo of a first mark).
    Unreview {
        action: ActionId,
        session: SessionId,
    },
    /// A finished session was changed: when, for "corrected on".
    Corrected {
        session: SessionId,
        at: OffsetDateTime,
    },
    /// The coach's private notes about a coachee.
    CoacheeNotes {
        coachee: CoacheeId,
        text: String,
    },
    /// A session's review of a parked topic; `None` takes it back.
    TopicReview {
        topic: TopicId,
        session: SessionId,
        outcome: Option<crate::model::TopicOutcome>,
        at: OffsetDateTime,
    },
    /// A goal set in a session.
    AddGoal(Goal),
    /// A goal's words, center, aim, date or visibility changed.
    UpdateGoal(Goal),
    /// What a session made of a goal: its progress note and the status it
    /// set (`None`: unchanged); neither removes the session's update.
    GoalUpdate {
        goal: GoalId,
        session: SessionId,
        status: Option<GoalStatus>,
        note: String,
        at: OffsetDateTime,
    },
}

/// The field a write changes: two writes with the same key replace each
/// other while they wait to be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteKey {
    Answer {
        session: SessionId,
        stage: String,
        prompt: String,
    },
    Note {
        session: SessionId,
        stage: String,
        visibility: Visibility,
    },
    Rating {
        session: SessionId,
        stage: String,
        item: String,
    },
    Choice {
        session: SessionId,
        stage: String,
    },
    Progress {
        session: SessionId,
    },
    NextSession {
        session: SessionId,
    },
    Action {
        action: ActionId,
    },
    Review {
        session: SessionId,
        action: ActionId,
    },
    Corrected {
        session: SessionId,
    },
    Topic {
        session: SessionId,
        topic: TopicId,
    },
    CoacheeNotes {
        coachee: CoacheeId,
    },
    Goal {
        goal: GoalId,
    },
    GoalUpdate {
        session: SessionId,
        goal: GoalId,
    },
}

impl Write {
    /// Writes to the same field share a key; `None` means never coalesce.
    pub fn key(&self) -> Option<WriteKey> {
        Some(match self {
            Write::Answer {
                session,
                stage,
                prompt,
                ..
            } => WriteKey::Answer {
                session: session.clone(),
                stage: stage.clone(),
                prompt: prompt.clone(),
            },
            Write::Note {
                session,
                stage,
                visibility,
                ..
            } => WriteKey::Note {
                session: session.clone(),
                stage: stage.clone(),
                visibility: *visibility,
            },
            Write::Rating { session, rating } => WriteKey::Rating {
                session: session.clone(),
                stage: rating.stage_id.clone(),
                item: rating.item_id.clone(),
            },
            Write::Choice { session, choice } => WriteKey::Choice {
                session: session.clone(),
                stage: choice.stage_id.clone(),
            },
            Write::Progress { session, .. } => WriteKey::Progress {
                session: session.clone(),
            },
            Write::NextSession { session, .. } => WriteKey::NextSession {
                session: session.clone(),
            },
            Write::UpdateAction(a) => WriteKey::Action {
                action: a.id.clone(),
            },
            Write::Review {
                action, session, ..
            }
            | Write::Unreview { action, session } => WriteKey::Review {
                session: session.clone(),
                action: action.clone(),
            },
            Write::Corrected { session, .. } => WriteKey::Corrected {
                session: session.clone(),
            },
            Write::CoacheeNotes { coachee, .. } => WriteKey::CoacheeNotes {
                coachee: coachee.clone(),
            },
            Write::TopicReview { topic, session, .. } => WriteKey::Topic {
                session: session.clone(),
                topic: topic.clone(),
            },
            Write::UpdateGoal(g) => WriteKey::Goal { goal: g.id.clone() },
            Write::GoalUpdate { goal, session, .. } => WriteKey::GoalUpdate {
                session: session.clone(),
                goal: goal.clone(),
            },
            Write::AddAction(_) | Write::DeleteAction(_) | Write::AddGoal(_) => return None,
        })
    }
}

/// Where a past session opens: at a stage of its guide, or at the stage
/// that holds its agreed actions (whatever that stage is called there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailAt {
    Stage(String),
    Actions,
    /// A closing section, by its title (the topics parked for next time).
    Section(String),
}

/// Something for the run loop to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save, possibly after a short pause in typing.
    Save(Write),
    /// Save everything pending now (leaving a field or a screen).
    Flush,
    /// Save everything pending and make it survive a power cut (stage change, quit).
    Durable,
    Quit,
    /// Read or write the store; the answer is what a screen shows.
    Task(Task),
    /// Write a file, fill the clipboard, or save something between
    /// sessions; the answer is one line for the status bar.
    Errand(Errand),
}

/// A change that can be taken back while its screen stays open: what it
/// replaced, and how to say it.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    /// What the change did, e.g. "marked done: Book the offsite".
    pub what: String,
    pub before: Before,
}

/// The state a change replaced.
#[derive(Debug, Clone, PartialEq)]
pub enum Before {
    /// An action's status, dates and history (board changes).
    Action(crate::store::ActionState),
    /// Whether a coachee was archived.
    Archived { id: CoacheeId, archived: bool },
}

/// The data a live session screen needs, read in one go.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionData {
    pub record: SessionRecord,
    /// Open actions from earlier sessions, with this session's review of each.
    pub review: Vec<(Action, Option<ActionReview>)>,
    /// Scores of the previous session, by (item id).
    pub previous: std::collections::BTreeMap<String, i64>,
    /// When that previous session started (`None` when there is none).
    pub previous_at: Option<OffsetDateTime>,
    /// Another window that edits this session: then this one only reads.
    pub holder: Option<crate::store::Holder>,
    /// What the coachee prepared for this session, if they sent it.
    pub prep: Option<crate::prep::Prep>,
    /// Topics parked earlier to review here, with this session's outcome.
    pub topics: Vec<(crate::model::Topic, Option<crate::model::TopicOutcome>)>,
}

/// Results of effects, fed back into `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Home(Vec<CoacheeSummary>),
    Session(Box<SessionData>),
    Summary(Box<SessionData>),
    /// Something failed: shown to the user, nothing else changes.
    Error(String),
    Coachee(Box<CoacheeData>),
    Detail {
        data: Box<SessionData>,
        stage: Option<DetailAt>,
    },
    Board(Box<BoardData>),
    ActionHistory {
        action_id: ActionId,
        history: Vec<ActionReview>,
    },
    /// Results for `query` (the screen may be showing a newer one).
    Search {
        query: String,
        hits: Vec<SearchHit>,
    },
    /// A change was written; the message says what, for the status line.
    Saved(Option<String>),
    /// A change was written that undo can take back.
    Undoable {
        undo: Undo,
        message: String,
    },
    /// A question to ask before going on (e.g. what a discard removes).
    Ask {
        text: String,
        on_yes: super::popup::OnYes,
    },
    /// Text for the clipboard, and what to say about it.
    Copied {
        text: String,
        message: String,
    },
    /// A session is gone: leave its screen.
    Discarded {
        session_id: SessionId,
        message: String,
    },
    /// The coachee already has an unfinished session.
    Unfinished {
        coachee_id: CoacheeId,
        session_id: SessionId,
    },
}
