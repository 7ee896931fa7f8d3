//! Search as you type across answers, notes, actions and goals; `Enter`
//! opens the session at the stage of the result, or the coachee's page for
//! what belongs to no session.

mod draw;

pub use draw::draw;

use crate::tui::effect::Task;
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::model::SearchHit;
use crate::tui::effect::Effect;
use crate::tui::form::line_editor;
use crate::tui::keymap::Cmd;
use crate::tui::msg::{Env, Msg};

/// Results asked of the store per query: more than a screen holds, few
/// enough to stay fast on a large database.
pub const LIMIT: usize = 100;

/// The search screen's state.
pub struct SearchView {
    pub editor: TextArea<'static>,
    pub hits: Vec<SearchHit>,
    pub selected: usize,
    /// The query the hits answer (the editor may be ahead of it).
    pub searched: String,
}

impl Default for SearchView {
    fn default() -> Self {
        Self {
            editor: line_editor(""),
            hits: Vec::new(),
            selected: 0,
            searched: String::new(),
        }
    }
}

impl SearchView {
    pub fn query(&self) -> String {
        self.editor.lines().join(" ")
    }

    /// Searches what is typed now.
    pub fn effect(&self, share_safe: bool) -> Effect {
        Effect::Task(Task::Search {
            query: self.query(),
            include_private: !share_safe,
        })
    }

    /// Results came back: kept only if they answer what is typed now. The
    /// selection stays when the same query is searched again (coming back).
    pub fn results(&mut self, query: &str, hits: Vec<SearchHit>) {
        if query != self.query() {
            return;
        }
        if query != self.searched {
            self.selected = 0;
        }
        query.clone_into(&mut self.searched);
        self.hits = hits;
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
    }
}

impl SearchView {
    /// A key on the search screen: commands, else typing into the query.
    pub fn update(&mut self, cmd: Option<Cmd>, key: KeyEvent, env: &Env) -> Vec<Msg> {
        match cmd {
            Some(c @ (Cmd::Up | Cmd::Down | Cmd::Top | Cmd::Bottom)) => {
                self.selected = super::common::moved(self.selected, self.hits.len(), c);
            }
            Some(Cmd::Open) => {
                return match self.hits.get(self.selected) {
                    Some(h) => vec![Msg::Effect(match &h.session_id {
                        Some(session_id) => Effect::Task(Task::LoadDetail {
                            session_id: session_id.clone(),
                            stage: Some(match h.kind {
                                // A topic is in the session's closing list.
                                crate::model::HitKind::Topic => {
                                    crate::tui::effect::DetailAt::Section(h.stage_title.clone())
                                }
                                _ => crate::tui::effect::DetailAt::Stage(h.stage_id.clone()),
                            }),
                        }),
                        // The coachee's own notes and goals set between
                        // sessions are on their page.
                        None => Effect::Task(Task::LoadCoachee {
                            coachee_id: h.coachee_id.clone(),
                        }),
                    })],
                    None => vec![Msg::Say(
                        "Nothing selected: type a few letters first".to_owned(),
                    )],
                };
            }
            Some(_) => {}
            None => {
                let before = self.query();
                self.editor.input(key);
                if self.editor.lines().len() > 1 {
                    // One line only: a stray newline would hide the query.
                    let text = self.editor.lines().join(" ");
                    self.editor = line_editor(&text);
                }
                if self.query() != before {
                    return vec![Msg::Effect(self.effect(env.share_safe))];
                }
            }
        }
        vec![]
    }

    /// Pasted text goes into the query, on one line.
    pub fn paste(&mut self, text: &str, env: &Env) -> Vec<Msg> {
        self.editor
            .insert_str(crate::tui::wrap::line_ends(text).replace('\n', " "));
        vec![Msg::Effect(self.effect(env.share_safe))]
    }
}
