//! The practice's figures across every active coachee, for a programme
//! sponsor: counts, the spread of each center's change, action completion
//! and the pathways chosen. Built from sponsor figures only, so it holds no
//! text from the conversations; names only when asked for.

use anyhow::Result;
use time::Date;

use super::figures::{self, Actions, median};
use super::{Audience, Period};
use crate::store::Store;

#[derive(Debug, Clone)]
pub struct Practice {
    pub period: Period,
    pub as_of: Date,
    /// Active (not archived) coachees.
    pub coachees: usize,
    /// Of them, those with a session held in the period.
    pub coached: usize,
    pub sessions: usize,
    pub total_seconds: i64,
    /// Sessions held per coachee coached.
    pub sessions_each: Vec<i64>,
    pub centers: Vec<Spread>,
    pub actions: Actions,
    /// How often each pathway was chosen in the period, most first.
    pub pathways: Vec<(String, usize)>,
    /// Each coachee's latest pathway, counted, most first.
    pub latest_pathways: Vec<(String, usize)>,
    /// One line per coachee coached, only with `--names`.
    pub people: Option<Vec<Person>>,
}

/// How one center changed from first to latest, across coachees.
#[derive(Debug, Clone)]
pub struct Spread {
    pub label: String,
    /// Coachees with a first and a later score.
    pub changes: Vec<i64>,
}

impl Spread {
    pub fn mean(&self) -> Option<f64> {
        let n = self.changes.len();
        (n > 0).then(|| self.changes.iter().sum::<i64>() as f64 / n as f64)
    }

    /// The population standard deviation.
    pub fn sd(&self) -> Option<f64> {
        let m = self.mean()?;
        let n = self.changes.len() as f64;
        Some(
            (self
                .changes
                .iter()
                .map(|c| (*c as f64 - m).powi(2))
                .sum::<f64>()
                / n)
                .sqrt(),
        )
    }

    pub fn range(&self) -> Option<(i64, i64)> {
        Some((*self.changes.iter().min()?, *self.changes.iter().max()?))
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub sessions: usize,
    pub last: Option<Date>,
    /// The mean change over the centers scored twice or more.
    pub mean_change: Option<f64>,
    pub completion: Option<f64>,
    pub latest_pathway: Option<String>,
}

impl Practice {
    pub fn median_sessions(&self) -> Option<f64> {
        median(&self.sessions_each)
    }
}

/// Counts `label` in a tally kept in first-seen order.
fn tally(list: &mut Vec<(String, usize)>, label: &str) {
    match list.iter_mut().find(|(l, _)| l == label) {
        Some((_, n)) => *n += 1,
        None => list.push((label.to_owned(), 1)),
    }
}

/// Reads every active coachee's sponsor figures and adds them up.
pub fn gather(store: &Store, period: Period, names: bool, today: Date) -> Result<Practice> {
    let mut coachees = store.all_coachees()?;
    coachees.retain(|c| !c.archived);
    coachees.sort_by_key(|c| crate::names::fold(&c.name));
    let mut p = Practice {
        period,
        as_of: period.until.min(today),
        coachees: coachees.len(),
        coached: 0,
        sessions: 0,
        total_seconds: 0,
        sessions_each: vec![],
        centers: vec![],
        actions: Actions::default(),
        pathways: vec![],
        latest_pathways: vec![],
        people: names.then(Vec::new),
    };
    for c in &coachees {
        let r = figures::gather(store, c, period, Audience::Sponsor, today)?;
        if r.sessions.is_empty() {
            continue;
        }
        p.coached += 1;
        p.sessions += r.sessions.len();
        p.sessions_each.push(r.sessions.len() as i64);
        p.total_seconds += r.total_seconds();
        let mut own_changes = vec![];
        if let Some(centers) = &r.centers {
            for row in &centers.rows {
                let Some(change) = row.change() else { continue };
                own_changes.push(change);
                match p.centers.iter_mut().find(|s| s.label == row.label) {
                    Some(s) => s.changes.push(change),
                    None => p.centers.push(Spread {
                        label: row.label.clone(),
                        changes: vec![change],
                    }),
                }
            }
        }
        let a = &r.actions;
        p.actions.agreed += a.agreed;
        p.actions.done += a.done;
        p.actions.dropped += a.dropped;
        p.actions.open += a.open;
        p.actions.overdue += a.overdue;
        p.actions.done_after.extend(&a.done_after);
        for step in &r.pathway {
            if let Some(o) = &step.option {
                tally(&mut p.pathways, o);
            }
        }
        let latest = r.pathway.iter().rev().find_map(|s| s.option.clone());
        if let Some(o) = &latest {
            tally(&mut p.latest_pathways, o);
        }
        if let Some(people) = &mut p.people {
            people.push(Person {
                name: c.name.clone(),
                sessions: r.sessions.len(),
                last: r.sessions.last().map(|s| s.date),
                mean_change: (!own_changes.is_empty())
                    .then(|| own_changes.iter().sum::<i64>() as f64 / own_changes.len() as f64),
                completion: a.completion(),
                latest_pathway: latest,
            });
        }
    }
    p.pathways.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    p.latest_pathways
        .sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    Ok(p)
}
