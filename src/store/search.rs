//! Full-text search over answers, notes and actions (FTS5, kept in sync by
//! the triggers of the first migration).

use std::collections::HashMap;

use rusqlite::params;

use super::Result;
use super::Store;
use super::convert::time_from_sql;
use crate::guide::{Guide, StageKind};
use crate::model::{HitKind, SNIPPET_END, SNIPPET_START, SearchHit};

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

/// A match found by the first query, before its snippet and stage title.
struct Found {
    rowid: i64,
    session_id: String,
    coachee_name: String,
    started_at: String,
    stage_id: Option<String>,
    private: bool,
}

impl Store {
    /// Finds answers, notes and actions containing every word of `query`
    /// (as prefixes, ignoring case and accents), best match first, then
    /// newest. Private notes are left out unless `include_private`.
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
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|| {
            // rowid = source rowid * 4 + kind (see the first migration).
            let found: Vec<Found> = self
                .conn
                .prepare_cached(
                    "SELECT f.rowid, s.uuid, c.name, s.started_at,
                        coalesce(an.stage_id, n.stage_id), n.visibility = 'private'
                     FROM search_index f
                     LEFT JOIN answers an ON f.rowid % 4 = 0 AND an.id = f.rowid / 4
                     LEFT JOIN notes n ON f.rowid % 4 = 1 AND n.id = f.rowid / 4
                     LEFT JOIN actions x ON f.rowid % 4 = 2 AND x.id = f.rowid / 4
                     JOIN sessions s ON s.id = coalesce(an.session_id, n.session_id, x.session_id)
                     JOIN coachees c ON c.id = s.coachee_id
                     WHERE search_index MATCH ?1 AND (?2 OR n.visibility IS NOT 'private')
                     ORDER BY f.rank, s.started_at DESC, f.rowid DESC
                     LIMIT ?3",
                )?
                .query_map(params![fts, include_private, limit], |r| {
                    Ok(Found {
                        rowid: r.get(0)?,
                        session_id: r.get(1)?,
                        coachee_name: r.get(2)?,
                        started_at: r.get(3)?,
                        stage_id: r.get(4)?,
                        private: r.get::<_, Option<bool>>(5)?.unwrap_or(false),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;

            // Snippets and stage titles only for the few hits shown.
            let mut guides: HashMap<String, Option<Guide>> = HashMap::new();
            let mut hits = Vec::with_capacity(found.len());
            for f in found {
                let snippet: String = self
                    .conn
                    .prepare_cached(
                        "SELECT snippet(search_index, 0, ?2, ?3, '…', ?4) FROM search_index
                         WHERE search_index MATCH ?1 AND rowid = ?5",
                    )?
                    .query_row(
                        params![
                            fts,
                            SNIPPET_START.to_string(),
                            SNIPPET_END.to_string(),
                            SNIPPET_TOKENS,
                            f.rowid
                        ],
                        |r| r.get(0),
                    )?;
                let guide = match guides.get(&f.session_id) {
                    Some(g) => g.as_ref(),
                    None => {
                        let json: String = self.conn.query_row(
                            "SELECT guide_json FROM sessions WHERE uuid = ?1",
                            [&f.session_id],
                            |r| r.get(0),
                        )?;
                        // A snapshot that no longer parses only costs the
                        // stage titles; the hit is still worth showing.
                        let g = serde_json::from_str::<Guide>(&json).ok();
                        guides.entry(f.session_id.clone()).or_insert(g).as_ref()
                    }
                };
                let kind = match f.rowid.rem_euclid(4) {
                    0 => HitKind::Answer,
                    1 => HitKind::Note,
                    _ => HitKind::Action,
                };
                // Actions belong to the guide's actions stage.
                let stage_id = f.stage_id.unwrap_or_else(|| {
                    guide
                        .and_then(|g| {
                            g.stages
                                .iter()
                                .find(|s| matches!(s.kind, StageKind::Actions))
                        })
                        .map_or_else(|| "actions".to_owned(), |s| s.id.clone())
                });
                let stage_title = guide
                    .and_then(|g| g.stage(&stage_id))
                    .map_or_else(|| stage_id.clone(), |s| s.title.clone());
                hits.push(SearchHit {
                    kind,
                    session_id: f.session_id,
                    coachee_name: f.coachee_name,
                    started_at: time_from_sql(&f.started_at)?,
                    stage_id,
                    stage_title,
                    private: f.private,
                    snippet,
                });
            }
            Ok(hits)
        })
    }
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
