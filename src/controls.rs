//! Control characters in user text (names, answers, notes, guides, imported
//! files): made visible before text reaches a terminal, dropped from
//! Markdown and HTML documents, so no text can move the cursor, clear the
//! screen, retitle the window or ring the bell.
//!
//! Newline and tab are text and stay. Every other control character (C0,
//! DEL, and the C1 range U+0080–U+009F, which some terminals obey like ESC)
//! is shown as `\x` and two hex digits: ESC is `\x1b`, BEL `\x07`, U+009B
//! `\x9b`. JSON output is not touched: it carries text exactly, and JSON
//! escapes what it must.

use std::borrow::Cow;

/// Whether `c` is a control character other than newline and tab.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `s` for a terminal: each unsafe control character replaced by `\xNN`.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Pushes `c`, or its `\xNN` form when it is an unsafe control character.
pub fn push_visible(out: &mut String, c: char) {
    if is_unsafe(c) {
        out.push_str(&format!("\\x{:02x}", u32::from(c)));
    } else {
        out.push(c);
    }
}

/// `s` for a document: unsafe control characters removed.
pub fn strip(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|&c| !is_unsafe(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_or_dropped_text_stays() {
        let hostile = "a\u{1b}[2Jb\u{7}\u{8}\0\u{7f}\u{9b}c\n\td\r";
        assert_eq!(
            escape(hostile),
            "a\\x1b[2Jb\\x07\\x08\\x00\\x7f\\x9bc\n\td\\x0d"
        );
        assert_eq!(strip(hostile), "a[2Jbc\n\td");
        assert!(matches!(escape("Zoë 李"), Cow::Borrowed(_)));
    }
}
