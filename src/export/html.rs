//! The HTML export: one self-contained page (inline CSS and SVG, no request
//! to anywhere), readable on screen and on paper, every piece of user text
//! escaped.

use std::fmt::Write as _;
use std::io;

use anyhow::Result;
use html_escape::encode_safe;

use super::doc::{self, Block, RatingRow, Ratings};
use super::source::{Source, Trend};
use super::{Item, Written, day, svg};

pub(crate) const STYLE: &str = "
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

/// Writes the export as one HTML page, a session at a time (control
/// characters dropped from each piece on its way out).
pub fn write(src: &dyn Source, out: &mut dyn io::Write) -> Result<Written> {
    let mut written = Written::default();
    let put = |out: &mut dyn io::Write, text: &str| {
        out.write_all(crate::controls::strip(text).as_bytes())
    };
    let count = src.count()?;
    let include_private = src.include_private();
    let mut title = "Coaching sessions".to_owned();
    if count == 1 {
        src.each_item(&mut |one| {
            title = doc::of(one, false).title;
            Ok(())
        })?;
    }
    put(
        out,
        &format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
            encode_safe(&title)
        ),
    )?;
    if count != 1 {
        put(out, "<header><h1>Coaching sessions</h1>\n")?;
        if count == 0 {
            put(out, "<p class=\"empty\">No sessions to export.</p>\n")?;
        } else {
            put(out, "<ol class=\"contents\">\n")?;
            src.each_entry(&mut |e| {
                let line = format!(
                    "<li><a href=\"#s-{}\">{} — {}</a></li>\n",
                    encode_safe(e.id),
                    encode_safe(e.coachee_name),
                    day(e.started_at)
                );
                Ok(put(out, &line)?)
            })?;
            put(out, "</ol>\n")?;
        }
        put(out, "</header>\n")?;
        for c in src.coachees() {
            if let Some(t) = src.trend(&c.id)? {
                let mut text = String::new();
                trend(&mut text, &t, &c.name);
                put(out, &text)?;
            }
        }
    }
    src.each_item(&mut |item| {
        let mut text = String::new();
        session(&mut text, item, count == 1, include_private);
        written.add(item);
        Ok(put(out, &text)?)
    })?;
    for s in doc::goals::sections(&src.goals()?, src.coachees()) {
        let mut text = format!(
            "<section class=\"goals\"><h2>{}</h2>\n",
            encode_safe(&s.title)
        );
        for b in &s.blocks {
            block(&mut text, b);
        }
        text.push_str("</section>\n");
        put(out, &text)?;
    }
    put(out, "</body>\n</html>\n")?;
    Ok(written)
}

/// The trend of a coachee's Six Centers over the exported sessions, when
/// there are at least two with scores.
fn trend(out: &mut String, t: &Trend, name: &str) {
    let Some((_, centers_items, scale)) = doc::centers(&t.guide) else {
        return;
    };
    if t.sessions.len() < 2 {
        return;
    }
    let dates: Vec<time::Date> = t
        .sessions
        .iter()
        .map(|(at, _)| crate::dates::local_date(*at))
        .collect();
    let labels: Vec<&str> = centers_items.iter().map(|it| it.label.as_str()).collect();
    let series: Vec<Vec<Option<i64>>> = centers_items
        .iter()
        .map(|it| {
            t.sessions
                .iter()
                .map(|(_, scores)| scores.get(&it.id).copied())
                .collect()
        })
        .collect();
    let _ = writeln!(
        out,
        "<section class=\"trend\"><h2>Six Centers over time: {}</h2>\n{}\n</section>",
        encode_safe(name),
        svg::trend(&labels, scale, &dates, &series)
    );
}

fn session(out: &mut String, item: &Item, alone: bool, include_private: bool) {
    let d = doc::of(item, include_private);
    let id = encode_safe(&d.session_id);
    let _ = writeln!(out, "<article class=\"session\" id=\"s-{id}\">");
    let (h1, h) = if alone { ("h1", "h2") } else { ("h2", "h3") };
    let _ = writeln!(out, "<{h1}>{}</{h1}>", encode_safe(&d.title));
    let facts: Vec<String> = d
        .facts
        .iter()
        .map(|f| format!("<span>{}: {}</span>", f.label, encode_safe(&f.value)))
        .collect();
    // Separated by spaces so the line can wrap between facts.
    let _ = writeln!(out, "<p class=\"facts\">{}</p>", facts.join(" "));
    if let Some(about) = &d.about {
        note(out, about);
    }
    for section in &d.sections {
        let _ = writeln!(
            out,
            "<section class=\"stage\"><{h}>{}</{h}>",
            encode_safe(&section.title)
        );
        for b in &section.blocks {
            block(out, b);
        }
        let _ = writeln!(out, "</section>");
    }
    let _ = writeln!(
        out,
        "<p class=\"facts\"><small>{} {id}</small></p>\n</article>",
        doc::SESSION_ID
    );
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Answer { prompt, answer } => {
            let (class, text) = answer
                .as_deref()
                .map_or(("empty", doc::NO_ANSWER), |t| ("answer", t));
            let _ = writeln!(
                out,
                "<p class=\"prompt\">{}</p><p class=\"{class}\">{}</p>",
                encode_safe(prompt),
                encode_safe(text)
            );
        }
        Block::Fact(f) => {
            let (label, value) = (encode_safe(&f.label), encode_safe(&f.value));
            let _ = writeln!(out, "<p><strong>{label}:</strong> {value}</p>");
        }
        Block::Ratings(r) => ratings(out, r),
        Block::Rows { rows, empty: e, .. } if rows.is_empty() => empty(out, e),
        Block::Rows { columns, rows, .. } => {
            let heads = columns.join("</th><th>");
            let _ = writeln!(
                out,
                "<table><thead><tr><th>{heads}</th></tr></thead><tbody>"
            );
            for row in rows {
                let _ = write!(
                    out,
                    "<tr><td class=\"text\">{}</td>",
                    encode_safe(&row.text)
                );
                let cells = row.cells();
                for (i, c) in cells.iter().enumerate() {
                    // Owner, due, state, note: dates and states stay on one
                    // line, notes keep their line breaks.
                    let class =
                        ["", " class=\"date\"", " class=\"date\"", " class=\"text\""][i.min(3)];
                    let _ = write!(out, "<td{class}>{}</td>", encode_safe(c));
                }
                let _ = writeln!(out, "</tr>");
            }
            let _ = writeln!(out, "</tbody></table>");
        }
        Block::Note(n) => note(out, n),
    }
}

/// A ratings stage: the radar for the Six Centers when anything is
/// scored, then the table.
fn ratings(out: &mut String, r: &Ratings) {
    if r.centers && r.rows.iter().any(|row| row.value.is_some()) {
        let labels: Vec<&str> = r.rows.iter().map(|row| row.label.as_str()).collect();
        let values = |f: fn(&RatingRow) -> Option<i64>| -> Vec<Option<f64>> {
            r.rows.iter().map(|row| f(row).map(|v| v as f64)).collect()
        };
        let previous = r.previous_day.is_some().then(|| values(|row| row.previous));
        let (this, prev) = r.legend();
        let legend = (this.as_str(), prev.as_deref());
        let current = values(|row| row.value);
        let radar = svg::radar(&labels, r.scale, &current, previous.as_deref(), legend);
        let _ = writeln!(out, "{radar}");
    }
    let [center, score, change, note] = doc::RATING_COLUMNS;
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{center}</th><th>{score}</th><th>{change}</th><th></th><th>{note}</th></tr></thead><tbody>"
    );
    for row in &r.rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"bar\" aria-hidden=\"true\">{}</td><td class=\"text\">{}</td></tr>",
            encode_safe(&row.label),
            row.score,
            row.change,
            row.bar,
            encode_safe(&row.note)
        );
    }
    let _ = writeln!(out, "</tbody></table>");
    if let Some(b) = r.baseline() {
        empty(out, &b);
    }
}

fn empty(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"empty\">{}</p>", encode_safe(text));
}

fn note(out: &mut String, n: &doc::Note) {
    let class = if n.private { "private" } else { "note" };
    let _ = writeln!(
        out,
        "<div class=\"{class}\"><span class=\"label\">{}</span>{}</div>",
        encode_safe(&n.label),
        encode_safe(&n.text)
    );
}
