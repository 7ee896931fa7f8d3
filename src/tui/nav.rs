//! Moving between screens: a back-history so `Esc` returns to the screen
//! before, as it was left (selection, scroll), with its data read again.

use crate::model::ActionId;
use crate::tui::effect::Task;
use ratatui::crossterm::event::KeyEvent;

use super::screens::board::{BoardData, BoardView};
use super::screens::coachee::{CoacheeData, CoacheeView};
use super::screens::detail::DetailView;
use crate::model::ActionReview;
use crate::tui::app::{App, Screen};
use crate::tui::effect::{Effect, SessionData};
use crate::tui::keymap::Cmd;

/// Screens remembered for `Esc`. Deep enough for any path a person takes
/// (home → coachee → session → search → …); the oldest are forgotten first.
const HISTORY: usize = 32;

impl App {
    /// Shows `screen`, remembering the one it replaces for `Esc`.
    pub fn open_screen(&mut self, screen: Screen) {
        self.undo.clear();
        let old = std::mem::replace(&mut self.screen, screen);
        // A live session is never returned to by `Esc`: it is resumed from
        // the coachee or home, where its state is read again.
        if !matches!(old, Screen::Session(_)) {
            if self.history.len() >= HISTORY {
                self.history.remove(0);
            }
            self.history.push(old);
        }
    }

    /// `Esc`: back to the previous screen (home when there is none), its
    /// data read again since it may have changed meanwhile.
    pub fn back(&mut self) -> Vec<Effect> {
        if matches!(self.screen, Screen::Search(_))
            && let Some(session_id) = self.resume_after_search.take()
        {
            // Back into the live session the search was opened from, read
            // again from the store (it was saved when the search opened).
            return vec![Effect::Task(Task::OpenSession { session_id })];
        }
        self.undo.clear();
        self.screen = self.history.pop().unwrap_or(Screen::Home);
        self.refresh_effects()
    }

    /// What reads the current screen's data again.
    pub fn refresh_effects(&self) -> Vec<Effect> {
        match &self.screen {
            Screen::Home => vec![Effect::Task(Task::LoadHome)],
            Screen::Coachee(v) => vec![Effect::Task(Task::LoadCoachee {
                coachee_id: v.data.coachee.id.clone(),
            })],
            Screen::Detail(v) => vec![Effect::Task(Task::LoadDetail {
                session_id: v.session_id().to_owned(),
                stage: None,
            })],
            Screen::Board(v) => vec![Effect::Task(Task::LoadBoard {
                status: v.data.status,
                coachee_id: v.data.coachee_id.clone(),
            })],
            Screen::Search(v) => vec![v.effect(self.share_safe)],
            Screen::Session(_) | Screen::Summary(_) => vec![],
        }
    }

    /// `/`: the search screen, over whatever was on screen.
    pub fn open_search(&mut self) -> Vec<Effect> {
        self.open_screen(Screen::Search(Box::default()));
        vec![]
    }

    /// A key on one of the revisit screens.
    pub fn on_revisit_key(&mut self, cmd: Option<Cmd>, key: KeyEvent) -> Vec<Effect> {
        match cmd {
            Some(Cmd::Back) => return self.back(),
            Some(Cmd::Quit) => return self.quit_effects(),
            _ => {}
        }
        let env = self.env();
        // Each screen answers with messages; only `apply` changes the app.
        let msgs = match (&mut self.screen, cmd) {
            (Screen::Search(v), _) => v.update(cmd, key, &env),
            (_, None) => vec![],
            (Screen::Coachee(v), Some(c)) => v.update(c, &env),
            (Screen::Detail(v), Some(c)) => v.update(c, &env),
            (Screen::Board(v), Some(c)) => v.update(c),
            _ => vec![],
        };
        self.apply(msgs)
    }

    pub fn show_coachee(&mut self, data: CoacheeData) -> Vec<Effect> {
        match &mut self.screen {
            Screen::Coachee(v) if v.data.coachee.id == data.coachee.id => v.refresh(data),
            _ => self.open_screen(Screen::Coachee(Box::new(CoacheeView::new(data)))),
        }
        vec![]
    }

    /// A session to read, at `stage` when given; the same session read
    /// again keeps its scroll.
    pub fn show_detail(
        &mut self,
        data: SessionData,
        stage: Option<crate::tui::effect::DetailAt>,
    ) -> Vec<Effect> {
        let private = !self.share_safe;
        match &mut self.screen {
            Screen::Detail(v) if *v.session_id() == data.record.session.id && stage.is_none() => {
                v.data = data;
            }
            _ => self.open_screen(Screen::Detail(Box::new(DetailView::new(
                data,
                stage.as_ref(),
                private,
            )))),
        }
        vec![]
    }

    pub fn show_board(&mut self, data: BoardData) -> Vec<Effect> {
        match &mut self.screen {
            Screen::Board(v) => v.refresh(data),
            _ => self.open_screen(Screen::Board(Box::new(BoardView::new(data)))),
        }
        match &self.screen {
            Screen::Board(v) => v.history_effect(),
            _ => vec![],
        }
    }

    pub fn show_action_history(&mut self, action_id: ActionId, history: Vec<ActionReview>) {
        if let Screen::Board(v) = &mut self.screen
            && v.selected_row().is_some_and(|r| r.action.id == action_id)
        {
            v.history = Some((action_id, history));
        }
    }

    /// A change was saved: show it, then read the screen again.
    pub fn saved(&mut self, message: Option<String>) -> Vec<Effect> {
        if let Some(m) = message {
            self.say(m);
        }
        self.refresh_effects()
    }
}
