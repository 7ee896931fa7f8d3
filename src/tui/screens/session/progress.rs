//! How far each stage is filled in: its mark in the stage list, and what
//! finishing mentions as still empty.

use super::Session;
use crate::guide::{Stage, StageKind};

impl Session {
    /// How far a stage is filled in, for its mark in the stage list.
    pub fn progress_of(&self, stage: &Stage) -> StageProgress {
        let rec = &self.data.record;
        let answered = |p: &str| !self.answer_text(&stage.id, p).trim().is_empty();
        let (filled, total) = match &stage.kind {
            StageKind::Questions { prompts } => (
                prompts.iter().filter(|p| answered(&p.id)).count(),
                prompts.len(),
            ),
            StageKind::Ratings { items, .. } => (
                items
                    .iter()
                    .filter(|i| rec.rating(&stage.id, &i.id).and_then(|r| r.score).is_some())
                    .count(),
                items.len(),
            ),
            StageKind::Choice { .. } => (
                usize::from(
                    rec.choice(&stage.id)
                        .and_then(|c| c.option_id.as_ref())
                        .is_some(),
                ),
                1,
            ),
            StageKind::Actions => (usize::from(!rec.actions.is_empty()), 1),
            StageKind::Goals { read_only: true } => (0, 0),
            StageKind::Goals { read_only: false } => (
                rec.goals
                    .iter()
                    .filter(|g| g.touches(&rec.session.id))
                    .count(),
                rec.goals.len().max(1),
            ),
            // The earlier actions and the topics parked for this session.
            StageKind::Review => (
                self.data.review.iter().filter(|(_, r)| r.is_some()).count()
                    + self.data.topics.iter().filter(|(_, o)| o.is_some()).count(),
                self.data.review.len() + self.data.topics.len(),
            ),
            StageKind::Close { prompts, .. } => (
                prompts.iter().filter(|p| answered(&p.id)).count(),
                prompts.len(),
            ),
        };
        let passed = rec.session.done_stages.contains(&stage.id);
        if filled >= total && (total > 0 || passed) {
            StageProgress::Done
        } else if filled > 0 {
            StageProgress::Partly
        } else if passed {
            StageProgress::Skipped
        } else {
            StageProgress::NotVisited
        }
    }
}

/// A stage's mark in the stage list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageProgress {
    /// Everything it asks for is filled in: ✓.
    Done,
    /// Some of it: ◐.
    Partly,
    /// Moved past with nothing filled in: –.
    Skipped,
    NotVisited,
}

impl StageProgress {
    /// The mark, readable without colour.
    pub fn mark(self) -> &'static str {
        match self {
            StageProgress::Done => "✓",
            StageProgress::Partly => "◐",
            StageProgress::Skipped => "–",
            StageProgress::NotVisited => " ",
        }
    }
}

/// What is still empty, stage by stage, to mention before finishing.
pub fn missing_parts(s: &Session) -> Vec<String> {
    let rec = &s.data.record;
    let mut out = Vec::new();
    for st in &rec.session.guide.stages {
        let empty_prompts = |prompts: &[crate::guide::Prompt]| {
            prompts
                .iter()
                .filter(|p| s.answer_text(&st.id, &p.id).trim().is_empty())
                .count()
        };
        match &st.kind {
            StageKind::Questions { prompts } => {
                let empty = empty_prompts(prompts);
                if empty > 0 {
                    out.push(format!(
                        "{}: {empty} of {} unanswered",
                        st.title,
                        prompts.len()
                    ));
                }
            }
            StageKind::Ratings { items, .. } => {
                let empty = items
                    .iter()
                    .filter(|i| rec.rating(&st.id, &i.id).and_then(|r| r.score).is_none())
                    .count();
                if empty > 0 {
                    out.push(format!(
                        "{}: {empty} of {} not rated",
                        st.title,
                        items.len()
                    ));
                }
            }
            StageKind::Choice { .. } => {
                if rec
                    .choice(&st.id)
                    .and_then(|c| c.option_id.as_ref())
                    .is_none()
                {
                    out.push(format!("{}: nothing chosen", st.title));
                }
            }
            StageKind::Actions => {
                if rec.actions.is_empty() {
                    out.push(format!("{}: none agreed", st.title));
                }
            }
            StageKind::Goals { read_only: true } => {}
            StageKind::Goals { read_only: false } => {
                let sid = rec.session.id.as_str();
                let open = rec.goals.iter().filter(|g| !g.touches(sid)).count();
                if rec.goals.is_empty() {
                    out.push(format!("{}: no goal set", st.title));
                } else if open > 0 {
                    out.push(format!("{}: {open} not reviewed", st.title));
                }
            }
            StageKind::Review => {
                let actions = s.data.review.iter().filter(|(_, r)| r.is_none()).count();
                let topics = s.data.topics.iter().filter(|(_, o)| o.is_none()).count();
                let count = |n: usize, one: &str| match n {
                    0 => None,
                    1 => Some(format!("1 {one}")),
                    n => Some(format!("{n} {one}s")),
                };
                let open: Vec<String> = count(actions, "action")
                    .into_iter()
                    .chain(count(topics, "topic"))
                    .collect();
                if !open.is_empty() {
                    out.push(format!("{}: {} not reviewed", st.title, open.join(" and ")));
                }
            }
            StageKind::Close { prompts, .. } => {
                if let Some(p) = prompts.first()
                    && s.answer_text(&st.id, &p.id).trim().is_empty()
                {
                    out.push(format!("{}: {} is empty", st.title, p.text));
                }
            }
        }
    }
    out
}
