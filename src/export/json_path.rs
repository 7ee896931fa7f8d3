//! The JSON path (`sessions[3].ratings[2].score`) of a place in a JSON
//! text, so that an import error from serde, which gives only a line and a
//! column, can name the value as the other import errors do.

/// One open container while scanning.
enum Frame {
    /// The key of the member being read, once its name has been read.
    Object(Option<String>),
    Array(usize),
}

/// The path of the value being read at `line`:`column` (1-based, as serde
/// reports them); empty at the top level. `missing_field` leaves out the
/// last member (serde reports a missing field at the closing brace).
pub fn at(text: &str, line: usize, column: usize, missing_field: bool) -> String {
    let offset = offset_of(text, line, column);
    let mut stack: Vec<Frame> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if i >= offset {
            break;
        }
        match c {
            '{' => stack.push(Frame::Object(None)),
            '[' => stack.push(Frame::Array(0)),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            '"' => {
                let mut s = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            if let Some((_, e)) = chars.next() {
                                s.push(e);
                            }
                        }
                        c => s.push(c),
                    }
                }
                // A string right after `{` or `,` in an object is a key.
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = Some(s);
                }
            }
            _ => {}
        }
    }
    if missing_field && let Some(Frame::Object(key)) = stack.last_mut() {
        *key = None;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object(Some(k)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// The byte offset of the character at `line`:`column`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(n) => start += n + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_value_serde_stopped_at() {
        let text = "{\"sessions\": [{\"id\": \"a\"}, {\"id\": \"b\", \"current_stage\": -3}]}";
        let col = text.find("-3").unwrap_or(0) + 2;
        assert_eq!(at(text, 1, col, false), "sessions[1].current_stage");
        let text = "{\"a\": {\"b\": [1,\n2, {\"c\": \"x\\\"y\"}]}}";
        assert_eq!(at(text, 2, 12, false), "a.b[2].c");
        assert_eq!(at(text, 2, 14, true), "a.b[2]");
    }
}
