//! Goals changed between sessions, from the coachee page: Tab gives the
//! keys to the list of goals, actions and topics; Enter on a goal changes
//! it, marks it achieved or dropped with a note; the next session sees
//! where it stands.

use innerceo::model::GoalStatus;
use innerceo::tui::app::Screen;
use innerceo::tui::runtime::Runtime;
use ratatui::crossterm::event::KeyCode;

use super::harness::*;

fn ana(rt: &Runtime) -> innerceo::model::CoacheeId {
    coachee_id(rt, "Ana Silva")
}

fn status_line(rt: &Runtime) -> String {
    screen(rt, 80, 24).lines().last().unwrap_or("").to_owned()
}

/// The status line says `text`.
#[track_caller]
fn says(rt: &Runtime, text: &str) {
    let line = status_line(rt);
    assert!(line.contains(text), "{line}");
}

/// Sets a goal from the coachee page: its text, the first center, an aim.
fn set_goal(rt: &mut Runtime, text: &str, aim: &str) {
    ch(rt, 'a');
    typ(rt, text);
    key(rt, KeyCode::Tab);
    key(rt, KeyCode::Right);
    key(rt, KeyCode::Tab);
    typ(rt, aim);
    key(rt, KeyCode::Enter);
    assert!(rt.app.popup.is_none(), "{}", screen(rt, 80, 24));
}

/// Opens the selected goal's form and goes to its field `field`.
fn change_form_at(rt: &mut Runtime, field: usize) {
    key(rt, KeyCode::Enter);
    let shown = screen(rt, 80, 24);
    assert!(shown.contains("Change the goal"), "{shown}");
    for _ in 0..field {
        key(rt, KeyCode::Tab);
    }
}

#[test]
fn a_goal_is_changed_achieved_and_reopened_from_the_coachee_page() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    key(&mut rt, KeyCode::Enter); // the coachee page
    // Nothing listed yet: Tab says what would fill the list.
    key(&mut rt, KeyCode::Tab);
    says(&rt, "a sets a goal");
    set_goal(&mut rt, "Find a mentor outside the team", "8");
    key(&mut rt, KeyCode::Tab);
    let shown = screen(&rt, 80, 24);
    assert!(status_line(&rt).contains("Enter change"), "{shown}");
    assert!(status_line(&rt).contains("Tab sessions"), "{shown}");
    assert!(shown.contains("› GOAL"), "the goal is selected:\n{shown}");
    super::snapshots::snap("coachee_list_has_the_keys", &rt);
    // The line under the sessions shows the selected goal in full.
    assert!(
        shown.contains("Goal (working on it): Find a mentor outside the team"),
        "{shown}"
    );

    // Its words change, it is marked achieved with a note.
    change_form_at(&mut rt, 0);
    typ(&mut rt, " by spring");
    change_form_at_field(&mut rt, innerceo::tui::goal_form::STATUS);
    key(&mut rt, KeyCode::Right);
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "Met two candidates; one said yes");
    key(&mut rt, KeyCode::Enter);
    let shown = screen(&rt, 80, 24);
    assert!(rt.app.popup.is_none(), "{shown}");
    assert!(
        shown.contains("Goal achieved: Find a mentor outside the team by spring"),
        "{shown}"
    );
    assert!(shown.contains("ACHIEVED"), "{shown}");
    assert!(
        shown.contains("latest: Met two candidates; one said yes"),
        "{shown}"
    );
    let goals = rt.store.coachee_goals(&ana(&rt)).expect("goals");
    assert_eq!(
        goals[0].goal.text,
        "Find a mentor outside the team by spring"
    );
    assert_eq!(goals[0].goal.target, Some(8), "the aim is kept");
    assert_eq!(goals[0].status(), GoalStatus::Achieved);
    let u = &goals[0].updates[0];
    assert_eq!(u.session_id, None, "between sessions");
    assert_eq!(u.note, "Met two candidates; one said yes");

    // Opening and saving it again unchanged records nothing.
    change_form_at(&mut rt, 0);
    key(&mut rt, KeyCode::Enter);
    says(&rt, "Goal saved");
    let goals = rt.store.coachee_goals(&ana(&rt)).expect("goals");
    assert_eq!(goals[0].updates.len(), 1, "{:?}", goals[0].updates);

    // Reopened: active again, with the history kept.
    change_form_at(&mut rt, innerceo::tui::goal_form::STATUS);
    key(&mut rt, KeyCode::Left);
    key(&mut rt, KeyCode::Enter);
    says(&rt, "Goal open again");
    let goals = rt.store.coachee_goals(&ana(&rt)).expect("goals");
    assert_eq!(goals[0].status(), GoalStatus::Active);
    assert_eq!(goals[0].updates.len(), 2);
}

/// Tab from the form's current field to field `field` (the form opened at
/// its first field and the caller typed there).
fn change_form_at_field(rt: &mut Runtime, field: usize) {
    let Some(innerceo::tui::popup::Popup::Form(f)) = &rt.app.popup else {
        panic!("no form:\n{}", screen(rt, 80, 24));
    };
    for _ in f.focus..field {
        key(rt, KeyCode::Tab);
    }
}

#[test]
fn a_goal_dropped_between_sessions_is_not_reviewed_in_the_next_one() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    key(&mut rt, KeyCode::Enter);
    set_goal(&mut rt, "Speak at the all-hands", "7");
    set_goal(&mut rt, "Take the Friday afternoons off", "6");
    key(&mut rt, KeyCode::Tab);
    key(&mut rt, KeyCode::Down); // the second goal
    change_form_at(&mut rt, innerceo::tui::goal_form::STATUS);
    key(&mut rt, KeyCode::Right);
    key(&mut rt, KeyCode::Right); // dropped
    key(&mut rt, KeyCode::Enter);
    says(&rt, "Goal dropped: Take the Friday afternoons off");
    // The selection follows the goal to the closed ones, at the end.
    let shown = screen(&rt, 80, 24);
    let selected = shown.lines().find(|l| l.contains("› ")).unwrap_or_default();
    assert!(selected.contains("DROPPED"), "{shown}");
    assert!(selected.contains("Take the Friday"), "{shown}");

    // The next one-to-one reviews the goal still open, not the dropped one.
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    for _ in 0..12 {
        if screen(&rt, 80, 24).contains("[active]") {
            break;
        }
        ctrl(&mut rt, 'n');
    }
    let stage = screen(&rt, 120, 40);
    assert!(
        stage.contains("[active]   Speak at the all-hands"),
        "{stage}"
    );
    assert!(!stage.contains("Take the Friday"), "{stage}");
}

#[test]
fn the_list_moves_apart_from_the_sessions_and_opens_what_each_row_came_from() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    key(&mut rt, KeyCode::Enter);
    set_goal(&mut rt, "Speak at the all-hands", "7");
    ch(&mut rt, 't');
    typ(&mut rt, "The reorganisation rumours");
    key(&mut rt, KeyCode::Enter);
    key(&mut rt, KeyCode::Tab);
    key(&mut rt, KeyCode::Down);
    let Screen::Coachee(v) = &rt.app.screen else {
        panic!("{}", screen(&rt, 80, 24));
    };
    assert_eq!((v.item, v.selected), (1, 0), "Down moved the list only");
    assert!(
        screen(&rt, 80, 24).contains("Topic for next time: The reorganisation rumours"),
        "{}",
        screen(&rt, 80, 24)
    );
    // A topic parked between sessions has no session to open.
    key(&mut rt, KeyCode::Enter);
    says(&rt, "parked between sessions");
    assert!(matches!(rt.app.screen, Screen::Coachee(_)));
    // Tab gives the keys back: Enter reads a session again (none yet).
    key(&mut rt, KeyCode::BackTab);
    key(&mut rt, KeyCode::Enter);
    says(&rt, "No session yet");
}
