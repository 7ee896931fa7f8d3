//! The live session screen: header with clocks, stage list, stage card, notes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Paragraph, Wrap};

use super::{common, stages};
use crate::dates::fmt_clock;
use crate::tui::app::App;
use crate::tui::live::Live;
use crate::tui::live::fields::FieldKind;

pub fn draw(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
    let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    header(app, live, frame, top);
    let list_w = if area.width >= 110 { 26 } else { 20 };
    let [left, main] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Min(1)]).areas(body);
    stage_list(app, live, frame, left);
    let show_notes = live.notes_open && !app.share_safe;
    let (card, notes) = if show_notes {
        let h = if main.height >= 30 { 9 } else { 6 };
        let [c, n] = Layout::vertical([Constraint::Min(1), Constraint::Length(h)]).areas(main);
        (c, Some(n))
    } else {
        (main, None)
    };
    stages::draw(app, live, frame, card);
    if let Some(n) = notes {
        notes_pane(app, live, frame, n);
    }
}

fn header(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let rec = &live.data.record;
    let [l1, l2] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let title = format!("{} · {}", rec.coachee.name, rec.session.guide.title);
    let total = rec.session.total_seconds();
    common::title_bar(
        app,
        frame,
        l1,
        &title,
        vec![
            Span::styled("session ", t.dim),
            Span::raw(fmt_clock(total)),
            Span::raw(" "),
        ],
    );
    let Some(stage) = live.stage_def() else {
        return;
    };
    let mut spans = vec![
        Span::styled(
            format!(" Stage {}/{}: ", live.stage + 1, live.stage_count()),
            t.dim,
        ),
        Span::styled(stage.title.clone(), t.title),
    ];
    let spent = live.stage_seconds();
    let right = match stage.timebox {
        Some(m) => {
            let left = m * 60 - spent;
            if left >= 0 {
                vec![
                    Span::styled("stage ", t.dim),
                    Span::raw(format!("{} left of {m} min ", fmt_clock(left))),
                ]
            } else {
                vec![Span::styled(
                    format!("stage over its {m} min by {} ", fmt_clock(-left)),
                    t.warn,
                )]
            }
        }
        None => vec![
            Span::styled("stage ", t.dim),
            Span::raw(format!("{} ", fmt_clock(spent))),
        ],
    };
    frame.render_widget(Paragraph::new(Line::from(std::mem::take(&mut spans))), l2);
    frame.render_widget(Paragraph::new(Line::from(right)).right_aligned(), l2);
}

fn stage_list(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let rec = &live.data.record;
    let items: Vec<ListItem> = rec
        .session
        .guide
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let done = rec.session.done_stages.contains(&s.id);
            let mark = if i == live.stage {
                "›"
            } else if done {
                "✓"
            } else {
                " "
            };
            let note = if !app.share_safe && live.has_private_note(&s.id) {
                " ✎"
            } else {
                ""
            };
            let style = if i == live.stage { t.current } else { t.base };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{mark} "), if done { t.ok } else { t.base }),
                Span::styled(s.title.clone(), style),
                Span::styled(note, t.private),
            ]))
        })
        .collect();
    frame.render_widget(
        List::new(items).block(common::block(app, " Stages ", false)),
        area,
    );
}

fn notes_pane(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
    let focused = live.focused() == Some(FieldKind::PrivateNote);
    let block = common::block(
        app,
        Line::from(vec![Span::styled(
            " Private notes: coach only, hidden in share-safe ",
            app.theme.private,
        )]),
        focused,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(ed) = live.private_note_key().and_then(|k| live.editors.get(&k)) {
        if ed.is_empty() && !(focused && live.editing) {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    "Ctrl-o hides this pane; Tab comes here to type",
                    app.theme.dim,
                ))
                .wrap(Wrap { trim: true }),
                inner,
            );
        } else {
            frame.render_widget(ed, inner);
        }
    }
}
