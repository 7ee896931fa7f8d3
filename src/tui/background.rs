//! Asking the terminal for its background colour, for the `auto` theme:
//! the OSC 11 query (`ESC ] 11 ; ? ST`), followed by a Device Attributes
//! query that every terminal answers, so that one which ignores OSC 11 is
//! known at once instead of after a timeout.

use std::time::Duration;

/// How long to wait for a terminal that answers neither query.
pub const WAIT: Duration = Duration::from_millis(250);

/// Whether the background the terminal reports is light; `None` when it
/// does not say (or there is no terminal to ask).
pub fn reported_light() -> Option<bool> {
    let (r, g, b) = query(WAIT)?;
    Some(luminance(r, g, b) > 0.5)
}

/// Relative luminance of a colour given as fractions of full intensity.
fn luminance(r: f64, g: f64, b: f64) -> f64 {
    let lin = |c: f64| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// The colour in an OSC 11 answer, `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` then BEL
/// or ST, with one to four hex digits per channel; as fractions of full.
pub fn parse_answer(bytes: &[u8]) -> Option<(f64, f64, f64)> {
    let text = String::from_utf8_lossy(bytes);
    let start = text.find("]11;")? + 4;
    let rest = &text[start..];
    let end = rest.find(['\u{7}', '\u{1b}']).unwrap_or(rest.len());
    let value = rest[..end].trim();
    let spec = value
        .strip_prefix("rgb:")
        .or_else(|| value.strip_prefix("rgba:"))?;
    let mut parts = spec.split('/');
    let mut channel = || -> Option<f64> {
        let hex = parts.next()?;
        if hex.is_empty() || hex.len() > 4 {
            return None;
        }
        let v = u32::from_str_radix(hex, 16).ok()?;
        let max = (1u32 << (4 * hex.len() as u32)) - 1;
        Some(f64::from(v) / f64::from(max))
    };
    Some((channel()?, channel()?, channel()?))
}

/// Whether `bytes` hold the end of a Device Attributes answer
/// (`ESC [ ? … c`): after it, nothing more is coming.
fn has_attributes(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.find("\u{1b}[?")
        .is_some_and(|i| text[i..].contains('c'))
}

#[cfg(unix)]
fn query(wait: Duration) -> Option<(f64, f64, f64)> {
    use std::io::{Read, Write};
    use std::os::fd::AsRawFd;
    use std::time::Instant;

    use mio::unix::SourceFd;
    use mio::{Events, Interest, Poll, Token};
    use ratatui::crossterm::terminal;

    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    // Raw, so that the answers are not echoed nor held back for a newline.
    let was_raw = terminal::is_raw_mode_enabled().unwrap_or(false);
    if !was_raw {
        terminal::enable_raw_mode().ok()?;
    }
    let answer = (|| {
        tty.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
        tty.flush().ok()?;
        let mut poll = Poll::new().ok()?;
        let fd = tty.as_raw_fd();
        poll.registry()
            .register(&mut SourceFd(&fd), Token(0), Interest::READABLE)
            .ok()?;
        let mut events = Events::with_capacity(4);
        let mut got = Vec::new();
        let deadline = Instant::now() + wait;
        let mut buf = [0u8; 256];
        while !has_attributes(&got) {
            let left = deadline.checked_duration_since(Instant::now())?;
            poll.poll(&mut events, Some(left)).ok()?;
            if events.is_empty() {
                return None;
            }
            match tty.read(&mut buf) {
                Ok(0) | Err(_) => return None,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
        Some(got)
    })();
    if !was_raw {
        let _ = terminal::disable_raw_mode();
    }
    parse_answer(&answer?)
}

/// Elsewhere the terminal is not asked: `COLORFGBG`, else dark.
#[cfg(not(unix))]
fn query(_wait: Duration) -> Option<(f64, f64, f64)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_answers_terminals_give() {
        let white = parse_answer(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c").expect("white");
        assert!(luminance(white.0, white.1, white.2) > 0.99);
        let dark = parse_answer(b"\x1b]11;rgb:1e1e/1e1e/2e2e\x07").expect("dark");
        assert!(luminance(dark.0, dark.1, dark.2) < 0.05);
        // Two digits a channel (some terminals), and rgba.
        assert!(parse_answer(b"\x1b]11;rgb:fd/f6/e3\x07").is_some_and(|(r, _, _)| r > 0.98));
        assert!(parse_answer(b"\x1b]11;rgba:ffff/ffff/ffff/ffff\x1b\\").is_some());
        // No answer to OSC 11, only to the attributes query.
        assert_eq!(parse_answer(b"\x1b[?62;22c"), None);
        assert_eq!(parse_answer(b"\x1b]11;rgb:zz/00/00\x07"), None);
        assert!(has_attributes(b"\x1b]11;rgb:0/0/0\x07\x1b[?1;2c"));
        assert!(!has_attributes(b"\x1b]11;rgb:0/0/0\x07"));
    }
}
