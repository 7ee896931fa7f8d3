//! A session's topics as blocks of its document: those it reviewed (in the
//! review stage, beside the earlier actions) and those it parked for next
//! time, worded once for the summary, Markdown and HTML.

use super::{Block, Row};
use crate::dates::{fmt_date, local_date};
use crate::model::{SessionRecord, Topic, TopicOrigin, TopicOutcome};

/// The closing section of the topics a session parked.
pub const PARKED_TITLE: &str = "Topics for next time";
/// The closing section of reviewed topics, in a guide without a review stage.
pub const REVIEWED_TITLE: &str = "Topics from earlier sessions";
pub const COLUMNS: &[&str] = &["Topic", "Raised by", "Raised", "Outcome"];
const NO_TOPICS: &str = "No topics";

/// How a topic's outcome reads.
pub fn outcome(o: TopicOutcome) -> &'static str {
    match o {
        TopicOutcome::Discussed => "discussed",
        TopicOutcome::Carried => "carried over",
        TopicOutcome::Dropped => "dropped",
    }
}

fn row(t: &Topic, state: &str) -> Row {
    let by = match t.origin {
        TopicOrigin::Coach => "coach",
        TopicOrigin::Coachee => "coachee",
    };
    Row {
        text: t.text.trim().to_owned(),
        owner: Some(by.to_owned()),
        due: Some(fmt_date(local_date(t.raised_at))),
        // A private topic says so wherever it is shown (only with private
        // notes included).
        state: if t.private {
            format!("{state}, {}", super::PRIVATE)
        } else {
            state.to_owned()
        },
        note: None,
    }
}

fn block(rows: Vec<Row>) -> Option<Block> {
    (!rows.is_empty()).then_some(Block::Rows {
        columns: COLUMNS,
        rows,
        empty: NO_TOPICS,
    })
}

/// The topics the session reviewed, with the outcome it gave each;
/// `None` when there are none to show.
pub fn reviewed(r: &SessionRecord, include_private: bool) -> Option<Block> {
    block(
        r.topics
            .reviewed
            .iter()
            .filter(|(t, _)| include_private || !t.private)
            .map(|(t, o)| row(t, outcome(*o)))
            .collect(),
    )
}

/// The topics the session parked for the next one.
pub fn parked(r: &SessionRecord, include_private: bool) -> Option<Block> {
    block(
        r.topics
            .parked
            .iter()
            .filter(|t| include_private || !t.private)
            .map(|t| row(t, "for next time"))
            .collect(),
    )
}
