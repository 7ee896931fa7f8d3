//! What the runtime does when nobody types: save what has waited long
//! enough, tidy the store once the keys rest, and say when that will be, so
//! that the run loop sleeps until then and not a moment more.

use std::time::{Duration, Instant};

use super::{Runtime, SAVE_DELAY, TIDY_EVERY, TIDY_IDLE};

impl Runtime {
    /// How long the loop may sleep before a save or a tidy is due; `None`
    /// when nothing waits to be written.
    pub fn next_deadline(&self) -> Option<Duration> {
        if let Some(t) = self.oldest_pending {
            // Tidying waits for the save anyway.
            return Some(SAVE_DELAY.saturating_sub(t.elapsed()));
        }
        if self.untidy == 0 {
            return None;
        }
        let rest = if self.untidy >= TIDY_EVERY {
            Duration::ZERO
        } else {
            TIDY_IDLE.saturating_sub(self.last_input.elapsed())
        };
        let retry = self
            .tidy_failed
            .map_or(Duration::ZERO, |t| TIDY_IDLE.saturating_sub(t.elapsed()));
        Some(rest.max(retry))
    }

    /// Does what is due: saves what has waited [`SAVE_DELAY`], then tidies
    /// the store once the keys have rested [`TIDY_IDLE`] (or after
    /// [`TIDY_EVERY`] saves without a pause).
    pub fn on_deadline(&mut self) {
        if self
            .oldest_pending
            .is_some_and(|t| t.elapsed() >= SAVE_DELAY)
        {
            self.flush();
        }
        let rested = self.last_input.elapsed() >= TIDY_IDLE;
        if self.untidy > 0 && self.pending.is_empty() && (rested || self.untidy >= TIDY_EVERY) {
            // Failing to tidy loses nothing (the WAL keeps every commit, the
            // index stays correct, only slower); it is tried again a rest later.
            let retry_due = self.tidy_failed.is_none_or(|t| t.elapsed() >= TIDY_IDLE);
            if retry_due {
                if self.store.tidy().is_ok() {
                    self.untidy = 0;
                    self.tidy_failed = None;
                } else {
                    self.tidy_failed = Some(Instant::now());
                }
            }
        }
    }
}
