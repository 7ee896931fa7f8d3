//! Importing a coachee's answers: the file must answer a form this database
//! issued, for the coachee it was issued to, within what the form asked
//! (its actions, its centers, its scale); anything else is refused with
//! what is wrong and nothing written. Importing the same answers twice
//! changes nothing.

use std::path::Path;

use anyhow::{Context, Result, bail};
use time::OffsetDateTime;

use super::{Answers, FORMAT, Form, TOPICS};
use crate::store::Store;

/// Larger than any form a person fills in.
const MAX_BYTES: u64 = 1 << 20;
const MAX_TEXT: usize = 10_000;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// New answers, for this coachee.
    New { coachee: String },
    /// These answers replaced earlier ones to the same form.
    Replaced { coachee: String },
    /// Exactly these answers were already there.
    Unchanged { coachee: String },
}

impl Imported {
    /// What the coach is told.
    pub fn message(&self) -> String {
        match self {
            Imported::New { coachee } => {
                format!("Imported {coachee}'s preparation: their next session shows it")
            }
            Imported::Replaced { coachee } => format!(
                "Imported {coachee}'s preparation again: the newer answers replace the earlier ones"
            ),
            Imported::Unchanged { coachee } => {
                format!("{coachee}'s preparation was already imported: nothing changed")
            }
        }
    }
}

/// Reads and checks an answer file's JSON, before any form is looked up.
pub fn parse_answers(text: &str) -> Result<Answers> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            anyhow::anyhow!(
                "the file ends too early (line {}): it was cut short; ask for it again",
                e.line()
            )
        } else {
            anyhow::anyhow!("this is not a preparation file ({e})")
        }
    })?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) if other.starts_with("innerceo-prep/") => bail!(
            "this file is in format {other}, made by a newer innerceo: update innerceo to import it"
        ),
        Some(other) if other.starts_with("innerceo/") => bail!(
            "this is an export of sessions ({other}), not a preparation: import it with `innerceo import`"
        ),
        _ => bail!(
            "this is not a preparation file: it has no \"format\": \"{FORMAT}\" (the file the \
             preparation page saves with \"Save my answers\")"
        ),
    }
    serde_json::from_value(value).context("this preparation file is damaged")
}

/// Keeps only line breaks and tabs of the control characters: text from a
/// browser is shown later in a terminal.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .replace("\r\n", "\n")
}

/// Checks the answers against the form they claim to answer; returns them
/// cleaned.
fn check(mut a: Answers, form: &Form) -> Result<Answers> {
    if a.coachee_id != form.coachee_id {
        bail!(
            "this file says it is for another coachee, but its form was issued to {}: \
             it was changed after it was saved; ask {} for the file again",
            form.coachee_name,
            form.coachee_name
        );
    }
    for x in &a.actions {
        if !form.actions.iter().any(|f| f.id == x.id) {
            bail!(
                "the file answers an action its form did not ask about (id {})",
                x.id
            );
        }
    }
    let (min, max) = (form.scale.min, form.scale.max);
    for c in &a.centers {
        let Some(center) = form.centers.iter().find(|f| f.id == c.id) else {
            bail!(
                "the file scores a center its form did not ask about (\"{}\")",
                c.id
            );
        };
        if let Some(s) = c.score
            && !(min..=max).contains(&s)
        {
            bail!(
                "{}: the score {s} is outside the form's scale of {min} to {max}: \
                 the file was changed after it was saved",
                center.label
            );
        }
    }
    if a.topics.len() > TOPICS {
        bail!(
            "the file has {} topics, but the form offers {TOPICS}",
            a.topics.len()
        );
    }
    let texts = a
        .actions
        .iter()
        .map(|x| &x.note)
        .chain(a.centers.iter().map(|c| &c.note))
        .chain(&a.topics);
    if texts.into_iter().any(|t| t.chars().count() > MAX_TEXT) {
        bail!("a note in the file is longer than {MAX_TEXT} characters");
    }
    for x in &mut a.actions {
        x.note = clean(&x.note);
    }
    for c in &mut a.centers {
        c.note = clean(&c.note);
    }
    for t in &mut a.topics {
        *t = clean(t);
    }
    // When the browser saved it is the coachee's business; what matters
    // for "the same answers again" is what they answered.
    a.saved_at = clean(&a.saved_at);
    Ok(a)
}

/// The answers as kept, without the moment of saving, for comparing.
fn same_answers(a: &Answers, b: &Answers) -> bool {
    let strip = |x: &Answers| Answers {
        saved_at: String::new(),
        ..x.clone()
    };
    strip(a) == strip(b)
}

/// Imports the answer file at `path` into `store`.
pub fn import_file(store: &Store, path: &Path, now: OffsetDateTime) -> Result<Imported> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if meta.is_dir() {
        bail!(
            "{} is a folder: give the file the page saved",
            path.display()
        );
    }
    if meta.len() > MAX_BYTES {
        bail!(
            "{} is {} bytes: too big to be a preparation file",
            path.display(),
            meta.len()
        );
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {} as text", path.display()))?;
    let answers = parse_answers(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    // Only forms issued here can be answered here.
    let ours = store.stored_database_id()?;
    if ours.as_deref() != Some(answers.database_id.as_str()) {
        bail!(
            "this file answers a form issued by another innerceo database, not this one: \
             import it where its form was written"
        );
    }
    let Some(row) = store.prep_form(&answers.form_id)? else {
        bail!(
            "this database issued no form with the id {}: the file was changed after it was saved",
            answers.form_id
        );
    };
    let form: Form = serde_json::from_str(&row.form)?;
    let answers = check(answers, &form)?;
    let coachee = form.coachee_name.clone();
    let earlier = row
        .answers
        .as_deref()
        .map(serde_json::from_str::<Answers>)
        .transpose()?;
    if let Some(e) = &earlier {
        if same_answers(e, &answers) {
            return Ok(Imported::Unchanged { coachee });
        }
        if let Some(session) = &row.session_id
            && store.session(session)?.status == crate::model::SessionStatus::Completed
        {
            bail!(
                "{coachee}'s answers to this form were already used in a finished session: \
                 nothing changed; write a new form with `innerceo prep` for the next one"
            );
        }
    }
    store.in_transaction(|s| {
        s.save_prep_answers(&answers.form_id, &serde_json::to_string(&answers)?, now)?;
        // What they want to talk about joins the topics for next time.
        s.replace_prep_topics(&answers.form_id, &answers.topics, now)
    })?;
    Ok(if earlier.is_some() {
        Imported::Replaced { coachee }
    } else {
        Imported::New { coachee }
    })
}
