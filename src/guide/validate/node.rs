//! Typed, span-aware access to one TOML table of a guide.
//!
//! Every accessor checks the value's type and, on a problem, returns the byte
//! span of the key or value at fault plus a message saying what to change, so
//! the user is sent to the exact spot in their file.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A problem found in a guide, located by byte span in the source text.
#[derive(Debug)]
pub(crate) struct Problem {
    pub span: Range<usize>,
    pub message: String,
}

pub(crate) type Res<T> = Result<T, Problem>;

pub(crate) fn problem(span: Range<usize>, message: impl Into<String>) -> Problem {
    Problem {
        span,
        message: message.into(),
    }
}

/// One table of the guide (the document, a stage, a prompt...), with a
/// human name such as "stage `clarity`" used in every message about it.
pub(crate) struct Node<'a, 'i> {
    table: &'a DeTable<'i>,
    /// Where the table starts: its `[[header]]`, `{`, or the document start.
    pub span: Range<usize>,
    pub what: String,
}

impl<'a, 'i> Node<'a, 'i> {
    pub fn new(table: &'a DeTable<'i>, span: Range<usize>, what: String) -> Self {
        Self { table, span, what }
    }

    fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    /// Refuses any key not in `allowed`, naming the closest allowed one, since
    /// a typo (`timebx`) would otherwise silently drop the setting.
    pub fn allow(&self, allowed: &[&str]) -> Res<()> {
        let unknown = self
            .table
            .keys()
            .filter(|key| !allowed.contains(&key.get_ref().as_ref()))
            .min_by_key(|key| key.span().start);
        let Some(key) = unknown else {
            return Ok(());
        };
        let name: &str = key.get_ref().as_ref();
        let mut message = format!("unknown field `{name}` in {}", self.what);
        if let Some(close) = closest(name, allowed) {
            message.push_str(&format!(" (did you mean `{close}`?)"));
        }
        message.push_str(&format!(
            "; fields allowed here are {}, so rename or remove `{name}`",
            list(allowed)
        ));
        Err(problem(key.span(), message))
    }

    fn wrong_type(&self, key: &str, value: &Spanned<DeValue<'_>>, expected: &str) -> Problem {
        problem(
            value.span(),
            format!(
                "`{key}` in {} must be {expected}, not a {}",
                self.what,
                value.get_ref().type_str()
            ),
        )
    }

    /// A missing required key: point at the table itself. `fix` completes
    /// "add ...", e.g. "one, e.g. `id = \"intro\"`".
    pub fn missing(&self, key: &str, fix: &str) -> Problem {
        problem(
            self.span.clone(),
            format!("{} has no `{key}`; add {fix}", self.what),
        )
    }

    /// An optional string.
    pub fn string(&self, key: &str) -> Res<Option<(String, Range<usize>)>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        match value.get_ref() {
            DeValue::String(s) => Ok(Some((s.to_string(), value.span()))),
            _ => Err(self.wrong_type(key, value, "text in double quotes")),
        }
    }

    /// A required string with visible content.
    pub fn text(&self, key: &str, example: &str) -> Res<String> {
        let Some((text, span)) = self.string(key)? else {
            return Err(self.missing(key, &format!("one, e.g. `{key} = \"{example}\"`")));
        };
        if text.trim().is_empty() {
            return Err(problem(
                span,
                format!(
                    "`{key}` in {} is empty; write the text to show, e.g. `{key} = \"{example}\"`",
                    self.what
                ),
            ));
        }
        Ok(text)
    }

    /// The table's required `id`, checked for allowed characters.
    pub fn id(&self, example: &str) -> Res<(String, Range<usize>)> {
        let Some((id, span)) = self.string("id")? else {
            return Err(self.missing("id", &format!("one, e.g. `id = \"{example}\"`")));
        };
        check_id(&id, span.clone(), &self.what, example)?;
        Ok((id, span))
    }

    pub fn integer(&self, key: &str) -> Res<Option<(i64, Range<usize>)>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        match value.get_ref() {
            DeValue::Integer(int) => i64::from_str_radix(int.as_str(), int.radix())
                .map(|n| Some((n, value.span())))
                .map_err(|_| {
                    problem(
                        value.span(),
                        format!("`{key}` in {} is too large; use a small number", self.what),
                    )
                }),
            _ => Err(self.wrong_type(key, value, "a whole number")),
        }
    }

    pub fn boolean(&self, key: &str) -> Res<Option<bool>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        match value.get_ref() {
            DeValue::Boolean(b) => Ok(Some(*b)),
            _ => Err(self.wrong_type(key, value, "`true` or `false`")),
        }
    }

    /// An optional sub-table, e.g. `scale = { min = 1, max = 10 }`.
    pub fn table(&self, key: &str, what: String) -> Res<Option<Node<'a, 'i>>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        match value.get_ref() {
            DeValue::Table(table) => Ok(Some(Node::new(table, value.span(), what))),
            _ => Err(self.wrong_type(key, value, "a table")),
        }
    }

    /// An optional list of tables, written as `[[header]]` blocks; returns
    /// the list's span and one node per element (named by `what(index)`).
    pub fn tables(
        &self,
        key: &str,
        header: &str,
        what: impl Fn(usize) -> String,
    ) -> Res<Option<(Range<usize>, Vec<Node<'a, 'i>>)>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        let expected = format!("a list of tables written as `{header}` blocks");
        let DeValue::Array(items) = value.get_ref() else {
            return Err(self.wrong_type(key, value, &expected));
        };
        let mut nodes = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(table) => nodes.push(Node::new(table, item.span(), what(index))),
                _ => return Err(self.wrong_type(key, item, &expected)),
            }
        }
        Ok(Some((value.span(), nodes)))
    }
}

/// Ids end up in the database and in file names of exports, so they are
/// kept to a portable alphabet.
fn check_id(id: &str, span: Range<usize>, what: &str, example: &str) -> Res<()> {
    const MAX_LEN: usize = 64;
    if id.is_empty() {
        return Err(problem(
            span,
            format!("`id` in {what} is empty; give it a short name, e.g. `id = \"{example}\"`"),
        ));
    }
    let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    if !id.chars().all(valid) {
        return Err(problem(
            span,
            format!(
                "`id` \"{id}\" in {what} has characters an id cannot use; use only lowercase \
                 letters a-z, digits, `-` and `_`, e.g. `id = \"{}\"`",
                slug(id, example)
            ),
        ));
    }
    if id.len() > MAX_LEN {
        return Err(problem(
            span,
            format!("`id` in {what} is longer than {MAX_LEN} characters; shorten it"),
        ));
    }
    Ok(())
}

/// A valid id derived from an invalid one, to suggest in the message.
fn slug(id: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in id.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// Tracks ids already used in one namespace (stages of a guide, prompts of
/// a stage...) to refuse duplicates, which would make answers ambiguous.
pub(crate) struct Seen<'t> {
    text: &'t str,
    noun: &'static str,
    place: String,
    first: HashMap<String, usize>,
}

impl<'t> Seen<'t> {
    pub fn new(text: &'t str, noun: &'static str, place: String) -> Self {
        Self {
            text,
            noun,
            place,
            first: HashMap::new(),
        }
    }

    pub fn add(&mut self, id: &str, span: Range<usize>) -> Res<()> {
        if let Some(&offset) = self.first.get(id) {
            let line = line_col(self.text, offset).0;
            return Err(problem(
                span,
                format!(
                    "duplicate {} id `{id}` in {} (first used on line {line}); give each {} its own id",
                    self.noun, self.place, self.noun
                ),
            ));
        }
        self.first.insert(id.to_owned(), span.start);
        Ok(())
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// `a, b and c` for messages.
pub(crate) fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|n| format!("`{n}`")).collect();
            format!("{} and `{last}`", init.join(", "))
        }
    }
}

/// The allowed name nearest to a typo, if it is plausibly the one meant.
pub(crate) fn closest<'n>(name: &str, allowed: &[&'n str]) -> Option<&'n str> {
    allowed
        .iter()
        .map(|candidate| (edit_distance(name, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}
