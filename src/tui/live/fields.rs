//! The fields of each stage kind: what Tab moves between, which editor each
//! one has, and how its text is saved.

use super::Live;
use crate::guide::StageKind;
use crate::model::{Choice, Rating, ReviewOutcome, Visibility};
use crate::tui::effect::Write;

/// A focusable part of a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A prompt of a questions or close stage (index into its prompts).
    Prompt(usize),
    ReviewList,
    /// The note on the review of the selected action.
    ReviewNote,
    /// A rating item: score with ←/→, note with Enter.
    RatingItem(usize),
    ChoiceOptions,
    Rationale,
    Tags,
    ActionList,
    Confidence,
    NextSession,
    PrivateNote,
}

pub fn note_key(stage_id: &str) -> String {
    format!("n/{stage_id}")
}

/// The fields of the current stage, in Tab order.
pub fn fields(live: &Live) -> Vec<FieldKind> {
    let Some(stage) = live.stage_def() else {
        return vec![];
    };
    let mut out = match &stage.kind {
        StageKind::Questions { prompts } => (0..prompts.len()).map(FieldKind::Prompt).collect(),
        StageKind::Review => {
            if live.data.review.is_empty() {
                vec![]
            } else {
                vec![FieldKind::ReviewList, FieldKind::ReviewNote]
            }
        }
        StageKind::Ratings { items, .. } => (0..items.len()).map(FieldKind::RatingItem).collect(),
        StageKind::Choice { tags, .. } => {
            let mut v = vec![FieldKind::ChoiceOptions, FieldKind::Rationale];
            if !tags.is_empty() {
                v.push(FieldKind::Tags);
            }
            v
        }
        StageKind::Actions => vec![FieldKind::ActionList],
        StageKind::Close {
            prompts,
            confidence,
            next_session,
        } => {
            let mut v: Vec<_> = (0..prompts.len()).map(FieldKind::Prompt).collect();
            if confidence.is_some() {
                v.push(FieldKind::Confidence);
            }
            if *next_session {
                v.push(FieldKind::NextSession);
            }
            v
        }
    };
    if live.notes_open && !live.hide_private {
        out.push(FieldKind::PrivateNote);
    }
    out
}

impl FieldKind {
    /// The key of this field's editor, if it has one.
    pub fn editor_key(self, live: &Live) -> Option<String> {
        let stage = live.stage_def()?;
        let sid = &stage.id;
        match (self, &stage.kind) {
            (FieldKind::Prompt(i), StageKind::Questions { prompts })
            | (FieldKind::Prompt(i), StageKind::Close { prompts, .. }) => {
                prompts.get(i).map(|p| format!("a/{sid}/{}", p.id))
            }
            (FieldKind::RatingItem(i), StageKind::Ratings { items, .. }) => {
                items.get(i).map(|it| format!("r/{sid}/{}", it.id))
            }
            (FieldKind::Rationale, _) => Some(format!("c/{sid}")),
            (FieldKind::ReviewNote, _) => live
                .data
                .review
                .get(live.row)
                .map(|(a, _)| format!("v/{}", a.id)),
            (FieldKind::NextSession, _) => Some("d/next".to_owned()),
            (FieldKind::PrivateNote, _) => Some(note_key(sid)),
            _ => None,
        }
    }

    /// Whether focusing this field starts typing straight away.
    pub fn types_directly(self) -> bool {
        matches!(
            self,
            FieldKind::Prompt(_)
                | FieldKind::Rationale
                | FieldKind::NextSession
                | FieldKind::PrivateNote
                | FieldKind::ReviewNote
        )
    }

    /// The saved text an editor starts from.
    pub fn saved_text(self, live: &Live) -> String {
        let rec = &live.data.record;
        let Some(stage) = live.stage_def() else {
            return String::new();
        };
        let sid = stage.id.as_str();
        match (self, &stage.kind) {
            (FieldKind::Prompt(i), StageKind::Questions { prompts })
            | (FieldKind::Prompt(i), StageKind::Close { prompts, .. }) => prompts
                .get(i)
                .and_then(|p| rec.answer(sid, &p.id))
                .unwrap_or_default()
                .to_owned(),
            (FieldKind::RatingItem(i), StageKind::Ratings { items, .. }) => items
                .get(i)
                .and_then(|it| rec.rating(sid, &it.id))
                .map(|r| r.note.clone())
                .unwrap_or_default(),
            (FieldKind::Rationale, _) => rec
                .choice(sid)
                .map(|c| c.rationale.clone())
                .unwrap_or_default(),
            (FieldKind::ReviewNote, _) => live
                .data
                .review
                .get(live.row)
                .and_then(|(_, r)| r.as_ref())
                .map(|r| r.note.clone())
                .unwrap_or_default(),
            (FieldKind::NextSession, _) => rec
                .session
                .next_session
                .map(crate::dates::fmt_date)
                .unwrap_or_default(),
            (FieldKind::PrivateNote, _) => rec
                .note(sid, Visibility::Private)
                .map(|n| n.text.clone())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// The store write for this field's editor text as it is now.
    pub fn write_for_editor(self, live: &Live) -> Option<Write> {
        let key = self.editor_key(live)?;
        let text = live.editor_text(&key)?;
        let stage = live.stage_def()?;
        let session = live.session_id().to_owned();
        let sid = stage.id.clone();
        match (self, &stage.kind) {
            (FieldKind::Prompt(i), StageKind::Questions { prompts })
            | (FieldKind::Prompt(i), StageKind::Close { prompts, .. }) => Some(Write::Answer {
                session,
                stage: sid,
                prompt: prompts.get(i)?.id.clone(),
                text,
            }),
            (FieldKind::RatingItem(i), StageKind::Ratings { items, .. }) => {
                let item = items.get(i)?;
                let score = live
                    .data
                    .record
                    .rating(&sid, &item.id)
                    .and_then(|r| r.score);
                Some(Write::Rating {
                    session,
                    rating: Rating {
                        stage_id: sid,
                        item_id: item.id.clone(),
                        score,
                        note: text,
                    },
                })
            }
            (FieldKind::Rationale, _) => {
                let mut choice = live.data.record.choice(&sid).cloned().unwrap_or(Choice {
                    stage_id: sid.clone(),
                    option_id: None,
                    rationale: String::new(),
                    tags: vec![],
                });
                choice.rationale = text;
                Some(Write::Choice { session, choice })
            }
            (FieldKind::ReviewNote, _) => {
                let (action, review) = live.data.review.get(live.row)?;
                let outcome = review
                    .as_ref()
                    .map(|r| r.outcome)
                    .unwrap_or(ReviewOutcome::Carried);
                if review.is_none() && text.trim().is_empty() {
                    return None;
                }
                Some(Write::Review {
                    action: action.id.clone(),
                    session,
                    outcome,
                    note: text,
                    at: live.last_tick,
                })
            }
            (FieldKind::NextSession, _) => {
                let today = crate::dates::local_date(live.last_tick);
                let date = crate::dates::parse_due(&text, today).ok()?;
                Some(Write::NextSession { session, date })
            }
            (FieldKind::PrivateNote, _) => Some(Write::Note {
                session,
                stage: sid,
                visibility: Visibility::Private,
                text,
            }),
            _ => None,
        }
    }
}
