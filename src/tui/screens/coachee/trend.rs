//! Six Centers trend arithmetic: per center the scores over time, the latest
//! one and how it moved since the first and the previous session. Pure.

use crate::model::SessionId;
use std::collections::BTreeMap;

use crate::model::ScorePoint;

/// One center over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CenterTrend {
    pub id: String,
    pub label: String,
    /// Scores, oldest first, one per session that rated this center.
    pub scores: Vec<i64>,
    pub latest: Option<i64>,
    /// Latest minus the first score; `None` until there are two scores.
    pub since_first: Option<i64>,
    /// Latest minus the score before it; `None` until there are two scores.
    pub since_previous: Option<i64>,
}

/// The trend of each center in `centers` (id, label), in that order, from
/// `points` given oldest first (as `Store::score_history` returns them).
///
/// A session that skipped a center does not count for that center: "the
/// previous" score is the last one actually given, so a gap never reads as
/// a drop to zero.
pub fn center_trends(centers: &[(String, String)], points: &[ScorePoint]) -> Vec<CenterTrend> {
    centers
        .iter()
        .map(|(id, label)| {
            let scores: Vec<i64> = points
                .iter()
                .filter(|p| &p.item_id == id)
                .map(|p| p.score)
                .collect();
            let latest = scores.last().copied();
            let (since_first, since_previous) = match scores.as_slice() {
                [first, middle @ .., last] => (
                    Some(last - first),
                    Some(last - middle.last().unwrap_or(first)),
                ),
                _ => (None, None),
            };
            CenterTrend {
                id: id.clone(),
                label: label.clone(),
                scores,
                latest,
                since_first,
                since_previous,
            }
        })
        .collect()
}

/// A session that rated at least one of the centers, with its scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatedSession {
    pub session_id: SessionId,
    pub started_at: time::OffsetDateTime,
    pub scores: BTreeMap<String, i64>,
}

/// The sessions that rated any of `centers`, oldest first.
pub fn rated_sessions(centers: &[(String, String)], points: &[ScorePoint]) -> Vec<RatedSession> {
    let mut out: Vec<RatedSession> = Vec::new();
    for p in points
        .iter()
        .filter(|p| centers.iter().any(|(id, _)| id == &p.item_id))
    {
        match out.iter_mut().find(|s| s.session_id == p.session_id) {
            Some(s) => {
                s.scores.insert(p.item_id.clone(), p.score);
            }
            None => out.push(RatedSession {
                session_id: p.session_id.clone(),
                started_at: p.started_at,
                scores: BTreeMap::from([(p.item_id.clone(), p.score)]),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn pt(session: &str, day: u8, item: &str, score: i64) -> ScorePoint {
        let base = datetime!(2026-10-01 09:00 UTC);
        ScorePoint {
            session_id: session.into(),
            started_at: base + time::Duration::days(i64::from(day)),
            item_id: item.to_owned(),
            score,
        }
    }

    fn centers() -> Vec<(String, String)> {
        [("autonomy", "Autonomy"), ("relationships", "Relationships")]
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn latest_and_changes_since_first_and_previous() {
        let points = vec![
            pt("s1", 1, "autonomy", 4),
            pt("s1", 1, "relationships", 8),
            pt("s2", 15, "autonomy", 6),
            pt("s2", 15, "relationships", 7),
            pt("s2", 15, "confidence", 9),
            pt("s3", 29, "autonomy", 5),
            pt("s3", 29, "relationships", 9),
        ];
        let t = center_trends(&centers(), &points);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].scores, vec![4, 6, 5]);
        assert_eq!(t[0].latest, Some(5));
        assert_eq!(t[0].since_first, Some(1));
        assert_eq!(t[0].since_previous, Some(-1));
        assert_eq!(t[1].latest, Some(9));
        assert_eq!(t[1].since_first, Some(1));
        assert_eq!(t[1].since_previous, Some(2));
    }

    #[test]
    fn one_score_has_no_change_and_none_has_no_latest() {
        let t = center_trends(&centers(), &[pt("s1", 1, "autonomy", 7)]);
        assert_eq!(t[0].latest, Some(7));
        assert_eq!(t[0].since_first, None);
        assert_eq!(t[0].since_previous, None);
        assert_eq!(t[1].latest, None);
        assert!(t[1].scores.is_empty());
    }

    #[test]
    fn a_skipped_center_compares_with_its_last_score() {
        let points = vec![
            pt("s1", 1, "autonomy", 3),
            pt("s2", 15, "relationships", 6),
            pt("s3", 29, "autonomy", 8),
        ];
        let t = center_trends(&centers(), &points);
        assert_eq!(t[0].scores, vec![3, 8]);
        assert_eq!(t[0].since_previous, Some(5));
        assert_eq!(t[0].since_first, Some(5));
    }

    #[test]
    fn rated_sessions_group_scores_and_skip_other_items() {
        let points = vec![
            pt("s1", 1, "autonomy", 3),
            pt("s1", 1, "relationships", 4),
            pt("s2", 15, "confidence", 6),
            pt("s3", 29, "autonomy", 8),
        ];
        let r = rated_sessions(&centers(), &points);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].session_id, "s1");
        assert_eq!(r[0].scores.get("relationships"), Some(&4));
        assert_eq!(r[1].session_id, "s3");
    }
}
