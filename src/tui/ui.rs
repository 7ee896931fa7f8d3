//! Drawing: picks the screen and popups to render from `&App`. No I/O here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen};
use super::keymap;
use super::screens;

/// The smallest terminal the full layout fits in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole frame.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match &app.screen {
        Screen::Home => screens::home::draw(app, frame, body),
        Screen::Session(live) => screens::session::draw(app, live, frame, body),
        Screen::Summary(s) => screens::summary::draw(app, s, frame, body),
        Screen::Coachee(v) => screens::coachee::draw(app, v, frame, body),
        Screen::Detail(v) => screens::detail::draw(app, v, frame, body),
        Screen::Board(v) => screens::board::draw(app, v, frame, body),
        Screen::Search(v) => screens::search::draw(app, v, frame, body),
    }
    status_line(app, frame, status);
    if let Some(popup) = &app.popup {
        screens::popups::draw(app, popup, frame, body);
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::styled("Terminal too small", app.theme.warn),
        Line::from(format!(
            "innerceo needs {MIN_WIDTH}x{MIN_HEIGHT}; this one is {}x{}.",
            area.width, area.height
        )),
        Line::from("Make the window larger. Nothing is lost meanwhile."),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// The keys that matter now, from the keymap, or the latest message.
fn status_line(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(msg) = &app.message {
        let style = if msg.error {
            app.theme.error
        } else {
            app.theme.ok
        };
        let prefix = if msg.error { "! " } else { "" };
        frame.render_widget(
            Paragraph::new(Line::from(vec![Span::styled(
                format!("{prefix}{}", msg.text),
                style,
            )])),
            area,
        );
        return;
    }
    let ctx = app.context();
    let mut spans = Vec::new();
    for b in keymap::bindings(ctx).iter().filter(|b| b.status) {
        let key = b.keys.first().map(keymap::key_name).unwrap_or_default();
        let key = if matches!(b.cmd, keymap::Cmd::Digit(_)) {
            "1-0".to_owned()
        } else {
            key
        };
        if !spans.is_empty() {
            spans.push(Span::styled("  ", app.theme.dim));
        }
        spans.push(Span::styled(key, app.theme.key));
        spans.push(Span::raw(format!(" {}", b.label)));
    }
    // Point at the help when the screen has one and it is not shown already.
    let binds = keymap::bindings(ctx);
    let shown = binds.iter().any(|b| b.cmd == keymap::Cmd::Help && b.status);
    let help = binds
        .into_iter()
        .find(|b| b.cmd == keymap::Cmd::Help && !shown);
    if let Some(key) = help.and_then(|b| b.keys.first().map(keymap::key_name)) {
        spans.push(Span::styled("  ", app.theme.dim));
        spans.push(Span::styled(key, app.theme.key));
        spans.push(Span::raw(" all keys"));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
