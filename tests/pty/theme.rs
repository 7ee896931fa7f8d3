//! The `auto` theme asks the terminal for its background (OSC 11): light
//! on a white one, dark on a dark one and on a terminal that does not say;
//! the answers never reach the screen as typed keys.

use std::time::Duration;

use super::harness::{Options, Term, temp_db};

/// The colour the app title ("innerceo", top left) is drawn in.
fn title_colour(opts: Options) -> (vt100::Color, String) {
    let mut term = Term::spawn(opts.size(80, 24));
    term.wait_for("Coachees");
    // A moment for any stray answer to arrive and be (wrongly) typed.
    std::thread::sleep(Duration::from_millis(300));
    let colour = term.fg_at(0, 1).expect("a cell");
    (colour, term.screen())
}

fn rgb_of(style: ratatui::style::Style) -> vt100::Color {
    match style.fg {
        Some(ratatui::style::Color::Rgb(r, g, b)) => vt100::Color::Rgb(r, g, b),
        other => panic!("the light theme's title is an RGB colour, not {other:?}"),
    }
}

#[test]
fn auto_picks_the_light_theme_on_a_terminal_that_reports_a_white_background() {
    let (_dir, db) = temp_db();
    let light = rgb_of(innerceo::tui::theme::Theme::light().title);
    let (on_white, screen) = title_colour(Options::new(&db).background("rgb:ffff/ffff/ffff"));
    assert_eq!(on_white, light, "light on white:\n{screen}");
    assert!(
        !screen.contains("11;"),
        "the answer was not typed anywhere:\n{screen}"
    );

    let (on_dark, screen) = title_colour(Options::new(&db).background("rgb:1e1e/1e1e/1e1e"));
    assert_ne!(on_dark, light, "dark on a dark background:\n{screen}");
    // A terminal that does not say: dark, and no wait for it to answer.
    let (silent, _) = title_colour(Options::new(&db));
    assert_eq!(silent, on_dark);
    // `light` in the settings wins over the terminal, NO_COLOR over both.
    let (forced, _) = title_colour(
        Options::new(&db)
            .background("rgb:0000/0000/0000")
            .env("INNERCEO_THEME", "light"),
    );
    assert_eq!(forced, light);
    let (plain, _) = title_colour(
        Options::new(&db)
            .background("rgb:ffff/ffff/ffff")
            .env("NO_COLOR", "1"),
    );
    assert_eq!(plain, vt100::Color::Default);
}
