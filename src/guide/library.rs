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
/// A user guide with the id of an earlier one replaces it; when the earlier
/// one is also the user's, that is reported as an error naming both files.
/// Errors are returned per file so one bad file does not hide the others.
pub fn load_all(dir: Option<&Path>, extra: &[PathBuf]) -> (Vec<LoadedGuide>, Vec<GuideError>) {
    let mut guides: Vec<LoadedGuide> = builtin_guides()
        .into_iter()
        .map(|guide| LoadedGuide {
            guide,
            source: GuideSource::Builtin,
        })
        .collect();
    let mut errors = Vec::new();

    for path in user_files(dir, extra, &mut errors) {
        match parse_guide_file(&path) {
            Ok(guide) => {
                let loaded = LoadedGuide {
                    guide,
                    source: GuideSource::User(path.clone()),
                };
                // Two of the user's files with one id: only the later one
                // can be offered, and the user must hear which was dropped.
                if let Some(GuideSource::User(earlier)) = add(&mut guides, loaded) {
                    errors.push(clash(&earlier, &path, &guides));
                }
            }
            Err(err) => errors.push(err),
        }
    }
    (guides, errors)
}

/// The user's guide files in loading order: the `*.toml` of `dir` by name,
/// then `extra`. Problems reading `dir` go to `errors`.
fn user_files(dir: Option<&Path>, extra: &[PathBuf], errors: &mut Vec<GuideError>) -> Vec<PathBuf> {
    let mut files = match dir {
        Some(dir) => guide_files(dir, errors),
        None => Vec::new(),
    };
    files.extend(extra.iter().cloned());
    files
}

/// The user's guide files `load_all` would read, for `guide check` to
/// compare a file with.
pub fn user_guide_files(dir: Option<&Path>, extra: &[PathBuf]) -> Vec<PathBuf> {
    user_files(dir, extra, &mut Vec::new())
}

/// Replaces the guide with the same id in place, so the picker order stays
/// stable when a user customises a shipped guide; otherwise appends.
/// Returns where the replaced guide came from.
fn add(guides: &mut Vec<LoadedGuide>, loaded: LoadedGuide) -> Option<GuideSource> {
    if let Some(slot) = guides.iter_mut().find(|g| g.guide.id == loaded.guide.id) {
        Some(std::mem::replace(slot, loaded).source)
    } else {
        guides.push(loaded);
        None
    }
}

/// The error for `earlier`, set aside because `later` has the same id.
fn clash(earlier: &Path, later: &Path, guides: &[LoadedGuide]) -> GuideError {
    let id = guides
        .iter()
        .find(|g| g.source == GuideSource::User(later.to_path_buf()))
        .map_or("", |g| g.guide.id.as_str());
    GuideError {
        file: earlier.display().to_string(),
        line: 0,
        column: 0,
        message: format!(
            "has the same id \"{id}\" as {}, which is used instead; give one of them another id",
            later.display()
        ),
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
