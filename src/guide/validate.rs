//! Parsing and validation of guide TOML, with file/line/column errors.

use std::path::Path;

use super::Guide;

/// A guide that could not be loaded: where, and what to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct GuideError {
    pub file: String,
    /// 1-based; 0 when the problem is not tied to a place in the file.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[allow(unused_variables)]
pub fn parse_guide(file: &str, text: &str) -> Result<Guide, GuideError> {
    todo!()
}

#[allow(unused_variables)]
pub fn parse_guide_file(path: &Path) -> Result<Guide, GuideError> {
    todo!()
}
