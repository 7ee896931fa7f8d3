//! The current stage's card, one drawing function per stage kind.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::common::{self, bar, delta};
use crate::dates;
use crate::guide::{Prompt, Scale, Stage, StageKind};
use crate::model::ReviewOutcome;
use crate::tui::app::App;
use crate::tui::live::Live;
use crate::tui::live::fields::FieldKind;
use crate::tui::widgets::radar::Radar;

pub fn draw(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
    let Some(stage) = live.stage_def() else {
        return;
    };
    let block = common::block(app, format!(" {} ", stage.title), false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let intro_h = if stage.intro.is_empty() {
        0
    } else {
        // Short terminals keep the intro to two lines, leaving room for the work.
        intro_height(&stage.intro, inner.width).min(if inner.height < 26 { 2 } else { 3 })
    };
    let [intro, _gap, body] = Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Length(u16::from(intro_h > 0)),
        Constraint::Min(1),
    ])
    .areas(inner);
    if intro_h > 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(stage.intro.clone(), app.theme.dim))
                .wrap(Wrap { trim: true }),
            intro,
        );
    }
    match &stage.kind {
        StageKind::Questions { prompts } => prompts_view(app, live, stage, prompts, frame, body),
        StageKind::Review => review_view(app, live, frame, body),
        StageKind::Ratings { items, scale } => {
            ratings_view(app, live, stage, items, *scale, frame, body)
        }
        StageKind::Choice { .. } => choice_view(app, live, stage, frame, body),
        StageKind::Actions => actions_view(app, live, frame, body),
        StageKind::Close { prompts, .. } => close_view(app, live, stage, prompts, frame, body),
    }
}

/// Rows `text` takes when word-wrapped at `width` (an estimate that errs long).
fn intro_height(text: &str, width: u16) -> u16 {
    let w = usize::from(width.max(1));
    text.lines()
        .map(|l| {
            let mut rows = 1;
            let mut col = 0;
            for word in l.split(' ') {
                let n = word.chars().count();
                if col > 0 && col + 1 + n > w {
                    rows += 1;
                    col = 0;
                }
                col += n + usize::from(col > 0);
                rows += col / (w + 1);
                col %= w + 1;
            }
            rows
        })
        .sum::<usize>()
        .try_into()
        .unwrap_or(u16::MAX)
}

/// An editor in a box; the cursor shows only while typing in it.
fn editor_box(
    app: &App,
    live: &Live,
    key: &str,
    title: &str,
    focused: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let editing = focused && live.editing;
    let label = if editing {
        format!(" {title} ✎ ")
    } else {
        format!(" {title} ")
    };
    let block = common::block(app, label, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(ed) = live.editors.get(key) {
        draw_editor(app, ed, editing, frame, inner);
    }
}

fn draw_editor(app: &App, ed: &TextArea<'static>, editing: bool, frame: &mut Frame, area: Rect) {
    if editing {
        frame.render_widget(ed, area);
    } else if ed.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("(empty: Enter to write)", app.theme.dim)),
            area,
        );
    } else {
        let text: Vec<Line> = ed.lines().iter().map(|l| Line::from(l.as_str())).collect();
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area);
    }
}

/// Prompts: the focused one open with its hint and editor, the others one line each.
fn prompts_view(
    app: &App,
    live: &Live,
    stage: &Stage,
    prompts: &[Prompt],
    frame: &mut Frame,
    area: Rect,
) {
    prompts_in(app, live, stage, prompts, frame, area);
}

fn prompts_in(
    app: &App,
    live: &Live,
    stage: &Stage,
    prompts: &[Prompt],
    frame: &mut Frame,
    area: Rect,
) {
    let t = &app.theme;
    let focused = match live.focused() {
        Some(FieldKind::Prompt(i)) => Some(i),
        _ => None,
    };
    let open = focused.unwrap_or(0);
    let mut constraints = Vec::new();
    for (i, p) in prompts.iter().enumerate() {
        if i == open {
            let text_w = area.width.saturating_sub(3);
            let hint = if p.hint.is_empty() {
                0
            } else {
                intro_height(&p.hint, text_w).min(2)
            };
            constraints.push(Constraint::Length(
                intro_height(&p.text, text_w).min(2) + hint,
            ));
            constraints.push(Constraint::Min(3));
        } else {
            constraints.push(Constraint::Length(2));
        }
    }
    let areas = Layout::vertical(constraints).split(area);
    let mut k = 0;
    for (i, p) in prompts.iter().enumerate() {
        let key = format!("a/{}/{}", stage.id, p.id);
        let n = i + 1;
        if i == open {
            let head = areas[k];
            k += 1;
            let [q, h] =
                Layout::horizontal([Constraint::Length(3), Constraint::Min(1)]).areas(head);
            frame.render_widget(Paragraph::new(Span::styled(format!("{n}. "), t.key)), q);
            let mut lines = vec![Line::styled(p.text.clone(), t.title)];
            if !p.hint.is_empty() {
                lines.push(Line::styled(p.hint.clone(), t.dim));
            }
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), h);
            editor_box(
                app,
                live,
                &key,
                "Answer",
                focused == Some(i),
                frame,
                areas[k],
            );
            k += 1;
        } else {
            let preview = live
                .editor_text(&key)
                .map(|s| s.replace('\n', " "))
                .filter(|s| !s.trim().is_empty());
            let lines = vec![
                Line::from(vec![
                    Span::styled(format!("{n}. "), t.dim),
                    Span::raw(p.text.clone()),
                ]),
                match preview {
                    Some(s) => Line::styled(format!("   {s}"), t.dim),
                    None => Line::styled("   (no answer yet)", t.dim),
                },
            ];
            frame.render_widget(Paragraph::new(lines), areas[k]);
            k += 1;
        }
    }
}

fn close_view(
    app: &App,
    live: &Live,
    stage: &Stage,
    prompts: &[Prompt],
    frame: &mut Frame,
    area: Rect,
) {
    let t = &app.theme;
    let StageKind::Close {
        confidence,
        next_session,
        ..
    } = &stage.kind
    else {
        return;
    };
    let extra = u16::from(confidence.is_some()) * 2 + u16::from(*next_session) * 3;
    let [top, bottom] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(extra)]).areas(area);
    prompts_in(app, live, stage, prompts, frame, top);
    let mut y = bottom.y;
    if let Some(c) = confidence {
        let scale = c.scale_or(Scale::default());
        let score = live
            .data
            .record
            .rating(&stage.id, &c.id)
            .and_then(|r| r.score);
        let focused = live.focused() == Some(FieldKind::Confidence);
        let style = if focused { t.selected } else { t.base };
        let lines = vec![
            Line::from(vec![
                Span::styled(if focused { "› " } else { "  " }, t.key),
                Span::styled(format!("{} ", c.label), t.title),
                Span::styled(bar(score, scale.min, scale.max, 10), style),
                Span::raw(format!(
                    " {} / {}",
                    score.map_or("-".to_owned(), |s| s.to_string()),
                    scale.max
                )),
                Span::styled("  ←/→ or 1-0", t.dim),
            ]),
            Line::styled(format!("  {}", c.question), t.dim),
        ];
        frame.render_widget(
            Paragraph::new(lines),
            Rect {
                y,
                height: 2,
                ..bottom
            },
        );
        y += 2;
    }
    if *next_session {
        let focused = live.focused() == Some(FieldKind::NextSession);
        let [input, shown] = Layout::horizontal([Constraint::Length(24), Constraint::Min(1)])
            .areas(Rect {
                y,
                height: 3,
                ..bottom
            });
        editor_box(app, live, "d/next", "Next session", focused, frame, input);
        let text = live.editor_text("d/next").unwrap_or_default();
        let resolved = match dates::parse_due(&text, app.today) {
            Ok(Some(d)) => Line::from(vec![
                Span::raw(" → "),
                Span::styled(dates::fmt_date_long(d), t.ok),
            ]),
            Ok(None) => Line::styled(" e.g. +2w, fri, 2026-12-09", t.dim),
            Err(_) => Line::styled(" not a date yet: try +2w, fri, 2026-12-09", t.warn),
        };
        frame.render_widget(
            Paragraph::new(resolved),
            Rect {
                y: shown.y + 1,
                height: 1,
                ..shown
            },
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn ratings_view(
    app: &App,
    live: &Live,
    stage: &Stage,
    items: &[crate::guide::RatingItem],
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
    let [list, question, note] = Layout::vertical([
        Constraint::Length(n + 1),
        Constraint::Length(2),
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

/// A label short enough to sit at the end of a radar axis.
pub fn short_label(label: &str) -> String {
    let l = label.strip_prefix("Self-").unwrap_or(label);
    let word = l.split_whitespace().next().unwrap_or(l);
    let mut s: String = word.chars().take(10).collect();
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s
}

fn choice_view(app: &App, live: &Live, stage: &Stage, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let StageKind::Choice {
        question,
        options,
        tags,
        tags_title,
        rationale,
    } = &stage.kind
    else {
        return;
    };
    let chosen = live.data.record.choice(&stage.id);
    let chosen_opt = chosen.and_then(|c| c.option_id.clone());
    let focus = live.focused();
    let ncols: u16 = if tags.len() > 4 && area.width >= 72 {
        3
    } else {
        2
    };
    let tags_h = if tags.is_empty() {
        0
    } else {
        (tags.len() as u16).div_ceil(ncols) + 2
    };
    let [opts, desc, rat, tg] = Layout::vertical([
        Constraint::Length(options.len() as u16 + u16::from(!question.is_empty())),
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(tags_h),
    ])
    .areas(area);
    let mut lines = Vec::new();
    if !question.is_empty() {
        lines.push(Line::styled(question.clone(), t.title));
    }
    let on_opts = focus == Some(FieldKind::ChoiceOptions);
    for (i, o) in options.iter().enumerate() {
        let picked = chosen_opt.as_deref() == Some(o.id.as_str());
        let cursor = on_opts && live.row == i;
        lines.push(Line::from(vec![
            Span::styled(if cursor { "› " } else { "  " }, t.key),
            Span::styled(
                if picked { "(•) " } else { "( ) " },
                if picked { t.current } else { t.base },
            ),
            Span::styled(
                o.label.clone(),
                if cursor {
                    t.selected
                } else if picked {
                    t.current
                } else {
                    t.base
                },
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), opts);
    let shown = if on_opts {
        options.get(live.row)
    } else {
        options
            .iter()
            .find(|o| Some(o.id.as_str()) == chosen_opt.as_deref())
    };
    if let Some(o) = shown {
        frame.render_widget(
            Paragraph::new(Line::styled(o.description.clone(), t.dim)).wrap(Wrap { trim: true }),
            desc,
        );
    }
    editor_box(
        app,
        live,
        &format!("c/{}", stage.id),
        rationale,
        focus == Some(FieldKind::Rationale),
        frame,
        rat,
    );
    if !tags.is_empty() {
        let on_tags = focus == Some(FieldKind::Tags);
        let block = common::block(
            app,
            format!(
                " {} ",
                if tags_title.is_empty() {
                    "Tags"
                } else {
                    tags_title
                }
            ),
            on_tags,
        );
        let inner = block.inner(tg);
        frame.render_widget(block, tg);
        let half = tags.len().div_ceil(usize::from(ncols));
        let cols = Layout::horizontal(vec![Constraint::Fill(1); usize::from(ncols)]).split(inner);
        for (c, chunk) in tags.chunks(half.max(1)).enumerate() {
            let lines: Vec<Line> = chunk
                .iter()
                .enumerate()
                .map(|(j, tag)| {
                    let i = c * half + j;
                    let on = chosen.is_some_and(|ch| ch.tags.contains(&tag.id));
                    let cursor = on_tags && live.row == i;
                    Line::from(vec![
                        Span::styled(
                            if on { "[x] " } else { "[ ] " },
                            if on { t.current } else { t.base },
                        ),
                        Span::styled(tag.label.clone(), if cursor { t.selected } else { t.base }),
                    ])
                })
                .collect();
            if let Some(col) = cols.get(c) {
                frame.render_widget(Paragraph::new(lines), *col);
            }
        }
    }
}

fn actions_view(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
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

fn review_view(app: &App, live: &Live, frame: &mut Frame, area: Rect) {
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
