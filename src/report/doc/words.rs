//! The sections of a coachee's report that hold the conversations' own
//! words (and the pathway): what a sponsor's report leaves out or trims.

use super::{Col, NONE, Part, Quote, Section, Table};
use crate::dates::fmt_date;
use crate::report::figures::Report;

pub(super) fn pathway(r: &Report) -> Section {
    if r.pathway.is_empty() {
        return Section {
            title: "Pathway".to_owned(),
            parts: vec![Part::Para(
                "No pathway was chosen in this period.".to_owned(),
            )],
        };
    }
    let mut tally: Vec<(String, usize)> = vec![];
    for s in &r.pathway {
        if let Some(o) = &s.option {
            match tally.iter_mut().find(|(l, _)| l == o) {
                Some((_, n)) => *n += 1,
                None => tally.push((o.clone(), 1)),
            }
        }
    }
    let mut facts = vec![];
    if let Some(latest) = r.pathway.iter().rev().find(|s| s.option.is_some()) {
        facts.push((
            "Latest".to_owned(),
            format!(
                "{} ({})",
                latest.option.as_deref().unwrap_or(NONE),
                fmt_date(latest.date)
            ),
        ));
    }
    let counts: Vec<String> = tally.iter().map(|(l, n)| format!("{l} ({n})")).collect();
    if !counts.is_empty() {
        facts.push(("Chosen".to_owned(), counts.join(", ")));
    }
    let with_why = !r.audience.is_sponsor();
    let rows = r
        .pathway
        .iter()
        .map(|s| {
            let mut row = vec![
                fmt_date(s.date),
                s.option.clone().unwrap_or_else(|| NONE.to_owned()),
                if s.areas.is_empty() {
                    NONE.to_owned()
                } else {
                    s.areas.join(", ")
                },
            ];
            if with_why {
                row.push(s.why.clone().unwrap_or_else(|| NONE.to_owned()));
            }
            row
        })
        .collect();
    let mut columns = vec![
        ("Date", Col::Date),
        ("Pathway", Col::Text),
        ("Development areas", Col::Text),
    ];
    if with_why {
        columns.push(("Why", Col::Text));
    }
    Section {
        title: "Pathway".to_owned(),
        parts: vec![Part::Facts(facts), Part::Table(Table { columns, rows })],
    }
}

pub(super) fn worked_on(r: &Report) -> Option<Section> {
    (!r.topics.is_empty()).then(|| Section {
        title: "What the sessions worked on".to_owned(),
        parts: vec![Part::Quotes(
            r.topics
                .iter()
                .map(|t| Quote {
                    heading: fmt_date(t.date),
                    lines: vec![(t.prompt.clone(), t.text.clone())],
                    private: false,
                })
                .collect(),
        )],
    })
}

pub(super) fn closing(r: &Report) -> Option<Section> {
    (!r.closing.is_empty()).then(|| Section {
        title: "Key insights and commitments".to_owned(),
        parts: vec![Part::Quotes(
            r.closing
                .iter()
                .map(|c| Quote {
                    heading: fmt_date(c.date),
                    lines: c.lines.clone(),
                    private: false,
                })
                .collect(),
        )],
    })
}

pub(super) fn notes(r: &Report) -> Option<Section> {
    (!r.notes.is_empty()).then(|| Section {
        title: "Notes".to_owned(),
        parts: vec![Part::Quotes(
            r.notes
                .iter()
                .map(|n| Quote {
                    heading: format!("{} · {}", fmt_date(n.date), n.stage),
                    lines: vec![(
                        if n.private {
                            format!("Note ({})", crate::export::doc::PRIVATE)
                        } else {
                            "Note".to_owned()
                        },
                        n.text.clone(),
                    )],
                    private: n.private,
                })
                .collect(),
        )],
    })
}
