//! Full-text search over answers, notes, actions, goals and the notes about
//! a coachee (FTS5, kept in sync by the triggers of migrations 0002 and
//! 0010).

use std::collections::HashMap;

use rusqlite::params;

use super::Result;
use super::Store;
use super::convert::time_from_sql;
use crate::guide::{Guide, StageKind};
use crate::model::{CoacheeId, HitKind, SNIPPET_END, SNIPPET_START, SearchHit, SessionId};

/// Words around a match in a snippet.
const SNIPPET_TOKENS: i64 = 12;

/// Turns what the user typed into an FTS5 query that cannot be a syntax
/// error: every word becomes a quoted prefix term (`"word"*`, quotes
/// doubled), all required. FTS5 operators typed on their own (`AND`, `OR`,
/// `NOT`, `NEAR`) and words without a letter or digit (which FTS5 would see
/// as empty phrases) are dropped; `None` when nothing is left to search.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        .filter(|w| !matches!(*w, "AND" | "OR" | "NOT" | "NEAR"))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// How many of the most recent matches are ranked by relevance. Ranking
/// costs time for every match (bm25 reads each entry's length: about 6 µs a
/// match here), so past this many a query is too broad for the ranking to
/// tell much, and search must stay close to the bare full-text lookup.
const RANKED_MATCHES: i64 = 250;

/// A search entry's source and snippet.
struct Entry {
    kind: i64,
    src: i64,
    snippet: String,
}

/// A match, before its source is looked up.
struct Ranked {
    rowid: i64,
    rank: f64,
}

impl Store {
    /// Finds answers, notes, actions, goals and progress notes, and the
    /// notes about a coachee, containing every word of `query`
    /// (as prefixes, ignoring case and accents), best match first, then
    /// newest session. Private notes (and the notes about a coachee) are
    /// left out unless `include_private`.
    /// A query matching more than 250 entries is ranked among the most
    /// recently written 250.
    pub fn search(
        &self,
        query: &str,
        include_private: bool,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        self.read(|| {
            // Rowids are in write order and odd for private notes (see the
            // first migration): both filters below need no lookup per match.
            // One pass finds and ranks the most recent matches; FTS5 walks
            // them newest first, so it stops after the last one ranked.
            let mut ranked: Vec<Ranked> = self
                .conn
                .prepare_cached(
                    "SELECT rowid, bm25(search_index) FROM search_index
                     WHERE search_index MATCH ?1 AND (?2 OR rowid % 2 = 0)
                     ORDER BY rowid DESC LIMIT ?3",
                )?
                .query_map(params![fts, include_private, RANKED_MATCHES], |r| {
                    Ok(Ranked {
                        rowid: r.get(0)?,
                        rank: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let floor = ranked.last().map_or(0, |r| r.rowid);
            // Best first; the most recent first among equals.
            ranked.sort_by(|a, b| a.rank.total_cmp(&b.rank).then(b.rowid.cmp(&a.rowid)));
            ranked.truncate(limit);

            // Snippets, sources and stage titles only for the few hits shown,
            // in a second pass over the ranked matches (snippets need the
            // match itself, and making one for every ranked match would cost
            // more than the pass): a query per hit would merge the prefix
            // terms' doclists again for each.
            let wanted =
                serde_json::to_string(&ranked.iter().map(|r| r.rowid).collect::<Vec<_>>())?;
            let mut entries: HashMap<i64, Entry> = self
                .conn
                .prepare_cached(
                    // `+rowid` keeps SQLite from turning the IN list into one
                    // full-text lookup per value.
                    "SELECT rowid, kind, src,
                        snippet(search_index, 0, ?2, ?3, '…', ?4) FROM search_index
                     WHERE search_index MATCH ?1 AND rowid >= ?5
                       AND +rowid IN (SELECT value FROM json_each(?6))",
                )?
                .query_map(
                    params![
                        fts,
                        SNIPPET_START.to_string(),
                        SNIPPET_END.to_string(),
                        SNIPPET_TOKENS,
                        floor,
                        wanted
                    ],
                    |r| {
                        Ok((
                            r.get(0)?,
                            Entry {
                                kind: r.get(1)?,
                                src: r.get(2)?,
                                snippet: r.get(3)?,
                            },
                        ))
                    },
                )?
                .collect::<rusqlite::Result<_>>()?;
            // By snapshot: most hits share a handful of guide versions.
            let mut guides: HashMap<Option<i64>, Option<Guide>> = HashMap::new();
            let mut hits = Vec::with_capacity(ranked.len());
            for r in ranked {
                let Some(entry) = entries.remove(&r.rowid) else {
                    continue;
                };
                let (hit, snapshot) = self.hit(r.rowid, entry)?;
                let guide = guides
                    .entry(snapshot)
                    // A snapshot that no longer parses only costs the stage
                    // titles; the hit is still worth showing.
                    .or_insert_with(|| snapshot.and_then(|id| self.guide_snapshot(id).ok()))
                    .as_ref();
                hits.push((r.rank, with_stage_title(hit, guide)));
            }
            hits.sort_by(|(ra, a), (rb, b)| {
                ra.total_cmp(rb)
                    .then_with(|| b.started_at.cmp(&a.started_at))
            });
            Ok(hits.into_iter().map(|(_, h)| h).collect())
        })
    }

    /// The hit for one search entry (without its stage title), and the rowid
    /// of its session's guide snapshot (none for an entry without a session).
    fn hit(&self, rowid: i64, entry: Entry) -> Result<(SearchHit, Option<i64>)> {
        let Entry { kind, src, snippet } = entry;
        // (kind, query): each gives the stage (goals and actions have none
        // of their own: their guide's stage is found below), the session
        // (if any), the coachee and the time it stands at.
        let (kind, sql) = match kind {
            0 => (
                HitKind::Answer,
                "SELECT x.stage_id, s.uuid, c.uuid, c.name, s.started_at, s.snapshot_id
                 FROM answers x JOIN sessions s ON s.id = x.session_id
                 JOIN coachees c ON c.id = s.coachee_id WHERE x.id = ?1",
            ),
            1 => (
                HitKind::Note,
                "SELECT x.stage_id, s.uuid, c.uuid, c.name, s.started_at, s.snapshot_id
                 FROM notes x JOIN sessions s ON s.id = x.session_id
                 JOIN coachees c ON c.id = s.coachee_id WHERE x.id = ?1",
            ),
            2 => (
                HitKind::Action,
                "SELECT NULL, s.uuid, c.uuid, c.name, s.started_at, s.snapshot_id
                 FROM actions x JOIN sessions s ON s.id = x.session_id
                 JOIN coachees c ON c.id = s.coachee_id WHERE x.id = ?1",
            ),
            3 => (
                HitKind::Goal,
                "SELECT NULL, s.uuid, c.uuid, c.name, coalesce(s.started_at, g.created_at),
                        s.snapshot_id
                 FROM goals g JOIN coachees c ON c.id = g.coachee_id
                 LEFT JOIN sessions s ON s.id = g.created_in WHERE g.id = ?1",
            ),
            4 => (
                HitKind::Progress,
                "SELECT NULL, s.uuid, c.uuid, c.name, coalesce(s.started_at, u.at), s.snapshot_id
                 FROM goal_updates u JOIN goals g ON g.id = u.goal_id
                 JOIN coachees c ON c.id = g.coachee_id
                 LEFT JOIN sessions s ON s.id = u.session_id WHERE u.id = ?1",
            ),
            6 => (
                HitKind::Topic,
                "SELECT NULL, s.uuid, c.uuid, c.name, coalesce(s.started_at, t.raised_at),
                        s.snapshot_id
                 FROM topics t JOIN coachees c ON c.id = t.coachee_id
                 LEFT JOIN sessions s ON s.id = t.raised_in WHERE t.id = ?1",
            ),
            _ => (
                HitKind::About,
                "SELECT NULL, NULL, c.uuid, c.name, c.created_at, NULL
                 FROM coachees c WHERE c.id = ?1",
            ),
        };
        let (stage_id, session_id, coachee_id, coachee_name, started_at, snapshot): (
            Option<String>,
            Option<SessionId>,
            CoacheeId,
            String,
            String,
            Option<i64>,
        ) = self.conn.prepare_cached(sql)?.query_row([src], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        let hit = SearchHit {
            kind,
            session_id,
            coachee_id,
            coachee_name,
            started_at: time_from_sql(&started_at)?,
            stage_id: stage_id.unwrap_or_default(),
            stage_title: String::new(),
            private: rowid % 2 == 1,
            snippet,
        };
        Ok((hit, snapshot))
    }
}

/// Fills in the stage title from the session's guide (an action's stage is
/// the guide's actions stage, a goal's its goals stage); falls back to the
/// stage id. What belongs to no session names the coachee's page instead.
fn with_stage_title(mut hit: SearchHit, guide: Option<&Guide>) -> SearchHit {
    let own = |kind: fn(&StageKind) -> bool, or: &str| {
        guide
            .and_then(|g| g.stages.iter().find(|s| kind(&s.kind)))
            .map_or_else(|| or.to_owned(), |s| s.id.clone())
    };
    match hit.kind {
        HitKind::Action => hit.stage_id = own(|k| matches!(k, StageKind::Actions), "actions"),
        HitKind::Goal | HitKind::Progress => {
            hit.stage_id = own(|k| matches!(k, StageKind::Goals { .. }), "goals");
        }
        _ => {}
    }
    hit.stage_title = match (&hit.session_id, hit.kind) {
        (None, HitKind::About) => format!("About {}", hit.coachee_name),
        (None, HitKind::Topic) => "Topics, parked between sessions".to_owned(),
        (None, _) => "Goals, between sessions".to_owned(),
        (Some(_), HitKind::Topic) => crate::export::doc::topics::PARKED_TITLE.to_owned(),
        _ => guide.and_then(|g| g.stage(&hit.stage_id)).map_or_else(
            || match hit.kind {
                HitKind::Goal | HitKind::Progress => crate::export::doc::goals::TITLE.to_owned(),
                _ => hit.stage_id.clone(),
            },
            |s| s.title.clone(),
        ),
    };
    hit
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::fts_query;

    #[test]
    fn words_become_quoted_prefix_terms() {
        assert_eq!(
            fts_query("cafe resu").as_deref(),
            Some("\"cafe\"* AND \"resu\"*")
        );
        assert_eq!(
            fts_query("say \"hi\"").as_deref(),
            Some("\"say\"* AND \"\"\"hi\"\"\"*")
        );
    }

    #[test]
    fn operators_and_punctuation_alone_search_nothing() {
        for q in [
            "",
            "  ",
            "\"",
            "*",
            "-",
            ":",
            "(",
            ")",
            "AND",
            "OR NOT",
            "NEAR",
            "\" * - : ( )",
        ] {
            assert_eq!(fts_query(q), None, "{q:?}");
        }
    }
}
