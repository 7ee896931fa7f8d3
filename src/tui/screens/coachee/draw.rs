//! The coachee page: sessions newest first, the Six Centers over time (a
//! sparkline per center, changes, a radar of the latest over an earlier
//! session) and the open actions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Sparkline, Table, TableState};

use super::list::one_line;
use super::trend::RatedSession;
use super::{CoacheeView, Pane};
use crate::dates;
use crate::export::doc::delta;
use crate::model::SessionStatus;
use crate::tui::screens::common;
use crate::tui::screens::common::Ui;
use crate::tui::screens::common::short_label;
use crate::tui::widgets::radar::Radar;

pub fn draw(ui: &Ui<'_>, v: &CoacheeView, frame: &mut Frame, area: Rect) {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let c = &v.data.coachee;
    let place = if c.role.is_empty() {
        c.name.clone()
    } else {
        format!("{} · {}", c.name, c.role)
    };
    let overdue = v
        .data
        .actions
        .iter()
        .filter(|a| a.action.is_overdue(ui.today))
        .count();
    let notes = if c.notes.trim().is_empty() {
        ""
    } else {
        " · your notes: e"
    };
    let plural = crate::report::doc::plural;
    let counts = format!(
        "{} · {} ({overdue} overdue){notes} ",
        plural(v.data.sessions.len(), "session", "sessions"),
        plural(v.data.actions.len(), "open action", "open actions")
    );
    let right = common::if_room(ui, top, &place, counts);
    common::title_bar(ui, frame, top, &place, right);
    let tall = body.height >= 30;
    let centers_h = match (v.data.centers.is_empty(), tall) {
        (true, _) => 3,
        (false, true) => 15,
        (false, false) => v.data.centers.len() as u16 + 3,
    };
    let listed = v.data.actions.len() + v.data.topics.len() + v.data.goals.len();
    let actions_h = (listed as u16 + 2).clamp(3, if tall { 14 } else { 5 });
    let [timeline, centers, actions] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(centers_h),
        Constraint::Length(actions_h),
    ])
    .areas(body);
    draw_timeline(ui, v, frame, timeline);
    draw_centers(ui, v, frame, centers);
    super::draw_list::draw_actions(ui, v, overdue, frame, actions);
}

fn draw_timeline(ui: &Ui<'_>, v: &CoacheeView, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let block = common::block(
        ui,
        " Sessions, newest first: Enter reads one ",
        v.pane == Pane::Sessions,
    );
    if v.data.sessions.is_empty() {
        // The list's selected row still shows in full while it has the keys.
        let [area, detail] = match v.pane {
            Pane::List => Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area),
            Pane::Sessions => [area, Rect::default()],
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::raw("No session yet: press "),
                Span::styled("n", t.key),
                Span::raw(" to start the first one."),
            ]))
            .block(block),
            area,
        );
        draw_in_full(ui, v, frame, detail);
        return;
    }
    let wide = area.width >= 110;
    let header = Row::new([
        "",
        "Date",
        "Guide",
        "Length",
        "Stepping",
        "Key insight",
        "Act.",
    ])
    .style(t.title);
    let widths = [
        Constraint::Length(1),
        Constraint::Length(10),
        Constraint::Length(if wide { 20 } else { 13 }),
        Constraint::Length(10),
        Constraint::Length(if wide { 13 } else { 11 }),
        Constraint::Fill(1),
        Constraint::Length(4),
    ];
    // The table gives up a row for the selected session's key insight in full.
    let [area, detail] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    let cols = common::column_widths(area.width.saturating_sub(2), &widths, 2);
    let rows: Vec<Row> = v
        .data
        .sessions
        .iter()
        .map(|s| {
            let unfinished = s.status == SessionStatus::InProgress;
            Row::new(vec![
                Cell::from(Span::styled(if unfinished { "▶" } else { " " }, t.warn)),
                Cell::from(dates::fmt_date(dates::local_date(s.started_at))),
                Cell::from(common::fit(&s.guide_title, &cols, 2)),
                Cell::from(if unfinished {
                    "unfinished".to_owned()
                } else {
                    dates::fmt_duration(s.seconds)
                }),
                Cell::from(common::fit(s.choice.as_deref().unwrap_or("–"), &cols, 4)),
                Cell::from(common::fit(
                    &one_line(s.key_insight.as_deref().unwrap_or("")),
                    &cols,
                    5,
                )),
                Cell::from(Line::from(s.actions.to_string()).right_aligned()),
            ])
        })
        .collect();
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(t.selected)
        .highlight_symbol("› ");
    let mut state = TableState::default().with_selected(Some(v.selected));
    frame.render_stateful_widget(table, area, &mut state);
    draw_in_full(ui, v, frame, detail);
}

/// The selected row of whichever list has the keys, in full, on the two
/// lines under the sessions.
fn draw_in_full(ui: &Ui<'_>, v: &CoacheeView, frame: &mut Frame, detail: Rect) {
    let t = &ui.theme;
    let text = match (v.pane, v.selected_item(), v.selected_session()) {
        (Pane::List, Some(item), _) => Some(v.item_in_full(item, ui.share_safe)),
        (_, _, Some(s)) => {
            let insight = one_line(s.key_insight.as_deref().unwrap_or(""));
            Some(if insight.is_empty() {
                format!("{}: no key insight recorded", s.guide_title)
            } else {
                format!("Key insight: {insight}")
            })
        }
        _ => None,
    };
    if let Some(text) = text {
        let width = usize::from(detail.width.saturating_sub(1));
        let mut rows = crate::tui::wrap::wrap(&text, width);
        if rows.len() > 2 {
            rows.truncate(2);
            rows[1] = crate::tui::wrap::ellipsis(&format!("{} {}", rows[1], "…"), width);
        }
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|r| Line::styled(format!(" {r}"), t.dim))
            .collect();
        frame.render_widget(Paragraph::new(lines), detail);
    }
}

/// Scores as sparkline heights 1..=8, so the lowest score still shows.
fn spark_data(scores: &[i64], min: i64, max: i64, width: usize) -> Vec<u64> {
    let span = (max - min).max(1);
    let skip = scores.len().saturating_sub(width);
    scores[skip..]
        .iter()
        .map(|s| (((s - min).clamp(0, span) * 7 + span / 2) / span + 1) as u64)
        .collect()
}

fn session_date(r: Option<&RatedSession>) -> String {
    r.map_or_else(
        || "–".to_owned(),
        |r| dates::fmt_date(dates::local_date(r.started_at)),
    )
}

fn draw_centers(ui: &Ui<'_>, v: &CoacheeView, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    if v.data.centers.is_empty() || v.rated.is_empty() {
        frame.render_widget(
            Paragraph::new("No Six Centers ratings yet.")
                .style(t.dim)
                .block(common::block(ui, " Six Centers ", false)),
            area,
        );
        return;
    }
    let mut title = vec![
        Span::raw(" Six Centers · "),
        Span::styled("── ", t.current),
        Span::raw(format!("latest {}", session_date(v.latest()))),
    ];
    if v.compared().is_some() {
        title.push(Span::raw(" vs "));
        title.push(Span::styled("·· ", t.previous));
        title.push(Span::raw(format!("{} ", session_date(v.compared()))));
        title.push(Span::styled("([ ] earlier/later) ", t.dim));
    } else {
        title.push(Span::raw(" "));
    }
    let block = common::block(ui, Line::from(title), false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let label_w = v
        .trends
        .iter()
        .map(|c| c.label.chars().count())
        .max()
        .unwrap_or(8)
        .min(18);
    let spark_w: u16 = if inner.width >= 110 { 20 } else { 10 };
    // The score an active goal aims at, per center: the column shows only
    // when a goal sets one.
    let target = |id: &str| -> Option<i64> {
        v.data
            .goals
            .iter()
            .filter(|g| g.status() == crate::model::GoalStatus::Active)
            .filter(|g| g.goal.center.as_deref() == Some(id))
            .find_map(|g| g.goal.target)
    };
    let targets = v.trends.iter().any(|c| target(&c.id).is_some());
    let target_w: u16 = if targets { 7 } else { 0 };
    // label, spark, now, vs first, vs previous, with a space between each.
    let table_w = (label_w as u16 + spark_w + 3 + 8 + 8 + 4 + target_w).min(inner.width);
    let [table, radar] = Layout::horizontal([Constraint::Length(table_w), Constraint::Fill(1)])
        .spacing(2)
        .areas(inner);
    // The last column follows the session chosen with [ and ]: its date
    // heads it, so the keys visibly do something even without the radar.
    let compared = v.compared();
    let vs_head = compared.map_or_else(
        || "vs prev".to_owned(),
        |r| {
            let d = dates::local_date(r.started_at);
            format!("vs {:02}-{:02}", u8::from(d.month()), d.day())
        },
    );
    let mut lines = vec![Line::styled(
        format!(
            "{:<label_w$} {:<sw$} {:>3} {:>8} {:>8}{}",
            "Center",
            "Over time",
            "Now",
            "vs first",
            vs_head,
            if targets { "  Goal" } else { "" },
            sw = usize::from(spark_w)
        ),
        t.title,
    )];
    for c in &v.trends {
        let label: String = c.label.chars().take(label_w).collect();
        let change = |d: Option<i64>| d.map_or_else(|| "–".to_owned(), delta);
        lines.push(Line::from(vec![
            Span::raw(format!("{label:<label_w$} ")),
            Span::raw(" ".repeat(usize::from(spark_w))),
            Span::styled(
                format!(
                    " {:>3}",
                    c.latest.map_or_else(|| "–".to_owned(), |s| s.to_string())
                ),
                t.current,
            ),
            Span::raw(format!(
                " {:>8} {:>8}",
                change(c.since_first),
                change(match compared {
                    Some(r) => c.latest.zip(r.scores.get(&c.id)).map(|(l, p)| l - p),
                    None => c.since_previous,
                })
            )),
            Span::styled(
                match (targets, target(&c.id)) {
                    (false, _) => String::new(),
                    (true, Some(g)) => format!("  → {g:>2}"),
                    (true, None) => "     –".to_owned(),
                },
                t.key,
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), table);
    let (min, max) = (v.data.scale.min, v.data.scale.max);
    for (i, c) in v.trends.iter().enumerate() {
        let row = Rect {
            x: table.x + label_w as u16 + 1,
            y: table.y + 1 + i as u16,
            width: spark_w.min(table.width.saturating_sub(label_w as u16 + 1)),
            height: 1,
        };
        if row.y >= table.bottom() {
            break;
        }
        let data = spark_data(&c.scores, min, max, usize::from(row.width));
        frame.render_widget(
            Sparkline::default().data(&data).max(8).style(if t.color {
                t.current
            } else {
                Style::new()
            }),
            row,
        );
    }
    if radar.width < 24 || radar.height < 8 {
        // No room for the radar: say what the last column compares with.
        let note = match v.compared() {
            Some(_) => format!(
                "The radar shows in a larger window. The last column compares the latest session with {}; [ and ] choose another.",
                session_date(v.compared())
            ),
            None => "The radar shows in a larger window.".to_owned(),
        };
        frame.render_widget(
            Paragraph::new(note)
                .style(t.dim)
                .wrap(ratatui::widgets::Wrap { trim: true }),
            radar,
        );
    } else {
        let scores = |r: &RatedSession| -> Vec<Option<f64>> {
            v.trends
                .iter()
                .map(|c| r.scores.get(&c.id).map(|s| *s as f64))
                .collect()
        };
        let Some(latest) = v.latest() else { return };
        // The widget keeps the hexagon's shape itself; the width left
        // around it holds the axis labels.
        let chart = radar;
        frame.render_widget(
            &Radar {
                labels: v.trends.iter().map(|c| short_label(&c.label)).collect(),
                current: scores(latest),
                previous: v.compared().map(scores),
                min: min as f64,
                max: max as f64,
                theme: t,
            },
            chart,
        );
    }
}
