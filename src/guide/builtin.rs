//! The guides shipped in `prompts/`, embedded in the binary.

use super::Guide;

pub fn builtin_guides() -> Vec<Guide> {
    todo!()
}
