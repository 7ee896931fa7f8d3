//! Widgets drawn by several screens, each `Widget for &View` with
//! buffer-exact tests.

pub mod radar;
pub mod rating_bar;
pub mod stage_list;
pub mod status_line;
