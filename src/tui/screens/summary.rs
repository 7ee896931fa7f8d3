//! The summary after finishing a session: everything captured, scrollable.

use crate::tui::effect::Errand;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use super::{common, record};
use crate::tui::keymap::Cmd;
use crate::tui::msg::{Env, Msg};
use crate::tui::screens::common::Ui;

pub fn draw(ui: &Ui<'_>, s: &Summary, frame: &mut Frame, area: Rect) {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    common::title_bar(ui, frame, top, "Session summary", vec![]);
    let lines = record::lines(&s.data, &ui.theme, !ui.share_safe);
    let lines = common::hang_indent(lines, usize::from(body.width.saturating_sub(2)));
    let block = common::block(ui, " Summary ", true);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((s.scroll, 0)),
        body,
    );
}

/// The summary shown after finishing a session.
pub struct Summary {
    pub data: crate::tui::effect::SessionData,
    pub scroll: u16,
}

impl Summary {
    /// A key on the summary: scroll, export, back, quit.
    pub fn update(&mut self, cmd: Option<Cmd>, env: &Env) -> Vec<Msg> {
        match cmd {
            Some(Cmd::Down) => {
                // Not past the end: the last line stays on screen.
                let last = super::record::lines(
                    &self.data,
                    &crate::tui::theme::Theme::plain(),
                    !env.share_safe,
                )
                .len()
                .saturating_sub(1);
                self.scroll = self
                    .scroll
                    .saturating_add(1)
                    .min(u16::try_from(last).unwrap_or(u16::MAX));
            }
            Some(Cmd::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Cmd::Back) => return vec![Msg::Back],
            Some(Cmd::Quit) => return vec![Msg::Quit],
            Some(Cmd::Export) => {
                return vec![Msg::Popup(crate::tui::export_dialog::popup(
                    &self.data, env,
                ))];
            }
            Some(Cmd::Copy) => {
                return vec![Msg::Effect(crate::tui::effect::Effect::Errand(
                    Errand::Copy {
                        session_id: self.data.record.session.id.clone(),
                        include_private: !env.share_safe,
                    },
                ))];
            }
            _ => {}
        }
        vec![]
    }
}
