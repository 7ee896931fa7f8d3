//! Two windows on one session: neither erases what the other typed.

use innerceo::store::Store;
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

use super::harness::*;

#[test]
fn a_window_that_did_not_touch_a_field_never_overwrites_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("two.db");
    let mut a = runtime_with(Store::open(&path).expect("open"), Theme::colored());
    add_coachee(&mut a, "Ana", "");
    ch(&mut a, 'n');
    key(&mut a, KeyCode::Enter);
    ctrl(&mut a, 'n'); // clarity, prompt 1
    let mut b = runtime_with(Store::open(&path).expect("open"), Theme::colored());
    ch(&mut b, 'c'); // resumes at clarity, prompt 1
    key(&mut b, KeyCode::Tab); // prompt 2
    typ(&mut a, "A-field1");
    typ(&mut b, "B-field2");
    // Each changes stage (a flush of every editor), saves, and quits.
    ctrl(&mut a, 'n');
    ctrl(&mut b, 'n');
    ctrl(&mut a, 's');
    ctrl(&mut b, 's');
    ctrl(&mut a, 'q');
    ctrl(&mut b, 'q');
    let store = Store::open(&path).expect("reopen");
    let id = store.session_summaries(None).expect("sessions")[0]
        .id
        .clone();
    let rec = store.session_record(&id).expect("record");
    assert_eq!(rec.answer("clarity", "intent"), Some("A-field1"));
    assert_eq!(rec.answer("clarity", "purpose"), Some("B-field2"));
}
