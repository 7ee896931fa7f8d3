//! One session document, three renderings: the same session read as
//! Markdown, as HTML and in the TUI's summary holds the same words, and
//! private notes only when they are asked for.

use innerceo::export::doc;
use innerceo::export::{Format, Scope};
use innerceo::store::Store;
use innerceo::tui::runtime::load_session;
use innerceo::tui::screens::record;
use innerceo::tui::theme::Theme;

use super::fixture::{self, A1, A2, PRIVATE_WORD};
use super::{export_of, text};

/// The session `id` as Markdown, HTML and TUI lines, each brought back to
/// plain text: escapes undone, tags and styles dropped.
fn three(store: &Store, id: &str, private: bool) -> [(&'static str, String); 3] {
    let e = export_of(store, Scope::Session(id.to_string()), private);
    let md = unescape_md(&text(&e, Format::Md));
    let html = html_escape::decode_html_entities(&text(&e, Format::Html)).into_owned();
    let data = load_session(store, &id.into()).unwrap();
    let tui: Vec<String> = record::lines(&data, &Theme::plain(), private)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    [("markdown", md), ("html", html), ("tui", tui.join("\n"))]
}

/// Markdown text without the backslashes that keep punctuation literal.
fn unescape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

#[track_caller]
fn each_has(renders: &[(&str, String)], words: &str) {
    // Line by line: each format breaks a text of several lines its own way.
    for line in words.lines().map(str::trim).filter(|l| !l.is_empty()) {
        for (format, out) in renders {
            assert!(out.contains(line), "{format} lacks {line:?}:\n{out}");
        }
    }
}

#[test]
fn one_session_reads_the_same_in_markdown_html_and_the_tui() {
    let store = fixture::store();
    for id in [A1, A2] {
        let rec = store.session_record(&id.into()).unwrap();
        let renders = three(&store, id, false);
        for a in &rec.answers {
            each_has(&renders, &a.text);
        }
        let key_insight = rec.answer("close", "key_insight").unwrap();
        each_has(&renders, key_insight);
        for r in rec.ratings.iter().filter(|r| !r.note.is_empty()) {
            each_has(&renders, &r.note);
        }
        for a in &rec.actions {
            each_has(&renders, &a.text);
        }
        for (review, action) in &rec.reviews {
            each_has(&renders, &action.text);
            each_has(&renders, &review.note);
            each_has(&renders, doc::outcome(review.outcome));
        }
        for c in &rec.choices {
            each_has(&renders, &c.rationale);
        }
        for n in rec
            .notes
            .iter()
            .filter(|n| n.visibility == innerceo::model::Visibility::Shared)
        {
            each_has(&renders, &n.text);
        }
        // Both sessions leave prompts unanswered, and say so the same way.
        each_has(&renders, doc::NO_ANSWER);
        each_has(&renders, doc::NEXT_SESSION);
        for stage in &rec.session.guide.stages {
            each_has(&renders, &stage.title);
        }
    }
    // The second session is compared with the first in every format.
    let renders = three(&store, A2, false);
    each_has(&renders, "+2");
    each_has(&renders, "Change since the session of 2026-10-01");
}

#[test]
fn private_notes_reach_every_format_only_when_included() {
    let store = fixture::store();
    let rec = store.session_record(&A1.into()).unwrap();
    let private: Vec<&str> = rec
        .notes
        .iter()
        .filter(|n| n.visibility == innerceo::model::Visibility::Private)
        .map(|n| n.text.as_str())
        .collect();
    assert!(!private.is_empty());
    for (format, out) in three(&store, A1, false) {
        assert!(!out.contains(PRIVATE_WORD), "{format} leaks:\n{out}");
        assert!(
            !out.contains(doc::PRIVATE),
            "{format} marks nothing:\n{out}"
        );
    }
    let renders = three(&store, A1, true);
    for text in private {
        each_has(&renders, text);
    }
    each_has(&renders, &rec.coachee.notes);
    each_has(&renders, doc::PRIVATE);
}

#[test]
fn the_document_leaves_private_notes_out_unless_asked() {
    let store = fixture::store();
    let rec = store.session_record(&A1.into()).unwrap();
    let shared = doc::Document::build(&rec, None, false);
    let notes = |d: &doc::Document| -> Vec<bool> {
        d.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                doc::Block::Note(n) => Some(n.private),
                _ => None,
            })
            .collect()
    };
    assert_eq!(notes(&shared), [false]);
    assert!(shared.about.is_none());
    let all = doc::Document::build(&rec, None, true);
    assert_eq!(notes(&all), [false, true, true]);
    assert!(all.about.as_ref().is_some_and(|a| a.private));
    // Stages in guide order, each once.
    let ids: Vec<&str> = all
        .sections
        .iter()
        .filter_map(|s| s.stage_id.as_deref())
        .collect();
    let guide: Vec<&str> = rec
        .session
        .guide
        .stages
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, guide);
}
