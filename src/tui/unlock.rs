//! The start screen of an encrypted database: the passphrase, typed hidden,
//! three tries, before anything else is read or shown.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::{DefaultTerminal, Frame};
use ratatui_textarea::TextArea;

use super::input::{Waiter, Wake};
use super::screens::common;
use super::theme::Theme;
use crate::store::{Store, StoreError};

/// How many wrong passphrases before giving up.
pub const TRIES: u32 = 3;

/// What the start screen shows.
struct Unlock<'a> {
    path: &'a Path,
    input: TextArea<'static>,
    message: Option<(String, bool)>,
    theme: Theme,
}

fn masked() -> TextArea<'static> {
    let mut t = TextArea::default();
    // Hidden input: one dot per character, never the characters.
    t.set_mask_char('•');
    t.set_cursor_line_style(ratatui::style::Style::new());
    t
}

/// Asks for the passphrase of the encrypted database at `path` in the
/// terminal, full screen. `Ok(None)` when the user leaves (Esc, Ctrl-c, a
/// closed terminal); an error after three wrong passphrases.
pub fn unlock(path: &Path, theme: Theme) -> Result<Option<Store>> {
    let mut terminal = ratatui::try_init().context("cannot take over the terminal")?;
    let result = ask(&mut terminal, path, theme);
    ratatui::restore();
    result
}

fn ask(terminal: &mut DefaultTerminal, path: &Path, theme: Theme) -> Result<Option<Store>> {
    let mut waiter = Waiter::new(super::signals::WAKE).context("cannot watch the terminal")?;
    let mut screen = Unlock {
        path,
        input: masked(),
        message: None,
        theme,
    };
    let mut wrong = 0;
    loop {
        terminal.draw(|f| draw(f, &screen))?;
        match waiter.wait(Duration::from_millis(500))? {
            Wake::Hangup => return Ok(None),
            Wake::Timeout => continue,
            Wake::Ready => {}
        }
        while event::poll(Duration::ZERO)? {
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => {
                    let ctrl_c =
                        k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                    if k.code == KeyCode::Esc || ctrl_c {
                        return Ok(None);
                    }
                    if k.code != KeyCode::Enter {
                        screen.input.input(k);
                        continue;
                    }
                    let typed = zeroize::Zeroizing::new(screen.input.lines().join(""));
                    screen.input = masked();
                    if typed.is_empty() {
                        screen.message = Some(("Type the passphrase, then Enter.".into(), false));
                        continue;
                    }
                    screen.message = Some(("Unlocking…".into(), false));
                    terminal.draw(|f| draw(f, &screen))?;
                    match Store::open_with_key(path, Some(&typed)) {
                        Ok(store) => return Ok(Some(store)),
                        Err(StoreError::WrongPassphrase { .. }) => {
                            wrong += 1;
                            if wrong >= TRIES {
                                bail!(
                                    "wrong passphrase {TRIES} times for {}: nothing was changed",
                                    path.display()
                                );
                            }
                            screen.message = Some((
                                format!("Wrong passphrase ({wrong} of {TRIES} tries). Try again."),
                                true,
                            ));
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
                Event::Paste(text) => {
                    screen.input.insert_str(text.replace(['\r', '\n'], ""));
                }
                _ => {}
            }
        }
    }
}

fn draw(frame: &mut Frame, s: &Unlock) {
    let t = &s.theme;
    let area = common::centered(frame.area(), 64, 10);
    frame.render_widget(Clear, area);
    let block = common::block_with(t, " innerceo: this database is encrypted ", true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [about, input, message, keys] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(s.path.display().to_string()),
            Line::styled("Type its passphrase to open it.", t.dim),
        ])
        .wrap(Wrap { trim: true }),
        about,
    );
    let [label, field] =
        Layout::horizontal([Constraint::Length(12), Constraint::Min(1)]).areas(input);
    frame.render_widget(Paragraph::new(Span::styled("Passphrase:", t.title)), label);
    frame.render_widget(&s.input, field);
    if let Some((text, error)) = &s.message {
        let style = if *error { t.error } else { t.dim };
        frame.render_widget(
            Paragraph::new(Line::styled(text.clone(), style)).wrap(Wrap { trim: true }),
            message,
        );
    }
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Enter", t.key),
            Span::raw(" open  "),
            Span::styled("Esc", t.key),
            Span::raw(" quit"),
        ])),
        keys,
    );
}
