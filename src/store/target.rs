//! Where innerceo may write a file of its own (an export, a backup): never
//! over the database, its journal files, or a folder.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Result, StoreError};

/// The files SQLite keeps beside a database, which hold its latest commits:
/// writing over one of them loses or corrupts data just like the file itself.
pub(crate) const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Refuses `target` as the file an export or a backup writes to when it is
/// a folder, or the database `db` itself, one of its journal files (`-wal`,
/// `-shm`, `-journal`), or another name for one of those (a symbolic or a
/// hard link). Paths are compared once resolved (`..`, symbolic links,
/// relative to the current folder), so `./x/../self.db` is `self.db`.
/// Reads only; a target that does not exist yet is fine.
pub fn check_output_target(db: &Path, target: &Path) -> Result<()> {
    if target.is_dir() {
        return Err(StoreError::TargetIsFolder {
            target: target.into(),
        });
    }
    let Some(resolved) = resolve(target) else {
        // Its folder does not exist, so it cannot be the database; writing
        // there fails later with its own message.
        return Ok(());
    };
    let target_id = file_id(target);
    let mut protected = vec![db.to_path_buf()];
    protected.extend(COMPANIONS.iter().map(|s| with_suffix(db, s)));
    for p in &protected {
        let same_path = resolve(p).is_some_and(|r| r == resolved);
        let same_inode = target_id.is_some() && file_id(p) == target_id;
        if same_path || same_inode {
            return Err(StoreError::TargetIsDatabase {
                target: target.into(),
                db: db.into(),
                what: if p == db {
                    "the database itself"
                } else {
                    "a journal file of the database"
                },
            });
        }
    }
    Ok(())
}

/// `path` with every symbolic link and `..` resolved, also when the file
/// does not exist yet (then its folder is resolved and its name appended).
/// `None` when the folder does not exist either.
fn resolve(path: &Path) -> Option<PathBuf> {
    match fs::canonicalize(path) {
        Ok(p) => Some(p),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let name = path.file_name()?;
            let parent = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            fs::canonicalize(parent).ok().map(|p| p.join(name))
        }
        Err(_) => None,
    }
}

/// The device and inode of an existing file: equal for two hard links.
fn file_id(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// `path` with `suffix` appended to its file name (`a.db` → `a.db-wal`).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_database_and_its_journals_are_refused_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("self.db");
        fs::write(&db, "x").unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        for target in [
            db.clone(),
            sub.join("..").join("self.db"),
            dir.path().join("self.db-wal"),
            dir.path().join("self.db-shm"),
        ] {
            let e = check_output_target(&db, &target).unwrap_err().to_string();
            assert!(e.contains(&target.display().to_string()), "{e}");
        }
        let link = dir.path().join("hard.db");
        fs::hard_link(&db, &link).unwrap();
        assert!(check_output_target(&db, &link).is_err());
        assert!(check_output_target(&db, &sub).is_err());
        assert!(check_output_target(&db, &dir.path().join("out.json")).is_ok());
        assert!(check_output_target(&db, &dir.path().join("no/such/out.json")).is_ok());
    }
}
