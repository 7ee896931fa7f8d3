//! Parsing and validation of guide TOML, with file/line/column errors.
//!
//! A guide is refused as a whole at its first problem, with the place in the
//! file and what to change, so a coach never starts a session on a guide
//! that would lose answers.

mod node;
mod reader;

use std::path::Path;

use toml::de::DeTable;

use self::node::line_col;
use super::Guide;

/// Guides are short text files; anything bigger is surely the wrong file.
const MAX_GUIDE_BYTES: u64 = 1024 * 1024;

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

impl GuideError {
    fn at(file: &str, text: &str, offset: usize, message: String) -> Self {
        let (line, column) = line_col(text, offset);
        Self {
            file: file.to_owned(),
            line,
            column,
            message,
        }
    }

    /// A problem with the file as a whole (missing, unreadable).
    fn whole_file(file: &str, message: String) -> Self {
        Self {
            file: file.to_owned(),
            line: 0,
            column: 0,
            message,
        }
    }
}

/// Parses and validates a guide; `file` only names it in errors.
pub fn parse_guide(file: &str, text: &str) -> Result<Guide, GuideError> {
    let doc = DeTable::parse(text).map_err(|err| syntax_error(file, text, &err))?;
    reader::read_guide(doc.get_ref(), text)
        .map_err(|p| GuideError::at(file, text, p.span.start, p.message))
}

/// Reads, parses and validates a guide file.
pub fn parse_guide_file(path: &Path) -> Result<Guide, GuideError> {
    let file = path.display().to_string();
    let unreadable = |err: std::io::Error| {
        let reason = match err.kind() {
            std::io::ErrorKind::NotFound => format!("{err}; check the path"),
            std::io::ErrorKind::InvalidData => {
                format!("{err}; the file must be UTF-8 text, so save it as UTF-8")
            }
            _ => format!("{err}; check the path and its permissions"),
        };
        GuideError::whole_file(&file, format!("cannot read the guide: {reason}"))
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_GUIDE_BYTES {
        return Err(GuideError::whole_file(
            &file,
            format!(
                "the file is {size} bytes, too big for a guide (at most 1 MiB); check that this \
                 is the right file"
            ),
        ));
    }
    let text = std::fs::read_to_string(path).map_err(unreadable)?;
    parse_guide(&file, &text)
}

/// Turns a TOML syntax error into a located message with a hint on the fix.
fn syntax_error(file: &str, text: &str, err: &toml::de::Error) -> GuideError {
    let span = err.span().unwrap_or(0..0);
    let message = if err.message() == "duplicate key" {
        let key = text.get(span.clone()).unwrap_or("").trim();
        format!(
            "the key `{key}` appears twice in the same table; keep one of them (each stage \
             starts its own table with `[[stages]]`)"
        )
    } else {
        format!(
            "this is not valid TOML ({}); fix the syntax here: text goes in double quotes, \
             each setting is `key = value` on its own line, and each stage starts with `[[stages]]`",
            err.message()
        )
    };
    GuideError::at(file, text, span.start, message)
}
