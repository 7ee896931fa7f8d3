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
        if no_color(&|k| std::env::var(k).ok()) {
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

    /// For a light background: dark colours only, each readable on white
    /// (contrast of 4.5:1 or more, as WCAG asks of body text).
    pub fn light() -> Self {
        let blue = Color::Rgb(0, 70, 140);
        Self {
            color: true,
            base: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD).fg(blue),
            dim: Style::new().fg(Color::Rgb(90, 90, 90)),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            focus_border: Style::new().fg(blue),
            border: Style::new().fg(Color::Rgb(110, 110, 110)),
            key: Style::new()
                .add_modifier(Modifier::BOLD)
                .fg(Color::Rgb(150, 60, 0)),
            warn: Style::new()
                .fg(Color::Rgb(160, 60, 0))
                .add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(Color::Rgb(170, 0, 0))
                .add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Rgb(0, 110, 0)),
            private: Style::new().fg(Color::Rgb(120, 0, 120)),
            highlight: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(255, 225, 110)),
            current: Style::new().fg(blue).add_modifier(Modifier::BOLD),
            previous: Style::new().fg(Color::Rgb(150, 60, 0)),
        }
    }

    /// The terminal's own foreground and background only, with meaning in
    /// bold, underline and reverse: the strongest contrast on any background.
    pub fn high_contrast() -> Self {
        let plain = Self::plain();
        Self {
            color: true,
            dim: Style::new(),
            border: Style::new().add_modifier(Modifier::BOLD),
            focus_border: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            key: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ok: Style::new().add_modifier(Modifier::BOLD),
            previous: Style::new().add_modifier(Modifier::UNDERLINED),
            ..plain
        }
    }

    /// The theme a name asks for. `NO_COLOR` wins over any name; `auto`
    /// reads the terminal's background from `COLORFGBG` ("15;0" is light
    /// text on dark) where the terminal sets it, else stays dark.
    pub fn named(name: crate::config::ThemeName, env: &dyn Fn(&str) -> Option<String>) -> Self {
        Self::resolve(name, env, None)
    }

    /// Like [`Theme::named`], `auto` going first by what the terminal
    /// reported of its background (`reported_light`, see `background`).
    pub fn resolve(
        name: crate::config::ThemeName,
        env: &dyn Fn(&str) -> Option<String>,
        reported_light: Option<bool>,
    ) -> Self {
        use crate::config::ThemeName;
        if no_color(env) {
            return Self::plain();
        }
        match name {
            ThemeName::Dark => Self::colored(),
            ThemeName::Light => Self::light(),
            ThemeName::HighContrast => Self::high_contrast(),
            ThemeName::Auto => match reported_light
                .or_else(|| env("COLORFGBG").as_deref().and_then(background_is_light))
            {
                Some(true) => Self::light(),
                _ => Self::colored(),
            },
        }
    }
}

/// `NO_COLOR` set to anything but empty (no-color.org).
pub fn no_color(env: &dyn Fn(&str) -> Option<String>) -> bool {
    env("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether `COLORFGBG`'s background (its last field, an ANSI colour
/// number) is a light one: 7 (white) or 9-15 except 8 (bright colours).
fn background_is_light(v: &str) -> Option<bool> {
    let bg: u8 = v.rsplit(';').next()?.trim().parse().ok()?;
    Some(bg == 7 || (9..=15).contains(&bg))
}
