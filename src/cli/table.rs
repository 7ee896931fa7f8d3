//! Plain-text tables for command output, aligned by display width.

use unicode_width::UnicodeWidthStr;

/// Renders rows under a header, columns separated by two spaces.
/// Cells are cut to `max` display columns with an ellipsis.
pub fn render(header: &[&str], rows: &[Vec<String>], max: usize) -> String {
    let mut widths = widths(header);
    for row in rows {
        measure(&mut widths, row, max);
    }
    let mut out = line(
        &header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>(),
        &widths,
        max,
    );
    for row in rows {
        out.push_str(&line(row, &widths, max));
    }
    out
}

/// The header's widths, to start measuring from.
pub fn widths(header: &[&str]) -> Vec<usize> {
    header.iter().map(|h| h.width()).collect()
}

/// Widens `widths` to fit `row` once its cells are cut to `max`: a first
/// pass over rows that are then printed one by one with `line`.
pub fn measure(widths: &mut [usize], row: &[String], max: usize) {
    for (i, cell) in row.iter().enumerate() {
        if let Some(w) = widths.get_mut(i) {
            *w = (*w).max(truncate(cell, max).width());
        }
    }
}

/// One row, its cells cut to `max` and padded to `widths`, with its newline.
pub fn line(row: &[String], widths: &[usize], max: usize) -> String {
    let mut line = String::new();
    for (i, cell) in row.iter().enumerate() {
        let cell = truncate(cell, max);
        if i > 0 {
            line.push_str("  ");
        }
        line.push_str(&cell);
        if i + 1 < row.len() {
            let w = widths.get(i).copied().unwrap_or(0);
            line.push_str(&" ".repeat(w.saturating_sub(cell.width())));
        }
    }
    let mut out = line.trim_end().to_owned();
    out.push('\n');
    out
}

/// Cuts `s` to at most `max` display columns (one line), ending with `…` when cut.
/// Line breaks and tabs become spaces; other control characters are shown
/// as `\x1b` and the like (see `controls`), never sent to the terminal.
pub fn truncate(s: &str, max: usize) -> String {
    let mut one_line = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' => one_line.push(' '),
            c => crate::controls::push_visible(&mut one_line, c),
        }
    }
    if one_line.width() <= max {
        return one_line;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in one_line.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns_by_display_width() {
        let t = render(
            &["NAME", "ROLE"],
            &[
                vec!["Zoë".into(), "CTO".into()],
                vec!["李小龍".into(), "Lead".into()],
            ],
            40,
        );
        assert_eq!(t, "NAME    ROLE\nZoë     CTO\n李小龍  Lead\n");
    }

    #[test]
    fn truncates_long_cells_with_an_ellipsis() {
        assert_eq!(truncate("abcdefgh", 5), "abcd…");
        assert_eq!(truncate("a\nb", 5), "a b");
        assert_eq!(truncate("a\u{1b}[2J", 40), "a\\x1b[2J");
    }
}
