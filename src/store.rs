//! The SQLite store: the only module that speaks SQL.
//!
//! Every other module goes through the functions of [`Store`]. Writes run in
//! `BEGIN IMMEDIATE` transactions, or join the one opened by
//! [`Store::in_transaction`]. The functions live in files named after what
//! they hold:
//!
//! - `store/open.rs`: opening a file safely (checks before any write), pragmas,
//!   migrations (`store/migrations/*.sql`);
//! - `store/coachees.rs`, `store/sessions.rs`, `store/content.rs` (answers,
//!   ratings, choices, notes), `store/actions.rs` (actions and reviews);
//! - `store/record.rs`: a whole session in and out (exports, import, demo),
//!   score history; `store/bulk.rs`: many sessions in one go;
//! - `store/search.rs`: full-text search;
//! - `store/disposal.rs`: discarding a session, deleting a coachee for good;
//! - `store/undo.rs`: an action's state before a change, to put it back;
//! - `store/prep.rs`: preparation forms issued to coachees and their answers;
//! - `store/topics.rs`: topics parked for next time and their reviews;
//! - `store/explain.rs`: query plans of what a call runs (for tests);
//! - `store/convert.rs`: how times, dates and enums are written in SQL;
//! - `store/cipher.rs`: encryption at rest (SQLCipher): unlocking, and
//!   converting a file to or from encrypted;
//! - `store/target.rs`: where exports and backups may write (never over the
//!   database);
//! - `store/probe.rs`: what a path holds, judged before SQLite opens it;
//! - `store/conversion.rs`: the temporary file of a conversion, which never
//!   outlives it.

mod actions;
mod backup;
mod bulk;
mod cipher;
mod coachees;
mod content;
mod conversion;
mod convert;
mod disposal;
mod explain;
mod goals;
mod open;
mod prep;
mod probe;
mod record;
mod search;
mod sessions;
mod target;
mod topics;
mod undo;
mod writers;

use crate::model::{CoacheeId, SessionId};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode};
use time::Date;

pub use cipher::{convert as convert_encryption, is_encrypted, raw_open};
pub use conversion::remove_conversion_leftovers;
pub use disposal::{DiscardPlan, Erased};
pub use explain::Plan;
pub use open::MIGRATION_COUNT;
pub use probe::remove_new_database;
pub use target::check_output_target;
pub use undo::ActionState;
pub use writers::{Holder, STALE_AFTER, Writer};

/// Why the store refused or failed. Messages name the file or value and say
/// what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{} is a folder, not a database file. Point --db at a file, e.g. {}.",
        path.display(),
        path.join("innerceo.db").display()
    )]
    IsDirectory { path: PathBuf },
    #[error(
        "{} is not an innerceo database (not SQLite). Point --db at another file, or move this one away.",
        path.display()
    )]
    NotSqlite { path: PathBuf },
    #[error(
        "{} is damaged ({detail}). It was not changed: restore it from a backup, or move it away to start afresh.",
        path.display()
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{} was written by a newer innerceo (schema version {found}; this one knows up to {known}). It was not changed: upgrade innerceo to open it.",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: usize,
    },
    #[error(
        "{} is read-only. Make it writable (chmod u+w) or point --db at another file.",
        path.display()
    )]
    ReadOnly { path: PathBuf },
    #[error("cannot open {}: {error}", path.display())]
    Io {
        path: PathBuf,
        // Not `source`: the message already holds it, and a chained error
        // would print it a second time.
        error: std::io::Error,
    },
    #[error(
        "cannot create {}: the folder {} does not let you write in it ({error}). Choose a folder of yours with --db, or make this one writable (chmod u+w).",
        path.display(),
        folder.display()
    )]
    CannotCreate {
        path: PathBuf,
        folder: PathBuf,
        error: std::io::Error,
    },
    #[error(
        "cannot open {}: SQLite keeps its -wal and -shm files beside the database, but the folder {} is not writable. Make it writable (chmod u+w {}) or move the database to a folder of yours.",
        path.display(),
        folder.display(),
        folder.display()
    )]
    FolderNotWritable { path: PathBuf, folder: PathBuf },
    #[error("cannot open {} ({detail}). Check that the file and its folder are yours and readable, or point --db at another file.", path.display())]
    CannotOpen { path: PathBuf, detail: String },
    #[error(
        "{} is {kind}, not a database file. Point --db (or INNERCEO_DB) at a regular file, e.g. ~/coaching.db.",
        path.display()
    )]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error(
        "{} is an SQLite database made by another program; innerceo will not change it. Use --db to choose another file.",
        path.display()
    )]
    ForeignSqlite { path: PathBuf },
    #[error("could not update the schema of {path}: {error}")]
    Migration {
        path: String,
        error: rusqlite_migration::Error,
    },
    #[error(
        "the database is busy: another innerceo is writing to it. Try again in a moment, or close the other one."
    )]
    Busy,
    #[error("a coachee needs a name")]
    EmptyName,
    #[error("a coachee named \"{0}\" already exists; pick another name or archive the other one")]
    DuplicateCoachee(String),
    #[error("no {kind} with id {id}")]
    NotFound { kind: &'static str, id: String },
    #[error("\"{0}\" matches several sessions; type more characters of the id")]
    AmbiguousId(String),
    #[error("\"{0}\" is too short to find a session: give at least 4 characters of its id")]
    IdTooShort(String),
    #[error(
        "{coachee} already has a session in progress ({session_id}); resume or finish it first"
    )]
    SessionInProgress {
        coachee: String,
        session_id: SessionId,
    },
    #[error("the database holds a value this version cannot read: {0}")]
    BadData(String),
    #[error("could not read or write a guide snapshot: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "{} is encrypted: give its passphrase (you will be asked, or use --passphrase-file FILE)",
        path.display()
    )]
    Encrypted { path: PathBuf },
    #[error("wrong passphrase for {}: nothing was changed", path.display())]
    WrongPassphrase { path: PathBuf },
    #[error("{0}")]
    Cipher(String),
    #[error(
        "{} is {what}: writing there would destroy the coaching notes in {}. Nothing was written: choose another file.",
        target.display(),
        db.display()
    )]
    TargetIsDatabase {
        target: PathBuf,
        db: PathBuf,
        what: &'static str,
    },
    #[error(
        "{} is a folder: give a file name, e.g. {}. Nothing was written.",
        target.display(),
        target.join("innerceo-export").display()
    )]
    TargetIsFolder { target: PathBuf },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    /// A busy database gets its own message: it is the one SQLite error a user
    /// can do something about (close the other process).
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which actions to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    Open,
    Overdue,
    Done,
    Dropped,
    All,
}

/// A query over actions across coachees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionFilter {
    pub coachee_id: Option<CoacheeId>,
    pub status: StatusFilter,
    /// "Today" for overdue computations (local date).
    pub today: Date,
}

/// Row counts per table, for verification and `import` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub coachees: i64,
    pub sessions: i64,
    pub answers: i64,
    pub ratings: i64,
    pub choices: i64,
    pub notes: i64,
    pub actions: i64,
    pub reviews: i64,
}

/// An open database.
///
/// rusqlite's `Connection` methods take `&self`, so every method here does too;
/// a `Store` is used from one thread (the run loop).
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Whether the file is encrypted with a passphrase (SQLCipher).
    encrypted: bool,
    /// The passphrase of an encrypted file, so that a backup is encrypted
    /// with it too. Wiped when the store is dropped.
    key: Option<zeroize::Zeroizing<String>>,
}

/// Rolls back the transaction it guards unless it was committed, so an error
/// or a panic inside a write never leaves a transaction open for the next one
/// to silently join.
struct TxGuard<'a> {
    conn: &'a Connection,
    committed: bool,
}

impl Drop for TxGuard<'_> {
    fn drop(&mut self) {
        // SQLite may already have rolled back by itself (e.g. disk full);
        // only roll back what is still open. Nothing useful can be done with
        // a failing ROLLBACK here: the connection reports it on its next use.
        if !self.committed && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

impl Store {
    /// The file this store was opened from; `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` inside one `BEGIN IMMEDIATE … COMMIT`: all its writes land
    /// together or, if it returns an error, none do. Nested calls (and every
    /// write method called from `f`) join the outer transaction.
    pub fn in_transaction<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.write(|| f(self))
    }

    /// Runs `f` in a write transaction of its own, or inside the one already
    /// open. IMMEDIATE takes the write lock up front, so a second process
    /// waits (busy_timeout) instead of failing half-way through.
    fn write<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        self.write_as(f)
    }

    /// [`Store::write`] for a caller with its own error type.
    fn write_as<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transaction("BEGIN IMMEDIATE", f)
    }

    /// Runs several reads on one consistent snapshot (another process may
    /// commit between two statements otherwise).
    fn read<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        self.in_snapshot(f)
    }

    /// Runs `f` on one consistent snapshot of the file, for a reader that
    /// makes many calls (an export of everything): another process may
    /// commit meanwhile, and `f` still sees the file as it was.
    pub fn in_snapshot<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transaction("BEGIN DEFERRED", f)
    }

    /// Runs `f` inside `begin … COMMIT`, or inside the transaction already
    /// open; an error from `f` rolls back (`TxGuard`).
    fn transaction<T, E: From<StoreError>>(
        &self,
        begin: &str,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            return f();
        }
        self.conn.execute_batch(begin).map_err(StoreError::from)?;
        let mut guard = TxGuard {
            conn: &self.conn,
            committed: false,
        };
        let value = f()?;
        self.conn
            .execute_batch("COMMIT")
            .map_err(StoreError::from)?;
        guard.committed = true;
        Ok(value)
    }

    /// How long a statement waits for another process's lock before it
    /// fails with "busy". The app keeps it short so that no keystroke
    /// waits on another program: a save that fails is retried.
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        self.conn.busy_timeout(wait)?;
        Ok(())
    }

    /// Makes every commit so far durable against power loss. Commits are
    /// crash-safe already, but with WAL and `synchronous=NORMAL` the last ones
    /// reach the disk only at a checkpoint; this runs one. Call it when a
    /// stage is finished and on quit. Nothing to do for an in-memory store.
    pub fn sync(&self) -> Result<()> {
        if self.path.is_some() {
            // The row says whether a reader kept the checkpoint from finishing
            // the copy into the main file; the WAL itself is synced either way
            // once it holds frames to copy, which is what durability needs.
            self.conn
                .query_row("PRAGMA wal_checkpoint(FULL)", [], |_| Ok(()))?;
        }
        Ok(())
    }

    /// Leaves checkpoints (copying committed pages from the WAL into the
    /// file) to [`Store::tidy`]. By default SQLite runs one at the end of
    /// whichever commit fills the WAL past 1,000 pages, and it waits for two
    /// fsyncs: tens of milliseconds on a busy disk, on one keystroke in a
    /// hundred. The app tidies while the user pauses instead.
    pub fn manual_checkpoints(&self) -> Result<()> {
        if self.path.is_some() {
            self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        }
        Ok(())
    }

    /// The upkeep kept out of keystrokes, for when the user pauses: merges
    /// the small segments that saves add to the search index (a few pages
    /// of work at a time), then copies the WAL into the file without
    /// waiting for readers (a reader keeps what it needs; the next call
    /// copies the rest). Cheap when there is nothing to do.
    pub fn tidy(&self) -> Result<()> {
        // At most 200 leaf pages of merging per call, where at least four
        // segments of a size have piled up (FTS5's own rule when it merges
        // by itself): a fraction of a second at worst.
        self.conn.execute(
            "INSERT INTO search_index (search_index, rank) VALUES ('merge', 200)",
            [],
        )?;
        if self.path.is_some() {
            self.conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        }
        Ok(())
    }

    /// Rows per table.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<i64> {
            // Table names come from the fixed list below, never from input.
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        self.read(|| {
            Ok(Counts {
                coachees: count("coachees")?,
                sessions: count("sessions")?,
                answers: count("answers")?,
                ratings: count("ratings")?,
                choices: count("choices")?,
                notes: count("notes")?,
                actions: count("actions")?,
                reviews: count("action_reviews")?,
            })
        })
    }
}

/// The default database path: the platform data folder, e.g.
/// `~/.local/share/innerceo/innerceo.db` on Linux. `None` when the platform
/// has no home folder to put it in.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "innerceo").map(|d| d.data_dir().join("innerceo.db"))
}

/// Whether the SQLite inside was built with FTS5, the full-text index that
/// search uses (said by `--version`).
pub fn fts5_built_in() -> bool {
    rusqlite::Connection::open_in_memory()
        .and_then(|c| {
            c.query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
                r.get::<_, bool>(0)
            })
        })
        .unwrap_or(false)
}
