//! The ratings stage: scores with bars, changes since last time, and the radar.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::common::{bar, delta, short_label};
use super::{editor_box, intro_height};
use crate::guide::{RatingItem, Scale, Stage};
use crate::tui::app::App;
use crate::tui::live::Live;
use crate::tui::live::fields::FieldKind;
use crate::tui::widgets::radar::Radar;

#[allow(clippy::too_many_arguments)]
pub fn ratings_view(
    app: &App,
    live: &Live,
    stage: &Stage,
    items: &[RatingItem],
    scale: Scale,
    frame: &mut Frame,
    area: Rect,
) {
    let t = &app.theme;
    let radar_w = if area.width >= 90 { 44 } else { 26 };
    let [left, right] =
        Layout::horizontal([Constraint::Min(30), Constraint::Length(radar_w)]).areas(area);
    let focused = match live.focused() {
        Some(FieldKind::RatingItem(i)) => Some(i),
        _ => None,
    };
    let label_w = items
        .iter()
        .map(|i| i.label.chars().count())
        .max()
        .unwrap_or(8)
        .min(18);
    let bar_w = if left.width >= 56 { 10 } else { 5 };
    let mut lines = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let sc = it.scale_or(scale);
        let score = live
            .data
            .record
            .rating(&stage.id, &it.id)
            .and_then(|r| r.score);
        let prev = live.data.previous.get(&it.id).copied();
        let sel = focused == Some(i);
        let mut spans = vec![
            Span::styled(if sel { "› " } else { "  " }, t.key),
            Span::styled(
                format!("{:<w$} ", it.label, w = label_w),
                if sel { t.selected } else { t.base },
            ),
            Span::styled(
                bar(score, sc.min, sc.max, bar_w),
                if sel { t.current } else { t.base },
            ),
            Span::raw(format!(
                " {:>2}",
                score.map_or("-".to_owned(), |s| s.to_string())
            )),
        ];
        let roomy = left.width >= 48;
        match (prev, score) {
            (Some(p), Some(s)) if roomy => {
                spans.push(Span::styled(format!("  was {p} ({})", delta(s - p)), t.dim));
            }
            (Some(p), Some(s)) => spans.push(Span::styled(format!(" {}", delta(s - p)), t.dim)),
            (Some(p), None) if roomy => spans.push(Span::styled(format!("  was {p}"), t.dim)),
            _ => {}
        }
        lines.push(Line::from(spans));
    }
    let n = items.len() as u16;
    // The focused item's question, wrapped: up to three lines.
    let question_h = focused
        .and_then(|i| items.get(i))
        .map_or(2, |it| intro_height(&it.question, left.width).clamp(1, 3));
    let [list, question, note] = Layout::vertical([
        Constraint::Length(n + 1),
        Constraint::Length(question_h),
        Constraint::Min(3),
    ])
    .areas(left);
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(it) = focused.and_then(|i| items.get(i)) {
        frame.render_widget(
            Paragraph::new(Line::styled(it.question.clone(), t.title)).wrap(Wrap { trim: true }),
            question,
        );
        let key = format!("r/{}/{}", stage.id, it.id);
        editor_box(
            app,
            live,
            &key,
            &format!("Note on {}", it.label),
            live.editing,
            frame,
            note,
        );
    }
    let narrow = right.width < 40;
    let labels = items
        .iter()
        .map(|i| {
            let l = short_label(&i.label);
            if narrow {
                l.chars().take(4).collect()
            } else {
                l
            }
        })
        .collect();
    let current = items
        .iter()
        .map(|it| {
            live.data
                .record
                .rating(&stage.id, &it.id)
                .and_then(|r| r.score)
                .map(|s| s as f64)
        })
        .collect();
    let previous = (!live.data.previous.is_empty()).then(|| {
        items
            .iter()
            .map(|it| live.data.previous.get(&it.id).map(|s| *s as f64))
            .collect()
    });
    let has_prev = previous.is_some();
    // Keep the chart about twice as wide as tall, as cells are twice as tall as wide.
    let chart_h = (right.width / 2 + 2).min(right.height.saturating_sub(1));
    let [chart, legend, _] = Layout::vertical([
        Constraint::Length(chart_h),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(right);
    frame.render_widget(
        Radar {
            labels,
            current,
            previous,
            min: scale.min as f64,
            max: scale.max as f64,
            theme: t,
        },
        chart,
    );
    let mut l = vec![Span::styled("── now", t.current)];
    if has_prev {
        l.push(Span::styled("  ·· last time", t.previous));
    }
    frame.render_widget(Paragraph::new(Line::from(l)).centered(), legend);
}
