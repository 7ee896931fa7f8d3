//! Keys on the live session screen: one input contract, messages out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{EditorKey, Element, Session};
use crate::guide::StageKind;
use crate::model::{GoalStatus, ReviewOutcome, TopicOutcome};
use crate::tui::effect::Effect;
use crate::tui::keymap::Cmd;
use crate::tui::msg::{Env, Msg, effects};
use crate::tui::popup::{OnYes, Popup};

/// A printable key: what types text (Shift is part of the character).
pub fn is_printable(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key.modifiers.contains(KeyModifiers::CONTROL)
        && !key.modifiers.contains(KeyModifiers::ALT)
}

impl Session {
    /// A key on the session screen (no popup open). `cmd` is what the
    /// keymap makes of it in [`Session::context`].
    pub fn update(&mut self, cmd: Option<Cmd>, key: KeyEvent, env: &Env) -> Vec<Msg> {
        if self.read_only.is_some() {
            return self.update_read_only(cmd);
        }
        let armed = std::mem::take(&mut self.esc_armed);
        // Letters typed on after share-safe closed the note were meant for
        // it: they change nothing until another key shows the coach is here.
        if self.guard_letter {
            if is_printable(&key) {
                return vec![Msg::Say(format!(
                    "Not typed: letters change {} here. Press ↑/↓, Tab or Esc first, then the letter",
                    self.focus_name()
                ))];
            }
            self.guard_letter = false;
        }
        match cmd {
            Some(Cmd::Quit) => return vec![Msg::Quit],
            Some(Cmd::Finish) => return self.ask_finish(env),
            Some(Cmd::NextStage) => return self.change_stage(1, env),
            Some(Cmd::PrevStage) => return self.change_stage(-1, env),
            Some(Cmd::SaveNow) => {
                let mut m = effects(self.leave_effects(env));
                m.push(Msg::Say("Saved".to_owned()));
                return m;
            }
            Some(Cmd::Search) => {
                let mut m = effects(self.leave_effects(env));
                m.push(Msg::Search);
                return m;
            }
            Some(Cmd::ToggleNotes) => return self.toggle_pane(env),
            Some(Cmd::ToggleIntro) => return self.toggle_intro(),
            Some(Cmd::Undo) => return self.undo_review(env),
            Some(Cmd::EditOutside) => return self.external_edit(),
            Some(Cmd::ParkTopic) => {
                let c = &self.data.record.coachee;
                return vec![Msg::Popup(crate::tui::topic_form::popup(
                    &c.id,
                    &c.name,
                    Some(self.session_id()),
                ))];
            }
            Some(Cmd::Back) => return self.back(armed, env),
            Some(Cmd::NextField) if self.in_pane => {
                return vec![Msg::Say(format!(
                    "Tab stays in the private note. Esc or Ctrl-o goes back to {}",
                    self.focus_name()
                ))];
            }
            Some(Cmd::NextField) => return self.move_focus(1, env),
            Some(Cmd::PrevField) => return self.move_focus(-1, env),
            _ => {}
        }
        if let Some(editor) = self.typing_into() {
            return self.type_key(&editor, cmd, key, env);
        }
        let Some(el) = self.focused() else {
            return self.ignored(key);
        };
        match (cmd, el) {
            (Some(Cmd::Up), Element::Tag(_)) => self.move_in_grid(-1, env),
            (Some(Cmd::Down), Element::Tag(_)) => self.move_in_grid(1, env),
            (Some(Cmd::Left), Element::Tag(_)) => self.move_focus(-1, env),
            (Some(Cmd::Right), Element::Tag(_)) => self.move_focus(1, env),
            // Goals shown only: moving around, nothing else.
            (_, Element::Goal(_)) if self.goals_shown_only() => self.ignored(key),
            (Some(Cmd::Up), _) => self.move_focus(-1, env),
            (Some(Cmd::Down), _) => self.move_focus(1, env),
            (Some(Cmd::Left), _) => self.nudge_score(el, -1),
            (Some(Cmd::Right), _) => self.nudge_score(el, 1),
            (Some(Cmd::Digit(d)), _) => self.set_score(el, if d == 0 { 10 } else { i64::from(d) }),
            (Some(Cmd::TakePrepared), Element::Rating(_)) => self.take_prepared(el),
            (Some(Cmd::Toggle), Element::Option(i)) => self.pick_option(i),
            (Some(Cmd::Toggle), Element::Tag(i)) => self.toggle_tag(i),
            (Some(Cmd::Edit), Element::Rating(_) | Element::Review(_) | Element::Goal(_)) => {
                self.note_open = true;
                vec![]
            }
            (Some(Cmd::Edit), Element::Action(i)) => {
                vec![Msg::Popup(Popup::Form(Box::new(self.action_form(Some(i)))))]
            }
            (Some(Cmd::AddAction), _) => {
                vec![Msg::Popup(Popup::Form(Box::new(self.action_form(None))))]
            }
            (Some(Cmd::Delete), Element::Action(i)) => match self.data.record.actions.get(i) {
                Some(a) => vec![Msg::Popup(Popup::Confirm {
                    text: format!("Delete the action \"{}\"?", a.text),
                    on_yes: OnYes::DeleteAction(i),
                })],
                None => vec![],
            },
            (Some(Cmd::MarkDone), Element::Topic(i)) => {
                self.mark_topic(i, TopicOutcome::Discussed, env)
            }
            (Some(Cmd::MarkCarried), Element::Topic(i)) => {
                self.mark_topic(i, TopicOutcome::Carried, env)
            }
            (Some(Cmd::MarkDropped), Element::Topic(i)) => {
                self.mark_topic(i, TopicOutcome::Dropped, env)
            }
            (Some(Cmd::MarkAchieved), Element::Goal(i)) => {
                self.mark_goal(i, GoalStatus::Achieved, env)
            }
            (Some(Cmd::MarkDropped), Element::Goal(i)) => {
                self.mark_goal(i, GoalStatus::Dropped, env)
            }
            (Some(Cmd::EditGoal), Element::Goal(i)) => self.goal_form(Some(i)),
            (Some(Cmd::AddGoal), _) => self.goal_form(None),
            (Some(Cmd::MarkDone), _) => self.review(ReviewOutcome::Done, env),
            (Some(Cmd::MarkCarried), _) => self.review(ReviewOutcome::Carried, env),
            (Some(Cmd::MarkDropped), _) => self.review(ReviewOutcome::Dropped, env),
            // Like a spreadsheet's empty row: what is typed on "+ Add an
            // action" or "+ Set a goal" opens the form and begins its text.
            (None, Element::AddAction) if is_printable(&key) => {
                let mut form = self.action_form(None);
                form.input(key);
                vec![Msg::Popup(Popup::Form(Box::new(form)))]
            }
            (None, Element::AddGoal) if is_printable(&key) => self.goal_form_typed(key),
            (None, Element::Option(_)) if is_printable(&key) => {
                // The choice's own note is its rationale: typing goes there.
                let mut m = self.focus_on(Element::Rationale, env);
                if let Some(editor) = self.typing_into() {
                    m.extend(self.type_key(&editor, None, key, env));
                }
                m
            }
            (None, Element::Rating(_) | Element::Review(_) | Element::Goal(_))
                if is_printable(&key) =>
            {
                // Like a spreadsheet cell: a key the control does not use
                // starts its note.
                self.note_open = true;
                match el.editor_key(self) {
                    Some(editor) => self.type_key(&editor, None, key, env),
                    None => vec![],
                }
            }
            _ => self.ignored(key),
        }
    }

    /// Read-only (another window edits the session): moving around and
    /// leaving work, nothing is written.
    fn update_read_only(&mut self, cmd: Option<Cmd>) -> Vec<Msg> {
        let n = self.elements().len().max(1);
        match cmd {
            Some(Cmd::Quit) => vec![Msg::Quit],
            Some(Cmd::Back) => vec![Msg::Back],
            Some(Cmd::Search) => vec![Msg::Search],
            Some(Cmd::NextStage | Cmd::PrevStage) => {
                let d = if cmd == Some(Cmd::NextStage) { 1 } else { -1 };
                if let Some(t) = self.stage.checked_add_signed(d).filter(|t| *t < self.stage_count()) {
                    self.enter_stage(t);
                }
                vec![]
            }
            Some(Cmd::NextField | Cmd::Down) => {
                self.focus = (self.focus + 1) % n;
                vec![]
            }
            Some(Cmd::PrevField | Cmd::Up) => {
                self.focus = (self.focus + n - 1) % n;
                vec![]
            }
            Some(Cmd::TakeOver) => vec![Msg::Popup(Popup::Confirm {
                text: "Take this session over? The other window turns read-only and keeps nothing it has not saved yet.".to_owned(),
                on_yes: OnYes::TakeOver(self.session_id().to_owned()),
            })],
            _ => self.holder_text().map(Msg::Say).into_iter().collect(),
        }
    }

    /// A printable key the focused control has no use for: a hint, no change.
    fn ignored(&self, key: KeyEvent) -> Vec<Msg> {
        if !is_printable(&key) {
            return vec![];
        }
        let what = match self.focused() {
            Some(Element::Tag(_)) => "Space ticks this tag; arrows move between tags",
            Some(Element::Action(_)) => {
                "Enter edits this action, Del deletes it; to add one, type on \"+ Add an action\""
            }
            Some(Element::Confidence) => "Digits set the score (0 means 10), ←/→ change it",
            Some(Element::Topic(_)) => "1 marks the topic discussed, 2 carries it over, 3 drops it",
            Some(Element::Goal(_)) => "Goals are only shown here; a one-to-one reviews them",
            _ => "Nothing to type here: Ctrl-n goes to the next stage",
        };
        vec![Msg::Say(format!("{what} (F1 lists every key)"))]
    }

    /// What the focus is on, in words, for messages.
    pub fn focus_name(&self) -> String {
        let Some(stage) = self.stage_def() else {
            return "the stage".to_owned();
        };
        match (self.focused(), &stage.kind) {
            (Some(Element::Prompt(i)), StageKind::Questions { .. } | StageKind::Close { .. }) => {
                format!("prompt {}", i + 1)
            }
            (Some(Element::Rating(i)), StageKind::Ratings { items, .. }) => items
                .get(i)
                .map_or_else(|| "the rating".to_owned(), |it| it.label.clone()),
            (Some(Element::Rationale), _) => "the rationale".to_owned(),
            (Some(Element::NextSession), _) => "the next session's date".to_owned(),
            (Some(Element::Confidence), _) => "the confidence score".to_owned(),
            (Some(Element::Review(i)), _) => format!("action {}", i + 1),
            (Some(Element::Topic(i)), _) => format!("topic {}", i + 1),
            (Some(Element::Goal(i)), _) => format!("goal {}", i + 1),
            (Some(Element::Option(_)), _) => "the options".to_owned(),
            (Some(Element::Tag(_)), _) => "the tags".to_owned(),
            (Some(Element::Action(i)), _) => format!("action {}", i + 1),
            _ => "the stage".to_owned(),
        }
    }

    fn back(&mut self, armed: bool, env: &Env) -> Vec<Msg> {
        if self.in_pane {
            self.in_pane = false;
            let mut m = effects(self.flush_editors(env));
            m.push(Msg::Say(format!("Back to {}", self.focus_name())));
            return m;
        }
        if self.note_open {
            self.note_open = false;
            return effects(self.flush_editors(env));
        }
        if armed {
            let mut m = effects(self.leave_effects(env));
            m.push(Msg::Back);
            m.push(Msg::Say(
                "The session is kept unfinished: press c to resume it".to_owned(),
            ));
            return m;
        }
        self.esc_armed = true;
        vec![Msg::Say(
            "Esc again leaves the session (it stays unfinished, c resumes it); Ctrl-q quits"
                .to_owned(),
        )]
    }

    fn toggle_pane(&mut self, env: &Env) -> Vec<Msg> {
        if env.share_safe {
            return vec![Msg::Say(
                "Private notes are hidden in share-safe mode (Ctrl-t to turn it off)".to_owned(),
            )];
        }
        let mut m = effects(self.flush_editors(env));
        if self.in_pane {
            self.in_pane = false;
            self.pane_open = false;
            m.push(Msg::Say(format!(
                "Private notes closed; back to {}",
                self.focus_name()
            )));
        } else {
            self.pane_open = true;
            self.in_pane = true;
            self.note_open = false;
            self.ensure_editors();
        }
        m
    }

    /// Share-safe was switched (the app owns the switch): the pane must
    /// not stay open, nor keep the keys, while the screen is shared.
    pub fn on_share_safe(&mut self, on: bool, env: &Env) -> Vec<Msg> {
        if !on || !self.pane_open {
            return vec![];
        }
        let was_in_pane = self.in_pane;
        self.in_pane = false;
        self.pane_open = false;
        let mut m = effects(self.flush_editors(env));
        if !was_in_pane {
            return m;
        }
        // What was being typed goes on where the coachee may read it: into
        // the focused text field, or the focused control's own note; never
        // into a control's value.
        let where_to = if self.typing_into().is_some() {
            format!("typing goes to {} again", self.focus_name())
        } else if let Some(el @ (Element::Rating(_) | Element::Review(_) | Element::Goal(_))) =
            self.focused()
            && el.editor_key(self).is_some()
        {
            self.note_open = true;
            self.ensure_editors();
            format!("typing goes to the note of {}", self.focus_name())
        } else {
            self.guard_letter = true;
            format!(
                "the keys are on {} again (its letters change it)",
                self.focus_name()
            )
        };
        m.push(Msg::Say(format!(
            "Share-safe on: private note saved and hidden; {where_to}"
        )));
        m
    }

    fn toggle_intro(&mut self) -> Vec<Msg> {
        let Some(id) = self.stage_def().map(|s| s.id.clone()) else {
            return vec![];
        };
        if !self.intro_folded.remove(&id) {
            self.intro_folded.insert(id);
        }
        vec![]
    }

    fn change_stage(&mut self, delta: isize, env: &Env) -> Vec<Msg> {
        let mut out = self.flush_editors(env);
        let target = self.stage.checked_add_signed(delta);
        let Some(target) = target.filter(|t| *t < self.stage_count()) else {
            let edge = if delta > 0 {
                "This is the last stage: Ctrl-f finishes the session"
            } else {
                "This is the first stage"
            };
            let mut m = effects(out);
            m.push(Msg::Say(edge.to_owned()));
            return m;
        };
        // Moving on records the stage as passed; its mark says whether it
        // was filled in or skipped.
        if delta > 0
            && let Some(id) = self.stage_def().map(|s| s.id.clone())
            && !self.data.record.session.done_stages.contains(&id)
        {
            self.data.record.session.done_stages.push(id);
        }
        self.enter_stage(target);
        out.push(self.progress_write());
        out.push(Effect::Durable);
        effects(out)
    }

    pub(super) fn move_focus(&mut self, delta: isize, env: &Env) -> Vec<Msg> {
        // A date left while it cannot be read stays in its field as typed;
        // it is said, since its error shows only while it has the focus.
        let left_bad_date = (self.focused() == Some(Element::NextSession))
            .then(|| {
                self.editor_text(&EditorKey::NextSession)
                    .unwrap_or_default()
            })
            .filter(|text| crate::dates::parse_due(text, env.today).is_err());
        let mut out = self.flush_editors(env);
        let n = self.elements().len();
        self.note_open = false;
        self.field_error = None;
        if n > 0 {
            self.focus = (self.focus.cast_signed() + delta)
                .rem_euclid(n.cast_signed())
                .cast_unsigned();
        }
        self.ensure_editors();
        out.push(self.progress_write());
        let mut msgs = effects(out);
        if let Some(text) = left_bad_date {
            msgs.push(Msg::Say(format!(
                "Next session \"{}\" is not a date yet: Shift-Tab goes back to fix it",
                text.trim()
            )));
        }
        msgs
    }

    /// ↑/↓ in the tag grid: one row up or down, same column.
    fn move_in_grid(&mut self, dir: isize, env: &Env) -> Vec<Msg> {
        let Some(Element::Tag(i)) = self.focused() else {
            return vec![];
        };
        let n_tags = match self.stage_def().map(|s| &s.kind) {
            Some(StageKind::Choice { tags, .. }) => tags.len(),
            _ => 0,
        };
        let cols = self.tag_columns();
        let target = i.cast_signed() + dir * cols.cast_signed();
        if target < 0 {
            // Above the first row: the rationale.
            return self.focus_on(Element::Rationale, env);
        }
        let target = target.cast_unsigned();
        if target >= n_tags {
            return vec![];
        }
        self.focus_on(Element::Tag(target), env)
    }

    fn focus_on(&mut self, el: Element, env: &Env) -> Vec<Msg> {
        let Some(pos) = self.elements().iter().position(|e| *e == el) else {
            return vec![];
        };
        let delta = pos.cast_signed() - self.focus.cast_signed();
        self.move_focus(delta, env)
    }

    /// Columns of the tag grid: the same number the card draws.
    pub fn tag_columns(&self) -> usize {
        // Two columns leave room for every label at the narrowest card.
        2
    }

    /// Finishing asks first, and says what is still empty. A session
    /// being corrected is finished already: Ctrl-f saves and goes back.
    fn ask_finish(&mut self, env: &Env) -> Vec<Msg> {
        if self.correcting() {
            let mut m = effects(self.leave_effects(env));
            m.push(Msg::Back);
            m.push(Msg::Say("Corrections saved".to_owned()));
            return m;
        }
        let missing = super::missing_parts(self);
        let text = if missing.is_empty() {
            "Finish this session? It will be marked completed.".to_owned()
        } else {
            format!("Not filled in yet: {}. Finish anyway?", missing.join("; "))
        };
        let mut m = effects(self.flush_editors(env));
        m.push(Msg::Popup(Popup::Confirm {
            text,
            on_yes: OnYes::Finish,
        }));
        m
    }

    /// The clock moved `seconds` on: count them for this stage, ring once
    /// when its timebox runs out.
    pub fn tick(&mut self, seconds: i64) -> Vec<Msg> {
        // A suspended laptop or a stopped process should not count as
        // coaching; nor does reading a session another window edits.
        // A correction is not coaching time either.
        if !(1..=10).contains(&seconds) || self.read_only.is_some() || self.correcting() {
            return vec![];
        }
        let Some((id, timebox)) = self.stage_def().map(|s| (s.id.clone(), s.timebox)) else {
            return vec![];
        };
        let spent = self
            .data
            .record
            .session
            .stage_seconds
            .entry(id.clone())
            .or_insert(0);
        *spent += seconds;
        let over = timebox.is_some_and(|m| *spent > m * 60);
        let mut out = vec![Msg::Effect(self.progress_write())];
        if over && self.rang.insert(id) {
            out.push(Msg::Bell);
        }
        out
    }
}
