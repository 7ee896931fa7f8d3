//! Reading an export file in one pass: serde's streaming deserializer hands
//! each coachee and each session over as soon as it is parsed and checked
//! (`import_check`), so the file is never held whole in memory. Errors name
//! the value by its JSON path, as if the whole text had been parsed: the
//! bytes of the element being read are kept (`Tap`) until the next one
//! starts, which is enough to turn serde's line and column into a path.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read};
use std::rc::Rc;

use anyhow::{Result, anyhow};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use time::OffsetDateTime;

use super::import_check::{self, Seen};
use super::json::{FORMAT, JsonSession};
use crate::model::Coachee;

/// Where the checked content of a file goes.
pub trait Sink {
    fn coachee(&mut self, c: Coachee) -> Result<()>;
    /// The `index`th session of the file, checked.
    fn session(&mut self, index: usize, s: JsonSession) -> Result<()>;
}

/// The file's own facts, besides its coachees and sessions.
pub struct Header {
    pub generator: String,
    pub exported_at: OffsetDateTime,
    pub include_private: bool,
}

/// How much of the file is asked for at a time.
const CHUNK: usize = 1 << 16;

/// Reads, checks and hands over an export file's content, in one pass.
pub fn read(input: impl Read, ids: &mut dyn Seen, sink: &mut dyn Sink) -> Result<Header> {
    let tap = Rc::new(RefCell::new(Tap::default()));
    let reader = TapReader {
        input,
        tap: Rc::clone(&tap),
    };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut state = State {
        tap,
        ids,
        sink,
        coachees: BTreeMap::new(),
        coachees_read: false,
        waiting: Vec::new(),
        format: false,
        object: false,
        key: None,
        element: None,
        failed: None,
        header: (None, None, None),
    };
    let result = de::Deserializer::deserialize_any(&mut de, Top(&mut state)).and_then(|()| de.end());
    if let Some(e) = state.failed.take() {
        return Err(e);
    }
    match result {
        Ok(()) => {}
        Err(e) => return Err(state.explain(&e)),
    }
    if !state.format {
        return Err(not_an_export());
    }
    // Sessions listed before the coachees waited for them.
    state.flush_waiting()?;
    if let (Some(generator), Some(exported_at), Some(include_private)) = state.header {
        Ok(Header {
            generator,
            exported_at,
            include_private,
        })
    } else {
        let missing = match state.header {
            (None, ..) => "generator",
            (_, None, _) => "exported_at",
            _ => "include_private",
        };
        Err(anyhow!(
            "(top level): does not match the {FORMAT} format: missing field `{missing}`"
        ))
    }
}

fn not_an_export() -> anyhow::Error {
    anyhow!(
        "not an innerceo export: it has no \"format\": \"{FORMAT}\" field \
         (make one with `innerceo export --all --format json`)"
    )
}

/// The bytes read since the start of the current element, and where in the
/// file the first of them is.
#[derive(Default)]
struct Tap {
    buf: Vec<u8>,
    /// Next byte to hand to serde.
    pos: usize,
    /// Where the current element starts in `buf` (`None`: keep nothing).
    mark: Option<usize>,
    /// Line (from 0) and byte column of `buf[0]` in the file.
    line: usize,
    column: usize,
}

impl Tap {
    /// Forgets what is before the mark (everything without one), keeping
    /// count of the lines it held, then reads the next chunk.
    fn refill(&mut self, input: &mut impl Read) -> io::Result<()> {
        let keep = self.mark.unwrap_or(self.pos).min(self.pos);
        for &b in &self.buf[..keep] {
            if b == b'\n' {
                self.line += 1;
                self.column = 0;
            } else {
                self.column += 1;
            }
        }
        self.buf.drain(..keep);
        self.pos -= keep;
        if let Some(m) = &mut self.mark {
            *m -= keep;
        }
        let len = self.buf.len();
        self.buf.resize(len + CHUNK, 0);
        let n = loop {
            match input.read(&mut self.buf[len..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                other => break other,
            }
        };
        self.buf.truncate(len + *n.as_ref().unwrap_or(&0));
        n.map(|_| ())
    }

    /// The kept text and the file position (1-based line, 0-based column)
    /// of its first byte.
    fn kept(&self) -> (&[u8], usize, usize) {
        let start = self.mark.unwrap_or(self.pos).min(self.buf.len());
        let (mut line, mut column) = (self.line, self.column);
        for &b in &self.buf[..start] {
            if b == b'\n' {
                line += 1;
                column = 0;
            } else {
                column += 1;
            }
        }
        (&self.buf[start..], line + 1, column)
    }
}

/// What serde reads from: the file through the tap.
struct TapReader<R> {
    input: R,
    tap: Rc<RefCell<Tap>>,
}

impl<R: Read> Read for TapReader<R> {
    #[inline]
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut tap = self.tap.borrow_mut();
        if tap.pos == tap.buf.len() {
            tap.refill(&mut self.input)?;
        }
        let n = out.len().min(tap.buf.len() - tap.pos);
        out[..n].copy_from_slice(&tap.buf[tap.pos..tap.pos + n]);
        tap.pos += n;
        Ok(n)
    }
}

/// Which array an element belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Coachees,
    Sessions,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Coachees => "coachees",
            Kind::Sessions => "sessions",
        }
    }
}

/// Everything the reading knows, shared by the visitors below.
struct State<'a> {
    tap: Rc<RefCell<Tap>>,
    ids: &'a mut dyn Seen,
    sink: &'a mut dyn Sink,
    /// The coachees read so far, with their index.
    coachees: BTreeMap<String, usize>,
    coachees_read: bool,
    /// Sessions that came before the coachees (files are written the other
    /// way round; a hand-made one may not be).
    waiting: Vec<(usize, JsonSession)>,
    /// Whether `"format": "innerceo/1"` was read.
    format: bool,
    /// Whether the top level is an object.
    object: bool,
    /// The top-level member being read.
    key: Option<String>,
    /// The element being read.
    element: Option<(Kind, usize)>,
    /// An error of ours, which serde only saw as "stopped".
    failed: Option<anyhow::Error>,
    header: (Option<String>, Option<OffsetDateTime>, Option<bool>),
}

impl State<'_> {
    /// Turns serde's error into ours: the JSON path of the value, as the
    /// other import errors name it.
    fn explain(&self, e: &serde_json::Error) -> anyhow::Error {
        if e.is_syntax() || e.is_eof() || e.is_io() {
            return anyhow!("not valid JSON: {e}");
        }
        if !self.object {
            return not_an_export();
        }
        let path = match (self.element, &self.key) {
            (Some((kind, i)), _) => {
                let tap = self.tap.borrow();
                let (text, line, column) = tap.kept();
                let text = String::from_utf8_lossy(text);
                // serde's position, made relative to the kept text.
                let rel_line = e.line().saturating_sub(line) + 1;
                let rel_column = if rel_line == 1 {
                    e.column().saturating_sub(column)
                } else {
                    e.column()
                };
                let missing = e.to_string().starts_with("missing field");
                let inner = super::json_path::at(&text, rel_line, rel_column, missing);
                if inner.is_empty() {
                    format!("{}[{i}]", kind.name())
                } else {
                    format!("{}[{i}].{inner}", kind.name())
                }
            }
            (None, Some(key)) => key.clone(),
            (None, None) => "(top level)".to_owned(),
        };
        if !self.format {
            // A file that does not say what it is: that is the problem.
            return not_an_export();
        }
        anyhow!("{path}: does not match the {FORMAT} format: {e}")
    }

    fn coachee(&mut self, i: usize, c: Coachee) -> Result<()> {
        import_check::coachee(i, &c, &mut self.coachees)?;
        self.sink.coachee(c)
    }

    fn session(&mut self, i: usize, s: JsonSession) -> Result<()> {
        if !self.coachees_read {
            self.waiting.push((i, s));
            return Ok(());
        }
        import_check::session_in_file(i, &s, &self.coachees, self.ids)?;
        self.sink.session(i, s)
    }

    fn flush_waiting(&mut self) -> Result<()> {
        self.coachees_read = true;
        for (i, s) in std::mem::take(&mut self.waiting) {
            self.session(i, s)?;
        }
        Ok(())
    }

    /// Keeps an error of ours for `read`, and stops serde.
    fn fail<E: de::Error>(&mut self, e: anyhow::Error) -> E {
        self.failed = Some(e);
        E::custom("the import stopped")
    }
}

/// The top-level object.
struct Top<'s, 'a>(&'s mut State<'a>);

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an innerceo export (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.0;
        state.object = true;
        let mut read: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if read.contains(&key) {
                return Err(de::Error::custom(format!("duplicate field `{key}`")));
            }
            state.key = Some(key.clone());
            match key.as_str() {
                "format" => {
                    let value: serde_json::Value = map.next_value()?;
                    match value.as_str() {
                        Some(FORMAT) => state.format = true,
                        Some(other) => {
                            let e = anyhow!(
                                "the file is in format \"{other}\", which this innerceo cannot read \
                                 (it reads \"{FORMAT}\"); export it again with this version, or upgrade innerceo"
                            );
                            return Err(state.fail(e));
                        }
                        None => return Err(state.fail(not_an_export())),
                    }
                }
                "generator" => state.header.0 = Some(map.next_value()?),
                "exported_at" => state.header.1 = Some(map.next_value::<Stamp>()?.0),
                "include_private" => state.header.2 = Some(map.next_value()?),
                "coachees" => {
                    map.next_value_seed(Array(&mut *state, Kind::Coachees))?;
                    if let Err(e) = state.flush_waiting() {
                        return Err(state.fail(e));
                    }
                }
                "sessions" => map.next_value_seed(Array(&mut *state, Kind::Sessions))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            state.key = None;
            read.push(key);
        }
        for field in ["coachees", "sessions"] {
            if !read.iter().any(|k| k == field) && state.format {
                return Err(de::Error::missing_field(field));
            }
        }
        Ok(())
    }
}

/// `exported_at`, as `Document` reads it.
struct Stamp(OffsetDateTime);

impl<'de> de::Deserialize<'de> for Stamp {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        time::serde::rfc3339::deserialize(d).map(Stamp)
    }
}

/// The `coachees` or `sessions` array, handed over element by element.
struct Array<'s, 'a>(&'s mut State<'a>, Kind);

impl<'de> DeserializeSeed<'de> for Array<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Array<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of {}", self.1.name())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Array(state, kind) = self;
        for i in 0.. {
            {
                // Everything serde has read so far belongs to earlier values.
                let mut tap = state.tap.borrow_mut();
                tap.mark = Some(tap.pos);
            }
            state.element = Some((kind, i));
            let done = match kind {
                Kind::Coachees => match seq.next_element::<Coachee>()? {
                    Some(c) => state.coachee(i, c),
                    None => break,
                },
                Kind::Sessions => match seq.next_element::<JsonSession>()? {
                    Some(s) => state.session(i, s),
                    None => break,
                },
            };
            if let Err(e) = done {
                return Err(state.fail(e));
            }
        }
        state.element = None;
        state.tap.borrow_mut().mark = None;
        if kind == Kind::Coachees {
            state.coachees_read = true;
        }
        Ok(())
    }
}
