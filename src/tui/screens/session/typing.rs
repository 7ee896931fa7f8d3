//! Typing, pasting and saving text on the live session screen: what a
//! key does in the editor that has the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{EditorKey, Element, Session};
use crate::tui::effect::Effect;
use crate::tui::keymap::Cmd;
use crate::tui::msg::{Env, Msg};

impl Session {
    pub(super) fn type_key(
        &mut self,
        editor: &EditorKey,
        cmd: Option<Cmd>,
        key: KeyEvent,
        env: &Env,
    ) -> Vec<Msg> {
        match cmd {
            Some(Cmd::Submit) => return self.confirm_line(env),
            Some(Cmd::Up) if self.note_open => return self.move_focus(-1, env),
            Some(Cmd::Down) if self.note_open => return self.move_focus(1, env),
            _ => {}
        }
        if *editor == EditorKey::NextSession && key.code == KeyCode::Enter {
            return self.confirm_line(env);
        }
        // A paste without bracketed paste types CRLF as Enter then Ctrl-J:
        // one line break, not two.
        let after_cr = std::mem::replace(&mut self.after_cr, key.code == KeyCode::Enter);
        if after_cr
            && key.code == KeyCode::Char('j')
            && key.modifiers.contains(KeyModifiers::CONTROL)
        {
            return vec![];
        }
        let changed = self.editors.get_mut(editor).is_some_and(|e| e.input(key));
        if !changed {
            return vec![];
        }
        self.after_edit(editor, env)
    }

    /// Enter in the next session's date. A date that does not read stays
    /// in front of the coach with what to type, so the fix lands in the
    /// date and not in the field after it. A good one moves on, unless the
    /// date is the stage's last element: the focus would wrap to the top,
    /// out of sight at 80x24, so it stays and says what comes next.
    fn confirm_line(&mut self, env: &Env) -> Vec<Msg> {
        let text = self
            .editor_text(&EditorKey::NextSession)
            .unwrap_or_default();
        match crate::dates::parse_due(&text, env.today) {
            Err(e) => {
                let e = e.to_string();
                self.field_error = Some(e.clone());
                vec![Msg::Say(e)]
            }
            Ok(date) if self.focus + 1 >= self.elements().len() => {
                let when = date.map_or_else(
                    || "No next session date".to_owned(),
                    |d| format!("Next session: {}", crate::dates::fmt_date_long(d)),
                );
                vec![Msg::Say(format!(
                    "{when} · Ctrl-f finishes the session, Shift-Tab goes back"
                ))]
            }
            Ok(_) => self.move_focus(1, env),
        }
    }

    /// [`Session::after_edit`], for text that came from elsewhere.
    pub(super) fn after_edit_public(&mut self, editor: &EditorKey, env: &Env) -> Vec<Msg> {
        self.after_edit(editor, env)
    }

    /// Saves an editor's new text, and checks a date as it is typed.
    fn after_edit(&mut self, editor: &EditorKey, env: &Env) -> Vec<Msg> {
        if *editor == EditorKey::NextSession {
            let text = self.editor_text(editor).unwrap_or_default();
            self.field_error = crate::dates::parse_due(&text, env.today)
                .err()
                .map(|e| e.to_string());
        }
        match self.changed_write(editor, env) {
            Some(w) => {
                self.sync_record(&w);
                vec![Msg::Effect(Effect::Save(w))]
            }
            None => vec![],
        }
    }

    /// Pasted text lands in the editor that has the keys, whole.
    pub fn paste(&mut self, text: &str, env: &Env) -> Vec<Msg> {
        if let Some(t) = self.holder_text() {
            return vec![Msg::Say(t)];
        }
        let editor = match (self.typing_into(), self.focused()) {
            (Some(e), _) => e,
            (None, Some(el @ (Element::Rating(_) | Element::Review(_) | Element::Goal(_))))
                if el.editor_key(self).is_some() =>
            {
                self.note_open = true;
                match el.editor_key(self) {
                    Some(e) => e,
                    None => return vec![],
                }
            }
            _ => {
                return vec![Msg::Say(
                    "Nothing here takes text: Tab to an answer or note first".to_owned(),
                )];
            }
        };
        let mut text = crate::tui::wrap::line_ends(text);
        if editor == EditorKey::NextSession {
            text = text.replace('\n', " ");
        }
        if let Some(e) = self.editors.get_mut(&editor) {
            e.insert_str(text);
        }
        self.after_edit(&editor, env)
    }
}
