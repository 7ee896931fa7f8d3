//! The live session: what is on screen while a coach runs a session.
//!
//! `Live` holds the session's data, the editors and the focus; `update.rs`
//! turns keys into changes and saves; `fields.rs` knows each stage's fields.

pub mod fields;
pub mod update;

use std::collections::HashMap;

use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};
use time::OffsetDateTime;

use super::effect::{Effect, SessionData, Write};
use super::form::Form;
use super::keymap::Context;
use crate::guide::{Stage, StageKind};
use crate::model::{Action, ActionStatus, Visibility};
use fields::FieldKind;

/// The live session screen's state.
pub struct Live {
    pub data: SessionData,
    /// Index of the stage on screen.
    pub stage: usize,
    /// Focused field within the stage (see `fields::fields`).
    pub field: usize,
    /// Keys go to the focused editor.
    pub editing: bool,
    pub notes_open: bool,
    /// Selected row in review/actions lists, choice options or tags.
    pub row: usize,
    /// Editors by key (`fields::EditorKey`), created when first shown.
    pub editors: HashMap<String, TextArea<'static>>,
    pub last_tick: OffsetDateTime,
    /// A problem with the field being typed (e.g. a date that is not one).
    pub field_error: Option<String>,
    /// Share-safe mode: the private notes pane is neither shown nor focusable.
    pub hide_private: bool,
    /// The field focused before the notes pane took the focus: what a resume returns to.
    pub main_field: usize,
}

/// A multi-line answer editor holding `text`.
pub fn answer_editor(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_owned).collect()
    };
    let mut t = TextArea::new(lines);
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.set_cursor_line_style(Style::new());
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

impl Live {
    pub fn new(data: SessionData, now: OffsetDateTime) -> Self {
        let stage = data
            .record
            .session
            .current_stage
            .min(data.record.session.guide.stages.len().saturating_sub(1));
        let field = data.record.session.current_field;
        let mut live = Self {
            data,
            stage,
            field: 0,
            editing: false,
            notes_open: false,
            row: 0,
            editors: HashMap::new(),
            last_tick: now,
            field_error: None,
            hide_private: false,
            main_field: 0,
        };
        live.enter_stage(stage);
        live.field = field.min(live.field_count().saturating_sub(1));
        live.main_field = live.field;
        live.editing = live.focused_is_text();
        live
    }

    pub fn stage_def(&self) -> Option<&Stage> {
        self.data.record.session.guide.stages.get(self.stage)
    }

    pub fn stage_count(&self) -> usize {
        self.data.record.session.guide.stages.len()
    }

    pub fn session_id(&self) -> &str {
        &self.data.record.session.id
    }

    /// The keymap context for the current stage and mode.
    pub fn context(&self) -> Context {
        if self.editing {
            return Context::SessionEdit;
        }
        match self.stage_def().map(|s| &s.kind) {
            Some(StageKind::Review) => Context::SessionReview,
            Some(StageKind::Ratings { .. }) => Context::SessionRatings,
            Some(StageKind::Choice { .. }) => Context::SessionChoice,
            Some(StageKind::Actions) => Context::SessionActions,
            Some(StageKind::Close { .. }) => Context::SessionClose,
            _ => Context::SessionQuestions,
        }
    }

    /// Moves to stage `i`: focus on its first field, typing if it is text.
    pub fn enter_stage(&mut self, i: usize) {
        self.stage = i.min(self.stage_count().saturating_sub(1));
        self.field = 0;
        self.main_field = 0;
        self.row = 0;
        self.field_error = None;
        self.ensure_editors();
        self.editing = self.focused_is_text();
    }

    pub fn field_count(&self) -> usize {
        fields::fields(self).len()
    }

    pub fn focused(&self) -> Option<FieldKind> {
        fields::fields(self).into_iter().nth(self.field)
    }

    pub fn focused_is_text(&self) -> bool {
        self.focused()
            .is_some_and(|f| f.types_directly() && f.editor_key(self).is_some())
    }

    /// Creates the editors of the current stage from the saved data.
    pub fn ensure_editors(&mut self) {
        for f in fields::fields(self) {
            if let Some(key) = f.editor_key(self)
                && !self.editors.contains_key(&key)
            {
                let text = f.saved_text(self);
                let editor = if matches!(f, FieldKind::NextSession) {
                    super::form::line_editor(&text)
                } else {
                    answer_editor(&text)
                };
                self.editors.insert(key, editor);
            }
        }
    }

    /// The text of an editor, lines joined.
    pub fn editor_text(&self, key: &str) -> Option<String> {
        self.editors.get(key).map(|t| t.lines().join("\n"))
    }

    /// Saves for every editor of this stage (they may hold unsaved typing).
    pub fn flush_editors(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        for f in fields::fields(self) {
            if f.editor_key(self).is_some()
                && let Some(w) = f.write_for_editor(self)
            {
                effects.push(Effect::Save(w));
            }
        }
        effects
    }

    /// The session's position and time, to save.
    pub fn progress_write(&self) -> Effect {
        let s = &self.data.record.session;
        // The notes pane is closed on resume, so resume on the field before it.
        let field = if self.focused() == Some(FieldKind::PrivateNote) {
            self.main_field
        } else {
            self.field
        };
        Effect::Save(Write::Progress {
            session: s.id.clone(),
            stage: self.stage,
            field,
            seconds: s.stage_seconds.clone(),
            done: s.done_stages.clone(),
        })
    }

    /// Adds the time since the last tick to the current stage.
    pub fn tick(&mut self, now: OffsetDateTime) -> Vec<Effect> {
        let delta = (now - self.last_tick).whole_seconds();
        self.last_tick = now;
        // A suspended laptop or a stopped process should not count as coaching.
        if !(1..=10).contains(&delta) {
            return vec![];
        }
        let Some(id) = self.stage_def().map(|s| s.id.clone()) else {
            return vec![];
        };
        *self
            .data
            .record
            .session
            .stage_seconds
            .entry(id)
            .or_insert(0) += delta;
        vec![self.progress_write()]
    }

    /// Seconds spent on the current stage.
    pub fn stage_seconds(&self) -> i64 {
        self.stage_def()
            .and_then(|s| self.data.record.session.stage_seconds.get(&s.id))
            .copied()
            .unwrap_or(0)
    }

    /// Links an action can have: the guide's rating items and choice options.
    pub fn link_options(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for st in &self.data.record.session.guide.stages {
            match &st.kind {
                StageKind::Ratings { items, .. } => {
                    out.extend(
                        items
                            .iter()
                            .map(|i| (format!("center:{}", i.id), i.label.clone())),
                    );
                }
                StageKind::Choice { options, .. } => {
                    out.extend(
                        options
                            .iter()
                            .map(|o| (format!("pathway:{}", o.id), o.label.clone())),
                    );
                }
                _ => {}
            }
        }
        out
    }

    /// Applies the action form: adds or updates the action and saves it.
    pub fn apply_action_form(&mut self, form: &Form, now: OffsetDateTime) -> Vec<Effect> {
        let today = crate::dates::local_date(now);
        let due = crate::dates::parse_due(&form.value(2), today)
            .ok()
            .flatten();
        let owner = match form.value(1) {
            o if o.is_empty() => "coachee".to_owned(),
            o => o,
        };
        let link = form.selected(3);
        let index = match &form.kind {
            super::form::FormKind::Action { index } => *index,
            _ => None,
        };
        let rec = &mut self.data.record;
        match index.and_then(|i| rec.actions.get_mut(i)) {
            Some(a) => {
                a.text = form.value(0);
                a.owner = owner;
                a.due = due;
                a.link = link;
                vec![Effect::Save(Write::UpdateAction(a.clone()))]
            }
            None => {
                let a = Action {
                    id: crate::model::new_id(),
                    session_id: rec.session.id.clone(),
                    coachee_id: rec.coachee.id.clone(),
                    text: form.value(0),
                    owner,
                    due,
                    status: ActionStatus::Open,
                    completed_on: None,
                    link,
                    created_at: now,
                };
                rec.actions.push(a.clone());
                self.row = rec.actions.len() - 1;
                vec![Effect::Save(Write::AddAction(a))]
            }
        }
    }

    /// The form to edit action `i` (or add one when `None`).
    pub fn action_form(&self, i: Option<usize>) -> Form {
        let links = self.link_options();
        match i.and_then(|i| self.data.record.actions.get(i)) {
            Some(a) => Form::action(
                i,
                &a.text,
                &a.owner,
                &a.due.map(crate::dates::fmt_date).unwrap_or_default(),
                links,
                a.link.as_deref(),
            ),
            None => Form::action(None, "", "", "", links, None),
        }
    }

    pub fn delete_action(&mut self, i: usize) -> Vec<Effect> {
        if i >= self.data.record.actions.len() {
            return vec![];
        }
        let a = self.data.record.actions.remove(i);
        self.row = self
            .row
            .min(self.data.record.actions.len().saturating_sub(1));
        vec![Effect::Save(Write::DeleteAction(a.id))]
    }

    /// The private note of the current stage, as typed.
    pub fn private_note_key(&self) -> Option<String> {
        self.stage_def().map(|s| fields::note_key(&s.id))
    }

    /// Whether the private note editor of this stage holds text.
    pub fn has_private_note(&self, stage_id: &str) -> bool {
        self.editor_text(&fields::note_key(stage_id))
            .map(|t| !t.trim().is_empty())
            .unwrap_or_else(|| {
                self.data
                    .record
                    .note(stage_id, Visibility::Private)
                    .is_some_and(|n| !n.text.is_empty())
            })
    }
}

/// What is still empty, stage by stage, to mention before finishing.
pub fn missing_parts(live: &Live) -> Vec<String> {
    let rec = &live.data.record;
    let answered = |stage: &str, prompt: &str| -> bool {
        live.editor_text(&format!("a/{stage}/{prompt}"))
            .or_else(|| rec.answer(stage, prompt).map(str::to_owned))
            .is_some_and(|t| !t.trim().is_empty())
    };
    let mut out = Vec::new();
    for st in &rec.session.guide.stages {
        match &st.kind {
            StageKind::Questions { prompts } => {
                let empty = prompts.iter().filter(|p| !answered(&st.id, &p.id)).count();
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
            StageKind::Review => {
                let open = live.data.review.iter().filter(|(_, r)| r.is_none()).count();
                if open > 0 {
                    out.push(format!("{}: {open} not reviewed", st.title));
                }
            }
            StageKind::Close { prompts, .. } => {
                if let Some(p) = prompts.first()
                    && !answered(&st.id, &p.id)
                {
                    out.push(format!("{}: {} is empty", st.title, p.text));
                }
            }
        }
    }
    out
}
