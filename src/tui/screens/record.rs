//! The session document (`export::doc`) as styled lines, for the summary
//! and the session detail, with where each stage starts.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::export::doc::{self, Block, Ratings};
use crate::tui::effect::SessionData;
use crate::tui::theme::Theme;

/// A session as lines, and where each stage starts.
pub struct Document {
    pub lines: Vec<Line<'static>>,
    /// (stage id, index in `lines` of its heading), in guide order.
    pub stages: Vec<(String, usize)>,
    /// (title, index of its heading) of every section, closing lists too.
    pub sections: Vec<(String, usize)>,
}

/// The document for a session. `private` includes the coach's private notes.
pub fn lines(data: &SessionData, theme: &Theme, private: bool) -> Vec<Line<'static>> {
    document(data, theme, private).lines
}

/// The document for a session, with its stage headings' positions, so a
/// reader can jump from stage to stage.
pub fn document(data: &SessionData, theme: &Theme, private: bool) -> Document {
    let t = theme;
    let previous = data.previous_at.map(|at| (at, &data.previous));
    let mut d = doc::Document::build(&data.record, previous, private);
    crate::prep::doc::add_to(&mut d, data.prep.as_ref());
    let mut out = vec![Line::styled(d.title.clone(), t.title)];
    let facts: Vec<String> = d
        .facts
        .iter()
        .map(|f| format!("{}: {}", f.label, f.value))
        .collect();
    out.push(Line::styled(facts.join(" · "), t.dim));
    if let Some(about) = &d.about {
        note(&mut out, about, t);
    }
    let mut stages = Vec::new();
    let mut sections = Vec::new();
    for section in &d.sections {
        out.push(Line::from(""));
        if let Some(id) = &section.stage_id {
            stages.push((id.clone(), out.len()));
        }
        sections.push((section.title.clone(), out.len()));
        out.push(Line::styled(format!("■ {}", section.title), t.current));
        for b in &section.blocks {
            block(&mut out, b, t);
        }
    }
    Document {
        lines: out,
        stages,
        sections,
    }
}

fn block(out: &mut Vec<Line<'static>>, b: &Block, t: &Theme) {
    match b {
        Block::Answer { prompt, answer } => {
            out.push(Line::styled(format!("  {prompt}"), t.title));
            match answer {
                Some(a) => text(out, a, Style::default()),
                None => out.push(Line::styled(format!("    {}", doc::NO_ANSWER), t.dim)),
            }
        }
        Block::Fact(f) => out.push(Line::from(format!("  {}: {}", f.label, f.value))),
        Block::Ratings(r) => ratings(out, r, t),
        Block::Rows { rows, empty, .. } if rows.is_empty() => {
            out.push(Line::styled(format!("  {empty}"), t.dim));
        }
        Block::Rows { rows, columns, .. } => {
            for row in rows {
                let details = row.details(columns);
                out.push(Line::from(format!("  • {} ({details})", row.text)));
                if let Some(n) = row.note.as_deref().filter(|n| !n.is_empty()) {
                    out.push(Line::styled(format!("    {}", n.replace('\n', " ")), t.dim));
                }
            }
        }
        Block::Note(n) => note(out, n, t),
    }
}

/// One row per item: label, bar, score, and the change when there is a
/// session to compare with; its note below.
fn ratings(out: &mut Vec<Line<'static>>, r: &Ratings, t: &Theme) {
    let w = r
        .rows
        .iter()
        .map(|row| row.label.chars().count())
        .max()
        .unwrap_or(8);
    for row in &r.rows {
        // A dotted bar keeps an unrated row's score in its column.
        let bar = if row.bar.is_empty() {
            "·".repeat(10)
        } else {
            row.bar.clone()
        };
        let mut spans = vec![Span::raw(format!(
            "  {:<w$} {bar} {:>5}",
            row.label, row.score
        ))];
        if r.previous_day.is_some() && !row.change.is_empty() {
            spans.push(Span::styled(format!("  {}", row.change), t.dim));
        }
        out.push(Line::from(spans));
        if !row.note.is_empty() {
            out.push(Line::styled(
                format!("    {}", row.note.replace('\n', " ")),
                t.dim,
            ));
        }
    }
    if let Some(b) = r.baseline() {
        out.push(Line::styled(format!("  {b}"), t.dim));
    }
}

/// A note under its label, in the private style when it is private.
fn note(out: &mut Vec<Line<'static>>, n: &doc::Note, t: &Theme) {
    let style = if n.private { t.private } else { t.dim };
    out.push(Line::styled(format!("  {}:", n.label), style));
    text(out, &n.text, style);
}

/// Text of several lines, indented under what it answers.
fn text(out: &mut Vec<Line<'static>>, s: &str, style: Style) {
    out.extend(s.lines().map(|l| Line::styled(format!("    {l}"), style)));
}
