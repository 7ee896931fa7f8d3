//! The coach's private notes about a coachee: typed on the coachee page
//! (e) like an answer, saved as typed, hidden in share-safe mode, and left
//! out of exports unless private notes are asked for.

use innerceo::export::{self, Format, Scope};
use innerceo::tui::app::Screen;
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

use super::harness::*;
use super::revisit::data_set;

#[test]
fn notes_about_the_coachee_are_typed_on_their_page_and_stay_private() {
    let mut rt = runtime_with(data_set(), Theme::colored());
    key(&mut rt, KeyCode::Enter); // Ana's page
    assert!(matches!(rt.app.screen, Screen::Coachee(_)));
    ch(&mut rt, 'e');
    let popup = screen(&rt, 80, 24);
    assert!(
        popup.contains("About Ana Silva: private, coach only"),
        "{popup}"
    );
    typ(&mut rt, "Prefers mornings");
    key(&mut rt, KeyCode::Enter);
    typ(&mut rt, "Agreed: nothing goes to HR");
    key(&mut rt, KeyCode::Esc);
    assert!(rt.app.popup.is_none());
    rt.flush();
    let ana = rt
        .store
        .find_coachee("Ana Silva")
        .expect("find")
        .expect("Ana");
    assert_eq!(ana.notes, "Prefers mornings\nAgreed: nothing goes to HR");
    assert!(screen(&rt, 120, 40).contains("your notes: e"));

    // Share-safe: the notes cannot be opened, and no word of them shows.
    ctrl(&mut rt, 't');
    ch(&mut rt, 'e');
    let safe = screen(&rt, 80, 24);
    assert!(rt.app.popup.is_none(), "{safe}");
    assert!(safe.contains("Share-safe mode is on"), "{safe}");
    for size in [(80, 24), (120, 40)] {
        let s = screen(&rt, size.0, size.1);
        assert!(!s.contains("Prefers mornings") && !s.contains("HR"), "{s}");
    }

    // Exports: left out by default, marked private when asked for.
    for (private, present) in [(false, false), (true, true)] {
        let e = export::collect(&rt.store, &Scope::Coachee("Ana Silva".into()), private, NOW)
            .expect("export");
        for format in [Format::Md, Format::Html, Format::Json] {
            let text =
                String::from_utf8(export::render(&e, format).expect("render")).expect("utf8");
            assert_eq!(
                text.contains("Prefers mornings"),
                present,
                "{format:?} with private notes {private}"
            );
        }
    }
}

/// Share-safe pressed while the notes are open closes them at once, keeps
/// what was typed, and shows no word of it.
#[test]
fn share_safe_while_typing_the_notes_hides_them_and_keeps_the_text() {
    let mut rt = runtime_with(data_set(), Theme::colored());
    key(&mut rt, KeyCode::Enter);
    ch(&mut rt, 'e');
    typ(&mut rt, "Going through a divorce");
    assert!(screen(&rt, 80, 24).contains("Ctrl-t share-safe"));
    ctrl(&mut rt, 't');
    assert!(rt.app.popup.is_none(), "the notes closed");
    assert!(rt.app.share_safe);
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen(&rt, w, h);
        assert!(!s.contains("divorce"), "{s}");
    }
    rt.flush();
    let ana = rt
        .store
        .find_coachee("Ana Silva")
        .expect("find")
        .expect("Ana");
    assert_eq!(ana.notes, "Going through a divorce");
}
