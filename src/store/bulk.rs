//! Bulk loads (the demo generator, JSON import): one transaction in which
//! new answers, notes and actions are put in the search index all at once
//! at the end, instead of row by row (see migration 0002 for why that is
//! several times faster).

use rusqlite::params;

use super::{Result, Store};

impl Store {
    /// Like [`Store::in_transaction`], for writing many sessions: the search
    /// index is brought up to date once, when `f` has succeeded, still
    /// inside the transaction, so no one ever sees rows missing from it.
    /// Searching from inside `f` does not find what `f` wrote.
    pub fn in_bulk_transaction<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.write(|| {
            let deferred: bool =
                self.conn
                    .query_row("SELECT deferred FROM search_state WHERE id = 0", [], |r| {
                        r.get(0)
                    })?;
            if deferred {
                // Inside another bulk load: that one indexes at its end.
                return f(self);
            }
            // Rowids only grow while the write lock is held, so the new
            // rows are those above today's largest.
            let floors: (i64, i64, i64) = self.conn.query_row(
                "SELECT (SELECT coalesce(max(id), 0) FROM answers),
                        (SELECT coalesce(max(id), 0) FROM notes),
                        (SELECT coalesce(max(id), 0) FROM actions)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            self.conn
                .execute("UPDATE search_state SET deferred = 1 WHERE id = 0", [])?;
            let value = f(self)?;
            self.index_new_rows(floors)?;
            self.conn
                .execute("UPDATE search_state SET deferred = 0 WHERE id = 0", [])?;
            Ok(value)
        })
    }

    /// Indexes the rows above `floors` (answers, notes, actions) that have
    /// no search entry yet: numbers them oldest session first, records each
    /// row's entry, then writes the entries in rowid order (FTS5 writes
    /// ascending rowids without flushing in between), and merges the
    /// index into one segment.
    fn index_new_rows(&self, (answers, notes, actions): (i64, i64, i64)) -> Result<()> {
        self.conn.execute_batch(
            "DROP TABLE IF EXISTS temp.search_pending;
             CREATE TEMP TABLE search_pending (
                 n INTEGER PRIMARY KEY, kind INTEGER, src INTEGER, private INTEGER, text TEXT);",
        )?;
        self.conn.execute(
            "INSERT INTO temp.search_pending (kind, src, private, text)
             SELECT kind, src, private, text FROM (
                 SELECT 0 AS kind, x.id AS src, 0 AS private, x.text, s.started_at, s.id AS sid
                   FROM answers x JOIN sessions s ON s.id = x.session_id
                  WHERE x.id > ?1 AND x.search_rowid IS NULL
                 UNION ALL
                 SELECT 1, x.id, x.visibility = 'private', x.text, s.started_at, s.id
                   FROM notes x JOIN sessions s ON s.id = x.session_id
                  WHERE x.id > ?2 AND x.search_rowid IS NULL
                 UNION ALL
                 SELECT 2, x.id, 0, x.text, s.started_at, s.id
                   FROM actions x JOIN sessions s ON s.id = x.session_id
                  WHERE x.id > ?3 AND x.search_rowid IS NULL)
             ORDER BY started_at, sid, kind, src",
            params![answers, notes, actions],
        )?;
        // Entry n gets number `last + n`, so rowid (last + n) * 2 (+ 1 if private).
        for (kind, table) in [(0, "answers"), (1, "notes"), (2, "actions")] {
            // `table` is one of the fixed names above.
            self.conn.execute(
                &format!(
                    "UPDATE {table} SET search_rowid =
                        ((SELECT last FROM search_state WHERE id = 0) + p.n) * 2 + p.private
                     FROM temp.search_pending p
                     WHERE p.kind = ?1 AND {table}.id = p.src"
                ),
                [kind],
            )?;
        }
        self.conn.execute_batch(
            "INSERT INTO search_index (rowid, text, kind, src)
             SELECT ((SELECT last FROM search_state WHERE id = 0) + n) * 2 + private, text, kind, src
               FROM temp.search_pending ORDER BY n;
             UPDATE search_state SET last = last + coalesce((SELECT max(n) FROM temp.search_pending), 0)
              WHERE id = 0;
             DROP TABLE temp.search_pending;
             -- Nothing merges the index's segments as it goes (0002):
             -- leave it as one, as a search reads every segment.
             INSERT INTO search_index (search_index) VALUES ('optimize');",
        )?;
        Ok(())
    }
}
