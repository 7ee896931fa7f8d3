//! Popups over the screen: help, guide picker, forms and confirmations.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::common;
use crate::dates;
use crate::guide::LoadedGuide;
use crate::tui::form::{Field, Form, FormKind};
use crate::tui::keymap::{self, Context};
use crate::tui::popup::Popup;
use crate::tui::screens::common::Ui;

/// Draws `popup` over `area`; `guides` are the ones the picker offers.
pub fn draw(ui: &Ui<'_>, guides: &[LoadedGuide], popup: &Popup, frame: &mut Frame, area: Rect) {
    match popup {
        Popup::Help { ctx, scroll } => help(ui, *ctx, *scroll, frame, area),
        Popup::Picker {
            coachee_name,
            selected,
            ..
        } => picker(ui, guides, coachee_name, *selected, frame, area),
        Popup::Form(form) => form_popup(ui, form, frame, area),
        Popup::Notes { name, editor, .. } => notes(ui, name, editor, frame, area),
        Popup::ResumeList { sessions, selected } => {
            resume_list(ui, sessions, *selected, frame, area);
        }
        Popup::Confirm { text, .. } => message_box(
            ui,
            " Please confirm ",
            text,
            &crate::tui::ui::status_items(Context::Confirm),
            frame,
            area,
        ),
        Popup::Unfinished { name, .. } => message_box(
            ui,
            " Unfinished session ",
            &format!("{name} already has an unfinished session. Only one can be open at a time."),
            &crate::tui::ui::status_items(Context::Unfinished),
            frame,
            area,
        ),
    }
}

fn message_box(
    ui: &Ui<'_>,
    title: &str,
    text: &str,
    keys: &[(String, String)],
    frame: &mut Frame,
    area: Rect,
) {
    let w = 64.min(area.width);
    let inner_w = w.saturating_sub(2).max(1) as usize;
    let h = (text.chars().count().div_ceil(inner_w) as u16 + 4).min(area.height);
    let r = common::centered(area, w, h);
    frame.render_widget(Clear, r);
    let mut spans = Vec::new();
    for (k, label) in keys {
        spans.push(Span::styled(k.clone(), ui.theme.key));
        spans.push(Span::raw(format!(" {label}   ")));
    }
    let lines = vec![
        Line::from(text.to_owned()),
        Line::from(""),
        Line::from(spans),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(common::block(ui, title.to_owned(), true)),
        r,
    );
}

/// Every key of the screen underneath, straight from the keymap.
fn help(ui: &Ui<'_>, ctx: Context, scroll: u16, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let r = common::centered(area, 76, area.height.saturating_sub(2));
    frame.render_widget(Clear, r);
    let mut lines = vec![
        Line::styled(
            format!("Keys on this screen ({})", context_name(ctx)),
            t.title,
        ),
        Line::from(""),
    ];
    let binds = keymap::bindings(ctx);
    let w = binds
        .iter()
        .map(|b| keymap::keys_label(b).chars().count())
        .max()
        .unwrap_or(6)
        .min(22);
    // Help text wraps under itself, not under the keys.
    let room = usize::from(r.width.saturating_sub(2))
        .saturating_sub(w + 4)
        .max(10);
    for b in &binds {
        for (i, row) in crate::tui::wrap::wrap(b.help, room).into_iter().enumerate() {
            let keys = if i == 0 {
                keymap::keys_label(b)
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<w$}  "), t.key),
                Span::raw(row),
            ]));
        }
    }
    if ctx.types_text() {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            "While typing: arrows, Home/End, Ctrl-←/→ by word, Ctrl-u undo,",
            t.dim,
        ));
        lines.push(Line::styled(
            "Ctrl-k delete to end of line, Ctrl-w delete word; paste works as usual.",
            t.dim,
        ));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(format!("Data file: {}", ui.db_label), t.dim));
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .wrap(Wrap { trim: false })
            .block(common::block(ui, " Help: Esc closes, ↓/↑ scroll ", true)),
        r,
    );
}

fn context_name(ctx: Context) -> &'static str {
    match ctx {
        Context::Home => "home",
        Context::Picker => "guide picker",
        Context::ResumeList => "unfinished sessions",
        Context::Notes => "notes about the coachee",
        Context::Form => "form",
        Context::Confirm | Context::Unfinished => "question",
        Context::Help => "help",
        Context::SessionText => "session, typing an answer",
        Context::SessionLine => "session, typing a date",
        Context::SessionNote => "session, typing a note",
        Context::SessionPane => "session, private note",
        Context::SessionRating => "session, a rating",
        Context::SessionTopic => "session, a parked topic",
        Context::SessionGoal => "session, reviewing a goal",
        Context::SessionAddGoal => "session, setting a goal",
        Context::SessionConfidence => "session, confidence",
        Context::SessionReview => "session, reviewing an action",
        Context::SessionOption => "session, an option",
        Context::SessionTag => "session, a tag",
        Context::SessionAction => "session, an action",
        Context::SessionAddAction => "session, adding an action",
        Context::SessionEmpty => "session",
        Context::SessionReadOnly => "session, read-only",
        Context::Summary => "summary",
        Context::Coachee => "coachee",
        Context::CoacheeList => "coachee, an action or a topic",
        Context::CoacheeGoal => "coachee, a goal",
        Context::Detail => "session detail",
        Context::DetailUnfinished => "session detail, unfinished",
        Context::Board => "actions board",
        Context::Search => "search",
    }
}

/// The notes about a coachee, typed in place.
fn notes(
    ui: &Ui<'_>,
    name: &str,
    editor: &ratatui_textarea::TextArea<'static>,
    frame: &mut Frame,
    area: Rect,
) {
    let t = &ui.theme;
    let r = common::centered(area, 72, area.height.saturating_sub(4).clamp(8, 20));
    frame.render_widget(Clear, r);
    let block = common::block(
        ui,
        format!(" About {name}: {} ", crate::export::doc::PRIVATE),
        true,
    );
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [help, text, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(
            "Context, preferences, what was agreed about confidentiality. Saved as you type; \
             hidden in share-safe mode.",
        )
        .style(t.dim)
        .wrap(Wrap { trim: true }),
        help,
    );
    // Wrapped like an answer on the session card, so that every word of a
    // long line shows; the cursor is placed among the wrapped rows.
    let width = usize::from(text.width.max(1));
    let lines: Vec<String> = editor.lines().to_vec();
    let mut rows: Vec<Line<'_>> = Vec::new();
    for line in &lines {
        let chars: Vec<char> = line.chars().collect();
        for r in crate::tui::wrap::rows(line, width) {
            let part: String = chars[r.start..r.end].iter().collect();
            rows.push(Line::from(part.trim_end().to_owned()));
        }
    }
    let ratatui_textarea::DataCursor(row, col) = editor.cursor();
    let (r, c) = crate::tui::wrap::cursor_at(&lines, width, row, col);
    // Keep the cursor's row in view.
    let top = r.saturating_sub(usize::from(text.height.saturating_sub(1)));
    frame.render_widget(
        Paragraph::new(rows).scroll((u16::try_from(top).unwrap_or(0), 0)),
        text,
    );
    let x = text.x
        + u16::try_from(c)
            .unwrap_or(0)
            .min(text.width.saturating_sub(1));
    let y = text.y + u16::try_from(r - top).unwrap_or(0);
    frame.set_cursor_position((x, y));
    let mut spans = Vec::new();
    for (k, label) in crate::tui::ui::status_items(Context::Notes) {
        spans.push(Span::styled(k, t.key));
        spans.push(Span::raw(format!(" {label}   ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), keys);
}

/// The unfinished sessions, oldest first, to resume one.
fn resume_list(
    ui: &Ui<'_>,
    sessions: &[(crate::model::SessionId, String, time::OffsetDateTime)],
    selected: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let t = &ui.theme;
    let r = common::centered(area, 64, sessions.len() as u16 + 5);
    frame.render_widget(Clear, r);
    let block = common::block(ui, " Unfinished sessions: which one? ".to_owned(), true);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let mut lines: Vec<Line<'_>> = sessions
        .iter()
        .enumerate()
        .map(|(i, (_, name, at))| {
            let sel = i == selected;
            Line::from(vec![
                Span::styled(if sel { "› " } else { "  " }, t.key),
                Span::styled(name.clone(), if sel { t.selected } else { t.base }),
                Span::styled(format!("  started {}", dates::fmt_datetime(*at)), t.dim),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    let mut keys = Vec::new();
    for (k, label) in crate::tui::ui::status_items(Context::ResumeList) {
        keys.push(Span::styled(k, t.key));
        keys.push(Span::raw(format!(" {label}   ")));
    }
    lines.push(Line::from(keys));
    let scroll = (selected as u16).saturating_sub(inner.height.saturating_sub(3));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

fn picker(
    ui: &Ui<'_>,
    guides: &[LoadedGuide],
    coachee: &str,
    selected: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let t = &ui.theme;
    // The description and the stages wrap at the box's inner width; the
    // box is as tall as the longest guide's, so it does not jump as the
    // selection moves, and the list gives up rows before the words do.
    let width = usize::from(72u16.min(area.width).saturating_sub(2));
    let describe = |g: &LoadedGuide| -> Vec<Line<'static>> {
        let stages: Vec<&str> = g.guide.stages.iter().map(|s| s.title.as_str()).collect();
        let mut lines: Vec<Line> = crate::tui::wrap::wrap(&g.guide.description, width)
            .into_iter()
            .map(Line::from)
            .collect();
        lines.extend(
            crate::tui::wrap::wrap(&stages.join(" → "), width)
                .into_iter()
                .map(|l| Line::styled(l, t.dim)),
        );
        lines
    };
    let desc_h = guides.iter().map(|g| describe(g).len()).max().unwrap_or(0);
    let desc_h = u16::try_from(desc_h).unwrap_or(u16::MAX);
    let list_h = u16::try_from(guides.len()).unwrap_or(u16::MAX);
    let r = common::centered(area, 72, list_h.saturating_add(desc_h).saturating_add(3));
    frame.render_widget(Clear, r);
    let block = common::block(
        ui,
        format!(" New session with {coachee}: pick a guide "),
        true,
    );
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [list, _, desc] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(desc_h),
    ])
    .areas(inner);
    let mut lines = Vec::new();
    for (i, g) in guides.iter().enumerate() {
        let sel = i == selected;
        let source = match &g.source {
            crate::guide::GuideSource::Builtin => "",
            crate::guide::GuideSource::User(_) => "  (yours)",
        };
        lines.push(Line::from(vec![
            Span::styled(if sel { "› " } else { "  " }, t.key),
            Span::styled(g.guide.title.clone(), if sel { t.selected } else { t.base }),
            Span::styled(
                format!(
                    "  {} stages · {} min{source}",
                    g.guide.stages.len(),
                    g.guide.total_timebox()
                ),
                t.dim,
            ),
        ]));
    }
    let scroll = (selected as u16).saturating_sub(list.height.saturating_sub(1));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), list);
    if let Some(g) = guides.get(selected) {
        frame.render_widget(Paragraph::new(describe(g)), desc);
    }
}

fn form_popup(ui: &Ui<'_>, form: &Form, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    // A refused value says why in full: its message wraps below the fields.
    let error_rows: Vec<String> = form
        .error
        .as_deref()
        .map(|e| crate::tui::wrap::wrap(e, 66))
        .unwrap_or_default();
    let error_h = u16::try_from(error_rows.len().max(1)).unwrap_or(1);
    // A field is its label, its input and a blank row; a form too tall for
    // the window gives up the blank rows first.
    let n = form.fields.len() as u16;
    let per = if n * 3 + 2 + error_h <= area.height {
        3
    } else {
        2
    };
    let h = n * per + 2 + error_h;
    let r = common::centered(area, 70, h);
    frame.render_widget(Clear, r);
    let block = common::block(ui, format!(" {} ", form.title), true);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let mut constraints: Vec<Constraint> = form
        .fields
        .iter()
        .map(|_| Constraint::Length(per))
        .collect();
    constraints.push(Constraint::Length(error_h));
    let areas = Layout::vertical(constraints).split(inner);
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let [label, input] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(areas[i]);
        let mut hint_text = f.hint.to_owned();
        let due_field = match form.kind {
            FormKind::Action { .. } => Some(Form::ACTION_DUE),
            FormKind::Due { .. } => Some(0),
            FormKind::Goal { .. } => Some(crate::tui::goal_form::BY),
            _ => None,
        };
        if due_field == Some(i) {
            hint_text = match dates::parse_due(&form.value(i), ui.today) {
                Ok(Some(d)) => dates::date_hint(d, ui.today),
                Ok(None) if matches!(form.kind, FormKind::Goal { .. }) => f.hint.to_owned(),
                Ok(None) => "no due date".to_owned(),
                Err(_) => "not a date yet: 2026-12-05, +3d, +2w, +3m, fri, next week".to_owned(),
            };
        }
        // The hint shares the label's row: a longer one ends in "…" rather
        // than being cut mid-word at the border.
        let room = usize::from(label.width).saturating_sub(2 + f.label.chars().count() + 3);
        let hint_text = crate::tui::wrap::ellipsis(&hint_text, room);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(if focused { "› " } else { "  " }, t.key),
                Span::styled(f.label, if focused { t.title } else { t.base }),
                Span::styled(format!("   {hint_text}"), t.dim),
            ])),
            label,
        );
        let input = Rect {
            height: 1,
            x: input.x + 2,
            width: input.width.saturating_sub(2),
            ..input
        };
        match &f.field {
            Field::Text(ed) => {
                if focused {
                    frame.render_widget(&**ed, input);
                } else {
                    frame.render_widget(Paragraph::new(ed.lines().join(" ")), input);
                }
            }
            Field::Select { options, index } => {
                let label = options.get(*index).map_or("none", |(_, l)| l.as_str());
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::styled("‹ ", t.dim),
                        Span::styled(label.to_owned(), if focused { t.selected } else { t.base }),
                        Span::styled(" ›", t.dim),
                    ])),
                    input,
                );
            }
        }
    }
    if let Some(last) = areas.last() {
        let lines: Vec<Line> = error_rows
            .into_iter()
            .map(|row| Line::styled(row, t.error))
            .collect();
        frame.render_widget(Paragraph::new(lines), *last);
    }
}
