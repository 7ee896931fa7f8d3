//! The practice's report as a document: counts, the spread of each
//! center's change, actions and pathways, and names only when asked.

use super::{
    Col, Doc, NONE, PRACTICE_NOTICE, PRACTICE_NOTICE_NAMED, Part, Section, Table, action_facts,
    percent, period_words, signed, signed_mean,
};
use crate::dates::{fmt_date, fmt_duration};
use crate::report::practice::Practice;

/// The practice's report.
pub fn practice(p: &Practice) -> Doc {
    let mut facts = vec![
        ("Active coachees".to_owned(), p.coachees.to_string()),
        (
            "Coached in the period".to_owned(),
            format!("{} of {}", p.coached, p.coachees),
        ),
        ("Sessions held".to_owned(), p.sessions.to_string()),
    ];
    if let (Some(m), Some(lo), Some(hi)) = (
        p.median_sessions(),
        p.sessions_each.iter().min(),
        p.sessions_each.iter().max(),
    ) {
        facts.push((
            "Sessions per coachee".to_owned(),
            format!("median {m} (from {lo} to {hi})"),
        ));
    }
    facts.push(("Total time".to_owned(), fmt_duration(p.total_seconds)));
    let mut sections = vec![Section {
        title: "Coachees".to_owned(),
        parts: vec![Part::Facts(facts)],
    }];
    if !p.centers.is_empty() {
        sections.push(Section {
            title: "Six Centers: change from first to latest score".to_owned(),
            parts: vec![
                Part::Para(
                    "Each coachee's latest score minus their first in the period, for those \
                     scored in two sessions or more."
                        .to_owned(),
                ),
                Part::Table(Table {
                    columns: vec![
                        ("Center", Col::Text),
                        ("Coachees", Col::Num),
                        ("Average change", Col::Num),
                        ("Standard deviation", Col::Num),
                        ("Lowest", Col::Num),
                        ("Highest", Col::Num),
                    ],
                    rows: p
                        .centers
                        .iter()
                        .map(|s| {
                            let (lo, hi) = s.range().unwrap_or((0, 0));
                            vec![
                                s.label.clone(),
                                s.changes.len().to_string(),
                                s.mean().map_or_else(|| NONE.to_owned(), signed_mean),
                                s.sd()
                                    .map_or_else(|| NONE.to_owned(), |x| format!("{x:.1}")),
                                signed(lo),
                                signed(hi),
                            ]
                        })
                        .collect(),
                }),
            ],
        });
    }
    sections.push(Section {
        title: "Actions".to_owned(),
        parts: vec![Part::Facts(action_facts(&p.actions, p.as_of))],
    });
    if !p.pathways.is_empty() {
        let latest = |label: &str| {
            p.latest_pathways
                .iter()
                .find(|(l, _)| l == label)
                .map_or(0, |(_, n)| *n)
        };
        sections.push(Section {
            title: "Pathways".to_owned(),
            parts: vec![Part::Table(Table {
                columns: vec![
                    ("Pathway", Col::Text),
                    ("Times chosen", Col::Num),
                    ("Coachees on it last", Col::Num),
                ],
                rows: p
                    .pathways
                    .iter()
                    .map(|(l, n)| vec![l.clone(), n.to_string(), latest(l).to_string()])
                    .collect(),
            })],
        });
    }
    if let Some(people) = &p.people {
        sections.push(Section {
            title: "Coachees by name".to_owned(),
            parts: vec![Part::Table(Table {
                columns: vec![
                    ("Coachee", Col::Text),
                    ("Sessions", Col::Num),
                    ("Last session", Col::Date),
                    ("Average change", Col::Num),
                    ("Completion", Col::Num),
                    ("Latest pathway", Col::Text),
                ],
                rows: people
                    .iter()
                    .map(|x| {
                        vec![
                            x.name.clone(),
                            x.sessions.to_string(),
                            x.last.map_or_else(|| NONE.to_owned(), fmt_date),
                            x.mean_change.map_or_else(|| NONE.to_owned(), signed_mean),
                            x.completion.map_or_else(|| NONE.to_owned(), percent),
                            x.latest_pathway.clone().unwrap_or_else(|| NONE.to_owned()),
                        ]
                    })
                    .collect(),
            })],
        });
    }
    Doc {
        title: "Coaching practice report".to_owned(),
        subtitle: format!("Period: {}", period_words(p.period.since, p.period.until)),
        notice: Some(if p.people.is_some() {
            PRACTICE_NOTICE_NAMED
        } else {
            PRACTICE_NOTICE
        }),
        sections,
    }
}
