//! One module per screen, each drawing from `&App` only.

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
