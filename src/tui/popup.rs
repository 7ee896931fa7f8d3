//! Popups over a screen: what they hold, and what a confirmed one does.

use super::form::Form;
use super::keymap::Context;

/// Something over the screen that takes the keys first.
pub enum Popup {
    Help {
        ctx: Context,
        scroll: u16,
    },
    Picker {
        coachee_id: String,
        coachee_name: String,
        selected: usize,
    },
    Form(Box<Form>),
    Confirm {
        text: String,
        on_yes: OnYes,
    },
    Unfinished {
        coachee_id: String,
        session_id: String,
        name: String,
    },
}

/// What a confirmed dialog does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnYes {
    Archive {
        id: String,
        archived: bool,
    },
    Finish,
    DeleteAction(usize),
    /// Put back what a recovery file kept.
    Restore(std::path::PathBuf),
    /// Take a session over from the window that edits it.
    TakeOver(String),
}
