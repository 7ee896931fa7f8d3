//! Agreed actions and the reviews of earlier ones as blocks of a session's
//! document: one row each, worded once for the summary, Markdown and HTML.

use super::{ACTION_COLUMNS, Block, NO_ACTIONS, NO_REVIEWS, REVIEW_COLUMNS, Row};
use crate::dates::fmt_date;
use crate::model::{Action, ReviewOutcome, SessionRecord};

pub(super) fn actions(list: &[Action]) -> Block {
    let rows = list.iter().map(|a| Row {
        state: match a.completed_on {
            Some(d) => format!("{} {}", a.status.as_str(), fmt_date(d)),
            None => a.status.as_str().to_owned(),
        },
        ..row(a)
    });
    Block::Rows {
        columns: ACTION_COLUMNS,
        rows: rows.collect(),
        empty: NO_ACTIONS,
    }
}

pub(super) fn reviews(r: &SessionRecord) -> Block {
    let rows = r.reviews.iter().map(|(review, a)| Row {
        state: outcome(review.outcome).to_owned(),
        note: Some(review.note.trim().to_owned()),
        ..row(a)
    });
    Block::Rows {
        columns: REVIEW_COLUMNS,
        rows: rows.collect(),
        empty: NO_REVIEWS,
    }
}

fn row(a: &Action) -> Row {
    let owner = a.owner.trim();
    Row {
        text: a.text.clone(),
        owner: (!owner.is_empty()).then(|| crate::export::owner(owner).into_owned()),
        due: a.due.map(fmt_date),
        state: String::new(),
        note: None,
    }
}

/// How a review's outcome reads.
pub fn outcome(o: ReviewOutcome) -> &'static str {
    match o {
        ReviewOutcome::Done => "done",
        ReviewOutcome::Carried => "carried over",
        ReviewOutcome::Dropped => "dropped",
    }
}
