//! What the app does with the result of an effect: the screen it opens, the
//! popup it asks with, or the line it shows.

use super::app::{App, Screen};
use super::effect::{Effect, Loaded};
use super::popup::Popup;
use super::screens::session::Session;
use super::screens::summary::Summary;

impl App {
    /// The result of an effect.
    pub fn on_loaded(&mut self, loaded: Loaded) -> Vec<Effect> {
        match loaded {
            Loaded::Home(rows) => {
                let keep = self
                    .home
                    .select
                    .take()
                    .or_else(|| self.home.selected().map(|s| s.coachee.id.clone()));
                self.home.rows = rows
                    .into_iter()
                    .filter(|r| self.home.show_archived || !r.coachee.archived)
                    .collect();
                self.home.loaded = true;
                self.home.sort();
                self.home.selected = keep
                    .and_then(|id| self.home.rows.iter().position(|r| r.coachee.id == id))
                    .unwrap_or(self.home.selected)
                    .min(self.home.rows.len().saturating_sub(1));
                vec![]
            }
            Loaded::Session(data) => {
                self.popup = None;
                self.resume_after_search = None;
                self.open_screen(Screen::Session(Box::new(Session::new(*data))));
                vec![]
            }
            Loaded::Coachee(data) => self.show_coachee(*data),
            Loaded::Detail { data, stage } => self.show_detail(*data, stage),
            Loaded::Board(data) => self.show_board(*data),
            Loaded::ActionHistory { action_id, history } => {
                self.show_action_history(action_id, history);
                vec![]
            }
            Loaded::Search { query, hits } => {
                if let Screen::Search(v) = &mut self.screen {
                    v.results(&query, hits);
                }
                vec![]
            }
            Loaded::Saved(message) => self.saved(message),
            Loaded::Summary(data) => {
                self.popup = None;
                self.screen = Screen::Summary(Box::new(Summary::new(*data)));
                self.say("Session finished and saved");
                vec![]
            }
            Loaded::Error(e) => {
                self.error(e);
                vec![]
            }
            Loaded::Undoable { undo, message } => {
                self.undo.push(undo);
                self.saved(Some(message))
            }
            Loaded::Copied { text, message } => {
                self.clipboard = Some(text);
                self.say(message);
                vec![]
            }
            Loaded::Ask { text, on_yes } => {
                self.popup = Some(Popup::Confirm { text, on_yes });
                vec![]
            }
            Loaded::Discarded {
                session_id,
                message,
            } => {
                // The discarded session's screens go, here and further back.
                let of_it =
                    |s: &Screen| matches!(s, Screen::Detail(v) if *v.session_id() == session_id);
                self.history.retain(|s| !of_it(s));
                let effects = if of_it(&self.screen) {
                    self.back()
                } else {
                    self.refresh_effects()
                };
                self.say(message);
                effects
            }
            Loaded::Unfinished {
                coachee_id,
                session_id,
            } => {
                let name = self
                    .home
                    .rows
                    .iter()
                    .find(|r| r.coachee.id == coachee_id)
                    .map(|r| r.coachee.name.clone())
                    .unwrap_or_default();
                self.popup = Some(Popup::Unfinished {
                    coachee_id,
                    session_id,
                    name,
                });
                vec![]
            }
        }
    }
}
