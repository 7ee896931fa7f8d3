//! The summary after finishing a session: everything captured, scrollable.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use super::{common, record};
use crate::tui::app::Summary;
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
