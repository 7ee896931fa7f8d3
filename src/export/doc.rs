//! One session as a format-neutral document: built once, rendered by
//! Markdown, HTML and the TUI's summary and detail.
//!
//! Every word a reader sees (labels, "no answer", the private marker) is
//! defined here, so a session reads the same on screen, in an email and on
//! paper; the renderers choose only syntax and styling. Private notes are
//! left out while building unless asked for, so a renderer never sees them.

mod actions;
pub mod goals;
pub mod topics;

pub use actions::outcome;
use actions::{actions, reviews};

use crate::model::SessionId;
use std::collections::BTreeMap;

use time::OffsetDateTime;

use super::{Item, day};
use crate::dates::{fmt_date, fmt_date_long, fmt_datetime, fmt_duration, local_date};
use crate::guide::{Guide, RatingItem, Scale, Stage, StageKind};
use crate::model::{SessionRecord, SessionStatus, Visibility};

pub const NO_ANSWER: &str = "No answer yet";
pub const NO_ACTIONS: &str = "No actions agreed";
pub const NO_REVIEWS: &str = "No earlier actions reviewed";
/// The next session's date when none was agreed.
pub const NOT_SET: &str = "not set";
/// An empty cell: no score, owner or date.
pub const NONE: &str = "-";
/// What marks everything only the coach may read.
pub const PRIVATE: &str = "private, coach only";
pub const NOTE: &str = "Note";
pub const NEXT_SESSION: &str = "Next session";
/// When a finished session was last corrected, after the day.
pub const CORRECTED_ON: &str = "Corrected on";
pub const SESSION_ID: &str = "Session id";
/// Column headings; the ratings' bar sits unnamed between Change and Note.
pub const RATING_COLUMNS: [&str; 4] = ["Center", "Score", "Change", "Note"];
pub const ACTION_COLUMNS: &[&str] = &["Action", "Owner", "Due", "Status"];
pub const REVIEW_COLUMNS: &[&str] = &["Action", "Owner", "Due", "Outcome", "Note"];

/// One session, ready to render.
pub struct Document {
    /// `Ada Lovelace — Thu 1 Oct 2026`.
    pub title: String,
    /// Role, guide, start, duration or status, focus, next session.
    pub facts: Vec<Fact>,
    /// The coach's notes about the coachee, when private notes are included.
    pub about: Option<Note>,
    pub session_id: SessionId,
    /// The guide's stages in order, then any reviews or actions the guide
    /// has no stage for.
    pub sections: Vec<Section>,
}

/// `Next session: 2026-10-29`.
pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct Section {
    /// The guide stage shown, `None` for a closing list.
    pub stage_id: Option<String>,
    pub title: String,
    pub blocks: Vec<Block>,
}

pub enum Block {
    /// A prompt (or a choice's question) and its answer; `None` reads [`NO_ANSWER`].
    Answer {
        prompt: String,
        answer: Option<String>,
    },
    Fact(Fact),
    Ratings(Ratings),
    /// Actions or reviews: a table in documents, a list on screen.
    Rows {
        columns: &'static [&'static str],
        rows: Vec<Row>,
        /// What an empty list reads.
        empty: &'static str,
    },
    Note(Note),
}

/// A ratings stage, one row per item.
pub struct Ratings {
    /// The Six Centers (a guide's first ratings stage): compared with the
    /// previous session and drawn as a radar.
    pub centers: bool,
    pub scale: Scale,
    pub day: String,
    /// The day of the session compared with, when there is one.
    pub previous_day: Option<String>,
    pub rows: Vec<RatingRow>,
}

impl Ratings {
    pub fn baseline(&self) -> Option<String> {
        let d = self.previous_day.as_ref()?;
        Some(format!("Change since the session of {d}"))
    }

    /// The radar's legend: this session, and the previous one when drawn.
    pub fn legend(&self) -> (String, Option<String>) {
        let prev = self.previous_day.as_ref();
        let this = format!("This session ({})", self.day);
        (this, prev.map(|d| format!("Previous ({d})")))
    }
}

pub struct RatingRow {
    pub label: String,
    pub value: Option<i64>,
    /// `7/10`, or [`NONE`].
    pub score: String,
    /// `███████░░░`: a block per point; empty without a score.
    pub bar: String,
    /// The previous session's score (Six Centers only).
    pub previous: Option<i64>,
    /// `+2`, `±0`, `new`; empty without a score.
    pub change: String,
    pub note: String,
}

/// An action, or an earlier action with its review.
pub struct Row {
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    /// `open`, `done 2026-10-29` (closed that day), or a review's outcome.
    pub state: String,
    /// The review's note; `None` for an action.
    pub note: Option<String>,
}

impl Row {
    /// The cells after the text, as the columns name them.
    pub fn cells(&self) -> Vec<&str> {
        let mut cells = vec![
            self.owner.as_deref().unwrap_or(NONE),
            self.due.as_deref().unwrap_or(NONE),
            &self.state,
        ];
        cells.extend(self.note.as_deref());
        cells
    }

    /// `coachee, due 2026-10-15, done 2026-10-29`, for one-line lists; the
    /// date is named by the table's column for it (`Due`, a goal's `By`).
    pub fn details(&self, columns: &[&str]) -> String {
        let mut parts: Vec<String> = self.owner.iter().cloned().collect();
        let word = columns
            .get(2)
            .map_or("due".to_owned(), |c| c.to_lowercase());
        parts.extend(self.due.as_ref().map(|d| format!("{word} {d}")));
        parts.push(self.state.clone());
        parts.join(", ")
    }
}

pub struct Note {
    pub private: bool,
    /// `Note`, or `Note — private, coach only`.
    pub label: String,
    pub text: String,
}

impl Note {
    fn new(visibility: Visibility, label: &str, text: &str) -> Self {
        let private = visibility == Visibility::Private;
        Self {
            private,
            label: if private {
                format!("{label} — {PRIVATE}")
            } else {
                label.to_owned()
            },
            text: text.trim().to_owned(),
        }
    }
}

/// The scores of the session compared with, by item id, and when it started.
pub type Scores<'a> = Option<(OffsetDateTime, &'a BTreeMap<String, i64>)>;

/// The document of an exported session.
pub fn of(item: &Item, include_private: bool) -> Document {
    let previous = item.previous.as_ref().map(|p| (p.started_at, &p.scores));
    let mut d = Document::build(&item.record, previous, include_private);
    crate::prep::doc::add_to(&mut d, item.prep.as_ref());
    d
}

impl Document {
    /// The document of `r`, compared with `previous`; private notes only
    /// when `include_private`.
    pub fn build(r: &SessionRecord, previous: Scores<'_>, include_private: bool) -> Self {
        let s = &r.session;
        let mut facts = vec![
            fact("Guide", &s.guide.title),
            fact("Started", &fmt_datetime(s.started_at)),
            match s.status {
                SessionStatus::Completed => fact("Duration", &fmt_duration(s.total_seconds())),
                SessionStatus::InProgress => fact("Status", "in progress"),
            },
        ];
        if !r.coachee.role.is_empty() {
            facts.insert(0, fact("Role", &r.coachee.role));
        }
        facts.extend(s.focus.map(|f| fact("Focus", f.label())));
        facts.extend(s.next_session.map(|d| fact(NEXT_SESSION, &fmt_date(d))));
        facts.extend(
            s.corrected_at
                .map(|t| fact(CORRECTED_ON, &fmt_date(local_date(t)))),
        );
        let about = format!("About {}", r.coachee.name);
        let about = (include_private && !r.coachee.notes.trim().is_empty())
            .then(|| Note::new(Visibility::Private, &about, &r.coachee.notes));
        let mut sections: Vec<Section> = s
            .guide
            .stages
            .iter()
            .map(|st| Section {
                stage_id: Some(st.id.clone()),
                title: st.title.clone(),
                blocks: blocks(r, st, previous, include_private),
            })
            .collect();
        let has = |kind: fn(&StageKind) -> bool| s.guide.stages.iter().any(|st| kind(&st.kind));
        if !has(|k| matches!(k, StageKind::Review)) {
            if !r.reviews.is_empty() {
                sections.push(closing("Review of earlier actions", reviews(r)));
            }
            if let Some(b) = topics::reviewed(r, include_private) {
                sections.push(closing(topics::REVIEWED_TITLE, b));
            }
        }
        if !has(|k| matches!(k, StageKind::Goals { .. }))
            && r.goals.iter().any(|g| g.touches(&s.id))
        {
            sections.push(closing(goals::TITLE, goals::in_session(r, true)));
        }
        if !has(|k| matches!(k, StageKind::Actions)) && !r.actions.is_empty() {
            sections.push(closing("Actions", actions(&r.actions)));
        }
        if let Some(b) = topics::parked(r, include_private) {
            sections.push(closing(topics::PARKED_TITLE, b));
        }
        Self {
            title: format!(
                "{} — {}",
                r.coachee.name,
                fmt_date_long(local_date(s.started_at))
            ),
            facts,
            about,
            session_id: s.id.clone(),
            sections,
        }
    }
}

fn fact(label: &str, value: &str) -> Fact {
    Fact {
        label: label.to_owned(),
        value: value.to_owned(),
    }
}

fn closing(title: &str, block: Block) -> Section {
    Section {
        stage_id: None,
        title: title.to_owned(),
        blocks: vec![block],
    }
}

fn answer(prompt: &str, text: Option<&str>) -> Block {
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    Block::Answer {
        prompt: prompt.to_owned(),
        answer: text.map(str::to_owned),
    }
}

/// The label of an option or tag of a choice, or its id when the guide no
/// longer has it.
fn label<'a>(known: impl IntoIterator<Item = (&'a str, &'a str)>, id: &str) -> String {
    let mut known = known.into_iter();
    known
        .find(|(k, _)| *k == id)
        .map_or(id, |(_, l)| l)
        .to_owned()
}

/// What one stage captured, then its notes.
fn blocks(
    r: &SessionRecord,
    st: &Stage,
    previous: Scores<'_>,
    include_private: bool,
) -> Vec<Block> {
    let answers = |prompts: &[crate::guide::Prompt]| -> Vec<Block> {
        let text = |id: &str| r.answer(&st.id, id);
        prompts
            .iter()
            .map(|p| answer(&p.text, text(&p.id)))
            .collect()
    };
    let mut out = Vec::new();
    match &st.kind {
        StageKind::Review => {
            out.push(reviews(r));
            out.extend(topics::reviewed(r, include_private));
        }
        StageKind::Questions { prompts } => out = answers(prompts),
        StageKind::Ratings { scale, items } => {
            let centers = centers(&r.session.guide).map(|c| c.0) == Some(st.id.as_str());
            let previous = previous.filter(|_| centers);
            let rows = items
                .iter()
                .map(|it| rating(r, &st.id, it, *scale, previous));
            out.push(Block::Ratings(Ratings {
                centers,
                scale: *scale,
                day: day(r.session.started_at),
                previous_day: previous.map(|(at, _)| day(at)),
                rows: rows.collect(),
            }));
        }
        StageKind::Choice {
            question,
            options,
            rationale,
            tags,
            tags_title,
        } => {
            let c = r.choice(&st.id);
            let options = options.iter().map(|o| (o.id.as_str(), o.label.as_str()));
            let picked = c.and_then(|c| c.option_id.as_deref());
            let question = if question.is_empty() {
                "Choice"
            } else {
                question
            };
            out.push(answer(
                question,
                picked.map(|o| label(options, o)).as_deref(),
            ));
            out.push(answer(rationale, c.map(|c| c.rationale.as_str())));
            let known = || tags.iter().map(|t| (t.id.as_str(), t.label.as_str()));
            let chosen: Vec<String> = c
                .map_or(&[][..], |c| &c.tags)
                .iter()
                .map(|t| label(known(), t))
                .collect();
            if !chosen.is_empty() {
                let title = crate::guide::tags_heading(tags_title);
                out.push(Block::Fact(fact(title, &chosen.join(", "))));
            }
        }
        StageKind::Goals { .. } => out.push(goals::in_session(r, false)),
        StageKind::Actions => out.push(actions(&r.actions)),
        StageKind::Close {
            prompts,
            confidence,
            next_session,
        } => {
            out = answers(prompts);
            if let Some(c) = confidence {
                // The score and its note read as the answer to the question.
                let rating = r.rating(&st.id, &c.id);
                let score = score(rating.and_then(|x| x.score), c.scale_or(Scale::default()));
                let score = score.map(|(text, bar)| format!("{text} {bar}"));
                let note = rating.map(|x| x.note.clone());
                let lines: Vec<String> = score.into_iter().chain(note).collect();
                out.push(answer(&c.question, Some(&lines.join("\n"))));
            }
            if *next_session {
                let date = r.session.next_session.map_or(NOT_SET.to_owned(), fmt_date);
                out.push(Block::Fact(fact(NEXT_SESSION, &date)));
            }
        }
    }
    for vis in [Visibility::Shared, Visibility::Private] {
        if vis == Visibility::Private && !include_private {
            continue;
        }
        if let Some(n) = r.note(&st.id, vis).filter(|n| !n.text.trim().is_empty()) {
            out.push(Block::Note(Note::new(vis, NOTE, &n.text)));
        }
    }
    out
}

fn rating(
    r: &SessionRecord,
    st: &str,
    it: &RatingItem,
    scale: Scale,
    prev: Scores<'_>,
) -> RatingRow {
    let rating = r.rating(st, &it.id);
    let value = rating.and_then(|x| x.score);
    let previous = prev.and_then(|(_, p)| p.get(&it.id).copied());
    let change = |v| previous.map_or("new".to_owned(), |p| delta(v - p));
    let (score, bar) = score(value, it.scale_or(scale)).unwrap_or((NONE.to_owned(), String::new()));
    RatingRow {
        label: it.label.clone(),
        value,
        score,
        bar,
        previous,
        change: value.map(change).unwrap_or_default(),
        note: rating.map_or("", |x| x.note.trim()).to_owned(),
    }
}

/// `7/10` and `███████░░░`: a block per point, counted from zero when the
/// scale starts above it.
pub(crate) fn score(value: Option<i64>, scale: Scale) -> Option<(String, String)> {
    let v = value?;
    let base = scale.min.min(0);
    let total = (scale.max - base).clamp(1, 20);
    let filled = usize::try_from((v - base).clamp(0, total)).unwrap_or(0);
    let empty = usize::try_from(total).unwrap_or(0) - filled;
    let bar = format!("{}{}", "█".repeat(filled), "░".repeat(empty));
    Some((format!("{v}/{}", scale.max), bar))
}

/// What a goal aims at, in words: `Autonomy 6 → target 8`, `Autonomy →
/// target 8` before a score, or just the center; `None` without a center.
/// `centers` names them (id, label); an unknown id reads as itself.
pub fn goal_aim(
    g: &crate::model::Goal,
    centers: &[(String, String)],
    now: Option<i64>,
) -> Option<String> {
    let id = g.center.as_deref()?;
    let label = centers
        .iter()
        .find(|(c, _)| c == id)
        .map_or(id, |(_, l)| l.as_str());
    Some(match (now, g.target) {
        (Some(n), Some(t)) => format!("{label} {n} → target {t}"),
        (None, Some(t)) => format!("{label} → target {t}"),
        _ => label.to_owned(),
    })
}

/// A change of score: `+2`, `-1`, `±0`.
pub fn delta(d: i64) -> String {
    match d {
        0 => "±0".to_owned(),
        d if d > 0 => format!("+{d}"),
        d => d.to_string(),
    }
}

/// The first ratings stage of a guide with its items and scale: the Six
/// Centers in the shipped guides, drawn as the radar and the trend.
pub fn centers(guide: &Guide) -> Option<(&str, &[RatingItem], Scale)> {
    guide.stages.iter().find_map(|s| match &s.kind {
        StageKind::Ratings { scale, items } if !items.is_empty() => {
            Some((s.id.as_str(), items.as_slice(), *scale))
        }
        _ => None,
    })
}
