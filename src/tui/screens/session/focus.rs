//! What can take the focus in each stage kind, and which editor each element has.

use super::Session;
use crate::guide::{Stage, StageKind};
use crate::model::ActionId;
use crate::model::GoalId;
use crate::model::{Choice, Rating, ReviewOutcome, Visibility};
use crate::tui::effect::Write;
use crate::tui::msg::Env;

/// A focusable part of a stage, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    /// A prompt of a questions or close stage: a text field.
    Prompt(usize),
    /// An open action to review: d / c / x mark it; typing writes its note.
    Review(usize),
    /// A topic parked for this session: d / c / x mark it discussed,
    /// carried or dropped.
    Topic(usize),
    /// A goal of a goals stage: a / x mark it achieved or dropped; typing
    /// writes this session's progress note.
    Goal(usize),
    /// The "set a goal" line.
    AddGoal,
    /// A rating item: digits and ←/→ set it; typing writes its note.
    Rating(usize),
    /// One option of a choice: Space or Enter picks it.
    Option(usize),
    /// The choice's rationale: a text field.
    Rationale,
    /// One tag of a choice: Space or Enter toggles it.
    Tag(usize),
    /// An agreed action: Enter edits it, d deletes it.
    Action(usize),
    /// The "add an action" line.
    AddAction,
    /// The close stage's confidence score.
    Confidence,
    /// The next session's date: a one-line text field.
    NextSession,
}

/// What an editor edits: the one name for it in state, drawing and saving.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EditorKey {
    Answer { stage: String, prompt: String },
    RatingNote { stage: String, item: String },
    Rationale { stage: String },
    ReviewNote { action: ActionId },
    GoalNote { goal: GoalId },
    NextSession,
    PrivateNote { stage: String },
}

/// The elements of `stage`, in reading order.
pub fn elements(stage: &Stage, s: &Session) -> Vec<Element> {
    match &stage.kind {
        StageKind::Questions { prompts } => (0..prompts.len()).map(Element::Prompt).collect(),
        StageKind::Review => (0..s.data.review.len())
            .map(Element::Review)
            .chain((0..s.data.topics.len()).map(Element::Topic))
            .collect(),
        StageKind::Ratings { items, .. } => (0..items.len()).map(Element::Rating).collect(),
        StageKind::Choice { options, tags, .. } => {
            let mut v: Vec<_> = (0..options.len()).map(Element::Option).collect();
            v.push(Element::Rationale);
            v.extend((0..tags.len()).map(Element::Tag));
            v
        }
        // Shown only, the goals still take the focus, so that the card
        // scrolls to the last of them.
        StageKind::Goals { read_only } => (0..s.data.record.goals.len())
            .map(Element::Goal)
            .chain((!read_only).then_some(Element::AddGoal))
            .collect(),
        StageKind::Actions => {
            let mut v: Vec<_> = (0..s.data.record.actions.len())
                .map(Element::Action)
                .collect();
            v.push(Element::AddAction);
            v
        }
        StageKind::Close {
            prompts,
            confidence,
            next_session,
        } => {
            let mut v: Vec<_> = (0..prompts.len()).map(Element::Prompt).collect();
            if confidence.is_some() {
                v.push(Element::Confidence);
            }
            if *next_session {
                v.push(Element::NextSession);
            }
            v
        }
    }
}

impl Element {
    /// Printable keys type into it (it is a text field, not a control).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Element::Prompt(_) | Element::Rationale | Element::NextSession
        )
    }

    /// The editor of this element: its text, or the note of a control.
    pub fn editor_key(self, s: &Session) -> Option<EditorKey> {
        let stage = s.stage_def()?;
        let sid = stage.id.clone();
        match (self, &stage.kind) {
            (
                Element::Prompt(i),
                StageKind::Questions { prompts } | StageKind::Close { prompts, .. },
            ) => prompts.get(i).map(|p| EditorKey::Answer {
                stage: sid,
                prompt: p.id.clone(),
            }),
            (Element::Rating(i), StageKind::Ratings { items, .. }) => {
                items.get(i).map(|it| EditorKey::RatingNote {
                    stage: sid,
                    item: it.id.clone(),
                })
            }
            (Element::Rationale, _) => Some(EditorKey::Rationale { stage: sid }),
            (Element::Review(i), _) => s.data.review.get(i).map(|(a, _)| EditorKey::ReviewNote {
                action: a.id.clone(),
            }),
            (Element::Goal(_), StageKind::Goals { read_only: true }) => None,
            (Element::Goal(i), _) => s.data.record.goals.get(i).map(|g| EditorKey::GoalNote {
                goal: g.goal.id.clone(),
            }),
            (Element::NextSession, _) => Some(EditorKey::NextSession),
            _ => None,
        }
    }
}

impl EditorKey {
    /// The saved text an editor starts from.
    pub fn saved_text(&self, s: &Session) -> String {
        let rec = &s.data.record;
        match self {
            EditorKey::Answer { stage, prompt } => {
                rec.answer(stage, prompt).unwrap_or_default().to_owned()
            }
            EditorKey::RatingNote { stage, item } => rec
                .rating(stage, item)
                .map(|r| r.note.clone())
                .unwrap_or_default(),
            EditorKey::Rationale { stage } => rec
                .choice(stage)
                .map(|c| c.rationale.clone())
                .unwrap_or_default(),
            EditorKey::ReviewNote { action } => s
                .data
                .review
                .iter()
                .find(|(a, _)| a.id == *action)
                .and_then(|(_, r)| r.as_ref())
                .map(|r| r.note.clone())
                .unwrap_or_default(),
            EditorKey::GoalNote { goal } => rec
                .goals
                .iter()
                .find(|g| g.goal.id == *goal)
                .and_then(|g| g.in_session(&rec.session.id))
                .map(|u| u.note.clone())
                .unwrap_or_default(),
            EditorKey::NextSession => rec
                .session
                .next_session
                .map(crate::dates::fmt_date)
                .unwrap_or_default(),
            EditorKey::PrivateNote { stage } => rec
                .note(stage, Visibility::Private)
                .map(|n| n.text.clone())
                .unwrap_or_default(),
        }
    }

    /// The store write for this editor's text as it is now.
    pub fn write(&self, s: &Session, env: &Env) -> Option<Write> {
        let text = s.editor_text(self)?;
        let session = s.session_id().to_owned();
        let rec = &s.data.record;
        Some(match self {
            EditorKey::Answer { stage, prompt } => Write::Answer {
                session,
                stage: stage.clone(),
                prompt: prompt.clone(),
                text,
            },
            EditorKey::RatingNote { stage, item } => Write::Rating {
                session,
                rating: Rating {
                    stage_id: stage.clone(),
                    item_id: item.clone(),
                    score: rec.rating(stage, item).and_then(|r| r.score),
                    note: text,
                },
            },
            EditorKey::Rationale { stage } => {
                let mut choice = rec.choice(stage).cloned().unwrap_or(Choice {
                    stage_id: stage.clone(),
                    option_id: None,
                    rationale: String::new(),
                    tags: vec![],
                });
                choice.rationale = text;
                Write::Choice { session, choice }
            }
            EditorKey::ReviewNote { action } => {
                let (_, review) = s.data.review.iter().find(|(a, _)| a.id == *action)?;
                // A note alone does not decide the outcome: carried over
                // (still open) until the coach marks it.
                if review.is_none() && text.trim().is_empty() {
                    return None;
                }
                Write::Review {
                    action: action.clone(),
                    session,
                    outcome: review
                        .as_ref()
                        .map_or(ReviewOutcome::Carried, |r| r.outcome),
                    note: text,
                    at: env.now,
                }
            }
            EditorKey::GoalNote { goal } => {
                let h = rec.goals.iter().find(|g| g.goal.id == *goal)?;
                Write::GoalUpdate {
                    goal: goal.clone(),
                    status: h.in_session(&session).and_then(|u| u.status),
                    session,
                    note: text,
                    at: env.now,
                }
            }
            EditorKey::NextSession => Write::NextSession {
                session,
                date: crate::dates::parse_due(&text, env.today).ok()?,
            },
            EditorKey::PrivateNote { stage } => Write::Note {
                session,
                stage: stage.clone(),
                visibility: Visibility::Private,
                text,
            },
        })
    }
}
