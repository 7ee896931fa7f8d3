//! The app's state and its top-level `update`: keys in, effects out, no I/O.

use crate::model::SessionId;
use crate::tui::effect::{Errand, Task};
use ratatui::crossterm::event::KeyEvent;
use time::{Date, OffsetDateTime};

use super::effect::Effect;
use super::form::{Form, FormKind};
use super::keymap::{self, Cmd, Context};
use super::msg::{Env, Msg};
pub use super::popup::{OnYes, Popup};
use super::screens::board::BoardView;
use super::screens::coachee::CoacheeView;
use super::screens::detail::DetailView;
pub use super::screens::home::Home;
use super::screens::search::SearchView;
use super::screens::session::Session;
pub use super::screens::summary::Summary;
use super::theme::Theme;
use crate::guide::LoadedGuide;

/// The screen under any popup.
pub enum Screen {
    Home,
    Session(Box<Session>),
    Summary(Box<Summary>),
    Coachee(Box<CoacheeView>),
    Detail(Box<DetailView>),
    Board(Box<BoardView>),
    Search(Box<SearchView>),
}

/// A line of feedback under the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// Everything on screen.
pub struct App {
    pub theme: Theme,
    pub share_safe: bool,
    pub guides: Vec<LoadedGuide>,
    pub home: Home,
    pub screen: Screen,
    /// The screens `Esc` goes back to, most recent last.
    pub history: Vec<Screen>,
    /// The live session left for a search: `Esc` out of the search resumes it.
    pub resume_after_search: Option<SessionId>,
    pub popup: Option<Popup>,
    pub message: Option<Message>,
    pub quit: bool,
    pub now: OffsetDateTime,
    pub today: Date,
    /// The database file, shown in the help.
    pub db_label: String,
    /// `innerceo demo`, with `--db` when the app runs on another file.
    pub demo_command: String,
    /// Whether an overrun timebox rings the terminal bell.
    pub bell: bool,
    /// A bell the run loop has yet to ring.
    pub ring: bool,
    /// Where exports from the app are proposed: the home folder by default.
    pub export_dir: std::path::PathBuf,
    /// Text the run loop has yet to put on the clipboard.
    pub clipboard: Option<String>,
    /// Text to open in the coach's own editor; the run loop takes it.
    pub edit_outside: Option<String>,
    /// The guide the new-session picker starts on (from the settings).
    pub default_guide: usize,
    /// Changes made on the screen shown, newest last, that `u` takes back;
    /// emptied when the screen changes (undo works within one visit).
    pub undo: Vec<super::effect::Undo>,
}

impl App {
    pub fn new(
        guides: Vec<LoadedGuide>,
        theme: Theme,
        share_safe: bool,
        now: OffsetDateTime,
    ) -> Self {
        Self {
            theme,
            share_safe,
            guides,
            home: Home::default(),
            screen: Screen::Home,
            history: Vec::new(),
            resume_after_search: None,
            popup: None,
            message: None,
            quit: false,
            now,
            today: crate::dates::local_date(now),
            db_label: String::new(),
            demo_command: "innerceo demo".to_owned(),
            bell: true,
            ring: false,
            export_dir: directories::UserDirs::new()
                .map_or_else(|| ".".into(), |u| u.home_dir().to_path_buf()),
            undo: Vec::new(),
            default_guide: 0,
            clipboard: None,
            edit_outside: None,
        }
    }

    /// What screens read while drawing.
    pub fn ui(&self) -> crate::tui::screens::common::Ui<'_> {
        crate::tui::screens::common::Ui {
            theme: self.theme,
            share_safe: self.share_safe,
            today: self.today,
            db_label: &self.db_label,
            demo_command: &self.demo_command,
        }
    }

    /// What screens may read: the one clock and the one share-safe switch.
    pub fn env(&self) -> Env {
        Env {
            now: self.now,
            today: self.today,
            share_safe: self.share_safe,
            export_dir: self.export_dir.clone(),
        }
    }

    /// Applies what a screen asked for; the one place `App` changes on its
    /// behalf. Returns the effects for the run loop.
    pub fn apply(&mut self, msgs: Vec<Msg>) -> Vec<Effect> {
        let mut effects = Vec::new();
        for m in msgs {
            match m {
                Msg::Effect(e) => effects.push(e),
                Msg::Popup(p) => self.popup = Some(self.on_default_guide(p)),
                Msg::Say(text) => self.say(text),
                Msg::Error(text) => self.error(text),
                Msg::Back => effects.extend(self.back()),
                Msg::Quit => effects.extend(self.quit_effects()),
                Msg::Search => {
                    if let Screen::Session(s) = &self.screen {
                        self.resume_after_search = Some(s.session_id().to_owned());
                    }
                    effects.extend(self.open_search());
                }
                Msg::Bell => self.ring = self.bell,
                Msg::EditOutside(text) => self.edit_outside = Some(text),
                Msg::Confirmed(on_yes) => effects.extend(self.confirmed(on_yes)),
                Msg::FormDone { form, effects: e } => effects.extend(self.after_form(&form, e)),
            }
        }
        effects
    }

    /// The keymap context of what has the keys now.
    pub fn context(&self) -> Context {
        match &self.popup {
            Some(Popup::Help { .. }) => return Context::Help,
            Some(Popup::Picker { .. }) => return Context::Picker,
            Some(Popup::ResumeList { .. }) => return Context::ResumeList,
            Some(Popup::Notes { .. }) => return Context::Notes,
            Some(Popup::Form(_)) => return Context::Form,
            Some(Popup::Confirm { .. }) => return Context::Confirm,
            Some(Popup::Unfinished { .. }) => return Context::Unfinished,
            None => {}
        }
        match &self.screen {
            Screen::Home => Context::Home,
            Screen::Session(live) => live.context(),
            Screen::Summary(_) => Context::Summary,
            Screen::Coachee(v) => v.context(),
            Screen::Detail(v)
                if v.data.record.session.status == crate::model::SessionStatus::InProgress =>
            {
                Context::DetailUnfinished
            }
            Screen::Detail(_) => Context::Detail,
            Screen::Board(_) => Context::Board,
            Screen::Search(_) => Context::Search,
        }
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// A key press. Returns what the run loop must do.
    pub fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let ctx = self.context();
        let cmd = keymap::lookup(ctx, &key);
        // A message stays until the next key, so it is read, not flashed.
        self.message = None;
        if cmd == Some(Cmd::ForceQuit) {
            return self.quit_effects();
        }
        // Share-safe while the coach types their notes about the coachee:
        // the notes close at once (what was typed is already on its way to
        // the store) and share-safe goes on as anywhere else.
        if cmd == Some(Cmd::ToggleShareSafe) && matches!(self.popup, Some(Popup::Notes { .. })) {
            self.popup = None;
        }
        if let Some(mut popup) = self.popup.take() {
            let env = self.env();
            let (answer, msgs) = popup.update(cmd, key, &env, &self.guides);
            match answer {
                super::popup::Answer::Keep => self.popup = Some(popup),
                super::popup::Answer::Replace(p) => self.popup = Some(self.on_default_guide(p)),
                super::popup::Answer::Close => {}
            }
            return self.apply(msgs);
        }
        if cmd == Some(Cmd::Help) {
            self.popup = Some(Popup::Help { ctx, scroll: 0 });
            return vec![];
        }
        if cmd == Some(Cmd::ToggleShareSafe) {
            self.share_safe = !self.share_safe;
            self.say(if self.share_safe {
                "Share-safe on: private notes are hidden"
            } else {
                "Share-safe off: private notes are visible"
            });
            let env = self.env();
            // Search results may hold private notes: ask again.
            return match &mut self.screen {
                Screen::Search(v) => vec![v.effect(self.share_safe)],
                Screen::Session(s) => {
                    let msgs = s.on_share_safe(env.share_safe, &env);
                    self.apply(msgs)
                }
                _ => vec![],
            };
        }
        if cmd == Some(Cmd::Undo) && !matches!(self.screen, Screen::Session(_)) {
            return self.undo_last();
        }
        // The live session saves before it lets the search take over.
        if cmd == Some(Cmd::Search) && !matches!(self.screen, Screen::Session(_)) {
            return self.open_search();
        }
        let env = self.env();
        match &mut self.screen {
            Screen::Home => {
                let msgs = self.home.update(cmd);
                self.apply(msgs)
            }
            Screen::Session(s) => {
                let msgs = s.update(cmd, key, &env);
                self.apply(msgs)
            }
            Screen::Coachee(_) | Screen::Detail(_) | Screen::Board(_) | Screen::Search(_) => {
                self.on_revisit_key(cmd, key)
            }
            Screen::Summary(s) => {
                let msgs = s.update(cmd, &env);
                self.apply(msgs)
            }
        }
    }

    /// The coach's editor gave `edited` back: it replaces the field's text,
    /// saved as if typed; a failure is said and changes nothing.
    pub fn edited_outside(&mut self, edited: Result<String, String>) -> Vec<Effect> {
        let env = self.env();
        let Screen::Session(s) = &mut self.screen else {
            return vec![];
        };
        match edited {
            Ok(text) => {
                let msgs = s.edited_outside(&text, &env);
                self.apply(msgs)
            }
            Err(why) => {
                s.edit_outside_failed();
                self.error(why);
                vec![]
            }
        }
    }

    /// Pasted text (bracketed paste): goes to the editor that has the focus.
    pub fn on_paste(&mut self, text: &str) -> Vec<Effect> {
        if let Some(Popup::Form(form)) = &mut self.popup {
            form.paste(text);
            return vec![];
        }
        if self.popup.is_some() {
            return vec![];
        }
        let env = self.env();
        match &mut self.screen {
            Screen::Session(s) => {
                let msgs = s.paste(text, &env);
                self.apply(msgs)
            }
            Screen::Search(v) => {
                let msgs = v.paste(text, &env);
                self.apply(msgs)
            }
            _ => vec![],
        }
    }

    /// Whether something on screen changes with the clock every second:
    /// the live session's clocks. Elsewhere only the date matters.
    pub fn ticks(&self) -> bool {
        matches!(self.screen, Screen::Session(_))
    }

    /// A clock tick: session time accounting.
    pub fn on_tick(&mut self, now: OffsetDateTime) -> Vec<Effect> {
        let seconds = (now - self.now).whole_seconds();
        self.now = now;
        self.today = crate::dates::local_date(now);
        match &mut self.screen {
            Screen::Session(s) => {
                let msgs = s.tick(seconds);
                self.apply(msgs)
            }
            _ => vec![],
        }
    }

    pub fn quit_effects(&mut self) -> Vec<Effect> {
        self.quit = true;
        let mut effects = Vec::new();
        let env = self.env();
        if let Screen::Session(s) = &mut self.screen {
            effects.extend(s.flush_editors(&env));
            effects.push(s.progress_write());
        }
        effects.push(Effect::Durable);
        effects.push(Effect::Quit);
        effects
    }
}

impl App {
    /// A guide picker opens on the guide the settings name.
    fn on_default_guide(&self, p: Popup) -> Popup {
        match p {
            Popup::Picker {
                coachee_id,
                coachee_name,
                ..
            } => Popup::Picker {
                coachee_id,
                coachee_name,
                selected: self.default_guide.min(self.guides.len().saturating_sub(1)),
            },
            other => other,
        }
    }

    /// `u`: takes back the last change made on this screen.
    fn undo_last(&mut self) -> Vec<Effect> {
        if let Some(u) = self.undo.pop() {
            vec![Effect::Task(Task::Undo(u))]
        } else {
            self.say("Nothing to undo on this screen");
            vec![]
        }
    }

    fn after_form(&mut self, form: &Form, effects: Vec<Effect>) -> Vec<Effect> {
        if let FormKind::Export { .. } = &form.kind {
            return crate::tui::export_dialog::submit(form, self.share_safe);
        }
        if let FormKind::Topic { .. } = &form.kind {
            return crate::tui::topic_form::submit(form);
        }
        if let FormKind::Goal {
            coachee: Some(_), ..
        } = &form.kind
        {
            return crate::tui::goal_form::submit_between(form, self.now, self.today);
        }
        if let FormKind::Prep { .. } = &form.kind {
            let guide = self.guides.get(self.default_guide).map(|l| &l.guide);
            return crate::tui::prep_dialog::submit(form, guide);
        }
        if let FormKind::Report { .. } = &form.kind {
            return crate::tui::report_dialog::submit(form, self.share_safe);
        }
        let env = self.env();
        if let (FormKind::Action { .. }, Screen::Session(s)) = (&form.kind, &mut self.screen) {
            return s.apply_action_form(form, &env);
        }
        if let (FormKind::Goal { .. }, Screen::Session(s)) = (&form.kind, &mut self.screen) {
            return s.apply_goal_form(form, &env);
        }
        effects
    }

    fn confirmed(&mut self, on_yes: OnYes) -> Vec<Effect> {
        let env = self.env();
        match on_yes {
            OnYes::Archive { id, archived } => {
                vec![Effect::Task(Task::SetArchived { id, archived })]
            }
            OnYes::Finish => match &mut self.screen {
                Screen::Session(s) => {
                    let mut effects = s.flush_editors(&env);
                    effects.push(s.progress_write());
                    effects.push(Effect::Task(Task::CompleteSession {
                        session_id: s.session_id().to_owned(),
                    }));
                    effects
                }
                _ => vec![],
            },
            OnYes::Restore(path) => vec![Effect::Errand(Errand::Restore(path))],
            OnYes::TakeOver(session_id) => vec![Effect::Task(Task::TakeOver { session_id })],
            OnYes::Discard(session_id) => vec![Effect::Task(Task::DiscardSession { session_id })],
            OnYes::DeleteAction(i) => match &mut self.screen {
                Screen::Session(s) => s.delete_action(i),
                _ => vec![],
            },
        }
    }
}
