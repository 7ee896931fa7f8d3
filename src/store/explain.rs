//! Query plans of the statements a store call runs, so a test can prove that
//! every list stays on an index as the file grows (`tests/query_plans.rs`).
//!
//! The statements are caught as SQLite runs them (`trace_v2`), not copied
//! from the code: a query changed tomorrow is checked tomorrow.

use std::cell::RefCell;

use rusqlite::params_from_iter;
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::types::Null;

use super::{Result, Store};

/// A statement and SQLite's plan for it, one line per step
/// (`SEARCH s USING INDEX sessions_by_coachee (coachee_id=?)`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub sql: String,
    pub steps: Vec<String>,
}

thread_local! {
    /// What the trace callback saw. The callback is a plain `fn` (SQLite
    /// keeps no closure); statements run on the calling thread, so a
    /// thread-local is where it can leave them.
    static SEEN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn remember(event: TraceEvent<'_>) {
    if let TraceEvent::Stmt(_, sql) = event {
        // Statements run by triggers arrive as "-- TRIGGER name"; their
        // own statements are rowid lookups and are reported on their own.
        if !sql.trim_start().starts_with("--") {
            SEEN.with(|s| s.borrow_mut().push(sql.to_owned()));
        }
    }
}

impl Store {
    /// Runs `f` and returns the plan of each distinct statement it ran, in
    /// the order first run. For tests: the statements are explained with
    /// every parameter NULL, as SQLite plans them before binding anyway.
    #[doc(hidden)]
    pub fn plans_of<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<Vec<Plan>> {
        SEEN.with(|s| s.borrow_mut().clear());
        self.conn
            .trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(remember));
        let ran = f(self);
        self.conn.trace_v2(TraceEventCodes::empty(), None);
        ran?;
        let mut seen: Vec<String> = SEEN.with(std::cell::RefCell::take);
        let mut distinct = Vec::new();
        for sql in seen.drain(..) {
            if !distinct.contains(&sql) {
                distinct.push(sql);
            }
        }
        distinct
            .into_iter()
            .map(|sql| {
                let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
                // Every parameter NULL: the plan is made before binding.
                let nulls = vec![Null; stmt.parameter_count()];
                let steps = stmt
                    .query_map(params_from_iter(nulls), |r| r.get::<_, String>(3))?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(Plan { sql, steps })
            })
            .collect()
    }
}
