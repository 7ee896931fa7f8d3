//! innerceo: a terminal companion for coaching conversations, kept in one SQLite file.

pub mod guide;
pub mod model;
pub mod store;
