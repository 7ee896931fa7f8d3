//! Disposing of records: discarding one session, and deleting a coachee so
//! that no byte of the file or its WAL still holds their words.

use crate::model::CoacheeId;
use crate::model::SessionId;
use std::path::PathBuf;

use rusqlite::{OptionalExtension, params};
use time::OffsetDateTime;

use super::coachees::not_found;
use super::convert::{time_from_sql, time_to_sql};
use super::{Result, Store};
use crate::model::SessionStatus;

/// What discarding a session takes with it, for the confirmation that
/// names it and for the message afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscardPlan {
    pub session_id: SessionId,
    pub coachee: String,
    pub started_at: OffsetDateTime,
    pub guide_title: String,
    pub status: SessionStatus,
    /// Actions agreed in the session (they go with it).
    pub actions: usize,
    /// Of those, the ones a later session or the board already reviewed:
    /// those reviews go too.
    pub reviewed_later: usize,
    /// Earlier actions this session reviewed: they go back to the status
    /// they had before it.
    pub reviewed_here: usize,
}

/// What deleting a coachee removed and what still holds their words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    pub name: String,
    pub sessions: usize,
    pub actions: usize,
    /// Backup files written from this database that still exist: they
    /// were made before the deletion and still hold the coachee.
    pub backups: Vec<PathBuf>,
    /// Another connection kept the WAL from being emptied: the old pages
    /// are wiped the next time nothing else has the file open.
    pub wal_kept: bool,
}

impl Store {
    /// What [`Store::discard_session`] would remove.
    pub fn discard_plan(&self, session_id: &SessionId) -> Result<DiscardPlan> {
        self.read(|| {
            let row = self
                .conn
                .prepare_cached(
                    "SELECT s.id, c.name, s.started_at, s.guide_title, s.status
                     FROM sessions s JOIN coachees c ON c.id = s.coachee_id WHERE s.uuid = ?1",
                )?
                .query_row([session_id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                })
                .optional()?
                .ok_or_else(|| not_found("session", session_id))?;
            let (rowid, coachee, started, guide_title, status) = row;
            let count = |sql: &str| -> Result<usize> {
                let n: i64 = self
                    .conn
                    .prepare_cached(sql)?
                    .query_row([rowid], |r| r.get(0))?;
                Ok(usize::try_from(n).unwrap_or(0))
            };
            Ok(DiscardPlan {
                session_id: session_id.to_owned(),
                coachee,
                started_at: time_from_sql(&started)?,
                guide_title,
                status: SessionStatus::parse(&status).unwrap_or(SessionStatus::Completed),
                actions: count("SELECT count(*) FROM actions WHERE session_id = ?1")?,
                reviewed_later: count(
                    "SELECT count(DISTINCT a.id) FROM actions a JOIN action_reviews r
                       ON r.action_id = a.id
                     WHERE a.session_id = ?1 AND (r.session_id IS NULL OR r.session_id != ?1)",
                )?,
                reviewed_here: count(
                    "SELECT count(*) FROM action_reviews r JOIN actions a ON a.id = r.action_id
                     WHERE r.session_id = ?1 AND a.session_id != ?1",
                )?,
            })
        })
    }

    /// Discards a session and everything captured in it: answers, ratings,
    /// choices, notes, the actions agreed in it with their whole history,
    /// and the reviews it made of earlier actions, which go back to the
    /// status their remaining history gives them (open when none is left).
    pub fn discard_session(&self, session_id: &SessionId) -> Result<DiscardPlan> {
        self.write(|| {
            let plan = self.discard_plan(session_id)?;
            let rowid = self.session_rowid(session_id)?;
            let reviewed: Vec<i64> = self
                .conn
                .prepare_cached(
                    "SELECT r.action_id FROM action_reviews r JOIN actions a ON a.id = r.action_id
                     WHERE r.session_id = ?1 AND a.session_id != ?1",
                )?
                .query_map([rowid], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            // Foreign keys cascade to everything the session holds; the
            // search index follows through the triggers.
            self.conn
                .execute("DELETE FROM sessions WHERE id = ?1", [rowid])?;
            for action in reviewed {
                self.restatus_from_history(action)?;
            }
            Ok(plan)
        })
    }

    /// Sets an action's status from the latest review it still has.
    pub(super) fn restatus_from_history(&self, action: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE actions SET
                    status = coalesce((SELECT CASE outcome WHEN 'done' THEN 'done'
                        WHEN 'dropped' THEN 'dropped' ELSE 'open' END
                      FROM action_reviews WHERE action_id = ?1 ORDER BY at DESC, id DESC LIMIT 1),
                      'open'),
                    completed_on = (SELECT substr(at, 1, 10) FROM action_reviews
                      WHERE action_id = ?1 AND outcome = 'done'
                        AND id = (SELECT id FROM action_reviews WHERE action_id = ?1
                                  ORDER BY at DESC, id DESC LIMIT 1))
                 WHERE id = ?1",
            )?
            .execute([action])?;
        Ok(())
    }

    /// Deletes a coachee and everything about them, then wipes the space
    /// their words took: SQLite's `secure_delete` zeroes freed content, the
    /// search index is rebuilt without them (FTS5 keeps deleted terms in
    /// old segments until they are merged), the WAL is emptied and the
    /// file rebuilt by `VACUUM`, with its temporary copy in memory so no
    /// scratch file holds them either.
    pub fn delete_coachee(&self, coachee_id: &CoacheeId) -> Result<Erased> {
        let (name, sessions, actions) = self.write(|| {
            let rowid = self.coachee_rowid(coachee_id)?;
            let (name, sessions, actions): (String, i64, i64) = self.conn.query_row(
                "SELECT name,
                    (SELECT count(*) FROM sessions WHERE coachee_id = ?1),
                    (SELECT count(*) FROM actions WHERE coachee_id = ?1)
                 FROM coachees WHERE id = ?1",
                [rowid],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            self.conn.pragma_update(None, "secure_delete", "ON")?;
            let deleted = self
                .conn
                .execute("DELETE FROM coachees WHERE id = ?1", [rowid]);
            // Zeroing every freed page costs on each later delete; only
            // this one needs it (the VACUUM below rewrites the rest).
            self.conn.pragma_update(None, "secure_delete", "OFF")?;
            deleted?;
            self.conn.execute(
                "INSERT INTO search_index (search_index) VALUES ('optimize')",
                [],
            )?;
            Ok((name, sessions, actions))
        })?;
        let wal_kept = self.wipe_free_space()?;
        Ok(Erased {
            name,
            sessions: usize::try_from(sessions).unwrap_or(0),
            actions: usize::try_from(actions).unwrap_or(0),
            backups: self.backups_written()?,
            wal_kept,
        })
    }

    /// Empties the WAL, rebuilds the file without free pages and empties
    /// the WAL again. Returns whether another connection kept the WAL from
    /// being emptied. An in-memory store has nothing to wipe.
    fn wipe_free_space(&self) -> Result<bool> {
        let truncate = || -> Result<bool> {
            let busy: i64 = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            Ok(busy != 0)
        };
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        let vacuumed = self.conn.execute_batch("VACUUM");
        self.conn.pragma_update(None, "temp_store", "DEFAULT")?;
        vacuumed?;
        if self.path.is_none() {
            return Ok(false);
        }
        truncate()
    }

    /// Records a backup written from this database.
    pub(super) fn record_backup(&self, path: &std::path::Path, at: OffsetDateTime) -> Result<()> {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let at = time_to_sql(at)?;
        self.write(|| {
            self.conn
                .prepare_cached(
                    "INSERT INTO backups_written (path, at) VALUES (?1, ?2)
                     ON CONFLICT (path) DO UPDATE SET at = excluded.at",
                )?
                .execute(params![path.to_string_lossy(), at])?;
            Ok(())
        })
    }

    /// The backup files written from this database that still exist,
    /// oldest first.
    pub fn backups_written(&self) -> Result<Vec<PathBuf>> {
        let paths: Vec<String> = self
            .conn
            .prepare_cached("SELECT path FROM backups_written ORDER BY at")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(paths
            .into_iter()
            .map(PathBuf::from)
            .filter(|p| p.is_file())
            .collect())
    }
}
