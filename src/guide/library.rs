//! Finding guides: built-in, the user's config folder, and `--guide FILE`.

use std::path::{Path, PathBuf};

use super::{Guide, GuideError, builtin_guides, parse_guide_file};

/// Where a guide came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuideSource {
    Builtin,
    User(PathBuf),
}

/// A guide with its origin.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedGuide {
    pub guide: Guide,
    pub source: GuideSource,
}

/// `<config>/innerceo/guides`, e.g. `~/.config/innerceo/guides` on Linux.
/// `None` when the platform has no home folder to put it in.
pub fn user_guides_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "innerceo").map(|dirs| dirs.config_dir().join("guides"))
}

/// Built-in guides, then user guides from `dir`, then `extra` files.
/// A user guide with the id of an earlier one replaces it. Errors are
/// returned per file so one bad file does not hide the others.
pub fn load_all(dir: Option<&Path>, extra: &[PathBuf]) -> (Vec<LoadedGuide>, Vec<GuideError>) {
    let mut guides: Vec<LoadedGuide> = builtin_guides()
        .into_iter()
        .map(|guide| LoadedGuide {
            guide,
            source: GuideSource::Builtin,
        })
        .collect();
    let mut errors = Vec::new();

    let mut files = match dir {
        Some(dir) => guide_files(dir, &mut errors),
        None => Vec::new(),
    };
    files.extend(extra.iter().cloned());

    for path in files {
        match parse_guide_file(&path) {
            Ok(guide) => add(
                &mut guides,
                LoadedGuide {
                    guide,
                    source: GuideSource::User(path),
                },
            ),
            Err(err) => errors.push(err),
        }
    }
    (guides, errors)
}

/// Replaces the guide with the same id in place, so the picker order stays
/// stable when a user customises a shipped guide; otherwise appends.
fn add(guides: &mut Vec<LoadedGuide>, loaded: LoadedGuide) {
    match guides.iter_mut().find(|g| g.guide.id == loaded.guide.id) {
        Some(slot) => *slot = loaded,
        None => guides.push(loaded),
    }
}

/// The `*.toml` files of `dir`, sorted by name. A missing folder is normal
/// (the user has not added guides); any other read failure is reported.
fn guide_files(dir: &Path, errors: &mut Vec<GuideError>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(err) => {
            errors.push(folder_error(dir, &err));
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_toml = path.extension().is_some_and(|ext| ext == "toml");
                if is_toml && !path.is_dir() {
                    files.push(path);
                }
            }
            Err(err) => errors.push(folder_error(dir, &err)),
        }
    }
    files.sort();
    files
}

fn folder_error(dir: &Path, err: &std::io::Error) -> GuideError {
    GuideError {
        file: dir.display().to_string(),
        line: 0,
        column: 0,
        message: format!("cannot read the guides folder: {err}; check its permissions"),
    }
}
