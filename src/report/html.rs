//! A report as one self-contained HTML page, styled like the session
//! export: no request to anywhere, one section per printed page, the Six
//! Centers drawn as an inline SVG chart.

use std::fmt::Write as _;

use html_escape::encode_safe;

use super::doc::{Col, Doc, Part, Quote, Table};
use crate::export::svg;

/// What the report adds to the session export's style.
const REPORT_STYLE: &str = "
.subtitle { color: #444; margin-top: 0; }
.notice { border: 2px solid #1a1a1a; padding: .5rem .8rem; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.quote { margin: .8rem 0 1.2rem; }
.quote h3 { margin-bottom: .2rem; }
@media print {
  section.report { break-before: page; page-break-before: always; }
  section.report:first-of-type { break-before: auto; page-break-before: auto; }
  .quote { break-inside: avoid; page-break-inside: avoid; }
}
";

pub fn render(d: &Doc) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{}{REPORT_STYLE}</style>\n</head>\n<body>\n",
        encode_safe(&d.title),
        crate::export::html::STYLE
    );
    if let Some(n) = d.notice {
        let _ = writeln!(out, "<p class=\"notice\">{}</p>", encode_safe(n));
    }
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"subtitle\">{}</p></header>",
        encode_safe(&d.title),
        encode_safe(&d.subtitle)
    );
    for s in &d.sections {
        let _ = writeln!(
            out,
            "<section class=\"report\"><h2>{}</h2>",
            encode_safe(&s.title)
        );
        for p in &s.parts {
            part(&mut out, p);
        }
        let _ = writeln!(out, "</section>");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn part(out: &mut String, p: &Part) {
    match p {
        Part::Facts(facts) => {
            let _ = writeln!(out, "<dl class=\"facts\">");
            for (label, value) in facts {
                let _ = writeln!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    encode_safe(label),
                    encode_safe(value)
                );
            }
            let _ = writeln!(out, "</dl>");
        }
        Part::Table(t) => table(out, t),
        Part::Chart(c) => {
            let labels: Vec<&str> = c.series.iter().map(|(l, _)| l.as_str()).collect();
            let series: Vec<Vec<Option<i64>>> = c.series.iter().map(|(_, s)| s.clone()).collect();
            let _ = writeln!(out, "{}", svg::trend(&labels, c.scale, &c.dates, &series));
        }
        Part::Para(text) => {
            let _ = writeln!(out, "<p>{}</p>", encode_safe(text));
        }
        Part::Quotes(quotes) => {
            for q in quotes {
                quote(out, q);
            }
        }
    }
}

fn table(out: &mut String, t: &Table) {
    let _ = write!(out, "<table><thead><tr>");
    for (head, _) in &t.columns {
        let _ = write!(out, "<th>{}</th>", encode_safe(head));
    }
    let _ = writeln!(out, "</tr></thead><tbody>");
    for row in &t.rows {
        let _ = write!(out, "<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = match t.columns.get(i).map_or(Col::Text, |(_, c)| *c) {
                Col::Text => "text",
                Col::Num => "num",
                Col::Date => "date",
                Col::Spark => "bar",
            };
            let _ = write!(out, "<td class=\"{class}\">{}</td>", encode_safe(c));
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = writeln!(out, "</tbody></table>");
}

fn quote(out: &mut String, q: &Quote) {
    let _ = writeln!(
        out,
        "<div class=\"quote\"><h3>{}</h3>",
        encode_safe(&q.heading)
    );
    let class = if q.private { "private" } else { "note" };
    for (label, text) in &q.lines {
        let _ = writeln!(
            out,
            "<div class=\"{class}\"><span class=\"label\">{}</span>{}</div>",
            encode_safe(label),
            encode_safe(text)
        );
    }
    let _ = writeln!(out, "</div>");
}
