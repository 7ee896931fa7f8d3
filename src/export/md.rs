//! Markdown (CommonMark with tables) that reads well as an email or a wiki
//! page: one document per export, with a contents list for several sessions.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use anyhow::Result;

use super::doc::{self, Block, Ratings};
use super::source::Source;
use super::{Export, Item, Written, day};

/// The whole export as one Markdown document, control characters left as
/// they are (the caller strips or escapes them).
pub fn render(export: &Export) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and the text is UTF-8 throughout.
    let _ = write(export, &mut out, keep);
    String::from_utf8(out).unwrap_or_default()
}

/// Text as it is.
fn keep(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

/// Writes the export as one Markdown document, a session at a time: each
/// piece goes through `clean` (which strips or escapes control characters)
/// on its way out, so only one session is ever in memory.
pub fn write(
    src: &dyn Source,
    out: &mut dyn io::Write,
    clean: fn(&str) -> Cow<'_, str>,
) -> Result<Written> {
    let mut written = Written::default();
    let put = |out: &mut dyn io::Write, text: &str| out.write_all(clean(text).as_bytes());
    let include_private = src.include_private();
    match src.count()? {
        0 => put(out, "# Coaching sessions\n\nNo sessions to export.\n")?,
        1 => src.each_item(&mut |item| {
            let mut text = String::new();
            session(&mut text, item, 1, include_private);
            written.add(item);
            Ok(put(out, &text)?)
        })?,
        many => {
            let names: Vec<String> = src.coachees().iter().map(|c| inline(&c.name)).collect();
            put(
                out,
                &format!(
                    "# Coaching sessions\n\n{many} sessions with {}.\n\n## Contents\n\n",
                    names.join(", ")
                ),
            )?;
            src.each_entry(&mut |e| {
                let line = format!(
                    "- [{} — {}](#{})\n",
                    inline(e.coachee_name),
                    day(e.started_at),
                    anchor(e.id)
                );
                Ok(put(out, &line)?)
            })?;
            src.each_item(&mut |item| {
                let mut text = String::from("\n");
                session(&mut text, item, 2, include_private);
                written.add(item);
                Ok(put(out, &text)?)
            })?;
        }
    }
    for s in doc::goals::sections(&src.goals()?, src.coachees()) {
        let mut text = format!("\n## {}\n\n", inline(&s.title));
        for b in &s.blocks {
            block(&mut text, b);
        }
        put(out, &text)?;
    }
    Ok(written)
}

/// One session as Markdown, its title at heading `level`.
pub fn session(out: &mut String, item: &Item, level: usize, include_private: bool) {
    let d = doc::of(item, include_private);
    let (h, h2) = ("#".repeat(level), "#".repeat(level + 1));
    if level > 1 {
        let _ = writeln!(out, "<a id=\"{}\"></a>\n", anchor(&d.session_id));
    }
    let _ = writeln!(out, "{h} {}\n", inline(&d.title));
    let facts: Vec<String> = d.facts.iter().map(fact).collect();
    let _ = writeln!(out, "{}\n", facts.join("  \n"));
    if let Some(about) = &d.about {
        note(out, about);
    }
    let _ = writeln!(out, "{}: `{}`\n", doc::SESSION_ID, d.session_id);
    for section in &d.sections {
        let _ = writeln!(out, "{h2} {}\n", inline(&section.title));
        for b in &section.blocks {
            block(out, b);
        }
    }
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Answer { prompt, answer } => {
            let text = answer
                .as_deref()
                .map_or_else(|| emphasis(doc::NO_ANSWER), para);
            let _ = writeln!(out, "**{}**\n\n{text}\n", inline(prompt));
        }
        Block::Fact(f) => {
            let _ = writeln!(out, "{}\n", fact(f));
        }
        Block::Ratings(r) => ratings(out, r),
        Block::Rows { rows, empty: e, .. } if rows.is_empty() => empty(out, e),
        Block::Rows { columns, rows, .. } => {
            let _ = writeln!(out, "| {} |", columns.join(" | "));
            let _ = writeln!(out, "|{}", "---|".repeat(columns.len()));
            for row in rows {
                let cells: Vec<String> = row.cells().into_iter().map(cell).collect();
                let _ = writeln!(out, "| {} | {} |", cell(&row.text), cells.join(" | "));
            }
            out.push('\n');
        }
        Block::Note(n) => note(out, n),
    }
}

fn ratings(out: &mut String, r: &Ratings) {
    let [center, score, change, note] = doc::RATING_COLUMNS;
    let _ = writeln!(out, "| {center} | {score} | {change} | | {note} |");
    let _ = writeln!(out, "|---|---:|---:|---|---|");
    for row in &r.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&row.label),
            row.score,
            row.change,
            row.bar,
            cell(&row.note)
        );
    }
    out.push('\n');
    if let Some(b) = r.baseline() {
        empty(out, &b);
    }
}

/// A sentence saying what is missing, in italics.
fn empty(out: &mut String, text: &str) {
    let _ = writeln!(out, "{}\n", emphasis(text));
}

fn emphasis(text: &str) -> String {
    format!("_{}_", inline(text))
}

fn fact(f: &doc::Fact) -> String {
    format!("**{}:** {}", f.label, inline(&f.value))
}

fn note(out: &mut String, n: &doc::Note) {
    let _ = writeln!(out, "> **{}:**  \n{}\n", inline(&n.label), quoted(&n.text));
}

/// The anchor of a session in a multi-session document.
fn anchor(id: &str) -> String {
    format!("session-{}", super::short_id(id))
}

/// User text inside a line: every character that could start markup is
/// escaped (so `<script>` stays text and `*` stays a star), and line breaks
/// become spaces.
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// User text in a table cell: escaped like `inline`, line breaks kept as `<br>`.
pub fn cell(s: &str) -> String {
    let lines: Vec<String> = s.lines().map(|l| inline(l.trim())).collect();
    lines.join("<br>")
}

/// User text as a paragraph: each line escaped, including what would start
/// a heading, list, quote or rule at the start of a line; lines joined by
/// hard breaks, blank lines kept as paragraph breaks.
pub fn para(s: &str) -> String {
    let mut out = String::new();
    let mut lines = s.trim().lines().map(str::trim).peekable();
    while let Some(line) = lines.next() {
        out.push_str(&line_start(line));
        match lines.peek() {
            Some(next) if next.is_empty() || line.is_empty() => out.push('\n'),
            Some(_) => out.push_str("\\\n"),
            None => {}
        }
    }
    out
}

/// A paragraph inside a block quote.
pub fn quoted(s: &str) -> String {
    para(s)
        .lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_owned()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escapes a line, and its first character when it would start a block.
fn line_start(line: &str) -> String {
    let escaped = inline(line);
    let first = escaped.chars().next();
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    if matches!(first, Some('-' | '+' | '=')) {
        format!("\\{escaped}")
    } else if !digits.is_empty() && matches!(line[digits.len()..].chars().next(), Some('.' | ')')) {
        // "1. " would start an ordered list.
        format!("{digits}\\{}", &escaped[digits.len()..])
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_break_structure() {
        assert_eq!(inline("a|b *c* <x>"), "a\\|b \\*c\\* \\<x\\>");
        assert_eq!(para("# not a heading"), "\\# not a heading");
        assert_eq!(para("- item\n2. two"), "\\- item\\\n2\\. two");
        assert_eq!(cell("one\ntwo|three"), "one<br>two\\|three");
    }
}
