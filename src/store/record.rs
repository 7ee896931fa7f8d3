//! A whole session in and out: `session_record` for detail views and
//! exports, `insert_record` for the demo and JSON import (idempotent on ids),
//! and the score history behind the Six Centers trends.

use crate::model::{CoacheeId, SessionId};
use rusqlite::params;

use super::actions::{
    ACTION_COLUMNS, ACTION_FROM, REVIEW_COLUMNS, action_from_row, review_from_row,
};
use super::content::choice_label;
use super::convert::{enum_from_sql, time_from_sql};
use super::{Result, Store, StoreError};
use crate::model::{
    Answer, Choice, GoalHistory, Note, Rating, ScorePoint, SessionRecord, Visibility,
};

impl Store {
    /// Everything captured in a session, read on one snapshot of the file.
    pub fn session_record(&self, session_id: &SessionId) -> Result<SessionRecord> {
        self.session_record_with(session_id, None)
    }

    /// [`Store::session_record`], its goals picked from `goals` (all of the
    /// coachee's, read once by a caller that reads many of their sessions)
    /// instead of read again for each.
    pub fn session_record_with(
        &self,
        session_id: &SessionId,
        goals: Option<&[GoalHistory]>,
    ) -> Result<SessionRecord> {
        self.read(|| {
            let rowid = self.session_rowid(session_id)?;
            let session = self.session(session_id)?;
            let coachee = self.coachee(&session.coachee_id)?;
            let answers = self
                .conn
                .prepare_cached(
                    "SELECT stage_id, prompt_id, text FROM answers WHERE session_id = ?1
                     ORDER BY id",
                )?
                .query_map([rowid], |r| {
                    Ok(Answer {
                        stage_id: r.get(0)?,
                        prompt_id: r.get(1)?,
                        text: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let ratings = self
                .conn
                .prepare_cached(
                    "SELECT stage_id, item_id, score, note FROM ratings WHERE session_id = ?1
                     ORDER BY id",
                )?
                .query_map([rowid], |r| {
                    Ok(Rating {
                        stage_id: r.get(0)?,
                        item_id: r.get(1)?,
                        score: r.get(2)?,
                        note: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let choices = self
                .conn
                .prepare_cached(
                    "SELECT stage_id, option_id, rationale, tags FROM choices
                     WHERE session_id = ?1 ORDER BY id",
                )?
                .query_and_then([rowid], |r| -> Result<Choice> {
                    Ok(Choice {
                        stage_id: r.get(0)?,
                        option_id: r.get(1)?,
                        rationale: r.get(2)?,
                        tags: serde_json::from_str(&r.get::<_, String>(3)?)?,
                    })
                })?
                .collect::<Result<_>>()?;
            let notes = self
                .conn
                .prepare_cached(
                    "SELECT uuid, stage_id, visibility, text FROM notes WHERE session_id = ?1
                     ORDER BY id",
                )?
                .query_and_then([rowid], |r| -> Result<Note> {
                    let visibility: String = r.get(2)?;
                    Ok(Note {
                        id: r.get(0)?,
                        stage_id: r.get(1)?,
                        visibility: enum_from_sql(&visibility, "visibility", Visibility::parse)?,
                        text: r.get(3)?,
                    })
                })?
                .collect::<Result<_>>()?;
            let actions = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {ACTION_COLUMNS} FROM {ACTION_FROM} WHERE a.session_id = ?1
                     ORDER BY a.position, a.id"
                ))?
                .query_and_then([rowid], |r| action_from_row(r, 0))?
                .collect::<Result<_>>()?;
            let reviews = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {REVIEW_COLUMNS}, {ACTION_COLUMNS} FROM action_reviews r
                     JOIN actions a ON a.id = r.action_id
                     JOIN sessions s ON s.id = a.session_id
                     JOIN coachees c ON c.id = a.coachee_id
                     JOIN sessions rs ON rs.id = r.session_id
                     WHERE r.session_id = ?1 ORDER BY r.at, r.id"
                ))?
                .query_and_then([rowid], |r| {
                    Ok((review_from_row(r, 0)?, action_from_row(r, 6)?))
                })?
                .collect::<Result<_>>()?;
            let read;
            let all = if let Some(g) = goals {
                g
            } else {
                read = self.coachee_goals(&coachee.id)?;
                &read
            };
            let goals = all
                .iter()
                .filter(|g| g.for_session(&session.id, session.started_at))
                .cloned()
                .collect();
            let topics = self.topics_of_session_at(rowid)?;
            Ok(SessionRecord {
                session,
                coachee,
                answers,
                ratings,
                choices,
                notes,
                actions,
                reviews,
                goals,
                topics,
            })
        })
    }

    /// Writes a whole session with its own ids (demo, JSON import). Rows
    /// whose ids (or keys) exist are left alone, so importing twice changes
    /// nothing; returns whether anything new was written. A reviewed action
    /// from another session needs that session imported first (oldest first
    /// does it). Wrap many calls in `in_transaction` for speed.
    pub fn insert_record(&self, record: &SessionRecord) -> Result<bool> {
        let s = &record.session;
        if s.coachee_id != record.coachee.id {
            return Err(StoreError::BadData(format!(
                "session {} belongs to coachee {} but comes with coachee {}",
                s.id, s.coachee_id, record.coachee.id
            )));
        }
        self.write(|| {
            let mut wrote = self.insert_coachee(&record.coachee)?;
            let session = if let Some(rowid) = self.session_rowid_opt(&s.id)? {
                rowid
            } else {
                wrote = true;
                let coachee = self.coachee_rowid(&s.coachee_id)?;
                self.insert_session_row(s, coachee)?
            };
            let mut changed = 0;
            for a in record.answers.iter().filter(|a| !a.text.trim().is_empty()) {
                changed += self
                    .conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO answers (session_id, stage_id, prompt_id, text)
                         VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![session, a.stage_id, a.prompt_id, a.text])?;
            }
            for r in &record.ratings {
                changed += self
                    .conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO ratings (session_id, stage_id, item_id, score, note)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![session, r.stage_id, r.item_id, r.score, r.note])?;
            }
            for c in &record.choices {
                let label = choice_label(&s.guide, &c.stage_id, c.option_id.as_deref());
                changed += self
                    .conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO choices (session_id, stage_id, option_id,
                            option_label, rationale, tags)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![
                        session,
                        c.stage_id,
                        c.option_id,
                        label,
                        c.rationale,
                        serde_json::to_string(&c.tags)?
                    ])?;
            }
            for n in record.notes.iter().filter(|n| !n.text.trim().is_empty()) {
                changed += self
                    .conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO notes (uuid, session_id, stage_id, visibility, text)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![
                        n.id,
                        session,
                        n.stage_id,
                        n.visibility.as_str(),
                        n.text
                    ])?;
            }
            for a in &record.actions {
                changed += usize::from(self.insert_action_row(a, session)?);
            }
            for (review, action) in &record.reviews {
                changed += self.insert_review(review, action)?;
            }
            Ok(wrote || changed > 0)
        })
    }

    /// Writes one imported review (and the action it reviews, if missing).
    fn insert_review(
        &self,
        review: &crate::model::ActionReview,
        action: &crate::model::Action,
    ) -> Result<usize> {
        let mut changed = 0;
        if self.action_rowid(&action.id).is_err() {
            let Some(origin) = self.session_rowid_opt(&action.session_id)? else {
                return Err(StoreError::BadData(format!(
                    "a review refers to action {} of session {}, which is not in the database; \
                     import that session first",
                    action.id, action.session_id
                )));
            };
            changed += usize::from(self.insert_action_row(action, origin)?);
        }
        let action_rowid = self.action_rowid(&action.id)?;
        let session = review
            .session_id
            .as_deref()
            .map(|id| self.session_rowid(id))
            .transpose()?;
        changed += self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO action_reviews (uuid, action_id, session_id, outcome, note, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                review.id,
                action_rowid,
                session,
                review.outcome.as_str(),
                review.note,
                super::convert::time_to_sql(review.at)?
            ])?;
        Ok(changed)
    }

    /// Every score given in the coachee's sessions (skipped items left out),
    /// oldest session first: the data behind the Six Centers trends.
    pub fn score_history(&self, coachee_id: &CoacheeId) -> Result<Vec<ScorePoint>> {
        let coachee = self.coachee_rowid(coachee_id)?;
        self.conn
            .prepare_cached(
                "SELECT s.uuid, s.started_at, r.item_id, r.score
                 FROM sessions s JOIN ratings r ON r.session_id = s.id
                 WHERE s.coachee_id = ?1 AND r.score IS NOT NULL
                 ORDER BY s.started_at, s.id, r.id",
            )?
            .query_and_then([coachee], |r| {
                let started: String = r.get(1)?;
                Ok(ScorePoint {
                    session_id: r.get(0)?,
                    started_at: time_from_sql(&started)?,
                    item_id: r.get(2)?,
                    score: r.get(3)?,
                })
            })?
            .collect()
    }
}
