//! The choice stage: options, rationale and tags.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::common::{self};
use super::editor_box;
use crate::guide::{Stage, StageKind};
use crate::tui::app::App;
use crate::tui::live::Live;
use crate::tui::live::fields::FieldKind;

pub fn choice_view(app: &App, live: &Live, stage: &Stage, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let StageKind::Choice {
        question,
        options,
        tags,
        tags_title,
        rationale,
    } = &stage.kind
    else {
        return;
    };
    let chosen = live.data.record.choice(&stage.id);
    let chosen_opt = chosen.and_then(|c| c.option_id.clone());
    let focus = live.focused();
    let ncols: u16 = if tags.len() > 4 && area.width >= 72 {
        3
    } else {
        2
    };
    let tags_h = if tags.is_empty() {
        0
    } else {
        (tags.len() as u16).div_ceil(ncols) + 2
    };
    let [opts, desc, rat, tg] = Layout::vertical([
        Constraint::Length(options.len() as u16 + u16::from(!question.is_empty())),
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(tags_h),
    ])
    .areas(area);
    let mut lines = Vec::new();
    if !question.is_empty() {
        lines.push(Line::styled(question.clone(), t.title));
    }
    let on_opts = focus == Some(FieldKind::ChoiceOptions);
    for (i, o) in options.iter().enumerate() {
        let picked = chosen_opt.as_deref() == Some(o.id.as_str());
        let cursor = on_opts && live.row == i;
        lines.push(Line::from(vec![
            Span::styled(if cursor { "› " } else { "  " }, t.key),
            Span::styled(
                if picked { "(•) " } else { "( ) " },
                if picked { t.current } else { t.base },
            ),
            Span::styled(
                o.label.clone(),
                if cursor {
                    t.selected
                } else if picked {
                    t.current
                } else {
                    t.base
                },
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), opts);
    let shown = if on_opts {
        options.get(live.row)
    } else {
        options
            .iter()
            .find(|o| Some(o.id.as_str()) == chosen_opt.as_deref())
    };
    if let Some(o) = shown {
        frame.render_widget(
            Paragraph::new(Line::styled(o.description.clone(), t.dim)).wrap(Wrap { trim: true }),
            desc,
        );
    }
    editor_box(
        app,
        live,
        &format!("c/{}", stage.id),
        rationale,
        focus == Some(FieldKind::Rationale),
        frame,
        rat,
    );
    if !tags.is_empty() {
        let on_tags = focus == Some(FieldKind::Tags);
        let block = common::block(
            app,
            format!(" {} ", crate::guide::tags_heading(tags_title)),
            on_tags,
        );
        let inner = block.inner(tg);
        frame.render_widget(block, tg);
        let half = tags.len().div_ceil(usize::from(ncols));
        let cols = Layout::horizontal(vec![Constraint::Fill(1); usize::from(ncols)]).split(inner);
        for (c, chunk) in tags.chunks(half.max(1)).enumerate() {
            let lines: Vec<Line> = chunk
                .iter()
                .enumerate()
                .map(|(j, tag)| {
                    let i = c * half + j;
                    let on = chosen.is_some_and(|ch| ch.tags.contains(&tag.id));
                    let cursor = on_tags && live.row == i;
                    Line::from(vec![
                        Span::styled(
                            if on { "[x] " } else { "[ ] " },
                            if on { t.current } else { t.base },
                        ),
                        Span::styled(tag.label.clone(), if cursor { t.selected } else { t.base }),
                    ])
                })
                .collect();
            if let Some(col) = cols.get(c) {
                frame.render_widget(Paragraph::new(lines), *col);
            }
        }
    }
}
