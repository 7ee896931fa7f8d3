//! The bytes of an export file, a chunk at a time: the JSON tokens the
//! import walks by hand, and one value at a time cut out whole for serde.

use std::io::{self, Read};

use anyhow::anyhow;

/// How much of the file is asked for at a time.
const CHUNK: usize = 1 << 16;

/// The file's bytes, a chunk at a time, with the position reached.
pub(super) struct Scanner<R> {
    input: R,
    buf: Vec<u8>,
    pos: usize,
    /// Line (from 1) and bytes already read on it, as serde counts them.
    pub(super) line: usize,
    pub(super) column: usize,
}

impl<R: Read> Scanner<R> {
    pub(super) fn new(input: R) -> Self {
        Scanner {
            input,
            buf: Vec::new(),
            pos: 0,
            line: 1,
            column: 0,
        }
    }

    /// The next byte, without taking it; `None` at the end of the file.
    pub(super) fn peek(&mut self) -> io::Result<Option<u8>> {
        if self.pos == self.buf.len() {
            self.buf.resize(CHUNK, 0);
            let n = loop {
                match self.input.read(&mut self.buf) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    other => break other,
                }
            };
            let n = n?;
            self.buf.truncate(n);
            self.pos = 0;
        }
        Ok(self.buf.get(self.pos).copied())
    }

    pub(super) fn take(&mut self) {
        if self.buf.get(self.pos) == Some(&b'\n') {
            self.line += 1;
            self.column = 0;
        } else {
            self.column += 1;
        }
        self.pos += 1;
    }

    /// Skips white space; the next byte after it.
    pub(super) fn skip_space(&mut self) -> io::Result<Option<u8>> {
        while let Some(b) = self.peek()? {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Ok(Some(b));
            }
            self.take();
        }
        Ok(None)
    }

    /// Appends the bytes of the JSON value that starts here to `out`,
    /// finding its end by its brackets and strings; serde checks the rest.
    /// Stops early at the end of the file (serde then says so).
    pub(super) fn value(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        let Some(first) = self.peek()? else {
            return Ok(());
        };
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        let scalar = !matches!(first, b'{' | b'[' | b'"');
        loop {
            if self.pos == self.buf.len() && self.peek()?.is_none() {
                return Ok(());
            }
            let start = self.pos;
            let mut done = false;
            let mut end = self.buf.len();
            for (i, &b) in self.buf[start..].iter().enumerate() {
                if scalar {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\t' | b'\r') {
                        end = start + i;
                        done = true;
                        break;
                    }
                    continue;
                }
                if b == b'\n' {
                    self.line += 1;
                    self.column = 0;
                } else {
                    self.column += 1;
                }
                if in_string {
                    if escaped {
                        escaped = false;
                    } else if b == b'\\' {
                        escaped = true;
                    } else if b == b'"' {
                        in_string = false;
                        if depth == 0 {
                            end = start + i + 1;
                            done = true;
                            break;
                        }
                    }
                    continue;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            end = start + i + 1;
                            done = true;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            if scalar {
                // Scalars hold no line break.
                self.column += end - start;
            }
            out.extend_from_slice(&self.buf[start..end]);
            self.pos = end;
            if done {
                return Ok(());
            }
        }
    }

    /// A syntax error here, worded as serde words them.
    pub(super) fn error(&self, what: &str) -> anyhow::Error {
        anyhow!(
            "not valid JSON: {what} at line {} column {}",
            self.line,
            self.column + 1
        )
    }
}
