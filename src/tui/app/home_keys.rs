//! Keys on the home screen: moving, adding, renaming, archiving, starting and resuming.

use super::{App, OnYes, Popup};
use crate::tui::effect::Effect;
use crate::tui::form::{Form, FormKind};
use crate::tui::keymap::Cmd;

impl App {
    pub(super) fn on_home(&mut self, cmd: Option<Cmd>) -> Vec<Effect> {
        let Some(cmd) = cmd else { return vec![] };
        let n = self.home.rows.len();
        match cmd {
            Cmd::Up => self.home.selected = self.home.selected.saturating_sub(1),
            Cmd::Down => self.home.selected = (self.home.selected + 1).min(n.saturating_sub(1)),
            Cmd::Quit => return self.quit_effects(),
            Cmd::AddCoachee => {
                self.popup = Some(Popup::Form(Box::new(Form::coachee(
                    FormKind::AddCoachee,
                    "",
                    "",
                ))));
            }
            Cmd::Rename => {
                if let Some(s) = self.home.selected() {
                    let c = &s.coachee;
                    self.popup = Some(Popup::Form(Box::new(Form::coachee(
                        FormKind::EditCoachee { id: c.id.clone() },
                        &c.name,
                        &c.role,
                    ))));
                }
            }
            Cmd::Archive => {
                if let Some(s) = self.home.selected() {
                    let archived = !s.coachee.archived;
                    let text = if archived {
                        format!(
                            "Archive {}? Their sessions are kept; show them again with A.",
                            s.coachee.name
                        )
                    } else {
                        format!("Bring {} back from the archive?", s.coachee.name)
                    };
                    self.popup = Some(Popup::Confirm {
                        text,
                        on_yes: OnYes::Archive {
                            id: s.coachee.id.clone(),
                            archived,
                        },
                    });
                }
            }
            Cmd::ToggleArchived => {
                self.home.show_archived = !self.home.show_archived;
                return vec![Effect::LoadHome];
            }
            Cmd::NewSession => {
                if let Some(s) = self.home.selected() {
                    if let Some(sid) = &s.unfinished_session {
                        self.popup = Some(Popup::Unfinished {
                            coachee_id: s.coachee.id.clone(),
                            session_id: sid.clone(),
                            name: s.coachee.name.clone(),
                        });
                    } else {
                        self.popup = Some(Popup::Picker {
                            coachee_id: s.coachee.id.clone(),
                            coachee_name: s.coachee.name.clone(),
                            selected: 0,
                        });
                    }
                } else {
                    self.say("Add a coachee first: press a");
                }
            }
            Cmd::Resume => match self.home.selected() {
                Some(s) => match &s.unfinished_session {
                    Some(id) => {
                        return vec![Effect::OpenSession {
                            session_id: id.clone(),
                        }];
                    }
                    None => {
                        let name = s.coachee.name.clone();
                        self.say(format!(
                            "{name} has no unfinished session: press n to start one"
                        ));
                    }
                },
                None => self.say("Add a coachee first: press a"),
            },
            Cmd::Open => match self.home.selected() {
                Some(s) => {
                    return vec![Effect::LoadCoachee {
                        coachee_id: s.coachee.id.clone(),
                    }];
                }
                None => self.say("Add a coachee first: press a"),
            },
            Cmd::ActionsBoard => {
                return vec![Effect::LoadBoard {
                    status: crate::store::StatusFilter::Open,
                    coachee_id: None,
                }];
            }
            _ => {}
        }
        vec![]
    }
}
