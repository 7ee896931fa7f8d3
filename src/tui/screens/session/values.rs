//! Changing a control's value: the choice and its tags, scores, review
//! marks; and keeping the on-screen record in step with each write.

use super::{EditorKey, Element, Session};
use crate::guide::StageKind;
use crate::model::{ActionReview, Choice, Rating, ReviewOutcome};
use crate::tui::effect::{Effect, Write};
use crate::tui::msg::{Env, Msg};

impl Session {
    /// Keeps the in-memory record in step with a write, so that what the
    /// stage shows (scores, choice, review marks) is what was saved.
    pub(super) fn sync_record(&mut self, w: &Write) {
        if matches!(
            w,
            Write::AddGoal(_) | Write::UpdateGoal(_) | Write::GoalUpdate { .. }
        ) {
            self.sync_goal(w);
            return;
        }
        let rec = &mut self.data.record;
        match w {
            Write::Rating { rating, .. } => {
                match rec
                    .ratings
                    .iter_mut()
                    .find(|r| r.stage_id == rating.stage_id && r.item_id == rating.item_id)
                {
                    Some(r) => *r = rating.clone(),
                    None => rec.ratings.push(rating.clone()),
                }
            }
            Write::Choice { choice, .. } => {
                match rec
                    .choices
                    .iter_mut()
                    .find(|c| c.stage_id == choice.stage_id)
                {
                    Some(c) => *c = choice.clone(),
                    None => rec.choices.push(choice.clone()),
                }
            }
            Write::NextSession { date, .. } => rec.session.next_session = *date,
            Write::Review {
                action,
                session,
                outcome,
                note,
                at,
            } => {
                if let Some((_, r)) = self.data.review.iter_mut().find(|(a, _)| a.id == *action) {
                    *r = Some(ActionReview {
                        id: r.as_ref().map(|r| r.id.clone()).unwrap_or_default(),
                        action_id: action.clone(),
                        session_id: Some(session.clone()),
                        outcome: *outcome,
                        note: note.clone(),
                        at: *at,
                    });
                }
            }
            Write::TopicReview { topic, outcome, .. } => {
                if let Some((_, o)) = self.data.topics.iter_mut().find(|(t, _)| t.id == *topic) {
                    *o = *outcome;
                }
            }
            Write::Unreview { action, .. } => {
                if let Some((_, r)) = self.data.review.iter_mut().find(|(a, _)| a.id == *action) {
                    *r = None;
                }
            }
            _ => {}
        }
    }

    fn current_choice(&self) -> Option<Choice> {
        let stage = self.stage_def()?;
        let mut c = self
            .data
            .record
            .choice(&stage.id)
            .cloned()
            .unwrap_or(Choice {
                stage_id: stage.id.clone(),
                option_id: None,
                rationale: String::new(),
                tags: vec![],
            });
        // The rationale as typed, not as last saved.
        if let Some(text) = self.editor_text(&EditorKey::Rationale {
            stage: stage.id.clone(),
        }) {
            c.rationale = text;
        }
        Some(c)
    }

    fn save_choice(&mut self, choice: Choice) -> Vec<Msg> {
        let w = Write::Choice {
            session: self.session_id().to_owned(),
            choice,
        };
        self.sync_record(&w);
        vec![Msg::Effect(Effect::Save(w))]
    }

    pub(super) fn pick_option(&mut self, i: usize) -> Vec<Msg> {
        let Some(StageKind::Choice { options, .. }) = self.stage_def().map(|s| &s.kind) else {
            return vec![];
        };
        let Some(opt) = options.get(i).map(|o| o.id.clone()) else {
            return vec![];
        };
        let Some(mut choice) = self.current_choice() else {
            return vec![];
        };
        choice.option_id = Some(opt);
        self.save_choice(choice)
    }

    pub(super) fn toggle_tag(&mut self, i: usize) -> Vec<Msg> {
        let Some(StageKind::Choice { tags, .. }) = self.stage_def().map(|s| &s.kind) else {
            return vec![];
        };
        let Some(tag) = tags.get(i).map(|t| t.id.clone()) else {
            return vec![];
        };
        let Some(mut choice) = self.current_choice() else {
            return vec![];
        };
        if let Some(pos) = choice.tags.iter().position(|t| *t == tag) {
            choice.tags.remove(pos);
        } else {
            choice.tags.push(tag);
        }
        self.save_choice(choice)
    }

    /// The (stage id, item id, scale) of a score element.
    fn score_target(&self, el: Element) -> Option<(String, String, crate::guide::Scale)> {
        let stage = self.stage_def()?;
        match (el, &stage.kind) {
            (Element::Rating(i), StageKind::Ratings { items, scale }) => {
                let it = items.get(i)?;
                Some((stage.id.clone(), it.id.clone(), it.scale_or(*scale)))
            }
            (Element::Confidence, StageKind::Close { confidence, .. }) => {
                let c = confidence.as_ref()?;
                Some((
                    stage.id.clone(),
                    c.id.clone(),
                    c.scale_or(crate::guide::Scale::default()),
                ))
            }
            _ => None,
        }
    }

    pub(super) fn nudge_score(&mut self, el: Element, delta: i64) -> Vec<Msg> {
        let Some((stage, item, scale)) = self.score_target(el) else {
            return vec![];
        };
        let current = self.data.record.rating(&stage, &item).and_then(|r| r.score);
        let next = match current {
            // The first press starts from the previous session's score, if any.
            None => self
                .data
                .previous
                .get(&item)
                .copied()
                .unwrap_or(i64::midpoint(scale.min, scale.max)),
            Some(s) => s + delta,
        };
        self.set_score(el, next)
    }

    /// The score the coachee prepared for the focused center, if any.
    pub(super) fn prepared_score(&self, el: Element) -> Option<i64> {
        let (_, item, _) = self.score_target(el)?;
        self.data.prep.as_ref()?.center(&item)?.score
    }

    /// Ctrl-y on a center: the coachee's prepared score becomes the
    /// session's, as if typed.
    pub(super) fn take_prepared(&mut self, el: Element) -> Vec<Msg> {
        match self.prepared_score(el) {
            Some(score) => self.set_score(el, score),
            None => vec![Msg::Say(
                "The coachee prepared no score for this center".to_owned(),
            )],
        }
    }

    pub(super) fn set_score(&mut self, el: Element, score: i64) -> Vec<Msg> {
        let Some((stage, item, scale)) = self.score_target(el) else {
            return vec![];
        };
        let score = score.clamp(scale.min, scale.max);
        let note_key = EditorKey::RatingNote {
            stage: stage.clone(),
            item: item.clone(),
        };
        let note = self
            .editor_text(&note_key)
            .or_else(|| {
                self.data
                    .record
                    .rating(&stage, &item)
                    .map(|r| r.note.clone())
            })
            .unwrap_or_default();
        let w = Write::Rating {
            session: self.session_id().to_owned(),
            rating: Rating {
                stage_id: stage,
                item_id: item,
                score: Some(score),
                note,
            },
        };
        self.sync_record(&w);
        vec![Msg::Effect(Effect::Save(w))]
    }

    pub(super) fn review(&mut self, outcome: ReviewOutcome, env: &Env) -> Vec<Msg> {
        let Some(Element::Review(i)) = self.focused() else {
            return vec![];
        };
        let Some((action, before)) = self.data.review.get(i) else {
            return vec![];
        };
        let undo = (action.id.clone(), before.clone());
        let note = self
            .editor_text(&EditorKey::ReviewNote {
                action: action.id.clone(),
            })
            .unwrap_or_default();
        let w = Write::Review {
            action: action.id.clone(),
            session: self.session_id().to_owned(),
            outcome,
            note,
            at: env.now,
        };
        self.sync_record(&w);
        self.review_undo.push(undo);
        vec![Msg::Effect(Effect::Save(w))]
    }

    /// Ctrl-z: takes back the last review mark made in this visit, back to
    /// the review it replaced (or to none).
    pub(super) fn undo_review(&mut self, env: &Env) -> Vec<Msg> {
        let Some((action, before)) = self.review_undo.pop() else {
            return vec![Msg::Say(
                "Nothing to undo: Ctrl-z takes back review marks made in this visit".to_owned(),
            )];
        };
        let text = self
            .data
            .review
            .iter()
            .find(|(a, _)| a.id == action)
            .map(|(a, _)| a.text.clone())
            .unwrap_or_default();
        let session = self.session_id().to_owned();
        // Only the mark is taken back: the note as it is on screen stays,
        // with whatever was typed into it since the mark.
        let note = self
            .editor_text(&EditorKey::ReviewNote {
                action: action.clone(),
            })
            .unwrap_or_default();
        let (w, said) = match &before {
            Some(r) => (
                Write::Review {
                    action,
                    session,
                    outcome: r.outcome,
                    note,
                    at: r.at,
                },
                format!("Undone: {text} is marked {} again", r.outcome.as_str()),
            ),
            None if note.trim().is_empty() => (
                Write::Unreview { action, session },
                format!("Undone: {text} is not reviewed in this session"),
            ),
            // A note keeps an action open, as carried over, as when typed
            // on an action not marked yet.
            None => (
                Write::Review {
                    action,
                    session,
                    outcome: ReviewOutcome::Carried,
                    note,
                    at: env.now,
                },
                format!("Undone: the mark on {text}; its note keeps it carried over"),
            ),
        };
        // What was typed is saved first, so the mark taken back is the last word.
        let mut out = crate::tui::msg::effects(self.flush_editors(env));
        self.sync_record(&w);
        out.push(Msg::Effect(Effect::Save(w)));
        out.push(Msg::Say(said));
        out
    }
}
