//! Reading an export file in one pass, holding one value at a time: the
//! top-level object is walked here (over `json_scan`), each coachee and session is
//! cut out of the stream as it comes and parsed by serde from its own bytes,
//! checked (`import_check`) and handed over. Errors read as if the whole
//! text had been parsed at once: the line and column in the file, and the
//! value's JSON path (`sessions[3].ratings[2].score`).

use crate::model::CoacheeId;
use std::collections::BTreeMap;
use std::io::Read;

use anyhow::{Result, anyhow};
use serde::de::{DeserializeOwned, IgnoredAny};
use time::OffsetDateTime;

use super::import_check::{self, Seen};
use super::json::{FORMAT, JsonSession};
use super::json_scan::Scanner;
use super::json_topics::{JsonGoal, JsonTopic};
use crate::model::Coachee;

/// Where the checked content of a file goes.
pub trait Sink {
    fn coachee(&mut self, c: Coachee) -> Result<()>;
    /// The `index`th session of the file, checked.
    fn session(&mut self, index: usize, s: JsonSession) -> Result<()>;
    /// A topic for next time, once every coachee and session is in.
    fn topic(&mut self, t: JsonTopic) -> Result<()>;
    /// A goal with its updates, once every coachee and session is in.
    fn goal(&mut self, g: JsonGoal) -> Result<()>;
}

/// The file's own facts, besides its coachees and sessions.
pub struct Header {
    pub generator: String,
    pub exported_at: OffsetDateTime,
    pub include_private: bool,
}

/// Reads, checks and hands over an export file's content, in one pass.
pub fn read(input: impl Read, ids: &mut dyn Seen, sink: &mut dyn Sink) -> Result<Header> {
    let mut r = Reader {
        scan: Scanner::new(input),
        ids,
        sink,
        coachees: BTreeMap::new(),
        coachees_read: false,
        waiting: Vec::new(),
        format: false,
        value: Vec::new(),
    };
    r.document()
}

fn not_an_export() -> anyhow::Error {
    anyhow!(
        "not an innerceo export: it has no \"format\": \"{FORMAT}\" field \
         (make one with `innerceo export --all --format json`)"
    )
}

/// The walk over the top-level object.
struct Reader<'a, R> {
    scan: Scanner<R>,
    ids: &'a mut dyn Seen,
    sink: &'a mut dyn Sink,
    /// The coachees read so far, with their index.
    coachees: BTreeMap<CoacheeId, usize>,
    coachees_read: bool,
    /// Sessions that came before the coachees (files are written the other
    /// way round; a hand-made one may not be).
    waiting: Vec<(usize, JsonSession)>,
    /// Whether `"format": "innerceo/1"` was read.
    format: bool,
    /// The bytes of the value being read.
    value: Vec<u8>,
}

impl<R: Read> Reader<'_, R> {
    fn document(&mut self) -> Result<Header> {
        match self.scan.skip_space()? {
            Some(b'{') => self.scan.take(),
            None => return Err(self.scan.error("EOF while parsing a value")),
            Some(_) => {
                // Some other JSON value, or not JSON at all.
                let (line, column) = self.read_value()?;
                let parsed: Result<IgnoredAny, _> = serde_json::from_slice(&self.value);
                return Err(match parsed {
                    Ok(_) => not_an_export(),
                    Err(e) => anyhow!("not valid JSON: {}", at(&e, line, column)),
                });
            }
        }
        let mut header = (None, None, None);
        let mut topics: Vec<JsonTopic> = Vec::new();
        let mut goals: Vec<JsonGoal> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut first = true;
        loop {
            match self.scan.skip_space()? {
                Some(b'}') => {
                    self.scan.take();
                    break;
                }
                Some(b',') if !first => {
                    self.scan.take();
                    self.scan.skip_space()?;
                }
                Some(_) if first => {}
                Some(_) => return Err(self.scan.error("expected `,` or `}`")),
                None => return Err(self.scan.error("EOF while parsing an object")),
            }
            first = false;
            if self.scan.peek()? != Some(b'"') {
                return Err(self.scan.error("key must be a string"));
            }
            let key: String = self.parse("(top level)")?;
            if seen.contains(&key) {
                return Err(self.mismatch(&key, &format!("duplicate field `{key}`")));
            }
            if self.scan.skip_space()? != Some(b':') {
                return Err(self.scan.error("expected `:`"));
            }
            self.scan.take();
            self.scan.skip_space()?;
            match key.as_str() {
                "format" => match self.parse::<serde_json::Value>("format")?.as_str() {
                    Some(FORMAT) => self.format = true,
                    Some(other) => {
                        return Err(anyhow!(
                            "the file is in format \"{other}\", which this innerceo cannot read \
                             (it reads \"{FORMAT}\"); export it again with this version, or upgrade innerceo"
                        ));
                    }
                    None => return Err(not_an_export()),
                },
                "generator" => header.0 = Some(self.parse::<String>(&key)?),
                "exported_at" => header.1 = Some(self.parse::<Stamp>(&key)?.0),
                "include_private" => header.2 = Some(self.parse::<bool>(&key)?),
                "coachees" => {
                    self.array(Kind::Coachees)?;
                    self.coachees_read = true;
                    self.flush_waiting()?;
                }
                "sessions" => self.array(Kind::Sessions)?,
                // A short list, kept until the sessions it names are in.
                "topics" => topics = self.parse::<Vec<JsonTopic>>(&key)?,
                "goals" => goals = self.parse::<Vec<JsonGoal>>(&key)?,
                _ => {
                    self.parse::<IgnoredAny>(&key)?;
                }
            }
            seen.push(key);
        }
        if self.scan.skip_space()?.is_some() {
            return Err(self.scan.error("trailing characters"));
        }
        if !self.format {
            return Err(not_an_export());
        }
        for field in [
            "generator",
            "exported_at",
            "include_private",
            "coachees",
            "sessions",
        ] {
            if !seen.iter().any(|k| k == field) {
                return Err(self.mismatch("(top level)", &format!("missing field `{field}`")));
            }
        }
        self.coachees_read = true;
        self.flush_waiting()?;
        for (i, t) in topics.into_iter().enumerate() {
            if !self.coachees.contains_key(&t.coachee_id) {
                return Err(self.mismatch(
                    &format!("topics[{i}].coachee_id"),
                    &format!("no coachee with the id {} in the file", t.coachee_id),
                ));
            }
            if t.text.trim().is_empty() {
                return Err(self.mismatch(&format!("topics[{i}].text"), "a topic needs its text"));
            }
            self.sink.topic(t)?;
        }
        for (i, g) in goals.into_iter().enumerate() {
            if !self.coachees.contains_key(&g.goal.coachee_id) {
                return Err(self.mismatch(
                    &format!("goals[{i}].goal.coachee_id"),
                    &format!("no coachee with the id {} in the file", g.goal.coachee_id),
                ));
            }
            if g.goal.text.trim().is_empty() {
                return Err(
                    self.mismatch(&format!("goals[{i}].goal.text"), "a goal needs its text")
                );
            }
            if g.goal.target.is_some() && g.goal.center.is_none() {
                return Err(self.mismatch(
                    &format!("goals[{i}].goal.target"),
                    "a target score needs the center it is for",
                ));
            }
            self.sink.goal(g)?;
        }
        match header {
            (Some(generator), Some(exported_at), Some(include_private)) => Ok(Header {
                generator,
                exported_at,
                include_private,
            }),
            _ => Err(not_an_export()),
        }
    }

    /// A value that parses but is not what the format says.
    fn mismatch(&self, path: &str, what: &str) -> anyhow::Error {
        if !self.format {
            // A file that does not say what it is: that is the problem.
            return not_an_export();
        }
        anyhow!(
            "{path}: does not match the {FORMAT} format: {what} at line {} column {}",
            self.scan.line,
            self.scan.column
        )
    }

    /// Cuts out the value that starts here: its bytes in `self.value`, and
    /// the line and column it starts at.
    fn read_value(&mut self) -> Result<(usize, usize)> {
        self.value.clear();
        let (line, column) = (self.scan.line, self.scan.column);
        self.scan.value(&mut self.value)?;
        Ok((line, column))
    }

    /// Reads the value that starts here as a `T`; `path` names it in errors.
    fn parse<T: DeserializeOwned>(&mut self, path: &str) -> Result<T> {
        let (line, column) = self.read_value()?;
        if self.value.is_empty() {
            return Err(match self.scan.peek()? {
                None => self.scan.error("EOF while parsing a value"),
                Some(_) => self.scan.error("expected value"),
            });
        }
        match serde_json::from_slice(&self.value) {
            Ok(v) => Ok(v),
            Err(e) => Err(self.explain(&e, path, line, column)),
        }
    }

    /// serde's error on the value cut out at `line`:`column`, as if it had
    /// parsed the whole file: the file's position, and the JSON path of the
    /// value inside (`path` is the value's own).
    fn explain(
        &self,
        e: &serde_json::Error,
        path: &str,
        line: usize,
        column: usize,
    ) -> anyhow::Error {
        if e.is_syntax() || e.is_eof() || e.is_io() {
            return anyhow!("not valid JSON: {}", at(e, line, column));
        }
        if !self.format {
            return not_an_export();
        }
        let text = String::from_utf8_lossy(&self.value);
        let missing = e.to_string().starts_with("missing field");
        let inner = super::json_path::at(&text, e.line(), e.column(), missing);
        let path = match (path, inner.is_empty()) {
            (p, true) => p.to_owned(),
            ("(top level)", false) => inner,
            (p, false) => format!("{p}.{inner}"),
        };
        anyhow!(
            "{path}: does not match the {FORMAT} format: {}",
            at(e, line, column)
        )
    }

    /// The `coachees` or `sessions` array, element by element.
    fn array(&mut self, kind: Kind) -> Result<()> {
        if self.scan.peek()? != Some(b'[') {
            let name = kind.name();
            self.parse::<Vec<IgnoredAny>>(name)?;
            return Err(self.mismatch(name, "invalid type, expected a sequence"));
        }
        self.scan.take();
        for i in 0.. {
            match self.scan.skip_space()? {
                Some(b']') => {
                    self.scan.take();
                    return Ok(());
                }
                Some(b',') if i > 0 => {
                    self.scan.take();
                    if self.scan.skip_space()? == Some(b']') {
                        return Err(self.scan.error("trailing comma"));
                    }
                }
                Some(_) if i == 0 => {}
                Some(_) => return Err(self.scan.error("expected `,` or `]`")),
                None => return Err(self.scan.error("EOF while parsing a list")),
            }
            let at = format!("{}[{i}]", kind.name());
            match kind {
                Kind::Coachees => {
                    let c: Coachee = self.parse(&at)?;
                    import_check::coachee(i, &c, &mut self.coachees)?;
                    self.sink.coachee(c)?;
                }
                Kind::Sessions => {
                    let s: JsonSession = self.parse(&at)?;
                    self.session(i, s)?;
                }
            }
        }
        Ok(())
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
        for (i, s) in std::mem::take(&mut self.waiting) {
            self.session(i, s)?;
        }
        Ok(())
    }
}

/// serde's message with the position moved from the value's start
/// (`line`:`column` in the file) to the file's.
fn at(e: &serde_json::Error, line: usize, column: usize) -> String {
    let text = e.to_string();
    let what = text
        .rfind(" at line ")
        .map_or(text.as_str(), |i| &text[..i]);
    let (l, c) = (e.line(), e.column());
    let (l, c) = if l <= 1 {
        (line, column + c)
    } else {
        (line + l - 1, c)
    };
    format!("{what} at line {l} column {c}")
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

/// `exported_at`, as `Document` reads it.
struct Stamp(OffsetDateTime);

impl<'de> serde::Deserialize<'de> for Stamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        time::serde::rfc3339::deserialize(d).map(Stamp)
    }
}
