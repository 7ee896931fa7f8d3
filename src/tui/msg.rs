//! What a screen's `update` asks of the app, and the shared context it reads.
//!
//! Screens never change `App`: they return [`Msg`]s and `App::update`
//! applies them. What every screen may read (the clock, share-safe) comes
//! in an [`Env`], so each piece of state has one owner.

use time::{Date, OffsetDateTime};

use super::effect::Effect;
use super::popup::Popup;

/// One thing a screen asks for.
pub enum Msg {
    /// Something for the run loop to do (save, load, export).
    Effect(Effect),
    /// Open a popup over the screen.
    Popup(Popup),
    /// A line on the status line.
    Say(String),
    /// A line on the status line, as a problem.
    Error(String),
    /// Back to the screen before this one.
    Back,
    /// Save everything and leave the app.
    Quit,
    /// Open the search screen (the session comes back on `Esc`).
    Search,
    /// Ring the terminal bell (a timebox ran out).
    Bell,
    /// A confirmation popup was answered yes.
    Confirmed(super::popup::OnYes),
    /// Open this text in the coach's own editor; the run loop hands the
    /// result back (`App::edited_outside`).
    EditOutside(String),
    /// A form was submitted and valid: what it asks for.
    FormDone {
        form: Box<super::form::Form>,
        effects: Vec<Effect>,
    },
}

/// What every screen may read: one clock, one share-safe switch, and the
/// folder exports are proposed in (looked up once, at start).
#[derive(Debug, Clone)]
pub struct Env {
    pub now: OffsetDateTime,
    pub today: Date,
    pub share_safe: bool,
    pub export_dir: std::path::PathBuf,
}

/// Wraps effects as messages.
pub fn effects(effects: impl IntoIterator<Item = Effect>) -> Vec<Msg> {
    effects.into_iter().map(Msg::Effect).collect()
}
