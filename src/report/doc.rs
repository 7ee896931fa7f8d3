//! A report as a format-neutral document: every word and figure a reader
//! sees is written here once, so the Markdown and HTML reports say the same
//! thing; the renderers choose only syntax and styling.

use time::Date;

use super::figures::{Center, Report};
use crate::dates::{fmt_date, fmt_duration, fmt_rhythm};
use crate::guide::Scale;

/// The first line of every sponsor report.
pub const SPONSOR_NOTICE: &str = "For a sponsor: this report leaves out every answer, note, \
     insight, commitment and action text of the sessions. It holds only dates, counts, \
     scores, statuses, the pathway chosen and the goals the coachee agreed to share.";
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

mod goals;
mod practice;
mod words;
pub use practice::practice;
use words::{closing, notes, pathway, worked_on};

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

pub(crate) fn plural<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    format!("{n} {}", if n == N::from(1) { one } else { many })
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
        sections.extend(goals::goals(r));
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
