//! Word wrapping by display width, shared by every screen that must never cut a word.
//!
//! Screens wrap text themselves (rather than leaving it to `Paragraph`) so
//! that they know how many rows each piece takes: that is what lets the
//! session card scroll the focused element into view and put the cursor
//! where the text is.

use unicode_width::UnicodeWidthChar;

/// One visual row of a logical line: chars `start..end` (char indices).
/// Rows are contiguous: the space a line breaks at stays at the end of the
/// row before, so a cursor position always falls in exactly one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

fn width_of(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The rows `line` takes at `width` columns: breaks after spaces, and
/// inside a word only when the word alone is wider than a row.
pub fn rows(line: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut col = 0;
        let mut i = start;
        // The last place a break can go: just after a space.
        let mut last_break = None;
        while i < chars.len() {
            let w = width_of(chars[i]);
            if chars[i] == ' ' {
                // Spaces may hang past the edge; they are never drawn there.
                col += w;
                i += 1;
                last_break = Some(i);
                continue;
            }
            if col + w > width {
                break;
            }
            col += w;
            i += 1;
        }
        if i >= chars.len() {
            out.push(Row {
                start,
                end: chars.len(),
            });
            break;
        }
        let end = match last_break {
            Some(b) if b > start => b,
            // One word wider than the row: cut it by glyph (never an empty row).
            _ => i.max(start + 1),
        };
        out.push(Row { start, end });
        start = end;
    }
    if out.is_empty() {
        out.push(Row { start: 0, end: 0 });
    }
    out
}

/// `text` (which may hold newlines) wrapped at `width`, trailing spaces of
/// each row dropped.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let chars: Vec<char> = line.chars().collect();
        for r in rows(line, width) {
            let s: String = chars[r.start..r.end].iter().collect();
            out.push(s.trim_end().to_owned());
        }
    }
    out
}

/// Pasted text with every line end as `\n`: terminals send CRLF or a lone
/// CR, and either must make one line break, not two.
pub fn line_ends(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The display width of `s`.
pub fn width(s: &str) -> usize {
    s.chars().map(width_of).sum()
}

/// `s` cut to `max` columns with `…` when it does not fit: for table
/// cells, whose full text is shown elsewhere (a detail line).
pub fn ellipsis(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        let w = width_of(c);
        if col + w + 1 > max {
            break;
        }
        out.push(c);
        col += w;
    }
    let trimmed = out.trim_end().to_owned();
    format!("{trimmed}…")
}

/// Where a cursor at char `col` of logical line `line` lands among the
/// wrapped rows of `lines`: (visual row, column).
pub fn cursor_at(lines: &[String], width: usize, line: usize, col: usize) -> (usize, usize) {
    let mut row = 0;
    for (i, l) in lines.iter().enumerate() {
        let rs = rows(l, width);
        if i == line {
            let chars: Vec<char> = l.chars().collect();
            let idx = rs.iter().rposition(|r| r.start <= col).unwrap_or_default();
            let r = rs[idx];
            let c: usize = chars[r.start..col.min(chars.len())]
                .iter()
                .map(|c| width_of(*c))
                .sum();
            return (row + idx, c);
        }
        row += rs.len();
    }
    (row, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_never_cut_when_they_fit_a_row() {
        assert_eq!(
            wrap("keep going until it is simpler", 12),
            vec!["keep going", "until it is", "simpler"]
        );
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("a\nb c", 10), vec!["a", "b c"]);
    }

    #[test]
    fn a_word_wider_than_the_row_is_cut_by_glyph() {
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("日本語です", 4), vec!["日本", "語で", "す"]);
    }

    #[test]
    fn every_char_belongs_to_one_row() {
        let s = "one two  three   four five six seven";
        for w in 1..20 {
            let rs = rows(s, w);
            assert_eq!(rs[0].start, 0);
            for pair in rs.windows(2) {
                assert_eq!(pair[0].end, pair[1].start, "width {w}");
            }
            assert_eq!(rs.last().map(|r| r.end), Some(s.chars().count()));
        }
    }

    #[test]
    fn the_cursor_follows_the_wrap() {
        let lines = vec!["hello world".to_owned(), "x".to_owned()];
        assert_eq!(cursor_at(&lines, 8, 0, 0), (0, 0));
        assert_eq!(cursor_at(&lines, 8, 0, 6), (1, 0));
        assert_eq!(cursor_at(&lines, 8, 0, 11), (1, 5));
        assert_eq!(cursor_at(&lines, 8, 1, 1), (2, 1));
    }

    #[test]
    fn ellipsis_marks_a_cut() {
        assert_eq!(ellipsis("Head of Product", 20), "Head of Product");
        assert_eq!(ellipsis("Head of Product", 8), "Head of…");
    }
}
