//! The run loop: draw, wait, feed events and ticks to the runtime. Generic
//! over ratatui's `Backend` and over where events and time come from, so a
//! test drives the real loop on `TestBackend` with scripted keys and a
//! clock it sets.
//!
//! An idle screen costs nothing: the loop sleeps until the next moment
//! something can change (a key, a signal, a save or tidy that is due, the
//! live session's clocks once a second, or midnight for "today" and
//! "overdue"), and draws only after something happened.

use std::io::{self, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Result;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};
use time::OffsetDateTime;

use super::input::{self, Wake};
use super::runtime::Runtime;
use super::ui;

/// How often session time is counted.
const TICK: Duration = Duration::from_secs(1);

/// Where the loop's input and time come from, and where the bell goes.
pub trait LoopIo {
    /// Waits up to `timeout` for input, a signal or a closed terminal.
    fn wait(&mut self, timeout: Duration) -> Result<Wake>;
    /// The next event already queued, without waiting.
    fn next_event(&mut self) -> Result<Option<Event>>;
    /// The wall clock.
    fn now(&mut self) -> OffsetDateTime;
    /// A signal asked the app to save and leave.
    fn stopped(&self) -> bool;
    /// Rings the terminal bell.
    fn bell(&mut self);
    /// Puts text on the system clipboard through the terminal.
    fn copy(&mut self, text: &str);
    /// Opens `text` in the coach's own editor and returns the edited text,
    /// or why it could not be.
    fn edit(&mut self, text: &str) -> Result<String, String> {
        let _ = text;
        Err("No editor can run here".to_owned())
    }
}

/// The real terminal: crossterm's events, signals, the system clock.
pub struct TerminalIo<'a> {
    pub waiter: input::Waiter,
    pub stop: &'a AtomicBool,
}

impl LoopIo for TerminalIo<'_> {
    fn wait(&mut self, timeout: Duration) -> Result<Wake> {
        Ok(self.waiter.wait(timeout)?)
    }

    fn next_event(&mut self) -> Result<Option<Event>> {
        if event::poll(Duration::ZERO)? {
            Ok(Some(event::read()?))
        } else {
            Ok(None)
        }
    }

    fn now(&mut self) -> OffsetDateTime {
        crate::dates::now()
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    fn bell(&mut self) {
        let mut out = io::stdout();
        let _ = out.write_all(b"\x07");
        let _ = out.flush();
    }

    fn copy(&mut self, text: &str) {
        let mut out = io::stdout();
        let _ = out.write_all(&super::clipboard::osc52(text));
        let _ = out.flush();
    }

    fn edit(&mut self, text: &str) -> Result<String, String> {
        let cmd = super::editor::command(&|k| std::env::var(k).ok())?;
        // The editor gets the terminal as a shell would leave it.
        super::suspend_terminal();
        let edited = super::editor::edit(&cmd, text);
        super::resume_terminal();
        edited
    }
}

/// Runs until the app quits, the terminal closes or a signal stops it.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    rt: &mut Runtime,
    io: &mut impl LoopIo,
) -> Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut last_tick = io.now();
    let mut dirty = true;
    loop {
        if std::mem::take(&mut dirty) {
            terminal.draw(|f| ui::draw(&rt.app, f))?;
        }
        if rt.app.quit {
            return Ok(());
        }
        let timeout = next_wake(rt, io.now(), last_tick);
        let wake = io.wait(timeout)?;
        let now = io.now();
        if wake == Wake::Ready {
            // Keys act at the time they are typed: off the live session, the
            // clock has not moved since the last key.
            if !rt.app.ticks() {
                rt.on_tick(now);
            }
            // Drain what is already queued (a fast typist, a paste) before redrawing.
            while let Some(ev) = io.next_event()? {
                dirty = true;
                super::debug_panic(&ev);
                rt.on_event(ev);
                // Each copy goes out as it is asked for, even in a burst of keys.
                if let Some(text) = rt.app.clipboard.take() {
                    io.copy(&text);
                }
                if let Some(text) = rt.app.edit_outside.take() {
                    let edited = io.edit(&text);
                    // The editor drew over everything and the screen is
                    // blank again: a blank frame makes ratatui forget what
                    // it drew before, so the next one is drawn whole.
                    // (`Terminal::clear` would ask the terminal where its
                    // cursor is, and fail if it is slow to answer.)
                    terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
                    rt.on_edited(edited);
                }
                if rt.app.quit {
                    break;
                }
            }
        }
        if wake == Wake::Hangup || io.stopped() {
            let effects = rt.app.quit_effects();
            rt.perform(effects);
            return Ok(());
        }
        if std::mem::take(&mut rt.app.ring) {
            // Once per stage that runs over its timebox (see `--no-bell`).
            io.bell();
        }
        let ticked = rt.app.ticks() && (now - last_tick).unsigned_abs() >= TICK;
        if ticked || crate::dates::local_date(now) != rt.app.today {
            last_tick = now;
            rt.on_tick(now);
            dirty = true;
        } else if rt.next_deadline().is_some_and(|d| d.is_zero()) {
            rt.on_deadline();
            // A save that fails says so on the status line.
            dirty = true;
        }
    }
}

/// How long the loop may sleep: until the live session's clocks move on,
/// a save or tidy is due, or the date changes, whichever comes first.
pub fn next_wake(rt: &Runtime, now: OffsetDateTime, last_tick: OffsetDateTime) -> Duration {
    // At most a day: the wait's timeout is a number of milliseconds.
    let mut timeout = crate::dates::until_tomorrow(now).min(Duration::from_hours(24));
    if rt.app.ticks() {
        let since = (now - last_tick).unsigned_abs();
        timeout = timeout.min(TICK.saturating_sub(since));
    }
    if let Some(d) = rt.next_deadline() {
        timeout = timeout.min(d);
    }
    // Elsewhere than on Unix, signals cannot wake the wait: look now and then.
    if cfg!(not(unix)) {
        timeout = timeout.min(Duration::from_millis(200));
    }
    timeout
}
