//! Styles for every screen, with a colourless variant for `NO_COLOR`.
//!
//! Without colour, meaning is carried by bold, reverse, underline and text
//! markers, so nothing depends on colour alone.

use ratatui::style::{Color, Modifier, Style};

/// The styles the screens use, by meaning rather than by colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub base: Style,
    pub title: Style,
    pub dim: Style,
    pub selected: Style,
    pub focus_border: Style,
    pub border: Style,
    pub key: Style,
    pub warn: Style,
    pub error: Style,
    pub ok: Style,
    pub private: Style,
    pub highlight: Style,
    pub current: Style,
    pub previous: Style,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Self::plain()
        } else {
            Self::colored()
        }
    }

    pub fn colored() -> Self {
        Self {
            color: true,
            base: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            focus_border: Style::new().fg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            key: Style::new().add_modifier(Modifier::BOLD).fg(Color::Yellow),
            warn: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green),
            private: Style::new().fg(Color::Magenta),
            highlight: Style::new().fg(Color::Black).bg(Color::Yellow),
            current: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            previous: Style::new().fg(Color::DarkGray),
        }
    }

    pub fn plain() -> Self {
        let none = Style::new();
        Self {
            color: false,
            base: none,
            title: none.add_modifier(Modifier::BOLD),
            dim: none,
            selected: none.add_modifier(Modifier::REVERSED),
            focus_border: none.add_modifier(Modifier::BOLD),
            border: none,
            key: none.add_modifier(Modifier::BOLD),
            warn: none.add_modifier(Modifier::BOLD),
            error: none.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ok: none,
            private: none.add_modifier(Modifier::ITALIC),
            highlight: none.add_modifier(Modifier::REVERSED),
            current: none.add_modifier(Modifier::BOLD),
            previous: none,
        }
    }
}
