//! One writer per session, from the runtime's side: claim it when opened,
//! refresh the claim while it is on screen, let it go when left.

use std::time::{Duration, Instant};

use super::Runtime;
use crate::tui::app::Screen;
use crate::tui::effect::SessionData;

/// How often the claim is refreshed (well inside `store::STALE_AFTER`).
pub const HEARTBEAT: Duration = Duration::from_secs(5);

impl Runtime {
    /// Claims the session about to be shown; when another live window
    /// holds it, it is shown read-only with who holds it.
    pub(super) fn claim(&mut self, data: &mut SessionData) {
        let id = data.record.session.id.clone();
        match self.store.claim_session(&id, &self.writer, self.app.now) {
            Ok(None) => {
                self.editing = Some(id);
                self.beat = Instant::now();
            }
            Ok(Some(holder)) => data.holder = Some(holder),
            // Nothing is known about another window: edit, as before the
            // claim existed; saves still write only what this window changed.
            Err(_) => self.editing = Some(id),
        }
    }

    /// Lets go of the session once it is no longer on screen.
    pub(super) fn release_if_left(&mut self) {
        let Some(id) = self.editing.clone() else {
            return;
        };
        let here = matches!(&self.app.screen, Screen::Session(s) if *s.session_id() == id);
        if !here || self.app.quit {
            let _ = self.store.release_session(&id, &self.writer);
            self.editing = None;
        }
    }

    /// Refreshes the claim now and then; if another window took the session
    /// over meanwhile, this one turns read-only and says so.
    pub(super) fn heartbeat(&mut self) {
        if self.editing.is_none() || self.beat.elapsed() < HEARTBEAT {
            return;
        }
        self.check_writer();
    }

    /// Refreshes the claim at once (the tick does it every [`HEARTBEAT`]).
    pub fn check_writer(&mut self) {
        let Some(id) = self.editing.clone() else {
            return;
        };
        self.beat = Instant::now();
        if let Ok(false) = self.store.heartbeat(&id, &self.writer, self.app.now) {
            self.flush();
            self.editing = None;
            if let Screen::Session(s) = &mut self.app.screen {
                s.read_only = Some(crate::store::Holder {
                    pid: 0,
                    host: "another window".to_owned(),
                    since: self.app.now,
                    seen: self.app.now,
                });
            }
            self.app
                .error("Another window took this session over: it is read-only here now");
        }
    }
}
