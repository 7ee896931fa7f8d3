//! What came from the coachee's preparation, as a section of the session
//! document: shown by the session detail, the summary and the exports.

use crate::dates::fmt_date;
use crate::export::doc::{self, Block, Fact, RatingRow, Ratings, Row, Section};

use super::Prep;

pub const TITLE: &str = "The coachee's preparation";
pub const ACTION_COLUMNS: &[&str] = &["Action", "Owner", "Due", "Coachee's mark", "Note"];
pub const TOPICS: &str = "What the coachee wants to talk about";

/// Puts the preparation first in `d`: it came before the conversation.
pub fn add_to(d: &mut doc::Document, prep: Option<&Prep>) {
    if let Some(s) = prep.and_then(section) {
        d.sections.insert(0, s);
    }
}

/// The section, or `None` when the coachee answered nothing.
pub fn section(prep: &Prep) -> Option<Section> {
    if prep.is_empty() {
        return None;
    }
    let mut blocks = vec![Block::Fact(Fact {
        label: "Sent by the coachee".to_owned(),
        value: format!(
            "imported on {}, for the form of {}",
            fmt_date(crate::dates::local_date(prep.imported_at)),
            fmt_date(prep.form.issued_on)
        ),
    })];
    let topics: Vec<&str> = prep.topics().collect();
    if !topics.is_empty() {
        blocks.push(Block::Answer {
            prompt: TOPICS.to_owned(),
            answer: Some(topics.join("\n")),
        });
    }
    let rows: Vec<Row> = prep
        .form
        .actions
        .iter()
        .filter_map(|a| {
            let answer = prep.action(&a.id)?;
            Some(Row {
                text: a.text.clone(),
                owner: Some(crate::export::owner(&a.owner).into_owned()),
                due: a.due.map(fmt_date),
                state: answer.mark.map_or(doc::NONE, super::Mark::label).to_owned(),
                note: Some(answer.note.trim().to_owned()),
            })
        })
        .collect();
    if !rows.is_empty() {
        blocks.push(Block::Rows {
            columns: ACTION_COLUMNS,
            rows,
            empty: "",
        });
    }
    let scale = prep.form.scale;
    let centers: Vec<RatingRow> = prep
        .form
        .centers
        .iter()
        .filter_map(|c| {
            let answer = prep.center(&c.id)?;
            let (score, bar) = doc::score(answer.score, scale)
                .unwrap_or_else(|| (doc::NONE.to_owned(), String::new()));
            Some(RatingRow {
                label: c.label.clone(),
                value: answer.score,
                score,
                bar,
                previous: None,
                change: String::new(),
                note: answer.note.trim().to_owned(),
            })
        })
        .collect();
    if !centers.is_empty() {
        blocks.push(Block::Ratings(Ratings {
            centers: false,
            scale,
            day: fmt_date(prep.form.issued_on),
            previous_day: None,
            rows: centers,
        }));
    }
    Some(Section {
        stage_id: None,
        title: TITLE.to_owned(),
        blocks,
    })
}
