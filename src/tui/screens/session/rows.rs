//! The rows of each stage kind on the card (questions are in `card.rs`).

use ratatui::text::{Line, Span};

use super::card::{Builder, MARK, focus_is};
use super::{EditorKey, Element, Session};
use crate::dates;
use crate::export::doc::delta;
use crate::guide::{Scale, Stage, StageKind};
use crate::model::ReviewOutcome;
use crate::tui::msg::Env;
use crate::tui::widgets::rating_bar::RatingBar;
use crate::tui::wrap;

pub(super) fn review_rows(b: &mut Builder, s: &Session, env: &Env) {
    let t = b.theme;
    if s.data.review.is_empty() {
        if s.data.topics.is_empty() {
            b.para(
                0,
                "No open actions from earlier sessions, and no topics parked: nothing to review.",
                t.base,
            );
            b.para(0, "Ctrl-n moves on to the next stage.", t.dim);
            return;
        }
        b.para(0, "No open actions from earlier sessions.", t.base);
        b.blank();
    }
    for (i, (a, r)) in s.data.review.iter().enumerate() {
        let el = Element::Review(i);
        let focused = focus_is(s, el);
        let start = b.begin();
        let mark = match r.as_ref().map(|r| r.outcome) {
            Some(ReviewOutcome::Done) => "[done]    ",
            Some(ReviewOutcome::Carried) => "[carried] ",
            Some(ReviewOutcome::Dropped) => "[dropped] ",
            None => "[  ?  ]   ",
        };
        let mark_style = if r.is_some() { t.ok } else { t.base };
        b.text(
            vec![b.mark(focused), Span::styled(mark, mark_style)],
            &a.text,
            if focused { t.title } else { t.base },
        );
        let due = a.due.map_or_else(
            || "no due date".to_owned(),
            |d| format!("due {}", dates::fmt_date(d)),
        );
        let overdue = a.due.is_some_and(|d| d < env.today) && r.is_none();
        let meta = format!(
            "{}{} · {due} · agreed {}",
            if overdue { "OVERDUE · " } else { "" },
            crate::export::owner(&a.owner),
            dates::fmt_date(dates::local_date(a.created_at))
        );
        b.para(12, &meta, if overdue { t.warn } else { t.dim });
        if let Some(p) = s.data.prep.as_ref().and_then(|p| p.action(&a.id)) {
            b.para(12, &prepared_action(p), t.ok);
        }
        if focused && !s.note_open {
            // A note is kept with the action's review, so a note on an
            // action not marked yet carries it over: said before it happens.
            let hint = if r.is_some() {
                "1 done · 2 carry over · 3 drop · type to write a note"
            } else {
                "1 done · 2 carry over · 3 drop · a note typed alone carries it over"
            };
            b.para(12, hint, t.dim);
        }
        let key = EditorKey::ReviewNote {
            action: a.id.clone(),
        };
        let typing = focused && s.note_open;
        if typing || focused || !s.editor_text(&key).unwrap_or_default().is_empty() {
            b.editor(s, &key, 10, typing, "(no note)");
        }
        b.end(start);
        b.blank();
    }
    super::topics::topic_rows(b, s, env);
}

pub(super) fn ratings_rows(
    b: &mut Builder,
    s: &Session,
    stage: &Stage,
    items: &[crate::guide::RatingItem],
    scale: Scale,
) {
    let t = b.theme;
    let label_w = items
        .iter()
        .map(|i| wrap::width(&i.label))
        .max()
        .unwrap_or(8);
    // The bar shrinks when the row also says what was prepared and what it
    // was last time, so that no figure is cut at the card's edge:
    // mark, label, bar, score, "  prepared 10", "  was 10 (+10)".
    let prepared = items.iter().any(|it| {
        s.data
            .prep
            .as_ref()
            .and_then(|p| p.center(&it.id))
            .is_some_and(|c| c.score.is_some())
    });
    // A center an active goal aims at shows the score aimed for.
    let aim = |id: &str| {
        s.data
            .record
            .goals
            .iter()
            .filter(|g| g.status_in(&s.data.record.session.id) == crate::model::GoalStatus::Active)
            .find(|g| g.goal.center.as_deref() == Some(id) && g.goal.target.is_some())
    };
    let aims = items.iter().any(|it| aim(&it.id).is_some());
    let tail = if s.data.previous.is_empty() { 0 } else { 14 }
        + if prepared { 13 } else { 0 }
        + if aims { 8 } else { 0 };
    let bar_w = if b.width >= 2 + label_w + 1 + 10 + 3 + tail && b.width >= 40 {
        10
    } else {
        5
    };
    for (i, it) in items.iter().enumerate() {
        let el = Element::Rating(i);
        let focused = focus_is(s, el);
        let start = b.begin();
        let sc = it.scale_or(scale);
        let score = s
            .data
            .record
            .rating(&stage.id, &it.id)
            .and_then(|r| r.score);
        let prev = s.data.previous.get(&it.id).copied();
        let pad = label_w.saturating_sub(wrap::width(&it.label));
        let spans = vec![
            b.mark(focused),
            Span::styled(
                format!("{}{} ", it.label, " ".repeat(pad)),
                if focused { t.title } else { t.base },
            ),
            RatingBar {
                score,
                min: sc.min,
                max: sc.max,
                style: if focused { t.current } else { t.base },
            }
            .span(bar_w),
            Span::raw(format!(
                " {:>2}",
                score.map_or("-".to_owned(), |s| s.to_string())
            )),
        ];
        // What stands beside the score: wrapped under it when the card is
        // too narrow for all of it, never cut at the border.
        let mut tail = Vec::new();
        let prepared = s.data.prep.as_ref().and_then(|p| p.center(&it.id));
        if let Some(v) = prepared.and_then(|p| p.score) {
            tail.push(Span::styled(format!("  prepared {v}"), t.ok));
        }
        match (prev, score) {
            (Some(p), Some(now)) => {
                tail.push(Span::styled(
                    format!("  was {p} ({})", delta(now - p)),
                    t.dim,
                ));
            }
            (Some(p), None) => tail.push(Span::styled(format!("  was {p}"), t.dim)),
            _ => {}
        }
        let goal = aim(&it.id);
        if let Some(target) = goal.and_then(|g| g.goal.target) {
            tail.push(Span::styled(format!("  aim {target}"), t.ok));
        }
        b.row_with_tail(spans, tail, 2 + label_w + 1);
        let key = EditorKey::RatingNote {
            stage: stage.id.clone(),
            item: it.id.clone(),
        };
        if focused {
            b.para(4, &it.question, t.base);
            if let Some(p) = prepared {
                b.para(4, &prepared_center(p), t.ok);
            }
            if let Some(g) = goal {
                b.para(4, &format!("Goal: {}", g.goal.text), t.ok);
            }
            b.editor(s, &key, 2, s.note_open, "(type to add a note)");
        } else if !s.editor_text(&key).unwrap_or_default().is_empty() {
            b.editor(s, &key, 2, false, "");
        }
        b.end(start);
        if focused {
            b.blank();
        }
    }
}

pub(super) fn choice_rows(b: &mut Builder, s: &Session, stage: &Stage) {
    let t = b.theme;
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
    let chosen = s.data.record.choice(&stage.id);
    let picked_id = chosen.and_then(|c| c.option_id.clone());
    if !question.is_empty() {
        b.para(0, question, t.title);
        b.blank();
    }
    for (i, o) in options.iter().enumerate() {
        let focused = focus_is(s, Element::Option(i));
        let picked = picked_id.as_deref() == Some(o.id.as_str());
        let start = b.begin();
        b.text(
            vec![
                b.mark(focused),
                Span::styled(
                    if picked { "(•) " } else { "( ) " },
                    if picked { t.current } else { t.base },
                ),
            ],
            &o.label,
            if focused || picked { t.current } else { t.base },
        );
        if focused || picked {
            b.para(6, &o.description, t.dim);
        }
        b.end(start);
    }
    b.blank();
    let focused = focus_is(s, Element::Rationale);
    let start = b.begin();
    b.text(
        vec![b.mark(focused)],
        rationale,
        if focused { t.title } else { t.base },
    );
    let key = EditorKey::Rationale {
        stage: stage.id.clone(),
    };
    b.editor(
        s,
        &key,
        1,
        focused && s.read_only.is_none(),
        "(nothing written yet)",
    );
    b.end(start);
    if tags.is_empty() {
        return;
    }
    b.blank();
    b.para(0, crate::guide::tags_heading(tags_title), t.title);
    let cols = s.tag_columns();
    let cell = (b.width / cols).max(12);
    for (r, chunk) in tags.chunks(cols).enumerate() {
        // Each cell wraps in its own column; the row is as tall as its tallest cell.
        let cells: Vec<(bool, bool, Vec<String>)> = chunk
            .iter()
            .enumerate()
            .map(|(c, tag)| {
                let i = r * cols + c;
                let on = chosen.is_some_and(|ch| ch.tags.contains(&tag.id));
                (
                    focus_is(s, Element::Tag(i)),
                    on,
                    wrap::wrap(&tag.label, cell.saturating_sub(7)),
                )
            })
            .collect();
        let height = cells.iter().map(|c| c.2.len()).max().unwrap_or(1);
        let start = b.rows.len();
        for line in 0..height {
            let mut spans = Vec::new();
            for (focused, on, text) in &cells {
                let first = line == 0;
                let lead = match (first, *focused) {
                    (true, true) => Span::styled(MARK, t.key),
                    _ => Span::raw("  "),
                };
                let boxed = if !first {
                    "    "
                } else if *on {
                    "[x] "
                } else {
                    "[ ] "
                };
                let words = text.get(line).cloned().unwrap_or_default();
                let used = 2 + 4 + wrap::width(&words);
                spans.push(lead);
                spans.push(Span::styled(boxed, if *on { t.current } else { t.base }));
                spans.push(Span::styled(
                    words,
                    if *focused {
                        t.title
                    } else if *on {
                        t.current
                    } else {
                        t.base
                    },
                ));
                spans.push(Span::raw(" ".repeat(cell.saturating_sub(used))));
            }
            b.rows.push(Line::from(spans));
        }
        for _ in chunk {
            b.spans.push((start, b.rows.len()));
        }
    }
}

pub(super) fn actions_rows(b: &mut Builder, s: &Session) {
    let t = b.theme;
    let actions = &s.data.record.actions;
    if actions.is_empty() {
        b.para(
            0,
            "No actions agreed yet: what will happen, who does it, by when.",
            t.base,
        );
        b.blank();
    }
    for (i, a) in actions.iter().enumerate() {
        let focused = focus_is(s, Element::Action(i));
        let start = b.begin();
        b.text(
            vec![b.mark(focused), Span::styled(format!("{}. ", i + 1), t.dim)],
            &a.text,
            if focused { t.title } else { t.base },
        );
        let due = a.due.map_or_else(
            || "no due date".to_owned(),
            |d| format!("due {}", dates::fmt_date_long(d)),
        );
        let mut meta = format!("{} · {due}", crate::export::owner(&a.owner));
        if let Some(l) = &a.link {
            meta.push_str(&format!(" · {}", link_label(s, l)));
        }
        b.para(5, &meta, t.dim);
        b.end(start);
        b.blank();
    }
    let focused = focus_is(s, Element::AddAction);
    let start = b.begin();
    b.text(
        vec![b.mark(focused), Span::styled("+ ", t.key)],
        "Add an action (Enter, or type it)",
        if focused { t.title } else { t.dim },
    );
    b.end(start);
}

/// "Autonomy" for a link to the Autonomy center, from the session's guide.
pub fn link_label(s: &Session, link: &crate::model::ActionLink) -> String {
    s.link_options()
        .into_iter()
        .find(|(id, _)| id == link)
        .map_or_else(|| link.to_stored(), |(_, l)| l)
}

pub(super) fn close_rows(b: &mut Builder, s: &Session, stage: &Stage, env: &Env) {
    let t = b.theme;
    let StageKind::Close {
        confidence,
        next_session,
        ..
    } = &stage.kind
    else {
        return;
    };
    if let Some(c) = confidence {
        let scale = c.scale_or(Scale::default());
        let score = s.data.record.rating(&stage.id, &c.id).and_then(|r| r.score);
        let focused = focus_is(s, Element::Confidence);
        let start = b.begin();
        b.rows.push(Line::from(vec![
            b.mark(focused),
            Span::styled(
                format!("{} ", c.label),
                if focused { t.title } else { t.base },
            ),
            RatingBar {
                score,
                min: scale.min,
                max: scale.max,
                style: t.current,
            }
            .span(10),
            Span::raw(format!(
                " {} / {}",
                score.map_or("-".to_owned(), |s| s.to_string()),
                scale.max
            )),
        ]));
        b.para(2, &c.question, t.dim);
        b.end(start);
        b.blank();
    }
    if *next_session {
        let focused = focus_is(s, Element::NextSession);
        let start = b.begin();
        b.text(
            vec![b.mark(focused)],
            "Next session",
            if focused { t.title } else { t.base },
        );
        b.editor(
            s,
            &EditorKey::NextSession,
            1,
            focused && s.read_only.is_none(),
            "(not set)",
        );
        let text = s.editor_text(&EditorKey::NextSession).unwrap_or_default();
        match (&s.field_error, dates::parse_due(&text, env.today)) {
            (Some(e), _) if focused => b.para(3, e, t.warn),
            (_, Ok(Some(d))) => b.para(3, &dates::date_hint(d, env.today), t.ok),
            (_, Err(e)) => b.para(3, &e.to_string(), t.warn),
            _ => {}
        }
        // The coachee's rhythm proposes a date, in the words that type it.
        if let (true, "", Some(days)) = (focused, text.trim(), s.data.record.coachee.rhythm_days) {
            let typed = if days % 7 == 0 {
                format!("+{}w", days / 7)
            } else {
                format!("+{days}d")
            };
            let on = dates::fmt_date_long(env.today.saturating_add(time::Duration::days(days)));
            b.para(
                3,
                &format!(
                    "Their rhythm, {}: {typed} makes it {on}",
                    dates::fmt_rhythm(Some(days))
                ),
                t.dim,
            );
        }
        if focused {
            let example = dates::fmt_date(env.today.saturating_add(time::Duration::days(7)));
            b.para(
                3,
                &format!("Accepted: {example}, +3d, +2w, fri, next week; Enter confirms"),
                t.dim,
            );
        }
        b.end(start);
    }
}

/// `Coachee's preparation: in progress · "the note"`.
fn prepared_action(p: &crate::prep::ActionAnswer) -> String {
    let mut out = format!(
        "{}: {}",
        PREPARED,
        p.mark.map_or("no mark", crate::prep::Mark::label)
    );
    if !p.note.trim().is_empty() {
        out.push_str(&format!(" · \"{}\"", p.note.trim()));
    }
    out
}

/// `Coachee's preparation: 7 · "the note" · Ctrl-y takes 7`.
fn prepared_center(p: &crate::prep::CenterAnswer) -> String {
    let mut out = format!(
        "{}: {}",
        PREPARED,
        p.score
            .map_or_else(|| "no score".to_owned(), |v| v.to_string())
    );
    if !p.note.trim().is_empty() {
        out.push_str(&format!(" · \"{}\"", p.note.trim()));
    }
    if let Some(v) = p.score {
        out.push_str(&format!(" · Ctrl-y takes {v}"));
    }
    out
}

/// How the card names what came from the coachee's preparation.
pub(super) const PREPARED: &str = "Coachee's preparation";
