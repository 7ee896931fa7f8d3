//! The review and actions stages: lists of actions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::editor_box;
use crate::dates;
use crate::model::ReviewOutcome;
use crate::tui::app::App;
use crate::tui::live::Live;
use crate::tui::live::fields::FieldKind;

pub fn actions_view(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let actions = &live.data.record.actions;
    if actions.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from("No actions agreed yet."),
                Line::from(vec![
                    Span::raw("Press "),
                    Span::styled("a", t.key),
                    Span::raw(" to add one: what, who, by when."),
                ]),
            ]),
            area,
        );
        return;
    }
    let mut lines = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        let sel = live.row == i;
        let due = a
            .due
            .map(|d| format!("due {}", dates::fmt_date_long(d)))
            .unwrap_or_else(|| "no due date".into());
        lines.push(Line::from(vec![
            Span::styled(if sel { "› " } else { "  " }, t.key),
            Span::styled(
                format!("{}. {}", i + 1, a.text),
                if sel { t.selected } else { t.base },
            ),
        ]));
        let mut meta = format!("     {} · {due}", a.owner);
        if let Some(l) = &a.link {
            meta.push_str(&format!(" · {}", link_label(live, l)));
        }
        lines.push(Line::styled(meta, t.dim));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::styled("a", t.key),
        Span::raw(" add  "),
        Span::styled("Enter", t.key),
        Span::raw(" edit  "),
        Span::styled("d", t.key),
        Span::raw(" delete"),
    ]));
    let scroll = (live.row as u16 * 2).saturating_sub(area.height.saturating_sub(4));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
}

/// "Autonomy" for `center:autonomy`, from the session's guide.
pub fn link_label(live: &Live, link: &str) -> String {
    live.link_options()
        .into_iter()
        .find(|(id, _)| id == link)
        .map(|(_, l)| l)
        .unwrap_or_else(|| link.to_owned())
}

pub fn review_view(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let items = &live.data.review;
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from("No open actions from earlier sessions: nothing to review."),
                Line::styled("Ctrl-n moves on to the next stage.", t.dim),
            ]),
            area,
        );
        return;
    }
    let focus = live.focused();
    let on_list = matches!(focus, Some(FieldKind::ReviewList));
    let list_h = (items.len() as u16 * 2)
        .min(area.height.saturating_sub(5))
        .max(2);
    let [list, note] =
        Layout::vertical([Constraint::Length(list_h), Constraint::Min(3)]).areas(area);
    let mut lines = Vec::new();
    for (i, (a, r)) in items.iter().enumerate() {
        let sel = live.row == i;
        let mark = match r.as_ref().map(|r| r.outcome) {
            Some(ReviewOutcome::Done) => "[done]   ",
            Some(ReviewOutcome::Carried) => "[carried]",
            Some(ReviewOutcome::Dropped) => "[dropped]",
            None => "[  ?  ]  ",
        };
        let overdue = a.due.is_some_and(|d| d < app.today) && r.is_none();
        lines.push(Line::from(vec![
            Span::styled(if sel { "› " } else { "  " }, t.key),
            Span::styled(format!("{mark} "), if r.is_some() { t.ok } else { t.base }),
            Span::styled(
                a.text.clone(),
                if sel && on_list { t.selected } else { t.base },
            ),
        ]));
        let due = a
            .due
            .map(|d| format!("due {}", dates::fmt_date(d)))
            .unwrap_or_else(|| "no due date".into());
        let mut meta = vec![Span::raw("    ")];
        if overdue {
            meta.push(Span::styled("OVERDUE ", t.warn));
        }
        meta.push(Span::styled(
            format!(
                "{} · {due} · agreed {}",
                a.owner,
                dates::fmt_date(dates::local_date(a.created_at))
            ),
            t.dim,
        ));
        lines.push(Line::from(meta));
    }
    let scroll = (live.row as u16 * 2).saturating_sub(list.height.saturating_sub(2));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), list);
    if let Some((a, _)) = items.get(live.row) {
        let key = format!("v/{}", a.id);
        editor_box(
            app,
            live,
            &key,
            "Review note",
            focus == Some(FieldKind::ReviewNote),
            frame,
            note,
        );
    }
}
