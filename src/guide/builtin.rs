//! The guides shipped in `prompts/`, embedded in the binary so it runs from
//! any folder.

use super::{Guide, GuideError, parse_guide};

/// File name and text of each shipped guide, in the order shown to users.
pub const BUILTIN_SOURCES: [(&str, &str); 3] = [
    (
        "prompts/one-to-one.toml",
        include_str!("../../prompts/one-to-one.toml"),
    ),
    (
        "prompts/first-session.toml",
        include_str!("../../prompts/first-session.toml"),
    ),
    (
        "prompts/six-centers-checkin.toml",
        include_str!("../../prompts/six-centers-checkin.toml"),
    ),
];

/// The shipped guides, parsed: one-to-one, first-session, six-centers-checkin.
///
/// The tests check that every shipped guide validates, so none is ever
/// missing in practice; a broken one would be left out rather than crash.
pub fn builtin_guides() -> Vec<Guide> {
    parse_builtins()
        .into_iter()
        .filter_map(Result::ok)
        .collect()
}

/// Each shipped guide with its validation result, for tests and `guide check`.
pub fn parse_builtins() -> Vec<Result<Guide, GuideError>> {
    BUILTIN_SOURCES
        .iter()
        .map(|(file, text)| parse_guide(file, text))
        .collect()
}
