//! The coachee page: timeline of sessions, Six Centers over time, open actions.

mod draw;
mod draw_list;
pub mod list;
pub mod trend;

pub use draw::draw;

use crate::guide::{Scale, StageKind};
use crate::model::CoacheeId;
use crate::model::{ActionRow, Coachee, ScorePoint, SessionStatus, SessionSummary};
use crate::tui::effect::Effect;
use crate::tui::effect::Task;
use crate::tui::keymap::{Cmd, Context};
use crate::tui::msg::{Env, Msg};
use crate::tui::popup::Popup;

use time::Date;
use trend::{CenterTrend, RatedSession};

use crate::store::{self, ActionFilter, StatusFilter, Store};

/// What the coachee page shows, read in one go.
#[derive(Debug, Clone, PartialEq)]
pub struct CoacheeData {
    pub coachee: Coachee,
    /// Newest first.
    pub sessions: Vec<SessionSummary>,
    /// The centers (id, label) of the latest guide that rated them.
    pub centers: Vec<(String, String)>,
    pub scale: Scale,
    /// Scores, oldest first.
    pub scores: Vec<ScorePoint>,
    /// Open actions, by due date.
    pub actions: Vec<ActionRow>,
    /// Topics parked for the next session, oldest first.
    pub topics: Vec<crate::model::Topic>,
    /// Goals: active ones first, then achieved and dropped, each oldest first.
    pub goals: Vec<crate::model::GoalHistory>,
}

impl CoacheeData {
    /// The centers of the first ratings stage of `guide`, with their scale.
    pub fn centers_of(guide: &crate::guide::Guide) -> Option<(Vec<(String, String)>, Scale)> {
        guide.stages.iter().find_map(|s| match &s.kind {
            StageKind::Ratings { items, scale } => Some((
                items
                    .iter()
                    .map(|i| (i.id.clone(), i.label.clone()))
                    .collect(),
                *scale,
            )),
            _ => None,
        })
    }
}

/// The coachee page's state.
pub struct CoacheeView {
    pub data: CoacheeData,
    pub trends: Vec<CenterTrend>,
    /// Sessions with Six Centers scores, oldest first.
    pub rated: Vec<RatedSession>,
    /// Selected row of the timeline.
    pub selected: usize,
    /// Index in `rated` of the session the latest is compared with.
    pub compare: Option<usize>,
    /// Which list has the keys.
    pub pane: Pane,
    /// Selected row of the goals, actions and topics list.
    pub item: usize,
}

/// The coachee page's two lists; Tab moves the keys between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Sessions,
    /// Goals, open actions and topics.
    List,
}

impl CoacheeView {
    pub fn new(data: CoacheeData) -> Self {
        let trends = trend::center_trends(&data.centers, &data.scores);
        let rated = trend::rated_sessions(&data.centers, &data.scores);
        // The previous rated session by default: "how did we move since last time".
        let compare = rated.len().checked_sub(2);
        Self {
            data,
            trends,
            rated,
            selected: 0,
            compare,
            pane: Pane::Sessions,
            item: 0,
        }
    }

    /// New data for the same coachee: the selection and the comparison stay
    /// on the same sessions when they still exist. A session rated since
    /// is the new latest: it is compared with the one before it, as on a
    /// first visit, not with whatever the old latest was compared with.
    pub fn refresh(&mut self, data: CoacheeData) {
        let keep = self.selected_session().map(|s| s.id.clone());
        let latest = self.latest().map(|s| s.session_id.clone());
        let compared = self.compared().map(|s| s.session_id.clone());
        let selected = self.selected;
        let item = self.selected_item().map(|i| i.id().to_owned());
        let (pane, at) = (self.pane, self.item);
        *self = Self::new(data);
        let items = self.data.items();
        self.item = item
            .and_then(|id| items.iter().position(|i| i.id() == id))
            .unwrap_or(at)
            .min(items.len().saturating_sub(1));
        self.pane = if items.is_empty() {
            Pane::Sessions
        } else {
            pane
        };
        self.selected = keep
            .and_then(|id| self.data.sessions.iter().position(|s| s.id == id))
            .unwrap_or(selected)
            .min(self.data.sessions.len().saturating_sub(1));
        if let Some(id) = compared
            && self.latest().map(|s| &s.session_id) == latest.as_ref()
            && let Some(i) = self.rated.iter().position(|r| r.session_id == id)
            && i + 1 < self.rated.len()
        {
            self.compare = Some(i);
        }
    }

    pub fn selected_session(&self) -> Option<&SessionSummary> {
        self.data.sessions.get(self.selected)
    }

    /// The selected row of the goals, actions and topics list.
    pub fn selected_item(&self) -> Option<list::Item<'_>> {
        self.data.items().get(self.item).copied()
    }

    /// Which keys the page has: the sessions', or the list's for its row.
    pub fn context(&self) -> Context {
        match (self.pane, self.selected_item()) {
            (Pane::List, Some(list::Item::Goal(_))) => Context::CoacheeGoal,
            (Pane::List, Some(_)) => Context::CoacheeList,
            _ => Context::Coachee,
        }
    }

    /// The coachee's latest score on the center a goal targets.
    pub fn latest_score(&self, g: &crate::model::Goal) -> Option<i64> {
        let center = g.center.as_deref()?;
        self.trends.iter().find(|c| c.id == center)?.latest
    }

    pub fn latest(&self) -> Option<&RatedSession> {
        self.rated.last()
    }

    pub fn compared(&self) -> Option<&RatedSession> {
        self.compare.and_then(|i| self.rated.get(i))
    }

    pub fn unfinished(&self) -> Option<&SessionSummary> {
        self.data
            .sessions
            .iter()
            .find(|s| s.status == SessionStatus::InProgress)
    }
}

impl CoacheeView {
    /// A key on the coachee page (navigation keys shared by every screen are
    /// handled by `nav`).
    pub fn update(&mut self, cmd: Cmd, env: &Env) -> Vec<Msg> {
        let v = self;
        match cmd {
            Cmd::NextField if v.pane == Pane::List => v.pane = Pane::Sessions,
            Cmd::NextField => {
                if v.data.items().is_empty() {
                    return vec![Msg::Say(
                        "No goals, open actions or topics to go to: a sets a goal, t parks a topic"
                            .to_owned(),
                    )];
                }
                v.pane = Pane::List;
            }
            Cmd::Up | Cmd::Down | Cmd::Top | Cmd::Bottom if v.pane == Pane::List => {
                v.item = super::common::moved(v.item, v.data.items().len(), cmd);
            }
            Cmd::Up | Cmd::Down | Cmd::Top | Cmd::Bottom => {
                v.selected = super::common::moved(v.selected, v.data.sessions.len(), cmd);
            }
            Cmd::Open if v.pane == Pane::List => return v.open_item(),
            Cmd::Open => {
                if let Some(s) = v.selected_session() {
                    return vec![Msg::Effect(Effect::Task(Task::LoadDetail {
                        session_id: s.id.clone(),
                        stage: None,
                    }))];
                }
                return vec![Msg::Say("No session yet: press n to start one".to_owned())];
            }
            Cmd::EditNotes => {
                let c = &v.data.coachee;
                if env.share_safe {
                    return vec![Msg::Say(format!(
                        "Share-safe mode is on: your notes about {} stay hidden (Ctrl-t shows them)",
                        c.name
                    ))];
                }
                return vec![Msg::Popup(Popup::Notes {
                    coachee_id: c.id.clone(),
                    name: c.name.clone(),
                    editor: Box::new(crate::tui::screens::session::text_editor(&c.notes)),
                })];
            }
            Cmd::AddGoal => {
                let d = &v.data;
                return vec![Msg::Popup(Popup::Form(Box::new(
                    crate::tui::goal_form::form(
                        None,
                        None,
                        v.goal_centers(),
                        d.scale,
                        Some(&d.coachee.id),
                    ),
                )))];
            }
            Cmd::ParkTopic => {
                let c = &v.data.coachee;
                return vec![Msg::Popup(crate::tui::topic_form::popup(
                    &c.id, &c.name, None,
                ))];
            }
            Cmd::Prepare => {
                return vec![Msg::Popup(crate::tui::prep_dialog::popup(
                    &v.data.coachee,
                    env,
                ))];
            }
            Cmd::Report => {
                return vec![Msg::Popup(crate::tui::report_dialog::popup(
                    &v.data.coachee,
                    env,
                ))];
            }
            Cmd::Discard => {
                if let Some(s) = v.selected_session() {
                    return vec![Msg::Effect(Effect::Task(Task::AskDiscard {
                        session_id: s.id.clone(),
                    }))];
                }
                return vec![Msg::Say("No session to discard".to_owned())];
            }
            Cmd::CompareEarlier | Cmd::CompareLater => {
                let Some(c) = v.compare else {
                    return vec![Msg::Say(
                        "Nothing to compare yet: the Six Centers were rated in one session or none"
                            .to_owned(),
                    )];
                };
                let last = v.rated.len().saturating_sub(2);
                v.compare = Some(if cmd == Cmd::CompareEarlier {
                    c.saturating_sub(1)
                } else {
                    (c + 1).min(last)
                });
            }
            Cmd::ActionsBoard => {
                let id = v.data.coachee.id.clone();
                return vec![Msg::Effect(Effect::Task(Task::LoadBoard {
                    status: crate::store::StatusFilter::Open,
                    coachee_id: Some(id),
                }))];
            }
            Cmd::Resume => {
                if let Some(s) = v.unfinished() {
                    return vec![Msg::Effect(Effect::Task(Task::OpenSession {
                        session_id: s.id.clone(),
                    }))];
                }
                let name = v.data.coachee.name.clone();
                return vec![Msg::Say(format!(
                    "{name} has no unfinished session: press n to start one"
                ))];
            }
            Cmd::NewSession => {
                let c = &v.data.coachee;
                return vec![Msg::Popup(match v.unfinished() {
                    Some(s) => Popup::Unfinished {
                        coachee_id: c.id.clone(),
                        session_id: s.id.clone(),
                        name: c.name.clone(),
                    },
                    None => Popup::Picker {
                        coachee_id: c.id.clone(),
                        coachee_name: c.name.clone(),
                        selected: 0,
                    },
                })];
            }
            _ => {}
        }
        vec![]
    }
}

impl CoacheeView {
    /// Enter on the list: a goal opens to be changed; an action or a topic
    /// opens the session it came from.
    fn open_item(&self) -> Vec<Msg> {
        let d = &self.data;
        match self.selected_item() {
            Some(list::Item::Goal(h)) => vec![Msg::Popup(Popup::Form(Box::new(
                crate::tui::goal_form::change_between(h, self.goal_centers(), d.scale),
            )))],
            Some(list::Item::Action(r)) => vec![Msg::Effect(Effect::Task(Task::LoadDetail {
                session_id: r.action.session_id.clone(),
                stage: Some(crate::tui::effect::DetailAt::Actions),
            }))],
            Some(list::Item::Topic(t)) => match &t.raised_in {
                Some(id) => vec![Msg::Effect(Effect::Task(Task::LoadDetail {
                    session_id: id.clone(),
                    stage: None,
                }))],
                None => vec![Msg::Say(
                    "This topic was parked between sessions: the next session's review lists it"
                        .to_owned(),
                )],
            },
            None => vec![],
        }
    }

    /// The centers a goal may move: the coachee's, else the shipped guides'.
    pub fn goal_centers(&self) -> &[(String, String)] {
        if self.data.centers.is_empty() {
            crate::export::doc::goals::known_centers()
        } else {
            &self.data.centers
        }
    }
}

/// Everything the coachee page shows.
pub fn load(store: &Store, coachee_id: &CoacheeId, today: Date) -> store::Result<CoacheeData> {
    let coachee = store.coachee(coachee_id)?;
    let sessions = store.session_summaries(Some(coachee_id))?;
    let scores = store.score_history(coachee_id)?;
    // The centers' names and scale come from the guide snapshot of the
    // latest session that rated anything, so renamed centers read as they
    // were last used; a coachee never rated falls back to the latest session.
    let source = scores
        .last()
        .map(|p| p.session_id.clone())
        .or_else(|| sessions.first().map(|s| s.id.clone()));
    let (centers, scale) = match source {
        Some(id) => CoacheeData::centers_of(&store.session(&id)?.guide).unwrap_or_default(),
        None => Default::default(),
    };
    let actions = store.actions(&ActionFilter {
        coachee_id: Some(coachee_id.to_owned()),
        status: StatusFilter::Open,
        today,
    })?;
    let topics = store.open_topics(coachee_id)?;
    let mut goals = store.coachee_goals(coachee_id)?;
    // Stable: within each status the oldest goal stays first.
    goals.sort_by_key(|g| g.status() != crate::model::GoalStatus::Active);
    Ok(CoacheeData {
        coachee,
        sessions,
        centers,
        scale,
        scores,
        actions,
        topics,
        goals,
    })
}
