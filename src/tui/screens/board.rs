//! The actions board: every action across coachees, filtered by status and
//! coachee, changed in place (status, due date) with its history kept.

mod draw;

pub use draw::draw;

use crate::dates;
use crate::model::ActionId;
use crate::model::CoacheeId;
use crate::model::{ActionReview, ActionRow, ActionStatus};
use crate::store::StatusFilter;
use crate::store::{self, ActionFilter, Store};
use crate::tui::effect::Effect;
use crate::tui::effect::Task;
use crate::tui::form::Form;
use crate::tui::keymap::Cmd;
use crate::tui::msg::{self, Msg};
use crate::tui::popup::Popup;
use time::Date;

/// The filters in the order `f` and `1`-`5` pick them.
pub const FILTERS: [StatusFilter; 5] = [
    StatusFilter::Open,
    StatusFilter::Overdue,
    StatusFilter::Done,
    StatusFilter::Dropped,
    StatusFilter::All,
];

/// How a filter is named on screen.
pub fn filter_name(f: StatusFilter) -> &'static str {
    match f {
        StatusFilter::Open => "open",
        StatusFilter::Overdue => "overdue",
        StatusFilter::Done => "done",
        StatusFilter::Dropped => "dropped",
        StatusFilter::All => "all",
    }
}

/// What the board shows, read in one go.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardData {
    pub status: StatusFilter,
    pub coachee_id: Option<CoacheeId>,
    pub rows: Vec<ActionRow>,
    /// Every coachee that is not archived (id, name), to filter by.
    pub coachees: Vec<(CoacheeId, String)>,
}

/// The board's state.
pub struct BoardView {
    pub data: BoardData,
    pub selected: usize,
    /// The review history of the selected action, once loaded.
    pub history: Option<(ActionId, Vec<ActionReview>)>,
}

impl BoardView {
    pub fn new(data: BoardData) -> Self {
        Self {
            data,
            selected: 0,
            history: None,
        }
    }

    /// New rows: the selection stays on the same action when it is still
    /// listed, else at the same place.
    pub fn refresh(&mut self, data: BoardData) {
        let keep = self.selected_row().map(|r| r.action.id.clone());
        self.data = data;
        self.selected = keep
            .and_then(|id| self.data.rows.iter().position(|r| r.action.id == id))
            .unwrap_or(self.selected)
            .min(self.data.rows.len().saturating_sub(1));
    }

    pub fn selected_row(&self) -> Option<&ActionRow> {
        self.data.rows.get(self.selected)
    }

    /// The name of the coachee filtered on, if any.
    pub fn coachee_name(&self) -> Option<&str> {
        let id = self.data.coachee_id.as_ref()?;
        self.data
            .coachees
            .iter()
            .find(|(c, _)| c == id)
            .map(|(_, n)| n.as_str())
    }

    /// Loads the history of the selected action unless it is shown already.
    pub fn history_effect(&self) -> Vec<Effect> {
        match self.selected_row() {
            Some(r)
                if self
                    .history
                    .as_ref()
                    .is_none_or(|(id, _)| id != &r.action.id) =>
            {
                vec![Effect::Task(Task::LoadActionHistory {
                    action_id: r.action.id.clone(),
                })]
            }
            _ => vec![],
        }
    }
}

impl BoardView {
    /// A key on the board.
    pub fn update(&mut self, cmd: Cmd) -> Vec<Msg> {
        let v = self;
        let status = v.data.status;
        let coachee = v.data.coachee_id.clone();
        match cmd {
            Cmd::Up | Cmd::Down | Cmd::Top | Cmd::Bottom => {
                v.selected = super::common::moved(v.selected, v.data.rows.len(), cmd);
                return msg::effects(v.history_effect());
            }
            Cmd::Digit(d) => {
                if let Some(f) = FILTERS.get(usize::from(d).wrapping_sub(1)) {
                    return vec![Msg::Effect(Effect::Task(Task::LoadBoard {
                        status: *f,
                        coachee_id: coachee,
                    }))];
                }
            }
            Cmd::CycleStatus => {
                let i = FILTERS.iter().position(|f| *f == status).unwrap_or(0);
                return vec![Msg::Effect(Effect::Task(Task::LoadBoard {
                    status: FILTERS[(i + 1) % FILTERS.len()],
                    coachee_id: coachee,
                }))];
            }
            Cmd::CycleCoachee => {
                let ids: Vec<&CoacheeId> = v.data.coachees.iter().map(|(id, _)| id).collect();
                // All → first coachee → … → last coachee → all.
                let next = match coachee.and_then(|c| ids.iter().position(|id| **id == c)) {
                    None => ids.first().map(|s| (*s).clone()),
                    Some(i) => ids.get(i + 1).map(|s| (*s).clone()),
                };
                return vec![Msg::Effect(Effect::Task(Task::LoadBoard {
                    status,
                    coachee_id: next,
                }))];
            }
            Cmd::Open => {
                if let Some(r) = v.selected_row() {
                    return vec![Msg::Effect(Effect::Task(Task::LoadDetail {
                        session_id: r.action.session_id.clone(),
                        stage: Some(crate::tui::effect::DetailAt::Actions),
                    }))];
                }
            }
            Cmd::MarkDone | Cmd::MarkDropped | Cmd::Reopen => {
                let Some(r) = v.selected_row() else {
                    return vec![];
                };
                let (to, verb) = match cmd {
                    Cmd::MarkDone => (ActionStatus::Done, "Marked done"),
                    Cmd::MarkDropped => (ActionStatus::Dropped, "Dropped"),
                    _ => (ActionStatus::Open, "Reopened"),
                };
                let text = r.action.text.clone();
                let id = r.action.id.clone();
                if r.action.status == to {
                    return vec![Msg::Say(format!("Already {}: {text}", to.as_str()))];
                }
                // The history shown must be read again after the change.
                v.history = None;
                return vec![
                    Msg::Say(format!("{verb}: {text}")),
                    Msg::Effect(Effect::Task(Task::SetActionStatus {
                        action_id: id,
                        status: to,
                    })),
                ];
            }
            Cmd::EditDue => {
                if let Some(r) = v.selected_row() {
                    let due = r.action.due.map(dates::fmt_date).unwrap_or_default();
                    let form = Form::due(r.action.id.clone(), &r.action.text, &due);
                    return vec![Msg::Popup(Popup::Form(Box::new(form)))];
                }
            }
            _ => {}
        }
        vec![]
    }
}

/// The actions board's rows for a filter, and the coachees to filter by.
pub fn load(
    store: &Store,
    status: StatusFilter,
    coachee_id: Option<CoacheeId>,
    today: Date,
) -> store::Result<BoardData> {
    let rows = store.actions(&ActionFilter {
        coachee_id: coachee_id.clone(),
        status,
        today,
    })?;
    let coachees = store
        .coachee_summaries(today, false)?
        .into_iter()
        .map(|c| (c.coachee.id, c.coachee.name))
        .collect();
    Ok(BoardData {
        status,
        coachee_id,
        rows,
        coachees,
    })
}
