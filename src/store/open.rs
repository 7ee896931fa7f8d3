//! Opening a database file safely: refuse what is not ours before writing a
//! byte, create the folder and file private, set the pragmas, migrate.
//!
//! The order matters. Setting `journal_mode=WAL` or running a migration
//! writes to the file, so every check that may refuse the file (foreign,
//! damaged, newer) runs first: on the header's bytes, then on the one
//! connection the command goes on to use, before anything is written.
//! Commands that only read open the file read-only (`open_read_only`):
//! nothing is written, and no `-wal` or `-shm` file is created.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};
use rusqlite_migration::{M, Migrations};

use super::probe::folder_of;
use super::{Result, Store, StoreError};

/// The schema, one append-only step per file. Never edit a shipped step:
/// add a new file instead (a user's database records how many steps it ran
/// in `user_version`).
const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_initial.sql")),
    M::up(include_str!("migrations/0002_search_counter.sql")),
    M::up(include_str!("migrations/0003_settings.sql")),
    M::up(include_str!("migrations/0004_session_writers.sql")),
    M::up(include_str!("migrations/0005_corrections.sql")),
    M::up(include_str!("migrations/0006_rhythm.sql")),
    M::up(include_str!("migrations/0007_prep.sql")),
    M::up(include_str!("migrations/0008_topics.sql")),
    M::up(include_str!("migrations/0009_goals.sql")),
    M::up(include_str!("migrations/0010_search_goals.sql")),
    M::up(include_str!("migrations/0011_topics_indexed.sql")),
];
const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// How many schema versions this build knows; a file with a higher
/// `user_version` comes from a newer innerceo and is refused.
pub const MIGRATION_COUNT: usize = MIGRATION_LIST.len();

/// Written in the header by the first migration (`PRAGMA application_id`),
/// so another program's SQLite file is recognised and left alone. "iCEO".
pub(crate) const APPLICATION_ID: i64 = 0x6943_454F;

/// The SQLite file header is the first 100 bytes of page 1.
const HEADER_LEN: usize = 100;

/// How long a write waits for another process holding the lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

impl Store {
    /// Opens (creating if needed) the database at `path`, refusing without
    /// changing a byte a folder, a file that is not SQLite, a damaged file,
    /// another program's database, or one written by a newer innerceo.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with_key(path, None)
    }

    /// Like [`Store::open`], for a database that may be encrypted: `key` is
    /// its passphrase. A plain database ignores the key; an encrypted one
    /// without a key is refused with [`StoreError::Encrypted`].
    pub fn open_with_key(path: &Path, key: Option<&str>) -> Result<Store> {
        // Only a regular file (or a path to create) is a database; a device,
        // a FIFO or a socket is refused before anything opens it.
        super::probe::check_file_kind(path)?;
        create_parent(path)?;
        create_file(path)?;
        let (encrypted, len, _) = check_start(path)?;

        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        if encrypted {
            super::cipher::unlock(&conn, path, key)?;
        }
        if len > 0 {
            check_schema(&conn, path, len)?;
        }
        // SQLite quietly falls back to read-only on a write-protected file;
        // say so now rather than fail on the first keystroke.
        if conn.is_readonly("main")? {
            return Err(read_only(path));
        }
        configure(&conn, true).map_err(|e| open_error(path, e))?;
        migrate(&mut conn, &path.display().to_string())?;
        Ok(Store::on(conn, path, encrypted, key))
    }

    /// The store on an opened, checked connection to the file at `path`;
    /// the passphrase is kept only for an encrypted file.
    fn on(conn: Connection, path: &Path, encrypted: bool, key: Option<&str>) -> Store {
        Store {
            conn,
            path: Some(path.into()),
            encrypted,
            key: key
                .filter(|_| encrypted)
                .map(|k| zeroize::Zeroizing::new(k.to_owned())),
        }
    }

    /// Opens the database at `path` for reading only, with the checks of
    /// [`Store::open_with_key`], on one connection that writes nothing and
    /// creates no `-wal` or `-shm` file (see `open_for_reading`). A file
    /// that does not exist yet, or needs a migration, is opened as `open`
    /// does: that first time, something has to be written.
    pub fn open_read_only(path: &Path, key: Option<&str>) -> Result<Store> {
        super::probe::check_file_kind(path)?;
        if !fs::metadata(path).is_ok_and(|m| m.len() > 0) {
            return Self::open_with_key(path, key);
        }
        let (encrypted, len, start) = check_start(path)?;
        let conn = open_for_reading(path, &start, encrypted).map_err(|e| open_error(path, e))?;
        if encrypted {
            super::cipher::unlock(&conn, path, key)?;
        } else {
            // As `configure` does: nothing SQLCipher says may reach the screen.
            conn.execute_batch("PRAGMA cipher_log_level = NONE;")
                .map_err(|e| open_error(path, e))?;
        }
        if !conn.is_readonly("main").map_err(|e| open_error(path, e))? {
            // Joined a live log (see `open_for_reading`): still no writes.
            conn.pragma_update(None, "query_only", true)
                .map_err(|e| open_error(path, e))?;
        }
        let version = check_schema(&conn, path, len)?;
        if version < MIGRATION_COUNT {
            // Written by an older innerceo: bring it up to date once.
            drop(conn);
            return Self::open_with_key(path, key);
        }
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| open_error(path, e))?;
        Ok(Store::on(conn, path, encrypted, key))
    }

    /// Reads every page of the file and checks its structure (`PRAGMA
    /// quick_check`); `open` does this itself only for files up to 4 MiB.
    /// For a `check` command, or a background check after the first frame.
    pub fn verify(&self) -> Result<()> {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(":memory:"));
        quick_check(&self.conn, &path)
    }

    /// A fresh database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn, false)?;
        migrate(&mut conn, ":memory:")?;
        Ok(Store {
            conn,
            path: None,
            encrypted: false,
            key: None,
        })
    }
}

/// Creates the missing folders up to the file, private to the user (0700).
/// Folders that already exist keep their mode: they may be shared on purpose.
fn create_parent(path: &Path) -> Result<()> {
    let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    if parent.exists() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(parent).map_err(|error| StoreError::Io {
        path: parent.into(),
        error,
    })
}

/// Creates the file private to the user (0600) before SQLite sees it, so
/// there is no moment where coaching notes sit in a world-readable file.
/// An existing empty file (made with `touch`, say) is made private too;
/// one with content keeps its mode.
fn create_file(path: &Path) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        // Created meanwhile by another process, or already there: both fine.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => make_empty_file_private(path),
        Err(error)
            if matches!(
                error.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Err(StoreError::CannotCreate {
                path: path.into(),
                folder: super::probe::folder_of(path),
                error,
            })
        }
        Err(error) => Err(StoreError::Io {
            path: path.into(),
            error,
        }),
    }
}

fn make_empty_file_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let io_error = |error| StoreError::Io {
            path: path.into(),
            error,
        };
        let meta = fs::metadata(path).map_err(io_error)?;
        if meta.len() == 0 && meta.permissions().mode() & 0o777 != 0o600 {
            fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(io_error)?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The checks that need no SQLite: the header's magic, page size, length,
/// application id and schema version. Returns whether the file is
/// encrypted (its header cannot be read), its length (0: a new file) and
/// the bytes read.
fn check_start(path: &Path) -> Result<(bool, u64, Vec<u8>)> {
    let (start, len) = super::probe::read_start(path).map_err(|error| StoreError::Io {
        path: path.into(),
        error,
    })?;
    if len == 0 {
        return Ok((false, 0, start));
    }
    let encrypted = super::cipher::looks_encrypted(&start, len);
    if !encrypted {
        check_header(path, &start, len)?;
        // The header as last checkpointed: a newer version or another
        // program's id there is final (neither is ever undone). The
        // connection checks again below, WAL included.
        let be32 = |at: usize| {
            i64::from(u32::from_be_bytes([
                start[at],
                start[at + 1],
                start[at + 2],
                start[at + 3],
            ]))
        };
        let (version, app_id) = (be32(60), be32(68));
        if app_id != 0 && app_id != APPLICATION_ID {
            return Err(StoreError::ForeignSqlite { path: path.into() });
        }
        if usize::try_from(version).map_or(true, |v| v > MIGRATION_COUNT) {
            return Err(StoreError::TooNew {
                path: path.into(),
                found: version,
                known: MIGRATION_COUNT,
            });
        }
    }
    Ok((encrypted, len, start))
}

/// Refuses, reading only, a file that is not an innerceo database this
/// build can use: another program's, a newer version, or (for files up to
/// 4 MiB) damaged. Runs on the connection the command then uses, before
/// anything writes. Returns the schema version.
fn check_schema(conn: &Connection, path: &Path, len: u64) -> Result<usize> {
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| open_error(path, e))?;
    let (version, app_id, tables): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version),
                    (SELECT application_id FROM pragma_application_id),
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|e| open_error(path, e))?;
    if app_id != APPLICATION_ID && (app_id != 0 || version != 0 || tables != 0) {
        return Err(StoreError::ForeignSqlite { path: path.into() });
    }
    let Some(version) = usize::try_from(version)
        .ok()
        .filter(|&v| v <= MIGRATION_COUNT)
    else {
        return Err(StoreError::TooNew {
            path: path.into(),
            found: version,
            known: MIGRATION_COUNT,
        });
    };
    // Reading every page is the only way to notice damage in the middle of
    // the file before the user types into it, but it costs ~6 ms per MB: fine
    // for a young file, too slow for the first frame after years of use.
    // Bigger files get the header checks above, SQLite's own checks on every
    // page it reads, and `Store::verify` on demand.
    if len <= FULL_CHECK_MAX_BYTES {
        quick_check(conn, path)?;
    }
    Ok(version)
}

/// Files up to this size are fully checked at every open.
const FULL_CHECK_MAX_BYTES: u64 = 4 << 20;

fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(StoreError::Corrupt {
            path: path.into(),
            detail: verdict,
        })
    }
}

/// Checks the 100-byte header without SQLite: the magic string, a sane page
/// size, and that the file is as long as the header says (truncation).
fn check_header(path: &Path, header: &[u8], len: u64) -> Result<()> {
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.into(),
        detail,
    };
    if !super::probe::has_magic(header) {
        if super::probe::is_damaged_sqlite(header, len) {
            return Err(corrupt(
                "its header is damaged: the first bytes are not SQLite's".to_owned(),
            ));
        }
        return Err(StoreError::NotSqlite { path: path.into() });
    }
    if header.len() < HEADER_LEN {
        return Err(corrupt(format!("truncated to {len} bytes")));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        n => return Err(corrupt(format!("invalid page size {n}"))),
    };
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let pages = u64::from(be32(28));
    // The page count is only trustworthy when written by a version that
    // maintains it (change counter == version-valid-for). A checkpoint cut
    // short may leave the header ahead of the file while the WAL still holds
    // the pages, so only judge the length when there is no WAL to replay.
    let counter_valid = be32(24) == be32(92) && pages > 0;
    if counter_valid && !wal_has_content(path) && len < pages * page_size {
        return Err(corrupt(format!(
            "truncated: {len} bytes where the header promises {}",
            pages * page_size
        )));
    }
    Ok(())
}

fn wal_has_content(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0)
}

/// Turns SQLite's refusal to read a file into the store's own errors.
fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite { path: path.into() },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.into(),
            detail: e.to_string(),
        },
        Some(ErrorCode::ReadOnly) => read_only(path),
        // SQLite keeps `-wal` and `-shm` files beside the database, so it
        // needs to write in its folder even to read.
        Some(ErrorCode::CannotOpen) if !super::probe::folder_is_writable(&folder_of(path)) => {
            StoreError::FolderNotWritable {
                path: path.into(),
                folder: folder_of(path),
            }
        }
        Some(ErrorCode::CannotOpen) => StoreError::CannotOpen {
            path: path.into(),
            detail: e.to_string(),
        },
        _ => StoreError::from(e),
    }
}

/// Why SQLite can only read `path`: the file is write-protected, or its
/// folder is (SQLite then cannot create the `-wal` beside it, and says the
/// same), which needs the other advice.
fn read_only(path: &Path) -> StoreError {
    let folder = folder_of(path);
    if super::probe::folder_is_writable(&folder) {
        StoreError::ReadOnly { path: path.into() }
    } else {
        StoreError::FolderNotWritable {
            path: path.into(),
            folder,
        }
    }
}

/// The connection of a command that only reads. With WAL, a reader needs
/// the `-wal` and `-shm` files. When neither exists, no other connection
/// has the file open (it would have made them) and everything is in the
/// file itself: it is read as immutable, which creates nothing and writes
/// nothing. When they exist, the app or another command has the file open,
/// or a writer was killed and left its log: the reader joins them as any
/// connection does, taking no write it could make (`query_only`), and if it
/// is the last one out, SQLite copies that log into the file and removes it,
/// as the next start of the app would. A rollback-journal file (WAL refused
/// by the file system) is read read-only: readers create nothing there. An
/// encrypted file's header cannot be read, so it is treated as WAL.
fn open_for_reading(path: &Path, start: &[u8], encrypted: bool) -> rusqlite::Result<Connection> {
    let wal = encrypted || super::probe::header_says_wal(start);
    if wal && super::probe::has_companions(path) {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        return Connection::open_with_flags(path, flags);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if wal {
        Connection::open_with_flags(
            super::probe::immutable_uri(path),
            flags | OpenFlags::SQLITE_OPEN_URI,
        )
    } else {
        Connection::open_with_flags(path, flags)
    }
}

fn configure(conn: &Connection, on_disk: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // SQLCipher logs warnings to stderr by default, which would land in the
    // middle of the full-screen app: turn its logging off.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    if on_disk {
        // WAL: readers never block the writer, and a crash mid-write leaves
        // the file consistent. With WAL, synchronous=NORMAL syncs only at
        // checkpoints: a power cut may lose the last commits but can never
        // corrupt the file, and a keystroke save costs no fsync. Finishing a
        // stage or quitting calls `Store::sync` to make everything durable.
        // Some file systems (network shares) refuse WAL; SQLite then keeps
        // its rollback journal, which is slower but just as safe.
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

fn migrate(conn: &mut Connection, name: &str) -> Result<()> {
    // IMMEDIATE: two processes opening a new file at once queue up on the
    // write lock instead of one failing with SQLITE_BUSY half-way.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    MIGRATIONS
        .to_latest(conn)
        .map_err(|error| StoreError::Migration {
            path: name.to_owned(),
            error,
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn header_checks() {
        let p = Path::new("x.db");
        assert!(matches!(
            check_header(p, b"hello world, this is text", 25),
            Err(StoreError::NotSqlite { .. })
        ));
        assert!(matches!(
            check_header(p, b"SQLite form", 11),
            Err(StoreError::Corrupt { .. })
        ));
    }
}
