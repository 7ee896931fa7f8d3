//! What a session captures: answers, ratings, choices and notes. These are
//! saved on every keystroke, so each is one upsert that leaves the row alone
//! when nothing changed.

use crate::model::SessionId;
use rusqlite::params;

use super::coachees::found;
use super::{Result, Store};
use crate::guide::{Guide, StageKind};
use crate::model::{Choice, Rating, Visibility, new_id};

/// The label of `option` in the choice stage `stage` of the guide, kept on
/// the choice row so session lists need not parse the snapshot.
pub(super) fn choice_label(guide: &Guide, stage: &str, option: Option<&str>) -> Option<String> {
    let option = option?;
    match &guide.stage(stage)?.kind {
        StageKind::Choice { options, .. } => options
            .iter()
            .find(|o| o.id == option)
            .map(|o| o.label.clone()),
        _ => None,
    }
}

impl Store {
    /// Saves the answer to one prompt. Saving the same text again writes
    /// nothing; an empty (or blank) answer deletes the row.
    pub fn save_answer(
        &self,
        session_id: &SessionId,
        stage_id: &str,
        prompt_id: &str,
        text: &str,
    ) -> Result<()> {
        self.write(|| {
            let session = self.session_rowid(session_id)?;
            if text.trim().is_empty() {
                self.conn
                    .prepare_cached(
                        "DELETE FROM answers WHERE session_id = ?1 AND stage_id = ?2
                           AND prompt_id = ?3",
                    )?
                    .execute(params![session, stage_id, prompt_id])?;
            } else {
                self.conn
                    .prepare_cached(
                        "INSERT INTO answers (session_id, stage_id, prompt_id, text)
                         VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (session_id, stage_id, prompt_id)
                         DO UPDATE SET text = excluded.text WHERE answers.text IS NOT excluded.text",
                    )?
                    .execute(params![session, stage_id, prompt_id, text])?;
            }
            Ok(())
        })
    }

    /// Saves the score and note of one rated item.
    pub fn save_rating(&self, session_id: &SessionId, rating: &Rating) -> Result<()> {
        self.write(|| {
            let session = self.session_rowid(session_id)?;
            self.upsert_rating(session, rating)?;
            Ok(())
        })
    }

    pub(super) fn upsert_rating(&self, session: i64, r: &Rating) -> Result<usize> {
        Ok(self
            .conn
            .prepare_cached(
                "INSERT INTO ratings (session_id, stage_id, item_id, score, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (session_id, stage_id, item_id)
                 DO UPDATE SET score = excluded.score, note = excluded.note
                 WHERE ratings.score IS NOT excluded.score
                    OR ratings.note IS NOT excluded.note",
            )?
            .execute(params![session, r.stage_id, r.item_id, r.score, r.note])?)
    }

    /// Saves the option picked in a choice stage, its rationale and tags.
    pub fn save_choice(&self, session_id: &SessionId, choice: &Choice) -> Result<()> {
        self.write(|| {
            let session = self.session_rowid(session_id)?;
            // The rationale is typed here, so most saves keep the option:
            // reuse its stored label instead of parsing the guide snapshot.
            let stored: Option<(Option<String>, Option<String>)> = self
                .conn
                .prepare_cached(
                    "SELECT option_id, option_label FROM choices
                     WHERE session_id = ?1 AND stage_id = ?2",
                )?
                .query_map(params![session, choice.stage_id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .next()
                .transpose()?;
            let label = match stored {
                Some((option, label)) if option == choice.option_id => label,
                _ => {
                    let guide = self.session_guide(session)?;
                    choice_label(&guide, &choice.stage_id, choice.option_id.as_deref())
                }
            };
            self.upsert_choice(session, choice, label.as_deref())?;
            Ok(())
        })
    }

    pub(super) fn upsert_choice(
        &self,
        session: i64,
        c: &Choice,
        label: Option<&str>,
    ) -> Result<usize> {
        let tags = serde_json::to_string(&c.tags)?;
        Ok(self
            .conn
            .prepare_cached(
                "INSERT INTO choices (session_id, stage_id, option_id, option_label, rationale, tags)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (session_id, stage_id)
                 DO UPDATE SET option_id = excluded.option_id,
                    option_label = excluded.option_label,
                    rationale = excluded.rationale, tags = excluded.tags
                 WHERE choices.option_id IS NOT excluded.option_id
                    OR choices.rationale IS NOT excluded.rationale
                    OR choices.tags IS NOT excluded.tags",
            )?
            .execute(params![session, c.stage_id, c.option_id, label, c.rationale, tags])?)
    }

    /// Saves the one note of this visibility on a stage. Saving the same
    /// text again writes nothing; an empty (or blank) note is deleted.
    pub fn save_note(
        &self,
        session_id: &SessionId,
        stage_id: &str,
        visibility: Visibility,
        text: &str,
    ) -> Result<()> {
        self.write(|| {
            let session = self.session_rowid(session_id)?;
            if text.trim().is_empty() {
                self.conn
                    .prepare_cached(
                        "DELETE FROM notes WHERE session_id = ?1 AND stage_id = ?2
                           AND visibility = ?3",
                    )?
                    .execute(params![session, stage_id, visibility.as_str()])?;
            } else {
                self.conn
                    .prepare_cached(
                        "INSERT INTO notes (uuid, session_id, stage_id, visibility, text)
                         VALUES (?1, ?2, ?3, ?4, ?5)
                         ON CONFLICT (session_id, stage_id, visibility)
                         DO UPDATE SET text = excluded.text WHERE notes.text IS NOT excluded.text",
                    )?
                    .execute(params![
                        new_id(),
                        session,
                        stage_id,
                        visibility.as_str(),
                        text
                    ])?;
            }
            Ok(())
        })
    }

    /// Deletes a note by its id.
    pub fn delete_note(&self, note_id: &str) -> Result<()> {
        self.write(|| {
            let n = self
                .conn
                .execute("DELETE FROM notes WHERE uuid = ?1", [note_id])?;
            found(n, "note", note_id)
        })
    }
}
