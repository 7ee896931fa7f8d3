//! The live session screen: its state here; focus, keys and drawing in `session/`.
//!
//! The input contract (docs/keys.md): every focusable element is a *text
//! field* (printable keys type into it) or a *control* (a score, an option,
//! a tag, a review item, an action) whose printable keys do what it shows;
//! other printable keys type into the control's own note, or are ignored
//! with a hint. Text typed in the private-notes pane only ever becomes a
//! private note.

mod card;
mod draw;
mod external;
pub mod focus;
mod goals;
mod progress;
mod rows;
mod status;
mod topics;
mod typing;
mod update;
mod values;

use crate::model::ActionId;
use std::collections::{BTreeSet, HashMap};

use ratatui::style::Style;
use ratatui_textarea::TextArea;

pub use draw::draw;
pub use focus::{EditorKey, Element};
pub use progress::{StageProgress, missing_parts};
pub use status::hints;

use crate::guide::Stage;
use crate::model::{Action, ActionStatus, SessionId, Visibility};
use crate::tui::effect::{Effect, SessionData, Write};
use crate::tui::form::Form;
use crate::tui::keymap::Context;
use crate::tui::msg::Env;

/// The live session screen's state.
pub struct Session {
    pub data: SessionData,
    /// Index of the stage on screen.
    pub stage: usize,
    /// Index of the focused element in [`Session::elements`].
    pub focus: usize,
    /// Typing goes into the focused control's note (a rating's, a review's).
    pub note_open: bool,
    /// The private-notes pane is shown.
    pub pane_open: bool,
    /// The pane has the keys: typing can only become a private note.
    pub in_pane: bool,
    /// Editors by what they edit, created when their stage is shown.
    pub editors: HashMap<EditorKey, TextArea<'static>>,
    /// Each editor's text as last read from or written to the store: a
    /// save writes only editors that differ from it, so a window that did
    /// not change a field never overwrites what another window saved there.
    pub saved: HashMap<EditorKey, String>,
    /// A problem with the field being typed (a date that is not one).
    pub field_error: Option<String>,
    /// Stages whose intro the coach has folded away.
    pub intro_folded: BTreeSet<String>,
    /// Esc was pressed once: a second one leaves the session.
    pub esc_armed: bool,
    /// Share-safe just closed the private note with the keys on a control
    /// whose letters change it: letters are only explained, since they were
    /// most likely meant for the note, until another key is pressed.
    pub guard_letter: bool,
    /// Stages whose timebox ran out and already rang the bell.
    pub rang: BTreeSet<String>,
    /// Another window edits this session: this one reads only.
    pub read_only: Option<crate::store::Holder>,
    /// The last key typed was Enter (see CRLF in `update`).
    pub after_cr: bool,
    /// Review marks made in this visit, newest last: the action and the
    /// review it replaced, for Ctrl-z.
    pub review_undo: Vec<(ActionId, Option<crate::model::ActionReview>)>,
    /// The field whose text is open in the coach's own editor (Ctrl-e).
    pub editing_outside: Option<EditorKey>,
}

/// A multi-line editor holding `text`, cursor at the end.
pub fn text_editor(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_owned).collect()
    };
    let mut t = TextArea::new(lines);
    t.set_cursor_line_style(Style::new());
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

impl Session {
    pub fn new(data: SessionData) -> Self {
        let stage = data
            .record
            .session
            .current_stage
            .min(data.record.session.guide.stages.len().saturating_sub(1));
        let field = data.record.session.current_field;
        let mut s = Self {
            data,
            stage,
            focus: 0,
            note_open: false,
            pane_open: false,
            in_pane: false,
            editors: HashMap::new(),
            saved: HashMap::new(),
            field_error: None,
            intro_folded: BTreeSet::new(),
            esc_armed: false,
            guard_letter: false,
            rang: BTreeSet::new(),
            read_only: None,
            after_cr: false,
            review_undo: Vec::new(),
            editing_outside: None,
        };
        s.read_only = s.data.holder.take();
        s.enter_stage(stage);
        s.focus = field.min(s.elements().len().saturating_sub(1));
        s
    }

    pub fn stage_def(&self) -> Option<&Stage> {
        self.data.record.session.guide.stages.get(self.stage)
    }

    pub fn stage_count(&self) -> usize {
        self.data.record.session.guide.stages.len()
    }

    pub fn session_id(&self) -> &SessionId {
        &self.data.record.session.id
    }

    /// A finished session opened to correct it: it stays finished, its
    /// time is not counted again, and every change is dated.
    pub fn correcting(&self) -> bool {
        self.data.record.session.status == crate::model::SessionStatus::Completed
    }

    /// The focusable elements of the current stage, in reading order.
    pub fn elements(&self) -> Vec<Element> {
        self.stage_def()
            .map(|s| focus::elements(s, self))
            .unwrap_or_default()
    }

    /// The focused element of the stage card (also while the pane has the keys).
    pub fn focused(&self) -> Option<Element> {
        self.elements().get(self.focus).copied()
    }

    /// The editor that printable keys type into now, if any.
    pub fn typing_into(&self) -> Option<EditorKey> {
        if self.read_only.is_some() {
            return None;
        }
        if self.in_pane {
            return self.private_key();
        }
        let el = self.focused()?;
        if el.is_text() || self.note_open {
            return el.editor_key(self);
        }
        None
    }

    /// The keymap context for what has the focus.
    pub fn context(&self) -> Context {
        if self.read_only.is_some() {
            return Context::SessionReadOnly;
        }
        if self.in_pane {
            return Context::SessionPane;
        }
        match self.focused() {
            None => Context::SessionEmpty,
            Some(Element::NextSession) => Context::SessionLine,
            Some(e) if e.is_text() => Context::SessionText,
            Some(_) if self.note_open => Context::SessionNote,
            Some(Element::Rating(_)) => Context::SessionRating,
            Some(Element::Confidence) => Context::SessionConfidence,
            Some(Element::Review(_)) => Context::SessionReview,
            Some(Element::Topic(_)) => Context::SessionTopic,
            Some(Element::Goal(_)) if self.goals_shown_only() => Context::SessionEmpty,
            Some(Element::Goal(_)) => Context::SessionGoal,
            Some(Element::AddGoal) => Context::SessionAddGoal,
            Some(Element::Option(_)) => Context::SessionOption,
            Some(Element::Tag(_)) => Context::SessionTag,
            Some(Element::Action(_)) => Context::SessionAction,
            Some(_) => Context::SessionAddAction,
        }
    }

    /// The stage shows goals without changing them (a check-in).
    pub fn goals_shown_only(&self) -> bool {
        matches!(
            self.stage_def().map(|s| &s.kind),
            Some(crate::guide::StageKind::Goals { read_only: true })
        )
    }

    /// Moves to stage `i`, focus on its first element.
    pub fn enter_stage(&mut self, i: usize) {
        self.stage = i.min(self.stage_count().saturating_sub(1));
        self.focus = 0;
        self.note_open = false;
        self.in_pane = false;
        self.field_error = None;
        self.ensure_editors();
    }

    /// The editors of the current stage: its elements' and its private note.
    fn stage_editor_keys(&self) -> Vec<EditorKey> {
        let mut keys: Vec<EditorKey> = self
            .elements()
            .iter()
            .filter_map(|e| e.editor_key(self))
            .collect();
        keys.extend(self.private_key());
        keys
    }

    /// Creates the editors of the current stage from the saved data.
    pub fn ensure_editors(&mut self) {
        let keys = self.stage_editor_keys();
        for key in keys {
            if !self.editors.contains_key(&key) {
                let text = key.saved_text(self);
                let editor = if key == EditorKey::NextSession {
                    crate::tui::form::line_editor(&text)
                } else {
                    text_editor(&text)
                };
                self.editors.insert(key.clone(), editor);
                self.saved.insert(key, text);
            }
        }
    }

    /// The private note editor of the current stage.
    pub fn private_key(&self) -> Option<EditorKey> {
        self.stage_def().map(|s| EditorKey::PrivateNote {
            stage: s.id.clone(),
        })
    }

    /// The text of an editor, lines joined.
    pub fn editor_text(&self, key: &EditorKey) -> Option<String> {
        self.editors.get(key).map(|t| t.lines().join("\n"))
    }

    /// Saves for the editors of this stage whose text changed since it was
    /// last read or saved; untouched ones write nothing.
    pub fn flush_editors(&mut self, env: &Env) -> Vec<Effect> {
        if self.read_only.is_some() {
            return vec![];
        }
        let keys = self.stage_editor_keys();
        let mut out = Vec::new();
        for k in keys {
            if let Some(w) = self.changed_write(&k, env) {
                out.push(Effect::Save(w));
            }
        }
        out
    }

    /// The write for editor `k` if its text differs from what was last
    /// saved, marking it saved.
    pub fn changed_write(&mut self, k: &EditorKey, env: &Env) -> Option<Write> {
        let text = self.editor_text(k)?;
        if self.saved.get(k) == Some(&text) {
            return None;
        }
        let w = k.write(self, env)?;
        self.saved.insert(k.clone(), text);
        Some(w)
    }

    /// The session's position and time, to save.
    pub fn progress_write(&self) -> Effect {
        let s = &self.data.record.session;
        Effect::Save(Write::Progress {
            session: s.id.clone(),
            stage: self.stage,
            field: self.focus,
            seconds: s.stage_seconds.clone(),
            done: s.done_stages.clone(),
        })
    }

    /// Everything to save before leaving: editors, position, then to disk.
    pub fn leave_effects(&mut self, env: &Env) -> Vec<Effect> {
        if self.read_only.is_some() {
            return vec![];
        }
        let mut effects = self.flush_editors(env);
        effects.push(self.progress_write());
        effects.push(Effect::Durable);
        effects
    }

    /// Who holds the session, in words, for the banner and messages.
    pub fn holder_text(&self) -> Option<String> {
        let h = self.read_only.as_ref()?;
        let since = crate::dates::fmt_datetime(h.since);
        Some(if h.pid == 0 {
            format!(
                "Read-only: {} took this session over. Ctrl-k takes it back.",
                h.host
            )
        } else {
            format!(
                "Read-only: this session is open in another window (process {} on {}, since {since}). Ctrl-k takes it over.",
                h.pid, h.host
            )
        })
    }

    /// Seconds spent on the current stage.
    pub fn stage_seconds(&self) -> i64 {
        self.stage_def()
            .and_then(|s| self.data.record.session.stage_seconds.get(&s.id))
            .copied()
            .unwrap_or(0)
    }

    /// The guide's planned length: the sum of its timeboxes, in minutes.
    pub fn planned_minutes(&self) -> i64 {
        self.data
            .record
            .session
            .guide
            .stages
            .iter()
            .filter_map(|s| s.timebox)
            .sum()
    }

    /// Links an action can have: the guide's rating items and choice options.
    pub fn link_options(&self) -> Vec<(crate::model::ActionLink, String)> {
        crate::tui::form::link_options(&self.data.record.session.guide)
    }

    /// Applies the action form: adds or updates the action and saves it.
    pub fn apply_action_form(&mut self, form: &Form, env: &Env) -> Vec<Effect> {
        let due = crate::dates::parse_due(&form.value(Form::ACTION_DUE), env.today)
            .ok()
            .flatten();
        let owner = match form.value(Form::ACTION_OWNER) {
            o if o.is_empty() => "coachee".to_owned(),
            o => o,
        };
        let link = form
            .selected(Form::ACTION_LINK)
            .and_then(|l| crate::model::ActionLink::parse(&l));
        let index = match &form.kind {
            crate::tui::form::FormKind::Action { index } => *index,
            _ => None,
        };
        let rec = &mut self.data.record;
        if let Some(a) = index.and_then(|i| rec.actions.get_mut(i)) {
            a.text = form.value(Form::ACTION_TEXT);
            a.owner = owner;
            a.due = due;
            a.link = link;
            return vec![Effect::Save(Write::UpdateAction(a.clone()))];
        }
        let a = Action {
            id: ActionId::random(),
            session_id: rec.session.id.clone(),
            coachee_id: rec.coachee.id.clone(),
            text: form.value(Form::ACTION_TEXT),
            owner,
            due,
            status: ActionStatus::Open,
            completed_on: None,
            link,
            created_at: env.now,
        };
        rec.actions.push(a.clone());
        // The focus stays on "+ Add an action", now below the new one, as a
        // spreadsheet moves to the next empty row: typing starts the next.
        if let Some(i) = self
            .elements()
            .iter()
            .position(|e| *e == Element::AddAction)
        {
            self.focus = i;
        }
        vec![Effect::Save(Write::AddAction(a))]
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
                a.link.as_ref(),
            ),
            None => Form::action(None, "", "", "", links, None),
        }
    }

    pub fn delete_action(&mut self, i: usize) -> Vec<Effect> {
        if i >= self.data.record.actions.len() {
            return vec![];
        }
        let a = self.data.record.actions.remove(i);
        self.focus = self.focus.min(self.elements().len().saturating_sub(1));
        vec![Effect::Save(Write::DeleteAction(a.id))]
    }

    /// Whether the private note of `stage_id` holds text.
    pub fn has_private_note(&self, stage_id: &str) -> bool {
        let key = EditorKey::PrivateNote {
            stage: stage_id.to_owned(),
        };
        self.editor_text(&key).map_or_else(
            || {
                self.data
                    .record
                    .note(stage_id, Visibility::Private)
                    .is_some_and(|n| !n.text.is_empty())
            },
            |t| !t.trim().is_empty(),
        )
    }

    /// The answer to a prompt as typed (or saved).
    pub fn answer_text(&self, stage: &str, prompt: &str) -> String {
        let key = EditorKey::Answer {
            stage: stage.to_owned(),
            prompt: prompt.to_owned(),
        };
        self.editor_text(&key)
            .or_else(|| self.data.record.answer(stage, prompt).map(str::to_owned))
            .unwrap_or_default()
    }
}
