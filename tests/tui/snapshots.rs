//! What each screen looks like at 80x24 and 120x40, and that no size breaks it.

use innerceo::store::Store;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::theme::Theme;
use innerceo::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

use super::harness::*;

/// Snapshots at 80x24 and 120x40, kept with every other in `tests/snapshots/`.
pub fn snap(name: &str, rt: &Runtime) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.bind(|| {
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(rt, w, h));
        }
    });
}

/// A coachee with one finished one-to-one, and a second session under way.
fn two_sessions() -> Runtime {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "Head of Product");
    add_coachee(&mut rt, "Zoë Kaur", "Engineering Manager");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    // A first goal, aimed at a center, for the second session to review.
    key(&mut rt, KeyCode::Enter);
    typ(&mut rt, "Lead the pricing launch");
    key(&mut rt, KeyCode::Tab);
    key(&mut rt, KeyCode::Right);
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "8");
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n');
    typ(&mut rt, "Ship the pricing model by March");
    ctrl(&mut rt, 'n');
    ctrl(&mut rt, 'n');
    for d in ['5', '6', '4', '7', '3', '8'] {
        ch(&mut rt, d);
        key(&mut rt, KeyCode::Down);
    }
    ctrl(&mut rt, 'n');
    ctrl(&mut rt, 'n');
    typ(&mut rt, "Write the one-page intent note");
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "2026-11-20");
    key(&mut rt, KeyCode::Enter);
    typ(&mut rt, "Book the skip-level conversation");
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "+2w");
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "coach");
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n');
    typ(&mut rt, "Clarity beats control");
    ctrl(&mut rt, 'f');
    ch(&mut rt, 'y');
    key(&mut rt, KeyCode::Esc);
    // The second session, with Zoë (still selected since she was added last).
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    rt
}

#[test]
fn home_empty_and_with_coachees() {
    let mut rt = runtime();
    snap("home_empty", &rt);
    add_coachee(&mut rt, "Ana Silva", "Head of Product");
    add_coachee(&mut rt, "Zoë Kaur", "Engineering Manager");
    snap("home_two_coachees", &rt);
    ch(&mut rt, 'n');
    snap("guide_picker", &rt);
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, '?');
    snap("home_help", &rt);
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, 'a');
    snap("add_coachee_form", &rt);
}

#[test]
fn every_stage_kind() {
    let mut rt = two_sessions();
    snap("stage_review", &rt);
    ch(&mut rt, '1');
    key(&mut rt, KeyCode::Down);
    ch(&mut rt, '2');
    snap("stage_review_marked", &rt);
    ctrl(&mut rt, 'n');
    typ(&mut rt, "Pricing page drafted");
    key(&mut rt, KeyCode::Enter);
    snap("stage_goals", &rt);
    ctrl(&mut rt, 'n');
    typ(&mut rt, "Hire two engineers");
    key(&mut rt, KeyCode::Tab);
    snap("stage_questions", &rt);
    ctrl(&mut rt, 'n');
    ctrl(&mut rt, 'n');
    ch(&mut rt, '7');
    key(&mut rt, KeyCode::Down);
    ch(&mut rt, '6');
    snap("stage_ratings", &rt);
    ctrl(&mut rt, 'n');
    key(&mut rt, KeyCode::Down);
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "The team runs without me now");
    key(&mut rt, KeyCode::Tab);
    ch(&mut rt, ' ');
    snap("stage_choice", &rt);
    ctrl(&mut rt, 'n');
    typ(&mut rt, "Run the retrospective");
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "fri");
    snap("action_form", &rt);
    key(&mut rt, KeyCode::Enter);
    // The focus stays on "+ Add an action"; ↑ is the action just added.
    key(&mut rt, KeyCode::Up);
    snap("stage_actions", &rt);
    ctrl(&mut rt, 'n');
    typ(&mut rt, "Letting go works");
    key(&mut rt, KeyCode::Tab);
    key(&mut rt, KeyCode::Tab);
    ch(&mut rt, '8');
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, "+2w");
    snap("stage_close", &rt);
    // In a session `?` is a character; F1 is the help.
    key(&mut rt, KeyCode::F(1));
    snap("session_help", &rt);
    key(&mut rt, KeyCode::Esc);
    ctrl(&mut rt, 'f');
    snap("finish_confirm", &rt);
    ch(&mut rt, 'y');
    snap("summary", &rt);
}

#[test]
fn private_notes_with_share_safe_off_and_on() {
    let mut rt = two_sessions();
    ctrl(&mut rt, 'n'); // goals
    ctrl(&mut rt, 'n'); // clarity
    ctrl(&mut rt, 'o');
    typ(&mut rt, "Worried about the reorg; keep this between us");
    snap("notes_pane", &rt);
    ctrl(&mut rt, 't');
    snap("notes_share_safe", &rt);
}

#[test]
fn too_small_terminal_says_so() {
    let rt = runtime();
    let text = screen(&rt, 60, 20);
    assert!(text.contains("Terminal too small"), "{text}");
    assert!(text.contains("80x24"), "{text}");
}

#[test]
fn no_color_means_no_colour_at_all() {
    let mut rt = runtime_with(Store::open_in_memory().expect("store"), Theme::plain());
    add_coachee(&mut rt, "Ana Silva", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    ctrl(&mut rt, 'n');
    ctrl(&mut rt, 'n');
    ctrl(&mut rt, 'n');
    ch(&mut rt, '7');
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| ui::draw(&rt.app, f)).expect("draw");
    for cell in term.backend().buffer().content() {
        assert!(
            matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
            "coloured cell {cell:?} with NO_COLOR"
        );
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.bind(|| {
        insta::assert_snapshot!("no_color_ratings_120x40", screen(&rt, 120, 40));
    });
}

/// Draws the current state at many sizes, including absurd ones.
fn all_sizes(rt: &Runtime) {
    let widths = (1..=200).step_by(9).chain([79, 80, 81, 200]);
    for w in widths {
        for h in (1..=60).step_by(5).chain([23, 24, 25, 60]) {
            let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            term.draw(|f| ui::draw(&rt.app, f)).expect("draw");
        }
    }
}

#[test]
fn no_size_from_1x1_to_200x60_panics_on_any_screen() {
    let mut rt = two_sessions();
    all_sizes(&rt);
    for _ in 0..6 {
        ctrl(&mut rt, 'n');
        all_sizes(&rt);
    }
    ch(&mut rt, 'a');
    all_sizes(&rt);
    key(&mut rt, KeyCode::Esc);
    key(&mut rt, KeyCode::F(1));
    all_sizes(&rt);
    key(&mut rt, KeyCode::Esc);
    ctrl(&mut rt, 'f');
    ch(&mut rt, 'y');
    all_sizes(&rt);
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, 'n');
    all_sizes(&rt);
}

#[test]
fn home_with_demo_data() {
    let store = Store::open_in_memory().expect("store");
    innerceo::demo::generate_at(
        &store,
        &innerceo::demo::DemoOptions {
            coachees: 6,
            sessions: 8,
            seed: 1,
        },
        NOW.date(),
    )
    .expect("demo");
    let rt = runtime_with(store, Theme::colored());
    snap("home_demo", &rt);
}
