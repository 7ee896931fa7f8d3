//! Long text in the coach's own editor (`$VISUAL`, else `$EDITOR`): what to
//! hand it (the text of the field being typed in), and the edited text
//! taken back as if typed, saved the same way.

use super::{EditorKey, Session};
use crate::tui::msg::{Env, Msg};

impl Session {
    /// Ctrl-e: the field being typed in and its text, for the editor; a
    /// date field is one line and stays here.
    pub(super) fn external_edit(&mut self) -> Vec<Msg> {
        if let Some(t) = self.holder_text() {
            return vec![Msg::Say(t)];
        }
        let editor = match self.typing_into() {
            Some(EditorKey::NextSession) | None => {
                return vec![Msg::Say(
                    "Ctrl-e opens an answer or a note in your editor: Tab to one first".to_owned(),
                )];
            }
            Some(e) => e,
        };
        let text = self.editor_text(&editor).unwrap_or_default();
        self.editing_outside = Some(editor);
        vec![Msg::EditOutside(text)]
    }

    /// The editor's text replaces the field's, saved as if typed.
    pub fn edited_outside(&mut self, text: &str, env: &Env) -> Vec<Msg> {
        let Some(editor) = self.editing_outside.take() else {
            return vec![];
        };
        let text = clean(text);
        if self.editor_text(&editor).as_deref() == Some(text.as_str()) {
            return vec![Msg::Say("The editor changed nothing".to_owned())];
        }
        self.editors
            .insert(editor.clone(), super::text_editor(&text));
        let mut out = self.after_edit_public(&editor, env);
        out.push(Msg::Say("Saved the text from your editor".to_owned()));
        out
    }

    /// The editor failed or was missing: nothing changes.
    pub fn edit_outside_failed(&mut self) {
        self.editing_outside = None;
    }
}

/// Line ends as `\n`, no other control character (the text will be drawn
/// in a terminal), and without the final line break editors add.
fn clean(text: &str) -> String {
    let text = crate::tui::wrap::line_ends(text);
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    text.strip_suffix('\n').unwrap_or(&text).to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_final_line_break_and_control_characters_go() {
        assert_eq!(super::clean("one\r\ntwo\n"), "one\ntwo");
        assert_eq!(super::clean("a\u{1b}[31mb\n\n"), "a[31mb\n");
    }
}
