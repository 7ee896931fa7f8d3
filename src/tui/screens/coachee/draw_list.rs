//! Drawing the coachee page's list of what lasts between sessions: active
//! goals, open actions, parked topics, then the goals already closed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::list::{Item, one_line};
use super::{CoacheeView, Pane};
use crate::dates;
use crate::tui::screens::common;
use crate::tui::screens::common::Ui;

pub(super) fn draw_actions(
    ui: &Ui<'_>,
    v: &CoacheeView,
    overdue: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let t = &ui.theme;
    let topics = match v.data.topics.len() {
        0 => String::new(),
        1 => ", 1 topic for next time".to_owned(),
        n => format!(", {n} topics for next time"),
    };
    let active = v
        .data
        .goals
        .iter()
        .filter(|g| g.status() == crate::model::GoalStatus::Active)
        .count();
    let goals = match active {
        0 => String::new(),
        1 => ", 1 active goal".to_owned(),
        n => format!(", {n} active goals"),
    };
    let counts = format!(
        " Open actions: {}, {overdue} overdue{topics}{goals}",
        v.data.actions.len()
    );
    // The board's key is also on the status line: it gives way first, so
    // the counts are never cut at the border.
    let hinted = format!("{counts} · b: actions board ");
    let title = if hinted.chars().count() + 2 <= usize::from(area.width) {
        hinted
    } else {
        format!("{counts} ")
    };
    let focused = v.pane == Pane::List;
    let block = common::block(ui, title, focused);
    let items = v.data.items();
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new("No open actions, topics or goals: t parks a topic, a sets a goal.")
                .style(t.dim)
                .block(block),
            area,
        );
        return;
    }
    // "ACHIEVED" needs one column more than "OVERDUE".
    let closed = v
        .data
        .goals
        .iter()
        .any(|g| g.status() != crate::model::GoalStatus::Active);
    let first = if closed { 8 } else { 7 };
    // The text column's width (the box's borders, the other columns, the
    // three gaps between columns and, with the keys, the selection marker
    // taken away): a long text ends in "…" there instead of being cut
    // mid-word at the border.
    let marker = if focused { 2 } else { 0 };
    let text_w = usize::from(area.width).saturating_sub(2 + first + 10 + 12 + 3 + marker);
    let fit = |text: &str| crate::tui::wrap::ellipsis(text, text_w);
    let rows: Vec<Row> = items
        .iter()
        .map(|item| match *item {
            Item::Goal(g) => goal_row(ui, v, g, text_w),
            Item::Action(r) => {
                let a = &r.action;
                let late = a.is_overdue(ui.today);
                Row::new(vec![
                    Cell::from(if late {
                        Span::styled("OVERDUE", t.warn)
                    } else {
                        Span::raw("open")
                    }),
                    Cell::from(a.due.map_or_else(|| "no date".to_owned(), dates::fmt_date)),
                    Cell::from(fit(&one_line(&a.text))),
                    Cell::from(Span::styled(
                        crate::export::owner(&a.owner).into_owned(),
                        t.dim,
                    )),
                ])
            }
            Item::Topic(topic) => {
                let text = if topic.private && ui.share_safe {
                    fit("(a private topic: hidden in share-safe mode)")
                } else {
                    fit(&one_line(&topic.text))
                };
                // Who raised a shared topic; "coach" alone would read as
                // "the coach's only", beside "private".
                let who = match (topic.private, topic.origin) {
                    (true, _) => Span::styled("private", t.private),
                    (false, crate::model::TopicOrigin::Coachee) => {
                        Span::styled("by coachee", t.dim)
                    }
                    (false, crate::model::TopicOrigin::Coach) => Span::styled("by coach", t.dim),
                };
                Row::new(vec![
                    Cell::from(Span::styled("TOPIC", t.key)),
                    Cell::from(dates::fmt_date(dates::local_date(topic.raised_at))),
                    Cell::from(text),
                    Cell::from(who),
                ])
            }
        })
        .collect();
    let widths = [
        Constraint::Length(u16::try_from(first).unwrap_or(8)),
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(12),
    ];
    let table = Table::new(rows, widths).block(block);
    if focused {
        let table = table.row_highlight_style(t.selected).highlight_symbol("› ");
        let mut state = TableState::default().with_selected(Some(v.item));
        frame.render_stateful_widget(table, area, &mut state);
    } else {
        frame.render_widget(table, area);
    }
}

/// A goal in the list: its status, the day that status was set (or the
/// target date while active), what it aims at, and the latest progress.
fn goal_row<'a>(
    ui: &Ui<'_>,
    v: &CoacheeView,
    h: &crate::model::GoalHistory,
    text_w: usize,
) -> Row<'a> {
    use crate::model::GoalStatus;
    let t = &ui.theme;
    let g = &h.goal;
    let status = h.status();
    let day = match h.last_change() {
        Some((u, s)) if s != GoalStatus::Active => dates::fmt_date(dates::local_date(u.at)),
        _ => g
            .target_date
            .map_or_else(|| "no date".to_owned(), dates::fmt_date),
    };
    let mut text = one_line(&g.text);
    if let Some(aim) = crate::export::doc::goal_aim(g, v.goal_centers(), v.latest_score(g)) {
        text.push_str(&format!(" · {aim}"));
    }
    if let Some(u) = h.last_note() {
        text.push_str(&format!(" · {}", one_line(&u.note)));
    }
    let label = match status {
        GoalStatus::Active => Span::styled("GOAL", t.key),
        GoalStatus::Achieved => Span::styled("ACHIEVED", t.ok),
        GoalStatus::Dropped => Span::styled("DROPPED", t.dim),
    };
    Row::new(vec![
        Cell::from(label),
        Cell::from(day),
        Cell::from(crate::tui::wrap::ellipsis(&text, text_w)),
        Cell::from(Span::styled(
            match h.updates.len() {
                1 => "1 update".to_owned(),
                n => format!("{n} updates"),
            },
            t.dim,
        )),
    ])
}
