//! The coachee's preparation before a session: a form the coach writes as
//! one offline HTML page (`page`), the answers the page saves as a file
//! (format `innerceo-prep/1`), and their import (`import`), checked against
//! the form exactly as it was issued from this database.

pub mod doc;
mod import;
mod page;

use crate::model::CoacheeId;
use crate::model::{ActionId, SessionId};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::guide::{Guide, Scale, StageKind};
use crate::model::{Coachee, new_id};
use crate::store::{ActionFilter, StatusFilter, Store};

pub use import::{Imported, import_file, parse_answers};

/// The answer file's format.
pub const FORMAT: &str = "innerceo-prep/1";
/// How many topics the form offers.
pub const TOPICS: usize = 3;

/// What a form asks, as issued and kept in the database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub form_id: String,
    pub database_id: String,
    pub coachee_id: CoacheeId,
    pub coachee_name: String,
    pub issued_on: Date,
    pub guide_id: String,
    pub scale: Scale,
    pub actions: Vec<FormAction>,
    pub centers: Vec<FormCenter>,
    /// The last session's key insight, as a reminder.
    pub reminder: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormAction {
    pub id: ActionId,
    pub text: String,
    #[serde(default)]
    pub owner: String,
    pub due: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormCenter {
    pub id: String,
    pub label: String,
    pub question: String,
}

/// The coachee's mark on one of their actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    Done,
    InProgress,
    Stuck,
}

impl Mark {
    pub fn label(self) -> &'static str {
        match self {
            Mark::Done => "done",
            Mark::InProgress => "in progress",
            Mark::Stuck => "stuck",
        }
    }
}

/// The answer file, as the page saves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub format: String,
    pub form_id: String,
    pub database_id: String,
    pub coachee_id: CoacheeId,
    /// When the coachee pressed "Save my answers" (as their browser says).
    #[serde(default)]
    pub saved_at: String,
    pub actions: Vec<ActionAnswer>,
    pub centers: Vec<CenterAnswer>,
    pub topics: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionAnswer {
    pub id: ActionId,
    pub mark: Option<Mark>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CenterAnswer {
    pub id: String,
    pub score: Option<i64>,
    #[serde(default)]
    pub note: String,
}

/// A session's preparation, ready to show: the form and what came back.
#[derive(Debug, Clone, PartialEq)]
pub struct Prep {
    pub form: Form,
    pub answers: Answers,
    pub imported_at: OffsetDateTime,
}

impl Prep {
    /// The coachee's mark and note on an action, if they gave either.
    pub fn action(&self, action_id: &ActionId) -> Option<&ActionAnswer> {
        self.answers
            .actions
            .iter()
            .find(|a| a.id == *action_id && (a.mark.is_some() || !a.note.trim().is_empty()))
    }

    /// The coachee's score and note on a center, if they gave either.
    pub fn center(&self, item_id: &str) -> Option<&CenterAnswer> {
        self.answers
            .centers
            .iter()
            .find(|c| c.id == item_id && (c.score.is_some() || !c.note.trim().is_empty()))
    }

    pub fn topics(&self) -> impl Iterator<Item = &str> {
        self.answers
            .topics
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
    }

    /// Whether the coachee answered anything at all.
    pub fn is_empty(&self) -> bool {
        self.answers
            .actions
            .iter()
            .all(|a| self.action(&a.id).is_none())
            && self
                .answers
                .centers
                .iter()
                .all(|c| self.center(&c.id).is_none())
            && self.topics().next().is_none()
    }
}

/// The preparation `session_id` shows, if its coachee sent one.
pub fn for_session(store: &Store, session_id: &SessionId) -> crate::store::Result<Option<Prep>> {
    let Some(row) = store.prep_for_session(session_id)? else {
        return Ok(None);
    };
    let (Some(answers), Some(imported_at)) = (row.answers, row.imported_at) else {
        return Ok(None);
    };
    Ok(Some(Prep {
        form: serde_json::from_str(&row.form)?,
        answers: serde_json::from_str(&answers)?,
        imported_at,
    }))
}

/// The ratings stage a form asks about: the guide's first.
fn ratings_stage(guide: &Guide) -> Option<(Scale, Vec<FormCenter>)> {
    guide.stages.iter().find_map(|s| match &s.kind {
        StageKind::Ratings { scale, items } if !items.is_empty() => Some((
            *scale,
            items
                .iter()
                .map(|i| FormCenter {
                    id: i.id.clone(),
                    label: i.label.clone(),
                    question: i.question.clone(),
                })
                .collect(),
        )),
        _ => None,
    })
}

/// The last finished session's key insight (the close stage's first
/// answer): shared words, never a private note.
fn last_insight(store: &Store, coachee: &Coachee) -> anyhow::Result<Option<String>> {
    let summaries = store.session_summaries(Some(&coachee.id))?;
    let last = summaries
        .iter()
        .find(|s| s.status == crate::model::SessionStatus::Completed);
    Ok(last
        .and_then(|s| s.key_insight.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned))
}

/// A new form for `coachee` and its page; `record` keeps it once the page
/// is written, so that its answers can be imported.
pub fn build(
    store: &Store,
    coachee: &Coachee,
    guide: &Guide,
    now: OffsetDateTime,
) -> anyhow::Result<(Form, String)> {
    let Some((scale, centers)) = ratings_stage(guide) else {
        anyhow::bail!(
            "the guide \"{}\" has no ratings stage to prepare: choose another with --guide \
             (see `innerceo guide list`)",
            guide.id
        );
    };
    let today = crate::dates::local_date(now);
    let actions = store
        .actions(&ActionFilter {
            coachee_id: Some(coachee.id.clone()),
            status: StatusFilter::Open,
            today,
        })?
        .into_iter()
        .map(|r| FormAction {
            id: r.action.id,
            text: r.action.text,
            owner: r.action.owner,
            due: r.action.due,
        })
        .collect();
    let form = Form {
        form_id: new_id(),
        database_id: store.database_id()?,
        coachee_id: coachee.id.clone(),
        coachee_name: coachee.name.clone(),
        issued_on: today,
        guide_id: guide.id.clone(),
        scale,
        actions,
        centers,
        reminder: last_insight(store, coachee)?,
    };
    let html = page::render(&form);
    Ok((form, html))
}

/// Records `form` as issued.
pub fn record(store: &Store, form: &Form, now: OffsetDateTime) -> anyhow::Result<()> {
    store.add_prep_form(
        &form.form_id,
        &form.coachee_id,
        now,
        &serde_json::to_string(form)?,
    )?;
    Ok(())
}

/// `maya-ortiz`, as the page names the file it saves.
pub use crate::names::slug;
