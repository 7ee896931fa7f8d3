//! `innerceo import`: reads a JSON export back into the store, all or
//! nothing, and without duplicating what is already there (stable ids).
//!
//! The file is read and checked completely before the database is opened,
//! so a malformed, truncated or foreign file never touches it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};

use super::json::{Document, FORMAT};
use crate::model::{Coachee, Session, SessionRecord};
use crate::store::Store;

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
        write!(
            f,
            "Imported {} coachees, {} sessions, {} actions; {} already present",
            self.coachees, self.sessions, self.actions, self.already_present
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

/// Reads and checks an export file; says what is wrong (with line and
/// column for JSON errors) and that nothing was imported.
pub fn read_file(path: &Path) -> Result<Document> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}; nothing was imported", path.display()))?;
    parse(&text).map_err(|e| anyhow!("{}: {e:#}; nothing was imported", path.display()))
}

/// Parses and checks the text of an export.
pub fn parse(text: &str) -> Result<Document> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| anyhow!("not valid JSON: {e}"))?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => bail!(
            "the file is in format \"{other}\", which this innerceo cannot read \
             (it reads \"{FORMAT}\"); export it again with this version, or upgrade innerceo"
        ),
        None => bail!(
            "not an innerceo export: it has no \"format\": \"{FORMAT}\" field \
             (make one with `innerceo export --all --format json`)"
        ),
    }
    // Parsed again from the text, not the value, so that errors carry a
    // line and column, turned into the path of the value.
    let doc: Document = serde_json::from_str(text).map_err(|e| {
        let missing = e.to_string().starts_with("missing field");
        let path = super::json_path::at(text, e.line(), e.column(), missing);
        let path = if path.is_empty() {
            "(top level)".to_owned()
        } else {
            path
        };
        anyhow!("{path}: does not match the {FORMAT} format: {e}")
    })?;
    check(&doc)?;
    Ok(doc)
}

/// Checks what serde cannot (see `import_check`): ids, values against each
/// session's guide snapshot, sizes.
fn check(doc: &Document) -> Result<()> {
    super::import_check::check(doc)
}

/// Writes a checked document into the store in one transaction.
pub fn import(store: &Store, doc: &Document) -> Result<ImportReport> {
    let coachees: BTreeMap<&str, &Coachee> =
        doc.coachees.iter().map(|c| (c.id.as_str(), c)).collect();
    let in_file: BTreeSet<&str> = doc.sessions.iter().map(|s| s.id.as_str()).collect();
    let mut skipped_reviews = 0;
    let mut existing = None;

    let mut records: Vec<SessionRecord> = Vec::with_capacity(doc.sessions.len());
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut board_reviews = Vec::new();
    // Oldest first: a review needs the session of the action it reviews.
    let mut sessions: Vec<_> = doc.sessions.iter().collect();
    sessions.sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
    for s in sessions {
        let Some(coachee) = coachees.get(s.coachee_id.as_str()) else {
            continue; // `check` refused such files already.
        };
        let mut reviews = Vec::new();
        for r in &s.reviews {
            let origin = r.action.session_id.as_str();
            if in_file.contains(origin) || session_exists(store, &mut existing, origin)? {
                reviews.push((r.to_review(), r.action.to_action()));
            } else {
                skipped_reviews += 1;
            }
        }
        for a in &s.actions {
            for h in a.history.iter().filter(|h| h.session_id.is_none()) {
                board_reviews.push((s.id.as_str(), h.clone(), a.to_action()));
            }
        }
        index.insert(s.id.as_str(), records.len());
        records.push(SessionRecord {
            session: Session {
                id: s.id.clone(),
                coachee_id: s.coachee_id.clone(),
                guide: s.guide.clone(),
                started_at: s.started_at,
                ended_at: s.ended_at,
                status: s.status,
                current_stage: s.current_stage,
                current_field: s.current_field,
                stage_seconds: s.stage_seconds.clone(),
                done_stages: s.done_stages.clone(),
                focus: s.focus,
                next_session: s.next_session,
                corrected_at: s.corrected_at,
            },
            coachee: (*coachee).clone(),
            answers: s.answers.clone(),
            ratings: s.ratings.clone(),
            choices: s.choices.clone(),
            notes: s.notes.clone(),
            actions: s
                .actions
                .iter()
                .map(super::json::JsonAction::to_action)
                .collect(),
            reviews,
        });
    }
    // Changes made from the actions board belong to no session; they travel
    // with the session that agreed the action.
    for (session_id, review, action) in board_reviews {
        if let Some(r) = index.get(session_id).and_then(|&i| records.get_mut(i)) {
            r.reviews.push((review, action));
        }
    }

    let doc_actions: usize = doc.sessions.iter().map(|s| s.actions.len()).sum();
    // A bulk transaction indexes search once at the end: several times
    // faster than row by row for a whole backup.
    let (before, after) = store
        .in_bulk_transaction(|store| {
            let before = store.counts()?;
            for c in &doc.coachees {
                store.insert_coachee(c)?;
            }
            for r in &records {
                store.insert_record(r)?;
            }
            Ok((before, store.counts()?))
        })
        .map_err(|e| anyhow!("{e}; nothing was imported"))?;
    let coachees = after.coachees - before.coachees;
    let sessions = after.sessions - before.sessions;
    let actions = after.actions - before.actions;
    let total =
        i64::try_from(doc.coachees.len() + doc.sessions.len() + doc_actions).unwrap_or(i64::MAX);
    Ok(ImportReport {
        coachees,
        sessions,
        actions,
        already_present: (total - coachees - sessions - actions).max(0),
        skipped_reviews,
    })
}

/// Whether the database has this session; the ids are read once, and only
/// when a file refers to a session it does not contain.
fn session_exists(
    store: &Store,
    existing: &mut Option<BTreeSet<String>>,
    id: &str,
) -> Result<bool> {
    if existing.is_none() {
        let ids = store
            .session_summaries(None)?
            .into_iter()
            .map(|s| s.id)
            .collect();
        *existing = Some(ids);
    }
    Ok(existing.as_ref().is_some_and(|ids| ids.contains(id)))
}
