//! Whole sessions driven by keys, checked through the store.

use innerceo::model::{ActionStatus, SessionStatus, Visibility};
use innerceo::store::Store;
use innerceo::tui::app::Screen;
use innerceo::tui::form::Form;
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use time::macros::date;

use super::harness::*;

/// Runs the one-to-one through every stage from an empty database.
fn run_one_to_one(rt: &mut innerceo::tui::runtime::Runtime) {
    add_coachee(rt, "Ana Silva", "Head of Product");
    assert!(
        screen(rt, 80, 24).contains("Ana Silva"),
        "{}",
        screen(rt, 80, 24)
    );
    ch(rt, 'n'); // guide picker
    assert!(screen(rt, 80, 24).contains("pick a guide"));
    key(rt, KeyCode::Enter); // one-to-one is first
    assert!(matches!(rt.app.screen, Screen::Session(_)));
    // Review: nothing to review on a first session.
    assert!(screen(rt, 80, 24).contains("No open actions from earlier sessions"));
    ctrl(rt, 'n');
    // Goals: none set yet; the coach moves on.
    assert!(screen(rt, 80, 24).contains("No goals yet"));
    ctrl(rt, 'n');
    // Clarity: typing goes straight into the first answer.
    typ(rt, "Ship the pricing model by March");
    key(rt, KeyCode::Tab);
    typ(rt, "Customers asked for it\nand the team is ready");
    key(rt, KeyCode::Tab);
    typ(rt, "Two teams merging");
    key(rt, KeyCode::Tab);
    typ(rt, "Signed contracts on the new plan");
    // A private note on this stage.
    ctrl(rt, 'o');
    typ(rt, "Seemed tired today");
    ctrl(rt, 'o');
    ctrl(rt, 'n');
    // Guardrails.
    typ(rt, "Hiring within budget");
    key(rt, KeyCode::Tab);
    typ(rt, "No overtime");
    key(rt, KeyCode::Tab);
    typ(rt, "Slip of two weeks");
    ctrl(rt, 'n');
    // Six Centers: digits, arrows and a note.
    ch(rt, '7');
    key(rt, KeyCode::Down);
    ch(rt, '0'); // 0 means 10
    key(rt, KeyCode::Down);
    ch(rt, '5');
    key(rt, KeyCode::Right);
    key(rt, KeyCode::Enter);
    typ(rt, "Better than last month");
    key(rt, KeyCode::Esc);
    key(rt, KeyCode::Down);
    ch(rt, '4');
    key(rt, KeyCode::Down);
    ch(rt, '8');
    key(rt, KeyCode::Down);
    ch(rt, '9');
    ctrl(rt, 'n');
    // Stepping: ↓↓ to "Stepping up", Space picks it; typing on an option
    // writes the rationale; Tab to the tags, Space ticks, ↓ is the tag below.
    key(rt, KeyCode::Down);
    key(rt, KeyCode::Down);
    ch(rt, ' ');
    typ(rt, "Ready for cross-unit work");
    key(rt, KeyCode::Tab);
    ch(rt, ' ');
    key(rt, KeyCode::Down);
    ch(rt, ' ');
    ctrl(rt, 'n');
    // Actions: one through the form (typing on "+ Add an action" opens it),
    // with a relative due date typed after a mistyped one.
    typ(rt, "Draft the panel plan");
    key(rt, KeyCode::Tab);
    typ(rt, "31/12");
    key(rt, KeyCode::Tab);
    typ(rt, "Ana");
    key(rt, KeyCode::Tab);
    key(rt, KeyCode::Right); // link to the first center
    key(rt, KeyCode::Enter);
    let refused = screen(rt, 80, 24);
    assert!(refused.contains("\"31/12\" is not a date"), "{refused}");
    // The field's own hint, on its label's row, is readable to its end.
    assert!(
        refused.contains("not a date yet: 2026-12-05, +3d, +2w, +3m, fri, next week"),
        "{refused}"
    );
    let Some(innerceo::tui::popup::Popup::Form(f)) = &rt.app.popup else {
        panic!("the form closed on a wrong date:\n{refused}");
    };
    assert_eq!(
        f.focus,
        Form::ACTION_DUE,
        "the focus goes to the date to fix"
    );
    ctrl(rt, 'u');
    typ(rt, "fri");
    key(rt, KeyCode::Enter);
    assert!(screen(rt, 80, 24).contains("Draft the panel plan"));
    ctrl(rt, 'n');
    // Close.
    typ(rt, "I can let go of the how");
    key(rt, KeyCode::Tab);
    typ(rt, "Protect Friday mornings");
    key(rt, KeyCode::Tab);
    ch(rt, '8');
    key(rt, KeyCode::Tab);
    typ(rt, "+2w");
}

#[test]
fn a_whole_one_to_one_is_saved_field_by_field() {
    let mut rt = runtime();
    run_one_to_one(&mut rt);
    ctrl(&mut rt, 'f');
    assert!(screen(&rt, 80, 24).contains("Finish"));
    ch(&mut rt, 'y');
    assert!(matches!(rt.app.screen, Screen::Summary(_)));
    let text = screen(&rt, 120, 40);
    assert!(text.contains("Ship the pricing model by March"), "{text}");

    let store = &rt.store;
    let sessions = store.session_summaries(None).expect("sessions");
    assert_eq!(sessions.len(), 1);
    let rec = store.session_record(&sessions[0].id).expect("record");
    assert_eq!(rec.session.status, SessionStatus::Completed);
    assert_eq!(rec.coachee.name, "Ana Silva");
    assert_eq!(rec.coachee.role, "Head of Product");
    assert_eq!(
        rec.answer("clarity", "intent"),
        Some("Ship the pricing model by March")
    );
    assert_eq!(
        rec.answer("clarity", "purpose"),
        Some("Customers asked for it\nand the team is ready")
    );
    assert_eq!(
        rec.answer("clarity", "success"),
        Some("Signed contracts on the new plan")
    );
    assert_eq!(
        rec.answer("guardrails", "escalation"),
        Some("Slip of two weeks")
    );
    let score = |item: &str| rec.rating("six-centers", item).and_then(|r| r.score);
    assert_eq!(score("autonomy"), Some(7));
    assert_eq!(score("self_motivation"), Some(10));
    assert_eq!(score("self_confidence"), Some(6));
    assert_eq!(score("self_efficacy"), Some(4));
    assert_eq!(score("job_satisfaction"), Some(8));
    assert_eq!(score("relationships"), Some(9));
    assert_eq!(
        rec.rating("six-centers", "self_confidence")
            .map(|r| r.note.as_str()),
        Some("Better than last month")
    );
    let choice = rec.choice("stepping").expect("choice saved");
    assert_eq!(choice.option_id.as_deref(), Some("stepping_up"));
    assert_eq!(choice.rationale, "Ready for cross-unit work");
    let mut tags = choice.tags.clone();
    tags.sort();
    assert_eq!(tags, vec!["knowledge", "leadership_skills"]);
    assert_eq!(rec.actions.len(), 1);
    let a = &rec.actions[0];
    assert_eq!(a.text, "Draft the panel plan");
    assert_eq!(a.owner, "Ana");
    assert_eq!(a.due, Some(date!(2026 - 11 - 27)));
    assert_eq!(
        a.link,
        Some(innerceo::model::ActionLink::Center("autonomy".into()))
    );
    assert_eq!(a.status, ActionStatus::Open);
    assert_eq!(
        rec.answer("close", "key_insight"),
        Some("I can let go of the how")
    );
    assert_eq!(
        rec.rating("close", "confidence").and_then(|r| r.score),
        Some(8)
    );
    assert_eq!(rec.session.next_session, Some(date!(2026 - 12 - 09)));
    let note = rec
        .note("clarity", Visibility::Private)
        .expect("private note");
    assert_eq!(note.text, "Seemed tired today");
    assert!(
        rec.session.done_stages.len() >= 6,
        "{:?}",
        rec.session.done_stages
    );
}

#[test]
fn quitting_mid_stage_and_resuming_brings_back_the_same_stage_and_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.db");
    {
        let mut rt = runtime_with(Store::open(&path).expect("open"), Theme::colored());
        add_coachee(&mut rt, "Ana Silva", "");
        ch(&mut rt, 'n');
        key(&mut rt, KeyCode::Enter);
        ctrl(&mut rt, 'n'); // review → goals
        ctrl(&mut rt, 'n'); // clarity
        ctrl(&mut rt, 'n'); // guardrails
        typ(&mut rt, "Decide on hires under budget");
        key(&mut rt, KeyCode::Tab);
        typ(&mut rt, "Half-typed thou");
        ctrl(&mut rt, 'q');
        assert!(rt.app.quit);
    }
    let mut rt = runtime_with(Store::open(&path).expect("reopen"), Theme::colored());
    let home = screen(&rt, 80, 24);
    assert!(home.contains("▶"), "unfinished marker on home:\n{home}");
    ch(&mut rt, 'c');
    let Screen::Session(live) = &rt.app.screen else {
        panic!("c did not resume: {}", screen(&rt, 80, 24));
    };
    assert_eq!(live.stage_def().map(|s| s.id.as_str()), Some("guardrails"));
    assert_eq!(live.focus, 1, "same prompt");
    let text = screen(&rt, 80, 24);
    assert!(text.contains("Half-typed thou"), "{text}");
    assert!(text.contains("Decide on hires under budget"), "{text}");
    // Typing continues where it stopped.
    typ(&mut rt, "ght");
    ctrl(&mut rt, 's');
    let id = rt.store.session_summaries(None).expect("list")[0]
        .id
        .clone();
    let rec = rt.store.session_record(&id).expect("record");
    assert_eq!(
        rec.answer("guardrails", "limits"),
        Some("Half-typed thought")
    );
}

#[test]
fn starting_a_second_session_offers_to_resume_the_unfinished_one() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    // Esc twice leaves the session (it stays unfinished).
    key(&mut rt, KeyCode::Esc);
    assert!(
        matches!(rt.app.screen, Screen::Session(_)),
        "one Esc only warns"
    );
    key(&mut rt, KeyCode::Esc);
    assert!(matches!(rt.app.screen, Screen::Home));
    ch(&mut rt, 'n');
    let text = screen(&rt, 80, 24);
    assert!(text.contains("already has an unfinished session"), "{text}");
    // f finishes the old one and goes on to the picker.
    ch(&mut rt, 'f');
    assert!(screen(&rt, 80, 24).contains("pick a guide"));
    key(&mut rt, KeyCode::Down);
    key(&mut rt, KeyCode::Enter);
    let list = rt.store.session_summaries(None).expect("list");
    assert_eq!(list.len(), 2);
    assert_eq!(
        list.iter()
            .filter(|s| s.status == SessionStatus::InProgress)
            .count(),
        1
    );
}

#[test]
fn a_large_paste_lands_whole_in_the_answer() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    ctrl(&mut rt, 'n');
    let big: String = (0..20_000).fold(String::new(), |mut s, i| {
        use std::fmt::Write as _;
        let _ = writeln!(s, "line {i} with words");
        s
    });
    paste(&mut rt, &big.replace('\n', "\r"));
    rt.flush();
    let id = rt.store.session_summaries(None).expect("list")[0]
        .id
        .clone();
    let rec = rt.store.session_record(&id).expect("record");
    let saved = rec.answer("clarity", "intent").expect("answer saved");
    assert_eq!(saved.len(), big.len());
    assert_eq!(saved, big);
}

#[test]
fn share_safe_hides_private_notes_and_their_pane() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    ctrl(&mut rt, 'n');
    ctrl(&mut rt, 'o');
    typ(&mut rt, "Confidential remark");
    let before = screen(&rt, 100, 30);
    assert!(before.contains("Confidential remark"), "{before}");
    ctrl(&mut rt, 't');
    let after = screen(&rt, 100, 30);
    assert!(!after.contains("Confidential remark"), "{after}");
    assert!(after.contains("SHARE-SAFE"), "{after}");
    assert!(!after.contains("Private notes"), "{after}");
    // Typing now goes to the answer, not the hidden note.
    typ(&mut rt, "x");
    assert!(!screen(&rt, 100, 30).contains("Confidential remarkx"));
}

#[test]
fn the_review_stage_marks_earlier_actions() {
    let mut rt = runtime();
    run_one_to_one(&mut rt);
    ctrl(&mut rt, 'f');
    ch(&mut rt, 'y');
    key(&mut rt, KeyCode::Esc); // summary → home
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    let text = screen(&rt, 100, 30);
    assert!(text.contains("Draft the panel plan"), "{text}");
    ch(&mut rt, '1');
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "Shared with the team");
    ctrl(&mut rt, 's');
    let actions = rt
        .store
        .actions(&innerceo::store::ActionFilter {
            coachee_id: None,
            status: innerceo::store::StatusFilter::All,
            today: date!(2026 - 11 - 25),
        })
        .expect("actions");
    assert_eq!(actions[0].action.status, ActionStatus::Done);
    let history = rt
        .store
        .action_history(&actions[0].action.id)
        .expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].note, "Shared with the team");
}

#[test]
fn quitting_from_the_notes_pane_resumes_on_the_prompt_it_was_opened_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.db");
    {
        let mut rt = runtime_with(Store::open(&path).expect("open"), Theme::colored());
        add_coachee(&mut rt, "Ana", "");
        ch(&mut rt, 'n');
        key(&mut rt, KeyCode::Enter);
        ctrl(&mut rt, 'n'); // review → goals
        ctrl(&mut rt, 'n');
        key(&mut rt, KeyCode::Tab); // purpose
        ctrl(&mut rt, 'o');
        typ(&mut rt, "note");
        ctrl(&mut rt, 'c');
    }
    let mut rt = runtime_with(Store::open(&path).expect("reopen"), Theme::colored());
    ch(&mut rt, 'c');
    let Screen::Session(live) = &rt.app.screen else {
        panic!("not resumed");
    };
    assert_eq!(live.focus, 1);
    assert!(live.typing_into().is_some(), "typing resumes straight away");
}

#[test]
fn time_per_stage_is_counted_shown_and_kept_across_resumes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.db");
    {
        let mut rt = runtime_with(Store::open(&path).expect("open"), Theme::colored());
        add_coachee(&mut rt, "Ana", "");
        ch(&mut rt, 'n');
        key(&mut rt, KeyCode::Enter); // review: 8 min timebox
        for s in 1..=(9 * 60) {
            rt.on_tick(NOW + time::Duration::seconds(s));
        }
        let text = screen(&rt, 80, 24);
        assert!(
            text.contains("⚠ OVER TIME by 1:00 (8 min planned)"),
            "{text}"
        );
        assert!(text.contains("session 9:00 of 60 min"), "{text}");
        assert!(rt.app.ring, "the bell rings once the timebox runs out");
        ctrl(&mut rt, 'q');
    }
    let mut rt = runtime_with(Store::open(&path).expect("reopen"), Theme::colored());
    ch(&mut rt, 'c');
    for s in 1..=30 {
        rt.on_tick(NOW + time::Duration::seconds(s));
    }
    let text = screen(&rt, 80, 24);
    assert!(text.contains("session 9:30"), "{text}");
    // A long pause between ticks (a suspended laptop) is not counted.
    rt.on_tick(NOW + time::Duration::hours(3));
    assert!(screen(&rt, 80, 24).contains("session 9:30"));
}

#[test]
fn coachees_are_renamed_and_archived_with_confirmation() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana", "Lead");
    ch(&mut rt, 'r');
    for _ in 0..3 {
        key(&mut rt, KeyCode::Backspace);
    }
    typ(&mut rt, "Ana Silva");
    key(&mut rt, KeyCode::Enter);
    assert!(screen(&rt, 80, 24).contains("Ana Silva"));
    ch(&mut rt, 'x');
    assert!(screen(&rt, 80, 24).contains("Archive Ana Silva?"));
    ch(&mut rt, 'n');
    assert!(screen(&rt, 80, 24).contains("Ana Silva"), "n keeps her");
    ch(&mut rt, 'x');
    ch(&mut rt, 'y');
    let text = screen(&rt, 80, 24);
    assert!(
        text.contains("No coachees yet") || !text.contains("Ana Silva"),
        "{text}"
    );
    let all = rt.store.coachee_summaries(NOW.date(), true).expect("list");
    assert_eq!(all.len(), 1);
    assert!(all[0].coachee.archived);
    assert_eq!(all[0].coachee.name, "Ana Silva");
    // A with shows archived coachees again.
    ch(&mut rt, 'A');
    let text = screen(&rt, 100, 24);
    assert!(text.contains("Ana Silva (archived)"), "{text}");
}

#[test]
fn the_summary_exports_the_session_to_a_file_in_the_chosen_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rt = runtime();
    run_one_to_one(&mut rt);
    ctrl(&mut rt, 'f');
    ch(&mut rt, 'y');
    ch(&mut rt, 'x');
    let form = screen(&rt, 100, 30);
    assert!(form.contains("Export this session of Ana Silva"), "{form}");
    assert!(form.contains(".md"), "{form}");
    key(&mut rt, KeyCode::Right); // html
    assert!(
        screen(&rt, 100, 30).contains(".html"),
        "the file follows the format"
    );
    key(&mut rt, KeyCode::Tab);
    // Replace the suggested path with one in the test's folder.
    for _ in 0..200 {
        key(&mut rt, KeyCode::Backspace);
    }
    let path = dir.path().join("ana.html");
    typ(&mut rt, &path.display().to_string());
    key(&mut rt, KeyCode::Tab);
    key(&mut rt, KeyCode::Right); // private notes: yes
    key(&mut rt, KeyCode::Enter);
    let text = screen(&rt, 100, 30);
    assert!(text.contains("Exported to"), "{text}");
    let html = std::fs::read_to_string(&path).expect("written");
    assert!(html.contains("<html"), "an HTML page");
    assert!(html.contains("Ship the pricing model by March"));
    assert!(
        html.contains("Seemed tired today"),
        "private note asked for"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // In share-safe mode private notes cannot be exported from the app.
    ctrl(&mut rt, 't');
    ch(&mut rt, 'x');
    key(&mut rt, KeyCode::Tab);
    for _ in 0..200 {
        key(&mut rt, KeyCode::Backspace);
    }
    let md = dir.path().join("ana.md");
    typ(&mut rt, &md.display().to_string());
    key(&mut rt, KeyCode::Tab);
    key(&mut rt, KeyCode::Right);
    key(&mut rt, KeyCode::Enter);
    let text = std::fs::read_to_string(&md).expect("written");
    assert!(text.contains("Ship the pricing model by March"));
    assert!(!text.contains("Seemed tired today"), "{text}");
}

#[test]
fn search_from_a_live_session_comes_back_to_it() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    ctrl(&mut rt, 'n');
    typ(&mut rt, "Quarterly roadmap review");
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "Because it matters");
    ctrl(&mut rt, 'r');
    typ(&mut rt, "roadm");
    let text = screen(&rt, 100, 30);
    assert!(text.contains("1 result"), "saved before searching:\n{text}");
    key(&mut rt, KeyCode::Esc);
    let Screen::Session(live) = &rt.app.screen else {
        panic!("not back in the session:\n{}", screen(&rt, 100, 30));
    };
    assert_eq!(live.stage_def().map(|s| s.id.as_str()), Some("clarity"));
    assert_eq!(live.focus, 1, "same prompt");
    let text = screen(&rt, 100, 30);
    assert!(text.contains("Quarterly roadmap review"), "{text}");
    assert!(text.contains("Because it matters"), "{text}");
}

/// CRLF and lone CR make one line break, pasted or typed by a terminal
/// without bracketed paste (Enter, then Ctrl-J).
#[test]
fn a_pasted_crlf_is_one_line_break() {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    ctrl(&mut rt, 'n');
    paste(&mut rt, "one\r\ntwo\rthree");
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "four");
    key(&mut rt, KeyCode::Enter);
    rt.on_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
    typ(&mut rt, "five");
    rt.flush();
    let Screen::Session(s) = &rt.app.screen else {
        panic!("not in the session");
    };
    let rec = rt.store.session_record(s.session_id()).expect("record");
    assert_eq!(rec.answer("clarity", "intent"), Some("one\ntwo\nthree"));
    assert_eq!(rec.answer("clarity", "purpose"), Some("four\nfive"));
}

/// `c` on home resumes the one unfinished session, whoever is selected;
/// Ctrl-u empties a form's path; the summary does not scroll past its end.
#[test]
fn small_conveniences_of_home_forms_and_the_summary() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'q');
    let mut rt = runtime_with(rt.store, Theme::colored());
    add_coachee(&mut rt, "Zoë Kaur", "");
    assert!(
        rt.app
            .home
            .selected()
            .is_some_and(|s| s.coachee.name == "Zoë Kaur"),
        "the coachee just added is selected"
    );
    ch(&mut rt, 'c');
    let Screen::Session(s) = &rt.app.screen else {
        panic!("c did not resume Ana's session:\n{}", screen(&rt, 80, 24));
    };
    assert_eq!(s.data.record.coachee.name, "Ana Silva");
    ctrl(&mut rt, 'f');
    ch(&mut rt, 'y');
    assert!(matches!(rt.app.screen, Screen::Summary(_)));
    for _ in 0..500 {
        key(&mut rt, KeyCode::Down);
    }
    // Held down, ↓ stops with the end at the box's foot: the box is full.
    let text = screen(&rt, 80, 24);
    let foot = text.lines().nth(21).unwrap_or_default();
    assert!(
        foot.chars().any(char::is_alphanumeric),
        "the summary's end is at the box's foot:\n{text}"
    );
    // The box says which line it starts at; Home, PgDn and End move by
    // more than a line, and End stops where ↓ held down does.
    let (at, total) = text
        .lines()
        .find_map(|l| l.split(" line ").nth(1))
        .and_then(|t| t.split_once('/'))
        .map_or_else(
            || panic!("no line count:\n{text}"),
            |(a, b)| {
                let n = |s: &str| {
                    s.trim_end_matches(|c: char| !c.is_ascii_digit())
                        .parse::<usize>()
                };
                (n(a).expect("line"), n(b).expect("total"))
            },
        );
    assert!(at > 1 && at < total, "{at}/{total}:\n{text}");
    key(&mut rt, KeyCode::Home);
    assert!(screen(&rt, 80, 24).contains(&format!(" line 1/{total} ")));
    key(&mut rt, KeyCode::PageDown);
    assert!(screen(&rt, 80, 24).contains(&format!(" line 16/{total} ")));
    key(&mut rt, KeyCode::End);
    assert_eq!(screen(&rt, 80, 24), text, "End is the end");
    // One ↑ from the end moves the view at once.
    key(&mut rt, KeyCode::Up);
    assert!(screen(&rt, 80, 24).contains(&format!(" line {}/{total} ", at - 1)));
    ch(&mut rt, 'x');
    key(&mut rt, KeyCode::Tab); // the file field
    ctrl(&mut rt, 'u');
    let Some(innerceo::tui::app::Popup::Form(form)) = &rt.app.popup else {
        panic!("no export form");
    };
    assert_eq!(form.value(1), "", "Ctrl-u empties the path");
}

/// With several unfinished sessions, `c` on home lists them, oldest first,
/// and resumes the one chosen.
#[test]
fn c_on_home_lists_the_unfinished_sessions_when_there_are_several() {
    let mut rt = runtime();
    for name in ["Ana Silva", "Ben Okafor", "Cleo Park"] {
        add_coachee(&mut rt, name, "");
    }
    for name in ["Ana Silva", "Ben Okafor"] {
        let mut rt2 = runtime_with(rt.store, Theme::colored());
        while rt2
            .app
            .home
            .selected()
            .is_some_and(|s| s.coachee.name != name)
        {
            key(&mut rt2, KeyCode::Down);
        }
        ch(&mut rt2, 'n');
        key(&mut rt2, KeyCode::Enter);
        assert!(matches!(rt2.app.screen, Screen::Session(_)));
        ctrl(&mut rt2, 'q');
        rt = rt2;
    }
    let mut rt = runtime_with(rt.store, Theme::colored());
    key(&mut rt, KeyCode::End); // Cleo, who has none
    ch(&mut rt, 'c');
    let list = screen(&rt, 80, 24);
    assert!(list.contains("Unfinished sessions: which one?"), "{list}");
    let listed: Vec<&str> = list.lines().filter(|l| l.contains("  started ")).collect();
    assert_eq!(listed.len(), 2, "both, and not Cleo:\n{list}");
    assert!(
        listed[0].contains("Ana Silva") && listed[1].contains("Ben Okafor"),
        "{list}"
    );
    assert!(list.contains("Enter resume"), "{list}");
    key(&mut rt, KeyCode::Down);
    key(&mut rt, KeyCode::Enter);
    let Screen::Session(s) = &rt.app.screen else {
        panic!("nothing resumed:\n{}", screen(&rt, 80, 24));
    };
    assert_eq!(s.data.record.coachee.name, "Ben Okafor");
}
