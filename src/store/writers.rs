//! One writer per session: which window edits it, since when, last seen.

use crate::model::SessionId;
use rusqlite::{OptionalExtension, params};
use time::{Duration, OffsetDateTime};

use super::convert::{time_from_sql, time_to_sql};
use super::{Result, Store};

/// A window that edits sessions: this process, told apart from another
/// window of the same process by a random token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Writer {
    pub token: String,
    pub pid: u32,
    pub host: String,
}

impl Writer {
    /// This process, with a fresh token.
    pub fn this_process() -> Self {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .or_else(|| std::env::var("HOSTNAME").ok())
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "this machine".to_owned());
        Self {
            token: crate::model::new_id(),
            pid: std::process::id(),
            host,
        }
    }
}

/// Who holds a session when it is not us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: OffsetDateTime,
    pub seen: OffsetDateTime,
}

/// How long a writer may go unseen before its window counts as gone. The
/// app refreshes every few seconds, so this is many missed beats.
pub const STALE_AFTER: Duration = Duration::seconds(30);

impl Store {
    /// Claims `session` for `me` unless another live window holds it.
    /// Returns who holds it instead. A holder unseen for [`STALE_AFTER`],
    /// or a process on this machine that no longer runs, is replaced.
    pub fn claim_session(
        &self,
        session: &SessionId,
        me: &Writer,
        now: OffsetDateTime,
    ) -> Result<Option<Holder>> {
        self.in_transaction(|store| {
            if let Some((token, holder)) = store.writer_of(session)?
                && token != me.token
                && !gone(&holder, now)
            {
                return Ok(Some(holder));
            }
            store.write_claim(session, me, now)?;
            Ok(None)
        })
    }

    /// Another live window that holds `session`, if any (nothing changes).
    pub fn live_holder(
        &self,
        session: &SessionId,
        me: &Writer,
        now: OffsetDateTime,
    ) -> Result<Option<Holder>> {
        Ok(self
            .writer_of(session)?
            .filter(|(token, h)| *token != me.token && !gone(h, now))
            .map(|(_, h)| h))
    }

    /// Takes `session` over whoever holds it (the coach confirmed).
    pub fn take_over_session(
        &self,
        session: &SessionId,
        me: &Writer,
        now: OffsetDateTime,
    ) -> Result<()> {
        self.in_transaction(|store| store.write_claim(session, me, now))
    }

    /// Refreshes `me` as the writer of `session`; `false` when another
    /// window took it over meanwhile.
    pub fn heartbeat(&self, session: &SessionId, me: &Writer, now: OffsetDateTime) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE session_writers SET seen = ?1
             WHERE token = ?2 AND session_id = (SELECT id FROM sessions WHERE uuid = ?3)",
            params![time_to_sql(now)?, me.token, session],
        )?;
        Ok(n > 0)
    }

    /// Lets go of `session` if `me` holds it.
    pub fn release_session(&self, session: &SessionId, me: &Writer) -> Result<()> {
        self.conn.execute(
            "DELETE FROM session_writers
             WHERE token = ?1 AND session_id = (SELECT id FROM sessions WHERE uuid = ?2)",
            params![me.token, session],
        )?;
        Ok(())
    }

    fn writer_of(&self, session: &SessionId) -> Result<Option<(String, Holder)>> {
        let row: Option<(String, i64, String, String, String)> = self
            .conn
            .query_row(
                "SELECT w.token, w.pid, w.host, w.since, w.seen FROM session_writers w
                 JOIN sessions s ON s.id = w.session_id WHERE s.uuid = ?1",
                [session],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        row.map(|(token, pid, host, since, seen)| {
            Ok((
                token,
                Holder {
                    pid: u32::try_from(pid).unwrap_or_default(),
                    host,
                    since: time_from_sql(&since)?,
                    seen: time_from_sql(&seen)?,
                },
            ))
        })
        .transpose()
    }

    fn write_claim(&self, session: &SessionId, me: &Writer, now: OffsetDateTime) -> Result<()> {
        let t = time_to_sql(now)?;
        self.conn.execute(
            "INSERT INTO session_writers (session_id, token, pid, host, since, seen)
             SELECT id, ?2, ?3, ?4, ?5, ?5 FROM sessions WHERE uuid = ?1
             ON CONFLICT (session_id) DO UPDATE SET
               token = excluded.token, pid = excluded.pid, host = excluded.host,
               since = excluded.since, seen = excluded.seen",
            params![session, me.token, me.pid, me.host, t],
        )?;
        Ok(())
    }
}

/// Whether the window that holds a session is gone: not seen for a while,
/// or a process of this machine that no longer runs.
fn gone(h: &Holder, now: OffsetDateTime) -> bool {
    if now - h.seen > STALE_AFTER {
        return true;
    }
    // Where /proc lists the running processes, a holder on this machine
    // whose process has ended is gone at once.
    let here = Writer::this_process();
    std::path::Path::new("/proc/self").exists()
        && h.host == here.host
        && h.pid != here.pid
        && !std::path::Path::new(&format!("/proc/{}", h.pid)).exists()
}
