//! Search: the query box, then results with coachee, date, stage and a
//! snippet whose matched words are highlighted (reversed without colour).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::SearchView;
use crate::dates;
use crate::model::{SNIPPET_END, SNIPPET_START, SearchHit};
use crate::tui::screens::common;
use crate::tui::screens::common::Ui;
use crate::tui::theme::Theme;

pub fn draw(ui: &Ui<'_>, v: &SearchView, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let [top, input, info, results] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    common::title_bar(ui, frame, top, "Search", vec![]);
    let block = common::block(ui, " Search answers, notes, actions and goals ", true);
    let inner = block.inner(input);
    frame.render_widget(block, input);
    frame.render_widget(&v.editor, inner);
    let query = v.query();
    let info_line = if query.trim().is_empty() {
        Line::styled(
            " Type a few letters: words match from their start, accents and case ignored.",
            t.dim,
        )
    } else if v.hits.is_empty() {
        Line::styled(format!(" Nothing found for \"{}\".", query.trim()), t.dim)
    } else {
        let more = if v.hits.len() >= super::LIMIT {
            " (the first ones; type more to narrow)"
        } else {
            ""
        };
        let n = v.hits.len();
        Line::styled(
            format!(
                " {n} result{} for \"{}\"{more}",
                if n == 1 { "" } else { "s" },
                query.trim()
            ),
            t.dim,
        )
    };
    frame.render_widget(Paragraph::new(info_line), info);
    let items: Vec<ListItem> = v
        .hits
        .iter()
        .enumerate()
        .map(|(i, h)| hit_item(t, h, i == v.selected))
        .collect();
    let mut state = ListState::default().with_selected(Some(v.selected));
    frame.render_stateful_widget(List::new(items).highlight_symbol("› "), results, &mut state);
}

fn hit_item(t: &Theme, h: &SearchHit, selected: bool) -> ListItem<'static> {
    let head = format!(
        "{} · {} · {} · {}",
        h.coachee_name,
        dates::fmt_date(dates::local_date(h.started_at)),
        h.stage_title,
        h.kind.as_str()
    );
    let mut first = vec![Span::styled(
        head,
        if selected { t.selected } else { t.title },
    )];
    if h.private {
        first.push(Span::styled(" [private]", t.private));
    }
    let mut snippet = vec![Span::raw("    ")];
    snippet.extend(snippet_spans(&h.snippet, t));
    ListItem::new(vec![Line::from(first), Line::from(snippet), Line::from("")])
}

/// A snippet as spans, matched words highlighted: the store wraps them in
/// `SNIPPET_START`/`SNIPPET_END`. Line breaks become spaces.
pub fn snippet_spans(snippet: &str, t: &Theme) -> Vec<Span<'static>> {
    let matched: Style = t.highlight.add_modifier(Modifier::BOLD);
    let mut spans = Vec::new();
    let mut buf = String::new();
    let mut inside = false;
    let flush = |buf: &mut String, inside: bool, spans: &mut Vec<Span<'static>>| {
        if !buf.is_empty() {
            let text = std::mem::take(buf);
            spans.push(if inside {
                Span::styled(text, matched)
            } else {
                Span::raw(text)
            });
        }
    };
    for c in snippet.chars() {
        match c {
            SNIPPET_START => {
                flush(&mut buf, inside, &mut spans);
                inside = true;
            }
            SNIPPET_END => {
                flush(&mut buf, inside, &mut spans);
                inside = false;
            }
            '\n' | '\r' | '\t' => buf.push(' '),
            c => buf.push(c),
        }
    }
    flush(&mut buf, inside, &mut spans);
    spans
}
