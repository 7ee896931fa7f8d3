//! The summary after finishing a session: everything captured, scrollable.

use crate::tui::effect::Errand;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{common, record};
use crate::tui::keymap::Cmd;
use crate::tui::msg::{Env, Msg};
use crate::tui::screens::common::Ui;

pub fn draw(ui: &Ui<'_>, s: &Summary, frame: &mut Frame, area: Rect) {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    common::title_bar(ui, frame, top, "Session summary", vec![]);
    let lines = record::lines(&s.data, &ui.theme, !ui.share_safe);
    let count = lines.len();
    // Scrolling counts the record's lines (as the keys do); they are
    // wrapped for display only. The end stays at the box's foot.
    let furthest = common::last_start(
        &lines,
        body.width.saturating_sub(2),
        body.height.saturating_sub(2),
    );
    s.furthest.set(u16::try_from(furthest).unwrap_or(u16::MAX));
    let scroll = usize::from(s.scroll).min(furthest);
    let lines = common::hang_indent(
        lines.into_iter().skip(scroll).collect(),
        usize::from(body.width.saturating_sub(2)),
    );
    let block = common::block(ui, " Summary ", true).title_bottom(
        Line::styled(format!(" line {}/{count} ", scroll + 1), ui.theme.dim).right_aligned(),
    );
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        body,
    );
}

/// How far PgDn / Space and PgUp move: most of a page at 80x24.
const PAGE: u16 = 15;

/// The summary shown after finishing a session.
pub struct Summary {
    pub data: crate::tui::effect::SessionData,
    pub scroll: u16,
    /// The furthest the box can scroll, as last drawn (the keys stop there).
    pub furthest: std::cell::Cell<u16>,
}

impl Summary {
    pub fn new(data: crate::tui::effect::SessionData) -> Self {
        Self {
            data,
            scroll: 0,
            furthest: std::cell::Cell::new(u16::MAX),
        }
    }
}

impl Summary {
    /// A key on the summary: scroll, export, back, quit.
    pub fn update(&mut self, cmd: Option<Cmd>, env: &Env) -> Vec<Msg> {
        self.scroll = self.scroll.min(self.furthest.get());
        // Not past the end: the last line stays on screen.
        let last = || {
            let n = super::record::lines(
                &self.data,
                &crate::tui::theme::Theme::plain(),
                !env.share_safe,
            )
            .len()
            .saturating_sub(1);
            u16::try_from(n)
                .unwrap_or(u16::MAX)
                .min(self.furthest.get())
        };
        match cmd {
            Some(Cmd::Down) => self.scroll = self.scroll.saturating_add(1).min(last()),
            Some(Cmd::PageDown) => self.scroll = self.scroll.saturating_add(PAGE).min(last()),
            Some(Cmd::Bottom) => self.scroll = last(),
            Some(Cmd::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Cmd::PageUp) => self.scroll = self.scroll.saturating_sub(PAGE),
            Some(Cmd::Top) => self.scroll = 0,
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
