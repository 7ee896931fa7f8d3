//! Demo goals in every state: one achieved after two sessions of progress,
//! one still active with a note from each session, every third coachee one
//! dropped, and one set between sessions without a center.

use crate::model::GoalId;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use time::Duration;

use crate::model::{Goal, GoalStatus, SessionRecord, SessionStatus};
use crate::store::Store;

/// Goals a coachee might set, ending with the demo's theme.
const GOALS: &[&str] = &[
    "Decide alone what I can decide about",
    "Speak up early in leadership meetings about",
    "Hand over the day-to-day of",
    "Get a clear mandate for",
    "Build trust with the people behind",
    "Find the energy again for",
];

const PROGRESS: &[&str] = &[
    "First small step taken; it felt easier than expected.",
    "Stalled for two weeks, then one good conversation moved it on.",
    "Clearer now what 'done' looks like.",
    "Asked for feedback and got useful, honest answers.",
    "Tried it twice; the second time went better.",
];

pub(super) fn goals(
    store: &Store,
    records: &[SessionRecord],
    theme: &str,
    rng: &mut ChaCha8Rng,
) -> crate::store::Result<()> {
    let done: Vec<&SessionRecord> = records
        .iter()
        .filter(|r| r.session.status == SessionStatus::Completed)
        .collect();
    let Some(first) = done.first() else {
        return Ok(());
    };
    let coachee = &first.coachee.id;
    let at = |r: &SessionRecord| r.session.started_at + Duration::minutes(40);
    // Four different goals, in a seeded order.
    let mut heads = GOALS
        .choose_multiple(rng, 4)
        .copied()
        .collect::<Vec<_>>()
        .into_iter();
    let mut text = |_: &mut ChaCha8Rng| format!("{} {theme}", heads.next().unwrap_or(GOALS[0]));
    let note = |rng: &mut ChaCha8Rng| PROGRESS.choose(rng).copied().unwrap_or_default();
    let set = |text: String, center: Option<&str>, r: Option<&SessionRecord>, shareable: bool| {
        // Two points above where the center stood that day, and above the
        // best score any session gave it, so that a goal still open does
        // not read as passed already; at most 10.
        let target = center.map(|c| {
            let score = |r: &SessionRecord| {
                r.ratings
                    .iter()
                    .find(|x| x.item_id == c)
                    .and_then(|x| x.score)
            };
            let now = r.and_then(score).unwrap_or(5);
            let best = done.iter().filter_map(|r| score(r)).max().unwrap_or(now);
            (now + 2).max(best + 1).min(10)
        });
        store.add_goal(&Goal {
            id: GoalId::random(),
            coachee_id: coachee.clone(),
            text,
            center: center.map(str::to_owned),
            target,
            target_date: r.map(|r| r.session.started_at.date() + Duration::days(90)),
            shareable,
            created_at: r.map_or(first.session.started_at + Duration::days(3), at),
            created_in: r.map(|r| r.session.id.clone()),
        })
    };
    // Two of the centers the first session's guide rates.
    let items = crate::export::doc::centers(&first.session.guide).map_or(&[][..], |c| c.1);
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    let centers: Vec<&str> = ids.choose_multiple(rng, 2).copied().collect();
    let later = &done[1..];
    // Achieved: progress in the next session, achieved in the one after.
    let achieved = set(text(rng), centers.first().copied(), Some(first), true)?;
    if let [a, b, ..] = later {
        store.save_goal_update(&achieved.id, Some(&a.session.id), None, note(rng), at(a))?;
        store.save_goal_update(
            &achieved.id,
            Some(&b.session.id),
            Some(GoalStatus::Achieved),
            note(rng),
            at(b),
        )?;
    }
    // Active, with a note from each later session.
    let active = set(text(rng), centers.get(1).copied(), Some(first), false)?;
    for r in later {
        store.save_goal_update(&active.id, Some(&r.session.id), None, note(rng), at(r))?;
    }
    if rng.random_range(0..3) == 0
        && let Some(last) = later.last()
    {
        let dropped = set(text(rng), None, Some(first), false)?;
        store.save_goal_update(
            &dropped.id,
            Some(&last.session.id),
            Some(GoalStatus::Dropped),
            "No longer the priority since the reorganisation.",
            at(last),
        )?;
    }
    // Set between sessions, on the coachee page.
    set(text(rng), None, None, false)?;
    Ok(())
}
