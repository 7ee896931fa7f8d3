//! Actions agreed in sessions, and their review history: reviews made in a
//! later session, and status changes made from the actions board.

use crate::model::{ActionId, CoacheeId, SessionId};
use rusqlite::{OptionalExtension, Row, params};
use time::{Date, OffsetDateTime};

use super::coachees::{found, not_found};
use super::convert::{
    date_to_sql, enum_from_sql, opt_date_from_sql, opt_date_to_sql, stored_time, time_from_sql,
    time_to_sql,
};
use super::{ActionFilter, Result, StatusFilter, Store, StoreError};
use crate::model::{
    Action, ActionLink, ActionReview, ActionRow, ActionStatus, ReviewOutcome, new_id,
};

/// The columns `action_from_row` reads, in order; needs the joins in
/// `ACTION_FROM`.
pub(super) const ACTION_COLUMNS: &str = "a.uuid, s.uuid, c.uuid, a.text, a.owner, a.due, \
     a.status, a.completed_on, a.link, a.created_at";
pub(super) const ACTION_FROM: &str = "actions a JOIN sessions s ON s.id = a.session_id \
     JOIN coachees c ON c.id = a.coachee_id";

/// Reads the `ACTION_COLUMNS` starting at column `at`.
pub(super) fn action_from_row(r: &Row<'_>, at: usize) -> Result<Action> {
    let status: String = r.get(at + 6)?;
    let created: String = r.get(at + 9)?;
    Ok(Action {
        id: r.get(at)?,
        session_id: r.get(at + 1)?,
        coachee_id: r.get(at + 2)?,
        text: r.get(at + 3)?,
        owner: r.get(at + 4)?,
        due: opt_date_from_sql(r.get(at + 5)?)?,
        status: enum_from_sql(&status, "action status", ActionStatus::parse)?,
        completed_on: opt_date_from_sql(r.get(at + 7)?)?,
        link: r
            .get::<_, Option<String>>(at + 8)?
            .map(|l| ActionLink::try_from(l).map_err(StoreError::BadData))
            .transpose()?,
        created_at: time_from_sql(&created)?,
    })
}

/// The columns `review_from_row` reads; needs `action_reviews r`, the
/// reviewed `actions a`, and `LEFT JOIN sessions rs ON rs.id = r.session_id`.
pub(super) const REVIEW_COLUMNS: &str = "r.uuid, a.uuid, rs.uuid, r.outcome, r.note, r.at";

/// Reads the `REVIEW_COLUMNS` starting at column `at`.
pub(super) fn review_from_row(r: &Row<'_>, at: usize) -> Result<ActionReview> {
    let outcome: String = r.get(at + 3)?;
    let when: String = r.get(at + 5)?;
    Ok(ActionReview {
        id: r.get(at)?,
        action_id: r.get(at + 1)?,
        session_id: r.get(at + 2)?,
        outcome: enum_from_sql(&outcome, "review outcome", ReviewOutcome::parse)?,
        note: r.get(at + 4)?,
        at: time_from_sql(&when)?,
    })
}

/// Due date first, undated last, then in the order they were agreed.
const ACTION_ORDER: &str = "a.due IS NULL, a.due, a.created_at, a.position, a.id";

impl Store {
    /// Adds an action agreed in `action.session_id`, after the session's
    /// other actions. Its coachee is the session's.
    pub fn add_action(&self, action: &Action) -> Result<()> {
        self.write(|| {
            let session = self.session_rowid(&action.session_id)?;
            self.insert_action_row(action, session)?;
            Ok(())
        })
    }

    /// Writes an action row unless its id exists; returns whether it did.
    pub(super) fn insert_action_row(&self, a: &Action, session: i64) -> Result<bool> {
        let (coachee, coachee_uuid): (i64, String) = self.conn.query_row(
            "SELECT c.id, c.uuid FROM sessions s JOIN coachees c ON c.id = s.coachee_id
             WHERE s.id = ?1",
            [session],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if !a.coachee_id.is_empty() && a.coachee_id != coachee_uuid {
            return Err(StoreError::BadData(format!(
                "action {} names coachee {} but its session belongs to {coachee_uuid}",
                a.id, a.coachee_id
            )));
        }
        let n = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO actions (uuid, session_id, coachee_id, text, owner, due,
                    status, completed_on, link, created_at, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                    (SELECT coalesce(max(position), -1) + 1 FROM actions WHERE session_id = ?2))",
            )?
            .execute(params![
                a.id,
                session,
                coachee,
                a.text,
                a.owner,
                opt_date_to_sql(a.due)?,
                a.status.as_str(),
                opt_date_to_sql(a.completed_on)?,
                a.link.as_ref().map(ActionLink::to_stored),
                time_to_sql(a.created_at)?,
            ])?;
        Ok(n > 0)
    }

    /// Saves an action's text, owner, due date, status, completion date and
    /// link. Saving unchanged values writes nothing.
    pub fn update_action(&self, a: &Action) -> Result<()> {
        let due = opt_date_to_sql(a.due)?;
        let completed = opt_date_to_sql(a.completed_on)?;
        self.write(|| {
            let n = self
                .conn
                .prepare_cached(
                    "UPDATE actions SET text = ?2, owner = ?3, due = ?4, status = ?5,
                        completed_on = ?6, link = ?7
                     WHERE uuid = ?1 AND (text IS NOT ?2 OR owner IS NOT ?3 OR due IS NOT ?4
                        OR status IS NOT ?5 OR completed_on IS NOT ?6 OR link IS NOT ?7)",
                )?
                .execute(params![
                    a.id,
                    a.text,
                    a.owner,
                    due,
                    a.status.as_str(),
                    completed,
                    a.link.as_ref().map(ActionLink::to_stored)
                ])?;
            if n == 0 {
                self.action_rowid(&a.id)?;
            }
            Ok(())
        })
    }

    /// Deletes an action and its review history.
    pub fn delete_action(&self, action_id: &ActionId) -> Result<()> {
        self.write(|| {
            let n = self
                .conn
                .execute("DELETE FROM actions WHERE uuid = ?1", [action_id])?;
            found(n, "action", action_id)
        })
    }

    /// The action with this id.
    pub fn action(&self, action_id: &ActionId) -> Result<Action> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ACTION_COLUMNS} FROM {ACTION_FROM} WHERE a.uuid = ?1"
            ))?
            .query_and_then([action_id], |r| action_from_row(r, 0))?
            .next()
            .unwrap_or_else(|| Err(not_found("action", action_id)))
    }

    /// Sets or clears an action's due date.
    pub fn set_action_due(&self, action_id: &ActionId, due: Option<Date>) -> Result<()> {
        let due = opt_date_to_sql(due)?;
        self.write(|| {
            let n = self.conn.execute(
                "UPDATE actions SET due = ?1 WHERE uuid = ?2",
                params![due, action_id],
            )?;
            found(n, "action", action_id)
        })
    }

    /// Records a review of an action and sets its status: done (completed on
    /// `at`'s date, in `at`'s offset), carried (stays open) or dropped.
    /// Reviewing the same action again in the same session replaces that
    /// session's review, so toggling in the review stage leaves one entry.
    pub fn review_action(
        &self,
        action_id: &ActionId,
        session_id: Option<&SessionId>,
        outcome: ReviewOutcome,
        note: &str,
        at: OffsetDateTime,
    ) -> Result<ActionReview> {
        let when = time_to_sql(at)?;
        let completed = match outcome {
            ReviewOutcome::Done => Some(date_to_sql(at.date())?),
            ReviewOutcome::Carried | ReviewOutcome::Dropped => None,
        };
        self.write(|| {
            let action = self.action_rowid(action_id)?;
            let session = session_id.map(|s| self.session_rowid(s)).transpose()?;
            let existing: Option<String> = match session {
                Some(session) => self
                    .conn
                    .prepare_cached(
                        "SELECT uuid FROM action_reviews WHERE session_id = ?1 AND action_id = ?2",
                    )?
                    .query_row([session, action], |r| r.get(0))
                    .optional()?,
                None => None,
            };
            let id = if let Some(id) = existing {
                self.conn
                    .prepare_cached(
                        "UPDATE action_reviews SET outcome = ?2, note = ?3, at = ?4
                         WHERE uuid = ?1",
                    )?
                    .execute(params![id, outcome.as_str(), note, when])?;
                id
            } else {
                let id = new_id();
                self.conn
                    .prepare_cached(
                        "INSERT INTO action_reviews (uuid, action_id, session_id, outcome,
                            note, at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![id, action, session, outcome.as_str(), note, when])?;
                id
            };
            self.conn
                .prepare_cached("UPDATE actions SET status = ?2, completed_on = ?3 WHERE id = ?1")?
                .execute(params![action, outcome.status().as_str(), completed])?;
            Ok(ActionReview {
                id,
                action_id: action_id.to_owned(),
                session_id: session_id.cloned(),
                outcome,
                note: note.to_owned(),
                at: stored_time(at),
            })
        })
    }

    /// Changes an action's status from the actions board; the change is
    /// kept in its history as a review without a session (reopening is
    /// recorded as "carried").
    pub fn set_action_status(
        &self,
        action_id: &ActionId,
        status: ActionStatus,
        at: OffsetDateTime,
    ) -> Result<()> {
        let outcome = match status {
            ActionStatus::Open => ReviewOutcome::Carried,
            ActionStatus::Done => ReviewOutcome::Done,
            ActionStatus::Dropped => ReviewOutcome::Dropped,
        };
        self.review_action(action_id, None, outcome, "", at)?;
        Ok(())
    }

    /// What the review stage of `session_id` shows: the coachee's actions
    /// from earlier sessions that are still open, plus those already
    /// reviewed in this session (so one just marked done stays visible),
    /// each with this session's review if any. By due date, undated last.
    pub fn actions_for_review(
        &self,
        coachee_id: &CoacheeId,
        session_id: &SessionId,
    ) -> Result<Vec<(Action, Option<ActionReview>)>> {
        let coachee = self.coachee_rowid(coachee_id)?;
        let session = self.session_rowid(session_id)?;
        self.conn
            .prepare_cached(&format!(
                "SELECT {ACTION_COLUMNS}, r.uuid IS NOT NULL, {REVIEW_COLUMNS}
                 FROM {ACTION_FROM}
                 JOIN sessions cur ON cur.id = ?2
                 LEFT JOIN action_reviews r ON r.action_id = a.id AND r.session_id = cur.id
                 LEFT JOIN sessions rs ON rs.id = r.session_id
                 WHERE a.coachee_id = ?1 AND a.session_id != cur.id
                   AND (r.id IS NOT NULL
                        OR (a.status = 'open'
                            AND (s.started_at < cur.started_at
                                 OR (s.started_at = cur.started_at AND s.id < cur.id))))
                 ORDER BY {ACTION_ORDER}"
            ))?
            .query_and_then([coachee, session], |r| {
                let reviewed: bool = r.get(10)?;
                let review = if reviewed {
                    Some(review_from_row(r, 11)?)
                } else {
                    None
                };
                Ok((action_from_row(r, 0)?, review))
            })?
            .collect()
    }

    /// Actions across coachees (or of one), with the coachee's name and
    /// when the session that agreed them started; by due date, undated last.
    pub fn actions(&self, filter: &ActionFilter) -> Result<Vec<ActionRow>> {
        let today = date_to_sql(filter.today)?;
        let status = match filter.status {
            StatusFilter::Open => "a.status = 'open'",
            StatusFilter::Overdue => "a.status = 'open' AND a.due < ?1",
            StatusFilter::Done => "a.status = 'done'",
            StatusFilter::Dropped => "a.status = 'dropped'",
            StatusFilter::All => "1",
        };
        let coachee = filter
            .coachee_id
            .as_deref()
            .map(|id| self.coachee_rowid(id))
            .transpose()?;
        let coachee_clause = if coachee.is_some() {
            "a.coachee_id = ?2"
        } else {
            "?2 IS NULL"
        };
        self.conn
            .prepare_cached(&format!(
                "SELECT {ACTION_COLUMNS}, c.name, s.started_at FROM {ACTION_FROM}
                 WHERE {status} AND {coachee_clause} AND ?1 IS NOT NULL
                 ORDER BY {ACTION_ORDER}"
            ))?
            .query_and_then(params![today, coachee], |r| {
                let started: String = r.get(11)?;
                Ok(ActionRow {
                    action: action_from_row(r, 0)?,
                    coachee_name: r.get(10)?,
                    session_started_at: time_from_sql(&started)?,
                })
            })?
            .collect()
    }

    /// Every review of an action, oldest first.
    pub fn action_history(&self, action_id: &ActionId) -> Result<Vec<ActionReview>> {
        let action = self.action_rowid(action_id)?;
        self.conn
            .prepare_cached(&format!(
                "SELECT {REVIEW_COLUMNS} FROM action_reviews r
                 JOIN actions a ON a.id = r.action_id
                 LEFT JOIN sessions rs ON rs.id = r.session_id
                 WHERE r.action_id = ?1 ORDER BY r.at, r.id"
            ))?
            .query_and_then([action], |r| review_from_row(r, 0))?
            .collect()
    }

    /// The internal rowid of an action.
    pub(super) fn action_rowid(&self, id: &str) -> Result<i64> {
        self.conn
            .prepare_cached("SELECT id FROM actions WHERE uuid = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| not_found("action", id))
    }
}
