//! A session as a readable document of lines: used by the summary (and any
//! read-only view of a session). Private notes only when asked for.

use ratatui::text::{Line, Span};

use super::common::{bar, delta};
use crate::dates;
use crate::guide::{Scale, StageKind};
use crate::model::{ReviewOutcome, Visibility};
use crate::tui::effect::SessionData;
use crate::tui::theme::Theme;

/// A session as lines, and where each stage starts.
pub struct Document {
    pub lines: Vec<Line<'static>>,
    /// (stage id, index in `lines` of its heading), in guide order.
    pub stages: Vec<(String, usize)>,
}

/// The document for a session. `private` includes the coach's private notes.
pub fn lines(data: &SessionData, theme: &Theme, private: bool) -> Vec<Line<'static>> {
    document(data, theme, private).lines
}

/// The document for a session, with its stage headings' positions, so a
/// reader can jump from stage to stage.
pub fn document(data: &SessionData, theme: &Theme, private: bool) -> Document {
    let t = theme;
    let mut stages = Vec::new();
    let rec = &data.record;
    let s = &rec.session;
    let mut out: Vec<Line<'static>> = Vec::new();
    out.push(Line::styled(
        format!(
            "{} · {} · {}",
            rec.coachee.name,
            s.guide.title,
            dates::fmt_datetime(s.started_at)
        ),
        t.title,
    ));
    let mut meta = format!(
        "{} · {}",
        s.status.as_str(),
        dates::fmt_duration(s.total_seconds())
    );
    if let Some(f) = s.focus {
        meta.push_str(&format!(" · focus {}", f.label()));
    }
    if let Some(d) = s.next_session {
        meta.push_str(&format!(" · next session {}", dates::fmt_date_long(d)));
    }
    if let Some(c) = crate::export::corrected_on(s) {
        meta.push_str(&format!(" · {}", c.to_lowercase()));
    }
    out.push(Line::styled(meta, t.dim));
    for st in &s.guide.stages {
        out.push(Line::from(""));
        stages.push((st.id.clone(), out.len()));
        out.push(Line::styled(format!("■ {}", st.title), t.current));
        match &st.kind {
            StageKind::Questions { prompts } | StageKind::Close { prompts, .. } => {
                for p in prompts {
                    out.push(Line::styled(format!("  {}", p.text), t.title));
                    match rec.answer(&st.id, &p.id).filter(|a| !a.trim().is_empty()) {
                        Some(a) => out.extend(a.lines().map(|l| Line::from(format!("    {l}")))),
                        None => out.push(Line::styled("    (no answer)", t.dim)),
                    }
                }
                if let StageKind::Close {
                    confidence: Some(c),
                    ..
                } = &st.kind
                {
                    let sc = c.scale_or(Scale::default());
                    let score = rec.rating(&st.id, &c.id).and_then(|r| r.score);
                    out.push(Line::from(format!(
                        "  {}: {} {}",
                        c.label,
                        bar(score, sc.min, sc.max, 10),
                        score.map_or("-".to_owned(), |v| format!("{v}/{}", sc.max))
                    )));
                }
            }
            StageKind::Ratings { items, scale } => {
                let w = items
                    .iter()
                    .map(|i| i.label.chars().count())
                    .max()
                    .unwrap_or(8);
                for it in items {
                    let sc = it.scale_or(*scale);
                    let r = rec.rating(&st.id, &it.id);
                    let score = r.and_then(|r| r.score);
                    let mut spans = vec![Span::raw(format!(
                        "  {:<w$} {} {:>2}",
                        it.label,
                        bar(score, sc.min, sc.max, 10),
                        score.map_or("-".to_owned(), |v| v.to_string())
                    ))];
                    if let (Some(now), Some(prev)) = (score, data.previous.get(&it.id)) {
                        spans.push(Span::styled(
                            format!("  ({} since last time)", delta(now - prev)),
                            t.dim,
                        ));
                    }
                    out.push(Line::from(spans));
                    if let Some(n) = r.map(|r| r.note.trim()).filter(|n| !n.is_empty()) {
                        out.push(Line::styled(format!("    {}", n.replace('\n', " ")), t.dim));
                    }
                }
            }
            StageKind::Choice {
                options,
                tags,
                tags_title,
                ..
            } => match rec.choice(&st.id) {
                Some(c) => {
                    let label = c
                        .option_id
                        .as_ref()
                        .and_then(|id| options.iter().find(|o| &o.id == id))
                        .map_or("(nothing chosen)".to_owned(), |o| o.label.clone());
                    out.push(Line::from(format!("  Choice: {label}")));
                    if !c.rationale.trim().is_empty() {
                        out.extend(c.rationale.lines().map(|l| Line::from(format!("    {l}"))));
                    }
                    let chosen: Vec<String> = tags
                        .iter()
                        .filter(|t| c.tags.contains(&t.id))
                        .map(|t| t.label.clone())
                        .collect();
                    if !chosen.is_empty() {
                        let title = crate::guide::tags_heading(tags_title);
                        out.push(Line::from(format!("  {title}: {}", chosen.join(", "))));
                    }
                }
                None => out.push(Line::styled("  (nothing chosen)", t.dim)),
            },
            StageKind::Actions => {
                if rec.actions.is_empty() {
                    out.push(Line::styled("  (no actions agreed)", t.dim));
                }
                for a in &rec.actions {
                    let due = a.due.map_or_else(|| "no date".into(), dates::fmt_date);
                    out.push(Line::from(format!(
                        "  • {} ({}, due {due}, {})",
                        a.text,
                        a.owner,
                        a.status.as_str()
                    )));
                }
            }
            StageKind::Review => {
                let reviewed: Vec<_> = data
                    .review
                    .iter()
                    .filter_map(|(a, r)| r.as_ref().map(|r| (a, r)))
                    .collect();
                if reviewed.is_empty() {
                    out.push(Line::styled("  (nothing reviewed)", t.dim));
                }
                for (a, r) in reviewed {
                    let what = match r.outcome {
                        ReviewOutcome::Done => "done",
                        ReviewOutcome::Carried => "carried over",
                        ReviewOutcome::Dropped => "dropped",
                    };
                    out.push(Line::from(format!("  • {}: {what}", a.text)));
                    if !r.note.trim().is_empty() {
                        out.push(Line::styled(
                            format!("    {}", r.note.replace('\n', " ")),
                            t.dim,
                        ));
                    }
                }
            }
        }
        for vis in [Visibility::Shared, Visibility::Private] {
            if vis == Visibility::Private && !private {
                continue;
            }
            if let Some(n) = rec.note(&st.id, vis).filter(|n| !n.text.trim().is_empty()) {
                let (label, style) = match vis {
                    Visibility::Private => ("  Private note (coach only):", t.private),
                    Visibility::Shared => ("  Note:", t.dim),
                };
                out.push(Line::styled(label, style));
                out.extend(
                    n.text
                        .lines()
                        .map(|l| Line::styled(format!("    {l}"), style)),
                );
            }
        }
    }
    Document { lines: out, stages }
}
