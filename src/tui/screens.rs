//! One module per screen: its state, its keys (an `update` that returns
//! messages), its drawing (from its own state and a `Ui` view) and its loads.

pub mod board;
pub mod coachee;
pub mod common;
pub mod detail;
pub mod home;
pub mod popups;
pub mod record;
pub mod search;
pub mod session;
pub mod summary;
