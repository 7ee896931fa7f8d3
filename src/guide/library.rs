//! Finding guides: built-in, the user's config folder, and `--guide FILE`.

use std::path::{Path, PathBuf};

use super::{Guide, GuideError};

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
pub fn user_guides_dir() -> Option<PathBuf> {
    todo!()
}

/// Built-in guides, then user guides from `dir`, then `extra` files.
/// A user guide with the id of an earlier one replaces it. Errors are
/// returned per file so one bad file does not hide the others.
#[allow(unused_variables)]
pub fn load_all(dir: Option<&Path>, extra: &[PathBuf]) -> (Vec<LoadedGuide>, Vec<GuideError>) {
    todo!()
}
