//! The runtime: performs effects against the store and feeds results back.
//!
//! Writes to the same field are coalesced and saved once typing pauses
//! (`SAVE_DELAY`), and always before a stage change, leaving a screen or
//! quitting. Tests drive a `Runtime` with key events and no terminal.

pub mod disposal;
mod files;
pub mod recovery;
mod upkeep;
mod writer;
mod writes;

use crate::model::SessionId;
use crate::tui::effect::Task;
use writes::apply_write;

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};
use time::OffsetDateTime;

use super::app::App;
use super::effect::{Before, Effect, Loaded, SessionData, Undo, Write};
use super::screens::search::LIMIT as SEARCH_LIMIT;
use crate::model::ActionStatus;
use crate::store::{self, Store};
use disposal::{capitalise, discard_question, erased_message};

/// How long typing may pause before it is saved. Well under the one second
/// that an edit may be on screen before it must survive a kill.
pub const SAVE_DELAY: Duration = Duration::from_millis(250);

/// How long the keys must rest before the store is tidied: search index
/// merges and a WAL checkpoint, work no keystroke should wait for (see
/// `Store::tidy`).
pub const TIDY_IDLE: Duration = Duration::from_secs(1);

/// Saves after which the store is tidied at the next tick even without a
/// pause, so that the WAL and the index's small segments stay few under
/// non-stop typing.
const TIDY_EVERY: u32 = 200;

/// The app, its store and the writes waiting for a pause in typing.
pub struct Runtime {
    pub app: App,
    pub store: Store,
    pending: Vec<(Option<super::effect::WriteKey>, Write)>,
    oldest_pending: Option<Instant>,
    last_input: Instant,
    /// Saves committed since the store was last tidied.
    untidy: u32,
    /// When tidying last failed (it waits a rest before trying again).
    tidy_failed: Option<Instant>,
    /// Why the last save failed, while saves keep failing.
    last_error: Option<String>,
    /// This window, as the writer of the sessions it edits.
    writer: store::Writer,
    /// The session this window holds for editing.
    editing: Option<SessionId>,
    /// When the claim on `editing` was last refreshed.
    beat: Instant,
}

impl Runtime {
    pub fn new(app: App, store: Store) -> Self {
        let mut rt = Self {
            app,
            store,
            pending: Vec::new(),
            oldest_pending: None,
            last_input: Instant::now(),
            untidy: 0,
            tidy_failed: None,
            last_error: None,
            writer: store::Writer::this_process(),
            editing: None,
            beat: Instant::now(),
        };
        // If this fails SQLite keeps checkpointing by itself: slower
        // keystrokes now and then, nothing worse.
        let _ = rt.store.manual_checkpoints();
        rt.perform(vec![Effect::Task(Task::LoadHome)]);
        // Text a failed save kept last time is offered back first.
        if let Some(path) = rt
            .store
            .path()
            .and_then(|p| recovery::find(p).into_iter().next())
        {
            rt.app.popup = Some(super::popup::Popup::Confirm {
                text: format!(
                    "Last time innerceo could not save some of your text and kept it in {}. Put it back now?",
                    path.display()
                ),
                on_yes: super::popup::OnYes::Restore(path),
            });
        }
        rt
    }

    /// A terminal event. Only key presses count (Windows also reports releases).
    pub fn on_event(&mut self, event: Event) {
        self.last_input = Instant::now();
        let effects = match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.app.on_key(key),
            Event::Paste(text) => self.app.on_paste(&text),
            _ => vec![],
        };
        self.perform(effects);
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        self.on_event(Event::Key(key));
    }

    /// The clock moved on: count session time, save what has waited long enough.
    pub fn on_tick(&mut self, now: OffsetDateTime) {
        let effects = self.app.on_tick(now);
        self.perform(effects);
        self.heartbeat();
        self.on_deadline();
    }

    /// Saves every pending write now, in order.
    /// What the coach's editor gave back (or why it could not run).
    pub fn on_edited(&mut self, edited: Result<String, String>) {
        let effects = self.app.edited_outside(edited);
        self.perform(effects);
    }

    pub fn flush(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        self.oldest_pending = None;
        if pending.is_empty() {
            return;
        }
        let result = self.store.in_transaction(|store| {
            for (_, w) in &pending {
                apply_write(store, w)?;
            }
            Ok(())
        });
        self.untidy = self.untidy.saturating_add(1);
        match result {
            Err(e) => {
                // Keep the writes so the next flush tries again; tell the user.
                self.pending = pending;
                self.oldest_pending = Some(Instant::now());
                self.last_error = Some(e.to_string());
                self.app.error(format!(
                    "Not saved yet, retrying: {e}. Your text is safe on screen."
                ));
            }
            Ok(()) if self.last_error.take().is_some() => {
                self.app
                    .say("Saved: everything typed is in the database again");
            }
            Ok(()) => {}
        }
    }

    /// Makes every commit so far survive a power cut. Typing is committed
    /// without waiting for the disk (it survives the app being killed, not
    /// the machine losing power); a stage change, Ctrl-s and quitting are
    /// the moments worth the wait for the disk.
    fn sync(&mut self) {
        if !self.pending.is_empty() {
            return; // the flush failed and already said so
        }
        if let Err(e) = self.store.sync() {
            self.app.error(format!(
                "Saved, but could not make it safe on disk yet: {e}"
            ));
        }
    }

    /// Performs effects until none are left.
    pub fn perform(&mut self, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            let follow = self.perform_one(effect);
            queue.extend(follow);
        }
        self.release_if_left();
    }

    fn perform_one(&mut self, effect: Effect) -> Vec<Effect> {
        match effect {
            Effect::Save(w) => {
                if let Some(session) = self.correcting(&w) {
                    self.queue(Write::Corrected {
                        session,
                        at: self.app.now,
                    });
                }
                self.queue(w);
                vec![]
            }
            Effect::Flush => {
                self.flush();
                vec![]
            }
            Effect::Durable => {
                self.flush();
                self.sync();
                vec![]
            }
            Effect::Quit => {
                self.flush();
                self.sync();
                self.app.quit = true;
                vec![]
            }
            Effect::Task(task) => {
                // A task reads or writes right away; earlier typing first.
                self.flush();
                // Only a write leaves anything to tidy: reading leaves an idle
                // app with nothing to do.
                if task.writes() {
                    self.untidy = self.untidy.saturating_add(1);
                }
                let finishing = matches!(
                    task,
                    Task::CompleteSession { .. } | Task::CompleteSessionQuietly { .. }
                );
                let loaded = self.load(task);
                if finishing {
                    self.sync();
                }
                match loaded {
                    Loaded::Session(mut data) => {
                        self.claim(&mut data);
                        self.app.on_loaded(Loaded::Session(data))
                    }
                    l => self.app.on_loaded(l),
                }
            }
            Effect::Errand(errand) => {
                self.flush();
                if errand.writes() {
                    self.untidy = self.untidy.saturating_add(1);
                }
                let done = self.run_errand(&errand);
                self.app.on_loaded(done)
            }
        }
    }

    /// Adds a write to the pending ones, replacing one with the same key.
    fn queue(&mut self, w: Write) {
        let key = w.key();
        match key.as_ref().and_then(|k| {
            self.pending
                .iter_mut()
                .find(|(pk, _)| pk.as_ref() == Some(k))
        }) {
            Some(slot) => slot.1 = w,
            None => self.pending.push((key, w)),
        }
        if self.oldest_pending.is_none() {
            self.oldest_pending = Some(Instant::now());
        }
    }

    /// The finished session on screen when `w` changes it: a correction,
    /// to be dated. Moving around (progress) is not one.
    fn correcting(&self, w: &Write) -> Option<SessionId> {
        if matches!(w, Write::Progress { .. } | Write::Corrected { .. }) {
            return None;
        }
        match &self.app.screen {
            crate::tui::app::Screen::Session(s) if s.correcting() => {
                Some(s.session_id().to_owned())
            }
            _ => None,
        }
    }

    /// Performs a task: what it read, or what its write changed on screen.
    fn load(&mut self, task: Task) -> Loaded {
        let store = &self.store;
        let result: store::Result<Loaded> = (|| match task {
            Task::LoadHome => Ok(Loaded::Home(store.coachee_summaries(self.app.today, true)?)),
            Task::AddCoachee { name, role, rhythm } => {
                let c = store.in_transaction(|s| {
                    let c = s.add_coachee(&name, &role)?;
                    s.set_coachee_rhythm(&c.id, rhythm)?;
                    Ok(c)
                })?;
                self.app
                    .say(format!("Added {}: press n to start a session", c.name));
                self.app.home.select = Some(c.id);
                Ok(Loaded::Home(store.coachee_summaries(self.app.today, true)?))
            }
            Task::UpdateCoachee {
                id,
                name,
                role,
                rhythm,
            } => {
                store.in_transaction(|s| {
                    s.rename_coachee(&id, &name)?;
                    s.set_coachee_role(&id, &role)?;
                    s.set_coachee_rhythm(&id, rhythm)
                })?;
                Ok(Loaded::Home(store.coachee_summaries(self.app.today, true)?))
            }
            Task::SetArchived { id, archived } => {
                let name = store.coachee(&id)?.name;
                store.set_coachee_archived(&id, archived)?;
                let what = if archived {
                    format!("archived {name}")
                } else {
                    format!("brought {name} back from the archive")
                };
                Ok(Loaded::Undoable {
                    message: format!("{}{}", capitalise(&what), ". u undoes it"),
                    undo: Undo {
                        what,
                        before: Before::Archived {
                            id,
                            archived: !archived,
                        },
                    },
                })
            }
            Task::StartSession { coachee_id, guide } => {
                if let Some(s) = store.unfinished_session(&coachee_id)? {
                    return Ok(Loaded::Unfinished {
                        coachee_id,
                        session_id: s.id,
                    });
                }
                let s = store.start_session(&coachee_id, &guide, self.app.now)?;
                Ok(Loaded::Session(Box::new(load_session(store, &s.id)?)))
            }
            Task::OpenSession { session_id } => {
                Ok(Loaded::Session(Box::new(load_session(store, &session_id)?)))
            }
            Task::TakeOver { session_id } => {
                store.take_over_session(&session_id, &self.writer, self.app.now)?;
                self.app.say("This window edits the session now");
                Ok(Loaded::Session(Box::new(load_session(store, &session_id)?)))
            }
            Task::CompleteSession { session_id } => {
                store.complete_session(&session_id, self.app.now)?;
                Ok(Loaded::Summary(Box::new(load_session(store, &session_id)?)))
            }
            Task::CompleteSessionQuietly { session_id } => {
                store.complete_session(&session_id, self.app.now)?;
                Ok(Loaded::Home(store.coachee_summaries(self.app.today, true)?))
            }
            Task::LoadCoachee { coachee_id } => Ok(Loaded::Coachee(Box::new(
                crate::tui::screens::coachee::load(store, &coachee_id, self.app.today)?,
            ))),
            Task::LoadDetail { session_id, stage } => Ok(Loaded::Detail {
                data: Box::new(load_session(store, &session_id)?),
                stage,
            }),
            Task::LoadBoard { status, coachee_id } => Ok(Loaded::Board(Box::new(
                crate::tui::screens::board::load(store, status, coachee_id, self.app.today)?,
            ))),
            Task::LoadActionHistory { action_id } => Ok(Loaded::ActionHistory {
                history: store.action_history(&action_id)?,
                action_id,
            }),
            Task::SetActionStatus { action_id, status } => {
                let before = store.action_state(&action_id)?;
                let text = store.action(&action_id)?.text;
                store.set_action_status(&action_id, status, self.app.now)?;
                let what = match status {
                    ActionStatus::Done => format!("marked done: {text}"),
                    ActionStatus::Dropped => format!("dropped: {text}"),
                    ActionStatus::Open => format!("reopened: {text}"),
                };
                Ok(Loaded::Undoable {
                    message: format!("{}. u undoes it", capitalise(&what)),
                    undo: Undo {
                        what,
                        before: Before::Action(before),
                    },
                })
            }
            Task::SetActionDue { action_id, due } => {
                let before = store.action_state(&action_id)?;
                let text = store.action(&action_id)?.text;
                store.change_action_due(&action_id, due, self.app.now)?;
                let what = match due {
                    Some(d) => format!("due date set to {}", crate::dates::fmt_date_long(d)),
                    None => "due date cleared".to_owned(),
                };
                Ok(Loaded::Undoable {
                    message: format!("{}. u undoes it", capitalise(&what)),
                    undo: Undo {
                        what: format!("{what} ({text})"),
                        before: Before::Action(before),
                    },
                })
            }
            Task::Undo(undo) => {
                match &undo.before {
                    Before::Action(state) => store.restore_action(state)?,
                    Before::Archived { id, archived } => {
                        store.set_coachee_archived(id, *archived)?;
                    }
                }
                Ok(Loaded::Saved(Some(format!("Undone: {}", undo.what))))
            }
            Task::AskDiscard { session_id } => {
                if let Some(h) = store.live_holder(&session_id, &self.writer, self.app.now)? {
                    return Ok(Loaded::Error(format!(
                        "This session is open in another window (process {} on {}): close it there before discarding it",
                        h.pid, h.host
                    )));
                }
                let plan = store.discard_plan(&session_id)?;
                Ok(Loaded::Ask {
                    text: discard_question(&plan),
                    on_yes: crate::tui::popup::OnYes::Discard(session_id),
                })
            }
            Task::DiscardSession { session_id } => {
                let plan = store.discard_session(&session_id)?;
                Ok(Loaded::Discarded {
                    message: format!(
                        "Discarded the session of {} with {}",
                        crate::dates::fmt_date_long(crate::dates::local_date(plan.started_at)),
                        plan.coachee
                    ),
                    session_id,
                })
            }
            Task::DeleteCoachee { id } => {
                let erased = store.delete_coachee(&id)?;
                self.app.say(erased_message(&erased));
                Ok(Loaded::Home(store.coachee_summaries(self.app.today, true)?))
            }
            Task::Search {
                query,
                include_private,
            } => Ok(Loaded::Search {
                hits: store.search(&query, include_private, SEARCH_LIMIT)?,
                query,
            }),
        })();
        match result {
            Ok(l) => l,
            Err(e) => Loaded::Error(e.to_string()),
        }
    }
}

/// Everything the session screen shows, read from the store.
pub fn load_session(store: &Store, session_id: &SessionId) -> store::Result<SessionData> {
    let record = store.session_record(session_id)?;
    let review = store.actions_for_review(&record.coachee.id, session_id)?;
    let topics = store.topics_for_review(&record.coachee.id, session_id)?;
    // The same earlier session the exports compare with.
    let history = store.score_history(&record.coachee.id)?;
    let previous = crate::export::previous_scores(&history, &record);
    let previous_at = previous.as_ref().map(|p| p.started_at);
    Ok(SessionData {
        record,
        review,
        previous: previous.map(|p| p.scores).unwrap_or_default(),
        previous_at,
        holder: None,
        prep: crate::prep::for_session(store, session_id)?,
        topics,
    })
}
