//! Two windows on one session: one writes, the other reads and says so;
//! and no save ever erases what the other window typed.

use std::path::Path;

use innerceo::store::Store;
use innerceo::tui::app::Screen;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

use super::harness::*;

fn window(path: &Path) -> Runtime {
    runtime_with(Store::open(path).expect("open"), Theme::colored())
}

fn answers(path: &Path) -> (Option<String>, Option<String>) {
    let store = Store::open(path).expect("reopen");
    let id = store.session_summaries(None).expect("sessions")[0]
        .id
        .clone();
    let rec = store.session_record(&id).expect("record");
    (
        rec.answer("clarity", "intent").map(str::to_owned),
        rec.answer("clarity", "purpose").map(str::to_owned),
    )
}

fn read_only(rt: &Runtime) -> bool {
    matches!(&rt.app.screen, Screen::Session(s) if s.read_only.is_some())
}

/// Window A in a session at Clarity, having typed `A-field1`.
fn first_window(path: &Path) -> Runtime {
    let mut a = window(path);
    add_coachee(&mut a, "Ana", "");
    ch(&mut a, 'n');
    key(&mut a, KeyCode::Enter);
    ctrl(&mut a, 'n'); // review → goals
    ctrl(&mut a, 'n');
    typ(&mut a, "A-field1");
    ctrl(&mut a, 's');
    a
}

#[test]
fn a_second_window_reads_the_session_and_says_where_it_is_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("two.db");
    let mut a = first_window(&path);
    let mut b = window(&path);
    ch(&mut b, 'c');
    assert!(read_only(&b), "the second window is read-only");
    let text = screen(&b, 100, 30);
    assert!(text.contains("open in another window"), "{text}");
    assert!(
        text.contains(&format!("process {}", std::process::id())),
        "{text}"
    );
    assert!(text.contains("A-field1"), "it shows what A saved:\n{text}");
    // Typing there changes nothing, and says why.
    key(&mut b, KeyCode::Tab);
    typ(&mut b, "B-field2");
    assert!(screen(&b, 100, 30).contains("Ctrl-k takes it over"));
    ctrl(&mut b, 'n');
    ctrl(&mut b, 'q');
    ctrl(&mut a, 'n');
    ctrl(&mut a, 'q');
    assert_eq!(answers(&path), (Some("A-field1".to_owned()), None));
}

#[test]
fn taking_over_makes_the_other_window_read_only_and_neither_erases_the_other() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("two.db");
    let mut a = first_window(&path);
    let mut b = window(&path);
    ch(&mut b, 'c');
    ctrl(&mut b, 'k');
    ch(&mut b, 'y');
    assert!(!read_only(&b), "b edits now");
    key(&mut b, KeyCode::Tab);
    typ(&mut b, "B-field2");
    // A has not noticed yet: what it types still saves only its own field,
    // and never the empty prompt 2 it did not touch.
    typ(&mut a, " more");
    ctrl(&mut a, 'n');
    ctrl(&mut b, 'n');
    assert_eq!(
        answers(&path),
        (
            Some("A-field1 more".to_owned()),
            Some("B-field2".to_owned())
        )
    );
    // At its next heartbeat A learns it lost the session.
    a.check_writer();
    assert!(read_only(&a));
    assert!(screen(&a, 100, 30).contains("took this session over"));
    ctrl(&mut a, 'q');
    ctrl(&mut b, 'q');
    assert_eq!(
        answers(&path),
        (
            Some("A-field1 more".to_owned()),
            Some("B-field2".to_owned())
        )
    );
}

#[test]
fn a_window_that_is_gone_leaves_the_session_free() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("two.db");
    let mut a = first_window(&path);
    ctrl(&mut a, 'q');
    drop(a);
    let mut b = window(&path);
    ch(&mut b, 'c');
    assert!(!read_only(&b), "quitting let go of the session");
}

#[test]
fn a_window_unseen_for_a_while_can_be_replaced_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("two.db");
    let _a = first_window(&path);
    // As if A's machine slept or its terminal froze for an hour.
    let other = rusqlite::Connection::open(&path).expect("open");
    other
        .execute(
            "UPDATE session_writers SET seen = '2026-11-25T09:00:00Z'",
            [],
        )
        .expect("age the claim");
    let mut b = window(&path);
    ch(&mut b, 'c');
    assert!(!read_only(&b), "a stale claim does not block");
}
