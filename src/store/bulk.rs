//! Bulk loads (the demo generator, JSON import): one transaction in which
//! new answers, notes and actions are put in the search index all at once
//! at the end, instead of row by row (see migration 0002 for why that is
//! several times faster).

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError};

impl Store {
    /// Like [`Store::in_transaction`], for writing many sessions: the search
    /// index is brought up to date once, when `f` has succeeded, still
    /// inside the transaction, so no one ever sees rows missing from it.
    /// Searching from inside `f` does not find what `f` wrote.
    pub fn in_bulk_transaction<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.write_as(|| {
            let deferred: bool = self
                .conn
                .query_row("SELECT deferred FROM search_state WHERE id = 0", [], |r| {
                    r.get(0)
                })
                .map_err(StoreError::from)?;
            if deferred {
                // Inside another bulk load: that one indexes at its end.
                return f(self);
            }
            // Rowids only grow while the write lock is held, so the new
            // rows are those above today's largest.
            let floors: (i64, i64, i64) = self
                .conn
                .query_row(
                    "SELECT (SELECT coalesce(max(id), 0) FROM answers),
                            (SELECT coalesce(max(id), 0) FROM notes),
                            (SELECT coalesce(max(id), 0) FROM actions)",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .map_err(StoreError::from)?;
            self.conn
                .execute("UPDATE search_state SET deferred = 1 WHERE id = 0", [])
                .map_err(StoreError::from)?;
            let value = f(self)?;
            self.index_new_rows(floors)?;
            self.conn
                .execute("UPDATE search_state SET deferred = 0 WHERE id = 0", [])
                .map_err(StoreError::from)?;
            Ok(value)
        })
    }

    /// Indexes the rows above `floors` (answers, notes, actions) that have
    /// no search entry yet, oldest session first, without holding them: each
    /// session's new rows are numbered where they lie (entry numbers follow
    /// the sessions' order, as row-by-row indexing gives), then each table's
    /// new rows go into the index in one statement, in entry order (FTS5
    /// writes ascending rowids without flushing in between), and the index
    /// is merged into one segment.
    fn index_new_rows(&self, (answers, notes, actions): (i64, i64, i64)) -> Result<()> {
        let last: i64 =
            self.conn
                .query_row("SELECT last FROM search_state WHERE id = 0", [], |r| {
                    r.get(0)
                })?;
        // Entry `last + n` has rowid (last + n) * 2, + 1 for a private note.
        let number = [
            (
                answers,
                "UPDATE answers SET search_rowid = (?3 + r.n) * 2
                 FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM answers
                        WHERE session_id = ?1 AND id > ?2 AND search_rowid IS NULL) r
                 WHERE answers.id = r.id",
            ),
            (
                notes,
                "UPDATE notes SET search_rowid = (?3 + r.n) * 2 + (notes.visibility = 'private')
                 FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM notes
                        WHERE session_id = ?1 AND id > ?2 AND search_rowid IS NULL) r
                 WHERE notes.id = r.id",
            ),
            (
                actions,
                "UPDATE actions SET search_rowid = (?3 + r.n) * 2
                 FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM actions
                        WHERE session_id = ?1 AND id > ?2 AND search_rowid IS NULL) r
                 WHERE actions.id = r.id",
            ),
        ];
        let mut given = last;
        {
            // The sessions with new rows, oldest first, through
            // `sessions_by_start`.
            let mut sessions = self.conn.prepare(
                "SELECT id FROM sessions WHERE id IN (
                     SELECT session_id FROM answers WHERE id > ?1
                     UNION SELECT session_id FROM notes WHERE id > ?2
                     UNION SELECT session_id FROM actions WHERE id > ?3)
                 ORDER BY started_at, id",
            )?;
            let mut rows = sessions.query(params![answers, notes, actions])?;
            while let Some(row) = rows.next()? {
                let session: i64 = row.get(0)?;
                for (floor, sql) in number {
                    let n = self
                        .conn
                        .prepare_cached(sql)?
                        .execute(params![session, floor, given])?;
                    given += i64::try_from(n).unwrap_or(0);
                }
            }
        }
        if given == last {
            return Ok(());
        }
        // CROSS JOIN keeps sessions outside, in order: only one session's
        // rows are ever sorted (by id), never the whole load with its text.
        for (kind, table, floor) in [
            (0, "answers", answers),
            (1, "notes", notes),
            (2, "actions", actions),
        ] {
            // `table` is one of the fixed names above.
            self.conn.execute(
                &format!(
                    "INSERT INTO search_index (rowid, text, kind, src)
                     SELECT x.search_rowid, x.text, ?1, x.id
                       FROM sessions s CROSS JOIN {table} x ON x.session_id = s.id
                      WHERE x.id > ?2 AND x.search_rowid > ?3 * 2
                      ORDER BY s.started_at, s.id, x.id"
                ),
                params![kind, floor, last],
            )?;
        }
        self.conn
            .execute("UPDATE search_state SET last = ?1 WHERE id = 0", [given])?;
        // Nothing merges the index's segments as it goes (0002): leave it
        // as one, as a search reads every segment.
        self.conn.execute(
            "INSERT INTO search_index (search_index) VALUES ('optimize')",
            [],
        )?;
        Ok(())
    }

    /// Readies the connection for a bulk load of any size in the same
    /// memory: temporary tables in a temporary file rather than in memory
    /// (only for a plain database: an encrypted one keeps them in memory,
    /// where no plaintext copy can be left on disk), and a page cache of
    /// 16 MiB, so that the transaction's pages spill to the WAL less often.
    /// Call outside a transaction.
    pub fn prepare_bulk_load(&self) -> Result<()> {
        if !self.encrypted {
            self.conn.pragma_update(None, "temp_store", "FILE")?;
        }
        self.conn.pragma_update(None, "cache_size", -16_384)?;
        Ok(())
    }

    /// Starts a fresh record of the ids a bulk load has met (see
    /// [`Store::first_seen_id`]), inside the load's transaction.
    pub fn start_seen_ids(&self) -> Result<()> {
        self.conn.execute_batch(
            "DROP TABLE IF EXISTS temp.load_ids;
             CREATE TEMP TABLE load_ids (
                 kind TEXT, id TEXT, at TEXT, PRIMARY KEY (kind, id)) WITHOUT ROWID;",
        )?;
        Ok(())
    }

    /// Records that the load met `id` of `kind` at `at`; when it met it
    /// before, returns where instead.
    pub fn first_seen_id(&self, kind: &str, id: &str, at: &str) -> Result<Option<String>> {
        let added = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO temp.load_ids (kind, id, at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![kind, id, at])?;
        if added == 1 {
            return Ok(None);
        }
        Ok(self
            .conn
            .prepare_cached("SELECT at FROM temp.load_ids WHERE kind = ?1 AND id = ?2")?
            .query_row(params![kind, id], |r| r.get(0))
            .optional()?)
    }
}
