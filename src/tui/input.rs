//! Waiting for input without getting stuck on a closed terminal.
//!
//! crossterm 0.29 reads a hung-up terminal in an endless loop (its read
//! returns 0 bytes and it tries again), so once the terminal window is
//! closed, a call to `event::poll` never returns: the app spins at full CPU,
//! never sees SIGHUP, and never saves its last edits. The run loop therefore
//! waits here first, on the terminal and on a pipe written by the signal
//! handlers, and calls crossterm only when the terminal has input and is
//! still there. That needs file descriptors: elsewhere than on Unix the
//! waiter is crossterm's own poll.

use std::io;
#[cfg(unix)]
use std::io::Read;
#[cfg(unix)]
use std::os::fd::AsRawFd;
use std::time::Duration;

#[cfg(unix)]
use mio::net::UnixStream;
#[cfg(unix)]
use mio::unix::SourceFd;
#[cfg(unix)]
use mio::{Events, Interest, Poll, Token};

#[cfg(unix)]
const TERMINAL: Token = Token(0);
#[cfg(unix)]
const SIGNAL: Token = Token(1);

/// What ended a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// Input or a signal (resize, quit): ask crossterm for events.
    Ready,
    /// Nothing happened before the timeout.
    Timeout,
    /// The terminal is gone (window closed): save and leave.
    Hangup,
}

#[cfg(unix)]
pub struct Waiter {
    poll: Poll,
    events: Events,
    signals: UnixStream,
}

#[cfg(unix)]
impl Waiter {
    /// Watches standard input (the terminal) and the given signals.
    pub fn new(signals: &[i32]) -> io::Result<Waiter> {
        let poll = Poll::new()?;
        let fd = io::stdin().as_raw_fd();
        poll.registry()
            .register(&mut SourceFd(&fd), TERMINAL, Interest::READABLE)?;
        let (read, write) = std::os::unix::net::UnixStream::pair()?;
        read.set_nonblocking(true)?;
        write.set_nonblocking(true)?;
        for &sig in signals {
            let w = write.try_clone()?;
            signal_hook::low_level::pipe::register(sig, w)?;
        }
        let mut signals = UnixStream::from_std(read);
        poll.registry()
            .register(&mut signals, SIGNAL, Interest::READABLE)?;
        Ok(Waiter {
            poll,
            events: Events::with_capacity(8),
            signals,
        })
    }

    /// Waits up to `timeout` for input, a signal or a hang-up.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<Wake> {
        match self.poll.poll(&mut self.events, Some(timeout)) {
            Ok(()) => {}
            // A signal the app watches also writes to the pipe, which the
            // next wait sees at once; any other (a debugger or tracer
            // attaching) is no reason to do anything.
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(Wake::Timeout),
            Err(e) => return Err(e),
        }
        let mut wake = Wake::Timeout;
        for ev in &self.events {
            if ev.token() == TERMINAL && (ev.is_read_closed() || ev.is_error()) {
                return Ok(Wake::Hangup);
            }
            wake = Wake::Ready;
        }
        // Empty the signal pipe; the signals themselves are read from flags.
        let mut buf = [0u8; 64];
        while matches!(self.signals.read(&mut buf), Ok(n) if n > 0) {}
        Ok(wake)
    }
}

/// Without file descriptors: crossterm's poll, which cannot tell a closed
/// terminal apart, and no signal pipe.
#[cfg(not(unix))]
pub struct Waiter;

#[cfg(not(unix))]
impl Waiter {
    /// The signals are not watched here: there is no pipe to wake on.
    pub fn new(_signals: &[i32]) -> io::Result<Waiter> {
        Ok(Waiter)
    }

    /// Waits up to `timeout` for input.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<Wake> {
        Ok(if ratatui::crossterm::event::poll(timeout)? {
            Wake::Ready
        } else {
            Wake::Timeout
        })
    }
}
