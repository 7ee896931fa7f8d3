//! Copying to the system clipboard through the terminal (OSC 52): it works
//! in any terminal that supports it, over SSH too, with no helper program.

use crate::model::SessionId;

/// A session as Markdown, as `innerceo export --format md` writes it, and
/// what to tell the coach about the copy.
pub fn session_markdown(
    store: &crate::store::Store,
    session_id: &SessionId,
    include_private: bool,
    now: time::OffsetDateTime,
) -> anyhow::Result<(String, String)> {
    use crate::export::{self, Format};
    let md = export::one_session(store, session_id, Format::Md, include_private, now)?;
    let text = String::from_utf8(md)?;
    let what = if include_private {
        "with private notes"
    } else {
        "without private notes (share-safe)"
    };
    let message = format!(
        "Copied the session as Markdown ({} lines, {what}) to the clipboard through the terminal",
        text.lines().count()
    );
    Ok((text, message))
}

/// The escape sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend(base64(text.as_bytes()).into_bytes());
    out.push(0x07);
    out
}

/// Standard base64 with padding (RFC 4648), which OSC 52 carries.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_rfc_4648_says() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(osc52("hi"), b"\x1b]52;c;aGk=\x07");
    }
}
