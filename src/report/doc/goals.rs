//! The goals section of a coachee's report: each goal with what it aims
//! at, where it stood at the period's end and, for the coachee, its latest
//! progress note. A sponsor reads only the goals shared with them.

use super::{Col, Part, Section, Table};
use crate::dates::fmt_date;
use crate::export::doc::{NONE, goal_aim, goals::known_centers};
use crate::model::GoalStatus;
use crate::report::figures::Report;

pub const TITLE: &str = "Goals";

pub fn goals(r: &Report) -> Option<Section> {
    if r.goals.is_empty() {
        return None;
    }
    let sponsor = r.audience.is_sponsor();
    let centers: Vec<(String, String)> = r
        .centers
        .iter()
        .flat_map(|c| c.rows.iter().map(|row| (row.id.clone(), row.label.clone())))
        .chain(known_centers().iter().cloned())
        .collect();
    let latest = |id: &str| {
        r.centers
            .as_ref()
            .and_then(|c| c.rows.iter().find(|row| row.id == id))
            .and_then(crate::report::figures::Center::latest)
            .map(|(_, v)| v)
    };
    let rows = r
        .goals
        .iter()
        .map(|g| {
            let goal = &g.history.goal;
            let now = goal.center.as_deref().and_then(latest);
            let status = match (g.status, g.changed) {
                (GoalStatus::Active, _) | (_, None) => g.status.as_str().to_owned(),
                (s, Some(d)) => format!("{} {}", s.as_str(), fmt_date(d)),
            };
            let mut cells = vec![
                goal.text.clone(),
                goal_aim(goal, &centers, now).unwrap_or_else(|| NONE.to_owned()),
                goal.target_date.map_or_else(|| NONE.to_owned(), fmt_date),
                status,
            ];
            if !sponsor {
                cells.push(g.notes.last().map_or_else(
                    || NONE.to_owned(),
                    |(d, n)| format!("{}: {n}", fmt_date(*d)),
                ));
            }
            cells
        })
        .collect();
    let mut columns = vec![
        ("Goal", Col::Text),
        ("Aims at", Col::Text),
        ("By", Col::Date),
        ("Status", Col::Text),
    ];
    if !sponsor {
        columns.push(("Latest progress", Col::Text));
    }
    let achieved = r
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Achieved)
        .count();
    let intro = if sponsor {
        format!(
            "{} the coachee agreed to share; {achieved} achieved by {}.",
            super::plural(r.goals.len(), "goal", "goals"),
            fmt_date(r.as_of)
        )
    } else {
        format!(
            "{} worked towards in this period; {achieved} achieved by {}.",
            super::plural(r.goals.len(), "goal", "goals"),
            fmt_date(r.as_of)
        )
    };
    Some(Section {
        title: TITLE.to_owned(),
        parts: vec![Part::Para(intro), Part::Table(Table { columns, rows })],
    })
}
