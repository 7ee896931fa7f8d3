//! A report as a format-neutral document: every word and figure a reader
//! sees is written here once, so the Markdown and HTML reports say the same
//! thing; the renderers choose only syntax and styling.

use time::Date;

use super::figures::{Center, Report};
use super::practice::Practice;
use crate::dates::{fmt_date, fmt_duration, fmt_rhythm};
use crate::guide::Scale;

/// The first line of every sponsor report.
pub const SPONSOR_NOTICE: &str = "For a sponsor: this report leaves out every answer, note, \
     insight, commitment and action text of the sessions. It holds only dates, counts, \
     scores, statuses and the pathway chosen.";
/// The first line of the practice report, without and with names.
pub const PRACTICE_NOTICE: &str = "For a sponsor: this report leaves out every answer, note, \
     insight, commitment and action text, and every coachee's name. It holds only counts, \
     scores, statuses and the pathways chosen.";
pub const PRACTICE_NOTICE_NAMED: &str = "For a sponsor: this report leaves out every answer, \
     note, insight, commitment and action text. It holds only counts, scores, statuses, the \
     pathways chosen and, as asked, the coachees' names.";
pub const NO_SESSIONS: &str = "No session was held in this period.";
/// An empty cell.
pub const NONE: &str = "-";

pub struct Doc {
    pub title: String,
    /// Name, role and period, under the title.
    pub subtitle: String,
    /// What the report leaves out, first thing, for a sponsor.
    pub notice: Option<&'static str>,
    pub sections: Vec<Section>,
}

pub struct Section {
    pub title: String,
    pub parts: Vec<Part>,
}

pub enum Part {
    /// `Sessions held: 8`.
    Facts(Vec<(String, String)>),
    Table(Table),
    /// The Six Centers over time: a chart in HTML (Markdown has the
    /// table's sparkline column instead).
    Chart(Chart),
    /// A paragraph of plain explanation.
    Para(String),
    /// Text from the sessions, dated: insights, topics, notes.
    Quotes(Vec<Quote>),
}

pub struct Table {
    pub columns: Vec<(&'static str, Col)>,
    pub rows: Vec<Vec<String>>,
}

/// What a column holds, for its alignment and wrapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Text,
    /// Figures, right-aligned.
    Num,
    /// Dates, never broken across lines.
    Date,
    /// Sparkline characters, kept together in a monospaced font.
    Spark,
}

pub struct Chart {
    pub scale: Scale,
    pub dates: Vec<Date>,
    /// (center label, one score per date).
    pub series: Vec<(String, Vec<Option<i64>>)>,
}

pub struct Quote {
    /// `2026-09-05`, or `2026-09-05 · Clarity` for a note.
    pub heading: String,
    pub lines: Vec<(String, String)>,
    pub private: bool,
}

/// `2026-09-01 to 2026-12-01`, `up to 2026-12-01`.
pub fn period_words(since: Option<Date>, until: Date) -> String {
    match since {
        Some(s) => format!("{} to {}", fmt_date(s), fmt_date(until)),
        None => format!("all sessions up to {}", fmt_date(until)),
    }
}

/// `58%`.
pub fn percent(rate: f64) -> String {
    format!("{:.0}%", rate * 100.0)
}

/// `+2`, `-1`, `0`.
pub fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// `+1.5`, `-0.3`, `0.0`.
pub fn signed_mean(x: f64) -> String {
    if x > 0.0 {
        format!("+{x:.1}")
    } else {
        format!("{x:.1}")
    }
}

/// `14 days`, `1 day`, `9.5 days`.
pub fn days(x: f64) -> String {
    if (x - 1.0).abs() < f64::EPSILON {
        "1 day".to_owned()
    } else if x.fract() == 0.0 {
        format!("{x:.0} days")
    } else {
        format!("{x:.1} days")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Scores as sparkline characters, `·` where a session has none.
pub fn sparkline(scores: &[Option<i64>], scale: Scale) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let span = (scale.max - scale.min).max(1) as f64;
    scores
        .iter()
        .map(|s| match s {
            Some(v) => {
                let at = ((*v - scale.min) as f64 / span).clamp(0.0, 1.0);
                BARS[(at * 7.0).round() as usize]
            }
            None => '·',
        })
        .collect()
}

/// One coachee's report.
pub fn coachee(r: &Report) -> Doc {
    let who = if r.coachee.role.trim().is_empty() {
        r.coachee.name.clone()
    } else {
        format!("{} · {}", r.coachee.name, r.coachee.role.trim())
    };
    let mut sections = vec![engagement(r)];
    if !r.sessions.is_empty() {
        if let Some(s) = centers(r) {
            sections.push(s);
        }
        sections.push(pathway(r));
        sections.push(actions(r));
        if !r.audience.is_sponsor() {
            sections.extend(worked_on(r));
            sections.extend(closing(r));
            sections.extend(notes(r));
        }
    }
    Doc {
        title: format!("Coaching progress report: {}", r.coachee.name),
        subtitle: format!("{who} · {}", period_words(r.period.since, r.period.until)),
        notice: r.audience.is_sponsor().then_some(SPONSOR_NOTICE),
        sections,
    }
}

fn engagement(r: &Report) -> Section {
    let mut parts = vec![];
    let (Some(first), Some(last)) = (r.sessions.first(), r.sessions.last()) else {
        let mut facts = vec![];
        if r.unfinished > 0 {
            facts.push(("In progress".to_owned(), unfinished_words(r.unfinished)));
        }
        parts.push(Part::Para(NO_SESSIONS.to_owned()));
        if !facts.is_empty() {
            parts.push(Part::Facts(facts));
        }
        return Section {
            title: "Engagement".to_owned(),
            parts,
        };
    };
    let n = r.sessions.len();
    let mut facts = vec![
        (
            "Sessions held".to_owned(),
            if n == 1 {
                format!("1, on {}", fmt_date(first.date))
            } else {
                format!(
                    "{n}, from {} to {}",
                    fmt_date(first.date),
                    fmt_date(last.date)
                )
            },
        ),
        (
            "Total time".to_owned(),
            format!(
                "{} ({} on average)",
                fmt_duration(r.total_seconds()),
                fmt_duration(r.total_seconds() / n as i64)
            ),
        ),
        (
            "Rhythm planned".to_owned(),
            fmt_rhythm(r.coachee.rhythm_days),
        ),
    ];
    if let (Some(m), Some(lo), Some(hi)) = (
        r.median_gap(),
        r.gaps.iter().map(|g| g.actual).min(),
        r.gaps.iter().map(|g| g.actual).max(),
    ) {
        facts.push((
            "Time between sessions".to_owned(),
            format!("median {} (from {lo} to {hi})", days(m)),
        ));
    }
    let (kept, planned) = r.gaps_on_plan();
    if planned > 0 {
        facts.push((
            "Kept to the plan".to_owned(),
            format!(
                "{kept} of {} (within {} days of the date planned)",
                plural(planned, "gap", "gaps"),
                super::figures::ON_PLAN_DAYS
            ),
        ));
    }
    let guides: Vec<String> = r.guides.iter().map(|(t, n)| format!("{t} ({n})")).collect();
    facts.push(("Guides used".to_owned(), guides.join(", ")));
    if r.unfinished > 0 {
        facts.push(("In progress".to_owned(), unfinished_words(r.unfinished)));
    }
    parts.push(Part::Facts(facts));
    let rows = r
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let gap = i.checked_sub(1).and_then(|k| r.gaps.get(k));
            vec![
                fmt_date(s.date),
                s.guide.clone(),
                fmt_duration(s.seconds),
                gap.map_or_else(|| NONE.to_owned(), |g| g.actual.to_string()),
                gap.and_then(|g| g.planned)
                    .map_or_else(|| NONE.to_owned(), |p| p.to_string()),
                s.confidence
                    .map_or_else(|| NONE.to_owned(), |(v, max)| format!("{v}/{max}")),
            ]
        })
        .collect();
    parts.push(Part::Table(Table {
        columns: vec![
            ("Date", Col::Date),
            ("Guide", Col::Text),
            ("Length", Col::Num),
            ("Days since last", Col::Num),
            ("Days planned", Col::Num),
            ("Confidence", Col::Num),
        ],
        rows,
    }));
    parts.push(Part::Para(
        "Days planned: to the next session's date agreed at the close of the session \
         before, else the coachee's rhythm."
            .to_owned(),
    ));
    Section {
        title: "Engagement".to_owned(),
        parts,
    }
}

fn unfinished_words(n: usize) -> String {
    format!(
        "{} not finished, not counted here",
        plural(n, "session", "sessions")
    )
}

fn centers(r: &Report) -> Option<Section> {
    let c = r.centers.as_ref()?;
    let scored: Vec<usize> = (0..r.sessions.len())
        .filter(|i| c.rows.iter().any(|row| row.scores[*i].is_some()))
        .collect();
    let (&first, &last) = (scored.first()?, scored.last()?);
    let date = |i: usize| fmt_date(r.sessions[i].date);
    let with_date = |at: Option<(usize, i64)>, usual: usize| match at {
        None => NONE.to_owned(),
        Some((i, v)) if i == usual => v.to_string(),
        Some((i, v)) => format!("{v} ({})", date(i)),
    };
    let targets = c.rows.iter().any(|row| row.target.is_some());
    let rows = c
        .rows
        .iter()
        .map(|row: &Center| {
            let mut cells = vec![
                row.label.clone(),
                with_date(row.first(), first),
                with_date(row.latest(), last),
                row.change().map_or_else(|| NONE.to_owned(), signed),
            ];
            if targets {
                cells.push(
                    row.target
                        .map_or_else(|| NONE.to_owned(), |t| t.to_string()),
                );
            }
            cells.push(sparkline(
                &scored.iter().map(|i| row.scores[*i]).collect::<Vec<_>>(),
                c.scale,
            ));
            cells
        })
        .collect();
    let mut columns = vec![
        ("Center", Col::Text),
        ("First", Col::Num),
        ("Latest", Col::Num),
        ("Change", Col::Num),
    ];
    if targets {
        columns.push(("Target", Col::Num));
    }
    columns.push(("Over time", Col::Spark));
    let intro = if first == last {
        format!(
            "Scored once, on {}, on a scale of {} to {}.",
            date(first),
            c.scale.min,
            c.scale.max
        )
    } else {
        format!(
            "Scored in {} sessions, on a scale of {} to {}: first on {}, latest on {}.",
            scored.len(),
            c.scale.min,
            c.scale.max,
            date(first),
            date(last)
        )
    };
    let mut parts = vec![Part::Para(intro)];
    if scored.len() >= 2 {
        parts.push(Part::Chart(Chart {
            scale: c.scale,
            dates: scored.iter().map(|i| r.sessions[*i].date).collect(),
            series: c
                .rows
                .iter()
                .map(|row| {
                    (
                        row.label.clone(),
                        scored.iter().map(|i| row.scores[*i]).collect(),
                    )
                })
                .collect(),
        }));
    }
    parts.push(Part::Table(Table { columns, rows }));
    Some(Section {
        title: "Six Centers".to_owned(),
        parts,
    })
}

fn pathway(r: &Report) -> Section {
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

/// The action figures, shared by both reports.
pub fn action_facts(a: &super::figures::Actions, as_of: Date) -> Vec<(String, String)> {
    let mut facts = vec![
        ("Agreed".to_owned(), a.agreed.to_string()),
        ("Done".to_owned(), a.done.to_string()),
        ("Dropped".to_owned(), a.dropped.to_string()),
        (
            "Open".to_owned(),
            format!("{} ({} overdue on {})", a.open, a.overdue, fmt_date(as_of)),
        ),
    ];
    if let Some(rate) = a.completion() {
        facts.push((
            "Completion".to_owned(),
            format!("{} ({} of {} done)", percent(rate), a.done, a.agreed),
        ));
    }
    if let Some(m) = a.median_days_to_done() {
        facts.push(("Agreed to done".to_owned(), format!("median {}", days(m))));
    }
    facts
}

fn actions(r: &Report) -> Section {
    let a = &r.actions;
    let mut parts = vec![Part::Facts(action_facts(a, r.as_of))];
    if !a.open_list.is_empty() {
        parts.push(Part::Table(Table {
            columns: vec![
                ("Open action", Col::Text),
                ("Owner", Col::Text),
                ("Agreed", Col::Date),
                ("Due", Col::Date),
            ],
            rows: a
                .open_list
                .iter()
                .map(|o| {
                    vec![
                        o.text.clone(),
                        crate::export::owner(&o.owner).into_owned(),
                        fmt_date(o.agreed),
                        match (o.due, o.overdue) {
                            (None, _) => NONE.to_owned(),
                            (Some(d), false) => fmt_date(d),
                            (Some(d), true) => format!("{} (overdue)", fmt_date(d)),
                        },
                    ]
                })
                .collect(),
        }));
    }
    Section {
        title: "Actions".to_owned(),
        parts,
    }
}

fn worked_on(r: &Report) -> Option<Section> {
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

fn closing(r: &Report) -> Option<Section> {
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

fn notes(r: &Report) -> Option<Section> {
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
