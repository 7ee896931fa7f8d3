//! Drives the app like a user, without a terminal: keys in, screen text out.

use innerceo::guide;
use innerceo::store::Store;
use innerceo::tui::app::App;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::theme::Theme;
use innerceo::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use time::OffsetDateTime;
use time::macros::datetime;

/// Wednesday 25 November 2026, 10:00 UTC: every test's "now".
pub const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

pub fn runtime_with(store: Store, theme: Theme) -> Runtime {
    let (guides, errors) = guide::load_all(None, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut app = App::new(guides, theme, false, NOW);
    "/tmp/innerceo-test.db".clone_into(&mut app.db_label);
    Runtime::new(app, store)
}

pub fn runtime() -> Runtime {
    runtime_with(
        Store::open_in_memory().expect("in-memory store"),
        Theme::colored(),
    )
}

pub fn key(rt: &mut Runtime, code: KeyCode) {
    rt.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ch(rt: &mut Runtime, c: char) {
    key(rt, KeyCode::Char(c));
}

pub fn ctrl(rt: &mut Runtime, c: char) {
    rt.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn typ(rt: &mut Runtime, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            key(rt, KeyCode::Enter);
        } else {
            ch(rt, c);
        }
    }
}

pub fn paste(rt: &mut Runtime, text: &str) {
    rt.on_event(Event::Paste(text.to_owned()));
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen(rt: &Runtime, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| ui::draw(&rt.app, f)).expect("draw");
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Adds a coachee through the home screen's form.
pub fn add_coachee(rt: &mut Runtime, name: &str, role: &str) {
    ch(rt, 'a');
    typ(rt, name);
    key(rt, KeyCode::Tab);
    typ(rt, role);
    key(rt, KeyCode::Enter);
}

/// The id of the coachee with this name.
pub fn coachee_id(rt: &Runtime, name: &str) -> innerceo::model::CoacheeId {
    rt.store
        .find_coachee(name)
        .expect("find")
        .unwrap_or_else(|| panic!("no coachee {name}"))
        .id
}

/// The action with this text, whatever its status, as the store has it now.
pub fn action_named(rt: &Runtime, text: &str) -> innerceo::model::Action {
    rt.store
        .actions(&innerceo::store::ActionFilter {
            coachee_id: None,
            status: innerceo::store::StatusFilter::All,
            today: NOW.date(),
        })
        .expect("actions")
        .into_iter()
        .find(|r| r.action.text == text)
        .unwrap_or_else(|| panic!("no action {text:?}"))
        .action
}

/// The status line (the screen's last line) at 120x40.
pub fn status_line(rt: &Runtime) -> String {
    screen(rt, 120, 40).lines().last().unwrap_or("").to_owned()
}
