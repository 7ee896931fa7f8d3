//! The status line: the keys that matter now, fitted to the width by
//! dropping the least important ones, never cutting one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::wrap;

/// Hints (key, what it does), most important first; a last "all keys"
/// entry (the help) is kept while anything fits.
#[derive(Debug, Clone)]
pub struct StatusLine {
    pub items: Vec<(String, String)>,
    pub theme: Theme,
}

impl StatusLine {
    /// The line at `width` columns.
    pub fn line(&self, width: usize) -> Line<'static> {
        let items = &self.items;
        let w = |(k, l): &(String, String)| wrap::width(k) + 1 + wrap::width(l);
        let help = items.last().filter(|(_, l)| l == "all keys");
        let body = if help.is_some() {
            &items[..items.len() - 1]
        } else {
            &items[..]
        };
        let mut used = help.map_or(0, |h| w(h) + 2);
        let mut keep = Vec::new();
        for it in body {
            let need = w(it) + if keep.is_empty() { 0 } else { 2 };
            if used + need > width {
                break;
            }
            used += need;
            keep.push(it);
        }
        if let Some(h) = help
            && w(h) <= width
        {
            keep.push(h);
        }
        let mut spans = Vec::new();
        for (k, l) in keep {
            if !spans.is_empty() {
                spans.push(Span::styled("  ", self.theme.dim));
            }
            spans.push(Span::styled(k.clone(), self.theme.key));
            spans.push(Span::raw(format!(" {l}")));
        }
        Line::from(spans)
    }
}

impl Widget for &StatusLine {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.line(usize::from(area.width)).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status() -> StatusLine {
        let item = |k: &str, l: &str| (k.to_owned(), l.to_owned());
        StatusLine {
            items: vec![
                item("Tab", "next"),
                item("Ctrl-n", "next stage"),
                item("Ctrl-q", "quit"),
                item("F1", "all keys"),
            ],
            theme: Theme::plain(),
        }
    }

    #[track_caller]
    fn test_case(width: u16, expected: &str) {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        (&status()).render(buf.area, &mut buf);
        let mut got = buf.clone();
        got.set_style(got.area, ratatui::style::Style::reset());
        let mut want = Buffer::with_lines([expected]);
        want.set_style(want.area, ratatui::style::Style::reset());
        assert_eq!(got, want);
    }

    #[test]
    fn drops_the_least_important_hints_and_keeps_the_help() {
        test_case(
            56,
            "Tab next  Ctrl-n next stage  Ctrl-q quit  F1 all keys   ",
        );
        test_case(50, "Tab next  Ctrl-n next stage  F1 all keys          ");
        test_case(30, "Tab next  F1 all keys         ");
        test_case(12, "F1 all keys ");
        test_case(8, "        ");
    }
}
