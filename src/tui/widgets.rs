//! Widgets drawn by several screens.

pub mod radar;
