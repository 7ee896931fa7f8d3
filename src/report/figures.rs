//! One coachee's figures over a period: the sessions held and the rhythm
//! kept, the Six Centers from first to latest, the pathway, the actions,
//! and (not for a sponsor) what each close stage captured.

use crate::model::SessionId;
use anyhow::Result;
use time::Date;

mod actions;
mod goals;

pub use goals::GoalLine;

use super::{Audience, Period};
use crate::dates::local_date;
use crate::export::doc;
use crate::guide::{Guide, Scale, StageKind};
use crate::model::{Coachee, SessionRecord, SessionStatus, Visibility};
use crate::store::Store;

/// A gap counts as kept to the plan within this many days either way.
pub const ON_PLAN_DAYS: i64 = 3;

/// Everything one coachee's report shows.
#[derive(Debug, Clone)]
pub struct Report {
    pub coachee: Coachee,
    pub period: Period,
    /// Statuses and overdue actions are as of this day: the period's end,
    /// or today when the period runs on.
    pub as_of: Date,
    pub audience: Audience,
    /// Finished sessions in the period, oldest first.
    pub sessions: Vec<Held>,
    /// Sessions of the period still in progress, not counted as held.
    pub unfinished: usize,
    /// Between each two sessions held, what was planned and what happened.
    pub gaps: Vec<Gap>,
    /// Guide titles and how many sessions used each, most used first.
    pub guides: Vec<(String, usize)>,
    pub centers: Option<Centers>,
    /// Goals alive in the period; for a sponsor, only shareable ones.
    pub goals: Vec<GoalLine>,
    pub pathway: Vec<Step>,
    pub actions: Actions,
    /// Not for a sponsor: each session's first answer, what it was about.
    pub topics: Vec<Topic>,
    /// Not for a sponsor: key insights and commitments.
    pub closing: Vec<Closing>,
    /// Not for a sponsor: notes (private ones only when asked for).
    pub notes: Vec<NoteLine>,
}

#[derive(Debug, Clone)]
pub struct Held {
    pub id: SessionId,
    pub date: Date,
    pub guide: String,
    pub seconds: i64,
    /// The close stage's confidence score and the top of its scale.
    pub confidence: Option<(i64, i64)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub from: Date,
    pub to: Date,
    pub actual: i64,
    /// Days to the next session agreed at `from`, else the coachee's rhythm.
    pub planned: Option<i64>,
}

impl Gap {
    pub fn on_plan(&self) -> Option<bool> {
        self.planned
            .map(|p| (self.actual - p).abs() <= ON_PLAN_DAYS)
    }
}

/// The Six Centers: one row per center, one score per session held.
#[derive(Debug, Clone)]
pub struct Centers {
    pub scale: Scale,
    pub rows: Vec<Center>,
}

#[derive(Debug, Clone)]
pub struct Center {
    pub id: String,
    pub label: String,
    /// In `Report::sessions` order.
    pub scores: Vec<Option<i64>>,
    /// A goal's target score, once goals set one.
    pub target: Option<i64>,
}

impl Center {
    /// The first score and the index of its session.
    pub fn first(&self) -> Option<(usize, i64)> {
        self.scores
            .iter()
            .enumerate()
            .find_map(|(i, s)| s.map(|s| (i, s)))
    }

    pub fn latest(&self) -> Option<(usize, i64)> {
        self.scores
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, s)| s.map(|s| (i, s)))
    }

    /// Latest minus first, when two different sessions scored it.
    pub fn change(&self) -> Option<i64> {
        match (self.first(), self.latest()) {
            (Some((i, a)), Some((j, b))) if j > i => Some(b - a),
            _ => None,
        }
    }
}

/// One pathway choice.
#[derive(Debug, Clone)]
pub struct Step {
    pub date: Date,
    pub option: Option<String>,
    /// Development areas ticked.
    pub areas: Vec<String>,
    /// The rationale; never for a sponsor.
    pub why: Option<String>,
}

/// The actions agreed in the period's sessions, as of `Report::as_of`.
#[derive(Debug, Clone, Default)]
pub struct Actions {
    pub agreed: usize,
    pub done: usize,
    pub dropped: usize,
    pub open: usize,
    /// Open with a due date before `as_of`.
    pub overdue: usize,
    /// Days from the session that agreed it to the day it was done, per
    /// action done.
    pub done_after: Vec<i64>,
    /// The open ones, oldest agreed first; empty for a sponsor.
    pub open_list: Vec<OpenAction>,
}

impl Actions {
    /// Done out of agreed, 0.0 to 1.0.
    pub fn completion(&self) -> Option<f64> {
        (self.agreed > 0).then(|| self.done as f64 / self.agreed as f64)
    }

    pub fn median_days_to_done(&self) -> Option<f64> {
        median(&self.done_after)
    }
}

#[derive(Debug, Clone)]
pub struct OpenAction {
    pub text: String,
    pub owner: String,
    pub due: Option<Date>,
    pub agreed: Date,
    pub overdue: bool,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub date: Date,
    pub prompt: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Closing {
    pub date: Date,
    /// (label, answer): "Key insight", "Commitment", from the prompt ids.
    pub lines: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct NoteLine {
    pub date: Date,
    pub stage: String,
    pub private: bool,
    pub text: String,
}

impl Report {
    pub fn total_seconds(&self) -> i64 {
        self.sessions.iter().map(|s| s.seconds).sum()
    }

    pub fn median_gap(&self) -> Option<f64> {
        median(&self.gaps.iter().map(|g| g.actual).collect::<Vec<_>>())
    }

    /// (gaps kept to the plan, gaps that had a plan).
    pub fn gaps_on_plan(&self) -> (usize, usize) {
        let planned: Vec<bool> = self.gaps.iter().filter_map(Gap::on_plan).collect();
        (planned.iter().filter(|k| **k).count(), planned.len())
    }
}

/// The median of whole numbers, halves kept (`[1, 2]` is 1.5).
pub fn median(values: &[i64]) -> Option<f64> {
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2] as f64),
        _ => Some((v[n / 2 - 1] + v[n / 2]) as f64 / 2.0),
    }
}

/// Reads the coachee's sessions in `period` and computes every figure.
pub fn gather(
    store: &Store,
    coachee: &Coachee,
    period: Period,
    audience: Audience,
    today: Date,
) -> Result<Report> {
    let mut summaries = store.session_summaries(Some(&coachee.id))?;
    summaries.reverse();
    summaries.retain(|s| period.contains(local_date(s.started_at)));
    let unfinished = summaries
        .iter()
        .filter(|s| s.status != SessionStatus::Completed)
        .count();
    let all_goals = store.coachee_goals(&coachee.id)?;
    let mut records = Vec::new();
    for s in summaries
        .iter()
        .filter(|s| s.status == SessionStatus::Completed)
    {
        records.push(store.session_record_with(&s.id, Some(&all_goals))?);
    }
    let as_of = period.until.min(today);
    let mut actions = Actions::default();
    for rec in &records {
        for a in &rec.actions {
            let history = store.action_history(&a.id)?;
            actions::count(&mut actions, rec, a, &history, as_of, today, audience);
        }
    }
    let goals = goals::lines(all_goals, period, as_of, audience);
    let mut centers = centers(&records);
    if let Some(c) = centers.as_mut() {
        goals::set_targets(&mut c.rows, &goals);
    }
    let mut coachee = coachee.clone();
    coachee.notes.clear();
    Ok(Report {
        sessions: records.iter().map(held).collect(),
        gaps: gaps(&records, coachee.rhythm_days),
        guides: guides(&records),
        centers,
        goals,
        pathway: records.iter().flat_map(|r| steps(r, audience)).collect(),
        topics: if audience.is_sponsor() {
            vec![]
        } else {
            records.iter().filter_map(topic).collect()
        },
        closing: if audience.is_sponsor() {
            vec![]
        } else {
            records.iter().filter_map(closing).collect()
        },
        notes: notes(&records, audience),
        coachee,
        period,
        as_of,
        audience,
        unfinished,
        actions,
    })
}

fn day_of(rec: &SessionRecord) -> Date {
    local_date(rec.session.started_at)
}

fn held(rec: &SessionRecord) -> Held {
    let confidence = rec.session.guide.stages.iter().find_map(|s| match &s.kind {
        StageKind::Close {
            confidence: Some(item),
            ..
        } => rec
            .rating(&s.id, &item.id)
            .and_then(|r| r.score)
            .map(|v| (v, item.scale.unwrap_or_default().max)),
        _ => None,
    });
    Held {
        id: rec.session.id.clone(),
        date: day_of(rec),
        guide: rec.session.guide.title.clone(),
        seconds: rec.session.total_seconds(),
        confidence,
    }
}

fn gaps(records: &[SessionRecord], rhythm: Option<i64>) -> Vec<Gap> {
    records
        .windows(2)
        .map(|w| {
            let (from, to) = (day_of(&w[0]), day_of(&w[1]));
            let agreed = w[0]
                .session
                .next_session
                .map(|d| (d - from).whole_days())
                .filter(|d| *d > 0);
            Gap {
                from,
                to,
                actual: (to - from).whole_days(),
                planned: agreed.or(rhythm),
            }
        })
        .collect()
}

fn guides(records: &[SessionRecord]) -> Vec<(String, usize)> {
    let mut count: Vec<(String, usize)> = Vec::new();
    for r in records {
        let title = &r.session.guide.title;
        match count.iter_mut().find(|(t, _)| t == title) {
            Some((_, n)) => *n += 1,
            None => count.push((title.clone(), 1)),
        }
    }
    // Most used first; first used first among equals (the sort is stable).
    count.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    count
}

/// The centers in the order of the latest guide that rates them, then any
/// only older guides had.
fn centers(records: &[SessionRecord]) -> Option<Centers> {
    let mut scale = None;
    let mut rows: Vec<Center> = Vec::new();
    for rec in records.iter().rev() {
        let Some((_, items, s)) = doc::centers(&rec.session.guide) else {
            continue;
        };
        scale.get_or_insert(s);
        for it in items {
            if !rows.iter().any(|c| c.id == it.id) {
                rows.push(Center {
                    id: it.id.clone(),
                    label: it.label.clone(),
                    scores: vec![],
                    target: None,
                });
            }
        }
    }
    let scale = scale?;
    for row in &mut rows {
        row.scores = records
            .iter()
            .map(|rec| {
                let stage = doc::centers(&rec.session.guide)?.0;
                rec.rating(stage, &row.id).and_then(|r| r.score)
            })
            .collect();
    }
    Some(Centers { scale, rows })
}

fn steps(rec: &SessionRecord, audience: Audience) -> Vec<Step> {
    rec.session
        .guide
        .stages
        .iter()
        .filter_map(|stage| {
            let StageKind::Choice { options, tags, .. } = &stage.kind else {
                return None;
            };
            let c = rec.choice(&stage.id)?;
            let option = c
                .option_id
                .as_ref()
                .map(|id| label_of(options.iter().map(|o| (&o.id, &o.label)), id));
            let areas: Vec<String> = c
                .tags
                .iter()
                .map(|id| label_of(tags.iter().map(|t| (&t.id, &t.label)), id))
                .collect();
            if option.is_none() && areas.is_empty() {
                return None;
            }
            let why = (!audience.is_sponsor() && !c.rationale.trim().is_empty())
                .then(|| c.rationale.trim().to_owned());
            Some(Step {
                date: day_of(rec),
                option,
                areas,
                why,
            })
        })
        .collect()
}

/// The label the guide gives an id, else the id itself.
fn label_of<'a>(mut pairs: impl Iterator<Item = (&'a String, &'a String)>, id: &str) -> String {
    pairs
        .find(|(i, _)| i.as_str() == id)
        .map_or_else(|| id.to_owned(), |(_, l)| l.clone())
}

/// What a session was about: the first answer of its first questions stage.
fn topic(rec: &SessionRecord) -> Option<Topic> {
    rec.session.guide.stages.iter().find_map(|s| match &s.kind {
        StageKind::Questions { prompts } => prompts.iter().find_map(|p| {
            let text = rec.answer(&s.id, &p.id)?.trim();
            (!text.is_empty()).then(|| Topic {
                date: day_of(rec),
                prompt: p.text.clone(),
                text: text.to_owned(),
            })
        }),
        _ => None,
    })
}

fn closing(rec: &SessionRecord) -> Option<Closing> {
    let lines: Vec<(String, String)> = rec
        .session
        .guide
        .stages
        .iter()
        .filter_map(|s| match &s.kind {
            StageKind::Close { prompts, .. } => Some((s, prompts)),
            _ => None,
        })
        .flat_map(|(s, prompts)| {
            prompts.iter().filter_map(|p| {
                let text = rec.answer(&s.id, &p.id)?.trim();
                (!text.is_empty()).then(|| (humanise(&p.id), text.to_owned()))
            })
        })
        .collect();
    (!lines.is_empty()).then(|| Closing {
        date: day_of(rec),
        lines,
    })
}

/// `key_insight` → `Key insight`.
pub fn humanise(id: &str) -> String {
    let words = id.replace(['_', '-'], " ");
    let mut c = words.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn notes(records: &[SessionRecord], audience: Audience) -> Vec<NoteLine> {
    if audience.is_sponsor() {
        return vec![];
    }
    let stage_title = |g: &Guide, id: &str| {
        g.stages
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_owned(), |s| s.title.clone())
    };
    records
        .iter()
        .flat_map(|rec| {
            rec.notes
                .iter()
                .filter(|n| !n.text.trim().is_empty())
                .filter(|n| n.visibility == Visibility::Shared || audience.includes_private())
                .map(|n| NoteLine {
                    date: day_of(rec),
                    stage: stage_title(&rec.session.guide, &n.stage_id),
                    private: n.visibility == Visibility::Private,
                    text: n.text.trim().to_owned(),
                })
        })
        .collect()
}
