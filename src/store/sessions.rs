//! Sessions: starting one with a guide snapshot, progress while it runs,
//! finishing, finding and listing them.

use crate::model::{CoacheeId, SessionId};
use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Row, params};
use time::{Date, OffsetDateTime};

use super::coachees::{found, not_found};
use super::convert::{
    enum_from_sql, opt_date_from_sql, opt_date_to_sql, opt_time_from_sql, stored_time,
    time_from_sql, time_to_sql,
};
use super::{Result, Store, StoreError};
use crate::guide::{Guide, StageKind};
use crate::model::{Focus, Session, SessionStatus, SessionSummary};

/// The columns `session_from_row` reads, in order (`s` = sessions,
/// `c` = coachees).
pub(super) const SESSION_COLUMNS: &str = "s.uuid, c.uuid, g.json, s.started_at, s.ended_at, \
     s.status, s.current_stage, s.current_field, s.stage_seconds, s.done_stages, s.focus, \
     s.next_session, s.corrected_at";
const SESSION_FROM: &str = "sessions s JOIN coachees c ON c.id = s.coachee_id \
     JOIN guide_snapshots g ON g.id = s.snapshot_id";

pub(super) fn session_from_row(r: &Row<'_>) -> Result<Session> {
    let started: String = r.get(3)?;
    let status: String = r.get(5)?;
    let focus: Option<String> = r.get(10)?;
    Ok(Session {
        id: r.get(0)?,
        coachee_id: r.get(1)?,
        guide: guide_from_json(&r.get::<_, String>(2)?)?,
        started_at: time_from_sql(&started)?,
        ended_at: opt_time_from_sql(r.get(4)?)?,
        status: enum_from_sql(&status, "session status", SessionStatus::parse)?,
        current_stage: index_from_sql(r.get(6)?)?,
        current_field: index_from_sql(r.get(7)?)?,
        stage_seconds: serde_json::from_str(&r.get::<_, String>(8)?)?,
        done_stages: serde_json::from_str(&r.get::<_, String>(9)?)?,
        focus: focus
            .map(|f| enum_from_sql(&f, "focus", Focus::parse))
            .transpose()?,
        next_session: opt_date_from_sql(r.get(11)?)?,
        corrected_at: opt_time_from_sql(r.get(12)?)?,
    })
}

/// A session's guide snapshot, parsed once per distinct snapshot: an
/// export of 10,000 sessions reads a handful of guide versions, each a few
/// kilobytes of JSON. Keyed by the text itself, so it is never stale.
fn guide_from_json(json: &str) -> Result<Guide> {
    /// A few versions of a few guides cover any export.
    const KEPT: usize = 8;
    thread_local! {
        static PARSED: std::cell::RefCell<Vec<(String, Guide)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    if let Some(g) = PARSED.with_borrow(|kept| {
        kept.iter()
            .find(|(text, _)| text == json)
            .map(|(_, g)| g.clone())
    }) {
        return Ok(g);
    }
    let guide: Guide = serde_json::from_str(json)?;
    PARSED.with_borrow_mut(|kept| {
        if kept.len() == KEPT {
            kept.remove(0);
        }
        kept.push((json.to_owned(), guide.clone()));
    });
    Ok(guide)
}

fn index_from_sql(i: i64) -> Result<usize> {
    usize::try_from(i).map_err(|_| StoreError::BadData(format!("negative position {i}")))
}

fn index_to_sql(i: usize) -> Result<i64> {
    i64::try_from(i).map_err(|_| StoreError::BadData(format!("position {i} is too large")))
}

/// What session lists need from the guide, found once when the session is
/// stored so that listing 10,000 sessions never parses a snapshot: the first
/// choice stage, and the close stage with its first prompt (the key insight).
struct GuideMarkers<'g> {
    choice_stage: Option<&'g str>,
    close_stage: Option<&'g str>,
    close_prompt: Option<&'g str>,
}

fn guide_markers(guide: &Guide) -> GuideMarkers<'_> {
    let choice_stage = guide
        .stages
        .iter()
        .find(|s| matches!(s.kind, StageKind::Choice { .. }))
        .map(|s| s.id.as_str());
    let close = guide.stages.iter().find_map(|s| match &s.kind {
        StageKind::Close { prompts, .. } => Some((s.id.as_str(), prompts.first())),
        _ => None,
    });
    GuideMarkers {
        choice_stage,
        close_stage: close.map(|(stage, _)| stage),
        close_prompt: close.and_then(|(_, p)| p).map(|p| p.id.as_str()),
    }
}

impl Store {
    /// Starts a session with a snapshot of `guide`. Refuses if the coachee
    /// already has a session in progress.
    pub fn start_session(
        &self,
        coachee_id: &CoacheeId,
        guide: &Guide,
        now: OffsetDateTime,
    ) -> Result<Session> {
        let session = Session {
            id: SessionId::random(),
            coachee_id: coachee_id.to_owned(),
            guide: guide.clone(),
            started_at: stored_time(now),
            ended_at: None,
            status: SessionStatus::InProgress,
            current_stage: 0,
            current_field: 0,
            stage_seconds: BTreeMap::new(),
            done_stages: Vec::new(),
            focus: None,
            next_session: None,
            corrected_at: None,
        };
        self.write(|| {
            let coachee = self.coachee_rowid(coachee_id)?;
            let rowid = self.insert_session_row(&session, coachee)?;
            // The coachee's preparation, if they sent one, waits for this.
            self.claim_prep(coachee, rowid)?;
            Ok(())
        })?;
        Ok(session)
    }

    /// Writes a session row (for `start_session` and imports); returns its
    /// rowid. A second unfinished session for the coachee is refused.
    pub(super) fn insert_session_row(&self, s: &Session, coachee_rowid: i64) -> Result<i64> {
        if s.status == SessionStatus::InProgress
            && let Some(other) = self.unfinished_session_id(coachee_rowid)?
        {
            let coachee: String = self.conn.query_row(
                "SELECT name FROM coachees WHERE id = ?1",
                [coachee_rowid],
                |r| r.get(0),
            )?;
            return Err(StoreError::SessionInProgress {
                coachee,
                session_id: other,
            });
        }
        let markers = guide_markers(&s.guide);
        let total: i64 = s.stage_seconds.values().sum();
        self.conn
            .prepare_cached(
                "INSERT INTO sessions (uuid, coachee_id, guide_id, guide_title, snapshot_id,
                    started_at, ended_at, status, current_stage, current_field,
                    stage_seconds, total_seconds, done_stages, focus, next_session,
                    choice_stage_id, close_stage_id, close_prompt_id, corrected_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                    ?16, ?17, ?18, ?19)",
            )?
            .execute(params![
                s.id,
                coachee_rowid,
                s.guide.id,
                s.guide.title,
                self.snapshot_rowid(&s.guide)?,
                time_to_sql(s.started_at)?,
                s.ended_at.map(time_to_sql).transpose()?,
                s.status.as_str(),
                index_to_sql(s.current_stage)?,
                index_to_sql(s.current_field)?,
                serde_json::to_string(&s.stage_seconds)?,
                total,
                serde_json::to_string(&s.done_stages)?,
                s.focus.map(Focus::as_str),
                opt_date_to_sql(s.next_session)?,
                markers.choice_stage,
                markers.close_stage,
                markers.close_prompt,
                s.corrected_at.map(time_to_sql).transpose()?,
            ])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The session with this exact id.
    pub fn session(&self, id: &SessionId) -> Result<Session> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM {SESSION_FROM} WHERE s.uuid = ?1"
            ))?
            .query_and_then([id], session_from_row)?
            .next()
            .unwrap_or_else(|| Err(not_found("session", id)))
    }

    /// The session with this id, or whose id starts with this prefix (at
    /// least 4 characters, and matching only one session).
    pub fn find_session(&self, id_or_prefix: &str) -> Result<Session> {
        let exact = id_or_prefix.trim();
        if self.session_rowid_opt(exact)?.is_some() {
            return self.session(&exact.into());
        }
        // Ids are lowercase UUIDs; accept a prefix typed or pasted in capitals.
        let wanted = exact.to_lowercase();
        if wanted.chars().count() < 4 {
            return Err(StoreError::IdTooShort(id_or_prefix.trim().to_owned()));
        }
        // A range over the unique index: every id with this prefix sorts
        // between the prefix and the prefix followed by the highest character.
        let upper = format!("{wanted}\u{10FFFF}");
        let ids: Vec<SessionId> = self
            .conn
            .prepare_cached("SELECT uuid FROM sessions WHERE uuid >= ?1 AND uuid < ?2 LIMIT 2")?
            .query_map(params![wanted, upper], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match ids.as_slice() {
            [] => Err(not_found("session", id_or_prefix.trim())),
            [id] => self.session(id),
            _ => Err(StoreError::AmbiguousId(id_or_prefix.trim().to_owned())),
        }
    }

    /// The coachee's session still in progress, if any.
    pub fn unfinished_session(&self, coachee_id: &CoacheeId) -> Result<Option<Session>> {
        let coachee = self.coachee_rowid(coachee_id)?;
        match self.unfinished_session_id(coachee)? {
            Some(id) => self.session(&id).map(Some),
            None => Ok(None),
        }
    }

    fn unfinished_session_id(&self, coachee_rowid: i64) -> Result<Option<SessionId>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT uuid FROM sessions WHERE coachee_id = ?1 AND status = 'in-progress'",
            )?
            .query_row([coachee_rowid], |r| r.get(0))
            .optional()?)
    }

    /// Sessions, newest first: all of them, or one coachee's. Reads only
    /// denormalised columns and indexed sub-queries (no snapshot parsing).
    pub fn session_summaries(&self, coachee_id: Option<&CoacheeId>) -> Result<Vec<SessionSummary>> {
        let mut all = Vec::new();
        self.each_session_summary::<StoreError>(coachee_id, &mut |s| {
            all.push(s);
            Ok(())
        })?;
        Ok(all)
    }

    /// Like [`Store::session_summaries`], handing each row to `f` as it is
    /// read instead of gathering them: `session list` prints every session
    /// without holding them all. Stops at the first error of `f`.
    pub fn each_session_summary<E: From<StoreError>>(
        &self,
        coachee_id: Option<&CoacheeId>,
        f: &mut dyn FnMut(SessionSummary) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let select = "SELECT s.uuid, c.uuid, c.name, s.guide_id, s.guide_title, s.started_at,
                s.ended_at, s.status, s.total_seconds,
                (SELECT ch.option_label FROM choices ch
                  WHERE ch.session_id = s.id AND ch.stage_id = s.choice_stage_id),
                (SELECT a.text FROM answers a
                  WHERE a.session_id = s.id AND a.stage_id = s.close_stage_id
                    AND a.prompt_id = s.close_prompt_id),
                (SELECT count(*) FROM actions x WHERE x.session_id = s.id)
             FROM sessions s JOIN coachees c ON c.id = s.coachee_id";
        let map = |r: &Row<'_>| -> Result<SessionSummary> {
            let started: String = r.get(5)?;
            let status: String = r.get(7)?;
            Ok(SessionSummary {
                id: r.get(0)?,
                coachee_id: r.get(1)?,
                coachee_name: r.get(2)?,
                guide_id: r.get(3)?,
                guide_title: r.get(4)?,
                started_at: time_from_sql(&started)?,
                ended_at: opt_time_from_sql(r.get(6)?)?,
                status: enum_from_sql(&status, "session status", SessionStatus::parse)?,
                seconds: r.get(8)?,
                choice: r.get(9)?,
                key_insight: r.get(10)?,
                actions: r.get(11)?,
            })
        };
        // Two statements rather than `?1 IS NULL OR …`, which would stop
        // SQLite from using the per-coachee index.
        let (sql, coachee) = match coachee_id {
            Some(id) => (
                format!("{select} WHERE s.coachee_id = ?1 ORDER BY s.started_at DESC, s.id DESC"),
                Some(self.coachee_rowid(id)?),
            ),
            None => (
                format!("{select} ORDER BY s.started_at DESC, s.id DESC"),
                None,
            ),
        };
        let mut stmt = self.conn.prepare_cached(&sql).map_err(StoreError::from)?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(coachee))
            .map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            f(map(row)?)?;
        }
        Ok(())
    }

    /// A coachee's sessions, oldest first: id and start, nothing else (the
    /// order of `session_summaries`, reversed).
    pub fn session_starts(
        &self,
        coachee_id: &CoacheeId,
    ) -> Result<Vec<(SessionId, OffsetDateTime)>> {
        let coachee = self.coachee_rowid(coachee_id)?;
        self.conn
            .prepare_cached(
                "SELECT uuid, started_at FROM sessions WHERE coachee_id = ?1
                 ORDER BY started_at, id",
            )?
            .query_and_then([coachee], |r| {
                let started: String = r.get(1)?;
                Ok((r.get(0)?, time_from_sql(&started)?))
            })?
            .collect()
    }

    /// Whether the file holds a session with this id.
    pub fn has_session(&self, id: &str) -> Result<bool> {
        Ok(self.session_rowid_opt(id)?.is_some())
    }

    /// How many sessions a coachee has.
    pub fn session_count(&self, coachee_id: &CoacheeId) -> Result<usize> {
        let coachee = self.coachee_rowid(coachee_id)?;
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM sessions WHERE coachee_id = ?1",
            [coachee],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Records where the session is (stage and field on screen), the time
    /// spent per stage and the stages marked done.
    pub fn save_progress(
        &self,
        session_id: &SessionId,
        current_stage: usize,
        current_field: usize,
        stage_seconds: &BTreeMap<String, i64>,
        done_stages: &[String],
    ) -> Result<()> {
        let total: i64 = stage_seconds.values().sum();
        let seconds = serde_json::to_string(stage_seconds)?;
        let done = serde_json::to_string(done_stages)?;
        let (stage, field) = (index_to_sql(current_stage)?, index_to_sql(current_field)?);
        self.write(|| {
            let n = self
                .conn
                .prepare_cached(
                    "UPDATE sessions SET current_stage = ?1, current_field = ?2,
                        stage_seconds = ?3, total_seconds = ?4, done_stages = ?5
                     WHERE uuid = ?6",
                )?
                .execute(params![stage, field, seconds, total, done, session_id])?;
            found(n, "session", session_id)
        })
    }

    /// Sets or clears the session's focus.
    pub fn set_focus(&self, session_id: &SessionId, focus: Option<Focus>) -> Result<()> {
        self.write(|| {
            let n = self.conn.execute(
                "UPDATE sessions SET focus = ?1 WHERE uuid = ?2",
                params![focus.map(Focus::as_str), session_id],
            )?;
            found(n, "session", session_id)
        })
    }

    /// Sets or clears the date agreed for the next session.
    pub fn set_next_session(&self, session_id: &SessionId, date: Option<Date>) -> Result<()> {
        let date = opt_date_to_sql(date)?;
        self.write(|| {
            let n = self.conn.execute(
                "UPDATE sessions SET next_session = ?1 WHERE uuid = ?2",
                params![date, session_id],
            )?;
            found(n, "session", session_id)
        })
    }

    /// Marks the session completed at `ended_at`.
    pub fn complete_session(&self, session_id: &SessionId, ended_at: OffsetDateTime) -> Result<()> {
        let ended = time_to_sql(ended_at)?;
        self.write(|| {
            let n = self.conn.execute(
                "UPDATE sessions SET status = 'completed', ended_at = ?1 WHERE uuid = ?2",
                params![ended, session_id],
            )?;
            found(n, "session", session_id)
        })
    }

    /// Records that a finished session was corrected at `at`. Nothing
    /// happens to a session still in progress: editing it is not a
    /// correction.
    pub fn mark_corrected(&self, session_id: &SessionId, at: OffsetDateTime) -> Result<()> {
        let at = time_to_sql(at)?;
        self.write(|| {
            self.conn
                .prepare_cached(
                    "UPDATE sessions SET corrected_at = ?1
                     WHERE uuid = ?2 AND status = 'completed'",
                )?
                .execute(params![at, session_id])?;
            Ok(())
        })
    }

    /// The rowid of this exact guide's snapshot, stored on first use.
    fn snapshot_rowid(&self, guide: &Guide) -> Result<i64> {
        let json = serde_json::to_string(guide)?;
        let existing = self
            .conn
            .prepare_cached("SELECT id FROM guide_snapshots WHERE guide_id = ?1 AND json = ?2")?
            .query_row(params![guide.id, json], |r| r.get(0))
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
        self.conn
            .prepare_cached("INSERT INTO guide_snapshots (guide_id, json) VALUES (?1, ?2)")?
            .execute(params![guide.id, json])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A stored guide snapshot, by its rowid.
    pub(super) fn guide_snapshot(&self, snapshot: i64) -> Result<Guide> {
        let json: String = self
            .conn
            .prepare_cached("SELECT json FROM guide_snapshots WHERE id = ?1")?
            .query_row([snapshot], |r| r.get(0))?;
        Ok(serde_json::from_str(&json)?)
    }

    /// The guide a session ran (by the session's rowid).
    pub(super) fn session_guide(&self, session: i64) -> Result<Guide> {
        let json: String = self
            .conn
            .prepare_cached(
                "SELECT g.json FROM sessions s JOIN guide_snapshots g ON g.id = s.snapshot_id
                 WHERE s.id = ?1",
            )?
            .query_row([session], |r| r.get(0))?;
        Ok(serde_json::from_str(&json)?)
    }

    /// The internal rowid of a session.
    pub(super) fn session_rowid(&self, id: &str) -> Result<i64> {
        self.session_rowid_opt(id)?
            .ok_or_else(|| not_found("session", id))
    }

    pub(super) fn session_rowid_opt(&self, id: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM sessions WHERE uuid = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }
}
