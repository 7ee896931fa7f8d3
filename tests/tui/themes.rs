//! The light theme reads on a white background: every coloured cell of
//! every screen has a contrast of at least 4.5:1 (WCAG AA for body text)
//! against white or its own background, computed from the drawn buffer.

use innerceo::tui::app::Screen;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::theme::Theme;
use innerceo::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

use super::harness::*;

/// The colour a terminal shows for `c` (xterm's defaults for named ones);
/// `None` for the terminal's own foreground or background.
fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    Some(match c {
        Color::Reset => return None,
        Color::Black => (0, 0, 0),
        Color::Red => (205, 0, 0),
        Color::Green => (0, 205, 0),
        Color::Yellow => (205, 205, 0),
        Color::Blue => (0, 0, 238),
        Color::Magenta => (205, 0, 205),
        Color::Cyan => (0, 205, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (127, 127, 127),
        Color::LightRed => (255, 0, 0),
        Color::LightGreen => (0, 255, 0),
        Color::LightYellow => (255, 255, 0),
        Color::LightBlue => (92, 92, 255),
        Color::LightMagenta => (255, 0, 255),
        Color::LightCyan => (0, 255, 255),
        Color::White => (255, 255, 255),
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => panic!("indexed colour {i} depends on the terminal's palette"),
    })
}

fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Every coloured character on screen against what it is drawn on.
fn check(rt: &Runtime, what: &str) {
    const WHITE: (u8, u8, u8) = (255, 255, 255);
    for (w, h) in [(80, 24), (120, 40)] {
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        term.draw(|f| ui::draw(&rt.app, f)).expect("draw");
        let buf = term.backend().buffer();
        for y in 0..h {
            for x in 0..w {
                let cell = &buf[(x, y)];
                if cell.symbol().trim().is_empty() {
                    continue;
                }
                let bg = rgb(cell.bg).unwrap_or(WHITE);
                let Some(fg) = rgb(cell.fg) else {
                    // The terminal's own text colour, on a coloured background.
                    if bg != WHITE {
                        let ratio = contrast((0, 0, 0), bg);
                        assert!(
                            ratio >= 4.5,
                            "{what} {w}x{h} ({x},{y}): default text on {bg:?}: {ratio:.2}"
                        );
                    }
                    continue;
                };
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= 4.5,
                    "{what} at {w}x{h}, cell ({x},{y}) {:?}: {fg:?} on {bg:?} is {ratio:.2}:1",
                    cell.symbol()
                );
            }
        }
    }
}

#[test]
fn the_light_themes_own_colours_read_on_white() {
    let t = Theme::light();
    for (name, style) in [
        ("title", t.title),
        ("dim", t.dim),
        ("focus_border", t.focus_border),
        ("border", t.border),
        ("key", t.key),
        ("warn", t.warn),
        ("error", t.error),
        ("ok", t.ok),
        ("private", t.private),
        ("current", t.current),
        ("previous", t.previous),
    ] {
        let fg = rgb(style.fg.expect(name)).expect(name);
        let on = style.bg.and_then(rgb).unwrap_or((255, 255, 255));
        assert!(contrast(fg, on) >= 4.5, "{name}: {:.2}", contrast(fg, on));
    }
    let hl = t.highlight;
    let ratio = contrast(
        rgb(hl.fg.expect("fg")).expect("fg"),
        rgb(hl.bg.expect("bg")).expect("bg"),
    );
    assert!(ratio >= 4.5, "highlight: {ratio:.2}");
}

/// Visits every screen in the light theme, calling `visit` with a name for
/// each: home and its help, a coachee, a session's detail, the actions
/// board, search, every stage of a new session (with the notes pane on the
/// first), the finish question and the summary.
fn every_screen(visit: &mut dyn FnMut(&Runtime, &str)) {
    let mut rt = runtime_with(super::revisit::data_set(), Theme::light());
    visit(&rt, "home");
    ch(&mut rt, '?');
    visit(&rt, "home_help");
    key(&mut rt, KeyCode::Esc);
    key(&mut rt, KeyCode::Enter);
    assert!(matches!(rt.app.screen, Screen::Coachee(_)));
    visit(&rt, "coachee");
    key(&mut rt, KeyCode::Enter);
    assert!(matches!(rt.app.screen, Screen::Detail(_)));
    visit(&rt, "detail");
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, 'b');
    visit(&rt, "board");
    key(&mut rt, KeyCode::Esc);
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, '/');
    typ(&mut rt, "pricing");
    visit(&rt, "search");
    key(&mut rt, KeyCode::Esc);
    key(&mut rt, KeyCode::Down);
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    if !matches!(rt.app.screen, Screen::Session(_)) {
        key(&mut rt, KeyCode::Enter);
    }
    let stages = match &rt.app.screen {
        Screen::Session(s) => s.stage_count(),
        _ => panic!("no session: {:?}", rt.app.message),
    };
    for stage in 0..stages {
        visit(&rt, &format!("session_stage_{stage}"));
        if stage == 0 {
            ctrl(&mut rt, 'o');
            visit(&rt, "session_notes_pane");
            ctrl(&mut rt, 'o');
        }
        ctrl(&mut rt, 'n');
    }
    ctrl(&mut rt, 'f');
    visit(&rt, "finish_question");
    ch(&mut rt, 'y');
    assert!(matches!(rt.app.screen, Screen::Summary(_)));
    visit(&rt, "summary");
}

#[test]
fn every_screen_in_the_light_theme_reads_on_white() {
    every_screen(&mut |rt, name| check(rt, name));
}

/// The screen with each run of styled text marked by the name of the light
/// theme's style that drew it: `«key:Enter» read`. A cell whose colours are
/// no style of the theme shows them (`«?Rgb(..)/Reset:…»`), which no snapshot
/// should hold.
fn styled(rt: &Runtime, w: u16, h: u16) -> String {
    use ratatui::style::Style;
    let t = Theme::light();
    let named: Vec<(&str, Style)> = vec![
        ("title", t.title),
        ("dim", t.dim),
        ("selected", t.selected),
        ("focus", t.focus_border),
        ("border", t.border),
        ("key", t.key),
        ("warn", t.warn),
        ("error", t.error),
        ("ok", t.ok),
        ("private", t.private),
        ("highlight", t.highlight),
        ("current", t.current),
        ("previous", t.previous),
    ];
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| ui::draw(&rt.app, f)).expect("draw");
    let buf = term.backend().buffer();
    let name_of = |fg: Color, bg: Color| -> Option<String> {
        if fg == Color::Reset && bg == Color::Reset {
            return None;
        }
        // Styles that share their colours are named together: `title/focus`.
        let found: Vec<&str> = named
            .iter()
            .filter(|(_, s)| {
                s.fg.unwrap_or(Color::Reset) == fg && s.bg.unwrap_or(Color::Reset) == bg
            })
            .map(|(n, _)| *n)
            .collect();
        Some(if found.is_empty() {
            format!("?{fg:?}/{bg:?}")
        } else {
            found.join("/")
        })
    };
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut open: Option<String> = None;
        for x in 0..w {
            let cell = &buf[(x, y)];
            // Spaces carry no colour a reader sees, unless on a background.
            let visible = !cell.symbol().trim().is_empty() || cell.bg != Color::Reset;
            let name = if visible {
                name_of(cell.fg, cell.bg)
            } else {
                open.clone()
            };
            if name != open {
                if open.is_some() {
                    line.push('»');
                }
                if let Some(n) = &name {
                    line.push_str(&format!("«{n}:"));
                }
                open = name;
            }
            line.push_str(cell.symbol());
        }
        if open.is_some() {
            line.push('»');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn snap(rt: &Runtime, name: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    let text = styled(rt, 80, 24);
    assert!(
        !text.contains("«?"),
        "{name}: a colour outside the theme:\n{text}"
    );
    settings.bind(|| insta::assert_snapshot!(format!("light_{name}_80x24"), text));
}

/// Every screen in the light theme with its colours, as a reader sees them
/// on a white background.
#[test]
fn light_theme_snapshots_of_every_screen() {
    every_screen(&mut |rt, name| snap(rt, name));
}
