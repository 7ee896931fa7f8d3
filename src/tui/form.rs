//! Small forms in a popup: a coachee's name and role, an agreed action.

use crate::model::{ActionId, CoacheeId, SessionId};
use crate::tui::effect::Task;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;
use time::Date;

use super::effect::Effect;
use crate::dates;
use crate::model::ActionLink;

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    AddCoachee,
    EditCoachee {
        id: CoacheeId,
    },
    /// `index` of the action being edited, `None` for a new one.
    Action {
        index: Option<usize>,
    },
    /// The due date of an action, from the actions board.
    Due {
        action_id: ActionId,
    },
    /// Exporting one session to a file.
    Export {
        session_id: SessionId,
    },
    /// A progress report on one coachee, to a file.
    Report {
        coachee_id: CoacheeId,
        /// Share-safe mode was on when the form opened: no private notes.
        share_safe: bool,
    },
    /// Setting goal `index` of the session (`None`: a new one), its aim
    /// a score on `scale`.
    Goal {
        index: Option<usize>,
        scale: crate::guide::Scale,
        /// Set from the coachee's page, between sessions: whose goal.
        coachee: Option<CoacheeId>,
        /// Changed from the coachee's page: the goal as it was.
        changing: Option<Box<crate::tui::goal_form::Changing>>,
    },
    /// Parking a topic for the coachee's next session.
    Topic {
        coachee_id: CoacheeId,
        session_id: Option<SessionId>,
    },
    /// Writing a coachee's preparation form, or importing their answers.
    Prep {
        coachee_id: CoacheeId,
    },
    /// Deleting a coachee for good: the name must be typed.
    DeleteCoachee {
        id: CoacheeId,
        name: String,
    },
}

/// One field: a line of text or a choice among options.
#[derive(Clone)]
pub enum Field {
    Text(Box<TextArea<'static>>),
    Select {
        options: Vec<(String, String)>,
        index: usize,
    },
}

/// A labelled field with a hint.
#[derive(Clone)]
pub struct FormField {
    pub label: &'static str,
    pub hint: &'static str,
    pub field: Field,
}

/// A popup form.
#[derive(Clone)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub error: Option<String>,
    /// Called after a choice field changes, so one field can follow another.
    pub on_choice: Option<fn(&mut Form)>,
}

/// Links an action can have: the guide's rating items and choice options,
/// as (link, label).
pub fn link_options(guide: &crate::guide::Guide) -> Vec<(ActionLink, String)> {
    let mut out = Vec::new();
    for st in &guide.stages {
        match &st.kind {
            crate::guide::StageKind::Ratings { items, .. } => {
                out.extend(
                    items
                        .iter()
                        .map(|i| (ActionLink::Center(i.id.clone()), i.label.clone())),
                );
            }
            crate::guide::StageKind::Choice { options, .. } => {
                out.extend(
                    options
                        .iter()
                        .map(|o| (ActionLink::Pathway(o.id.clone()), o.label.clone())),
                );
            }
            _ => {}
        }
    }
    out
}

/// A single-line editor holding `text`, cursor at the end.
pub fn line_editor(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.replace(['\n', '\r'], " ")]);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t.set_cursor_line_style(ratatui::style::Style::new());
    t
}

impl Form {
    pub fn coachee(kind: FormKind, name: &str, role: &str, rhythm: Option<i64>) -> Self {
        let title = match kind {
            FormKind::AddCoachee => "Add a coachee".to_owned(),
            _ => "Rename coachee".to_owned(),
        };
        Self {
            kind,
            title,
            fields: vec![
                FormField {
                    label: "Name",
                    hint: "How the coachee is called, e.g. Ana Silva",
                    field: Field::Text(Box::new(line_editor(name))),
                },
                FormField {
                    label: "Role",
                    hint: "Optional, e.g. Head of Product",
                    field: Field::Text(Box::new(line_editor(role))),
                },
                FormField {
                    label: "Every",
                    hint: "How often you meet: 2w, 10d, 1m; empty for no rhythm",
                    field: Field::Text(Box::new(line_editor(
                        &rhythm
                            .map(|d| {
                                if d % 7 == 0 {
                                    format!("{}w", d / 7)
                                } else {
                                    format!("{d}d")
                                }
                            })
                            .unwrap_or_default(),
                    ))),
                },
            ],
            focus: 0,
            error: None,
            on_choice: None,
        }
    }

    /// The action form's fields, in Tab order: the date right after the
    /// text, since most actions keep the default owner.
    pub const ACTION_TEXT: usize = 0;
    pub const ACTION_DUE: usize = 1;
    pub const ACTION_OWNER: usize = 2;
    pub const ACTION_LINK: usize = 3;

    /// The form for an agreed action. `links` are (id, label) pairs.
    pub fn action(
        index: Option<usize>,
        text: &str,
        owner: &str,
        due: &str,
        links: Vec<(ActionLink, String)>,
        link: Option<&ActionLink>,
    ) -> Self {
        // The select field holds each link in its stored form.
        let mut options = vec![(String::new(), "none".to_owned())];
        options.extend(links.into_iter().map(|(l, label)| (l.to_stored(), label)));
        let link_index = link
            .and_then(|l| options.iter().position(|(id, _)| *id == l.to_stored()))
            .unwrap_or(0);
        Self {
            kind: FormKind::Action { index },
            title: if index.is_some() {
                "Edit action"
            } else {
                "Add an action"
            }
            .to_owned(),
            fields: vec![
                FormField {
                    label: "Action",
                    hint: "What will be done, in a few words",
                    field: Field::Text(Box::new(line_editor(text))),
                },
                FormField {
                    label: "Due",
                    hint: "2026-12-05, +3d, +2w, fri, next week; empty for no date",
                    field: Field::Text(Box::new(line_editor(due))),
                },
                FormField {
                    label: "Owner",
                    hint: "coachee, coach or a name (empty: coachee)",
                    field: Field::Text(Box::new(line_editor(owner))),
                },
                FormField {
                    label: "Linked to",
                    hint: "←/→ to link a center or pathway",
                    field: Field::Select {
                        options,
                        index: link_index,
                    },
                },
            ],
            focus: 0,
            error: None,
            on_choice: None,
        }
    }

    /// The form changing an action's due date; `due` is the current one.
    pub fn due(action_id: ActionId, text: &str, due: &str) -> Self {
        let mut title: String = text.chars().take(40).collect();
        if title.chars().count() < text.chars().count() {
            title.push('…');
        }
        Self {
            kind: FormKind::Due { action_id },
            title: format!("Due date of \"{title}\""),
            fields: vec![FormField {
                label: "Due",
                hint: "2026-12-05, +3d, +2w, fri, next week; empty for no date",
                field: Field::Text(Box::new(line_editor(due))),
            }],
            focus: 0,
            error: None,
            on_choice: None,
        }
    }

    /// The confirmation before deleting a coachee: their name, typed.
    pub fn delete_coachee(id: CoacheeId, name: &str) -> Self {
        Self {
            kind: FormKind::DeleteCoachee {
                id,
                name: name.to_owned(),
            },
            title: format!("Delete {name} and everything about them, for good?"),
            fields: vec![FormField {
                label: "Name",
                hint: "Type the name to confirm: this cannot be undone",
                field: Field::Text(Box::new(line_editor(""))),
            }],
            focus: 0,
            error: None,
            on_choice: None,
        }
    }

    /// The text of field `i` (empty for a select).
    pub fn value(&self, i: usize) -> String {
        match self.fields.get(i).map(|f| &f.field) {
            Some(Field::Text(t)) => t.lines().join(" ").trim().to_owned(),
            _ => String::new(),
        }
    }

    /// The chosen option id of field `i`, `None` for "none" or a text field.
    pub fn selected(&self, i: usize) -> Option<String> {
        match self.fields.get(i).map(|f| &f.field) {
            Some(Field::Select { options, index }) => options
                .get(*index)
                .map(|(id, _)| id.clone())
                .filter(|id| !id.is_empty()),
            _ => None,
        }
    }

    /// The position of the option chosen in select field `i`.
    pub fn choice(&self, i: usize) -> Option<usize> {
        match self.fields.get(i).map(|f| &f.field) {
            Some(Field::Select { index, .. }) => Some(*index),
            _ => None,
        }
    }

    /// After a refused submit: the focus goes to the field to correct,
    /// for the forms that know it.
    pub fn focus_problem(&mut self, today: Date) {
        if let FormKind::Goal { .. } = self.kind
            && let Err((field, _)) = crate::tui::goal_form::read(self, today)
        {
            self.focus = field;
        }
        // In the order the submit checks them: the text first, then the date.
        if let FormKind::Action { .. } = self.kind
            && !self.value(Self::ACTION_TEXT).is_empty()
            && crate::dates::parse_due(&self.value(Self::ACTION_DUE), today).is_err()
        {
            self.focus = Self::ACTION_DUE;
        }
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev_field(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// A key that is not a form command: edits the focused field.
    pub fn input(&mut self, key: KeyEvent) {
        self.error = None;
        let Some(f) = self.fields.get_mut(self.focus) else {
            return;
        };
        let ctrl = key
            .modifiers
            .contains(ratatui::crossterm::event::KeyModifiers::CONTROL);
        match &mut f.field {
            // Ctrl-u empties a one-line field, as in a shell (a long proposed
            // path would otherwise take one backspace per character).
            Field::Text(t) if ctrl && key.code == KeyCode::Char('u') => {
                **t = line_editor("");
            }
            // Ctrl-w deletes back to the previous space, as in a shell: the
            // editor's own word stops at every `/` and `.`, so a path would
            // go one piece at a time.
            Field::Text(t) if ctrl && key.code == KeyCode::Char('w') => {
                delete_word_before_cursor(t);
            }
            Field::Text(t) => {
                t.input(key);
            }
            Field::Select { options, index } => {
                let n = options.len().max(1);
                match key.code {
                    KeyCode::Left => *index = (*index + n - 1) % n,
                    KeyCode::Right => *index = (*index + 1) % n,
                    // Only the arrows choose: a word typed into the wrong
                    // field (a space in it) must not change who sees what.
                    KeyCode::Char(_) if !ctrl => {
                        self.error = Some(format!(
                            "{} is chosen with ←/→, not typed: Tab moves to the next field",
                            f.label
                        ));
                        return;
                    }
                    _ => {}
                }
                if let Some(follow) = self.on_choice {
                    follow(self);
                }
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(FormField {
            field: Field::Text(t),
            ..
        }) = self.fields.get_mut(self.focus)
        {
            t.insert_str(crate::tui::wrap::line_ends(text).replace('\n', " "));
        }
    }

    /// Validates; returns the effects of a coachee form (an action form is
    /// applied by the session screen, which knows the session).
    pub fn submit(&self, today: Date) -> Result<Vec<Effect>, String> {
        match &self.kind {
            FormKind::AddCoachee | FormKind::EditCoachee { .. } => {
                let name = self.value(0);
                if name.is_empty() {
                    return Err("A coachee needs a name".to_owned());
                }
                let role = self.value(1);
                let rhythm = dates::parse_rhythm(&self.value(2)).map_err(|e| e.to_string())?;
                Ok(vec![match &self.kind {
                    FormKind::EditCoachee { id } => Effect::Task(Task::UpdateCoachee {
                        id: id.clone(),
                        name,
                        role,
                        rhythm,
                    }),
                    _ => Effect::Task(Task::AddCoachee { name, role, rhythm }),
                }])
            }
            FormKind::Action { .. } => {
                if self.value(Self::ACTION_TEXT).is_empty() {
                    return Err("Say what the action is".to_owned());
                }
                dates::parse_due(&self.value(Self::ACTION_DUE), today)
                    .map_err(|e| e.to_string())?;
                Ok(vec![])
            }
            FormKind::Due { action_id } => {
                let due = dates::parse_due(&self.value(0), today).map_err(|e| e.to_string())?;
                Ok(vec![Effect::Task(Task::SetActionDue {
                    action_id: action_id.clone(),
                    due,
                })])
            }
            FormKind::DeleteCoachee { id, name } => {
                if !crate::names::same_name(&self.value(0), name) {
                    return Err(format!(
                        "Type the name as shown, {name}, to delete; Esc keeps everything"
                    ));
                }
                Ok(vec![Effect::Task(Task::DeleteCoachee { id: id.clone() })])
            }
            FormKind::Export { .. } => {
                if self.value(1).is_empty() {
                    return Err("Give the export a file name".to_owned());
                }
                Ok(vec![])
            }
            FormKind::Report { .. } => crate::tui::report_dialog::check(self).map(|()| vec![]),
            FormKind::Prep { .. } => crate::tui::prep_dialog::check(self).map(|()| vec![]),
            FormKind::Topic { .. } => crate::tui::topic_form::check(self).map(|()| vec![]),
            FormKind::Goal { .. } => crate::tui::goal_form::read(self, today)
                .map(|_| vec![])
                .map_err(|(_, e)| e),
        }
    }
}

/// Deletes the spaces just before the cursor, then the word before them,
/// up to the previous space.
fn delete_word_before_cursor(t: &mut TextArea<'static>) {
    let ratatui_textarea::DataCursor(row, col) = t.cursor();
    let Some(line) = t.lines().get(row) else {
        return;
    };
    let before: Vec<char> = line.chars().take(col).collect();
    let mut start = before.len();
    while start > 0 && before[start - 1].is_whitespace() {
        start -= 1;
    }
    while start > 0 && !before[start - 1].is_whitespace() {
        start -= 1;
    }
    for _ in start..before.len() {
        t.delete_char();
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::{Form, FormKind};

    fn ctrl_w(form: &mut Form) {
        form.input(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor_as_in_a_shell() {
        let mut form = Form::coachee(FormKind::AddCoachee, "Ana  Silva ", "", None);
        ctrl_w(&mut form);
        assert_eq!(form.value(0), "Ana");
        ctrl_w(&mut form);
        assert_eq!(form.value(0), "");
        ctrl_w(&mut form);
        assert_eq!(form.value(0), "", "nothing left to delete");

        // A path goes in one piece, not up to its last `/` or `.`.
        let mut form = Form::due("a".into(), "Read", "see ~/exports/ana-2026.md");
        ctrl_w(&mut form);
        assert_eq!(form.value(0), "see");

        // Only what is before the cursor goes.
        form.input(KeyEvent::new(KeyCode::Home, KeyModifiers::NONE));
        form.input(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE));
        form.input(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE));
        ctrl_w(&mut form);
        assert_eq!(form.value(0), "e");
    }
}
