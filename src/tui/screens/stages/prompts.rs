//! Questions and close stages: prompts with their answers, confidence, next date.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::common::bar;
use super::{editor_box, intro_height};
use crate::dates;
use crate::guide::{Prompt, Scale, Stage, StageKind};
use crate::tui::app::App;
use crate::tui::live::Live;
use crate::tui::live::fields::FieldKind;

/// Prompts: the focused one open with its hint and editor, the others one line each.
pub fn prompts_view(
    app: &App,
    live: &Live,
    stage: &Stage,
    prompts: &[Prompt],
    frame: &mut Frame,
    area: Rect,
) {
    prompts_in(app, live, stage, prompts, frame, area);
}

pub fn prompts_in(
    app: &App,
    live: &Live,
    stage: &Stage,
    prompts: &[Prompt],
    frame: &mut Frame,
    area: Rect,
) {
    let t = &app.theme;
    let focused = match live.focused() {
        Some(FieldKind::Prompt(i)) => Some(i),
        _ => None,
    };
    let open = focused.unwrap_or(0);
    let mut constraints = Vec::new();
    for (i, p) in prompts.iter().enumerate() {
        if i == open {
            let text_w = area.width.saturating_sub(3);
            let hint = if p.hint.is_empty() {
                0
            } else {
                intro_height(&p.hint, text_w).min(2)
            };
            constraints.push(Constraint::Length(
                intro_height(&p.text, text_w).min(2) + hint,
            ));
            constraints.push(Constraint::Min(3));
        } else {
            constraints.push(Constraint::Length(2));
        }
    }
    let areas = Layout::vertical(constraints).split(area);
    let mut k = 0;
    for (i, p) in prompts.iter().enumerate() {
        let key = format!("a/{}/{}", stage.id, p.id);
        let n = i + 1;
        if i == open {
            let head = areas[k];
            k += 1;
            let [q, h] =
                Layout::horizontal([Constraint::Length(3), Constraint::Min(1)]).areas(head);
            frame.render_widget(Paragraph::new(Span::styled(format!("{n}. "), t.key)), q);
            let mut lines = vec![Line::styled(p.text.clone(), t.title)];
            if !p.hint.is_empty() {
                lines.push(Line::styled(p.hint.clone(), t.dim));
            }
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), h);
            editor_box(
                app,
                live,
                &key,
                "Answer",
                focused == Some(i),
                frame,
                areas[k],
            );
            k += 1;
        } else {
            let preview = live
                .editor_text(&key)
                .map(|s| s.replace('\n', " "))
                .filter(|s| !s.trim().is_empty());
            let lines = vec![
                Line::from(vec![
                    Span::styled(format!("{n}. "), t.dim),
                    Span::raw(p.text.clone()),
                ]),
                match preview {
                    Some(s) => Line::styled(format!("   {s}"), t.dim),
                    None => Line::styled("   (no answer yet)", t.dim),
                },
            ];
            frame.render_widget(Paragraph::new(lines), areas[k]);
            k += 1;
        }
    }
}

pub fn close_view(
    app: &App,
    live: &Live,
    stage: &Stage,
    prompts: &[Prompt],
    frame: &mut Frame,
    area: Rect,
) {
    let t = &app.theme;
    let StageKind::Close {
        confidence,
        next_session,
        ..
    } = &stage.kind
    else {
        return;
    };
    let extra = u16::from(confidence.is_some()) * 2 + u16::from(*next_session) * 3;
    let [top, bottom] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(extra)]).areas(area);
    prompts_in(app, live, stage, prompts, frame, top);
    let mut y = bottom.y;
    if let Some(c) = confidence {
        let scale = c.scale_or(Scale::default());
        let score = live
            .data
            .record
            .rating(&stage.id, &c.id)
            .and_then(|r| r.score);
        let focused = live.focused() == Some(FieldKind::Confidence);
        let style = if focused { t.selected } else { t.base };
        let lines = vec![
            Line::from(vec![
                Span::styled(if focused { "› " } else { "  " }, t.key),
                Span::styled(format!("{} ", c.label), t.title),
                Span::styled(bar(score, scale.min, scale.max, 10), style),
                Span::raw(format!(
                    " {} / {}",
                    score.map_or("-".to_owned(), |s| s.to_string()),
                    scale.max
                )),
                Span::styled("  ←/→ or 1-0", t.dim),
            ]),
            Line::styled(format!("  {}", c.question), t.dim),
        ];
        frame.render_widget(
            Paragraph::new(lines),
            Rect {
                y,
                height: 2,
                ..bottom
            },
        );
        y += 2;
    }
    if *next_session {
        let focused = live.focused() == Some(FieldKind::NextSession);
        let [input, shown] = Layout::horizontal([Constraint::Length(24), Constraint::Min(1)])
            .areas(Rect {
                y,
                height: 3,
                ..bottom
            });
        editor_box(app, live, "d/next", "Next session", focused, frame, input);
        let text = live.editor_text("d/next").unwrap_or_default();
        let resolved = match dates::parse_due(&text, app.today) {
            Ok(Some(d)) => Line::from(vec![
                Span::raw(" → "),
                Span::styled(dates::fmt_date_long(d), t.ok),
            ]),
            Ok(None) => Line::styled(" e.g. +2w, fri, 2026-12-09", t.dim),
            Err(_) => Line::styled(" not a date yet: try +2w, fri, 2026-12-09", t.warn),
        };
        frame.render_widget(
            Paragraph::new(resolved),
            Rect {
                y: shown.y + 1,
                height: 1,
                ..shown
            },
        );
    }
}
