//! What a database path holds, judged before SQLite touches it: the kind of
//! file (only regular files are databases), and from its first bytes whether
//! it is plain SQLite, SQLite with a damaged header, or encrypted.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::target::{COMPANIONS, with_suffix};
use super::{Result, StoreError};

/// How many bytes are read to judge a file: the header, and the first pages,
/// where SQLite keeps the schema as plain text.
pub(super) const PROBE_LEN: u64 = 64 << 10;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses a path that exists and is not a regular file (or a symbolic link
/// to one), before anything opens it: opening a FIFO blocks until another
/// program writes to it, and SQLite would create `-journal` files beside a
/// device such as `/dev/null`. A path that does not exist is fine: the
/// database is created there.
pub(super) fn check_file_kind(path: &Path) -> Result<()> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => {
            return Err(StoreError::Io {
                path: path.into(),
                error,
            });
        }
    };
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err(StoreError::IsDirectory { path: path.into() });
    }
    Err(StoreError::NotAFile {
        path: path.into(),
        kind: kind_of(&meta),
    })
}

/// What a file that is not a regular file is, in words.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "not a regular file"
}

/// The first [`PROBE_LEN`] bytes of a regular file, and its length.
pub(super) fn read_start(path: &Path) -> io::Result<(Vec<u8>, u64)> {
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    let mut bytes = Vec::new();
    file.take(PROBE_LEN).read_to_end(&mut bytes)?;
    Ok((bytes, len))
}

/// Whether the file starts with SQLite's magic string (as far as it goes).
pub(super) fn has_magic(bytes: &[u8]) -> bool {
    let n = bytes.len().min(SQLITE_MAGIC.len());
    bytes[..n] == SQLITE_MAGIC[..n]
}

/// Whether a file of `len` bytes starting with `bytes`, without SQLite's
/// magic string, is still recognisably a plain SQLite file, i.e. its header
/// was damaged rather than encrypted: an encrypted file is random bytes
/// throughout, a plain one keeps fixed header fields (the payload fractions
/// 64, 32, 32 at offset 21, the reserved zeros at 72..92), or, when the
/// whole header is gone, whole pages, a b-tree page header at offset 100
/// and its schema as readable `CREATE TABLE` text (a `.sql` script has the
/// text but not the rest).
pub(super) fn is_damaged_sqlite(bytes: &[u8], len: u64) -> bool {
    let fixed_fields =
        bytes.get(21..24) == Some(&[64, 32, 32]) && bytes.get(72..92) == Some(&[0; 20]);
    let first_page = matches!(bytes.get(100), Some(0x05 | 0x0d))
        && len.is_multiple_of(512)
        && contains(bytes, b"CREATE TABLE");
    fixed_fields || first_page
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether the header says the file uses a write-ahead log (read and write
/// versions 2): reading such a file creates `-wal` and `-shm` beside it.
pub(super) fn header_says_wal(bytes: &[u8]) -> bool {
    bytes.get(18..20) == Some(&[2, 2])
}

/// Whether any of the files SQLite keeps beside `path` exists.
pub(super) fn has_companions(path: &Path) -> bool {
    COMPANIONS
        .iter()
        .any(|s| fs::symlink_metadata(with_suffix(path, s)).is_ok())
}

/// Removes a database file that this process has just created, and what
/// SQLite kept beside it: for a command that failed on its first use of a
/// new file, so that a mistake leaves nothing behind.
pub fn remove_new_database(path: &Path) {
    for suffix in COMPANIONS {
        let _ = fs::remove_file(with_suffix(path, suffix));
    }
    let _ = fs::remove_file(path);
}

/// An SQLite URI that opens `path` as immutable: no locks, no `-wal` or
/// `-shm` created. Only for a file that no other connection has open.
pub(super) fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for &b in &path_bytes(path) {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

fn path_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().as_bytes().to_vec()
    }
}

/// The folder a database file lives in (`.` for a bare file name).
pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether a file can be created in `folder`. Tried with an unnamed
/// temporary file, which leaves nothing behind; asked only after SQLite
/// failed, to say why.
pub(super) fn folder_is_writable(folder: &Path) -> bool {
    tempfile::tempfile_in(folder).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn uri_escapes_what_sqlite_would_read_as_syntax() {
        assert_eq!(
            immutable_uri(Path::new("/a b/x?y#z%.db")),
            "file:/a%20b/x%3Fy%23z%25.db?immutable=1"
        );
    }

    #[test]
    fn a_damaged_header_is_told_from_random_bytes() {
        let mut header = vec![0u8; 100];
        header[21..24].copy_from_slice(&[64, 32, 32]);
        assert!(is_damaged_sqlite(&header, 4096));
        let random: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(!is_damaged_sqlite(&random, 4096));
        let script = b"-- schema\nCREATE TABLE t (x);\n".repeat(64);
        assert!(!is_damaged_sqlite(&script, 4096));
    }
}
