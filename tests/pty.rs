//! End-to-end tests of the real binary in a pseudo-terminal: a whole
//! session typed with keys, kills, quits, signals, panics, resizes, huge
//! pastes and two processes on one file. Unix only (pseudo-terminals).
#![cfg(unix)]

// A toolkit: not every scenario uses every key and helper.
#[allow(dead_code)]
#[path = "pty/harness.rs"]
mod harness;

#[path = "pty/one_to_one.rs"]
mod one_to_one;

#[path = "pty/quit.rs"]
mod quit;

#[path = "pty/kill.rs"]
mod kill;

#[path = "pty/resize.rs"]
mod resize;

#[path = "pty/paste.rs"]
mod paste;

#[path = "pty/two_processes.rs"]
mod two_processes;

#[path = "pty/unlock.rs"]
mod unlock;

#[path = "pty/theme.rs"]
mod theme;

#[path = "pty/editor.rs"]
mod editor;

#[path = "pty/locked.rs"]
mod locked;

#[path = "pty/home_paths.rs"]
mod home_paths;
