//! Topics parked for next time and their reviews. A topic's status is its
//! latest review's outcome, read when it is read, never stored apart.

use crate::model::TopicId;
use crate::model::{CoacheeId, SessionId};
use rusqlite::{OptionalExtension, Row, params};
use time::OffsetDateTime;

use super::convert::{enum_from_sql, stored_time, time_from_sql, time_to_sql};
use super::{Result, Store};
use crate::model::{SessionTopics, Topic, TopicOrigin, TopicOutcome, TopicReview, new_id};

const TOPIC_COLUMNS: &str = "t.uuid, c.uuid, t.text, t.private, t.origin, t.raised_at,
     (SELECT s.uuid FROM sessions s WHERE s.id = t.raised_in),
     (SELECT r.outcome FROM topic_reviews r WHERE r.topic_id = t.id
       ORDER BY r.at DESC, r.id DESC LIMIT 1)";

const TOPIC_FROM: &str = "topics t JOIN coachees c ON c.id = t.coachee_id";

fn topic_from_row(r: &Row<'_>) -> Result<Topic> {
    let origin: String = r.get(4)?;
    let raised: String = r.get(5)?;
    let outcome: Option<String> = r.get(7)?;
    Ok(Topic {
        id: r.get(0)?,
        coachee_id: r.get(1)?,
        text: r.get(2)?,
        private: r.get(3)?,
        origin: enum_from_sql(&origin, "topic origin", TopicOrigin::parse)?,
        raised_at: time_from_sql(&raised)?,
        raised_in: r.get(6)?,
        last_outcome: outcome
            .map(|o| enum_from_sql(&o, "topic outcome", TopicOutcome::parse))
            .transpose()?,
    })
}

impl Store {
    /// Parks a topic for the coachee's next session.
    pub fn add_topic(
        &self,
        coachee_id: &CoacheeId,
        text: &str,
        private: bool,
        origin: TopicOrigin,
        raised_in: Option<&SessionId>,
        at: OffsetDateTime,
    ) -> Result<Topic> {
        let text = text.trim();
        self.write(|| {
            let coachee = self.coachee_rowid(coachee_id)?;
            let session = raised_in.map(|s| self.session_rowid(s)).transpose()?;
            let id = TopicId::random();
            self.conn
                .prepare_cached(
                    "INSERT INTO topics (uuid, coachee_id, text, private, origin, raised_at, raised_in)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    id,
                    coachee,
                    text,
                    private,
                    origin.as_str(),
                    time_to_sql(at)?,
                    session
                ])?;
            Ok(Topic {
                id,
                coachee_id: coachee_id.to_owned(),
                text: text.to_owned(),
                private,
                origin,
                raised_at: stored_time(at),
                raised_in: raised_in.cloned(),
                last_outcome: None,
            })
        })
    }

    /// Every topic of the coachee, oldest first.
    fn all_topics(&self, coachee_id: &CoacheeId) -> Result<Vec<Topic>> {
        let coachee = self.coachee_rowid(coachee_id)?;
        self.conn
            .prepare_cached(&format!(
                "SELECT {TOPIC_COLUMNS} FROM {TOPIC_FROM}
                 WHERE t.coachee_id = ?1 ORDER BY t.raised_at, t.id"
            ))?
            .query_and_then([coachee], topic_from_row)?
            .collect()
    }

    /// The coachee's topics still to talk about, oldest first.
    pub fn open_topics(&self, coachee_id: &CoacheeId) -> Result<Vec<Topic>> {
        let all = self.all_topics(coachee_id)?;
        Ok(all.into_iter().filter(Topic::is_open).collect())
    }

    /// What the review stage of `session_id` lists: the coachee's topics
    /// raised before it (not in it) that are open, or that this session
    /// already reviewed, each with this session's outcome.
    pub fn topics_for_review(
        &self,
        coachee_id: &CoacheeId,
        session_id: &SessionId,
    ) -> Result<Vec<(Topic, Option<TopicOutcome>)>> {
        let coachee = self.coachee_rowid(coachee_id)?;
        let session = self.session_rowid(session_id)?;
        let rows: Vec<(Topic, Option<TopicOutcome>)> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {TOPIC_COLUMNS},
                    (SELECT r.outcome FROM topic_reviews r
                      WHERE r.topic_id = t.id AND r.session_id = ?2)
                 FROM {TOPIC_FROM}
                 WHERE t.coachee_id = ?1 AND t.raised_in IS NOT ?2
                 ORDER BY t.raised_at, t.id"
            ))?
            .query_and_then(params![coachee, session], |r| {
                let here: Option<String> = r.get(8)?;
                let here = here
                    .map(|o| enum_from_sql(&o, "topic outcome", TopicOutcome::parse))
                    .transpose()?;
                Ok((topic_from_row(r)?, here))
            })?
            .collect::<Result<_>>()?;
        Ok(rows
            .into_iter()
            .filter(|(t, here)| here.is_some() || t.is_open())
            .collect())
    }

    /// Marks a topic in a session's review, replacing that session's
    /// earlier mark; `None` takes the mark back.
    pub fn review_topic(
        &self,
        topic_id: &TopicId,
        session_id: &SessionId,
        outcome: Option<TopicOutcome>,
        at: OffsetDateTime,
    ) -> Result<()> {
        self.write(|| {
            let topic: i64 = self
                .conn
                .prepare_cached("SELECT id FROM topics WHERE uuid = ?1")?
                .query_row([topic_id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| super::coachees::not_found("topic", topic_id))?;
            let session = self.session_rowid(session_id)?;
            match outcome {
                Some(o) => {
                    self.conn
                        .prepare_cached(
                            "INSERT INTO topic_reviews (topic_id, session_id, outcome, at)
                             VALUES (?1, ?2, ?3, ?4)
                             ON CONFLICT (topic_id, session_id)
                             DO UPDATE SET outcome = excluded.outcome, at = excluded.at",
                        )?
                        .execute(params![topic, session, o.as_str(), time_to_sql(at)?])?;
                }
                None => {
                    self.conn
                        .prepare_cached(
                            "DELETE FROM topic_reviews WHERE topic_id = ?1 AND session_id = ?2",
                        )?
                        .execute([topic, session])?;
                }
            }
            Ok(())
        })
    }

    /// Topics a session parked, and those it reviewed with the outcome.
    pub fn topics_of_session(&self, session_id: &SessionId) -> Result<SessionTopics> {
        self.topics_of_session_at(self.session_rowid(session_id)?)
    }

    /// [`Store::topics_of_session`], by the session's row.
    pub(super) fn topics_of_session_at(&self, session: i64) -> Result<SessionTopics> {
        let raised = self
            .conn
            .prepare_cached(&format!(
                "SELECT {TOPIC_COLUMNS} FROM {TOPIC_FROM} WHERE t.raised_in = ?1
                 ORDER BY t.raised_at, t.id"
            ))?
            .query_and_then([session], topic_from_row)?
            .collect::<Result<_>>()?;
        let reviewed = self
            .conn
            .prepare_cached(&format!(
                "SELECT {TOPIC_COLUMNS}, r.outcome FROM topic_reviews r
                 JOIN topics t ON t.id = r.topic_id JOIN coachees c ON c.id = t.coachee_id
                 WHERE r.session_id = ?1 ORDER BY t.raised_at, t.id"
            ))?
            .query_and_then([session], |r| {
                let o: String = r.get(8)?;
                Ok((
                    topic_from_row(r)?,
                    enum_from_sql(&o, "topic outcome", TopicOutcome::parse)?,
                ))
            })?
            .collect::<Result<_>>()?;
        Ok(SessionTopics {
            parked: raised,
            reviewed,
        })
    }

    /// The topics of a coachee's preparation: those an earlier import of
    /// the same form added and no session reviewed yet give way to these.
    pub fn replace_prep_topics(
        &self,
        form_id: &str,
        topics: &[String],
        at: OffsetDateTime,
    ) -> Result<()> {
        self.write(|| {
            let (form, coachee): (i64, i64) = self
                .conn
                .prepare_cached("SELECT id, coachee_id FROM prep_forms WHERE uuid = ?1")?
                .query_row([form_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            self.conn
                .prepare_cached(
                    "DELETE FROM topics WHERE prep_form = ?1
                       AND NOT EXISTS (SELECT 1 FROM topic_reviews r WHERE r.topic_id = topics.id)",
                )?
                .execute([form])?;
            let kept: Vec<String> = self
                .conn
                .prepare_cached("SELECT text FROM topics WHERE prep_form = ?1")?
                .query_map([form], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for text in topics.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
                if kept.iter().any(|k| k == text) {
                    continue;
                }
                self.conn
                    .prepare_cached(
                        "INSERT INTO topics (uuid, coachee_id, text, private, origin, raised_at, prep_form)
                         VALUES (?1, ?2, ?3, 0, 'coachee', ?4, ?5)",
                    )?
                    .execute(params![new_id(), coachee, text, time_to_sql(at)?, form])?;
            }
            Ok(())
        })
    }

    /// Every topic of the coachee, open or not, with its reviews oldest
    /// first: for the JSON export.
    pub fn coachee_topics(&self, coachee_id: &CoacheeId) -> Result<Vec<(Topic, Vec<TopicReview>)>> {
        let topics = self.all_topics(coachee_id)?;
        let mut out = Vec::with_capacity(topics.len());
        for t in topics {
            let reviews = self
                .conn
                .prepare_cached(
                    "SELECT s.uuid, r.outcome, r.at FROM topic_reviews r
                     JOIN topics t ON t.id = r.topic_id JOIN sessions s ON s.id = r.session_id
                     WHERE t.uuid = ?1 ORDER BY r.at, r.id",
                )?
                .query_and_then([&t.id], |r| {
                    let o: String = r.get(1)?;
                    let at: String = r.get(2)?;
                    Ok(TopicReview {
                        session_id: r.get(0)?,
                        outcome: enum_from_sql(&o, "topic outcome", TopicOutcome::parse)?,
                        at: time_from_sql(&at)?,
                    })
                })?
                .collect::<Result<_>>()?;
            out.push((t, reviews));
        }
        Ok(out)
    }

    /// Writes a topic with its own id and reviews (JSON import): what is
    /// there already is left alone; a session that is not in the database
    /// is left out. Returns whether the topic was new.
    pub fn insert_topic(&self, t: &Topic, reviews: &[TopicReview]) -> Result<bool> {
        self.write(|| {
            let coachee = self.coachee_rowid(&t.coachee_id)?;
            let raised_in = match &t.raised_in {
                Some(s) => self.session_rowid_opt(s)?,
                None => None,
            };
            let new = self
                .conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO topics (uuid, coachee_id, text, private, origin, raised_at, raised_in)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    t.id,
                    coachee,
                    t.text.trim(),
                    t.private,
                    t.origin.as_str(),
                    time_to_sql(t.raised_at)?,
                    raised_in
                ])?
                > 0;
            for r in reviews {
                let Some(session) = self.session_rowid_opt(&r.session_id)? else {
                    continue;
                };
                self.conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO topic_reviews (topic_id, session_id, outcome, at)
                         SELECT id, ?2, ?3, ?4 FROM topics WHERE uuid = ?1",
                    )?
                    .execute(params![t.id, session, r.outcome.as_str(), time_to_sql(r.at)?])?;
            }
            Ok(new)
        })
    }
}
