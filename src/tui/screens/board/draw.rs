//! The actions board: filters, the actions by due date (overdue ones marked
//! `OVERDUE`, not only coloured), and the selected action with its history.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::{BoardView, FILTERS, filter_name};
use crate::dates;
use crate::model::{ActionRow, ActionStatus, ReviewOutcome};
use crate::tui::screens::common;
use crate::tui::screens::common::Ui;

pub fn draw(ui: &Ui<'_>, v: &BoardView, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let tall = area.height >= 30;
    let [top, filters, table, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(4),
        Constraint::Length(if tall { 10 } else { 6 }),
    ])
    .areas(area);
    let overdue = v
        .data
        .rows
        .iter()
        .filter(|r| r.action.is_overdue(ui.today))
        .count();
    let counts = format!("{} shown, {overdue} overdue ", v.data.rows.len());
    let right = common::if_room(ui, top, "Actions board", counts);
    common::title_bar(ui, frame, top, "Actions board", right);
    // The active filter is in brackets as well as highlighted, for NO_COLOR.
    let mut spans = vec![Span::raw(" Show ")];
    for (i, f) in FILTERS.iter().enumerate() {
        let name = filter_name(*f);
        if *f == v.data.status {
            spans.push(Span::styled(format!("[{} {name}]", i + 1), t.selected));
        } else {
            spans.push(Span::styled(format!(" {} {name} ", i + 1), t.dim));
        }
    }
    spans.push(Span::raw("   Coachee "));
    spans.push(Span::styled(
        format!("[{}]", v.coachee_name().unwrap_or("all")),
        t.selected,
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), filters);
    draw_table(ui, v, frame, table);
    draw_detail(ui, v, frame, detail);
}

fn status_cell(ui: &Ui<'_>, r: &ActionRow) -> Span<'static> {
    let t = &ui.theme;
    if r.action.is_overdue(ui.today) {
        return Span::styled("OVERDUE", t.warn);
    }
    match r.action.status {
        ActionStatus::Open => Span::raw("open"),
        ActionStatus::Done => Span::styled("done ✓", t.ok),
        ActionStatus::Dropped => Span::styled("dropped", t.dim),
    }
}

fn draw_table(ui: &Ui<'_>, v: &BoardView, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let block = common::block(ui, " Actions by due date ", true);
    if v.data.rows.is_empty() {
        let what = filter_name(v.data.status);
        let who = v
            .coachee_name()
            .map_or_else(String::new, |n| format!(" for {n}"));
        frame.render_widget(
            Paragraph::new(format!(
                "No {what} actions{who}. Press f for another filter, c for another coachee."
            ))
            .style(t.dim)
            .block(block),
            area,
        );
        return;
    }
    let wide = area.width >= 110;
    let mut header = vec!["Status", "Due", "Coachee", "Action", "Owner"];
    let mut widths = vec![
        Constraint::Length(7),
        Constraint::Length(10),
        Constraint::Length(if wide { 18 } else { 12 }),
        Constraint::Fill(1),
        Constraint::Length(if wide { 12 } else { 8 }),
    ];
    if wide {
        header.push("Agreed");
        widths.push(Constraint::Length(10));
    }
    // Long text ends in `…`; the detail below shows it whole.
    let cols = common::column_widths(area.width.saturating_sub(2), &widths, 2);
    let rows: Vec<Row> = v
        .data
        .rows
        .iter()
        .map(|r| {
            let a = &r.action;
            let mut cells = vec![
                Cell::from(status_cell(ui, r)),
                Cell::from(a.due.map_or_else(|| "no date".to_owned(), dates::fmt_date)),
                Cell::from(common::fit(&r.coachee_name, &cols, 2)),
                Cell::from(common::fit(
                    &a.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    &cols,
                    3,
                )),
                Cell::from(common::fit(&crate::export::owner(&a.owner), &cols, 4)),
            ];
            if wide {
                cells.push(Cell::from(dates::fmt_date(dates::local_date(
                    r.session_started_at,
                ))));
            }
            Row::new(cells)
        })
        .collect();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.title))
        .block(block)
        .row_highlight_style(t.selected)
        .highlight_symbol("› ");
    let mut state = TableState::default().with_selected(Some(v.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

fn draw_detail(ui: &Ui<'_>, v: &BoardView, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let block = common::block(ui, " Selected action and its history ", false);
    let Some(r) = v.selected_row() else {
        frame.render_widget(block, area);
        return;
    };
    let a = &r.action;
    let mut facts = format!(
        "{} · owner {} · agreed {}",
        r.coachee_name,
        crate::export::owner(&a.owner),
        dates::fmt_date(dates::local_date(r.session_started_at))
    );
    match a.due {
        Some(d) => facts.push_str(&format!(" · due {}", dates::fmt_date_long(d))),
        None => facts.push_str(" · no due date"),
    }
    if let Some(d) = a.completed_on {
        facts.push_str(&format!(" · done on {}", dates::fmt_date(d)));
    }
    let mut lines = vec![
        Line::styled(a.text.clone(), t.title),
        Line::styled(facts, t.dim),
    ];
    match v.history.as_ref().filter(|(id, _)| id == &a.id) {
        Some((_, h)) if h.is_empty() => lines.push(Line::styled("No changes yet.", t.dim)),
        Some((_, h)) => {
            for e in h.iter().rev() {
                let what = match e.outcome {
                    ReviewOutcome::Done => "done",
                    ReviewOutcome::Carried if e.session_id.is_some() => "carried over",
                    ReviewOutcome::Carried => "reopened",
                    ReviewOutcome::Dropped => "dropped",
                };
                let place = if e.session_id.is_some() {
                    "in a session"
                } else {
                    "on the board"
                };
                let mut s = format!("{}  {what} {place}", dates::fmt_datetime(e.at));
                if !e.note.trim().is_empty() {
                    s.push_str(&format!(": {}", e.note.replace('\n', " ")));
                }
                lines.push(Line::from(s));
            }
        }
        None => {}
    }
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
