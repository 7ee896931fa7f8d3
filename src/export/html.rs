//! The HTML export: one self-contained page (inline CSS and SVG, no request
//! to anywhere), readable on screen and on paper, every piece of user text
//! escaped.

use std::fmt::Write as _;

use html_escape::encode_safe;

use super::{
    Export, Item, bar, centers, day, delta, opt_date, option_label, owner, svg, tag_labels,
};
use crate::dates::{fmt_date, fmt_date_long, fmt_datetime, fmt_duration, local_date};
use crate::guide::StageKind;
use crate::model::{SessionRecord, SessionStatus, Visibility};

const STYLE: &str = "
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1a1a1a; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
.facts { color: #444; margin: .3rem 0 1rem; }
.facts span { margin-right: 1.2rem; white-space: nowrap; }
.prompt { font-weight: 600; margin: .8rem 0 .2rem; }
.answer { white-space: pre-wrap; margin: 0 0 .6rem; }
.empty { color: #666; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.bar { font-family: ui-monospace, monospace; letter-spacing: -1px; white-space: nowrap; }
td.text { white-space: pre-wrap; }
td.date { white-space: nowrap; }
.note { border-left: 4px solid #888; padding: .3rem .8rem; margin: .6rem 0; background: #f6f6f6; white-space: pre-wrap; }
.private { border: 2px dashed #000; background: #fff4e0; padding: .3rem .8rem; margin: .6rem 0; white-space: pre-wrap; }
.private .label, .note .label { font-weight: 700; display: block; white-space: normal; }
svg { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg .grid { fill: none; stroke: #bbb; stroke-width: 1; }
svg polygon.current { fill: rgba(31, 78, 121, .15); stroke: #1f4e79; stroke-width: 2.5; }
svg circle.current { fill: #1f4e79; }
svg line.current { stroke: #1f4e79; stroke-width: 2.5; }
svg .previous { fill: none; stroke: #555; stroke-width: 1.5; stroke-dasharray: 6 4; }
svg .score { font-weight: 700; }
svg .line { fill: none; stroke-width: 2; }
.contents li { margin: .1rem 0; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; color: #000; }
  article.session { break-before: page; page-break-before: always; }
  article.session:first-of-type { break-before: auto; page-break-before: auto; }
  section.trend, table, svg, .note, .private { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  th { background: #ddd; }
}
";

/// The whole export as one HTML page.
pub fn render(export: &Export) -> String {
    let mut out = String::new();
    let title = match export.sessions.as_slice() {
        [one] => format!(
            "{} — {}",
            one.record.coachee.name,
            fmt_date_long(local_date(one.record.session.started_at))
        ),
        _ => "Coaching sessions".to_owned(),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        encode_safe(&title)
    );
    if export.sessions.len() != 1 {
        let _ = writeln!(out, "<header><h1>Coaching sessions</h1>");
        if export.sessions.is_empty() {
            let _ = writeln!(out, "<p class=\"empty\">No sessions to export.</p>");
        } else {
            let _ = writeln!(out, "<ol class=\"contents\">");
            for item in &export.sessions {
                let r = &item.record;
                let _ = writeln!(
                    out,
                    "<li><a href=\"#s-{}\">{} — {}</a></li>",
                    encode_safe(&r.session.id),
                    encode_safe(&r.coachee.name),
                    day(r.session.started_at)
                );
            }
            let _ = writeln!(out, "</ol>");
        }
        let _ = writeln!(out, "</header>");
        for c in &export.coachees {
            trend(&mut out, export, &c.id, &c.name);
        }
    }
    for item in &export.sessions {
        session(&mut out, item, export.sessions.len() == 1);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The trend of a coachee's Six Centers over the exported sessions, when
/// there are at least two with scores.
fn trend(out: &mut String, export: &Export, coachee_id: &str, name: &str) {
    let items: Vec<&Item> = export
        .sessions
        .iter()
        .filter(|i| i.record.coachee.id == coachee_id)
        .filter(|i| i.record.ratings.iter().any(|r| r.score.is_some()))
        .collect();
    let Some(first) = items.last() else { return };
    let Some((_, centers_items, scale)) = centers(&first.record.session.guide) else {
        return;
    };
    if items.len() < 2 {
        return;
    }
    let dates: Vec<String> = items
        .iter()
        .map(|i| day(i.record.session.started_at))
        .collect();
    let series: Vec<Vec<Option<i64>>> = centers_items
        .iter()
        .map(|it| {
            items
                .iter()
                .map(|i| {
                    i.record
                        .ratings
                        .iter()
                        .find(|r| r.item_id == it.id)
                        .and_then(|r| r.score)
                })
                .collect()
        })
        .collect();
    let _ = writeln!(
        out,
        "<section class=\"trend\"><h2>Six Centers over time: {}</h2>\n{}\n</section>",
        encode_safe(name),
        svg::trend(centers_items, scale, &dates, &series)
    );
}

fn session(out: &mut String, item: &Item, alone: bool) {
    let r = &item.record;
    let s = &r.session;
    let _ = writeln!(
        out,
        "<article class=\"session\" id=\"s-{}\">",
        encode_safe(&s.id)
    );
    let heading = if alone { "h1" } else { "h2" };
    let _ = writeln!(
        out,
        "<{heading}>{} — {}</{heading}>",
        encode_safe(&r.coachee.name),
        fmt_date_long(local_date(s.started_at))
    );
    let mut facts = Vec::new();
    if !r.coachee.role.is_empty() {
        facts.push(format!("Role: {}", r.coachee.role));
    }
    facts.push(format!("Guide: {}", s.guide.title));
    facts.push(format!("Started: {}", fmt_datetime(s.started_at)));
    facts.push(match s.status {
        SessionStatus::Completed => format!("Duration: {}", fmt_duration(s.total_seconds())),
        SessionStatus::InProgress => "In progress".to_owned(),
    });
    if let Some(f) = s.focus {
        facts.push(format!("Focus: {}", f.label()));
    }
    if let Some(d) = s.next_session {
        facts.push(format!("Next session: {}", fmt_date(d)));
    }
    facts.extend(super::corrected_on(s));
    let facts: Vec<String> = facts
        .iter()
        .map(|f| format!("<span>{}</span>", encode_safe(f)))
        .collect();
    // Separated by spaces so the line can wrap between facts.
    let _ = writeln!(out, "<p class=\"facts\">{}</p>", facts.join(" "));
    if !r.coachee.notes.trim().is_empty() {
        private(out, &format!("About {}", r.coachee.name), &r.coachee.notes);
    }

    let (h, mut shown_reviews, mut shown_actions) = (if alone { "h2" } else { "h3" }, false, false);
    for stage in &s.guide.stages {
        let _ = writeln!(
            out,
            "<section class=\"stage\"><{h}>{}</{h}>",
            encode_safe(&stage.title)
        );
        match &stage.kind {
            StageKind::Review => {
                reviews(out, r);
                shown_reviews = true;
            }
            StageKind::Questions { prompts } => {
                for p in prompts {
                    answer(out, &p.text, r.answer(&stage.id, &p.id));
                }
            }
            StageKind::Ratings { scale, items } => {
                let is_centers = centers(&s.guide).map(|c| c.0) == Some(stage.id.as_str());
                let prev_of = |id: &str| {
                    is_centers
                        .then(|| {
                            item.previous
                                .as_ref()
                                .and_then(|p| p.scores.get(id).copied())
                        })
                        .flatten()
                };
                let any_score = items
                    .iter()
                    .any(|it| r.rating(&stage.id, &it.id).and_then(|x| x.score).is_some());
                if is_centers && any_score {
                    let current: Vec<Option<f64>> = items
                        .iter()
                        .map(|it| {
                            r.rating(&stage.id, &it.id)
                                .and_then(|x| x.score)
                                .map(|v| v as f64)
                        })
                        .collect();
                    let previous: Option<Vec<Option<f64>>> = item.previous.as_ref().map(|p| {
                        items
                            .iter()
                            .map(|it| p.scores.get(&it.id).map(|&v| v as f64))
                            .collect()
                    });
                    let this_label = format!("This session ({})", day(s.started_at));
                    let prev_label = item
                        .previous
                        .as_ref()
                        .map(|p| format!("Previous ({})", day(p.started_at)));
                    let _ = writeln!(
                        out,
                        "{}",
                        svg::radar(
                            items,
                            *scale,
                            &current,
                            previous.as_deref(),
                            (&this_label, prev_label.as_deref())
                        )
                    );
                }
                let _ = writeln!(
                    out,
                    "<table><thead><tr><th>Center</th><th>Score</th><th>Change</th><th></th><th>Note</th></tr></thead><tbody>"
                );
                for it in items {
                    let sc = it.scale_or(*scale);
                    let rating = r.rating(&stage.id, &it.id);
                    let (score, change, bars) = match rating.and_then(|x| x.score) {
                        Some(v) => (
                            format!("{v}/{}", sc.max),
                            delta(v, prev_of(&it.id)),
                            bar(v, sc),
                        ),
                        None => ("-".to_owned(), String::new(), String::new()),
                    };
                    let _ = writeln!(
                        out,
                        "<tr><td>{}</td><td class=\"num\">{score}</td><td class=\"num\">{change}</td><td class=\"bar\" aria-hidden=\"true\">{bars}</td><td class=\"text\">{}</td></tr>",
                        encode_safe(&it.label),
                        encode_safe(rating.map_or("", |x| x.note.as_str()))
                    );
                }
                let _ = writeln!(out, "</tbody></table>");
            }
            StageKind::Choice {
                question,
                rationale,
                tags_title,
                ..
            } => match r.choice(&stage.id) {
                Some(c) => {
                    let picked = c.option_id.as_deref().map_or_else(
                        || "not chosen".to_owned(),
                        |o| option_label(&s.guide, &stage.id, o),
                    );
                    let q = if question.is_empty() {
                        "Choice"
                    } else {
                        question.as_str()
                    };
                    let _ = writeln!(
                        out,
                        "<p class=\"prompt\">{}</p><p class=\"answer\"><strong>{}</strong></p>",
                        encode_safe(q),
                        encode_safe(&picked)
                    );
                    answer(out, rationale, Some(&c.rationale));
                    let tags = tag_labels(&s.guide, &stage.id, &c.tags);
                    if !tags.is_empty() {
                        let title = crate::guide::tags_heading(tags_title);
                        let _ = writeln!(
                            out,
                            "<p><strong>{}:</strong> {}</p>",
                            encode_safe(title),
                            encode_safe(&tags.join(", "))
                        );
                    }
                }
                None => {
                    let _ = writeln!(out, "<p class=\"empty\">No choice recorded.</p>");
                }
            },
            StageKind::Actions => {
                actions(out, r);
                shown_actions = true;
            }
            StageKind::Close {
                prompts,
                confidence,
                next_session,
            } => {
                for p in prompts {
                    answer(out, &p.text, r.answer(&stage.id, &p.id));
                }
                if let Some(c) = confidence {
                    let (txt, note) = crate::export::confidence(r, &stage.id, c);
                    answer(out, &c.question, Some(&txt));
                    if let Some(note) = note {
                        let _ = writeln!(out, "<p class=\"answer\">{}</p>", encode_safe(note));
                    }
                }
                if *next_session {
                    let _ = writeln!(
                        out,
                        "<p><strong>Next session:</strong> {}</p>",
                        opt_date(s.next_session)
                    );
                }
            }
        }
        if let Some(n) = r
            .note(&stage.id, Visibility::Shared)
            .filter(|n| !n.text.trim().is_empty())
        {
            let _ = writeln!(
                out,
                "<div class=\"note\"><span class=\"label\">Note</span>{}</div>",
                encode_safe(n.text.trim())
            );
        }
        // Present only when the export was asked for with --include-private.
        if let Some(n) = r
            .note(&stage.id, Visibility::Private)
            .filter(|n| !n.text.trim().is_empty())
        {
            private(out, "Private note", &n.text);
        }
        let _ = writeln!(out, "</section>");
    }
    if !shown_reviews && !r.reviews.is_empty() {
        let _ = writeln!(
            out,
            "<section class=\"stage\"><{h}>Review of earlier actions</{h}>"
        );
        reviews(out, r);
        let _ = writeln!(out, "</section>");
    }
    if !shown_actions && !r.actions.is_empty() {
        let _ = writeln!(out, "<section class=\"stage\"><{h}>Actions</{h}>");
        actions(out, r);
        let _ = writeln!(out, "</section>");
    }
    let _ = writeln!(
        out,
        "<p class=\"facts\"><small>Session id {}</small></p>\n</article>",
        encode_safe(&s.id)
    );
}

fn private(out: &mut String, label: &str, text: &str) {
    let _ = writeln!(
        out,
        "<div class=\"private\"><span class=\"label\">{} — private, coach only</span>{}</div>",
        encode_safe(label),
        encode_safe(text.trim())
    );
}

fn answer(out: &mut String, prompt: &str, text: Option<&str>) {
    let _ = write!(out, "<p class=\"prompt\">{}</p>", encode_safe(prompt));
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => {
            let _ = writeln!(out, "<p class=\"answer\">{}</p>", encode_safe(t));
        }
        None => {
            let _ = writeln!(out, "<p class=\"empty\">No answer.</p>");
        }
    }
}

fn reviews(out: &mut String, r: &SessionRecord) {
    if r.reviews.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"empty\">No earlier actions were reviewed.</p>"
        );
        return;
    }
    let _ = writeln!(
        out,
        "<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Outcome</th><th>Note</th></tr></thead><tbody>"
    );
    for (review, action) in &r.reviews {
        let _ = writeln!(
            out,
            "<tr><td class=\"text\">{}</td><td>{}</td><td class=\"date\">{}</td><td>{}</td><td class=\"text\">{}</td></tr>",
            encode_safe(&action.text),
            encode_safe(owner(&action.owner)),
            opt_date(action.due),
            review.outcome.as_str(),
            encode_safe(&review.note)
        );
    }
    let _ = writeln!(out, "</tbody></table>");
}

fn actions(out: &mut String, r: &SessionRecord) {
    if r.actions.is_empty() {
        let _ = writeln!(out, "<p class=\"empty\">No actions agreed.</p>");
        return;
    }
    let _ = writeln!(
        out,
        "<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead><tbody>"
    );
    for a in &r.actions {
        let status = match a.completed_on {
            Some(d) => format!("{} {}", a.status.as_str(), fmt_date(d)),
            None => a.status.as_str().to_owned(),
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"text\">{}</td><td>{}</td><td class=\"date\">{}</td><td class=\"date\">{status}</td></tr>",
            encode_safe(&a.text),
            encode_safe(owner(&a.owner)),
            opt_date(a.due)
        );
    }
    let _ = writeln!(out, "</tbody></table>");
}
