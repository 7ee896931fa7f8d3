//! `Store::backup_to`: a consistent copy of the open database through
//! SQLite's online backup API, safe while other processes use the file.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::{Result, Store, StoreError};

/// How long to wait for a writer that holds a lock the copy needs.
const BUSY_WAIT: Duration = Duration::from_secs(5);
const RETRY: Duration = Duration::from_millis(50);

impl Store {
    /// Copies the database to `path` (replacing it) so that the copy is one
    /// consistent state, private to the user (0600), and never
    /// half-written: written to a temporary file beside it, synced, renamed.
    /// Refuses (writing nothing) a `path` that is this database, one of its
    /// journal files, or a folder.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        if let Some(db) = &self.path {
            super::check_output_target(db, path)?;
        }
        let io = |error: std::io::Error| StoreError::Io {
            path: path.into(),
            error,
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        // tempfile creates the file 0600, and SQLite keeps an existing file's mode.
        let tmp = tempfile::Builder::new()
            .prefix(".innerceo-backup")
            .tempfile_in(dir)
            .map_err(io)?;
        {
            let mut dest = Connection::open(tmp.path())?;
            // The copy of an encrypted database is encrypted with the same
            // passphrase; SQLCipher copies pages between equal keys.
            if let Some(key) = &self.key {
                super::cipher::apply_key(&dest, key)?;
            }
            // All pages in one step: one read transaction on the source, so
            // the copy is a single consistent snapshot even if another
            // process commits meanwhile.
            let backup = Backup::new(&self.conn, &mut dest)?;
            let mut waited = Duration::ZERO;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    // A step of -1 copies everything at once; `More` cannot
                    // happen, but stepping again is the right answer if it does.
                    StepResult::More => {}
                    _ if waited >= BUSY_WAIT => return Err(StoreError::Busy),
                    _ => {
                        std::thread::sleep(RETRY);
                        waited += RETRY;
                    }
                }
            }
        }
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(path).map_err(|e| io(e.error))?;
        if let Ok(d) = std::fs::File::open(dir) {
            // Makes the rename itself durable.
            let _ = d.sync_all();
        }
        // Only so that deleting a coachee can name the files that still
        // hold them: the backup itself is done even if this fails.
        let _ = self.record_backup(path, time::OffsetDateTime::now_utc());
        Ok(())
    }

    /// A copy of this database in memory, for tests and benchmarks that
    /// start many runs from one state.
    pub fn copy_in_memory(&self) -> Result<Store> {
        let mut copy = Store::open_in_memory()?;
        let backup = Backup::new(&self.conn, &mut copy.conn)?;
        backup.run_to_completion(i32::MAX, Duration::ZERO, None)?;
        drop(backup);
        Ok(copy)
    }
}
