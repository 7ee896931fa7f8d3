//! The full-screen app driven by key events, without a terminal.

#[path = "tui/harness.rs"]
mod harness;

#[path = "tui/flow.rs"]
mod flow;

#[path = "tui/snapshots.rs"]
mod snapshots;

#[path = "tui/contract.rs"]
mod contract;
#[path = "tui/event_loop.rs"]
mod event_loop;
#[path = "tui/goals.rs"]
mod goals;
#[path = "tui/goals_between.rs"]
mod goals_between;
#[path = "tui/notes.rs"]
mod notes;
#[path = "tui/prep.rs"]
mod prep;
#[path = "tui/readable.rs"]
mod readable;
#[path = "tui/records.rs"]
mod records;
#[path = "tui/report.rs"]
mod report;
#[path = "tui/revisit.rs"]
mod revisit;
#[path = "tui/saving.rs"]
mod saving;
#[path = "tui/screens.rs"]
mod screens;
#[path = "tui/themes.rs"]
mod themes;
#[path = "tui/topics.rs"]
mod topics;
#[path = "tui/two_windows.rs"]
mod two_windows;

#[path = "tui/typed_sentences.rs"]
mod typed_sentences;
