//! Encryption at rest with SQLCipher: unlocking a file with its passphrase,
//! and converting a file to encrypted, to plain, or to a new passphrase.
//!
//! A conversion writes a new file next to the original (`sqlcipher_export`),
//! checks it (integrity, same row counts), and only then renames it over the
//! original. Any failure leaves the original exactly as it was, and the new
//! file is removed (`store/conversion.rs`).

use std::fs;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::conversion::TempFile;
use super::target::with_suffix;
use super::{Counts, Result, Store, StoreError};

/// SQLCipher writes pages of this size; a plain SQLite file starts with a
/// readable magic string, an encrypted one with random bytes.
const CIPHER_PAGE: u64 = 4096;

/// Whether a file starting with these bytes and of this length is
/// (probably) encrypted: no SQLite magic, but whole encrypted pages, and
/// nothing left of a plain SQLite file (a damaged header is not a
/// passphrase problem). A text file or other random content is almost never
/// an exact multiple of 4096 bytes.
pub(super) fn looks_encrypted(start: &[u8], len: u64) -> bool {
    !super::probe::has_magic(start)
        && len >= CIPHER_PAGE
        && len.is_multiple_of(CIPHER_PAGE)
        && !super::probe::is_damaged_sqlite(start, len)
}

/// Whether the database file at `path` is encrypted (false if it is
/// missing, or not a regular file: opening a FIFO to look would block).
pub fn is_encrypted(path: &Path) -> bool {
    if !fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    super::probe::read_start(path).is_ok_and(|(start, len)| looks_encrypted(&start, len))
}

/// Keys a connection: must be the first statement on it. SQLCipher's own
/// log lines are turned off so that nothing it says lands on the screen.
pub(super) fn apply_key(conn: &Connection, key: &str) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    conn.pragma_update(None, "key", key)
}

/// Keys a connection to an encrypted file and proves the key by reading.
pub(super) fn unlock(conn: &Connection, path: &Path, key: Option<&str>) -> Result<()> {
    let Some(key) = key else {
        return Err(StoreError::Encrypted { path: path.into() });
    };
    apply_key(conn, key)
        .map_err(|e| StoreError::Cipher(format!("cannot unlock {}: {e}", path.display())))?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
            Err(StoreError::WrongPassphrase { path: path.into() })
        }
        Err(e) => Err(StoreError::from(e)),
    }
}

impl Store {
    /// Whether this database is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    /// True the first time it is called on an encrypted database (and
    /// remembers it): the moment to say that exports are plain files.
    pub fn first_plain_export(&self) -> Result<bool> {
        if !self.encrypted {
            return Ok(false);
        }
        let added = self.conn.execute(
            "INSERT OR IGNORE INTO settings (key, value) VALUES ('export_plain_noted', '1')",
            [],
        )?;
        Ok(added == 1)
    }
}

/// Converts the database at `path`: `from` opens it (`None` if plain), `to`
/// is the new passphrase (`None` for plain). Returns the verified row counts.
/// The new file is written beside it (see `conversion`) and renamed over it
/// only once checked; on any error or interruption it is removed.
pub fn convert(path: &Path, from: Option<&str>, to: Option<&str>) -> Result<Counts> {
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        StoreError::Cipher(format!("{what}: {e}. {} was not changed.", path.display()))
    };
    let counts;
    let tmp = {
        let source = Store::open_with_key(path, from)?;
        counts = source.counts()?;
        // Everything into the main file, so the export sees it all.
        source
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let tmp = TempFile::create(path).map_err(|e| {
            fail(
                &format!(
                    "cannot create the new file {}",
                    super::conversion::temp_path(path).display()
                ),
                &e,
            )
        })?;
        copy_into(&source, tmp.path(), to).map_err(|e| match e {
            StoreError::Sqlite(e) => fail("cannot copy into the new file", &e),
            e => e,
        })?;
        tmp
    };
    // Check the new file as a user would open it.
    {
        let target = Store::open_with_key(tmp.path(), to)?;
        let verdict: String = target
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(fail("the new file failed its integrity check", &verdict));
        }
        let copied = target.counts()?;
        if copied != counts {
            return Err(fail(
                "the new file does not hold every row",
                &format!("{copied:?} instead of {counts:?}"),
            ));
        }
        target
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    if wal_in_use(path) {
        return Err(fail(
            "another innerceo has this database open",
            &"close it and try again",
        ));
    }
    fs::File::open(tmp.path())
        .and_then(|f| f.sync_all())
        .map_err(|e| fail("cannot write the new file", &e))?;
    tmp.replace()
        .map_err(|e| fail("cannot replace the file", &e))?;
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(with_suffix(path, suffix));
    }
    Ok(counts)
}

/// Copies every table of `source` into the new file at `tmp`, encrypted
/// with `to` (plain without), with the same schema version and id.
fn copy_into(source: &Store, tmp: &Path, to: Option<&str>) -> Result<()> {
    let version: i64 = source
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app_id: i64 = source
        .conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))?;
    source.conn.execute(
        "ATTACH DATABASE ?1 AS target KEY ?2",
        rusqlite::params![tmp.to_string_lossy(), to.unwrap_or_default()],
    )?;
    // No rollback journal beside the temporary file: it is thrown away on
    // any failure anyway, and a journal recreated by a write in flight
    // while a signal removes the file would be left behind.
    source
        .conn
        .query_row("PRAGMA target.journal_mode = OFF", [], |_| Ok(()))?;
    source
        .conn
        .query_row("SELECT sqlcipher_export('target')", [], |_| Ok(()))?;
    source.conn.execute_batch(&format!(
        "PRAGMA target.user_version = {version}; PRAGMA target.application_id = {app_id};"
    ))?;
    source.conn.execute_batch("DETACH DATABASE target")?;
    Ok(())
}

/// Whether another connection still has `path` open: the last connection to
/// close removes the write-ahead log and its index.
fn wal_in_use(path: &Path) -> bool {
    with_suffix(path, "-wal").exists() || with_suffix(path, "-shm").exists()
}

/// Opens a read-only connection, for tests that look inside a file.
#[doc(hidden)]
pub fn raw_open(path: &Path, key: Option<&str>) -> rusqlite::Result<Connection> {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    if let Some(k) = key {
        apply_key(&c, k)?;
    }
    Ok(c)
}
