//! The revisit screens (coachee page, session detail, actions board, search)
//! on a hand-made data set with fixed dates, snapshotted and driven by keys.

use innerceo::model::{ActionStatus, ReviewOutcome};
use innerceo::tui::app::Screen;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use time::macros::date;

use super::harness::*;
pub use data::data_set;

#[path = "revisit_data.rs"]
mod data;

fn app() -> Runtime {
    runtime_with(data_set(), Theme::colored())
}

/// Snapshots the screen at 80x24 and 120x40, into `tests/snapshots/`.
fn snap(rt: &Runtime, name: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.bind(|| {
        insta::assert_snapshot!(format!("{name}_80x24"), screen(rt, 80, 24));
        insta::assert_snapshot!(format!("{name}_120x40"), screen(rt, 120, 40));
    });
}

/// Both share-safe modes of the screen as it is.
fn snap_both(rt: &mut Runtime, name: &str) {
    snap(rt, name);
    ctrl(rt, 't');
    snap(rt, &format!("{name}_share_safe"));
    ctrl(rt, 't');
}

fn search(rt: &mut Runtime, q: &str) -> String {
    ch(rt, '/');
    typ(rt, q);
    screen(rt, 120, 40)
}

#[test]
fn coachee_page_snapshots() {
    let mut rt = app();
    key(&mut rt, KeyCode::Enter); // Ana Silva is first
    assert!(matches!(rt.app.screen, Screen::Coachee(_)));
    snap_both(&mut rt, "coachee");
    // Compared with the first session instead of the previous one.
    ch(&mut rt, '[');
    let text = screen(&rt, 120, 40);
    assert!(text.contains("vs ·· 2026-09-30"), "{text}");
}

/// `[` / `]` recompute the last column against the chosen session, and its
/// heading says which one, at 80x24 where the radar does not fit too.
#[test]
fn compare_keys_recompute_every_figure_of_the_last_column() {
    let mut rt = app();
    key(&mut rt, KeyCode::Enter);
    for press in [None, Some('['), Some('['), Some(']')] {
        if let Some(c) = press {
            ch(&mut rt, c);
        }
        let Screen::Coachee(v) = &rt.app.screen else {
            panic!("not on the coachee page");
        };
        let compared = v.compared().expect("two rated sessions");
        let d = innerceo::dates::local_date(compared.started_at);
        let head = format!("vs {:02}-{:02}", u8::from(d.month()), d.day());
        let latest = v.latest().expect("latest");
        for (w, h) in [(80, 24), (120, 40)] {
            let text = screen(&rt, w, h);
            assert!(
                text.contains(&head),
                "{press:?} at {w}x{h}: no {head:?}\n{text}"
            );
            for c in &v.trends {
                let (Some(now), Some(then)) =
                    (latest.scores.get(&c.id), compared.scores.get(&c.id))
                else {
                    continue;
                };
                let change = match now - then {
                    0 => "±0".to_owned(),
                    d if d > 0 => format!("+{d}"),
                    d => d.to_string(),
                };
                let row = text
                    .lines()
                    .find(|l| l.contains(c.label.as_str()) && l.contains(&format!(" {now} ")))
                    .unwrap_or_else(|| panic!("no row for {} at {w}x{h}:\n{text}", c.label));
                // Now, vs first, vs the chosen session: the third figure from "now".
                let toks: Vec<&str> = row.split_whitespace().collect();
                let at = toks
                    .iter()
                    .position(|t| *t == now.to_string())
                    .expect("now");
                assert_eq!(
                    toks.get(at + 2).copied(),
                    Some(change.as_str()),
                    "{} at {w}x{h} {head}: {row:?}",
                    c.label
                );
            }
        }
    }
}

#[test]
fn session_detail_snapshots_hide_private_notes_in_share_safe_mode() {
    let mut rt = app();
    key(&mut rt, KeyCode::Enter);
    key(&mut rt, KeyCode::End); // the oldest session
    key(&mut rt, KeyCode::Enter);
    assert!(matches!(rt.app.screen, Screen::Detail(_)));
    ctrl(&mut rt, 'n'); // review
    ctrl(&mut rt, 'n'); // goals
    ctrl(&mut rt, 'n'); // clarity, with its private note
    let text = screen(&rt, 120, 40);
    assert!(text.contains("Seemed tired"), "{text}");
    assert!(text.contains("Note — private, coach only"), "{text}");
    snap_both(&mut rt, "detail");
    ctrl(&mut rt, 't');
    let text = screen(&rt, 120, 40);
    assert!(!text.contains("Seemed tired"), "{text}");
    assert!(text.contains("Budget agreed with finance"), "{text}");
}

#[test]
fn actions_board_snapshots_for_every_filter() {
    let mut rt = app();
    ch(&mut rt, 'b');
    assert!(matches!(rt.app.screen, Screen::Board(_)));
    for (digit, name) in [
        ('1', "open"),
        ('2', "overdue"),
        ('3', "done"),
        ('4', "dropped"),
        ('5', "all"),
    ] {
        ch(&mut rt, digit);
        snap(&rt, &format!("board_{name}"));
    }
    ch(&mut rt, '2');
    let text = screen(&rt, 80, 24);
    assert!(text.contains("OVERDUE"), "{text}");
    assert!(text.contains("Book a skip-level"), "{text}");
    assert!(!text.contains("Write the team charter"), "{text}");
    ctrl(&mut rt, 't');
    snap(&rt, "board_overdue_share_safe");
}

#[test]
fn search_result_snapshots() {
    let mut rt = app();
    search(&mut rt, "roadmap");
    snap_both(&mut rt, "search_roadmap");
    let mut rt = app();
    search(&mut rt, "tired");
    snap_both(&mut rt, "search_private");
}

#[test]
fn search_finds_answers_notes_and_actions_and_jumps_to_the_stage() {
    let mut rt = app();
    let text = search(&mut rt, "pricing");
    assert!(text.contains("Ship the pricing model"), "answer: {text}");
    assert!(text.contains("Draft the pricing memo"), "action: {text}");
    let mut rt = app();
    let text = search(&mut rt, "finance");
    assert!(text.contains("Budget agreed with"), "shared note: {text}");
    // Prefixes, case and accents: "CAFE" finds "café".
    let mut rt = app();
    let text = search(&mut rt, "CAFE roadm");
    assert!(text.contains("1 result"), "{text}");
    key(&mut rt, KeyCode::Enter);
    let Screen::Detail(_) = &rt.app.screen else {
        panic!("Enter did not open the session: {}", screen(&rt, 120, 40));
    };
    let text = screen(&rt, 120, 40);
    assert!(text.contains("Clarity · stage 3/8"), "{text}");
    assert!(text.contains("Roadmap review at the café"), "{text}");
    // Esc goes back to the results, the query kept.
    key(&mut rt, KeyCode::Esc);
    assert!(screen(&rt, 80, 24).contains("CAFE roadm"));
}

#[test]
fn share_safe_search_leaves_private_notes_out() {
    let mut rt = app();
    let text = search(&mut rt, "leaving");
    assert!(text.contains("Considering leaving"), "{text}");
    assert!(text.contains("[private]"), "{text}");
    ctrl(&mut rt, 't');
    let text = screen(&rt, 120, 40);
    assert!(!text.contains("Considering leaving"), "{text}");
    assert!(text.contains("Nothing found"), "{text}");
    // Also when share-safe was on before typing.
    let mut rt = app();
    ctrl(&mut rt, 't');
    let text = search(&mut rt, "burnout");
    assert!(!text.contains("burnout twice"), "{text}");
}

#[test]
fn fts_syntax_typed_into_search_never_fails() {
    for q in [
        "\"",
        "\"pricing",
        "*",
        "pri*",
        "-",
        "-pricing",
        ":",
        "clarity:ship",
        "(",
        ")",
        "(pricing OR",
        "NEAR",
        "NEAR(pricing memo)",
        "AND",
        "OR NOT",
        "^ship",
        "'",
        "\"\"\"",
        "pricing\"memo",
        "a:b:c",
        "+",
        "{x}",
        "[",
        "%",
        "\\",
    ] {
        let mut rt = app();
        let text = search(&mut rt, q);
        assert!(
            rt.app.message.as_ref().is_none_or(|m| !m.error),
            "{q:?}: {:?}",
            rt.app.message
        );
        assert!(text.contains("Search"), "{q:?}: {text}");
    }
    // And every prefix of a messy query, as typed one key at a time.
    let mut rt = app();
    ch(&mut rt, '/');
    for c in "\"ship\" NEAR(-pri* : (memo)) OR \"".chars() {
        ch(&mut rt, c);
        assert!(
            rt.app.message.as_ref().is_none_or(|m| !m.error),
            "{:?}",
            rt.app.message
        );
    }
}

#[test]
fn board_changes_status_and_due_date_in_the_store_with_history() {
    let mut rt = app();
    ch(&mut rt, 'b'); // open actions, by due date: the overdue one first
    let text = screen(&rt, 120, 40);
    assert!(text.contains("› OVERDUE 2026-11-10"), "{text}");
    ch(&mut rt, 'd');
    let a = action_named(&rt, "Book a skip-level with the CFO");
    assert_eq!(a.status, ActionStatus::Done);
    let history = rt.store.action_history(&a.id).expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].outcome, ReviewOutcome::Done);
    assert_eq!(history[0].session_id, None);
    // It left the open list; the board shows it under "done" with its history.
    let text = screen(&rt, 120, 40);
    assert!(text.contains("Marked done: Book a skip-level"), "{text}");
    assert!(!text.contains("2026-11-10"), "{text}");
    ch(&mut rt, '3');
    let text = screen(&rt, 120, 40);
    assert!(text.contains("Book a skip-level"), "{text}");
    // Reopen it, then drop it: three entries.
    let row = {
        let Screen::Board(v) = &rt.app.screen else {
            panic!("not the board")
        };
        v.data
            .rows
            .iter()
            .position(|r| r.action.id == a.id)
            .expect("listed")
    };
    for _ in 0..row {
        key(&mut rt, KeyCode::Down);
    }
    ch(&mut rt, 'o');
    ch(&mut rt, '1');
    let text = screen(&rt, 120, 40);
    assert!(text.contains("› OVERDUE 2026-11-10"), "{text}");
    ch(&mut rt, 'x');
    let history = rt.store.action_history(&a.id).expect("history");
    let outcomes: Vec<_> = history.iter().map(|h| h.outcome).collect();
    assert_eq!(
        outcomes,
        vec![
            ReviewOutcome::Done,
            ReviewOutcome::Carried,
            ReviewOutcome::Dropped
        ]
    );
    assert_eq!(
        action_named(&rt, "Book a skip-level with the CFO").status,
        ActionStatus::Dropped
    );

    // Due date: a relative date, then a weekday, then an ISO date, then none.
    for (typed, want) in [
        ("+3d", Some(date!(2026 - 11 - 28))),
        ("+2w", Some(date!(2026 - 12 - 09))),
        ("fri", Some(date!(2026 - 11 - 27))),
        ("2026-12-05", Some(date!(2026 - 12 - 05))),
        ("", None),
    ] {
        ch(&mut rt, 'g'); // first open action
        let id = {
            let Screen::Board(v) = &rt.app.screen else {
                panic!("not the board")
            };
            v.selected_row().expect("a row").action.id.clone()
        };
        ch(&mut rt, 'e');
        assert!(screen(&rt, 80, 24).contains("Due date of"));
        // Clear what is there, then type.
        for _ in 0..12 {
            key(&mut rt, KeyCode::Backspace);
        }
        typ(&mut rt, typed);
        key(&mut rt, KeyCode::Enter);
        let a = rt.store.action(&id).expect("action");
        assert_eq!(a.due, want, "typed {typed:?}");
    }
    // A date that is not one is refused and the form stays open.
    ch(&mut rt, 'e');
    typ(&mut rt, "someday");
    key(&mut rt, KeyCode::Enter);
    assert!(screen(&rt, 80, 24).contains("is not a date"));
    key(&mut rt, KeyCode::Esc);
}

#[test]
fn board_filters_by_coachee() {
    let mut rt = app();
    ch(&mut rt, 'b');
    ch(&mut rt, '5');
    ch(&mut rt, 'c'); // Ana Silva
    let text = screen(&rt, 120, 40);
    assert!(text.contains("[Ana Silva]"), "{text}");
    assert!(!text.contains("Post the staff engineer"), "{text}");
    ch(&mut rt, 'c'); // Ben Okafor
    let text = screen(&rt, 120, 40);
    assert!(text.contains("Post the staff engineer"), "{text}");
    assert!(!text.contains("pricing memo"), "{text}");
    ch(&mut rt, 'c'); // all again
    let text = screen(&rt, 120, 40);
    assert!(text.contains("[all]"), "{text}");
    assert!(text.contains("pricing memo"), "{text}");
}

#[test]
fn coachee_page_shows_trend_numbers() {
    let mut rt = app();
    key(&mut rt, KeyCode::Enter);
    let text = screen(&rt, 120, 40);
    // Autonomy 4 → 6 → 7: now 7, +3 since the first, +1 since the previous.
    // Self-motivation 6 → 6 → 5: now 5, -1 and -1.
    // Self-confidence 5 → 6 → 8: now 8, +3 and +2.
    for (label, now, first, prev) in [
        ("Autonomy", "7", "+3", "+1"),
        ("Self-motivation", "5", "-1", "-1"),
        ("Self-confidence", "8", "+3", "+2"),
        ("Self-efficacy", "6", "+1", "+1"),
        ("Job satisfaction", "6", "-1", "±0"),
        ("Relationships", "9", "+1", "+1"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(&format!("│{label} ")))
            .unwrap_or_else(|| panic!("no line for {label}: {text}"));
        let words: Vec<&str> = line.split_whitespace().collect();
        let at = words
            .iter()
            .position(|w| *w == now)
            .unwrap_or_else(|| panic!("{label}: {line}"));
        assert_eq!(words[at + 1..at + 3], [first, prev], "{label}: {line}");
    }
}

#[test]
fn esc_goes_back_one_screen_with_the_selection_kept() {
    let mut rt = app();
    key(&mut rt, KeyCode::Down); // Ben Okafor
    key(&mut rt, KeyCode::Enter);
    let Screen::Coachee(v) = &rt.app.screen else {
        panic!("not the coachee page")
    };
    assert_eq!(v.data.coachee.name, "Ben Okafor");
    key(&mut rt, KeyCode::Down); // his older, finished session
    key(&mut rt, KeyCode::Enter);
    assert!(matches!(rt.app.screen, Screen::Detail(_)));
    assert!(screen(&rt, 120, 40).contains("Hire a staff engineer"));
    key(&mut rt, KeyCode::Esc);
    let Screen::Coachee(v) = &rt.app.screen else {
        panic!("Esc did not go back to the coachee page")
    };
    assert_eq!(v.selected, 1, "selection kept");
    // Help lists this screen's keys, from the keymap.
    ch(&mut rt, '?');
    let help = screen(&rt, 120, 40);
    assert!(help.contains("Keys on this screen (coachee)"), "{help}");
    assert!(help.contains("Compare the latest Six Centers"), "{help}");
    key(&mut rt, KeyCode::Esc);
    key(&mut rt, KeyCode::Esc);
    assert!(matches!(rt.app.screen, Screen::Home));
    assert_eq!(rt.app.home.selected, 1, "home selection kept");
    // Search from home, into a session, then back twice lands home again.
    search(&mut rt, "charter");
    key(&mut rt, KeyCode::Enter);
    assert!(matches!(rt.app.screen, Screen::Detail(_)));
    key(&mut rt, KeyCode::Esc);
    assert!(matches!(rt.app.screen, Screen::Search(_)));
    key(&mut rt, KeyCode::Esc);
    assert!(matches!(rt.app.screen, Screen::Home));
    ch(&mut rt, 'q');
    assert!(rt.app.quit);
}

#[test]
fn an_unfinished_session_is_resumed_from_its_detail_and_esc_comes_back() {
    let mut rt = app();
    key(&mut rt, KeyCode::Down); // Ben
    key(&mut rt, KeyCode::Enter);
    key(&mut rt, KeyCode::Enter); // his newest session is unfinished
    assert!(screen(&rt, 120, 40).contains("unfinished: e resumes it"));
    ch(&mut rt, 'e');
    assert!(matches!(rt.app.screen, Screen::Session(_)));
    key(&mut rt, KeyCode::Esc);
    key(&mut rt, KeyCode::Esc); // twice leaves the live screen
    assert!(
        matches!(rt.app.screen, Screen::Detail(_)),
        "{}",
        screen(&rt, 80, 24)
    );
    // n on the coachee page offers to resume it too.
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, 'n');
    assert!(screen(&rt, 80, 24).contains("already has an unfinished session"));
    key(&mut rt, KeyCode::Esc);
    assert!(matches!(rt.app.screen, Screen::Coachee(_)));
}

#[test]
fn q_types_into_the_search_box_instead_of_quitting() {
    let mut rt = app();
    search(&mut rt, "q?j/");
    assert!(!rt.app.quit);
    let Screen::Search(v) = &rt.app.screen else {
        panic!("not the search screen")
    };
    assert_eq!(v.query(), "q?j/");
}

#[test]
fn matched_words_stand_out_without_colour() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    let mut rt = runtime_with(data_set(), Theme::plain());
    search(&mut rt, "owner");
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    term.draw(|f| innerceo::tui::ui::draw(&rt.app, f))
        .expect("draw");
    let buf = term.backend().buffer();
    let row = (0..24u16)
        .find(|y| {
            (0..80u16)
                .map(|x| buf[(x, *y)].symbol())
                .collect::<String>()
                .contains("Roadmap owners named")
        })
        .expect("snippet on screen");
    let line: String = (0..80u16).map(|x| buf[(x, row)].symbol()).collect();
    let at = line.find("owners").expect("word") as u16;
    let start = line[..at as usize].chars().count() as u16;
    let styled = |x: u16| buf[(x, row)].modifier;
    assert!(
        styled(start).contains(Modifier::REVERSED),
        "matched word reversed"
    );
    assert!(styled(start).contains(Modifier::BOLD), "matched word bold");
    assert!(
        !styled(start - 2).contains(Modifier::REVERSED),
        "other words plain"
    );
}

/// A finished session's detail offers only the keys that work for it: no
/// "resume" on the status line or in the help; `e` corrects it instead,
/// in the session screen, and it stays finished.
#[test]
fn a_finished_sessions_detail_does_not_offer_resume() {
    let mut rt = app();
    key(&mut rt, KeyCode::Enter);
    key(&mut rt, KeyCode::End); // the oldest session, finished
    key(&mut rt, KeyCode::Enter);
    assert!(matches!(rt.app.screen, Screen::Detail(_)));
    let text = screen(&rt, 120, 40);
    let status = text.lines().last().unwrap_or_default();
    assert!(!status.contains("resume"), "{status}");
    assert!(status.contains("e correct"), "{status}");
    key(&mut rt, KeyCode::F(1));
    let help = screen(&rt, 120, 40);
    assert!(!help.contains("Reopen"), "{help}");
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, 'e');
    assert!(
        matches!(&rt.app.screen, Screen::Session(s) if s.correcting()),
        "e opens it for correction"
    );
}

/// After a new session is rated, the coachee page compares it with the
/// session before it, not with what the old latest was compared with.
#[test]
fn a_session_rated_since_is_compared_with_the_one_before_it() {
    let mut rt = app();
    key(&mut rt, KeyCode::Enter); // Ana Silva is first
    let Screen::Coachee(v) = &rt.app.screen else {
        panic!("not on the coachee page");
    };
    let before = v.latest().expect("a rated session").started_at;
    let day = |t: time::OffsetDateTime| innerceo::dates::fmt_date(t.date());
    let latest_before = day(before);
    ch(&mut rt, '['); // compared with an earlier one than the previous
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    for _ in 0..10 {
        if let Screen::Session(s) = &rt.app.screen
            && s.stage_def()
                .is_some_and(|st| matches!(st.kind, innerceo::guide::StageKind::Ratings { .. }))
        {
            break;
        }
        ctrl(&mut rt, 'n');
    }
    for d in ['5', '6', '4', '7', '3', '8'] {
        ch(&mut rt, d);
        key(&mut rt, KeyCode::Down);
    }
    ctrl(&mut rt, 'f');
    ch(&mut rt, 'y');
    key(&mut rt, KeyCode::Esc); // the summary goes back to the coachee page
    assert!(
        matches!(rt.app.screen, Screen::Coachee(_)),
        "{}",
        screen(&rt, 80, 24)
    );
    let text = screen(&rt, 120, 40);
    assert!(
        text.contains(&format!("latest {} vs ·· {latest_before}", day(NOW))),
        "{text}"
    );
}

/// End on a session's detail shows its last page, the end at the box's
/// foot, at both sizes; ↑ then moves the view at once.
#[test]
fn end_on_a_session_detail_shows_the_last_page() {
    let mut rt = app();
    key(&mut rt, KeyCode::Enter); // Ana Silva's page
    key(&mut rt, KeyCode::Enter); // her newest session
    assert!(
        matches!(rt.app.screen, Screen::Detail(_)),
        "{}",
        screen(&rt, 80, 24)
    );
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        key(&mut rt, KeyCode::End);
        let text = screen(&rt, w, h);
        let foot = text.lines().nth(usize::from(h) - 3).unwrap_or_default();
        assert!(
            foot.chars().any(char::is_alphanumeric),
            "{w}x{h}: the end is at the box's foot:\n{text}"
        );
        let at = |text: &str| {
            text.lines()
                .find_map(|l| l.split(" line ").nth(1))
                .and_then(|t| t.split('/').next())
                .and_then(|n| n.trim().parse::<usize>().ok())
                .unwrap_or_else(|| panic!("no line count:\n{text}"))
        };
        let end = at(&text);
        assert!(end > 1, "{text}");
        key(&mut rt, KeyCode::Up);
        assert_eq!(at(&screen(&rt, w, h)), end - 1, "{w}x{h}");
        key(&mut rt, KeyCode::Home);
    }
}
