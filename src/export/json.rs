//! The JSON export, format `innerceo/1`: everything needed to rebuild the
//! sessions elsewhere (see `docs/export-format.md`). `innerceo import` reads
//! it back through the same types, so the two cannot drift apart.

use crate::model::{ActionId, CoacheeId, SessionId};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{self, Write as _};

use anyhow::Result;
use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};
use time::{Date, OffsetDateTime};

use super::source::Source;
use super::{Export, Item, Written};
use crate::guide::Guide;
use crate::model::{
    Action, ActionReview, ActionStatus, Answer, Choice, Coachee, Focus, Note, Rating,
    ReviewOutcome, SessionStatus,
};

/// The value of the `format` field this version writes and reads.
pub const FORMAT: &str = "innerceo/1";

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// A whole export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always `innerceo/1` for this layout.
    pub format: String,
    /// The program and version that wrote the file, for support.
    pub generator: String,
    #[serde(with = "time::serde::rfc3339")]
    pub exported_at: OffsetDateTime,
    /// Whether private notes (and coachee notes) were included.
    pub include_private: bool,
    pub coachees: Vec<Coachee>,
    /// Sessions grouped by coachee, oldest first.
    pub sessions: Vec<JsonSession>,
    /// Topics for next time, after the sessions they belong to; left out
    /// when there are none (and absent from older files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<super::json_topics::JsonTopic>,
    /// Goals with their progress, after the topics; left out when there
    /// are none (and absent from older files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<super::json_topics::JsonGoal>,
}

/// One session, with its guide snapshot and everything captured in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonSession {
    pub id: SessionId,
    pub coachee_id: CoacheeId,
    /// The guide as it was when the session ran.
    pub guide: Guide,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub ended_at: Option<OffsetDateTime>,
    pub status: SessionStatus,
    pub current_stage: usize,
    pub current_field: usize,
    /// Seconds spent per stage id.
    pub stage_seconds: BTreeMap<String, i64>,
    pub done_stages: Vec<String>,
    pub focus: Option<Focus>,
    #[serde(with = "iso_date::option")]
    pub next_session: Option<Date>,
    /// When the finished session was last corrected; absent when never
    /// (and in files written before corrections existed).
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub corrected_at: Option<OffsetDateTime>,
    pub answers: Vec<Answer>,
    pub ratings: Vec<Rating>,
    pub choices: Vec<Choice>,
    pub notes: Vec<Note>,
    /// Actions agreed in this session.
    pub actions: Vec<JsonAction>,
    /// Reviews of earlier actions made in this session.
    pub reviews: Vec<JsonReview>,
}

/// An action, with its whole review history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonAction {
    pub id: ActionId,
    /// The session the action was agreed in.
    pub session_id: SessionId,
    pub coachee_id: CoacheeId,
    pub text: String,
    pub owner: String,
    #[serde(with = "iso_date::option")]
    pub due: Option<Date>,
    pub status: ActionStatus,
    #[serde(with = "iso_date::option")]
    pub completed_on: Option<Date>,
    pub link: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Every review of this action, oldest first; entries without a
    /// `session_id` were made from the actions board. Left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ActionReview>,
}

/// A review made in a session, with the action it reviewed (which may come
/// from an earlier session).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonReview {
    pub id: String,
    pub action_id: ActionId,
    pub session_id: Option<SessionId>,
    pub outcome: ReviewOutcome,
    pub note: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub action: JsonAction,
}

impl JsonAction {
    pub fn from_action(a: &Action, history: Vec<ActionReview>) -> Self {
        JsonAction {
            id: a.id.clone(),
            session_id: a.session_id.clone(),
            coachee_id: a.coachee_id.clone(),
            text: a.text.clone(),
            owner: a.owner.clone(),
            due: a.due,
            status: a.status,
            completed_on: a.completed_on,
            link: a.link.as_ref().map(crate::model::ActionLink::to_stored),
            created_at: a.created_at,
            history,
        }
    }

    pub fn to_action(&self) -> Action {
        Action {
            id: self.id.clone(),
            session_id: self.session_id.clone(),
            coachee_id: self.coachee_id.clone(),
            text: self.text.clone(),
            owner: self.owner.clone(),
            due: self.due,
            status: self.status,
            completed_on: self.completed_on,
            // Checked on import (`import_check`): a link that does not parse
            // is refused there with its JSON path.
            link: self
                .link
                .as_deref()
                .and_then(crate::model::ActionLink::parse),
            created_at: self.created_at,
        }
    }
}

impl JsonReview {
    pub fn to_review(&self) -> ActionReview {
        ActionReview {
            id: self.id.clone(),
            action_id: self.action_id.clone(),
            session_id: self.session_id.clone(),
            outcome: self.outcome,
            note: self.note.clone(),
            at: self.at,
        }
    }
}

/// One exported session in the file's terms.
pub fn session(item: &Item) -> JsonSession {
    let r = &item.record;
    let s = &r.session;
    JsonSession {
        id: s.id.clone(),
        coachee_id: s.coachee_id.clone(),
        guide: s.guide.clone(),
        started_at: s.started_at,
        ended_at: s.ended_at,
        status: s.status,
        current_stage: s.current_stage,
        current_field: s.current_field,
        stage_seconds: s.stage_seconds.clone(),
        done_stages: s.done_stages.clone(),
        focus: s.focus,
        next_session: s.next_session,
        corrected_at: s.corrected_at,
        answers: r.answers.clone(),
        ratings: r.ratings.clone(),
        choices: r.choices.clone(),
        notes: r.notes.clone(),
        actions: r
            .actions
            .iter()
            .map(|a| {
                let history = item.history.get(&a.id).cloned().unwrap_or_default();
                JsonAction::from_action(a, history)
            })
            .collect(),
        reviews: r
            .reviews
            .iter()
            .map(|(review, action)| JsonReview {
                id: review.id.clone(),
                action_id: review.action_id.clone(),
                session_id: review.session_id.clone(),
                outcome: review.outcome,
                note: review.note.clone(),
                at: review.at,
                // The reviewed action's history lives with the
                // session that agreed it; here it would be a copy.
                action: JsonAction::from_action(action, Vec::new()),
            })
            .collect(),
    }
}

/// The program and version that writes a file.
fn generator() -> String {
    format!("innerceo {}", env!("CARGO_PKG_VERSION"))
}

/// Builds the document of an export held in memory.
pub fn document(export: &Export) -> Document {
    Document {
        format: FORMAT.to_owned(),
        generator: generator(),
        exported_at: export.exported_at,
        include_private: export.include_private,
        coachees: export.coachees.clone(),
        sessions: export.sessions.iter().map(session).collect(),
        topics: export.topics.clone(),
        goals: export.goals.clone(),
    }
}

/// The export as pretty-printed JSON, ending with a newline.
pub fn render(export: &Export) -> Result<String> {
    let mut out = Vec::new();
    write(export, &mut out)?;
    Ok(String::from_utf8(out)?)
}

/// Writes the export as pretty-printed JSON ending with a newline, the
/// same bytes as serialising a whole [`Document`], but one session at a
/// time: serde's serializer writes each as it comes from the source.
pub fn write(src: &dyn Source, out: &mut dyn io::Write) -> Result<Written> {
    let stream = Streamed {
        src,
        written: RefCell::new(Written::default()),
        failed: RefCell::new(None),
    };
    // The serializer writes in small pieces: a buffer it knows the type of
    // takes them without a call through `dyn` each.
    let mut buf = io::BufWriter::with_capacity(1 << 16, out);
    let mut ser = serde_json::Serializer::pretty(&mut buf);
    if let Err(e) = stream.serialize(&mut ser) {
        // An error from the store (or the output) is the one to report; the
        // serializer only saw that the export stopped.
        return Err(stream.failed.take().unwrap_or_else(|| e.into()));
    }
    buf.write_all(b"\n")?;
    buf.flush()?;
    Ok(stream.written.into_inner())
}

/// A [`Document`] whose sessions are read while it is written.
struct Streamed<'a> {
    src: &'a dyn Source,
    written: RefCell<Written>,
    failed: RefCell<Option<anyhow::Error>>,
}

impl Serialize for Streamed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        // The fields of `Document`, in its order.
        let mut doc = serializer.serialize_struct("Document", 6)?;
        doc.serialize_field("format", FORMAT)?;
        doc.serialize_field("generator", &generator())?;
        doc.serialize_field("exported_at", &Rfc3339(self.src.exported_at()))?;
        doc.serialize_field("include_private", &self.src.include_private())?;
        doc.serialize_field("coachees", self.src.coachees())?;
        doc.serialize_field("sessions", &Sessions(self))?;
        // Read after the sessions, as `Document` has them: a short list.
        let topics = match self.src.topics() {
            Ok(t) => t,
            Err(e) => {
                let message = e.to_string();
                self.failed.replace(Some(e));
                return Err(serde::ser::Error::custom(message));
            }
        };
        if !topics.is_empty() {
            doc.serialize_field("topics", &topics)?;
        }
        let goals = match self.src.goals() {
            Ok(g) => g,
            Err(e) => {
                let message = e.to_string();
                self.failed.replace(Some(e));
                return Err(serde::ser::Error::custom(message));
            }
        };
        if !goals.is_empty() {
            doc.serialize_field("goals", &goals)?;
        }
        doc.end()
    }
}

/// `OffsetDateTime` as `Document.exported_at` writes it.
struct Rfc3339(OffsetDateTime);

impl Serialize for Rfc3339 {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        time::serde::rfc3339::serialize(&self.0, serializer)
    }
}

/// The `sessions` array, each element serialised as soon as it is read.
struct Sessions<'a>(&'a Streamed<'a>);

impl Serialize for Sessions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let stream = self.0;
        // No length up front: the serializer writes the same bytes.
        let mut seq = serializer.serialize_seq(None)?;
        let mut write_error = None;
        let result = stream.src.each_item(&mut |item| {
            stream.written.borrow_mut().add(item);
            seq.serialize_element(&session(item)).map_err(|e| {
                write_error = Some(e);
                anyhow::anyhow!("the export stopped")
            })
        });
        if let Err(e) = result {
            if let Some(e) = write_error {
                return Err(e);
            }
            *stream.failed.borrow_mut() = Some(e);
            return Err(S::Error::custom("the export stopped"));
        }
        seq.end()
    }
}
