//! Each screen's update on its own, without `App`: keys in, messages out.

use innerceo::tui::app::Screen;
use innerceo::tui::effect::Effect;
use innerceo::tui::effect::Task;
use innerceo::tui::keymap::Cmd;
use innerceo::tui::msg::Msg;
use innerceo::tui::popup::Popup;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::harness::*;

fn says(msgs: &[Msg], text: &str) -> bool {
    msgs.iter()
        .any(|m| matches!(m, Msg::Say(t) | Msg::Error(t) if t.contains(text)))
}

#[test]
fn home_asks_for_a_coachee_first_and_opens_the_add_form() {
    let mut home = innerceo::tui::app::Home::default();
    let msgs = home.update(Some(Cmd::NewSession));
    assert!(says(&msgs, "Add a coachee first"));
    let msgs = home.update(Some(Cmd::AddCoachee));
    assert!(matches!(msgs.as_slice(), [Msg::Popup(Popup::Form(_))]));
    assert!(matches!(
        home.update(Some(Cmd::Quit)).as_slice(),
        [Msg::Quit]
    ));
}

#[test]
fn the_session_answers_keys_with_messages_and_never_quits_on_a_letter() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    let Screen::Session(mut s) = std::mem::replace(&mut rt.app.screen, Screen::Home) else {
        panic!("no session");
    };
    let env = rt.app.env();
    for _ in 0..4 {
        s.update(
            Some(Cmd::NextStage),
            KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
            &env,
        );
    }
    // Six Centers: a digit is a score, a letter starts the note.
    let msgs = s.update(
        Some(Cmd::Digit(7)),
        KeyEvent::new(KeyCode::Char('7'), KeyModifiers::NONE),
        &env,
    );
    assert!(
        msgs.iter()
            .any(|m| matches!(m, Msg::Effect(Effect::Save(_))))
    );
    let msgs = s.update(
        None,
        KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE),
        &env,
    );
    assert!(!msgs.iter().any(|m| matches!(m, Msg::Quit | Msg::Back)));
    assert!(s.note_open, "q started the note");
    let msgs = s.update(
        Some(Cmd::Quit),
        KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL),
        &env,
    );
    assert!(matches!(msgs.as_slice(), [Msg::Quit]));
    // Esc once only warns; twice leaves, after saving.
    s.update(
        Some(Cmd::Back),
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
        &env,
    );
    let msgs = s.update(
        Some(Cmd::Back),
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
        &env,
    );
    assert!(says(&msgs, "Esc again leaves"));
    let msgs = s.update(
        Some(Cmd::Back),
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
        &env,
    );
    assert!(msgs.iter().any(|m| matches!(m, Msg::Back)));
    assert!(
        msgs.iter()
            .any(|m| matches!(m, Msg::Effect(Effect::Durable)))
    );
}

#[test]
fn the_board_marks_an_action_done_with_a_message_and_one_effect() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    for _ in 0..6 {
        ctrl(&mut rt, 'n');
    }
    typ(&mut rt, "Draft the plan");
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'q');
    let mut rt = runtime_with(rt.store, innerceo::tui::theme::Theme::colored());
    ch(&mut rt, 'b');
    let Screen::Board(mut v) = std::mem::replace(&mut rt.app.screen, Screen::Home) else {
        panic!("no board");
    };
    let msgs = v.update(Cmd::MarkDone);
    assert!(says(&msgs, "Marked done: Draft the plan"));
    assert!(
        msgs.iter()
            .any(|m| matches!(m, Msg::Effect(Effect::Task(Task::SetActionStatus { .. }))))
    );
    let msgs = v.update(Cmd::EditDue);
    assert!(matches!(msgs.as_slice(), [Msg::Popup(Popup::Form(_))]));
}

#[test]
fn search_asks_the_store_as_the_query_changes() {
    let mut v = innerceo::tui::screens::search::SearchView::default();
    let env = runtime().app.env();
    let msgs = v.update(
        None,
        KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE),
        &env,
    );
    assert!(matches!(
        msgs.as_slice(),
        [Msg::Effect(Effect::Task(Task::Search { query, include_private: true }))] if query == "t"
    ));
    let msgs = v.update(
        Some(Cmd::Open),
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        &env,
    );
    assert!(says(&msgs, "Nothing selected"));
}

/// `G` / `g` (and End / Home) jump to the end and the start of home's list
/// and of the guide picker, as on every other list.
#[test]
fn g_and_shift_g_jump_to_the_ends_of_home_and_the_guide_picker() {
    let mut rt = runtime();
    for name in ["Ana", "Bo", "Cy", "Di"] {
        add_coachee(&mut rt, name, "");
    }
    let name = |rt: &innerceo::tui::runtime::Runtime| {
        rt.app
            .home
            .selected()
            .map(|s| s.coachee.name.clone())
            .unwrap_or_default()
    };
    ch(&mut rt, 'g');
    assert_eq!(name(&rt), "Ana");
    ch(&mut rt, 'G');
    assert_eq!(name(&rt), "Di");
    key(&mut rt, KeyCode::Home);
    assert_eq!(name(&rt), "Ana");
    key(&mut rt, KeyCode::End);
    assert_eq!(name(&rt), "Di");

    ch(&mut rt, 'n');
    let picked = |rt: &innerceo::tui::runtime::Runtime| match &rt.app.popup {
        Some(Popup::Picker { selected, .. }) => *selected,
        _ => panic!("no guide picker:\n{}", screen(rt, 80, 24)),
    };
    let guides = rt.app.guides.len();
    assert!(guides > 1, "the test needs two guides");
    ch(&mut rt, 'G');
    assert_eq!(picked(&rt), guides - 1);
    ch(&mut rt, 'g');
    assert_eq!(picked(&rt), 0);
}
