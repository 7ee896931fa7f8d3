//! Guides: the TOML description of a coaching conversation as ordered stages.
//!
//! The schema lives here; validation with file/line/column errors is in
//! `guide/validate.rs`, the guides shipped in `prompts/` in `guide/builtin.rs`
//! and discovery of user guides in `guide/library.rs`.

mod builtin;
mod library;
mod validate;

pub use builtin::{BUILTIN_SOURCES, builtin_guides, parse_builtins};
pub use library::{GuideSource, LoadedGuide, load_all, user_guide_files, user_guides_dir};
pub use validate::{GuideError, parse_guide, parse_guide_file};

use serde::{Deserialize, Serialize};

/// A whole conversation: metadata plus ordered stages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Stable identifier, e.g. `one-to-one`; lowercase letters, digits, `-` and `_`.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub stages: Vec<Stage>,
}

/// One step of the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: String,
    pub title: String,
    /// Shown at the top of the stage card: what this stage is for.
    #[serde(default)]
    pub intro: String,
    /// Suggested minutes for this stage; the session screen counts it down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timebox: Option<i64>,
    #[serde(flatten)]
    pub kind: StageKind,
}

/// What a stage captures. Tagged by `kind = "..."` in TOML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum StageKind {
    /// Review of the open actions from earlier sessions.
    Review,
    /// Free-text answers to one or more prompts.
    Questions { prompts: Vec<Prompt> },
    /// Items rated on a scale, each with a note (the Six Centers).
    Ratings {
        #[serde(default)]
        scale: Scale,
        items: Vec<RatingItem>,
    },
    /// One option out of several, a rationale and optional tags.
    Choice {
        /// The question the choice answers.
        #[serde(default)]
        question: String,
        options: Vec<ChoiceOption>,
        /// Prompt for the free-text rationale.
        #[serde(default = "default_rationale")]
        rationale: String,
        /// Optional multi-select tags (e.g. development areas).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        tags: Vec<Tag>,
        /// Heading for the tags, e.g. "Development areas".
        #[serde(default, skip_serializing_if = "String::is_empty")]
        tags_title: String,
    },
    /// The coachee's goals that last across sessions: each active one
    /// reviewed (a progress note, achieved or dropped) and new ones set.
    Goals {
        /// Shows the goals without changing them (a short check-in).
        #[serde(default, skip_serializing_if = "is_false")]
        read_only: bool,
    },
    /// Agreed actions: text, owner, due date, optional link.
    Actions,
    /// Closing prompts, an optional confidence rating and the next session date.
    Close {
        #[serde(default)]
        prompts: Vec<Prompt>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        confidence: Option<RatingItem>,
        /// Whether to ask for the next session's date.
        #[serde(default = "yes")]
        next_session: bool,
    },
}

fn default_rationale() -> String {
    "Why this, and why now?".to_owned()
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

/// A question with an optional hint, answered in free text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
}

/// An item rated on the stage's scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingItem {
    pub id: String,
    pub label: String,
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
}

/// An inclusive rating scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
}

impl Default for Scale {
    fn default() -> Self {
        Self { min: 1, max: 10 }
    }
}

/// One option of a choice stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// A tag that can be toggled on a choice stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: String,
    pub label: String,
}

impl Guide {
    /// Sum of the stages' timeboxes, in minutes.
    pub fn total_timebox(&self) -> i64 {
        self.stages.iter().filter_map(|s| s.timebox).sum()
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Serialises the guide back to TOML (used for snapshots and `guide show`).
    pub fn to_toml(&self) -> String {
        // A Guide is plain data with string keys, so serialisation cannot fail;
        // fall back to an empty string rather than panic if it ever did.
        toml::to_string_pretty(self).unwrap_or_default()
    }
}

impl StageKind {
    /// The name used in TOML, e.g. `questions`.
    pub fn name(&self) -> &'static str {
        match self {
            StageKind::Review => "review",
            StageKind::Questions { .. } => "questions",
            StageKind::Ratings { .. } => "ratings",
            StageKind::Choice { .. } => "choice",
            StageKind::Goals { .. } => "goals",
            StageKind::Actions => "actions",
            StageKind::Close { .. } => "close",
        }
    }
}

/// The heading of a choice stage's tags: its `tags_title`, or "Tags".
pub fn tags_heading(tags_title: &str) -> &str {
    if tags_title.is_empty() {
        "Tags"
    } else {
        tags_title
    }
}

impl RatingItem {
    /// The item's own scale, or the stage's.
    pub fn scale_or(&self, stage: Scale) -> Scale {
        self.scale.unwrap_or(stage)
    }
}
