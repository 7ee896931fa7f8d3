//! Exports: one session, a coachee's sessions or everything, read from the
//! store a session at a time (`source`) and written as Markdown, HTML,
//! JSON, CSV or iCalendar as they are read, so an export of any size holds
//! one session in memory. Markdown and HTML (and the TUI) render each
//! session from one document (`doc`), so they hold the same words.
//!
//! Private notes are removed while reading each session, before any format
//! sees it, so no renderer can leak them by mistake. Files are written
//! atomically and private to the user (`write_atomic`, `write_atomic_with`).

pub mod csv;
pub mod doc;
pub mod html;
pub mod ics;
pub mod import;
mod import_check;
mod import_read;
pub mod json;
mod json_path;
mod json_scan;
pub mod json_topics;
pub mod md;
pub mod source;
pub(crate) mod svg;

pub use source::{Source, Stream};

use crate::model::SessionId;
use std::collections::BTreeMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use time::OffsetDateTime;

use crate::model::{ActionId, ActionReview, Coachee, SessionRecord};
use crate::names::{self, Found, How};
use crate::store::Store;

/// The formats `innerceo export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark), for email or a wiki
    Md,
    /// One self-contained HTML page, to read on screen or print
    Html,
    /// Everything, versioned (innerceo/1): backup, `innerceo import`, scripts
    Json,
    /// The actions, for a spreadsheet
    Csv,
    /// Open actions with a due date and planned sessions, for a calendar
    Ics,
}

/// Which sessions to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// One session: a full id or a unique prefix.
    Session(String),
    /// Every session of the coachee with this name (or id).
    Coachee(String),
    /// Every coachee and session.
    All,
}

/// What an export holds, gathered from the store, private notes already
/// removed unless `include_private`.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// When the export was made (JSON `exported_at`, iCalendar `DTSTAMP`).
    pub exported_at: OffsetDateTime,
    pub include_private: bool,
    /// The coachees concerned, sorted by name.
    pub coachees: Vec<Coachee>,
    /// Sessions grouped by coachee (in `coachees` order), oldest first.
    pub sessions: Vec<Item>,
    /// Topics for next time of these coachees (of this session, for one),
    /// private ones only when `include_private`.
    pub topics: Vec<json_topics::JsonTopic>,
    /// Goals of these coachees (set or updated in this session, for one).
    pub goals: Vec<json_topics::JsonGoal>,
}

/// One exported session with what its rendering needs from other sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub record: SessionRecord,
    /// The coachee's last session before this one that has scores: the
    /// baseline for "change since last session" and the dashed radar.
    pub previous: Option<Previous>,
    /// Every review of each action agreed in this session, by action id,
    /// including status changes made from the actions board.
    pub history: BTreeMap<ActionId, Vec<ActionReview>>,
    /// What the coachee prepared for this session, if they sent it.
    pub prep: Option<crate::prep::Prep>,
}

/// The scores of an earlier session.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    pub session_id: SessionId,
    pub started_at: OffsetDateTime,
    /// Score per rating item id.
    pub scores: BTreeMap<String, i64>,
}

/// Reads what `scope` covers from the store, into memory: for one
/// session or a small export. `Stream` writes a large one without
/// holding it.
pub fn collect(
    store: &Store,
    scope: &Scope,
    include_private: bool,
    exported_at: OffsetDateTime,
) -> Result<Export> {
    store.in_snapshot(|| Stream::new(store, scope, include_private, exported_at)?.collect())
}

/// What an export wrote, in each format's own terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub sessions: usize,
    pub actions: usize,
    /// iCalendar to-dos: open actions with a due date.
    pub todos: usize,
    /// iCalendar events: planned next sessions.
    pub events: usize,
}

impl Written {
    /// Counts one session as it is written.
    pub fn add(&mut self, item: &Item) {
        let r = &item.record;
        self.sessions += 1;
        self.actions += r.actions.len();
        self.todos += r
            .actions
            .iter()
            .filter(|a| ics::todo_due(a).is_some())
            .count();
        self.events += usize::from(r.session.next_session.is_some());
    }
}

/// The coachee a typed name or id means: the name in full (ignoring case
/// and accents) or its unique start (see `names::find`); else an error that
/// lists the candidates or suggests the closest names.
pub fn find_coachee(store: &Store, name: &str) -> Result<Coachee> {
    Ok(find_coachee_as(store, name)?.0)
}

/// Like `find_coachee`, also saying whether the name was typed in full.
pub fn find_coachee_as(store: &Store, name: &str) -> Result<(Coachee, How)> {
    // The id, or the name exactly (an active coachee before an archived
    // one of the same name), before any looser rule.
    if let Some(c) = store.find_coachee(name)? {
        return Ok((c, How::Whole));
    }
    let all = store.all_coachees()?;
    // Candidates in the order of `coachee list`, archived ones marked.
    let shown = |cs: &[&Coachee]| -> Vec<String> {
        let mut cs = cs.to_vec();
        cs.sort_by_key(|c| (c.archived, names::fold(&c.name)));
        cs.iter()
            .map(|c| {
                if c.archived {
                    format!("{} (archived)", c.name)
                } else {
                    c.name.clone()
                }
            })
            .collect()
    };
    let typed = name.trim();
    match names::find(name, &all, |c| &c.name) {
        Found::One(c, how) => Ok((c.clone(), how)),
        Found::Ambiguous(cs) => bail!(
            "\"{typed}\" matches {} coachees: {}; type more of the name",
            cs.len(),
            shown(&cs).join(", ")
        ),
        Found::Unknown(cs) if cs.is_empty() => {
            bail!("no coachee named \"{typed}\": see the names with `innerceo coachee list`")
        }
        Found::Unknown(cs) => bail!(
            "no coachee named \"{typed}\": did you mean {}?",
            names::or_list(&shown(&cs))
        ),
    }
}

/// The scores of the last session before `record` that has any.
pub fn previous_scores(
    points: &[crate::model::ScorePoint],
    record: &SessionRecord,
) -> Option<Previous> {
    let s = &record.session;
    // Strictly earlier: two sessions started at the same minute are not
    // compared with each other (their ids are random, so an order between
    // them would change from one run to the next).
    let earlier = |p: &&crate::model::ScorePoint| p.started_at < s.started_at;
    let last = points
        .iter()
        .filter(earlier)
        .max_by_key(|p| (p.started_at, &p.session_id))?;
    let scores = points
        .iter()
        .filter(|p| p.session_id == last.session_id)
        .map(|p| (p.item_id.clone(), p.score))
        .collect();
    Some(Previous {
        session_id: last.session_id.clone(),
        started_at: last.started_at,
        scores,
    })
}

/// One session in one format, as the app exports or copies it.
pub fn one_session(
    store: &Store,
    session_id: &SessionId,
    format: Format,
    include_private: bool,
    now: OffsetDateTime,
) -> Result<Vec<u8>> {
    let e = collect(
        store,
        &Scope::Session(session_id.to_string()),
        include_private,
        now,
    )?;
    render(&e, format)
}

/// Renders an export held in memory in one format.
pub fn render(export: &Export, format: Format) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write(export, format, &mut out)?;
    Ok(out)
}

/// Writes an export in one format as its sessions are read.
pub fn write(src: &dyn Source, format: Format, out: &mut dyn Write) -> Result<Written> {
    match format {
        // Documents for people: control characters in user text are
        // dropped, so opening the file in a terminal or a browser is safe.
        Format::Md => md::write(src, out, crate::controls::strip),
        Format::Html => html::write(src, out),
        Format::Json => json::write(src, out),
        Format::Csv => csv::write(src, out),
        Format::Ics => ics::write(src, out),
    }
}

/// Writes `bytes` to `path` so that the file is either the old one or the
/// whole new one, never half-written, and readable by the user only (0600).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |out| Ok(out.write_all(bytes)?))
}

/// Writes what `fill` writes to `path`, through a buffer, so that the file
/// is either the old one or the whole new one, never half-written, and
/// readable by the user only (0600): a temporary file in the same folder,
/// flushed to disk, then renamed. When `fill` fails, the temporary file is
/// removed and `path` is left as it was.
pub fn write_atomic_with<T>(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!(
            "the folder {} does not exist: create it first, or write somewhere else with -o",
            dir.display()
        );
    }
    if path.is_dir() {
        bail!("{} is a folder: give a file name with -o", path.display());
    }
    // tempfile creates the file 0600 on Unix, so the content is never
    // readable by others, not even before the rename.
    let tmp = tempfile::Builder::new()
        .prefix(".innerceo-export")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut out = BufWriter::with_capacity(1 << 16, tmp);
    let value = fill(&mut out)?;
    let tmp = out
        .into_inner()
        .map_err(|e| anyhow!("cannot write {}: {}", path.display(), e.error()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| anyhow!("cannot write {}: {}", path.display(), e.error))?;
    // The rename is durable only once the folder itself is synced.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(value)
}

// ---- helpers shared by the formats ----

/// `2026-11-25`.
pub fn day(t: OffsetDateTime) -> String {
    crate::dates::fmt_date(crate::dates::local_date(t))
}

/// The coach's name from the settings (`coach_name`), set once at start.
static COACH_NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Names the coach for every owner shown from now on.
pub fn set_coach_name(name: &str) {
    let _ = COACH_NAME.set(name.trim().to_owned());
}

/// How an action's owner reads: "coach" with the coach's name when the
/// settings give one ("coach (Sam Rivera)"), "-" when empty, else as given.
pub fn owner(o: &str) -> std::borrow::Cow<'_, str> {
    match (o.trim(), COACH_NAME.get()) {
        ("", _) => "-".into(),
        ("coach", Some(name)) if !name.is_empty() => format!("coach ({name})").into(),
        _ => o.into(),
    }
}

/// The first 8 characters of an id, as `session list` shows them.
pub fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
