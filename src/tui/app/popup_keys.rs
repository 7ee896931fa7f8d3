//! Keys while a popup is open: help, guide picker, forms and questions.

use ratatui::crossterm::event::KeyEvent;

use super::{App, OnYes, Popup, Screen};
use crate::tui::effect::Effect;
use crate::tui::form::{Form, FormKind};
use crate::tui::keymap::Cmd;

impl App {
    pub(super) fn on_popup_key(
        &mut self,
        popup: Popup,
        cmd: Option<Cmd>,
        key: KeyEvent,
    ) -> Vec<Effect> {
        match popup {
            Popup::Help { ctx, scroll } => match cmd {
                Some(Cmd::Down) => {
                    self.popup = Some(Popup::Help {
                        ctx,
                        scroll: scroll + 1,
                    })
                }
                Some(Cmd::Up) => {
                    self.popup = Some(Popup::Help {
                        ctx,
                        scroll: scroll.saturating_sub(1),
                    });
                }
                Some(_) => {}
                None => self.popup = Some(Popup::Help { ctx, scroll }),
            },
            Popup::Picker {
                coachee_id,
                coachee_name,
                selected,
            } => {
                let n = self.guides.len();
                match cmd {
                    Some(Cmd::Up) => {
                        self.popup = Some(Popup::Picker {
                            coachee_id,
                            coachee_name,
                            selected: selected.saturating_sub(1),
                        });
                    }
                    Some(Cmd::Down) => {
                        self.popup = Some(Popup::Picker {
                            coachee_id,
                            coachee_name,
                            selected: (selected + 1).min(n.saturating_sub(1)),
                        });
                    }
                    Some(Cmd::Submit) => {
                        if let Some(g) = self.guides.get(selected) {
                            return vec![Effect::StartSession {
                                coachee_id,
                                guide: Box::new(g.guide.clone()),
                            }];
                        }
                    }
                    Some(Cmd::Back) => {}
                    _ => {
                        self.popup = Some(Popup::Picker {
                            coachee_id,
                            coachee_name,
                            selected,
                        });
                    }
                }
            }
            Popup::Confirm { text, on_yes } => match cmd {
                Some(Cmd::Yes) => return self.confirmed(on_yes),
                Some(Cmd::No) => {
                    if let OnYes::Restore(path) = on_yes {
                        self.say(format!(
                            "The unsaved text stays in {}; it is offered again at the next start",
                            path.display()
                        ));
                    }
                }
                _ => self.popup = Some(Popup::Confirm { text, on_yes }),
            },
            Popup::Unfinished {
                coachee_id,
                session_id,
                name,
            } => match cmd {
                Some(Cmd::Resume) => return vec![Effect::OpenSession { session_id }],
                Some(Cmd::Finish) => {
                    self.popup = Some(Popup::Picker {
                        coachee_id,
                        coachee_name: name,
                        selected: 0,
                    });
                    return vec![Effect::CompleteSessionQuietly { session_id }];
                }
                Some(Cmd::No) => {}
                _ => {
                    self.popup = Some(Popup::Unfinished {
                        coachee_id,
                        session_id,
                        name,
                    });
                }
            },
            Popup::Form(mut form) => match cmd {
                Some(Cmd::Back) => {}
                Some(Cmd::NextField) => {
                    form.next_field();
                    self.popup = Some(Popup::Form(form));
                }
                Some(Cmd::PrevField) => {
                    form.prev_field();
                    self.popup = Some(Popup::Form(form));
                }
                Some(Cmd::Submit) => match form.submit(self.today) {
                    Ok(effects) => {
                        let effects = self.after_form(&form, effects);
                        return effects;
                    }
                    Err(e) => {
                        form.error = Some(e);
                        self.popup = Some(Popup::Form(form));
                    }
                },
                _ => {
                    form.input(key);
                    self.popup = Some(Popup::Form(form));
                }
            },
        }
        vec![]
    }

    pub(super) fn after_form(&mut self, form: &Form, effects: Vec<Effect>) -> Vec<Effect> {
        if let FormKind::Export { .. } = &form.kind {
            return crate::tui::export_dialog::submit(form, self.share_safe);
        }
        let env = self.env();
        if let (FormKind::Action { .. }, Screen::Session(s)) = (&form.kind, &mut self.screen) {
            return s.apply_action_form(form, &env);
        }
        effects
    }

    pub(super) fn confirmed(&mut self, on_yes: OnYes) -> Vec<Effect> {
        let env = self.env();
        match on_yes {
            OnYes::Archive { id, archived } => vec![Effect::SetArchived { id, archived }],
            OnYes::Finish => match &mut self.screen {
                Screen::Session(s) => {
                    let mut effects = s.flush_editors(&env);
                    effects.push(s.progress_write());
                    effects.push(Effect::CompleteSession {
                        session_id: s.session_id().to_owned(),
                    });
                    effects
                }
                _ => vec![],
            },
            OnYes::Restore(path) => vec![Effect::Restore(path)],
            OnYes::TakeOver(session_id) => vec![Effect::TakeOver { session_id }],
            OnYes::DeleteAction(i) => match &mut self.screen {
                Screen::Session(s) => s.delete_action(i),
                _ => vec![],
            },
        }
    }
}
