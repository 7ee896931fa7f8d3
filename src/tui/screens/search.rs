//! Search as you type across every session's answers, notes and actions;
//! `Enter` opens the session at the stage of the selected result.

mod draw;

pub use draw::draw;

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::model::SearchHit;
use crate::tui::app::{App, Screen};
use crate::tui::effect::Effect;
use crate::tui::form::line_editor;
use crate::tui::keymap::Cmd;

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
        Effect::Search {
            query: self.query(),
            include_private: !share_safe,
        }
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
        self.searched = query.to_owned();
        self.hits = hits;
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
    }
}

/// A key on the search screen: commands, else typing into the query.
pub fn on_key(app: &mut App, cmd: Option<Cmd>, key: KeyEvent) -> Vec<Effect> {
    let share_safe = app.share_safe;
    let Screen::Search(v) = &mut app.screen else {
        return vec![];
    };
    match cmd {
        Some(c @ (Cmd::Up | Cmd::Down | Cmd::Top | Cmd::Bottom)) => {
            v.selected = super::common::moved(v.selected, v.hits.len(), c);
        }
        Some(Cmd::Open) => match v.hits.get(v.selected) {
            Some(h) => {
                return vec![Effect::LoadDetail {
                    session_id: h.session_id.clone(),
                    stage: Some(h.stage_id.clone()),
                }];
            }
            None => app.say("Nothing selected: type a few letters first"),
        },
        Some(_) => {}
        None => {
            let before = v.query();
            v.editor.input(key);
            if v.editor.lines().len() > 1 {
                // One line only: a stray newline would hide the query.
                let text = v.editor.lines().join(" ");
                v.editor = line_editor(&text);
            }
            if v.query() != before {
                return vec![v.effect(share_safe)];
            }
        }
    }
    vec![]
}

/// Pasted text goes into the query, on one line.
pub fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    let share_safe = app.share_safe;
    let Screen::Search(v) = &mut app.screen else {
        return vec![];
    };
    v.editor
        .insert_str(crate::tui::wrap::line_ends(text).replace('\n', " "));
    vec![v.effect(share_safe)]
}
