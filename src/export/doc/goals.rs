//! The coachee's goals as a section of an export: each goal with what it
//! aims at, its status and every progress note, worded once for Markdown
//! and HTML.

use super::{Block, NONE, Row, Section};
use crate::dates::{fmt_date, local_date};
use crate::export::json_topics::JsonGoal;
use crate::model::SessionId;
use crate::model::{GoalHistory, GoalStatus, SessionRecord};

pub const TITLE: &str = "Goals";
/// The closing section of an export: each coachee's goals with every
/// progress note, apart from the goals of a session (titled [`TITLE`]).
pub const HISTORY_TITLE: &str = "Goals over time";
pub const COLUMNS: &[&str] = &["Goal", "Aims at", "By", "Status", "Progress"];
/// A session's goals: what each aims at, where it stands after the
/// session, and the session's progress note.
pub const SESSION_COLUMNS: &[&str] = &["Goal", "Aims at", "By", "Status", "Progress note"];
pub const NO_GOALS: &str = "No goals set yet";
/// A goal's status in the session that set it.
pub const SET_HERE: &str = "set in this session";

/// The centers a session can name, each once: its guide's, then those
/// only the shipped guides have.
pub fn centers_of(guide: &crate::guide::Guide) -> Vec<(String, String)> {
    let own = super::centers(guide).map_or(&[][..], |(_, items, _)| items);
    let mut seen = std::collections::BTreeSet::new();
    own.iter()
        .map(|i| (i.id.clone(), i.label.clone()))
        .chain(known_centers().iter().cloned())
        .filter(|(id, _)| seen.insert(id.clone()))
        .collect()
}

/// What session `r` made of its goals: one row per goal it worked on
/// (`only_touched`: only those it set or updated, for a guide without a
/// goals stage).
pub fn in_session(r: &SessionRecord, only_touched: bool) -> Block {
    let centers = centers_of(&r.session.guide);
    let sid = &r.session.id;
    let score = |center: &str| {
        r.ratings
            .iter()
            .find(|x| x.item_id == center)
            .and_then(|x| x.score)
    };
    let rows = r
        .goals
        .iter()
        .filter(|h| !only_touched || h.touches(sid))
        .map(|h| {
            let g = &h.goal;
            let now = g.center.as_deref().and_then(score);
            Row {
                text: g.text.clone(),
                owner: super::goal_aim(g, &centers, now),
                due: g.target_date.map(fmt_date),
                state: session_status(h, sid).to_owned(),
                note: Some(
                    h.in_session(sid)
                        .map(|u| u.note.trim().to_owned())
                        .unwrap_or_default(),
                ),
            }
        });
    Block::Rows {
        columns: SESSION_COLUMNS,
        rows: rows.collect(),
        empty: NO_GOALS,
    }
}

/// `achieved`, `dropped`, `set in this session` or `active`.
pub fn session_status(h: &GoalHistory, session_id: &SessionId) -> &'static str {
    match h.status_in(session_id) {
        GoalStatus::Active if h.goal.created_in.as_deref() == Some(session_id) => SET_HERE,
        s => s.as_str(),
    }
}

/// The centers of the shipped guides (id, label), to name a goal's center
/// in a file that need not hold the guide that rated it.
pub fn known_centers() -> &'static [(String, String)] {
    // Parsing the shipped guides costs more than a frame should: once.
    static KNOWN: std::sync::LazyLock<Vec<(String, String)>> = std::sync::LazyLock::new(|| {
        crate::guide::builtin_guides()
            .iter()
            .filter_map(|g| super::centers(g).map(|(_, items, _)| items.to_vec()))
            .flatten()
            .map(|i| (i.id, i.label))
            .collect()
    });
    &KNOWN
}

/// `achieved 2026-11-03`, or `active`.
pub fn status_text(h: &GoalHistory) -> String {
    match h.last_change() {
        Some((u, s)) if s != GoalStatus::Active => {
            format!("{} {}", s.as_str(), fmt_date(local_date(u.at)))
        }
        _ => GoalStatus::Active.as_str().to_owned(),
    }
}

/// Every progress note, dated, oldest first: `2026-10-01: first steps`.
pub fn progress_text(h: &GoalHistory) -> String {
    h.updates
        .iter()
        .filter(|u| !u.note.trim().is_empty())
        .map(|u| format!("{}: {}", fmt_date(local_date(u.at)), u.note.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A section per coachee with goals (`Goals`, or `Goals: NAME` when the
/// export holds several coachees), in the coachees' order.
pub fn sections(goals: &[JsonGoal], coachees: &[crate::model::Coachee]) -> Vec<Section> {
    if goals.is_empty() {
        return Vec::new();
    }
    let centers = known_centers();
    coachees
        .iter()
        .filter_map(|c| {
            let theirs: Vec<&JsonGoal> =
                goals.iter().filter(|g| g.goal.coachee_id == c.id).collect();
            let title = if coachees.len() > 1 {
                format!("{HISTORY_TITLE}: {}", c.name)
            } else {
                HISTORY_TITLE.to_owned()
            };
            section(&theirs, title, centers)
        })
        .collect()
}

fn section(goals: &[&JsonGoal], title: String, centers: &[(String, String)]) -> Option<Section> {
    if goals.is_empty() {
        return None;
    }
    let rows = goals
        .iter()
        .map(|g| {
            let h = *g;
            Row {
                owner: Some(
                    super::goal_aim(&h.goal, centers, None).unwrap_or_else(|| NONE.to_owned()),
                ),
                due: h.goal.target_date.map(fmt_date),
                state: status_text(h),
                note: Some(progress_text(h)),
                text: h.goal.text.clone(),
            }
        })
        .collect();
    Some(Section {
        stage_id: None,
        title,
        blocks: vec![Block::Rows {
            columns: COLUMNS,
            rows,
            empty: "",
        }],
    })
}
