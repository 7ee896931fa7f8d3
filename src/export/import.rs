//! `innerceo import`: reads a JSON export back into the store, all or
//! nothing, and without duplicating what is already there (stable ids).
//!
//! The file is read once, each value checked and written as it comes, all
//! in one transaction: the first bad value rolls everything back, so a
//! malformed, truncated or foreign file leaves the database as it was.

use crate::model::CoacheeId;
use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, anyhow};

use super::import_check::{Ids, Seen};
use super::import_read::{self, Sink};
use super::json::{Document, FORMAT, JsonAction, JsonSession};
use super::json_topics::{JsonGoal, JsonTopic};
use crate::model::{Action, ActionReview, Coachee, Session, SessionRecord};
use crate::store::{Counts, Store, StoreError};

/// What an import added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub coachees: i64,
    pub sessions: i64,
    pub actions: i64,
    /// Coachees, sessions and actions of the file that were already in the database.
    pub already_present: i64,
    /// Reviews of actions whose session is neither in the file nor in the database.
    pub skipped_reviews: usize,
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = crate::report::doc::plural;
        write!(
            f,
            "Imported {}, {}, {}; {} already present",
            plural(self.coachees, "coachee", "coachees"),
            plural(self.sessions, "session", "sessions"),
            plural(self.actions, "action", "actions"),
            self.already_present
        )?;
        if self.skipped_reviews > 0 {
            write!(
                f,
                "\nSkipped {} reviews of actions from sessions that are not in the file",
                self.skipped_reviews
            )?;
        }
        Ok(())
    }
}

/// Reads and checks an export file into memory; says what is wrong (with
/// line and column for JSON errors) and that nothing was imported. For
/// small files and tests: `import_file` imports any size as it reads.
pub fn read_file(path: &Path) -> Result<Document> {
    let file = File::open(path)
        .with_context(|| format!("cannot read {}; nothing was imported", path.display()))?;
    read_document(file).map_err(|e| anyhow!("{}: {e:#}; nothing was imported", path.display()))
}

/// Parses and checks the text of an export.
pub fn parse(text: &str) -> Result<Document> {
    read_document(text.as_bytes())
}

/// Reads a whole document, checked, into memory.
fn read_document(input: impl Read) -> Result<Document> {
    let mut sink = Collect::default();
    let header = import_read::read(input, &mut Ids::default(), &mut sink)?;
    let Collect {
        coachees,
        sessions,
        topics,
        goals,
    } = sink;
    Ok(Document {
        format: FORMAT.to_owned(),
        generator: header.generator,
        exported_at: header.exported_at,
        include_private: header.include_private,
        coachees,
        sessions,
        topics,
        goals,
    })
}

/// Gathers what is read, for `parse`.
#[derive(Default)]
struct Collect {
    coachees: Vec<Coachee>,
    sessions: Vec<JsonSession>,
    topics: Vec<JsonTopic>,
    goals: Vec<JsonGoal>,
}

impl Sink for Collect {
    fn coachee(&mut self, c: Coachee) -> Result<()> {
        self.coachees.push(c);
        Ok(())
    }

    fn session(&mut self, _index: usize, s: JsonSession) -> Result<()> {
        self.sessions.push(s);
        Ok(())
    }

    fn topic(&mut self, t: JsonTopic) -> Result<()> {
        self.topics.push(t);
        Ok(())
    }

    fn goal(&mut self, g: JsonGoal) -> Result<()> {
        self.goals.push(g);
        Ok(())
    }
}

/// Imports an export file while reading it, in one pass and one
/// transaction: each coachee and session is checked and written as soon
/// as it is read, so memory stays the same whatever the file's size. The
/// first bad value stops the import and rolls everything back; the error
/// names it and says that nothing was imported.
pub fn import_file(store: &Store, path: &Path) -> Result<ImportReport> {
    let file = File::open(path)
        .with_context(|| format!("cannot read {}; nothing was imported", path.display()))?;
    // The ids met so far live in a temporary table, not in memory.
    store
        .prepare_bulk_load()
        .map_err(|e| anyhow!("{e}; nothing was imported"))?;
    let mut sink = ToStore::new(store);
    let result = store.in_bulk_transaction(|store| -> Result<()> {
        sink.start()?;
        store.start_seen_ids().map_err(Failed)?;
        let mut ids = StoreIds(store);
        import_read::read(file, &mut ids, &mut sink)?;
        sink.finish()
    });
    match result {
        Ok(()) => Ok(sink.report()),
        // The database refused: the file may well be right.
        Err(e) if e.is::<Failed>() => Err(anyhow!("{e}; nothing was imported")),
        Err(e) => Err(anyhow!("{}: {e:#}; nothing was imported", path.display())),
    }
}

/// Writes a checked document into the store in one transaction.
pub fn import(store: &Store, doc: &Document) -> Result<ImportReport> {
    let mut sink = ToStore::new(store);
    store
        .in_bulk_transaction(|_| -> Result<()> {
            sink.start()?;
            for c in &doc.coachees {
                sink.coachee(c.clone())?;
            }
            for (i, s) in doc.sessions.iter().enumerate() {
                sink.session(i, s.clone())?;
            }
            for t in &doc.topics {
                sink.topic(t.clone())?;
            }
            for g in &doc.goals {
                sink.goal(g.clone())?;
            }
            sink.finish()
        })
        .map_err(|e| anyhow!("{e}; nothing was imported"))?;
    Ok(sink.report())
}

/// A store error during an import, told apart from a problem of the file.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
struct Failed(#[from] StoreError);

/// The ids an import has met, in the store's temporary table.
struct StoreIds<'s>(&'s Store);

impl Seen for StoreIds<'_> {
    fn first_seen(&mut self, kind: &'static str, value: &str, at: &str) -> Result<Option<String>> {
        Ok(self.0.first_seen_id(kind, value, at).map_err(Failed)?)
    }
}

/// Writes what is read into the store, a session at a time.
struct ToStore<'s> {
    store: &'s Store,
    /// The file's coachees, for the records of their sessions.
    coachees: BTreeMap<CoacheeId, Coachee>,
    /// Reviews of actions from sessions not (yet) in the database: the
    /// session may come later in the file. Empty for files innerceo writes,
    /// which list each coachee's sessions oldest first.
    later: Vec<(Session, Coachee, ActionReview, Action)>,
    skipped_reviews: usize,
    /// Coachees, sessions and actions in the file.
    in_file: i64,
    before: Option<Counts>,
    after: Option<Counts>,
}

impl<'s> ToStore<'s> {
    fn new(store: &'s Store) -> Self {
        ToStore {
            store,
            coachees: BTreeMap::new(),
            later: Vec::new(),
            skipped_reviews: 0,
            in_file: 0,
            before: None,
            after: None,
        }
    }

    fn start(&mut self) -> Result<()> {
        self.before = Some(self.store.counts().map_err(Failed)?);
        Ok(())
    }

    /// Writes the reviews that waited for their action's session.
    fn finish(&mut self) -> Result<()> {
        for (session, coachee, review, action) in std::mem::take(&mut self.later) {
            if !self.store.has_session(&action.session_id).map_err(Failed)? {
                self.skipped_reviews += 1;
                continue;
            }
            let record = SessionRecord {
                session,
                coachee,
                answers: Vec::new(),
                ratings: Vec::new(),
                choices: Vec::new(),
                notes: Vec::new(),
                actions: Vec::new(),
                reviews: vec![(review, action)],
                goals: Vec::new(),
                topics: crate::model::SessionTopics::default(),
            };
            self.store.insert_record(&record).map_err(Failed)?;
        }
        self.after = Some(self.store.counts().map_err(Failed)?);
        Ok(())
    }

    fn report(&self) -> ImportReport {
        let (before, after) = (
            self.before.unwrap_or_default(),
            self.after.unwrap_or_default(),
        );
        let coachees = after.coachees - before.coachees;
        let sessions = after.sessions - before.sessions;
        let actions = after.actions - before.actions;
        ImportReport {
            coachees,
            sessions,
            actions,
            already_present: (self.in_file - coachees - sessions - actions).max(0),
            skipped_reviews: self.skipped_reviews,
        }
    }
}

impl Sink for ToStore<'_> {
    fn coachee(&mut self, c: Coachee) -> Result<()> {
        self.in_file += 1;
        self.store.insert_coachee(&c).map_err(Failed)?;
        self.coachees.insert(c.id.clone(), c);
        Ok(())
    }

    fn session(&mut self, _index: usize, s: JsonSession) -> Result<()> {
        let Some(coachee) = self.coachees.get(&s.coachee_id).cloned() else {
            return Ok(()); // the checks refused such files already
        };
        self.in_file += 1 + i64::try_from(s.actions.len()).unwrap_or(0);
        let session = Session {
            id: s.id,
            coachee_id: s.coachee_id,
            guide: s.guide,
            started_at: s.started_at,
            ended_at: s.ended_at,
            status: s.status,
            current_stage: s.current_stage,
            current_field: s.current_field,
            stage_seconds: s.stage_seconds,
            done_stages: s.done_stages,
            focus: s.focus,
            next_session: s.next_session,
            corrected_at: s.corrected_at,
        };
        let mut reviews = Vec::new();
        for r in &s.reviews {
            let (review, action) = (r.to_review(), r.action.to_action());
            if self.store.has_session(&action.session_id).map_err(Failed)? {
                reviews.push((review, action));
            } else {
                self.later
                    .push((session.clone(), coachee.clone(), review, action));
            }
        }
        // Changes made from the actions board belong to no session; they
        // travel with the session that agreed the action.
        for a in &s.actions {
            for h in a.history.iter().filter(|h| h.session_id.is_none()) {
                reviews.push((h.clone(), a.to_action()));
            }
        }
        let record = SessionRecord {
            session,
            coachee,
            answers: s.answers,
            ratings: s.ratings,
            choices: s.choices,
            notes: s.notes,
            actions: s.actions.iter().map(JsonAction::to_action).collect(),
            reviews,
            goals: Vec::new(),
            topics: crate::model::SessionTopics::default(),
        };
        self.store.insert_record(&record).map_err(Failed)?;
        Ok(())
    }

    fn topic(&mut self, t: JsonTopic) -> Result<()> {
        self.store
            .insert_topic(&t.to_topic(), &t.reviews)
            .map_err(Failed)?;
        Ok(())
    }

    fn goal(&mut self, g: JsonGoal) -> Result<()> {
        self.store.insert_goal(&g).map_err(Failed)?;
        Ok(())
    }
}
