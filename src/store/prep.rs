//! Preparation forms issued to coachees (`innerceo prep`) and the answers
//! they send back, kept as the JSON the `prep` module checks; and this
//! database's own id, which every form carries so that an answer file is
//! only ever imported where its form was made.

use crate::model::{CoacheeId, SessionId};
use rusqlite::{OptionalExtension, params};
use time::OffsetDateTime;

use super::convert::{opt_time_from_sql, time_from_sql, time_to_sql};
use super::{Result, Store};

/// One issued form, with its answers once imported.
#[derive(Debug, Clone, PartialEq)]
pub struct PrepRow {
    pub form_id: String,
    pub coachee_id: CoacheeId,
    pub issued_at: OffsetDateTime,
    /// What the form asked, as `prep` wrote it.
    pub form: String,
    pub answers: Option<String>,
    pub imported_at: Option<OffsetDateTime>,
    /// The session that shows it, once the coachee's next one exists.
    pub session_id: Option<SessionId>,
}

const DATABASE_ID: &str = "database_id";

const PREP_COLUMNS: &str = "p.uuid, c.uuid, p.issued_at, p.form, p.answers, p.imported_at,
     (SELECT s.uuid FROM sessions s WHERE s.id = p.session_id)";

fn row(r: &rusqlite::Row<'_>) -> Result<PrepRow> {
    let issued: String = r.get(2)?;
    Ok(PrepRow {
        form_id: r.get(0)?,
        coachee_id: r.get(1)?,
        issued_at: time_from_sql(&issued)?,
        form: r.get(3)?,
        answers: r.get(4)?,
        imported_at: opt_time_from_sql(r.get(5)?)?,
        session_id: r.get(6)?,
    })
}

impl Store {
    /// This database's id, made the first time it is asked for.
    pub fn database_id(&self) -> Result<String> {
        if let Some(id) = self.stored_database_id()? {
            return Ok(id);
        }
        self.write(|| {
            self.conn.execute(
                "INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)",
                params![DATABASE_ID, crate::model::new_id()],
            )?;
            Ok(())
        })?;
        Ok(self.stored_database_id()?.unwrap_or_default())
    }

    /// The id, if a form was ever issued from this database.
    pub fn stored_database_id(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([DATABASE_ID], |r| r.get(0))
            .optional()?)
    }

    /// Records a form as issued to the coachee.
    pub fn add_prep_form(
        &self,
        form_id: &str,
        coachee_id: &CoacheeId,
        issued_at: OffsetDateTime,
        form: &str,
    ) -> Result<()> {
        self.write(|| {
            let coachee = self.coachee_rowid(coachee_id)?;
            self.conn
                .prepare_cached(
                    "INSERT INTO prep_forms (uuid, coachee_id, issued_at, form)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![form_id, coachee, time_to_sql(issued_at)?, form])?;
            Ok(())
        })
    }

    pub fn prep_form(&self, form_id: &str) -> Result<Option<PrepRow>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {PREP_COLUMNS} FROM prep_forms p JOIN coachees c ON c.id = p.coachee_id
                 WHERE p.uuid = ?1"
            ))?
            .query_row([form_id], |r| Ok(row(r)))
            .optional()?
            .transpose()
    }

    /// Keeps the answers to a form; the coachee's unfinished session shows
    /// them at once when it has no preparation yet, else their next one will.
    pub fn save_prep_answers(
        &self,
        form_id: &str,
        answers: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        self.write(|| {
            self.conn
                .prepare_cached(
                    "UPDATE prep_forms SET answers = ?2, imported_at = ?3 WHERE uuid = ?1",
                )?
                .execute(params![form_id, answers, time_to_sql(at)?])?;
            let (coachee, claimed): (i64, Option<i64>) = self.conn.query_row(
                "SELECT coachee_id, session_id FROM prep_forms WHERE uuid = ?1",
                [form_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if claimed.is_none() {
                let open: Option<i64> = self
                    .conn
                    .query_row(
                        "SELECT s.id FROM sessions s WHERE s.coachee_id = ?1
                           AND s.status = 'in-progress'
                           AND NOT EXISTS (SELECT 1 FROM prep_forms p WHERE p.session_id = s.id)",
                        [coachee],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(session) = open {
                    self.conn.execute(
                        "UPDATE prep_forms SET session_id = ?2 WHERE uuid = ?1",
                        params![form_id, session],
                    )?;
                }
            }
            Ok(())
        })
    }

    /// Gives a new session the coachee's latest imported preparation that
    /// no session shows yet (called inside `start_session`'s transaction).
    pub(super) fn claim_prep(&self, coachee_rowid: i64, session_rowid: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE prep_forms SET session_id = ?2 WHERE id = (
                   SELECT id FROM prep_forms
                    WHERE coachee_id = ?1 AND answers IS NOT NULL AND session_id IS NULL
                    ORDER BY imported_at DESC LIMIT 1)",
            )?
            .execute(params![coachee_rowid, session_rowid])?;
        Ok(())
    }

    /// The preparation a session shows, if any.
    pub fn prep_for_session(&self, session_id: &SessionId) -> Result<Option<PrepRow>> {
        let Some(session) = self.session_rowid_opt(session_id)? else {
            return Ok(None);
        };
        self.conn
            .prepare_cached(&format!(
                "SELECT {PREP_COLUMNS} FROM prep_forms p JOIN coachees c ON c.id = p.coachee_id
                 WHERE p.session_id = ?1 ORDER BY p.imported_at DESC LIMIT 1"
            ))?
            .query_row([session], |r| Ok(row(r)))
            .optional()?
            .transpose()
    }
}
