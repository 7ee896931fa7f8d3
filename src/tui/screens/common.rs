//! Pieces shared by screens: the title bar, blocks, centred popups.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use crate::tui::theme::Theme;

/// What every screen's drawing reads besides its own state: the theme and
/// the shared switches, never the whole `App`.
#[derive(Debug, Clone, Copy)]
pub struct Ui<'a> {
    pub theme: Theme,
    pub share_safe: bool,
    pub today: time::Date,
    /// The database file, shown where a new user needs to know it.
    pub db_label: &'a str,
    /// The command that fills this database with sample data.
    pub demo_command: &'a str,
}

/// The top bar: app name, where we are, and the share-safe badge.
pub fn title_bar(
    app: &Ui<'_>,
    frame: &mut Frame,
    area: Rect,
    place: &str,
    right: Vec<Span<'static>>,
) {
    title_bar_in(&app.theme, app.share_safe, frame, area, place, right);
}

/// [`title_bar`] for screens drawn from their own view.
pub fn title_bar_in(
    theme: &Theme,
    share_safe: bool,
    frame: &mut Frame,
    area: Rect,
    place: &str,
    right: Vec<Span<'static>>,
) {
    let mut left = vec![
        Span::styled(" innerceo ", theme.title),
        Span::styled("· ", theme.dim),
        Span::raw(place.to_owned()),
    ];
    if share_safe {
        left.push(Span::raw("  "));
        left.push(Span::styled("[SHARE-SAFE]", theme.warn));
    }
    frame.render_widget(Paragraph::new(Line::from(left)), area);
    if !right.is_empty() {
        frame.render_widget(Paragraph::new(Line::from(right)).right_aligned(), area);
    }
}

/// The right-hand text of the title bar, dimmed, or nothing when it would
/// overlap the left part (app name, `place`, share-safe badge).
pub fn if_room(app: &Ui<'_>, area: Rect, place: &str, right: String) -> Vec<Span<'static>> {
    let badge = if app.share_safe { 38 } else { 0 };
    let left = 12 + place.chars().count() + badge;
    if left + right.chars().count() + 3 > usize::from(area.width) {
        return vec![];
    }
    vec![Span::styled(right, app.theme.dim)]
}

/// A bordered block, highlighted when it has the focus.
pub fn block<'a>(app: &Ui<'_>, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    block_with(&app.theme, title, focused)
}

/// [`block`] for screens drawn before the app exists (the unlock screen).
pub fn block_with<'a>(theme: &Theme, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.focus_border
        } else {
            theme.border
        })
        .title(title)
}

/// The width of each column a `Table` of `widths` gets inside `inner_width`
/// columns, with a highlight symbol `symbol` columns wide: the same layout
/// `Table` makes (spacing 1, packed at the start), so cells can be fitted
/// with `…` before the table would cut them.
pub fn column_widths(inner_width: u16, widths: &[Constraint], symbol: u16) -> Vec<usize> {
    let area = Rect::new(0, 0, inner_width.saturating_sub(symbol), 1);
    Layout::horizontal(widths.to_vec())
        .flex(Flex::Start)
        .spacing(1)
        .split(area)
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// `text` fitted to column `i` of `cols` (cut with `…` when too long).
pub fn fit(text: &str, cols: &[usize], i: usize) -> String {
    crate::tui::wrap::ellipsis(text, cols.get(i).copied().unwrap_or(usize::MAX))
}

/// A list selection moved by an up/down/top/bottom command, kept in `0..n`.
pub fn moved(selected: usize, n: usize, cmd: crate::tui::keymap::Cmd) -> usize {
    let last = n.saturating_sub(1);
    match cmd {
        crate::tui::keymap::Cmd::Up => selected.saturating_sub(1),
        crate::tui::keymap::Cmd::Down => (selected + 1).min(last),
        crate::tui::keymap::Cmd::Top => 0,
        crate::tui::keymap::Cmd::Bottom => last,
        _ => selected.min(last),
    }
}

/// A rectangle of at most `w`x`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// A label short enough to sit at the end of a radar axis.
pub fn short_label(label: &str) -> String {
    let l = label.strip_prefix("Self-").unwrap_or(label);
    let word = l.split_whitespace().next().unwrap_or(l);
    let mut s: String = word.to_owned();
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s
}

/// The furthest line a scrolled document can start at and still fill a
/// box of `rows` rows, `width` wide: past it, `End` would leave the last
/// line alone at the top over blank rows.
pub fn last_start(lines: &[Line<'static>], width: u16, rows: u16) -> usize {
    let mut used = 0;
    let mut start = lines.len();
    while let Some(line) = start.checked_sub(1).and_then(|i| lines.get(i)) {
        let n =
            ratatui::widgets::Paragraph::new(hang_indent(vec![line.clone()], usize::from(width)))
                .wrap(ratatui::widgets::Wrap { trim: false })
                .line_count(width);
        if used + n > usize::from(rows) {
            break;
        }
        used += n;
        start -= 1;
    }
    start.min(lines.len().saturating_sub(1))
}

/// Wraps one-span lines at `width` so that continuation lines keep the
/// line's indent (answers under their question stay indented). Lines with
/// several styles are left for the paragraph to wrap.
pub fn hang_indent(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let [span] = line.spans.as_slice() else {
            out.push(line);
            continue;
        };
        let text = span.content.to_string();
        if width < 8 || text.width() <= width {
            out.push(line);
            continue;
        }
        let indent: String = text.chars().take_while(|c| *c == ' ').collect();
        let mut current = String::new();
        for word in text.trim_start().split(' ') {
            let lead = if current.is_empty() {
                indent.as_str()
            } else {
                " "
            };
            if !current.is_empty() && current.width() + 1 + word.width() > width {
                out.push(Line::styled(std::mem::take(&mut current), span.style).style(line.style));
                current.push_str(&indent);
                current.push_str(word);
                continue;
            }
            current.push_str(lead);
            current.push_str(word);
        }
        if !current.trim().is_empty() {
            out.push(Line::styled(current, span.style).style(line.style));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_answers_keep_their_indent() {
        let lines = vec![
            Line::from("    one two three four five six"),
            Line::from("short"),
        ];
        let out: Vec<String> = hang_indent(lines, 16)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.to_string()).collect())
            .collect();
        assert_eq!(
            out,
            vec!["    one two", "    three four", "    five six", "short"]
        );
    }
}
