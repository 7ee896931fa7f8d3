//! Plain-text tables for command output, aligned by display width.

use unicode_width::UnicodeWidthStr;

/// Renders rows under a header, columns separated by two spaces.
/// Cells are cut to `max` display columns with an ellipsis.
pub fn render(header: &[&str], rows: &[Vec<String>], max: usize) -> String {
    let cut: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| truncate(c, max)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &cut {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.width());
            }
        }
    }
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    for row in std::iter::once(&header).chain(cut.iter()) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < row.len() {
                let w = widths.get(i).copied().unwrap_or(0);
                line.push_str(&" ".repeat(w.saturating_sub(cell.width())));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
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
