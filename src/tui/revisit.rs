//! Revisiting past work between sessions: a coachee's page, a past session,
//! the actions board and search. State and key handling only; the screens
//! that draw them are in `screens/`, and loads go through effects.

pub mod board;
pub mod coachee;
pub mod detail;
pub mod nav;
pub mod search;
pub mod trend;

use super::keymap::Cmd;

/// A list selection moved by an up/down/top/bottom command, kept in `0..n`.
pub fn moved(selected: usize, n: usize, cmd: Cmd) -> usize {
    let last = n.saturating_sub(1);
    match cmd {
        Cmd::Up => selected.saturating_sub(1),
        Cmd::Down => (selected + 1).min(last),
        Cmd::Top => 0,
        Cmd::Bottom => last,
        _ => selected.min(last),
    }
}
