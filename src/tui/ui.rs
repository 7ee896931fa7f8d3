//! Drawing: picks the screen and popups to render, and the status line. No I/O here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen};
use super::keymap;
use super::screens;
use super::wrap;

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
    // A message wraps onto up to three rows rather than being cut.
    let status_h = app.message.as_ref().map_or(1, |m| {
        let rows = wrap::wrap(&message_text(m), usize::from(area.width)).len();
        u16::try_from(rows.clamp(1, 3)).unwrap_or(1)
    });
    let [body, status] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(status_h)]).areas(area);
    let ui = app.ui();
    match &app.screen {
        Screen::Home => screens::home::draw(&ui, &app.home, frame, body),
        Screen::Session(s) => screens::session::draw(s, &app.theme, &app.env(), frame, body),
        Screen::Summary(s) => screens::summary::draw(&ui, s, frame, body),
        Screen::Coachee(v) => screens::coachee::draw(&ui, v, frame, body),
        Screen::Detail(v) => screens::detail::draw(&ui, v, frame, body),
        Screen::Board(v) => screens::board::draw(&ui, v, frame, body),
        Screen::Search(v) => screens::search::draw(&ui, v, frame, body),
    }
    status_line(app, frame, status);
    if let Some(popup) = &app.popup {
        screens::popups::draw(&ui, &app.guides, popup, frame, body);
    }
}

fn message_text(m: &super::app::Message) -> String {
    if m.error {
        format!("! {}", m.text)
    } else {
        m.text.clone()
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
        let lines: Vec<Line> = wrap::wrap(&message_text(msg), usize::from(area.width))
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let ctx = app.context();
    let mut items: Vec<(String, String)> = match (&app.screen, &app.popup) {
        (Screen::Session(s), None) => screens::session::hints(s),
        _ => Vec::new(),
    };
    items.extend(status_items(ctx));
    if let (Screen::Session(s), None) = (&app.screen, &app.popup) {
        if s.correcting() {
            for (key, label) in &mut items {
                if key == "Ctrl-f" {
                    "done correcting".clone_into(label);
                }
            }
        }
        // Offered where marks are made; Ctrl-z works from any element.
        if !s.review_undo.is_empty() && ctx == keymap::Context::SessionReview {
            // After the control's own keys: those matter more while marking.
            let help = usize::from(items.last().is_some_and(|(_, l)| l == "all keys"));
            let at = (items.len() - help).min(6);
            items.insert(at, ("Ctrl-z".to_owned(), "undo mark".to_owned()));
        }
    } else if app.popup.is_none()
        && let Some(u) = app.undo.last()
    {
        items.insert(0, ("u".to_owned(), format!("undo {}", short(&u.what))));
    }
    let status = super::widgets::status_line::StatusLine {
        items,
        theme: app.theme,
    };
    frame.render_widget(&status, area);
}

/// The status-line entries of a context, from the keymap, with a pointer
/// to the help when the help key is not one of them.
pub fn status_items(ctx: keymap::Context) -> Vec<(String, String)> {
    let binds = keymap::bindings(ctx);
    let mut items: Vec<(String, String)> = binds
        .iter()
        .filter(|b| b.status)
        .map(|b| {
            let key = if matches!(b.cmd, keymap::Cmd::Digit(_)) {
                keymap::keys_label(b).replace(", ", "/")
            } else {
                b.keys.first().map(keymap::key_name).unwrap_or_default()
            };
            (key, b.label.to_owned())
        })
        .collect();
    let shown = binds.iter().any(|b| b.cmd == keymap::Cmd::Help && b.status);
    if !shown
        && let Some(key) = binds
            .iter()
            .find(|b| b.cmd == keymap::Cmd::Help)
            .and_then(|b| b.keys.first().map(keymap::key_name))
    {
        items.push((key, "all keys".to_owned()));
    }
    items
}

/// The start of what an undo would take back, short enough for the status line.
fn short(what: &str) -> String {
    wrap::ellipsis(what, 28)
}
