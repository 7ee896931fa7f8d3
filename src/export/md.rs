//! Markdown (CommonMark with tables) that reads well as an email or a wiki
//! page: one document per export, with a contents list for several sessions.

use std::fmt::Write as _;

use super::{Export, Item, bar, centers, day, delta, opt_date, option_label, owner, tag_labels};
use crate::dates::{fmt_date, fmt_datetime, fmt_duration};
use crate::guide::StageKind;
use crate::model::{SessionRecord, SessionStatus, Visibility};

/// The whole export as one Markdown document.
pub fn render(export: &Export) -> String {
    let mut out = String::new();
    match export.sessions.as_slice() {
        [] => {
            let _ = writeln!(out, "# Coaching sessions\n\nNo sessions to export.");
        }
        [one] => session(&mut out, one, 1, export.include_private),
        many => {
            let _ = writeln!(out, "# Coaching sessions\n");
            let names: Vec<String> = export.coachees.iter().map(|c| inline(&c.name)).collect();
            let _ = writeln!(
                out,
                "{} sessions with {}.\n\n## Contents\n",
                many.len(),
                names.join(", ")
            );
            for item in many {
                let r = &item.record;
                let _ = writeln!(
                    out,
                    "- [{} — {}](#{})",
                    inline(&r.coachee.name),
                    day(r.session.started_at),
                    anchor(&r.session.id)
                );
            }
            for item in many {
                out.push('\n');
                session(&mut out, item, 2, export.include_private);
            }
        }
    }
    out
}

/// One session as Markdown, its title at heading `level`.
pub fn session(out: &mut String, item: &Item, level: usize, include_private: bool) {
    let r = &item.record;
    let s = &r.session;
    let h = "#".repeat(level);
    let h2 = "#".repeat(level + 1);
    if level > 1 {
        let _ = writeln!(out, "<a id=\"{}\"></a>\n", anchor(&s.id));
    }
    let _ = writeln!(
        out,
        "{h} {} — {}\n",
        inline(&r.coachee.name),
        fmt_date_long_of(s.started_at)
    );
    let mut facts = vec![
        format!("**Guide:** {}", inline(&s.guide.title)),
        format!("**Started:** {}", fmt_datetime(s.started_at)),
    ];
    if !r.coachee.role.is_empty() {
        facts.insert(0, format!("**Role:** {}", inline(&r.coachee.role)));
    }
    facts.push(match s.status {
        SessionStatus::Completed => format!("**Duration:** {}", fmt_duration(s.total_seconds())),
        SessionStatus::InProgress => "**Status:** in progress".to_owned(),
    });
    if let Some(f) = s.focus {
        facts.push(format!("**Focus:** {}", inline(f.label())));
    }
    if let Some(d) = s.next_session {
        facts.push(format!("**Next session:** {}", fmt_date(d)));
    }
    if let Some(c) = super::corrected_on(s) {
        facts.push(format!("**{c}**"));
    }
    let _ = writeln!(out, "{}\n", facts.join("  \n"));
    if include_private && !r.coachee.notes.trim().is_empty() {
        let _ = writeln!(
            out,
            "> **Private — coach only.** About {}:  \n{}\n",
            inline(&r.coachee.name),
            quoted(&r.coachee.notes)
        );
    }
    let _ = writeln!(out, "Session id: `{}`\n", s.id);

    let mut shown_reviews = false;
    let mut shown_actions = false;
    for stage in &s.guide.stages {
        let _ = writeln!(out, "{h2} {}\n", inline(&stage.title));
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
                let centers_stage = centers(&s.guide).map(|c| c.0) == Some(stage.id.as_str());
                let _ = writeln!(out, "| Center | Score | Change | | Note |");
                let _ = writeln!(out, "|---|---:|---:|---|---|");
                for it in items {
                    let sc = it.scale_or(*scale);
                    let rating = r.rating(&stage.id, &it.id);
                    let score = rating.and_then(|x| x.score);
                    let note = rating.map_or("", |x| x.note.as_str());
                    let prev = if centers_stage {
                        item.previous
                            .as_ref()
                            .and_then(|p| p.scores.get(&it.id).copied())
                    } else {
                        None
                    };
                    let (score_txt, change, bars) = match score {
                        Some(v) => (format!("{v}/{}", sc.max), delta(v, prev), bar(v, sc)),
                        None => ("-".to_owned(), String::new(), String::new()),
                    };
                    let _ = writeln!(
                        out,
                        "| {} | {score_txt} | {change} | {bars} | {} |",
                        cell(&it.label),
                        cell(note)
                    );
                }
                out.push('\n');
                if centers_stage && let Some(p) = &item.previous {
                    let _ = writeln!(
                        out,
                        "_Change since the session of {}._\n",
                        day(p.started_at)
                    );
                }
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
                    let _ = writeln!(out, "**{}** {}\n", inline(q), inline(&picked));
                    answer(out, rationale, Some(&c.rationale));
                    let tags = tag_labels(&s.guide, &stage.id, &c.tags);
                    if !tags.is_empty() {
                        let title = crate::guide::tags_heading(tags_title);
                        let list: Vec<String> = tags.iter().map(|t| inline(t)).collect();
                        let _ = writeln!(out, "**{}:** {}\n", inline(title), list.join(", "));
                    }
                }
                None => {
                    let _ = writeln!(out, "_No choice recorded._\n");
                }
            },
            StageKind::Actions => {
                actions(out, item);
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
                    let _ = writeln!(out, "**{}** {txt}\n", inline(&c.question));
                    if let Some(note) = note {
                        let _ = writeln!(out, "{}\n", para(note));
                    }
                }
                if *next_session {
                    let _ = writeln!(out, "**Next session:** {}\n", opt_date(s.next_session));
                }
            }
        }
        stage_notes(out, r, &stage.id);
    }
    if !shown_reviews && !r.reviews.is_empty() {
        let _ = writeln!(out, "{h2} Review of earlier actions\n");
        reviews(out, r);
    }
    if !shown_actions && !r.actions.is_empty() {
        let _ = writeln!(out, "{h2} Actions\n");
        actions(out, item);
    }
}

fn fmt_date_long_of(t: time::OffsetDateTime) -> String {
    crate::dates::fmt_date_long(crate::dates::local_date(t))
}

fn answer(out: &mut String, prompt: &str, text: Option<&str>) {
    let _ = writeln!(out, "**{}**\n", inline(prompt));
    match text.filter(|t| !t.trim().is_empty()) {
        Some(t) => {
            let _ = writeln!(out, "{}\n", para(t));
        }
        None => {
            let _ = writeln!(out, "_No answer._\n");
        }
    }
}

fn reviews(out: &mut String, r: &SessionRecord) {
    if r.reviews.is_empty() {
        let _ = writeln!(out, "_No earlier actions were reviewed._\n");
        return;
    }
    let _ = writeln!(out, "| Action | Owner | Due | Outcome | Note |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for (review, action) in &r.reviews {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&action.text),
            cell(owner(&action.owner)),
            opt_date(action.due),
            review.outcome.as_str(),
            cell(&review.note)
        );
    }
    out.push('\n');
}

fn actions(out: &mut String, item: &Item) {
    let r = &item.record;
    if r.actions.is_empty() {
        let _ = writeln!(out, "_No actions agreed._\n");
        return;
    }
    let _ = writeln!(out, "| Action | Owner | Due | Status |");
    let _ = writeln!(out, "|---|---|---|---|");
    for a in &r.actions {
        let status = match a.completed_on {
            Some(d) => format!("{} {}", a.status.as_str(), fmt_date(d)),
            None => a.status.as_str().to_owned(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {status} |",
            cell(&a.text),
            cell(owner(&a.owner)),
            opt_date(a.due)
        );
    }
    out.push('\n');
}

fn stage_notes(out: &mut String, r: &SessionRecord, stage: &str) {
    if let Some(n) = r
        .note(stage, Visibility::Shared)
        .filter(|n| !n.text.trim().is_empty())
    {
        let _ = writeln!(out, "> **Note:**  \n{}\n", quoted(&n.text));
    }
    // Present only when the export was asked for with --include-private.
    if let Some(n) = r
        .note(stage, Visibility::Private)
        .filter(|n| !n.text.trim().is_empty())
    {
        let _ = writeln!(
            out,
            "> **Private note — coach only:**  \n{}\n",
            quoted(&n.text)
        );
    }
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
fn quoted(s: &str) -> String {
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
