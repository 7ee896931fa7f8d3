//! A small, fixed data set for export and CLI tests: two coachees, three
//! sessions, actions in every status, reviews, shared and private notes.
//! Fixed ids and times, nothing relative to today, so outputs are stable.

// Each test binary uses a different part of the fixture.
#![allow(dead_code)]

use std::collections::BTreeMap;

use innerceo::guide::{Guide, builtin_guides};
use innerceo::model::{
    Action, ActionReview, ActionStatus, Answer, Choice, Coachee, Focus, Note, Rating,
    ReviewOutcome, Session, SessionRecord, SessionStatus, Visibility,
};
use innerceo::store::Store;
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

pub const ADA: &str = "c0000000-0000-4000-8000-00000000000a";
pub const BO: &str = "c0000000-0000-4000-8000-00000000000b";
pub const A1: &str = "a1000000-0000-4000-8000-000000000001";
pub const A2: &str = "a2000000-0000-4000-8000-000000000002";
pub const B1: &str = "b1000000-0000-4000-8000-000000000003";
/// Words that only private notes contain.
pub const PRIVATE_WORD: &str = "Zanzibar";
/// The fixed "now" of exports in tests.
pub const EXPORTED_AT: OffsetDateTime = datetime!(2026-12-01 09:00 UTC);

pub fn one_to_one() -> Guide {
    builtin_guides()
        .into_iter()
        .find(|g| g.id == "one-to-one")
        .unwrap()
}

fn session(id: &str, coachee: &str, started: OffsetDateTime, done: bool) -> Session {
    let guide = one_to_one();
    let stage_seconds: BTreeMap<String, i64> = guide
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), 300 + 60 * i as i64))
        .collect();
    Session {
        id: id.into(),
        coachee_id: coachee.into(),
        done_stages: if done {
            guide.stages.iter().map(|s| s.id.clone()).collect()
        } else {
            vec!["review".into(), "clarity".into()]
        },
        current_stage: if done { guide.stages.len() - 1 } else { 2 },
        current_field: 0,
        guide,
        started_at: started,
        ended_at: done.then(|| started + time::Duration::minutes(58)),
        status: if done {
            SessionStatus::Completed
        } else {
            SessionStatus::InProgress
        },
        stage_seconds,
        focus: None,
        next_session: None,
        corrected_at: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn action(
    id: &str,
    session: &str,
    coachee: &str,
    text: String,
    owner: String,
    due: Option<Date>,
    status: ActionStatus,
    completed_on: Option<Date>,
    created: OffsetDateTime,
) -> Action {
    Action {
        id: id.into(),
        session_id: session.into(),
        coachee_id: coachee.into(),
        text,
        owner,
        due,
        status,
        completed_on,
        link: None,
        created_at: created,
    }
}

fn answer(stage: &str, prompt: &str, text: String) -> Answer {
    Answer {
        stage_id: stage.into(),
        prompt_id: prompt.into(),
        text,
    }
}

fn ratings(scores: [i64; 6], t: &dyn Fn(&str) -> String) -> Vec<Rating> {
    let items = [
        "autonomy",
        "self_motivation",
        "self_confidence",
        "self_efficacy",
        "job_satisfaction",
        "relationships",
    ];
    items
        .iter()
        .zip(scores)
        .map(|(item, score)| Rating {
            stage_id: "six-centers".into(),
            item_id: (*item).into(),
            score: Some(score),
            note: if *item == "autonomy" {
                t("More room since the reorg")
            } else {
                String::new()
            },
        })
        .collect()
}

fn note(id: &str, stage: &str, visibility: Visibility, text: String) -> Note {
    Note {
        id: id.into(),
        stage_id: stage.into(),
        visibility,
        text,
    }
}

/// The records of the data set; `t` transforms every piece of user text
/// (the identity for golden files, hostile text for escaping tests).
pub fn records(t: &dyn Fn(&str) -> String) -> Vec<SessionRecord> {
    let ada = Coachee {
        id: ADA.into(),
        name: t("Ada Lovelace"),
        role: t("Head of Product"),
        notes: t(&format!(
            "Prefers early mornings; {PRIVATE_WORD} holiday in May"
        )),
        archived: false,
        rhythm_days: None,
        created_at: datetime!(2026-09-20 08:00 UTC),
    };
    let bo = Coachee {
        id: BO.into(),
        name: t("Bo Chen"),
        role: t("Engineering Lead"),
        notes: String::new(),
        archived: false,
        rhythm_days: Some(14),
        created_at: datetime!(2026-11-01 08:00 UTC),
    };

    let a1_start = datetime!(2026-10-01 09:00 UTC);
    let act1 = action(
        "ac000000-0000-4000-8000-000000000001",
        A1,
        ADA,
        t("Draft the Q1 roadmap, then share it with the team"),
        t("coachee"),
        Some(date!(2026 - 10 - 15)),
        ActionStatus::Done,
        Some(date!(2026 - 10 - 29)),
        a1_start,
    );
    let act2 = action(
        "ac000000-0000-4000-8000-000000000002",
        A1,
        ADA,
        t("Book a skip-level lunch | ask about hiring"),
        t("coach"),
        Some(date!(2026 - 10 - 20)),
        ActionStatus::Open,
        None,
        a1_start,
    );
    let act3 = action(
        "ac000000-0000-4000-8000-000000000003",
        A1,
        ADA,
        t("=HYPERLINK(\"http://example.com\") read the budget"),
        t("Ada"),
        None,
        ActionStatus::Dropped,
        Some(date!(2026 - 11 - 01)),
        a1_start,
    );
    let mut a1_session = session(A1, ADA, a1_start, true);
    a1_session.focus = Some(Focus::Excel);
    a1_session.next_session = Some(date!(2026 - 10 - 29));
    let a1 = SessionRecord {
        session: a1_session,
        coachee: ada.clone(),
        answers: vec![
            answer(
                "clarity",
                "intent",
                t("Ship the new onboarding\nwithout burning out the team"),
            ),
            answer("clarity", "purpose", t("# New customers churn in week one")),
            answer(
                "guardrails",
                "limits",
                t("- budget: 20k\n- no weekend work"),
            ),
            answer("close", "key_insight", t("I can say no to *urgent* things")),
        ],
        ratings: ratings([5, 7, 6, 6, 4, 8], t),
        choices: vec![Choice {
            stage_id: "stepping".into(),
            option_id: Some("stepping_in".into()),
            rationale: t("Own the roadmap before taking on more"),
            tags: vec!["knowledge".into(), "leadership_skills".into()],
        }],
        notes: vec![
            note(
                "n0000000-0000-4000-8000-000000000001",
                "clarity",
                Visibility::Shared,
                t("Agreed to revisit the metric"),
            ),
            note(
                "n0000000-0000-4000-8000-000000000002",
                "clarity",
                Visibility::Private,
                t(&format!("Seemed tired; ask about {PRIVATE_WORD} next time")),
            ),
            note(
                "n0000000-0000-4000-8000-000000000003",
                "actions",
                Visibility::Private,
                t(&format!("Check the {PRIVATE_WORD} budget before the lunch")),
            ),
        ],
        actions: vec![act1.clone(), act2.clone(), act3.clone()],
        reviews: vec![(
            // Dropped from the actions board: a review without a session.
            ActionReview {
                id: "r0000000-0000-4000-8000-000000000003".into(),
                action_id: act3.id.clone(),
                session_id: None,
                outcome: ReviewOutcome::Dropped,
                note: t("No longer needed"),
                at: datetime!(2026-11-01 12:00 UTC),
            },
            act3.clone(),
        )],
        goals: Vec::new(),
        topics: innerceo::model::SessionTopics::default(),
    };

    let a2_start = datetime!(2026-10-29 09:00 UTC);
    let mut a2_session = session(A2, ADA, a2_start, true);
    a2_session.next_session = Some(date!(2026 - 11 - 26));
    let a2 = SessionRecord {
        session: a2_session,
        coachee: ada.clone(),
        answers: vec![
            answer("clarity", "intent", t("Hand the onboarding over to Priya")),
            answer(
                "close",
                "key_insight",
                t("Delegating is a skill, not a loss"),
            ),
        ],
        ratings: ratings([7, 7, 5, 6, 6, 8], t),
        choices: vec![Choice {
            stage_id: "stepping".into(),
            option_id: Some("stepping_out".into()),
            rationale: t("The team is ready; I can help the wider function"),
            tags: vec!["behaviours".into()],
        }],
        notes: vec![],
        actions: vec![action(
            "ac000000-0000-4000-8000-000000000004",
            A2,
            ADA,
            t("Write a one-page delegation plan; review it with Priya"),
            t("coachee"),
            Some(date!(2026 - 11 - 12)),
            ActionStatus::Open,
            None,
            a2_start,
        )],
        reviews: vec![
            (
                ActionReview {
                    id: "r0000000-0000-4000-8000-000000000001".into(),
                    action_id: act1.id.clone(),
                    session_id: Some(A2.into()),
                    outcome: ReviewOutcome::Done,
                    note: t("Shared on Monday, good feedback"),
                    at: datetime!(2026-10-29 09:05 UTC),
                },
                act1,
            ),
            (
                ActionReview {
                    id: "r0000000-0000-4000-8000-000000000002".into(),
                    action_id: act2.id.clone(),
                    session_id: Some(A2.into()),
                    outcome: ReviewOutcome::Carried,
                    note: t("Diary clash"),
                    at: datetime!(2026-10-29 09:07 UTC),
                },
                act2,
            ),
        ],
        goals: Vec::new(),
        topics: innerceo::model::SessionTopics::default(),
    };

    let b1_start = datetime!(2026-11-10 14:30 UTC);
    let b1 = SessionRecord {
        session: session(B1, BO, b1_start, false),
        coachee: bo,
        answers: vec![answer(
            "clarity",
            "intent",
            t("Get the platform team, ops; and QA aligned"),
        )],
        ratings: vec![],
        choices: vec![],
        notes: vec![],
        actions: vec![action(
            "ac000000-0000-4000-8000-000000000005",
            B1,
            BO,
            t(
                "Map owners, risks; dependencies \\ timelines for the platform migration across every team involved",
            ),
            t("coachee"),
            Some(date!(2026 - 11 - 20)),
            ActionStatus::Open,
            None,
            b1_start,
        )],
        reviews: vec![],
        goals: Vec::new(),
        topics: innerceo::model::SessionTopics::default(),
    };
    vec![a1, a2, b1]
}

/// Fills `store` with the data set.
pub fn fill(store: &Store, t: &dyn Fn(&str) -> String) {
    store
        .in_transaction(|s| {
            for r in records(t) {
                s.insert_record(&r)?;
            }
            Ok(())
        })
        .unwrap();
}

pub fn plain(s: &str) -> String {
    s.to_owned()
}

/// A store with the data set, in memory.
pub fn store() -> Store {
    let store = Store::open_in_memory().unwrap();
    fill(&store, &plain);
    store
}
