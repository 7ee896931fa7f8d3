//! Goals and their updates. A goal's status is its latest update's status,
//! read when it is read, never stored apart (see migration 0009).

use crate::model::GoalId;
use crate::model::{CoacheeId, SessionId};
use rusqlite::{Row, params};

use super::convert::{
    enum_from_sql, opt_date_from_sql, opt_date_to_sql, stored_time, time_from_sql, time_to_sql,
};
use super::{Result, Store};
use crate::model::{Goal, GoalHistory, GoalStatus, GoalUpdate};

const GOAL_COLUMNS: &str = "g.id, g.uuid, c.uuid, g.text, g.center, g.target, g.target_date,
     g.shareable, g.created_at, (SELECT s.uuid FROM sessions s WHERE s.id = g.created_in)";

fn goal_from_row(r: &Row<'_>) -> Result<(i64, Goal)> {
    let date: Option<String> = r.get(6)?;
    let created: String = r.get(8)?;
    Ok((
        r.get(0)?,
        Goal {
            id: r.get(1)?,
            coachee_id: r.get(2)?,
            text: r.get(3)?,
            center: r.get(4)?,
            target: r.get(5)?,
            target_date: opt_date_from_sql(date)?,
            shareable: r.get(7)?,
            created_at: time_from_sql(&created)?,
            created_in: r.get(9)?,
        },
    ))
}

fn update_from_row(r: &Row<'_>) -> Result<GoalUpdate> {
    let status: Option<String> = r.get(2)?;
    let at: String = r.get(4)?;
    Ok(GoalUpdate {
        id: r.get(0)?,
        session_id: r.get(1)?,
        status: status
            .map(|s| enum_from_sql(&s, "goal status", GoalStatus::parse))
            .transpose()?,
        note: r.get(3)?,
        at: time_from_sql(&at)?,
    })
}

impl Store {
    /// Sets a new goal for its coachee; the text is trimmed.
    pub fn add_goal(&self, goal: &Goal) -> Result<Goal> {
        self.write(|| {
            let mut g = goal.clone();
            g.text = g.text.trim().to_owned();
            g.created_at = stored_time(g.created_at);
            self.insert_goal_row(&g)?;
            Ok(g)
        })
    }

    fn insert_goal_row(&self, g: &Goal) -> Result<bool> {
        let coachee = self.coachee_rowid(&g.coachee_id)?;
        let session = match &g.created_in {
            Some(s) => self.session_rowid_opt(s)?,
            None => None,
        };
        Ok(self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO goals
                   (uuid, coachee_id, text, center, target, target_date, shareable, created_at, created_in)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                g.id,
                coachee,
                g.text.trim(),
                g.center,
                g.target.filter(|_| g.center.is_some()),
                opt_date_to_sql(g.target_date)?,
                g.shareable,
                time_to_sql(g.created_at)?,
                session
            ])?
            > 0)
    }

    /// Changes what a goal says: its text, center and target, date and
    /// whether a sponsor may see it.
    pub fn update_goal(&self, g: &Goal) -> Result<()> {
        self.write(|| {
            let n = self
                .conn
                .prepare_cached(
                    "UPDATE goals SET text = ?2, center = ?3, target = ?4, target_date = ?5,
                        shareable = ?6 WHERE uuid = ?1",
                )?
                .execute(params![
                    g.id,
                    g.text.trim(),
                    g.center,
                    g.target.filter(|_| g.center.is_some()),
                    opt_date_to_sql(g.target_date)?,
                    g.shareable
                ])?;
            super::coachees::found(n, "goal", &g.id)
        })
    }

    /// Records what session `session_id` made of a goal: its progress note
    /// and the status it set (`None`: unchanged), replacing that session's
    /// earlier update. An update with neither is removed. Between sessions
    /// (`session_id` `None`) every call adds an update.
    pub fn save_goal_update(
        &self,
        goal_id: &GoalId,
        session_id: Option<&SessionId>,
        status: Option<GoalStatus>,
        note: &str,
        at: time::OffsetDateTime,
    ) -> Result<()> {
        self.write(|| {
            let goal = self.goal_rowid(goal_id)?;
            let session = session_id.map(|s| self.session_rowid(s)).transpose()?;
            let empty = status.is_none() && note.trim().is_empty();
            match session {
                Some(s) if empty => {
                    self.conn
                        .prepare_cached(
                            "DELETE FROM goal_updates WHERE goal_id = ?1 AND session_id = ?2",
                        )?
                        .execute([goal, s])?;
                }
                _ if empty => {}
                _ => {
                    self.conn
                        .prepare_cached(
                            "INSERT INTO goal_updates (uuid, goal_id, session_id, status, note, at)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                             ON CONFLICT (goal_id, session_id) DO UPDATE
                             SET status = excluded.status, note = excluded.note, at = excluded.at",
                        )?
                        .execute(params![
                            crate::model::new_id(),
                            goal,
                            session,
                            status.map(GoalStatus::as_str),
                            note.trim(),
                            time_to_sql(at)?
                        ])?;
                }
            }
            Ok(())
        })
    }

    /// Changes a goal between sessions, from the coachee's page: what it
    /// says, and (when given) a new status and a progress note dated `at`,
    /// in one transaction so a goal is never half changed.
    pub fn change_goal_between(
        &self,
        g: &Goal,
        status: Option<GoalStatus>,
        note: &str,
        at: time::OffsetDateTime,
    ) -> Result<()> {
        self.write(|| {
            self.update_goal(g)?;
            self.save_goal_update(&g.id, None, status, note, at)
        })
    }

    fn goal_rowid(&self, id: &str) -> Result<i64> {
        use rusqlite::OptionalExtension;
        self.conn
            .prepare_cached("SELECT id FROM goals WHERE uuid = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| super::coachees::not_found("goal", id))
    }

    /// Every goal of the coachee with its updates, oldest goal first.
    pub fn coachee_goals(&self, coachee_id: &CoacheeId) -> Result<Vec<GoalHistory>> {
        self.read(|| {
            let coachee = self.coachee_rowid(coachee_id)?;
            let goals: Vec<(i64, Goal)> = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {GOAL_COLUMNS} FROM goals g JOIN coachees c ON c.id = g.coachee_id
                     WHERE g.coachee_id = ?1 ORDER BY g.created_at, g.id"
                ))?
                .query_and_then([coachee], goal_from_row)?
                .collect::<Result<_>>()?;
            let mut out = Vec::with_capacity(goals.len());
            for (rowid, goal) in goals {
                let updates = self
                    .conn
                    .prepare_cached(
                        "SELECT u.uuid, (SELECT s.uuid FROM sessions s WHERE s.id = u.session_id),
                            u.status, u.note, u.at
                         FROM goal_updates u WHERE u.goal_id = ?1 ORDER BY u.at, u.id",
                    )?
                    .query_and_then([rowid], update_from_row)?
                    .collect::<Result<_>>()?;
                out.push(GoalHistory { goal, updates });
            }
            Ok(out)
        })
    }

    /// Writes a goal with its own id and updates (JSON import): what is
    /// there already is left alone; an update from a session that is not
    /// in the database is left out. Returns whether the goal was new.
    pub fn insert_goal(&self, h: &GoalHistory) -> Result<bool> {
        self.write(|| {
            let new = self.insert_goal_row(&h.goal)?;
            let goal = self.goal_rowid(&h.goal.id)?;
            for u in &h.updates {
                let session = match &u.session_id {
                    Some(s) => match self.session_rowid_opt(s)? {
                        Some(r) => Some(r),
                        None => continue,
                    },
                    None => None,
                };
                self.conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO goal_updates (uuid, goal_id, session_id, status, note, at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![
                        u.id,
                        goal,
                        session,
                        u.status.map(GoalStatus::as_str),
                        u.note.trim(),
                        time_to_sql(u.at)?
                    ])?;
            }
            Ok(new)
        })
    }
}
