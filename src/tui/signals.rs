//! The signals the app watches, in one place: on Unix, SIGTERM, SIGHUP and
//! SIGINT ask it to save and leave, and SIGWINCH wakes it to redraw;
//! elsewhere only the signals the platform has (SIGINT, SIGTERM).

#[cfg(unix)]
use signal_hook::consts::{SIGHUP, SIGWINCH};
use signal_hook::consts::{SIGINT, SIGTERM};

/// Save and leave.
#[cfg(unix)]
pub const STOP: &[i32] = &[SIGTERM, SIGHUP, SIGINT];
#[cfg(not(unix))]
pub const STOP: &[i32] = &[SIGTERM, SIGINT];

/// Wake the input waiter: a stop, or a resized terminal.
#[cfg(unix)]
pub const WAKE: &[i32] = &[SIGTERM, SIGHUP, SIGINT, SIGWINCH];
#[cfg(not(unix))]
pub const WAKE: &[i32] = &[SIGTERM, SIGINT];
