//! Drawing the session: header with clocks, stage list or notes pane, the scrolled card.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Session;
use super::card;
use crate::dates::fmt_clock;
use crate::guide::StageKind;
use crate::tui::msg::Env;
use crate::tui::screens::common::{self, short_label};
use crate::tui::theme::Theme;
use crate::tui::widgets::radar::Radar;
use crate::tui::widgets::stage_list::{StageList, StageRow};
use crate::tui::wrap;

/// Width of the left column: the stage list, or the notes pane in its place.
fn left_width(total: u16, pane: bool) -> u16 {
    match (total >= 110, pane) {
        (true, false) => 26,
        (false, false) => 22,
        (true, true) => 38,
        (false, true) => 28,
    }
}

/// The radar sits beside the ratings when the card is at least this wide.
const RADAR_MIN_CARD: u16 = 90;

pub fn draw(s: &Session, theme: &Theme, env: &Env, frame: &mut Frame, area: Rect) {
    let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    header(s, theme, env, frame, top);
    // The notes pane takes the stage list's place, so it never hides the
    // element being worked on.
    let pane = s.pane_open && !env.share_safe;
    let [left, main] = Layout::horizontal([
        Constraint::Length(left_width(area.width, pane)),
        Constraint::Min(1),
    ])
    .areas(body);
    if pane {
        notes_pane(s, theme, frame, left);
    } else {
        stage_list(s, theme, env, frame, left);
    }
    stage_card(s, theme, env, frame, main);
}

fn header(s: &Session, theme: &Theme, env: &Env, frame: &mut Frame, area: Rect) {
    let t = theme;
    let rec = &s.data.record;
    let [l1, l2] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let total = rec.session.total_seconds();
    let planned = s.planned_minutes();
    let clock = if s.correcting() {
        // A finished session's clock is history: say what this window does.
        let held = crate::dates::fmt_date(crate::dates::local_date(rec.session.started_at));
        format!("held {held} ")
    } else if planned > 0 {
        format!("{} of {planned} min ", fmt_clock(total))
    } else {
        format!("{} ", fmt_clock(total))
    };
    let badge = if env.share_safe { 14 } else { 0 };
    let label = if s.correcting() { 18 } else { 13 };
    let room = usize::from(area.width).saturating_sub(label + badge + wrap::width(&clock) + 2);
    let title = wrap::ellipsis(
        &format!("{} · {}", rec.coachee.name, rec.session.guide.title),
        room,
    );
    common::title_bar_in(
        t,
        env.share_safe,
        frame,
        l1,
        &title,
        vec![
            Span::styled(
                if s.correcting() {
                    "CORRECTING · "
                } else {
                    "session "
                },
                if s.correcting() { t.warn } else { t.dim },
            ),
            Span::raw(clock),
        ],
    );
    let Some(stage) = s.stage_def() else {
        return;
    };
    let spent = s.stage_seconds();
    let (right, over) = match stage.timebox {
        _ if s.correcting() => ("changes are dated; Ctrl-f when done ".to_owned(), false),
        Some(m) if spent > m * 60 => (
            format!(
                "⚠ OVER TIME by {} ({m} min planned) ",
                fmt_clock(spent - m * 60)
            ),
            true,
        ),
        Some(m) => (
            format!("stage {} left of {m} min ", fmt_clock(m * 60 - spent)),
            false,
        ),
        None => (format!("stage {} ", fmt_clock(spent)), false),
    };
    let room = usize::from(area.width).saturating_sub(wrap::width(&right) + 14);
    let left = vec![
        Span::styled(
            format!(" Stage {}/{}: ", s.stage + 1, s.stage_count()),
            if over { t.warn } else { t.dim },
        ),
        Span::styled(wrap::ellipsis(&stage.title, room), t.title),
    ];
    frame.render_widget(Paragraph::new(Line::from(left)), l2);
    frame.render_widget(
        Paragraph::new(Line::styled(right, if over { t.warn } else { t.dim })).right_aligned(),
        l2,
    );
}

fn stage_list(s: &Session, theme: &Theme, env: &Env, frame: &mut Frame, area: Rect) {
    let list = StageList {
        rows: s
            .data
            .record
            .session
            .guide
            .stages
            .iter()
            .map(|st| StageRow {
                title: st.title.clone(),
                progress: s.progress_of(st),
                note: !env.share_safe && s.has_private_note(&st.id),
            })
            .collect(),
        current: s.stage,
        theme: *theme,
    };
    frame.render_widget(&list, area);
}

fn notes_pane(s: &Session, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = theme;
    let title = if s.in_pane {
        " › Private note "
    } else {
        " Private note "
    };
    let block = common::block_with(t, Line::styled(title, t.private), s.in_pane);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(1);
    let Some(key) = s.private_key() else {
        return;
    };
    let Some(ed) = s.editors.get(&key) else {
        return;
    };
    let lines: Vec<String> = ed.lines().to_vec();
    let mut rows: Vec<Line> = Vec::new();
    let stage = s.stage_def().map(|st| st.title.clone()).unwrap_or_default();
    for r in wrap::wrap(
        &format!("Coach only, on {stage}; hidden in share-safe mode."),
        width,
    ) {
        rows.push(Line::styled(r, t.dim));
    }
    let head = rows.len();
    if lines.iter().all(String::is_empty) && !s.in_pane {
        for r in wrap::wrap("Ctrl-o to write here", width) {
            rows.push(Line::styled(r, t.dim));
        }
    }
    for line in &lines {
        for r in wrap::wrap(line, width) {
            rows.push(Line::styled(r, t.private));
        }
    }
    let h = usize::from(inner.height);
    let cursor = s.in_pane.then(|| {
        let ratatui_textarea::DataCursor(row, col) = ed.cursor();
        let (r, c) = wrap::cursor_at(&lines, width, row, col);
        (head + r, c)
    });
    let top = cursor.map_or(0, |(r, _)| (r + 1).saturating_sub(h));
    let visible: Vec<Line> = rows.into_iter().skip(top).take(h).collect();
    frame.render_widget(Paragraph::new(visible), inner);
    if let Some((r, c)) = cursor {
        set_cursor(frame, inner, r - top, c);
    }
}

fn set_cursor(frame: &mut Frame, inner: Rect, row: usize, col: usize) {
    let x = inner.x
        + u16::try_from(col)
            .unwrap_or(u16::MAX)
            .min(inner.width.saturating_sub(1));
    let y = inner.y
        + u16::try_from(row)
            .unwrap_or(u16::MAX)
            .min(inner.height.saturating_sub(1));
    frame.set_cursor_position(Position { x, y });
}

/// The first row of the window over the card: the focused element (and
/// the cursor in it) in view, as little scrolling as possible.
pub fn window_top(card: &card::Card, focus: usize, height: usize) -> usize {
    let total = card.rows.len();
    let (start, end) = card.spans.get(focus).copied().unwrap_or((0, 0));
    let mut top = end.saturating_sub(height);
    if start < top {
        top = start;
    }
    if let Some((row, _)) = card.cursor {
        if row >= top + height {
            top = row + 1 - height;
        }
        if row < top {
            top = row;
        }
    }
    top.min(total.saturating_sub(height))
}

fn stage_card(s: &Session, theme: &Theme, env: &Env, frame: &mut Frame, area: Rect) {
    let t = theme;
    let Some(stage) = s.stage_def() else {
        return;
    };
    let focus_here = !s.in_pane;
    let probe = common::block_with(t, "", focus_here).inner(area);
    let radar = matches!(stage.kind, StageKind::Ratings { .. }) && probe.width >= RADAR_MIN_CARD;
    // One column of air on the left, so text does not touch the border.
    let probe = Rect {
        x: probe.x + 1,
        width: probe.width.saturating_sub(1),
        ..probe
    };
    let [text_area, radar_area] = if radar {
        Layout::horizontal([Constraint::Min(42), Constraint::Length(48)]).areas(probe)
    } else {
        [probe, Rect::default()]
    };
    let card = card::build(s, t, usize::from(text_area.width).saturating_sub(1), env);
    let h = usize::from(text_area.height);
    let top = window_top(&card, s.focus, h);
    let more_above = top > 0;
    let more_below = top + h < card.rows.len();
    let mut block = common::block_with(t, format!(" {} ", stage.title), focus_here);
    if more_above {
        block = block.title(Line::styled(" ▲ more above ", t.key).right_aligned());
    }
    if more_below {
        block = block.title_bottom(Line::styled(" ▼ more below ", t.key).right_aligned());
    }
    frame.render_widget(block, area);
    let visible: Vec<Line> = card.rows.iter().skip(top).take(h).cloned().collect();
    frame.render_widget(Paragraph::new(visible), text_area);
    if let Some((row, col)) = card.cursor
        && focus_here
        && row >= top
    {
        set_cursor(frame, text_area, row - top, col);
    }
    if radar {
        draw_radar(s, t, frame, radar_area);
    }
}

fn draw_radar(s: &Session, t: &Theme, frame: &mut Frame, area: Rect) {
    let Some(stage) = s.stage_def() else {
        return;
    };
    let StageKind::Ratings { items, scale } = &stage.kind else {
        return;
    };
    let labels = items.iter().map(|i| short_label(&i.label)).collect();
    let current = items
        .iter()
        .map(|it| {
            s.data
                .record
                .rating(&stage.id, &it.id)
                .and_then(|r| r.score)
                .map(|v| v as f64)
        })
        .collect();
    let previous = (!s.data.previous.is_empty()).then(|| {
        items
            .iter()
            .map(|it| s.data.previous.get(&it.id).map(|v| *v as f64))
            .collect()
    });
    let has_prev = previous.is_some();
    // About twice as wide as tall: cells are twice as tall as wide.
    let chart_h = (area.width / 2 + 2).min(area.height.saturating_sub(1));
    let [chart, legend, _] = Layout::vertical([
        Constraint::Length(chart_h),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(
        &Radar {
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
