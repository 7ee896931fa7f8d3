//! The temporary file an encryption change writes (`NAME.db.converting`):
//! private and beside the database, locked while in use, and removed on
//! every error, on SIGINT, SIGTERM and SIGHUP, and at the next start of
//! innerceo when a crash or `kill -9` left it behind. During `decrypt` it
//! holds every note in plain text, so it must never outlive the command.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
#[cfg(unix)]
use std::thread::JoinHandle;

#[cfg(unix)]
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
#[cfg(unix)]
use signal_hook::iterator::{Handle, Signals};

use super::target::{COMPANIONS, with_suffix};

/// The temporary file of a conversion of `db`.
pub(super) fn temp_path(db: &Path) -> PathBuf {
    with_suffix(db, ".converting")
}

/// The temporary file and the files SQLite keeps beside it.
fn temp_files(db: &Path) -> Vec<PathBuf> {
    let tmp = temp_path(db);
    let mut files: Vec<PathBuf> = COMPANIONS.iter().map(|s| with_suffix(&tmp, s)).collect();
    files.push(tmp);
    files
}

fn remove_temp_files(db: &Path) -> Vec<PathBuf> {
    temp_files(db)
        .into_iter()
        .filter(|p| fs::remove_file(p).is_ok())
        .collect()
}

/// Removes what an interrupted conversion of `db` left behind (the
/// temporary file and its `-wal`, `-shm`), unless a conversion is running
/// right now (it holds a lock on the file). Returns what was removed, or
/// why it could not be. Called at every start, before the database is opened.
pub fn remove_conversion_leftovers(db: &Path) -> Result<Vec<PathBuf>, String> {
    let tmp = temp_path(db);
    let companions_left = temp_files(db)
        .iter()
        .any(|p| fs::symlink_metadata(p).is_ok());
    if !companions_left {
        return Ok(Vec::new());
    }
    if let Ok(file) = File::open(&tmp) {
        match file.try_lock() {
            Ok(()) => {}
            // Another innerceo is converting this database at this moment.
            Err(TryLockError::WouldBlock) => return Ok(Vec::new()),
            Err(TryLockError::Error(_)) => {}
        }
    }
    let removed = remove_temp_files(db);
    if temp_files(db)
        .iter()
        .any(|p| fs::symlink_metadata(p).is_ok())
    {
        return Err(format!(
            "{} was left by an interrupted encryption change and could not be removed: \
             delete it yourself (it may hold your notes unencrypted)",
            tmp.display()
        ));
    }
    Ok(removed)
}

/// Where a conversion is: a signal during `Writing` removes the temporary
/// file and exits; during `Replacing` it waits for the rename to finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Writing,
    Replacing,
    Done,
}

/// The temporary file of a running conversion. Dropping it without
/// [`TempFile::replace`] removes it and its companions.
pub(super) struct TempFile {
    db: PathBuf,
    path: PathBuf,
    /// Held open and locked so that another start of innerceo does not take
    /// the file of a conversion in progress for a leftover.
    _lock: File,
    phase: Arc<Mutex<Phase>>,
    signals: Option<Watcher>,
}

/// The thread that watches for signals, and how to stop it.
#[cfg(unix)]
type Watcher = (Handle, JoinHandle<()>);
/// Elsewhere nothing watches: an interrupted conversion's file is removed
/// at the next start (`remove_conversion_leftovers`).
#[cfg(not(unix))]
type Watcher = ();

impl TempFile {
    /// Creates `NAME.db.converting` beside `db`, readable by the user only
    /// (0600), and removes it if the process is interrupted by a signal.
    pub(super) fn create(db: &Path) -> io::Result<TempFile> {
        let path = temp_path(db);
        // A leftover of a crash goes; a conversion running in another
        // process keeps its file, and this one stops at `create_new`.
        let _ = remove_conversion_leftovers(db);
        let mut o = OpenOptions::new();
        o.read(true).write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o600);
        }
        // Signals are watched before the file exists, so there is no moment
        // where one would kill the process and leave the file behind.
        let phase = Arc::new(Mutex::new(Phase::Writing));
        let signals = watch_signals(db, &phase)?;
        let lock = o.open(&path)?;
        // A lock that cannot be taken only weakens the protection against a
        // second innerceo removing the file; the conversion itself is safe.
        let _ = lock.try_lock();
        Ok(TempFile {
            db: db.into(),
            path,
            _lock: lock,
            phase,
            signals: Some(signals),
        })
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the finished file over the database. A signal arriving now
    /// waits until the rename is done, so the database is always either
    /// the old file or the whole new one.
    pub(super) fn replace(mut self) -> io::Result<()> {
        for suffix in COMPANIONS {
            let _ = fs::remove_file(with_suffix(&self.path, suffix));
        }
        let mut phase = self.phase.lock().unwrap_or_else(PoisonError::into_inner);
        *phase = Phase::Replacing;
        let renamed = fs::rename(&self.path, &self.db);
        *phase = if renamed.is_ok() {
            Phase::Done
        } else {
            Phase::Writing
        };
        drop(phase);
        self.stop_watching();
        renamed
    }

    fn stop_watching(&mut self) {
        #[cfg(unix)]
        if let Some((handle, thread)) = self.signals.take() {
            handle.close();
            let _ = thread.join();
        }
    }
}

#[cfg(not(unix))]
fn watch_signals(_db: &Path, _phase: &Arc<Mutex<Phase>>) -> io::Result<Watcher> {
    Ok(())
}

/// A thread that, on SIGINT, SIGTERM or SIGHUP while the file is being
/// written, removes it and exits (128 + the signal, as a shell does).
#[cfg(unix)]
fn watch_signals(db: &Path, phase: &Arc<Mutex<Phase>>) -> io::Result<Watcher> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    let handle = signals.handle();
    let phase = Arc::clone(phase);
    let db = db.to_path_buf();
    let thread = std::thread::spawn(move || {
        for sig in signals.forever() {
            let phase = phase.lock().unwrap_or_else(PoisonError::into_inner);
            if *phase == Phase::Writing {
                let _ = remove_temp_files(&db);
                eprintln!(
                    "innerceo: interrupted: the encryption change was abandoned and its temporary file removed; {} was not changed.",
                    db.display()
                );
                std::process::exit(128 + sig);
            }
        }
    });
    Ok((handle, thread))
}

impl Drop for TempFile {
    fn drop(&mut self) {
        self.stop_watching();
        let done = *self.phase.lock().unwrap_or_else(PoisonError::into_inner) == Phase::Done;
        if !done {
            let _ = remove_temp_files(&self.db);
        }
    }
}
