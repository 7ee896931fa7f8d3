//! Parking a topic for next time: a one-line form, from a session (Ctrl-l,
//! the field being typed in stays as it is) or from the coachee page (t).

use super::effect::Effect;
use super::form::{Field, Form, FormField, FormKind, line_editor};
use super::popup::Popup;
use crate::model::CoacheeId;
use crate::model::SessionId;
use crate::tui::effect::{Errand, Task};

const TEXT_FIELD: usize = 0;
const SEEN_FIELD: usize = 1;
/// The id of the "Seen by" option that keeps the topic to the coach.
const PRIVATE: &str = "private";

/// The form for `coachee`; `session` is where it is parked, if in one.
pub fn popup(coachee_id: &CoacheeId, name: &str, session: Option<&SessionId>) -> Popup {
    Popup::Form(Box::new(Form {
        kind: FormKind::Topic {
            coachee_id: coachee_id.to_owned(),
            session_id: session.cloned(),
        },
        title: format!("A topic for {name}'s next session"),
        fields: vec![
            FormField {
                label: "Topic",
                hint: "one line; the next session's review lists it",
                field: Field::Text(Box::new(line_editor(""))),
            },
            FormField {
                label: "Seen by",
                hint: "←/→ to choose",
                field: Field::Select {
                    options: vec![
                        ("shared".to_owned(), "the coachee too".to_owned()),
                        (
                            PRIVATE.to_owned(),
                            "only me (private, hidden in share-safe mode)".to_owned(),
                        ),
                    ],
                    index: 0,
                },
            },
        ],
        focus: 0,
        error: None,
        on_choice: None,
    }))
}

pub fn check(form: &Form) -> Result<(), String> {
    if form.value(TEXT_FIELD).is_empty() {
        return Err("Write the topic, or Esc to park nothing".to_owned());
    }
    Ok(())
}

pub fn submit(form: &Form) -> Vec<Effect> {
    let FormKind::Topic {
        coachee_id,
        session_id,
    } = &form.kind
    else {
        return vec![];
    };
    let mut out = vec![Effect::Errand(Errand::AddTopic {
        coachee_id: coachee_id.clone(),
        session_id: session_id.clone(),
        text: form.value(TEXT_FIELD),
        private: form.selected(SEEN_FIELD).as_deref() == Some(PRIVATE),
    })];
    // From the coachee page, the page shows it at once.
    if session_id.is_none() {
        out.push(Effect::Task(Task::LoadCoachee {
            coachee_id: coachee_id.clone(),
        }));
    }
    out
}
