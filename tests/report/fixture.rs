//! An engagement with known figures, for the report tests: Maya, four
//! one-to-ones in spring 2026 (gaps 14, 21 and 15 days against a 14-day
//! plan), scores that move by known amounts, six actions in every status;
//! Kofi, two sessions; Lena, archived, one session. Every piece of text is
//! unique, so a test can look for each one.

// Each test crate uses a different part of the fixture.
#![allow(dead_code)]

use std::collections::BTreeMap;

use innerceo::guide::builtin_guides;
use innerceo::model::{
    Action, ActionReview, ActionStatus, Answer, Choice, Coachee, Note, Rating, ReviewOutcome,
    Session, SessionRecord, SessionStatus, Visibility,
};
use innerceo::store::Store;
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

pub const MAYA: &str = "c0000000-0000-4000-8000-0000000000a1";
pub const KOFI: &str = "c0000000-0000-4000-8000-0000000000a2";
pub const LENA: &str = "c0000000-0000-4000-8000-0000000000a3";

/// A word only a private note holds.
pub const PRIVATE_WORD: &str = "Zanzibar";

const CENTERS: [&str; 6] = [
    "autonomy",
    "self_motivation",
    "self_confidence",
    "self_efficacy",
    "job_satisfaction",
    "relationships",
];

fn coachee(id: &str, name: &str, rhythm: Option<i64>, archived: bool) -> Coachee {
    Coachee {
        id: id.into(),
        name: name.into(),
        role: "Team Lead".into(),
        notes: format!("{PRIVATE_WORD} coachee notes about {name}"),
        archived,
        rhythm_days: rhythm,
        created_at: datetime!(2026-02-01 08:00 UTC),
    }
}

/// Noon UTC, so the day is the same in every time zone a test runs in.
fn noon(d: Date) -> OffsetDateTime {
    d.with_hms(12, 0, 0).unwrap().assume_utc()
}

/// What one session holds; `None` scores are left unscored.
pub struct Plan {
    pub id: &'static str,
    pub coachee: &'static str,
    pub day: Date,
    pub seconds: i64,
    pub agreed_next: Option<Date>,
    pub scores: [Option<i64>; 6],
    pub option: &'static str,
    pub tags: &'static [&'static str],
    pub confidence: i64,
}

/// Every text of a session, from its id: `"{id} intent"`, …
fn text(plan: &Plan, what: &str) -> String {
    format!("{what} words of session {}", &plan.id[..4])
}

fn record(
    plan: &Plan,
    c: &Coachee,
    actions: Vec<Action>,
    reviews: Vec<(ActionReview, Action)>,
) -> SessionRecord {
    let guide = builtin_guides()
        .into_iter()
        .find(|g| g.id == "one-to-one")
        .unwrap();
    // The whole length on the first stage: the total is what counts.
    let mut stage_seconds = BTreeMap::new();
    stage_seconds.insert(guide.stages[0].id.clone(), plan.seconds);
    let start = noon(plan.day);
    let mut ratings: Vec<Rating> = CENTERS
        .iter()
        .zip(plan.scores)
        .filter_map(|(item, score)| {
            score.map(|s| Rating {
                stage_id: "six-centers".into(),
                item_id: (*item).into(),
                score: Some(s),
                note: text(plan, &format!("{item} rating note")),
            })
        })
        .collect();
    ratings.push(Rating {
        stage_id: "close".into(),
        item_id: "confidence".into(),
        score: Some(plan.confidence),
        note: String::new(),
    });
    let answer = |stage: &str, prompt: &str| Answer {
        stage_id: stage.into(),
        prompt_id: prompt.into(),
        text: text(plan, prompt),
    };
    SessionRecord {
        session: Session {
            id: plan.id.into(),
            coachee_id: c.id.clone(),
            done_stages: guide.stages.iter().map(|s| s.id.clone()).collect(),
            current_stage: guide.stages.len() - 1,
            current_field: 0,
            guide,
            started_at: start,
            ended_at: Some(start + time::Duration::seconds(plan.seconds)),
            status: SessionStatus::Completed,
            stage_seconds,
            focus: None,
            next_session: plan.agreed_next,
            corrected_at: None,
        },
        coachee: c.clone(),
        answers: vec![
            answer("clarity", "intent"),
            answer("clarity", "purpose"),
            answer("guardrails", "limits"),
            answer("close", "key_insight"),
            answer("close", "commitment"),
        ],
        ratings,
        choices: vec![Choice {
            stage_id: "stepping".into(),
            option_id: Some(plan.option.into()),
            rationale: text(plan, "rationale"),
            tags: plan.tags.iter().map(|t| (*t).to_string()).collect(),
        }],
        notes: vec![
            Note {
                id: format!("{}-n1", &plan.id[..8]),
                stage_id: "clarity".into(),
                visibility: Visibility::Shared,
                text: text(plan, "shared note"),
            },
            Note {
                id: format!("{}-n2", &plan.id[..8]),
                stage_id: "guardrails".into(),
                visibility: Visibility::Private,
                text: format!("{PRIVATE_WORD} {}", text(plan, "private note")),
            },
        ],
        actions,
        reviews,
        goals: Vec::new(),
        topics: innerceo::model::SessionTopics::default(),
    }
}

#[allow(clippy::too_many_arguments)]
fn action(
    n: u8,
    plan: &Plan,
    due: Option<Date>,
    status: ActionStatus,
    completed_on: Option<Date>,
) -> Action {
    Action {
        id: format!("ac000000-0000-4000-8000-0000000000{n:02}").into(),
        session_id: plan.id.into(),
        coachee_id: plan.coachee.into(),
        text: format!("Action text number {n} of the engagement"),
        owner: "coachee".into(),
        due,
        status,
        completed_on,
        link: None,
        created_at: noon(plan.day),
    }
}

fn review(
    n: u8,
    a: &Action,
    session: Option<&str>,
    outcome: ReviewOutcome,
    day: Date,
) -> (ActionReview, Action) {
    (
        ActionReview {
            id: format!("r0000000-0000-4000-8000-0000000000{n:02}"),
            action_id: a.id.clone(),
            session_id: session.map(Into::into),
            outcome,
            note: format!("Review note number {n}"),
            at: noon(day),
        },
        a.clone(),
    )
}

pub const M1: Plan = Plan {
    id: "m1000000-0000-4000-8000-000000000001",
    coachee: MAYA,
    day: date!(2026 - 03 - 02),
    seconds: 3600,
    agreed_next: Some(date!(2026 - 03 - 16)),
    scores: [Some(4), Some(6), Some(5), Some(5), Some(5), Some(5)],
    option: "stepping_in",
    tags: &["knowledge"],
    confidence: 6,
};
pub const M2: Plan = Plan {
    id: "m2000000-0000-4000-8000-000000000002",
    coachee: MAYA,
    day: date!(2026 - 03 - 16),
    seconds: 2700,
    agreed_next: None,
    scores: [Some(5), Some(6), Some(5), Some(5), Some(5), Some(5)],
    option: "stepping_in",
    tags: &[],
    confidence: 7,
};
pub const M3: Plan = Plan {
    id: "m3000000-0000-4000-8000-000000000003",
    coachee: MAYA,
    day: date!(2026 - 04 - 06),
    seconds: 3000,
    agreed_next: Some(date!(2026 - 04 - 20)),
    scores: [None, Some(7), Some(5), Some(5), Some(5), Some(5)],
    option: "stepping_up",
    tags: &["leadership_skills", "personal_skills"],
    confidence: 8,
};
pub const M4: Plan = Plan {
    id: "m4000000-0000-4000-8000-000000000004",
    coachee: MAYA,
    day: date!(2026 - 04 - 21),
    seconds: 3300,
    agreed_next: None,
    scores: [Some(7), Some(5), Some(5), Some(5), Some(5), Some(5)],
    option: "stepping_up",
    tags: &[],
    confidence: 9,
};
pub const K1: Plan = Plan {
    id: "k1000000-0000-4000-8000-000000000005",
    coachee: KOFI,
    day: date!(2026 - 03 - 05),
    seconds: 3000,
    agreed_next: None,
    scores: [Some(5), Some(5), Some(5), Some(5), Some(5), Some(5)],
    option: "not_yet",
    tags: &[],
    confidence: 5,
};
pub const K2: Plan = Plan {
    id: "k2000000-0000-4000-8000-000000000006",
    coachee: KOFI,
    day: date!(2026 - 04 - 02),
    seconds: 3000,
    agreed_next: None,
    scores: [Some(6), Some(5), Some(5), Some(5), Some(5), Some(5)],
    option: "stepping_in",
    tags: &[],
    confidence: 6,
};
pub const L1: Plan = Plan {
    id: "l1000000-0000-4000-8000-000000000007",
    coachee: LENA,
    day: date!(2026 - 03 - 10),
    seconds: 1800,
    agreed_next: None,
    scores: [Some(1), Some(1), Some(1), Some(1), Some(1), Some(1)],
    option: "stepping_out",
    tags: &[],
    confidence: 3,
};

/// The records, oldest first per coachee.
pub fn records() -> Vec<SessionRecord> {
    let maya = coachee(MAYA, "Maya Ortiz", Some(14), false);
    let kofi = coachee(KOFI, "Kofi Mensah", None, false);
    let lena = coachee(LENA, "Lena Archer", None, true);
    // M1: two actions done after 10 and 20 days (marked on the board).
    let a1 = action(
        1,
        &M1,
        Some(date!(2026 - 03 - 12)),
        ActionStatus::Done,
        Some(date!(2026 - 03 - 12)),
    );
    let a2 = action(
        2,
        &M1,
        None,
        ActionStatus::Done,
        Some(date!(2026 - 03 - 22)),
    );
    // M2: dropped at M3's review; open and overdue until then.
    let a3 = action(
        3,
        &M2,
        Some(date!(2026 - 03 - 20)),
        ActionStatus::Dropped,
        None,
    );
    // M3: open, overdue since April.
    let a4 = action(
        4,
        &M3,
        Some(date!(2026 - 04 - 10)),
        ActionStatus::Open,
        None,
    );
    // M4: one open far ahead, one done after 9 days.
    let a5 = action(
        5,
        &M4,
        Some(date!(2099 - 01 - 01)),
        ActionStatus::Open,
        None,
    );
    let a6 = action(
        6,
        &M4,
        None,
        ActionStatus::Done,
        Some(date!(2026 - 04 - 30)),
    );
    let k1 = action(
        7,
        &K1,
        None,
        ActionStatus::Done,
        Some(date!(2026 - 03 - 09)),
    );
    vec![
        record(
            &M1,
            &maya,
            vec![a1.clone(), a2.clone()],
            vec![
                review(1, &a1, None, ReviewOutcome::Done, date!(2026 - 03 - 12)),
                review(2, &a2, None, ReviewOutcome::Done, date!(2026 - 03 - 22)),
            ],
        ),
        record(&M2, &maya, vec![a3.clone()], vec![]),
        record(
            &M3,
            &maya,
            vec![a4],
            vec![review(3, &a3, Some(M3.id), ReviewOutcome::Dropped, M3.day)],
        ),
        record(
            &M4,
            &maya,
            vec![a5, a6.clone()],
            vec![review(
                4,
                &a6,
                None,
                ReviewOutcome::Done,
                date!(2026 - 04 - 30),
            )],
        ),
        record(
            &K1,
            &kofi,
            vec![k1.clone()],
            vec![review(
                5,
                &k1,
                None,
                ReviewOutcome::Done,
                date!(2026 - 03 - 09),
            )],
        ),
        record(&K2, &kofi, vec![], vec![]),
        record(&L1, &lena, vec![], vec![]),
    ]
}

/// Every text of the data set that a sponsor must never read.
pub fn confidential_texts() -> Vec<String> {
    let mut out = vec![];
    for r in records() {
        out.extend(r.answers.iter().map(|a| a.text.clone()));
        out.extend(
            r.ratings
                .iter()
                .map(|x| x.note.clone())
                .filter(|n| !n.is_empty()),
        );
        out.extend(r.choices.iter().map(|c| c.rationale.clone()));
        out.extend(r.notes.iter().map(|n| n.text.clone()));
        out.extend(r.actions.iter().map(|a| a.text.clone()));
        out.extend(r.reviews.iter().map(|(rv, _)| rv.note.clone()));
        out.push(r.coachee.notes.clone());
    }
    out.sort();
    out.dedup();
    out
}

/// Writes the data set into the database at `path`.
pub fn fill(path: &std::path::Path) {
    let store = Store::open(path).unwrap();
    store
        .in_transaction(|s| {
            for r in records() {
                s.insert_record(&r)?;
            }
            Ok(())
        })
        .unwrap();
}

pub const NOOR: &str = "c0000000-0000-4000-8000-0000000000a4";

/// Noor: `n` sessions a week apart from 5 January 2026, scores climbing, so
/// a chart has many dates to label.
pub fn weekly(n: usize) -> Vec<SessionRecord> {
    let noor = coachee(NOOR, "Noor Haddad", Some(7), false);
    (0..n)
        .map(|k| {
            let id: &'static str =
                Box::leak(format!("n{k:07}-0000-4000-8000-000000000000").into_boxed_str());
            let s = |base: i64| Some((base + k as i64 / 4).clamp(1, 10));
            let plan = Plan {
                id,
                coachee: NOOR,
                day: date!(2026 - 01 - 05) + time::Duration::weeks(k as i64),
                seconds: 3000,
                agreed_next: None,
                scores: [s(2), s(3), s(4), s(5), s(1), s(6)],
                option: "stepping_in",
                tags: &[],
                confidence: 7,
            };
            record(&plan, &noor, vec![], vec![])
        })
        .collect()
}

/// Writes `records` into the database at `path`.
pub fn fill_with(path: &std::path::Path, records: &[SessionRecord]) {
    let store = Store::open(path).unwrap();
    store
        .in_transaction(|s| {
            for r in records {
                s.insert_record(r)?;
            }
            Ok(())
        })
        .unwrap();
}
