//! Where an export's sessions come from: read from the store one at a time
//! (`Stream`, what `innerceo export` uses, so memory does not grow with the
//! number of sessions), or already gathered in memory (`Export`, for one
//! session in the app and for tests). Every format renders from a `Source`.

use crate::model::CoacheeId;
use crate::model::SessionId;
use std::collections::BTreeMap;

use anyhow::{Result, anyhow};
use time::OffsetDateTime;

use super::json_topics::{JsonGoal, JsonTopic};
use super::{Export, Item, Scope, find_coachee, previous_scores};
use crate::guide::Guide;
use crate::model::{Coachee, ScorePoint, Visibility};
use crate::store::Store;

/// A session as a table of contents names it, without its content.
pub struct Entry<'a> {
    pub id: &'a str,
    pub coachee_name: &'a str,
    pub started_at: OffsetDateTime,
}

/// A coachee's Six Centers over the exported sessions: the guide of the
/// latest scored session, and the scores of each scored session, oldest
/// first (score per item id).
pub struct Trend {
    pub guide: Guide,
    pub sessions: Vec<(OffsetDateTime, BTreeMap<String, i64>)>,
}

/// What every format reads: the export's facts, and its sessions in export
/// order (grouped by coachee in `coachees` order, oldest first).
pub trait Source {
    /// When the export was made (JSON `exported_at`, iCalendar `DTSTAMP`).
    fn exported_at(&self) -> OffsetDateTime;
    fn include_private(&self) -> bool;
    /// The coachees concerned, sorted by name, notes removed unless private.
    fn coachees(&self) -> &[Coachee];
    /// How many sessions the export holds.
    fn count(&self) -> Result<usize>;
    /// Each session's heading, in order, without reading its content.
    fn each_entry(&self, f: &mut dyn FnMut(&Entry<'_>) -> Result<()>) -> Result<()>;
    /// Each session whole, in order, one at a time.
    fn each_item(&self, f: &mut dyn FnMut(&Item) -> Result<()>) -> Result<()>;
    /// The coachee's scores over the exported sessions.
    fn trend(&self, coachee_id: &CoacheeId) -> Result<Option<Trend>>;
    /// The topics for next time the export holds (JSON only): a short list.
    fn topics(&self) -> Result<Vec<JsonTopic>>;
    /// The goals the export holds, with their updates: a short list.
    fn goals(&self) -> Result<Vec<JsonGoal>>;
}

impl Source for Export {
    fn exported_at(&self) -> OffsetDateTime {
        self.exported_at
    }

    fn include_private(&self) -> bool {
        self.include_private
    }

    fn coachees(&self) -> &[Coachee] {
        &self.coachees
    }

    fn count(&self) -> Result<usize> {
        Ok(self.sessions.len())
    }

    fn each_entry(&self, f: &mut dyn FnMut(&Entry<'_>) -> Result<()>) -> Result<()> {
        for item in &self.sessions {
            let r = &item.record;
            f(&Entry {
                id: &r.session.id,
                coachee_name: &r.coachee.name,
                started_at: r.session.started_at,
            })?;
        }
        Ok(())
    }

    fn each_item(&self, f: &mut dyn FnMut(&Item) -> Result<()>) -> Result<()> {
        self.sessions.iter().try_for_each(f)
    }

    fn topics(&self) -> Result<Vec<JsonTopic>> {
        Ok(self.topics.clone())
    }

    fn goals(&self) -> Result<Vec<JsonGoal>> {
        Ok(self.goals.clone())
    }

    fn trend(&self, coachee_id: &CoacheeId) -> Result<Option<Trend>> {
        let points: Vec<ScorePoint> = self
            .sessions
            .iter()
            .map(|i| &i.record)
            .filter(|r| r.coachee.id == *coachee_id)
            .flat_map(|r| {
                r.ratings.iter().filter_map(|rating| {
                    Some(ScorePoint {
                        session_id: r.session.id.clone(),
                        started_at: r.session.started_at,
                        item_id: rating.item_id.clone(),
                        score: rating.score?,
                    })
                })
            })
            .collect();
        let guide = |id: &SessionId| -> Result<Guide> {
            self.sessions
                .iter()
                .find(|i| i.record.session.id == *id)
                .map(|i| i.record.session.guide.clone())
                .ok_or_else(|| anyhow!("session {id} is not in the export"))
        };
        trend_of(&points, guide)
    }
}

/// Groups score points (oldest session first) into a trend; the guide is
/// read only for the latest scored session.
fn trend_of(
    points: &[ScorePoint],
    guide: impl Fn(&SessionId) -> Result<Guide>,
) -> Result<Option<Trend>> {
    let mut sessions: Vec<(&SessionId, OffsetDateTime, BTreeMap<String, i64>)> = Vec::new();
    for p in points {
        if sessions.last().is_none_or(|(id, ..)| **id != p.session_id) {
            sessions.push((&p.session_id, p.started_at, BTreeMap::new()));
        }
        if let Some((.., scores)) = sessions.last_mut() {
            // The first score of an item counts, as in the session's table.
            scores.entry(p.item_id.clone()).or_insert(p.score);
        }
    }
    let Some((last, ..)) = sessions.last() else {
        return Ok(None);
    };
    Ok(Some(Trend {
        guide: guide(last)?,
        sessions: sessions.into_iter().map(|(_, t, s)| (t, s)).collect(),
    }))
}

/// A session's id and start.
type SessionStart = (SessionId, OffsetDateTime);

/// An export read from the store as it is written: the coachees up front
/// (a few hundred at most), each session only while it is rendered.
pub struct Stream<'s> {
    store: &'s Store,
    exported_at: OffsetDateTime,
    include_private: bool,
    coachees: Vec<Coachee>,
    /// `Some` for a one-session export.
    session: Option<SessionId>,
}

impl<'s> Stream<'s> {
    /// What `scope` covers; fails on an unknown session or coachee.
    pub fn new(
        store: &'s Store,
        scope: &Scope,
        include_private: bool,
        exported_at: OffsetDateTime,
    ) -> Result<Self> {
        let (mut coachees, session) = match scope {
            Scope::Session(id) => {
                let session = store.find_session(id).map_err(|e| {
                    anyhow!("{e}: see the session ids with `innerceo session list`")
                })?;
                (vec![store.coachee(&session.coachee_id)?], Some(session.id))
            }
            Scope::Coachee(name) => (vec![find_coachee(store, name)?], None),
            Scope::All => {
                let mut all = store.all_coachees()?;
                all.sort_by(|a, b| {
                    (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id))
                });
                (all, None)
            }
        };
        if !include_private {
            for c in &mut coachees {
                c.notes.clear();
            }
        }
        Ok(Stream {
            store,
            exported_at,
            include_private,
            coachees,
            session,
        })
    }

    /// Each coachee's sessions (id and start, oldest first): one short list
    /// at a time.
    fn each_group(&self, f: &mut dyn FnMut(&Coachee, &[SessionStart]) -> Result<()>) -> Result<()> {
        if let Some(id) = &self.session {
            let s = self.store.session(id)?;
            return match self.coachees.first() {
                Some(c) => f(c, &[(s.id, s.started_at)]),
                None => Ok(()),
            };
        }
        for c in &self.coachees {
            f(c, &self.store.session_starts(&c.id)?)?;
        }
        Ok(())
    }

    /// Reads the whole export into memory.
    pub fn collect(&self) -> Result<Export> {
        let mut sessions = Vec::new();
        self.each_item(&mut |item| {
            sessions.push(item.clone());
            Ok(())
        })?;
        Ok(Export {
            exported_at: self.exported_at,
            include_private: self.include_private,
            coachees: self.coachees.clone(),
            sessions,
            topics: self.topics()?,
            goals: self.goals()?,
        })
    }
}

impl Source for Stream<'_> {
    fn exported_at(&self) -> OffsetDateTime {
        self.exported_at
    }

    fn include_private(&self) -> bool {
        self.include_private
    }

    fn coachees(&self) -> &[Coachee] {
        &self.coachees
    }

    fn count(&self) -> Result<usize> {
        if self.session.is_some() {
            return Ok(1);
        }
        let mut n = 0;
        for c in &self.coachees {
            n += self.store.session_count(&c.id)?;
        }
        Ok(n)
    }

    fn each_entry(&self, f: &mut dyn FnMut(&Entry<'_>) -> Result<()>) -> Result<()> {
        self.each_group(&mut |c, sessions| {
            for (id, started_at) in sessions {
                f(&Entry {
                    id,
                    coachee_name: &c.name,
                    started_at: *started_at,
                })?;
            }
            Ok(())
        })
    }

    fn each_item(&self, f: &mut dyn FnMut(&Item) -> Result<()>) -> Result<()> {
        let include_private = self.include_private;
        self.each_group(&mut |c, sessions| {
            // Per coachee: the baseline of each session comes from here.
            let points = self.store.score_history(&c.id)?;
            let goals = self.store.coachee_goals(&c.id)?;
            for (id, _) in sessions {
                let mut record = self.store.session_record_with(id, Some(&goals))?;
                if !include_private {
                    record.notes.retain(|n| n.visibility == Visibility::Shared);
                    record.coachee.notes.clear();
                }
                let previous = previous_scores(&points, &record);
                let mut history = BTreeMap::new();
                for a in &record.actions {
                    history.insert(a.id.clone(), self.store.action_history(&a.id)?);
                }
                let prep = crate::prep::for_session(self.store, id)?;
                f(&Item {
                    record,
                    previous,
                    history,
                    prep,
                })?;
            }
            Ok(())
        })
    }

    fn topics(&self) -> Result<Vec<JsonTopic>> {
        let mut out = Vec::new();
        for c in &self.coachees {
            for (t, reviews) in self.store.coachee_topics(&c.id)? {
                if t.private && !self.include_private {
                    continue;
                }
                let t = JsonTopic::from_topic(&t, reviews);
                if self.session.as_deref().is_none_or(|s| t.touches(s)) {
                    out.push(t);
                }
            }
        }
        Ok(out)
    }

    fn goals(&self) -> Result<Vec<JsonGoal>> {
        let mut out = Vec::new();
        for c in &self.coachees {
            for h in self.store.coachee_goals(&c.id)? {
                if self.session.as_deref().is_none_or(|s| h.touches(s)) {
                    out.push(h);
                }
            }
        }
        Ok(out)
    }

    fn trend(&self, coachee_id: &CoacheeId) -> Result<Option<Trend>> {
        if self.session.is_some() {
            return Ok(None);
        }
        let points = self.store.score_history(coachee_id)?;
        trend_of(&points, |id| Ok(self.store.session(id)?.guide))
    }
}
