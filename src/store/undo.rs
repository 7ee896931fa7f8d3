//! An action's state before a change (status, dates and whole history), so
//! that undo puts back exactly what was there; and due-date changes, kept in
//! the history beside reviews.

use crate::model::ActionId;
use crate::model::SessionId;
use rusqlite::params;
use time::{Date, OffsetDateTime};

use super::convert::{opt_date_from_sql, opt_date_to_sql, stored_time, time_from_sql, time_to_sql};
use super::{Result, Store};
use crate::model::{ActionReview, ActionStatus, DueChange};

/// Everything a board change or a review mark can change about an action.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionState {
    pub action_id: ActionId,
    pub status: ActionStatus,
    pub completed_on: Option<Date>,
    pub due: Option<Date>,
    pub reviews: Vec<ActionReview>,
    pub due_changes: Vec<DueChange>,
}

impl Store {
    /// The action's state now, to hand back to [`Store::restore_action`].
    pub fn action_state(&self, action_id: &ActionId) -> Result<ActionState> {
        self.read(|| {
            let a = self.action(action_id)?;
            Ok(ActionState {
                action_id: action_id.to_owned(),
                status: a.status,
                completed_on: a.completed_on,
                due: a.due,
                reviews: self.action_history(action_id)?,
                due_changes: self.due_changes(action_id)?,
            })
        })
    }

    /// Puts an action back as `state` recorded it: status, dates, and its
    /// history (reviews and due-date changes added since are removed,
    /// replaced ones come back).
    pub fn restore_action(&self, state: &ActionState) -> Result<()> {
        self.write(|| {
            let action = self.action_rowid(&state.action_id)?;
            self.conn.execute(
                "UPDATE actions SET status = ?2, completed_on = ?3, due = ?4 WHERE id = ?1",
                params![
                    action,
                    state.status.as_str(),
                    opt_date_to_sql(state.completed_on)?,
                    opt_date_to_sql(state.due)?
                ],
            )?;
            self.conn
                .execute("DELETE FROM action_reviews WHERE action_id = ?1", [action])?;
            for r in &state.reviews {
                // A review made in a session that is gone since stays gone.
                let session = match &r.session_id {
                    Some(s) => match self.session_rowid_opt(s)? {
                        Some(id) => Some(id),
                        None => continue,
                    },
                    None => None,
                };
                self.conn
                    .prepare_cached(
                        "INSERT INTO action_reviews (uuid, action_id, session_id, outcome, note, at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![
                        r.id,
                        action,
                        session,
                        r.outcome.as_str(),
                        r.note,
                        time_to_sql(r.at)?
                    ])?;
            }
            self.conn.execute(
                "DELETE FROM action_due_changes WHERE action_id = ?1",
                [action],
            )?;
            for d in &state.due_changes {
                self.insert_due_change(action, d)?;
            }
            Ok(())
        })
    }

    /// Takes back the review `session_id` made of an action: the action
    /// goes back to the status its remaining history gives it.
    pub fn unreview_action(&self, action_id: &ActionId, session_id: &SessionId) -> Result<()> {
        self.write(|| {
            let action = self.action_rowid(action_id)?;
            let session = self.session_rowid(session_id)?;
            self.conn.execute(
                "DELETE FROM action_reviews WHERE action_id = ?1 AND session_id = ?2",
                [action, session],
            )?;
            self.restatus_from_history(action)
        })
    }

    /// Changes an action's due date from the actions board, keeping the
    /// change in its history. Setting the date it already has records
    /// nothing.
    pub fn change_action_due(
        &self,
        action_id: &ActionId,
        due: Option<Date>,
        at: OffsetDateTime,
    ) -> Result<()> {
        self.write(|| {
            let before = self.action(action_id)?.due;
            if before == due {
                return Ok(());
            }
            self.set_action_due(action_id, due)?;
            let action = self.action_rowid(action_id)?;
            self.insert_due_change(
                action,
                &DueChange {
                    before,
                    after: due,
                    at: stored_time(at),
                },
            )
        })
    }

    /// An action's due-date changes, oldest first.
    pub fn due_changes(&self, action_id: &ActionId) -> Result<Vec<DueChange>> {
        let action = self.action_rowid(action_id)?;
        self.conn
            .prepare_cached(
                "SELECT due_before, due_after, at FROM action_due_changes
                 WHERE action_id = ?1 ORDER BY at, id",
            )?
            .query_and_then([action], |r| -> Result<DueChange> {
                let at: String = r.get(2)?;
                Ok(DueChange {
                    before: opt_date_from_sql(r.get(0)?)?,
                    after: opt_date_from_sql(r.get(1)?)?,
                    at: time_from_sql(&at)?,
                })
            })?
            .collect()
    }

    fn insert_due_change(&self, action: i64, d: &DueChange) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO action_due_changes (action_id, due_before, due_after, at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                action,
                opt_date_to_sql(d.before)?,
                opt_date_to_sql(d.after)?,
                time_to_sql(d.at)?
            ])?;
        Ok(())
    }
}
