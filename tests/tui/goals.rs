//! The goals stage, driven by keys: a goal set in a first session,
//! progressed in a one-to-one and achieved in the next, read back through
//! the store, the coachee page and every export; the check-in shows goals
//! without changing them; the Six Centers show the score a goal aims for.

use innerceo::export::{self, Format, Scope};
use innerceo::guide::StageKind;
use innerceo::model::GoalStatus;
use innerceo::store::Store;
use innerceo::tui::app::Screen;
use innerceo::tui::runtime::Runtime;
use ratatui::crossterm::event::KeyCode;

use super::harness::*;

fn session(rt: &Runtime) -> &innerceo::tui::screens::session::Session {
    match &rt.app.screen {
        Screen::Session(s) => s,
        _ => panic!("not in a session:\n{}", screen(rt, 80, 24)),
    }
}

/// Starts a session with the guide at `pick` in the picker (0 one-to-one,
/// 1 first session, 2 check-in) and goes to its first stage of `kind`.
fn start_at(rt: &mut Runtime, pick: usize, kind: fn(&StageKind) -> bool) {
    ch(rt, 'n');
    for _ in 0..pick {
        key(rt, KeyCode::Down);
    }
    key(rt, KeyCode::Enter);
    go_to(rt, 'n', kind);
}

fn goals_stage(k: &StageKind) -> bool {
    matches!(k, StageKind::Goals { .. })
}

fn finish(rt: &mut Runtime) {
    ctrl(rt, 'f');
    ch(rt, 'y');
    assert!(
        matches!(rt.app.screen, Screen::Summary(_)),
        "{}",
        screen(rt, 80, 24)
    );
    key(rt, KeyCode::Esc);
}

fn ana(rt: &Runtime) -> innerceo::model::CoacheeId {
    coachee_id(rt, "Ana Silva")
}

/// The form: its text, the first center, an aim and a date.
fn set_goal(rt: &mut Runtime, text: &str, aim: &str) {
    key(rt, KeyCode::Enter);
    assert!(
        screen(rt, 80, 24).contains("Set a goal"),
        "{}",
        screen(rt, 80, 24)
    );
    typ(rt, text);
    key(rt, KeyCode::Tab);
    key(rt, KeyCode::Right); // the first center
    key(rt, KeyCode::Tab);
    typ(rt, aim);
    key(rt, KeyCode::Tab);
    typ(rt, "2027-03-01");
    key(rt, KeyCode::Enter);
}

#[test]
fn a_goal_set_in_a_first_session_is_progressed_and_achieved_in_later_ones() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    start_at(&mut rt, 1, goals_stage);
    let first = session(&rt).session_id().to_owned();
    let empty = screen(&rt, 80, 24);
    assert!(empty.contains("No goals yet"), "{empty}");
    // The stage's only element is the line that sets a goal: typing on it
    // opens the form with the goal's words begun.
    typ(&mut rt, "Le");
    let form = screen(&rt, 80, 24);
    assert!(form.contains("Set a goal"), "{form}");
    assert!(form.lines().any(|l| l.contains("┃  Le ")), "{form}");
    key(&mut rt, KeyCode::Esc);
    set_goal(&mut rt, "Lead the planning offsite", "8");
    assert!(rt.app.popup.is_none(), "{}", screen(&rt, 80, 24));
    let set = screen(&rt, 80, 24);
    assert!(
        set.contains("[new]      Lead the planning offsite"),
        "{set}"
    );
    assert!(set.contains("Autonomy → target 8 · by 2027-03-01"), "{set}");
    // The new goal has the focus: typing writes its first note.
    typ(&mut rt, "Matters now because of the reorg");
    key(&mut rt, KeyCode::Enter);
    finish(&mut rt);

    start_at(&mut rt, 0, goals_stage);
    let second = session(&rt).session_id().to_owned();
    let review = screen(&rt, 120, 40);
    assert!(
        review.contains("[active]   Lead the planning offsite"),
        "{review}"
    );
    assert!(
        review.contains("Matters now because of the reorg"),
        "{review}"
    );
    typ(&mut rt, "Booked the venue");
    key(&mut rt, KeyCode::Enter);
    finish(&mut rt);

    start_at(&mut rt, 0, goals_stage);
    let third = session(&rt).session_id().to_owned();
    assert!(screen(&rt, 80, 24).contains("Booked the venue"));
    ch(&mut rt, '1');
    assert!(screen(&rt, 80, 24).contains("[achieved] Lead the planning offsite"));
    // The same key again takes the mark back, and once more sets it.
    ch(&mut rt, '1');
    assert!(screen(&rt, 80, 24).contains("Goal active again"));
    ch(&mut rt, '1');
    assert!(screen(&rt, 80, 24).contains("Goal achieved: Lead the planning offsite"));
    finish(&mut rt);

    let goals = rt.store.coachee_goals(&ana(&rt)).expect("goals");
    assert_eq!(goals.len(), 1);
    let h = &goals[0];
    assert_eq!(h.goal.text, "Lead the planning offsite");
    assert_eq!(h.goal.center.as_deref(), Some("autonomy"));
    assert_eq!(h.goal.target, Some(8));
    assert_eq!(h.goal.created_in.as_deref(), Some(first.as_str()));
    assert_eq!(h.status(), GoalStatus::Achieved);
    let note = |s: &str| h.in_session(s).map(|u| u.note.clone());
    assert_eq!(
        note(&first).as_deref(),
        Some("Matters now because of the reorg")
    );
    assert_eq!(note(&second).as_deref(), Some("Booked the venue"));
    assert_eq!(
        h.in_session(&third).and_then(|u| u.status),
        Some(GoalStatus::Achieved)
    );

    // The coachee page lists it as achieved.
    key(&mut rt, KeyCode::Enter);
    let page = screen(&rt, 120, 40);
    assert!(page.contains("ACHIEVED"), "{page}");
    assert!(page.contains("Lead the planning offsite"), "{page}");

    // Every export says what each session made of it.
    let e = export::collect(&rt.store, &Scope::All, false, NOW).expect("collect");
    for format in [Format::Md, Format::Html] {
        let text = String::from_utf8(export::render(&e, format).expect("render")).expect("utf-8");
        for word in [
            "Lead the planning offsite",
            "set in this session",
            "Booked the venue",
            "achieved",
            "Autonomy → target 8",
        ] {
            assert!(text.contains(word), "{format:?} lacks {word:?}");
        }
    }
    let json = String::from_utf8(export::render(&e, Format::Json).expect("json")).expect("utf-8");
    let doc = export::import::parse(&json).expect("parse");
    let other = Store::open_in_memory().expect("store");
    export::import::import(&other, &doc).expect("import");
    assert_eq!(other.coachee_goals(&ana(&rt)).expect("goals"), goals);
}

#[test]
fn the_goal_form_points_at_what_to_correct() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    start_at(&mut rt, 0, goals_stage);
    set_goal(&mut rt, "Speak up in the board meeting", "12");
    let refused = screen(&rt, 80, 24);
    assert!(
        refused.contains("The aim is a score from 1 to 10; 12 is outside it"),
        "{refused}"
    );
    // The focus went to the aim: the next keys correct it.
    key(&mut rt, KeyCode::Backspace);
    key(&mut rt, KeyCode::Backspace);
    typ(&mut rt, "7");
    key(&mut rt, KeyCode::Enter);
    assert!(rt.app.popup.is_none(), "{}", screen(&rt, 80, 24));
    // No goal was written while the form was refused, one after.
    rt.flush();
    let goals = rt.store.coachee_goals(&ana(&rt)).expect("goals");
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].goal.target, Some(7));

    // F2 changes it: without a center, an aim is refused, pointing at the center.
    key(&mut rt, KeyCode::F(2));
    assert!(screen(&rt, 80, 24).contains("Change the goal"));
    key(&mut rt, KeyCode::Tab);
    key(&mut rt, KeyCode::Left); // back to "none"
    key(&mut rt, KeyCode::Enter);
    assert!(screen(&rt, 80, 24).contains("pick the center with ←/→ first"));
    key(&mut rt, KeyCode::Right);
    key(&mut rt, KeyCode::Right); // the second center
    key(&mut rt, KeyCode::Enter);
    rt.flush();
    let goals = rt.store.coachee_goals(&ana(&rt)).expect("goals");
    assert_eq!(goals.len(), 1, "changed, not added");
    assert_eq!(goals[0].goal.center.as_deref(), Some("self_motivation"));
}

#[test]
fn the_six_centers_show_the_score_a_goal_aims_for() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    start_at(&mut rt, 0, goals_stage);
    set_goal(&mut rt, "Own the roadmap", "9");
    go_to(&mut rt, 'n', ratings_stage);
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&rt, w, h);
        let row = text
            .lines()
            .find(|l| l.contains("Autonomy"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(row.contains("aim 9"), "{w}x{h}: {row}");
        assert!(text.contains("Goal: Own the roadmap"), "{text}");
    }
    // Dropping the goal takes its aim away.
    go_to(&mut rt, 'p', goals_stage);
    ch(&mut rt, '2'); // a stage opens on its first element: the goal
    assert!(screen(&rt, 80, 24).contains("[dropped]  Own the roadmap"));
    go_to(&mut rt, 'n', ratings_stage);
    assert!(!screen(&rt, 80, 24).contains("aim 9"));
}

fn ratings_stage(k: &StageKind) -> bool {
    matches!(k, StageKind::Ratings { .. })
}

/// Ctrl-`dir` (n or p) until the stage is of `kind`.
fn go_to(rt: &mut Runtime, dir: char, kind: fn(&StageKind) -> bool) {
    for _ in 0..20 {
        if session(rt).stage_def().is_some_and(|s| kind(&s.kind)) {
            return;
        }
        ctrl(rt, dir);
    }
    panic!("no such stage:\n{}", screen(rt, 80, 24));
}

#[test]
fn the_check_in_shows_goals_without_changing_them() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    start_at(&mut rt, 0, goals_stage);
    set_goal(&mut rt, "Own the roadmap", "9");
    // More goals than fit at 80x24, to be read one after the other.
    let more: Vec<String> = (1..=5)
        .map(|i| format!("Second goal number {i} with a longer text"))
        .collect();
    for text in &more {
        key(&mut rt, KeyCode::Down); // the "set a goal" line
        set_goal(&mut rt, text, "7");
    }
    finish(&mut rt);
    start_at(&mut rt, 2, goals_stage);
    let text = screen(&rt, 120, 40);
    assert!(text.contains("Own the roadmap"), "{text}");
    assert!(text.contains("here they are shown only"), "{text}");
    // Shown only, each goal still takes the focus, so Tab scrolls the card
    // to every one of them; no "set a goal" line.
    assert_eq!(session(&rt).elements().len(), 6, "the six goals");
    for c in ['1', '2', 'a', 'x', 'e', 'z'] {
        ch(&mut rt, c);
        assert!(rt.app.popup.is_none(), "{c}: {}", screen(&rt, 80, 24));
    }
    assert!(screen(&rt, 80, 24).contains("Goals are only shown here"));
    for text in &more {
        key(&mut rt, KeyCode::Tab);
        let shown = screen(&rt, 80, 24);
        let words: Vec<&str> = shown.split_whitespace().collect();
        let want: Vec<&str> = text.split_whitespace().collect();
        assert!(
            words.windows(want.len()).any(|w| w == want.as_slice()) || shown.contains(&text[..20]),
            "{text} is on screen when focused:\n{shown}"
        );
        assert!(!shown.contains("letters write a note"), "{shown}");
    }
    rt.flush();
    let goals = rt.store.coachee_goals(&ana(&rt)).expect("goals");
    assert_eq!(goals[0].status(), GoalStatus::Active);
    assert_eq!(goals[0].updates.len(), 0, "the check-in wrote nothing");
}

#[test]
fn search_opens_a_goal_at_the_goals_stage_and_the_notes_about_a_coachee_on_their_page() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    start_at(&mut rt, 0, goals_stage);
    set_goal(&mut rt, "Own the roadmap", "9");
    finish(&mut rt);
    rt.store
        .set_coachee_notes(&ana(&rt), "Prefers walking meetings")
        .expect("notes");
    ch(&mut rt, '/');
    typ(&mut rt, "roadmap");
    rt.flush();
    let results = screen(&rt, 120, 40);
    assert!(results.contains("Own the roadmap"), "{results}");
    key(&mut rt, KeyCode::Enter);
    let detail = screen(&rt, 120, 40);
    assert!(matches!(rt.app.screen, Screen::Detail(_)), "{detail}");
    assert!(detail.contains("Goals · stage 2/8"), "{detail}");
    key(&mut rt, KeyCode::Esc);
    for _ in 0.."roadmap".len() {
        key(&mut rt, KeyCode::Backspace);
    }
    typ(&mut rt, "walking");
    rt.flush();
    assert!(screen(&rt, 120, 40).contains("Prefers walking meetings"));
    key(&mut rt, KeyCode::Enter);
    assert!(
        matches!(rt.app.screen, Screen::Coachee(_)),
        "{}",
        screen(&rt, 120, 40)
    );
    // In share-safe mode the notes about the coachee are not found.
    key(&mut rt, KeyCode::Esc);
    ctrl(&mut rt, 't');
    rt.flush();
    let safe = screen(&rt, 120, 40);
    assert!(matches!(rt.app.screen, Screen::Search(_)), "{safe}");
    assert!(safe.contains("walking"), "the query stays: {safe}");
    assert!(!safe.contains("Prefers walking meetings"), "{safe}");
}

#[test]
fn long_goal_and_action_texts_end_in_an_ellipsis_on_the_coachee_page() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    start_at(&mut rt, 0, goals_stage);
    let long = "Lead the quarterly planning offsite for the whole regional organisation";
    set_goal(&mut rt, long, "9");
    finish(&mut rt);
    key(&mut rt, KeyCode::Enter); // the coachee page
    let header = screen(&rt, 120, 40);
    assert!(
        header.contains("1 session · 0 open actions"),
        "counts in words: {header}"
    );
    for (w, h) in [(80, 24), (120, 40)] {
        let page = screen(&rt, w, h);
        let row = page
            .lines()
            .find(|l| l.contains("Lead the quarterly"))
            .unwrap_or_else(|| panic!("{page}"));
        // The text gives way before the next column; the row still shows
        // how many updates the goal has, inside the box.
        assert!(row.contains('…'), "{w}x{h}: {row}");
        assert!(
            row.contains("1 update") || row.contains("0 updates"),
            "{w}x{h}: {row}"
        );
        assert!(row.trim_end().ends_with('│'), "{w}x{h}: {row}");
    }
}

#[test]
fn a_goal_set_between_sessions_on_the_coachee_page_is_reviewed_in_the_next_one() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    key(&mut rt, KeyCode::Enter); // the coachee page
    let empty = screen(&rt, 80, 24);
    assert!(empty.contains("a sets a goal"), "{empty}");
    ch(&mut rt, 'a');
    assert!(screen(&rt, 80, 24).contains("Set a goal"));
    typ(&mut rt, "Find a mentor outside the team");
    key(&mut rt, KeyCode::Tab);
    key(&mut rt, KeyCode::Right);
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "11"); // refused: the scale ends at 10
    key(&mut rt, KeyCode::Enter);
    assert!(screen(&rt, 80, 24).contains("1 to 10; 11 is outside it"));
    key(&mut rt, KeyCode::Backspace);
    key(&mut rt, KeyCode::Backspace);
    typ(&mut rt, "8");
    key(&mut rt, KeyCode::Enter);
    assert!(rt.app.popup.is_none(), "{}", screen(&rt, 80, 24));
    let page = screen(&rt, 120, 40);
    assert!(
        page.contains("Goal set: Find a mentor outside the team"),
        "{page}"
    );
    assert!(page.contains("GOAL"), "{page}");
    let goals = rt.store.coachee_goals(&ana(&rt)).expect("goals");
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].goal.created_in, None, "between sessions");
    assert_eq!(goals[0].goal.target, Some(8));
    // The next session reviews it.
    key(&mut rt, KeyCode::Esc);
    start_at(&mut rt, 0, goals_stage);
    assert!(screen(&rt, 80, 24).contains("[active]   Find a mentor outside the team"));
}
