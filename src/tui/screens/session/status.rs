//! What the status line says about the focus, ahead of the keymap's keys.

use super::{Element, Session};

/// Hints (key, what it does) that depend on the focus rather than on a
/// binding: where typing goes.
pub fn hints(s: &Session) -> Vec<(String, String)> {
    if s.in_pane {
        return vec![("typing".to_owned(), "stays in the private note".to_owned())];
    }
    match s.focused() {
        Some(Element::Goal(_)) if s.goals_shown_only() => vec![],
        Some(Element::Rating(_) | Element::Review(_) | Element::Goal(_)) if !s.note_open => {
            vec![("letters".to_owned(), "write a note".to_owned())]
        }
        _ => vec![],
    }
}
