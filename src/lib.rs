//! innerceo: a terminal companion for coaching conversations, kept in one SQLite file.

pub mod cli;
pub mod config;
pub mod controls;
pub mod dates;
pub mod demo;
pub mod export;
pub mod guide;
pub mod model;
pub mod names;
pub mod prep;
pub mod radar;
pub mod report;
pub mod secret;
pub mod store;
pub mod tui;
