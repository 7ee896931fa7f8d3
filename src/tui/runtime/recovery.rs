//! Text that could not be saved on quit: kept in a recovery file beside the
//! database, and put back on the next start.
//!
//! A save can fail for as long as another program holds the write lock, or
//! while the disk is full or the file read-only. Quitting then waits a
//! bounded time; what is still unsaved goes to `NAME.db.recovery-TIME.json`
//! (0600), innerceo says so on stderr and exits non-zero, and the next start
//! offers to restore it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::Runtime;
use crate::tui::effect::Write;

/// The recovery file's format name.
pub const FORMAT: &str = "innerceo-recovery/1";

#[derive(Serialize, Deserialize)]
struct RecoveryFile {
    format: String,
    /// The database the writes belong to.
    database: String,
    /// Why they could not be saved.
    reason: String,
    writes: Vec<Write>,
}

/// What happened to unsaved text on quit.
#[derive(Debug)]
pub enum Unsaved {
    /// Kept in this recovery file.
    Kept { path: PathBuf, reason: String },
    /// Not even a recovery file could be written: the text, for stderr.
    Lost { text: String, reason: String },
}

impl Runtime {
    /// Saves what is pending, retrying for up to `wait` while the store
    /// refuses; then keeps whatever is left in a recovery file.
    pub fn finish(&mut self, wait: Duration) -> Option<Unsaved> {
        let start = Instant::now();
        loop {
            self.flush();
            if self.pending.is_empty() {
                self.release_if_left();
                return None;
            }
            if start.elapsed() >= wait {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let reason = self
            .last_error
            .clone()
            .unwrap_or_else(|| "the database refused the save".to_owned());
        let writes: Vec<Write> = self.pending.iter().map(|(_, w)| w.clone()).collect();
        let db = self.store.path().map(Path::to_path_buf);
        let file = RecoveryFile {
            format: FORMAT.to_owned(),
            database: db
                .as_ref()
                .map_or_else(String::new, |p| p.display().to_string()),
            reason: reason.clone(),
            writes,
        };
        let json = serde_json::to_string_pretty(&file).unwrap_or_default();
        let stamp = crate::dates::now().unix_timestamp();
        let mut places = Vec::new();
        if let Some(db) = &db {
            places.push(PathBuf::from(format!(
                "{}.recovery-{stamp}.json",
                db.display()
            )));
        }
        let name = db
            .as_ref()
            .and_then(|d| d.file_name())
            .map_or_else(|| "innerceo".into(), |n| n.to_string_lossy().into_owned());
        places.push(std::env::temp_dir().join(format!("{name}.recovery-{stamp}.json")));
        for path in places {
            if write_private(&path, json.as_bytes()).is_ok() {
                return Some(Unsaved::Kept { path, reason });
            }
        }
        Some(Unsaved::Lost {
            text: texts(&file.writes).join("\n---\n"),
            reason,
        })
    }
}

/// The text inside writes, for a person to copy back by hand.
fn texts(writes: &[Write]) -> Vec<String> {
    writes
        .iter()
        .filter_map(|w| match w {
            Write::Answer { text, .. }
            | Write::Note { text, .. }
            | Write::CoacheeNotes { text, .. } => Some(text.clone()),
            Write::Rating { rating, .. } => Some(rating.note.clone()),
            Write::Choice { choice, .. } => Some(choice.rationale.clone()),
            Write::Review { note, .. } => Some(note.clone()),
            Write::AddAction(a) | Write::UpdateAction(a) => Some(a.text.clone()),
            _ => None,
        })
        .filter(|t| !t.trim().is_empty())
        .collect()
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    // Readable by the user only; elsewhere the folder's rights apply.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut f = options.open(path)?;
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if written.is_err() {
        // A half-written recovery file would be offered back as garbage.
        let _ = std::fs::remove_file(path);
    }
    written
}

/// Recovery files kept for the database `db`, oldest first: beside it, or
/// in the temporary folder when its own folder could not take one (a full
/// disk), recognised there by the database they name.
pub fn find(db: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (db.parent(), db.file_name()) else {
        return vec![];
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{}.recovery-", name.to_string_lossy());
    let mut out = named(dir, &prefix);
    let db_text = db.display().to_string();
    out.extend(
        named(&std::env::temp_dir(), &prefix)
            .into_iter()
            .filter(|p| {
                std::fs::read_to_string(p)
                    .ok()
                    .and_then(|t| serde_json::from_str::<RecoveryFile>(&t).ok())
                    .is_some_and(|f| f.database == db_text)
            }),
    );
    out.sort_by_key(|p| p.file_name().map(std::ffi::OsStr::to_os_string));
    out.dedup();
    out
}

fn named(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".json"))
        })
        .collect()
}

/// The writes in a recovery file, or what is wrong with it.
pub fn read(path: &Path) -> Result<Vec<Write>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: RecoveryFile = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a recovery file: {e}", path.display()))?;
    if file.format != FORMAT {
        return Err(format!(
            "{} is in format {:?}, not {FORMAT}",
            path.display(),
            file.format
        ));
    }
    Ok(file.writes)
}
