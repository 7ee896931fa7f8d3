//! Coachees: adding, renaming, archiving, and the home screen's summaries.

use crate::model::CoacheeId;
use rusqlite::{OptionalExtension, Row, params};
use time::{Date, OffsetDateTime};

use super::convert::{
    date_to_sql, opt_date_from_sql, opt_time_from_sql, stored_time, time_from_sql, time_to_sql,
};
use super::{Result, Store, StoreError};
use crate::model::{Coachee, CoacheeSummary};

/// The columns `coachee_from_row` reads, in order.
pub(super) const COACHEE_COLUMNS: &str =
    "c.uuid, c.name, c.role, c.notes, c.archived, c.created_at, c.rhythm_days";

/// Reads the `COACHEE_COLUMNS` starting at column `at`.
pub(super) fn coachee_from_row(r: &Row<'_>, at: usize) -> Result<Coachee> {
    let created: String = r.get(at + 5)?;
    Ok(Coachee {
        id: r.get(at)?,
        name: r.get(at + 1)?,
        role: r.get(at + 2)?,
        notes: r.get(at + 3)?,
        archived: r.get(at + 4)?,
        created_at: time_from_sql(&created)?,
        rhythm_days: r.get(at + 6)?,
    })
}

/// Case-insensitive comparison key for names, Unicode-aware (SQLite's
/// NOCASE only folds ASCII, and "Élodie" must clash with "élodie").
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Store {
    /// Adds a coachee; the name is trimmed, must not be empty and must differ
    /// (ignoring case) from every coachee not archived.
    pub fn add_coachee(&self, name: &str, role: &str) -> Result<Coachee> {
        let coachee = Coachee {
            id: CoacheeId::random(),
            name: name.trim().to_owned(),
            role: role.trim().to_owned(),
            notes: String::new(),
            archived: false,
            created_at: stored_time(OffsetDateTime::now_utc()),
            rhythm_days: None,
        };
        self.write(|| {
            self.check_name_free(&coachee.name, None)?;
            self.insert_coachee(&coachee)?;
            Ok(())
        })?;
        Ok(coachee)
    }

    /// Inserts a coachee with its own id (import, demo); does nothing if that
    /// id exists. Returns whether a row was written. No name checks: an
    /// import must not fail because two people share a name.
    pub fn insert_coachee(&self, c: &Coachee) -> Result<bool> {
        if c.name.trim().is_empty() {
            return Err(StoreError::EmptyName);
        }
        let created = time_to_sql(c.created_at)?;
        self.write(|| {
            let n = self
                .conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO coachees (uuid, name, role, notes, archived, created_at,
                        rhythm_days)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    c.id,
                    c.name,
                    c.role,
                    c.notes,
                    c.archived,
                    created,
                    c.rhythm_days
                ])?;
            Ok(n > 0)
        })
    }

    /// Renames a coachee, with the same rules as `add_coachee`.
    pub fn rename_coachee(&self, id: &CoacheeId, name: &str) -> Result<()> {
        let name = name.trim();
        self.write(|| {
            let rowid = self.coachee_rowid(id)?;
            self.check_name_free(name, Some(rowid))?;
            self.conn.execute(
                "UPDATE coachees SET name = ?1 WHERE id = ?2",
                params![name, rowid],
            )?;
            Ok(())
        })
    }

    /// Sets the coachee's role (free text, may be empty).
    pub fn set_coachee_role(&self, id: &CoacheeId, role: &str) -> Result<()> {
        self.update_coachee_text(id, "role", role.trim())
    }

    /// Sets the coachee's notes (free text, may be empty).
    pub fn set_coachee_notes(&self, id: &CoacheeId, notes: &str) -> Result<()> {
        self.update_coachee_text(id, "notes", notes)
    }

    fn update_coachee_text(&self, id: &str, column: &'static str, value: &str) -> Result<()> {
        self.write(|| {
            // `column` is one of the fixed names above, never user input.
            let n = self.conn.execute(
                &format!("UPDATE coachees SET {column} = ?1 WHERE uuid = ?2"),
                params![value, id],
            )?;
            found(n, "coachee", id)
        })
    }

    /// Sets or clears how often the coach meets this coachee, in days.
    pub fn set_coachee_rhythm(&self, id: &CoacheeId, days: Option<i64>) -> Result<()> {
        self.write(|| {
            let n = self.conn.execute(
                "UPDATE coachees SET rhythm_days = ?1 WHERE uuid = ?2",
                params![days, id],
            )?;
            found(n, "coachee", id)
        })
    }

    /// Archives (hides from the home screen) or restores a coachee. Restoring
    /// refuses if another active coachee now has the same name.
    pub fn set_coachee_archived(&self, id: &CoacheeId, archived: bool) -> Result<()> {
        self.write(|| {
            let rowid = self.coachee_rowid(id)?;
            if !archived {
                let name: String = self.conn.query_row(
                    "SELECT name FROM coachees WHERE id = ?1",
                    [rowid],
                    |r| r.get(0),
                )?;
                self.check_name_free(&name, Some(rowid))?;
            }
            self.conn.execute(
                "UPDATE coachees SET archived = ?1 WHERE id = ?2",
                params![archived, rowid],
            )?;
            Ok(())
        })
    }

    /// The coachee with this id.
    pub fn coachee(&self, id: &CoacheeId) -> Result<Coachee> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {COACHEE_COLUMNS} FROM coachees c WHERE c.uuid = ?1"
            ))?
            .query_and_then([id], |r| coachee_from_row(r, 0))?
            .next()
            .unwrap_or_else(|| Err(not_found("coachee", id)))
    }

    /// Every coachee, archived ones included, active ones first, each group
    /// in the order they were added: the candidates for a typed name.
    pub fn all_coachees(&self) -> Result<Vec<Coachee>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COACHEE_COLUMNS} FROM coachees c ORDER BY c.archived, c.created_at"
        ))?;
        stmt.query_and_then([], |r| coachee_from_row(r, 0))?
            .collect()
    }

    /// The coachee with this id, or else with this name (ignoring case);
    /// an active coachee wins over an archived one of the same name.
    pub fn find_coachee(&self, name: &str) -> Result<Option<Coachee>> {
        let by_id = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COACHEE_COLUMNS} FROM coachees c WHERE c.uuid = ?1"
            ))?
            .query_and_then([name.trim()], |r| coachee_from_row(r, 0))?
            .next()
            .transpose()?;
        if by_id.is_some() {
            return Ok(by_id);
        }
        let key = name_key(name);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COACHEE_COLUMNS} FROM coachees c ORDER BY c.archived, c.created_at"
        ))?;
        for c in stmt.query_and_then([], |r| coachee_from_row(r, 0))? {
            let c = c?;
            if name_key(&c.name) == key {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }

    /// Every coachee (active only unless `include_archived`), sorted by name
    /// ignoring case, with session and action counts. Counts come from
    /// indexed aggregates: no session is loaded.
    pub fn coachee_summaries(
        &self,
        today: Date,
        include_archived: bool,
    ) -> Result<Vec<CoacheeSummary>> {
        let today = date_to_sql(today)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COACHEE_COLUMNS},
                (SELECT count(*) FROM sessions s WHERE s.coachee_id = c.id),
                (SELECT count(*) FROM actions a
                  WHERE a.coachee_id = c.id AND a.status = 'open'),
                (SELECT count(*) FROM actions a
                  WHERE a.coachee_id = c.id AND a.status = 'open' AND a.due < ?1),
                (SELECT max(s.started_at) FROM sessions s WHERE s.coachee_id = c.id),
                (SELECT s.uuid FROM sessions s
                  WHERE s.coachee_id = c.id AND s.status = 'in-progress'),
                (SELECT s.next_session FROM sessions s WHERE s.coachee_id = c.id
                  ORDER BY s.started_at DESC, s.id DESC LIMIT 1),
                (SELECT s.started_at FROM sessions s
                  WHERE s.coachee_id = c.id AND s.status = 'in-progress')
             FROM coachees c
             WHERE ?2 OR c.archived = 0"
        ))?;
        let rows = stmt.query_and_then(params![today, include_archived], |r| {
            let coachee = coachee_from_row(r, 0)?;
            let last_session = opt_time_from_sql(r.get(10)?)?;
            let next_session = crate::model::next_session_due(
                last_session.map(crate::dates::local_date),
                opt_date_from_sql(r.get(12)?)?,
                coachee.rhythm_days,
            );
            Ok(CoacheeSummary {
                coachee,
                sessions: r.get(7)?,
                open_actions: r.get(8)?,
                overdue_actions: r.get(9)?,
                last_session,
                unfinished_session: r.get(11)?,
                unfinished_started: opt_time_from_sql(r.get(13)?)?,
                next_session,
            })
        })?;
        let mut all = rows.collect::<Result<Vec<_>>>()?;
        all.sort_by_cached_key(|s| (name_key(&s.coachee.name), s.coachee.id.clone()));
        Ok(all)
    }

    /// The internal rowid of a coachee.
    pub(super) fn coachee_rowid(&self, id: &str) -> Result<i64> {
        self.conn
            .prepare_cached("SELECT id FROM coachees WHERE uuid = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| not_found("coachee", id))
    }

    /// Refuses an empty name, or one an active coachee (other than
    /// `except`) already has.
    fn check_name_free(&self, name: &str, except: Option<i64>) -> Result<()> {
        if name.trim().is_empty() {
            return Err(StoreError::EmptyName);
        }
        let key = name_key(name);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM coachees WHERE archived = 0")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (rowid, other): (i64, String) = (r.get(0)?, r.get(1)?);
            if Some(rowid) != except && name_key(&other) == key {
                return Err(StoreError::DuplicateCoachee(other));
            }
        }
        Ok(())
    }
}

pub(super) fn not_found(kind: &'static str, id: &str) -> StoreError {
    StoreError::NotFound {
        kind,
        id: id.to_owned(),
    }
}

/// Turns "no row changed" into a not-found error.
pub(super) fn found(changed: usize, kind: &'static str, id: &str) -> Result<()> {
    if changed == 0 {
        Err(not_found(kind, id))
    } else {
        Ok(())
    }
}
