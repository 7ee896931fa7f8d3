//! The progress report from the coachee page: `r`, the form (for whom,
//! format, first day, file, private notes), and the file it writes.

use innerceo::tui::app::Screen;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

use super::harness::*;
use super::revisit::data_set;

fn on_ana_page(dir: &std::path::Path) -> Runtime {
    let mut rt = runtime_with(data_set(), Theme::colored());
    rt.app.export_dir = dir.to_path_buf();
    key(&mut rt, KeyCode::Enter); // Ana Silva is first
    assert!(matches!(rt.app.screen, Screen::Coachee(_)));
    rt
}

/// Moves the focus from the form's first field down `n` fields.
fn tab(rt: &mut Runtime, n: usize) {
    for _ in 0..n {
        key(rt, KeyCode::Tab);
    }
}

#[test]
fn r_on_the_coachee_page_writes_the_report_the_form_describes() {
    let dir = tempfile::tempdir().expect("dir");
    let mut rt = on_ana_page(dir.path());
    ch(&mut rt, 'r');
    let form = screen(&rt, 80, 24);
    assert!(form.contains("Progress report on Ana Silva"), "{form}");
    assert!(form.contains("innerceo-report-ana-silva-"), "{form}");
    // html, then private notes: yes.
    tab(&mut rt, 1);
    key(&mut rt, KeyCode::Right);
    assert!(
        screen(&rt, 100, 30).contains(".html"),
        "the file follows the format"
    );
    tab(&mut rt, 3);
    key(&mut rt, KeyCode::Right);
    key(&mut rt, KeyCode::Enter);
    let said = screen(&rt, 120, 40);
    assert!(said.contains("Report written to"), "{said}");
    assert!(said.contains("with private notes"), "{said}");
    let path = std::fs::read_dir(dir.path())
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .expect("a report file");
    let html = std::fs::read_to_string(&path).expect("written");
    assert!(html.contains("Coaching progress report: Ana Silva"));
    assert!(
        html.contains("Ship the pricing model by March"),
        "answers are in"
    );
    assert!(
        html.contains("Seemed tired; mentioned burnout twice"),
        "private notes asked for"
    );
}

#[test]
fn a_sponsor_report_from_the_app_offers_no_private_notes_and_holds_no_text() {
    let dir = tempfile::tempdir().expect("dir");
    let mut rt = on_ana_page(dir.path());
    ch(&mut rt, 'r');
    key(&mut rt, KeyCode::Right); // for a sponsor
    let form = screen(&rt, 100, 30);
    assert!(
        form.contains("innerceo-sponsor-report-ana-silva-"),
        "{form}"
    );
    assert!(form.contains("never in a sponsor report"), "{form}");
    // A mistyped first day is refused in the form, nothing written.
    tab(&mut rt, 2);
    typ(&mut rt, "2026-02-30");
    key(&mut rt, KeyCode::Enter);
    let refused = screen(&rt, 100, 30);
    assert!(refused.contains("is not a date"), "{refused}");
    assert_eq!(std::fs::read_dir(dir.path()).expect("folder").count(), 0);
    for _ in 0..10 {
        key(&mut rt, KeyCode::Backspace);
    }
    key(&mut rt, KeyCode::Enter);
    assert!(screen(&rt, 120, 40).contains("Sponsor report written to"));
    let path = std::fs::read_dir(dir.path())
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .next()
        .expect("a report file");
    let md = std::fs::read_to_string(&path).expect("written");
    assert!(md.starts_with("**For a sponsor:"), "{md}");
    for text in ["Ship the pricing model by March", "Seemed tired"] {
        assert!(!md.contains(text), "{text} in a sponsor report");
    }
}
