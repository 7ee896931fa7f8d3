//! Popups over a screen: what they hold, and what a confirmed one does.

use crate::model::{CoacheeId, SessionId};
use crate::tui::effect::Task;
use ratatui::crossterm::event::KeyEvent;

use super::effect::Effect;
use super::form::Form;
use super::keymap::{Cmd, Context};
use super::msg::{Env, Msg};
use crate::guide::LoadedGuide;

/// Something over the screen that takes the keys first.
pub enum Popup {
    Help {
        ctx: Context,
        scroll: u16,
    },
    Picker {
        coachee_id: CoacheeId,
        coachee_name: String,
        selected: usize,
    },
    Form(Box<Form>),
    Confirm {
        text: String,
        on_yes: OnYes,
    },
    Unfinished {
        coachee_id: CoacheeId,
        session_id: SessionId,
        name: String,
    },
    /// The coach's private notes about a coachee, typed like an answer and
    /// saved as typed.
    Notes {
        coachee_id: CoacheeId,
        name: String,
        editor: Box<ratatui_textarea::TextArea<'static>>,
    },
    /// Several sessions are unfinished: which one to resume.
    ResumeList {
        /// (session id, coachee name, when it started), oldest first.
        sessions: Vec<(SessionId, String, time::OffsetDateTime)>,
        selected: usize,
    },
}

/// What a confirmed dialog does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnYes {
    Archive {
        id: CoacheeId,
        archived: bool,
    },
    Finish,
    DeleteAction(usize),
    /// Put back what a recovery file kept.
    Restore(std::path::PathBuf),
    /// Take a session over from the window that edits it.
    TakeOver(SessionId),
    /// Discard a session and everything in it.
    Discard(SessionId),
}

/// What a popup does with a key, like gitui's Consumed / NotConsumed: it
/// stays, goes, or gives way to another popup; its messages say the rest.
pub enum Answer {
    Keep,
    Close,
    Replace(Popup),
}

impl Popup {
    /// A key while the popup is open. `guides` are the picker's.
    pub fn update(
        &mut self,
        cmd: Option<Cmd>,
        key: KeyEvent,
        env: &Env,
        guides: &[LoadedGuide],
    ) -> (Answer, Vec<Msg>) {
        match self {
            Popup::Help { scroll, .. } => match cmd {
                Some(Cmd::Down) => *scroll += 1,
                Some(Cmd::Up) => *scroll = scroll.saturating_sub(1),
                Some(_) => return (Answer::Close, vec![]),
                None => {}
            },
            Popup::Picker {
                coachee_id,
                selected,
                ..
            } => match cmd {
                Some(c @ (Cmd::Up | Cmd::Down | Cmd::Top | Cmd::Bottom)) => {
                    *selected = super::screens::common::moved(*selected, guides.len(), c);
                }
                Some(Cmd::Submit) => {
                    let start = guides.get(*selected).map(|g| {
                        Msg::Effect(Effect::Task(Task::StartSession {
                            coachee_id: coachee_id.clone(),
                            guide: Box::new(g.guide.clone()),
                        }))
                    });
                    return (Answer::Close, start.into_iter().collect());
                }
                Some(Cmd::Back) => return (Answer::Close, vec![]),
                _ => {}
            },
            Popup::ResumeList { sessions, selected } => match cmd {
                Some(c @ (Cmd::Up | Cmd::Down | Cmd::Top | Cmd::Bottom)) => {
                    *selected = super::screens::common::moved(*selected, sessions.len(), c);
                }
                Some(Cmd::Submit) => {
                    let open = sessions.get(*selected).map(|(id, _, _)| {
                        Msg::Effect(Effect::Task(Task::OpenSession {
                            session_id: id.clone(),
                        }))
                    });
                    return (Answer::Close, open.into_iter().collect());
                }
                Some(Cmd::Back) => return (Answer::Close, vec![]),
                _ => {}
            },
            Popup::Confirm { on_yes, .. } => match cmd {
                Some(Cmd::Yes) => return (Answer::Close, vec![Msg::Confirmed(on_yes.clone())]),
                Some(Cmd::No) => {
                    let said = match on_yes {
                        OnYes::Restore(path) => vec![Msg::Say(format!(
                            "The unsaved text stays in {}; it is offered again at the next start",
                            path.display()
                        ))],
                        _ => vec![],
                    };
                    return (Answer::Close, said);
                }
                _ => {}
            },
            Popup::Unfinished {
                coachee_id,
                session_id,
                name,
            } => match cmd {
                Some(Cmd::Resume) => {
                    return (
                        Answer::Close,
                        vec![Msg::Effect(Effect::Task(Task::OpenSession {
                            session_id: session_id.clone(),
                        }))],
                    );
                }
                Some(Cmd::Finish) => {
                    // The old session is finished, then the guide picker opens.
                    let picker = Popup::Picker {
                        coachee_id: coachee_id.clone(),
                        coachee_name: name.clone(),
                        selected: 0,
                    };
                    return (
                        Answer::Replace(picker),
                        vec![Msg::Effect(Effect::Task(Task::CompleteSessionQuietly {
                            session_id: session_id.clone(),
                        }))],
                    );
                }
                Some(Cmd::No) => return (Answer::Close, vec![]),
                _ => {}
            },
            Popup::Notes {
                coachee_id, editor, ..
            } => {
                if cmd == Some(Cmd::Back) {
                    // Saved as typed; closing saves what is still pending.
                    return (
                        Answer::Close,
                        vec![
                            Msg::Effect(Effect::Flush),
                            Msg::Effect(Effect::Task(Task::LoadCoachee {
                                coachee_id: coachee_id.clone(),
                            })),
                        ],
                    );
                }
                if editor.input(key) {
                    let text = editor.lines().join("\n");
                    return (
                        Answer::Keep,
                        vec![Msg::Effect(Effect::Save(
                            super::effect::Write::CoacheeNotes {
                                coachee: coachee_id.clone(),
                                text,
                            },
                        ))],
                    );
                }
            }
            Popup::Form(form) => match cmd {
                Some(Cmd::Back) => return (Answer::Close, vec![]),
                Some(Cmd::NextField) => form.next_field(),
                Some(Cmd::PrevField) => form.prev_field(),
                Some(Cmd::Submit) => match form.submit(env.today) {
                    Ok(effects) => {
                        let done = Msg::FormDone {
                            form: form.clone(),
                            effects,
                        };
                        return (Answer::Close, vec![done]);
                    }
                    Err(e) => {
                        form.error = Some(e);
                        form.focus_problem(env.today);
                    }
                },
                _ => form.input(key),
            },
        }
        (Answer::Keep, vec![])
    }
}
