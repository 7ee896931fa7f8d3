//! Records a coach can correct and dispose of, driven by keys: correcting a
//! finished session from its detail, discarding one, undoing a change.

use innerceo::model::{ActionStatus, SessionStatus};
use innerceo::tui::app::Screen;
use innerceo::tui::keymap::Context;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use time::macros::date;

use super::harness::*;

fn app() -> Runtime {
    runtime_with(super::revisit::data_set(), Theme::colored())
}

/// Home → Ana's page → the newest finished session's detail.
fn open_finished_detail(rt: &mut Runtime) -> innerceo::model::SessionId {
    key(rt, KeyCode::Enter);
    let Screen::Coachee(v) = &rt.app.screen else {
        panic!("not the coachee page")
    };
    let i = v
        .data
        .sessions
        .iter()
        .position(|s| s.status == SessionStatus::Completed)
        .expect("a finished session");
    for _ in 0..i {
        key(rt, KeyCode::Down);
    }
    key(rt, KeyCode::Enter);
    let Screen::Detail(d) = &rt.app.screen else {
        panic!("not the detail")
    };
    d.session_id().to_owned()
}

#[test]
fn a_finished_session_is_corrected_from_its_detail_and_stays_finished() {
    let mut rt = app();
    let id = open_finished_detail(&mut rt);
    let before = rt.store.session(&id).expect("session");
    assert!(before.corrected_at.is_none());
    assert!(status_line(&rt).contains("correct"), "{}", status_line(&rt));

    ch(&mut rt, 'e');
    let Screen::Session(s) = &rt.app.screen else {
        panic!("e did not open the session: {:?}", rt.app.message)
    };
    assert!(s.correcting());
    let top = screen(&rt, 80, 24);
    assert!(top.contains("CORRECTING"), "{top}");
    // To the Six Centers, mistyped Autonomy corrected to 9.
    for _ in 0..12 {
        if rt.app.context() == Context::SessionRating {
            break;
        }
        ctrl(&mut rt, 'n');
    }
    assert_eq!(rt.app.context(), Context::SessionRating);
    ch(&mut rt, '9');
    // And a word added to the first answer of the first stage with one.
    for _ in 0..12 {
        ctrl(&mut rt, 'p');
    }
    'stages: for _ in 0..12 {
        for _ in 0..20 {
            if rt.app.context() == Context::SessionText {
                break 'stages;
            }
            key(&mut rt, KeyCode::Tab);
        }
        ctrl(&mut rt, 'n');
    }
    assert_eq!(rt.app.context(), Context::SessionText);
    typ(&mut rt, " Zanzibar");
    let time_before = before.total_seconds();
    rt.on_tick(NOW + time::Duration::seconds(5));
    ctrl(&mut rt, 'f');
    assert!(
        matches!(rt.app.screen, Screen::Detail(_)),
        "Ctrl-f goes back to the detail"
    );

    let after = rt.store.session(&id).expect("session");
    assert_eq!(after.status, SessionStatus::Completed);
    assert_eq!(after.ended_at, before.ended_at);
    assert_eq!(
        after.total_seconds(),
        time_before,
        "correcting is not coaching time"
    );
    // Dated when the change was made, not when the window closed.
    assert_eq!(after.corrected_at, Some(NOW));
    let rec = rt.store.session_record(&id).expect("record");
    assert!(rec.answers.iter().any(|a| a.text.ends_with(" Zanzibar")));
    assert!(rec.ratings.iter().any(|r| r.score == Some(9)));
    let text = screen(&rt, 120, 40);
    assert!(text.contains("Corrected on: 2026-11-25"), "{text}");
}

#[test]
fn moving_around_a_finished_session_is_not_a_correction() {
    let mut rt = app();
    let id = open_finished_detail(&mut rt);
    ch(&mut rt, 'e');
    ctrl(&mut rt, 'n');
    key(&mut rt, KeyCode::Tab);
    ctrl(&mut rt, 'f');
    assert_eq!(rt.store.session(&id).expect("session").corrected_at, None);
}

#[test]
fn discarding_a_session_asks_naming_it_then_removes_it() {
    let mut rt = app();
    let id = open_finished_detail(&mut rt);
    let sessions = rt.store.counts().expect("counts").sessions;
    ch(&mut rt, 'D');
    let text = screen(&rt, 120, 40);
    assert!(
        text.contains("Discard the finished session with Ana Silva"),
        "{text}"
    );
    ch(&mut rt, 'n');
    assert!(rt.store.session(&id).is_ok(), "n keeps it");
    ch(&mut rt, 'D');
    ch(&mut rt, 'y');
    assert!(rt.store.session(&id).is_err(), "y discards it");
    assert_eq!(rt.store.counts().expect("counts").sessions, sessions - 1);
    assert!(
        matches!(rt.app.screen, Screen::Coachee(_)),
        "back on the coachee page"
    );
    assert!(
        status_line(&rt).contains("Discarded the session"),
        "{}",
        status_line(&rt)
    );
}

fn action_status(rt: &Runtime, text: &str) -> (ActionStatus, Option<time::Date>) {
    let a = action_named(rt, text);
    (a.status, a.due)
}

#[test]
fn undo_takes_back_each_kind_of_change_and_is_offered_only_after_one() {
    let mut rt = app();
    // Nothing to undo on arrival: no hint, and u says so.
    assert!(!status_line(&rt).contains("undo"), "{}", status_line(&rt));
    ch(&mut rt, 'u');
    assert!(
        status_line(&rt).contains("Nothing to undo"),
        "{}",
        status_line(&rt)
    );

    // An archive on home.
    let counts = rt.app.home.rows.len();
    ch(&mut rt, 'x');
    ch(&mut rt, 'y');
    assert_eq!(rt.app.home.rows.len(), counts - 1);
    key(&mut rt, KeyCode::Down);
    key(&mut rt, KeyCode::Up);
    assert!(
        status_line(&rt).contains("u undo archived"),
        "{}",
        status_line(&rt)
    );
    ch(&mut rt, 'u');
    assert_eq!(
        rt.app.home.rows.len(),
        counts,
        "undo brings the coachee back"
    );
    assert!(
        status_line(&rt).contains("Undone: archived"),
        "{}",
        status_line(&rt)
    );

    // A status change and a due-date change on the board.
    ch(&mut rt, 'b');
    let first = {
        let Screen::Board(v) = &rt.app.screen else {
            panic!("not the board")
        };
        v.selected_row().expect("a row").action.clone()
    };
    let id = first.id.clone();
    let history = rt.store.action_history(&id).expect("history").len();
    ch(&mut rt, 'd');
    assert_eq!(action_status(&rt, &first.text).0, ActionStatus::Done);
    ch(&mut rt, 'u');
    assert_eq!(action_status(&rt, &first.text), (first.status, first.due));
    assert_eq!(
        rt.store.action_history(&id).expect("history").len(),
        history
    );
    ch(&mut rt, 'g'); // the undone action is back at the top
    ch(&mut rt, 'e');
    key(&mut rt, KeyCode::Char('u'));
    rt.on_key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    ));
    typ(&mut rt, "2027-01-15");
    key(&mut rt, KeyCode::Enter);
    assert_eq!(
        action_status(&rt, &first.text).1,
        Some(date!(2027 - 01 - 15))
    );
    let changes = rt.store.due_changes(&id).expect("due changes");
    assert_eq!(changes.len(), 1, "the change is in the action's history");
    assert_eq!(
        (changes[0].before, changes[0].after),
        (first.due, Some(date!(2027 - 01 - 15)))
    );
    ch(&mut rt, 'u');
    assert_eq!(action_status(&rt, &first.text).1, first.due);
    assert!(rt.store.due_changes(&id).expect("due changes").is_empty());
    ch(&mut rt, 'u');
    assert!(
        status_line(&rt).contains("Nothing to undo"),
        "{}",
        status_line(&rt)
    );

    // Leaving the screen ends the visit: its changes are not undone later.
    ch(&mut rt, 'x');
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, 'b');
    ch(&mut rt, 'u');
    assert!(
        status_line(&rt).contains("Nothing to undo"),
        "{}",
        status_line(&rt)
    );
}

#[test]
fn ctrl_z_takes_back_a_review_mark_in_the_session() {
    let mut rt = app();
    // Ben's unfinished session opens on its review of earlier actions.
    let ben = rt
        .app
        .home
        .rows
        .iter()
        .position(|r| r.coachee.name == "Ben Okafor")
        .expect("Ben");
    for _ in 0..ben {
        key(&mut rt, KeyCode::Down);
    }
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    let Screen::Session(s) = &rt.app.screen else {
        panic!("no session: {:?}", rt.app.message)
    };
    let session = s.session_id().to_owned();
    for _ in 0..12 {
        ctrl(&mut rt, 'p');
    }
    'stages: for _ in 0..12 {
        for _ in 0..20 {
            if rt.app.context() == Context::SessionReview {
                break 'stages;
            }
            key(&mut rt, KeyCode::Tab);
        }
        ctrl(&mut rt, 'n');
    }
    assert_eq!(
        rt.app.context(),
        Context::SessionReview,
        "the data set gives Ben an action to review"
    );
    assert!(!status_line(&rt).contains("Ctrl-z"), "{}", status_line(&rt));
    let Screen::Session(s) = &rt.app.screen else {
        unreachable!()
    };
    let action = s.data.review[0].0.clone();
    ch(&mut rt, '1');
    ch(&mut rt, '3');
    assert!(
        status_line(&rt).contains("Ctrl-z undo mark"),
        "{}",
        status_line(&rt)
    );
    ctrl(&mut rt, 's');
    assert_eq!(action_status(&rt, &action.text).0, ActionStatus::Dropped);
    ctrl(&mut rt, 'z');
    ctrl(&mut rt, 's');
    assert_eq!(action_status(&rt, &action.text).0, ActionStatus::Done);
    ctrl(&mut rt, 'z');
    ctrl(&mut rt, 's');
    assert_eq!(action_status(&rt, &action.text).0, ActionStatus::Open);
    let reviews = rt.store.action_history(&action.id).expect("history");
    assert!(
        reviews
            .iter()
            .all(|r| r.session_id.as_deref() != Some(session.as_str())),
        "no review of this session is left: {reviews:?}"
    );
    ctrl(&mut rt, 'z');
    assert!(
        status_line(&rt).contains("Nothing to undo"),
        "{}",
        status_line(&rt)
    );
}

#[test]
fn home_shows_who_is_due_and_o_cycles_the_order() {
    let store = super::revisit::data_set();
    let rows = store.coachee_summaries(NOW.date(), false).expect("rows");
    let ana = rows
        .iter()
        .find(|r| r.coachee.name == "Ana Silva")
        .expect("ana");
    store
        .set_coachee_rhythm(&ana.coachee.id, Some(7))
        .expect("rhythm");
    let mut rt = runtime_with(store, Theme::colored());
    let names = |rt: &Runtime| -> Vec<String> {
        rt.app
            .home
            .rows
            .iter()
            .map(|r| r.coachee.name.clone())
            .collect()
    };
    assert_eq!(names(&rt), ["Ana Silva", "Ben Okafor"], "by name");
    let text = screen(&rt, 80, 24);
    assert!(text.contains("Next"), "{text}");
    let ana = &rt.app.home.rows[0];
    if let Some(d) = ana.next_session {
        let words = innerceo::dates::due_words(d, NOW.date());
        assert!(text.contains(&words), "{words} not on home: {text}");
    }
    ch(&mut rt, 'o');
    assert!(
        status_line(&rt).contains("by next session due"),
        "{}",
        status_line(&rt)
    );
    let due: Vec<_> = rt.app.home.rows.iter().map(|r| r.next_session).collect();
    let mut sorted = due.clone();
    sorted.sort_by_key(|d| (d.is_none(), *d));
    assert_eq!(due, sorted, "soonest first, none last");
    ch(&mut rt, 'o');
    assert!(status_line(&rt).contains("by last session"));
    let last: Vec<_> = rt.app.home.rows.iter().map(|r| r.last_session).collect();
    let mut newest_first = last.clone();
    newest_first.sort_by_key(|t| std::cmp::Reverse(*t));
    assert_eq!(last, newest_first);
    ch(&mut rt, 'o');
    assert_eq!(names(&rt), ["Ana Silva", "Ben Okafor"], "back to by name");
}
