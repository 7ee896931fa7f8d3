//! The coachee's goals as a section of an export: each goal with what it
//! aims at, its status and every progress note, worded once for Markdown
//! and HTML.

use super::{Block, NONE, Row, Section};
use crate::dates::{fmt_date, local_date};
use crate::export::json_topics::JsonGoal;
use crate::model::{GoalHistory, GoalStatus};

pub const TITLE: &str = "Goals";
pub const COLUMNS: &[&str] = &["Goal", "Aims at", "By", "Status", "Progress"];

/// The centers of the shipped guides (id, label), to name a goal's center
/// in a file that need not hold the guide that rated it.
pub fn known_centers() -> Vec<(String, String)> {
    crate::guide::builtin_guides()
        .iter()
        .filter_map(|g| super::centers(g).map(|(_, items, _)| items.to_vec()))
        .flatten()
        .map(|i| (i.id, i.label))
        .collect()
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
                format!("{TITLE}: {}", c.name)
            } else {
                TITLE.to_owned()
            };
            section(&theirs, title, &centers)
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
