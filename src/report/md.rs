//! A report in Markdown (CommonMark with tables): every piece of user text
//! escaped with the session export's rules, the chart left to the table's
//! sparkline column.

use std::fmt::Write as _;

use super::doc::{Col, Doc, Part, Quote, Table};
use crate::export::md::{cell, inline, para, quoted};

pub fn render(d: &Doc) -> String {
    let mut out = String::new();
    if let Some(n) = d.notice {
        let _ = writeln!(out, "**{n}**\n");
    }
    let _ = writeln!(out, "# {}\n\n{}\n", inline(&d.title), inline(&d.subtitle));
    for s in &d.sections {
        let _ = writeln!(out, "## {}\n", inline(&s.title));
        for p in &s.parts {
            part(&mut out, p);
        }
    }
    out
}

fn part(out: &mut String, p: &Part) {
    match p {
        Part::Facts(facts) => {
            for (label, value) in facts {
                let _ = writeln!(out, "- **{}:** {}", inline(label), inline(value));
            }
            out.push('\n');
        }
        Part::Table(t) => table(out, t),
        // The table beside it carries the same scores as sparklines.
        Part::Chart(_) => {}
        Part::Para(text) => {
            let _ = writeln!(out, "{}\n", para(text));
        }
        Part::Quotes(quotes) => {
            for q in quotes {
                quote(out, q);
            }
        }
    }
}

fn table(out: &mut String, t: &Table) {
    let heads: Vec<&str> = t.columns.iter().map(|(h, _)| *h).collect();
    let _ = writeln!(out, "| {} |", heads.join(" | "));
    let rule: Vec<&str> = t
        .columns
        .iter()
        .map(|(_, c)| if *c == Col::Num { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for row in &t.rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                // Sparklines are shown as they are, in code, so their
                // characters line up in a monospaced font.
                if t.columns.get(i).is_some_and(|(_, c)| *c == Col::Spark) {
                    format!("`{c}`")
                } else {
                    cell(c)
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn quote(out: &mut String, q: &Quote) {
    let _ = writeln!(out, "### {}\n", inline(&q.heading));
    for (label, text) in &q.lines {
        // A label that is a question keeps its own punctuation.
        let colon = if label.ends_with(['?', '.', '!', ':']) {
            ""
        } else {
            ":"
        };
        let _ = writeln!(out, "**{}{colon}**\n\n{}\n", inline(label), quoted(text));
    }
}
