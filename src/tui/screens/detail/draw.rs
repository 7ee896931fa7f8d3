//! A past session, read-only: everything captured, stage by stage, with the
//! list of stages beside it on wide terminals. Private notes only outside
//! share-safe mode, and marked as private.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::DetailView;
use crate::dates;
use crate::model::SessionStatus;
use crate::tui::screens::common::Ui;
use crate::tui::screens::{common, record};

pub fn draw(ui: &Ui<'_>, v: &DetailView, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let rec = &v.data.record;
    let place = format!(
        "{} · session of {}",
        rec.coachee.name,
        dates::fmt_date(dates::local_date(rec.session.started_at))
    );
    let right = if rec.session.status == SessionStatus::InProgress {
        let mut r = common::if_room(ui, top, &place, "▶ unfinished: e resumes it ".to_owned());
        for s in &mut r {
            s.style = t.warn;
        }
        r
    } else {
        vec![]
    };
    common::title_bar(ui, frame, top, &place, right);
    let private = !ui.share_safe;
    let doc = record::document(&v.data, t, private);
    let stages = &rec.session.guide.stages;
    let [list, text] = if body.width >= 100 {
        Layout::horizontal([Constraint::Length(26), Constraint::Fill(1)]).areas(body)
    } else {
        [Rect::default(), body]
    };
    let furthest = common::last_start(
        &doc.lines,
        text.width.saturating_sub(2),
        text.height.saturating_sub(2),
    );
    v.furthest.set(furthest);
    let scroll = v.scroll.min(furthest);
    let current = doc.stages.iter().rposition(|(_, l)| *l <= scroll);
    if list.width > 0 {
        let lines: Vec<Line> = stages
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let here = current == Some(i);
                let done = rec.session.done_stages.contains(&s.id);
                Line::from(vec![
                    Span::styled(if here { "› " } else { "  " }, t.key),
                    Span::styled(s.title.clone(), if here { t.selected } else { t.base }),
                    Span::styled(if done { " ✓" } else { "" }, t.ok),
                ])
            })
            .collect();
        frame.render_widget(
            Paragraph::new(lines).block(common::block(ui, " Stages ", false)),
            list,
        );
    }
    let title = match current.and_then(|i| stages.get(i).map(|s| (i, s))) {
        Some((i, s)) => format!(" {} · stage {}/{} ", s.title, i + 1, stages.len()),
        None => " Session ".to_owned(),
    };
    let block = common::block(ui, title, true).title_bottom(
        Line::styled(format!(" line {}/{} ", scroll + 1, doc.lines.len()), t.dim).right_aligned(),
    );
    // Wrapped for display only: scrolling still counts document lines, so
    // stage jumps land where they should.
    let lines = common::hang_indent(
        doc.lines.into_iter().skip(scroll).collect(),
        usize::from(text.width.saturating_sub(2)),
    );
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        text,
    );
}
