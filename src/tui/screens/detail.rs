//! A past session: scroll through it, jump from stage to stage, reopen it
//! when unfinished, correct it when finished, or discard it.

mod draw;

pub use draw::draw;

use crate::guide::StageKind;
use crate::model::SessionId;
use crate::model::SessionStatus;
use crate::tui::effect::{DetailAt, Effect, SessionData};
use crate::tui::effect::{Errand, Task};
use crate::tui::keymap::Cmd;
use crate::tui::msg::{Env, Msg};
use crate::tui::screens::record;
use crate::tui::theme::Theme;

/// The session detail's state. `scroll` counts document lines (not wrapped
/// rows), so jumping to a stage does not depend on the terminal's width.
pub struct DetailView {
    pub data: SessionData,
    pub scroll: usize,
    /// The furthest the view can scroll, as last drawn (the keys stop
    /// there, with the end at the box's foot).
    pub furthest: std::cell::Cell<usize>,
}

impl DetailView {
    /// Opens `data` at the top, or at `stage`'s heading.
    pub fn new(data: SessionData, stage: Option<&DetailAt>, private: bool) -> Self {
        let mut v = Self {
            data,
            scroll: 0,
            furthest: std::cell::Cell::new(usize::MAX),
        };
        if let Some(DetailAt::Section(title)) = stage {
            let doc = record::document(&v.data, &Theme::plain(), private);
            v.scroll = doc
                .sections
                .iter()
                .find(|(t, _)| t == title)
                .map_or(0, |(_, line)| *line);
        } else if let Some(at) = stage {
            let stages = &v.data.record.session.guide.stages;
            let id = match at {
                DetailAt::Stage(id) => id.clone(),
                DetailAt::Actions => stages
                    .iter()
                    .find(|s| matches!(s.kind, StageKind::Actions))
                    .map(|s| s.id.clone())
                    .unwrap_or_default(),
                DetailAt::Section(_) => String::new(),
            };
            let id = id.as_str();
            v.scroll = v
                .anchors(private)
                .into_iter()
                .find(|(s, _)| s == id)
                .map_or(0, |(_, line)| line);
        }
        v
    }

    pub fn session_id(&self) -> &SessionId {
        &self.data.record.session.id
    }

    /// Where each stage starts in the document as shown with or without
    /// private notes.
    pub fn anchors(&self, private: bool) -> Vec<(String, usize)> {
        record::document(&self.data, &Theme::plain(), private).stages
    }

    fn len(&self, private: bool) -> usize {
        record::document(&self.data, &Theme::plain(), private)
            .lines
            .len()
    }

    /// Index of the stage whose text is at the top of the view.
    pub fn current_stage(&self, private: bool) -> Option<usize> {
        self.anchors(private)
            .iter()
            .rposition(|(_, line)| *line <= self.scroll)
    }
}

impl DetailView {
    /// A key on the session detail.
    pub fn update(&mut self, cmd: Cmd, env: &Env) -> Vec<Msg> {
        let private = !env.share_safe;
        let v = self;
        let last = v.len(private).saturating_sub(1).min(v.furthest.get());
        v.scroll = v.scroll.min(last);
        match cmd {
            Cmd::Down => v.scroll = (v.scroll + 1).min(last),
            Cmd::Up => v.scroll = v.scroll.min(last).saturating_sub(1),
            Cmd::Top => v.scroll = 0,
            Cmd::Bottom => v.scroll = last,
            Cmd::NextStage => {
                let scroll = v.scroll;
                if let Some((_, line)) = v.anchors(private).into_iter().find(|(_, l)| *l > scroll) {
                    v.scroll = line;
                }
            }
            Cmd::PrevStage => {
                let scroll = v.scroll;
                v.scroll = v
                    .anchors(private)
                    .into_iter()
                    .rev()
                    .find(|(_, l)| *l < scroll)
                    .map_or(0, |(_, l)| l);
            }
            Cmd::Resume => {
                if v.data.record.session.status == SessionStatus::InProgress {
                    return vec![Msg::Effect(Effect::Task(Task::OpenSession {
                        session_id: v.session_id().to_owned(),
                    }))];
                }
                return vec![Msg::Say(
                    "This session is finished: it can be read here, not changed".to_owned(),
                )];
            }
            Cmd::Export => {
                return vec![Msg::Popup(crate::tui::export_dialog::popup(&v.data, env))];
            }
            Cmd::Correct if v.data.record.session.status == SessionStatus::Completed => {
                return vec![
                    Msg::Effect(Effect::Task(Task::OpenSession {
                        session_id: v.session_id().to_owned(),
                    })),
                    Msg::Say(
                        "Correcting: the session stays finished and every change is dated. Ctrl-f when done".to_owned(),
                    ),
                ];
            }
            Cmd::Copy => {
                return vec![Msg::Effect(Effect::Errand(Errand::Copy {
                    session_id: v.session_id().to_owned(),
                    include_private: !env.share_safe,
                }))];
            }
            Cmd::Discard => {
                return vec![Msg::Effect(Effect::Task(Task::AskDiscard {
                    session_id: v.session_id().to_owned(),
                }))];
            }
            _ => {}
        }
        vec![]
    }
}
