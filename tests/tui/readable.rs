//! Every word of every shipped guide is readable in the session, at 80x24 and
//! 120x40, with the notes pane closed and open; the status line never cuts a
//! word; private notes stay private.

use innerceo::guide::{self, StageKind};
use innerceo::model::Visibility;
use innerceo::tui::app::Screen;
use innerceo::tui::runtime::Runtime;
use ratatui::crossterm::event::KeyCode;

use super::harness::*;

/// Words of the stage card (right of the stage list or notes pane), in
/// reading order. Tokens without a letter or digit (borders, the radar's
/// dots, bars) are left out.
fn card_words(rt: &Runtime, w: u16, h: u16) -> Vec<String> {
    let text = screen(rt, w, h);
    let rows: Vec<&str> = text.lines().collect();
    // The card's top-left corner is the second box corner on the row under the header.
    let corner = rows
        .get(2)
        .and_then(|r| {
            r.char_indices()
                .filter(|(_, c)| matches!(c, '┌' | '┏'))
                .nth(1)
                .map(|(i, _)| r[..i].chars().count())
        })
        .unwrap_or(0);
    let mut out = Vec::new();
    for row in &rows[3..rows.len().saturating_sub(2)] {
        let tail: String = row.chars().skip(corner + 1).collect();
        for tok in tail.split_whitespace() {
            if tok.chars().any(char::is_alphanumeric) {
                out.push(tok.trim_matches(|c| matches!(c, '┃' | '│')).to_owned());
            }
        }
    }
    out
}

/// Whether `text`'s words stand in `words` in order, with at most a few
/// other words between two of them (a marker, a number, a label beside).
fn reads(text: &str, words: &[String]) -> bool {
    let want: Vec<&str> = text.split_whitespace().collect();
    if want.is_empty() {
        return true;
    }
    'start: for i in 0..words.len() {
        if words[i] != want[0] {
            continue;
        }
        let mut at = i;
        for w in &want[1..] {
            let Some(step) = words[at + 1..].iter().take(4).position(|x| x == w) else {
                continue 'start;
            };
            at += 1 + step;
        }
        return true;
    }
    false
}

/// The texts of a stage a coach must be able to read.
fn texts(stage: &guide::Stage) -> Vec<String> {
    let mut out = vec![stage.intro.clone()];
    match &stage.kind {
        StageKind::Questions { prompts } | StageKind::Close { prompts, .. } => {
            for p in prompts {
                out.push(p.text.clone());
                out.push(p.hint.clone());
            }
            if let StageKind::Close {
                confidence: Some(c),
                ..
            } = &stage.kind
            {
                out.push(c.label.clone());
                out.push(c.question.clone());
            }
        }
        StageKind::Ratings { items, .. } => {
            for it in items {
                out.push(it.label.clone());
                out.push(it.question.clone());
            }
        }
        StageKind::Choice {
            question,
            options,
            rationale,
            ..
        } => {
            out.push(question.clone());
            out.push(rationale.clone());
            for o in options {
                out.push(o.label.clone());
                out.push(o.description.clone());
            }
        }
        StageKind::Review | StageKind::Goals { .. } | StageKind::Actions => {}
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

fn session(rt: &Runtime) -> &innerceo::tui::screens::session::Session {
    match &rt.app.screen {
        Screen::Session(s) => s,
        _ => panic!("not in a session:\n{}", screen(rt, 80, 24)),
    }
}

#[test]
fn every_word_of_every_guide_is_readable_at_both_sizes_with_the_pane_closed_and_open() {
    let (guides, errors) = guide::load_all(None, &[]);
    assert!(errors.is_empty());
    let mut checked = 0;
    for (g, loaded) in guides.iter().enumerate() {
        for pane in [false, true] {
            let mut rt = runtime();
            add_coachee(&mut rt, "Ana Silva", "Head of Product");
            ch(&mut rt, 'n');
            for _ in 0..g {
                key(&mut rt, KeyCode::Down);
            }
            key(&mut rt, KeyCode::Enter);
            for (si, stage) in loaded.guide.stages.iter().enumerate() {
                assert_eq!(session(&rt).stage, si);
                if pane {
                    // Open the pane, then back to the card: the pane stays open.
                    ctrl(&mut rt, 'o');
                    key(&mut rt, KeyCode::Esc);
                    assert!(session(&rt).pane_open);
                }
                for (w, h) in [(80, 24), (120, 40)] {
                    let count = session(&rt).elements().len().max(1);
                    let mut seen: Vec<Vec<String>> = Vec::new();
                    for _ in 0..count {
                        seen.push(card_words(&rt, w, h));
                        key(&mut rt, KeyCode::Tab);
                    }
                    for text in texts(stage) {
                        assert!(
                            seen.iter().any(|words| reads(&text, words)),
                            "{} / {} at {w}x{h}, pane {}: not readable: {text:?}\nfirst screen:\n{}",
                            loaded.guide.id,
                            stage.title,
                            if pane { "open" } else { "closed" },
                            screen(&rt, w, h)
                        );
                        checked += 1;
                    }
                }
                if pane {
                    ctrl(&mut rt, 'o');
                    ctrl(&mut rt, 'o');
                }
                ctrl(&mut rt, 'n');
            }
        }
    }
    assert!(checked > 100, "{checked} texts checked");
}

#[test]
fn the_status_line_never_ends_in_a_cut_word_from_80_to_200_columns() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "Head of Product");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    let stages = session(&rt).stage_count();
    let mut states = 0;
    for _ in 0..stages {
        for _ in 0..session(&rt).elements().len().max(1) {
            let ctx = rt.app.context();
            let mut items = innerceo::tui::screens::session::hints(session(&rt));
            items.extend(innerceo::tui::ui::status_items(ctx));
            let whole: Vec<String> = items.iter().map(|(k, l)| format!("{k} {l}")).collect();
            for w in 80..=200u16 {
                let text = screen(&rt, w, 24);
                let last = text.lines().last().unwrap_or_default().trim();
                for entry in last.split("  ") {
                    assert!(
                        whole.iter().any(|e| e == entry),
                        "{ctx:?} at {w} columns: {entry:?} is not a whole hint in {last:?}"
                    );
                }
            }
            states += 1;
            key(&mut rt, KeyCode::Tab);
        }
        ctrl(&mut rt, 'n');
    }
    assert!(states > 10);
}

fn one_to_one_at_clarity() -> Runtime {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "Head of Product");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    ctrl(&mut rt, 'n');
    typ(&mut rt, "I can decide more than I think.");
    rt
}

fn record(rt: &mut Runtime) -> innerceo::model::SessionRecord {
    rt.flush();
    let id = session(rt).session_id().to_owned();
    rt.store.session_record(&id).expect("record")
}

#[test]
fn tab_in_the_notes_pane_keeps_typing_in_the_private_note() {
    let mut rt = one_to_one_at_clarity();
    ctrl(&mut rt, 'o');
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "PRIVATE: follow up");
    ctrl(&mut rt, 'o');
    let rec = record(&mut rt);
    assert_eq!(
        rec.answer("clarity", "intent"),
        Some("I can decide more than I think.")
    );
    assert_eq!(
        rec.note("clarity", Visibility::Private)
            .map(|n| n.text.as_str()),
        Some("PRIVATE: follow up")
    );
    for a in &rec.answers {
        assert!(
            !a.text.contains("PRIVATE"),
            "leaked into {}: {}",
            a.prompt_id,
            a.text
        );
    }
    // Ctrl-o gave the focus back to the answer it came from.
    typ(&mut rt, " Really.");
    let rec = record(&mut rt);
    assert_eq!(
        rec.answer("clarity", "intent"),
        Some("I can decide more than I think. Really.")
    );
}

#[test]
fn share_safe_in_the_notes_pane_saves_the_note_and_says_where_typing_goes() {
    let mut rt = one_to_one_at_clarity();
    ctrl(&mut rt, 'o');
    typ(&mut rt, "Seemed tired");
    ctrl(&mut rt, 't');
    let status = screen(&rt, 80, 24);
    assert!(
        status.contains("typing goes to prompt 1"),
        "the status line says where typing goes:\n{status}"
    );
    assert!(
        !status.contains("Seemed tired"),
        "hidden in share-safe:\n{status}"
    );
    typ(&mut rt, " Shared.");
    let rec = record(&mut rt);
    assert_eq!(
        rec.note("clarity", Visibility::Private)
            .map(|n| n.text.as_str()),
        Some("Seemed tired"),
        "the private note was saved, and nothing more went into it"
    );
    assert_eq!(
        rec.answer("clarity", "intent"),
        Some("I can decide more than I think. Shared."),
        "typing after share-safe goes to the visible answer"
    );
    let after = screen(&rt, 80, 24);
    assert!(after.contains("Shared."), "{after}");
    // In share-safe mode Ctrl-o does not open the pane.
    ctrl(&mut rt, 'o');
    assert!(!session(&rt).pane_open);
}

#[test]
fn skipped_stages_are_marked_apart_from_done_ones() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    ctrl(&mut rt, 'n'); // Looking back: nothing to review, so done
    ctrl(&mut rt, 'n'); // Clarity: skipped empty
    let text = screen(&rt, 80, 24);
    assert!(text.contains("✓ Looking back"), "{text}");
    assert!(
        text.contains("– Clarity"),
        "an empty stage is not done:\n{text}"
    );
    typ(&mut rt, "Budget is mine");
    let text = screen(&rt, 80, 24);
    assert!(text.contains("◐ Guardrails"), "{text}");
}

/// The README's session row and docs/keys.md name every key the session's
/// keymap binds (so the documented contract is the one the app runs).
#[test]
fn the_readme_and_keys_md_list_every_session_key() {
    use innerceo::tui::keymap::{self, Context};
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let keys_md = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md"))
        .expect("docs/keys.md");
    let row = readme
        .lines()
        .find(|l| l.starts_with("| Session |"))
        .expect("a Session row in the README's key table");
    for ctx in [Context::SessionText, Context::SessionPane] {
        for b in keymap::bindings(ctx) {
            let name = keymap::key_name(&b.keys[0]);
            assert!(
                keys_md.contains(&format!("`{name}`")),
                "docs/keys.md lacks {name}"
            );
            if b.cmd != keymap::Cmd::ForceQuit {
                assert!(
                    row.contains(&format!("`{name}`")),
                    "README lacks {name}: {row}"
                );
            }
        }
    }
}

/// Words inside the popup box (between its `┃` borders), in reading order.
fn popup_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for row in text.lines() {
        let cells: Vec<&str> = row.split('┃').collect();
        // A row of the popup reads: home border, popup border, inside,
        // popup border, home border.
        if cells.len() >= 4 {
            for tok in cells[cells.len() - 3].split_whitespace() {
                if tok.chars().any(char::is_alphanumeric) {
                    out.push(tok.to_owned());
                }
            }
        }
    }
    out
}

#[test]
fn the_guide_picker_shows_every_guide_description_and_stage_at_both_sizes() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "Head of Product");
    ch(&mut rt, 'n');
    let guides = innerceo::guide::builtin_guides();
    for (i, g) in guides.iter().enumerate() {
        for (w, h) in [(80, 24), (120, 40)] {
            let text = screen(&rt, w, h);
            let words = popup_words(&text);
            assert!(reads(&g.description, &words), "{w}x{h}, {}:\n{text}", g.id);
            let stages: Vec<&str> = g.stages.iter().map(|s| s.title.as_str()).collect();
            assert!(
                // The arrows between them have no letter, so words skip them.
                reads(&stages.join(" "), &words),
                "{w}x{h}, the stages of {}:\n{text}",
                g.id
            );
        }
        if i + 1 < guides.len() {
            key(&mut rt, KeyCode::Down);
        }
    }
}
