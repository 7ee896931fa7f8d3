//! The current stage's card: the frame and intro here, one file per stage kind.

mod choice;
mod lists;
mod prompts;
mod ratings;

pub use lists::link_label;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::common::{self};
use crate::guide::StageKind;
use crate::tui::app::App;
use crate::tui::live::Live;
pub fn draw(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
    let Some(stage) = live.stage_def() else {
        return;
    };
    let block = common::block(app, format!(" {} ", stage.title), false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let intro_h = if stage.intro.is_empty() {
        0
    } else {
        // Short terminals keep the intro to two lines, leaving room for the work.
        intro_height(&stage.intro, inner.width).min(if inner.height < 26 { 2 } else { 3 })
    };
    let [intro, _gap, body] = Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Length(u16::from(intro_h > 0)),
        Constraint::Min(1),
    ])
    .areas(inner);
    if intro_h > 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(stage.intro.clone(), app.theme.dim))
                .wrap(Wrap { trim: true }),
            intro,
        );
    }
    match &stage.kind {
        StageKind::Questions { prompts } => {
            prompts::prompts_view(app, live, stage, prompts, frame, body)
        }
        StageKind::Review => lists::review_view(app, live, frame, body),
        StageKind::Ratings { items, scale } => {
            ratings::ratings_view(app, live, stage, items, *scale, frame, body)
        }
        StageKind::Choice { .. } => choice::choice_view(app, live, stage, frame, body),
        StageKind::Actions => lists::actions_view(app, live, frame, body),
        StageKind::Close { prompts, .. } => {
            prompts::close_view(app, live, stage, prompts, frame, body)
        }
    }
}

/// Rows `text` takes when word-wrapped at `width` (an estimate that errs long).
pub(super) fn intro_height(text: &str, width: u16) -> u16 {
    let w = usize::from(width.max(1));
    text.lines()
        .map(|l| {
            let mut rows = 1;
            let mut col = 0;
            for word in l.split(' ') {
                let n = word.chars().count();
                if col > 0 && col + 1 + n > w {
                    rows += 1;
                    col = 0;
                }
                col += n + usize::from(col > 0);
                rows += col / (w + 1);
                col %= w + 1;
            }
            rows
        })
        .sum::<usize>()
        .try_into()
        .unwrap_or(u16::MAX)
}

/// An editor in a box; the cursor shows only while typing in it.
pub(super) fn editor_box(
    app: &App,
    live: &Live,
    key: &str,
    title: &str,
    focused: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let editing = focused && live.editing;
    let label = if editing {
        format!(" {title} ✎ ")
    } else {
        format!(" {title} ")
    };
    let block = common::block(app, label, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(ed) = live.editors.get(key) {
        draw_editor(app, ed, editing, frame, inner);
    }
}

pub(super) fn draw_editor(
    app: &App,
    ed: &TextArea<'static>,
    editing: bool,
    frame: &mut Frame,
    area: Rect,
) {
    if editing {
        frame.render_widget(ed, area);
    } else if ed.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("(empty: Enter to write)", app.theme.dim)),
            area,
        );
    } else {
        let text: Vec<Line> = ed.lines().iter().map(|l| Line::from(l.as_str())).collect();
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area);
    }
}
