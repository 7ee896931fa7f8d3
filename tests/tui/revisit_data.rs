//! The hand-made data set of the revisit tests: two coachees, fixed dates
//! around the harness's NOW (2026-11-25 10:00 UTC), built through the store API.

use std::collections::BTreeMap;

use innerceo::guide::{self, Guide};
use innerceo::model::{
    Action, ActionId, ActionStatus, Choice, CoacheeId, Rating, ReviewOutcome, SessionId, Visibility,
};
use innerceo::store::Store;
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

const CENTERS: [&str; 6] = [
    "autonomy",
    "self_motivation",
    "self_confidence",
    "self_efficacy",
    "job_satisfaction",
    "relationships",
];

fn one_to_one() -> Guide {
    guide::builtin_guides()
        .into_iter()
        .find(|g| g.id == "one-to-one")
        .expect("one-to-one guide")
}

/// A session with answers, notes, scores, a choice, a key insight and
/// actions, completed after an hour unless `finished` is false.
struct S<'a> {
    at: OffsetDateTime,
    scores: [i64; 6],
    intent: &'a str,
    private_note: &'a str,
    shared_note: &'a str,
    option: &'a str,
    insight: &'a str,
    actions: &'a [(&'a str, Option<Date>)],
    finished: bool,
}

fn session(store: &Store, coachee: &CoacheeId, s: &S<'_>) -> (SessionId, Vec<ActionId>) {
    let g = one_to_one();
    let sess = store.start_session(coachee, &g, s.at).expect("start");
    let id = sess.id.clone();
    store
        .save_answer(&id, "clarity", "intent", s.intent)
        .expect("answer");
    store
        .save_note(&id, "clarity", Visibility::Private, s.private_note)
        .expect("private note");
    store
        .save_note(&id, "guardrails", Visibility::Shared, s.shared_note)
        .expect("shared note");
    for (item, score) in CENTERS.iter().zip(s.scores) {
        store
            .save_rating(
                &id,
                &Rating {
                    stage_id: "six-centers".into(),
                    item_id: (*item).into(),
                    score: Some(score),
                    note: String::new(),
                },
            )
            .expect("rating");
    }
    store
        .save_choice(
            &id,
            &Choice {
                stage_id: "stepping".into(),
                option_id: Some(s.option.into()),
                rationale: String::new(),
                tags: vec![],
            },
        )
        .expect("choice");
    store
        .save_answer(&id, "close", "key_insight", s.insight)
        .expect("insight");
    let mut ids = Vec::new();
    for (text, due) in s.actions {
        let a = Action {
            id: ActionId::random(),
            session_id: id.clone(),
            coachee_id: coachee.clone(),
            text: (*text).to_owned(),
            owner: "coachee".into(),
            due: *due,
            status: ActionStatus::Open,
            completed_on: None,
            link: None,
            created_at: s.at,
        };
        store.add_action(&a).expect("action");
        ids.push(a.id);
    }
    let seconds: BTreeMap<String, i64> = [("clarity", 1200), ("six-centers", 900), ("close", 600)]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), *v))
        .collect();
    let done = if s.finished {
        g.stages.iter().map(|st| st.id.clone()).collect()
    } else {
        vec!["review".to_owned()]
    };
    store
        .save_progress(&id, 1, 0, &seconds, &done)
        .expect("progress");
    if s.finished {
        store
            .complete_session(&id, s.at + time::Duration::hours(1))
            .expect("complete");
    }
    (id, ids)
}

/// Ana: three sessions (Six Centers moving), actions open, overdue, done and
/// dropped. Ben: one finished session and one unfinished.
pub fn data_set() -> Store {
    let store = Store::open_in_memory().expect("store");
    let ana = store
        .add_coachee("Ana Silva", "Head of Product")
        .expect("ana");
    let ben = store
        .add_coachee("Ben Okafor", "Engineering Manager")
        .expect("ben");
    let (s1, a1) = session(
        &store,
        &ana.id,
        &S {
            at: datetime!(2026-09-30 09:00 UTC),
            scores: [4, 6, 5, 5, 7, 8],
            intent: "Ship the pricing model by March",
            private_note: "Seemed tired; mentioned burnout twice",
            shared_note: "Budget agreed with finance",
            option: "stepping_in",
            insight: "I can let go of the how",
            actions: &[("Draft the pricing memo", Some(date!(2026 - 10 - 14)))],
            finished: true,
        },
    );
    let (s2, a2) = session(
        &store,
        &ana.id,
        &S {
            at: datetime!(2026-10-28 09:00 UTC),
            scores: [6, 6, 6, 5, 6, 8],
            intent: "Hand the launch plan to the team",
            private_note: "Hinted at a conflict with the CFO",
            shared_note: "Launch date is fixed",
            option: "stepping_up",
            insight: "Delegating frees time for strategy",
            actions: &[
                (
                    "Book a skip-level with the CFO",
                    Some(date!(2026 - 11 - 10)),
                ),
                ("Write the team charter", Some(date!(2026 - 12 - 05))),
                ("Share the roadmap draft", Some(date!(2026 - 11 - 20))),
            ],
            finished: true,
        },
    );
    store
        .review_action(
            &a1[0],
            Some(&s2),
            ReviewOutcome::Done,
            "Sent to the board",
            datetime!(2026-10-28 09:10 UTC),
        )
        .expect("review");
    let (_s3, _) = session(
        &store,
        &ana.id,
        &S {
            at: datetime!(2026-11-18 09:00 UTC),
            scores: [7, 5, 8, 6, 6, 9],
            intent: "Roadmap review at the café with the whole team",
            private_note: "Considering leaving the company",
            shared_note: "Roadmap owners named",
            option: "stepping_up",
            insight: "Clarity beats speed",
            actions: &[("Prepare the offsite agenda", None)],
            finished: true,
        },
    );
    store
        .set_action_status(
            &a2[2],
            ActionStatus::Dropped,
            datetime!(2026-11-18 09:20 UTC),
        )
        .expect("drop");
    let (_b1, _) = session(
        &store,
        &ben.id,
        &S {
            at: datetime!(2026-11-11 14:00 UTC),
            scores: [5, 7, 6, 6, 7, 6],
            intent: "Hire a staff engineer before the new year",
            private_note: "Worried about his manager",
            shared_note: "Hiring budget approved",
            option: "not_yet",
            insight: "Hiring is my job now",
            actions: &[("Post the staff engineer role", Some(date!(2026 - 11 - 30)))],
            finished: true,
        },
    );
    let _ = session(
        &store,
        &ben.id,
        &S {
            at: datetime!(2026-11-24 14:00 UTC),
            scores: [6, 7, 6, 6, 7, 7],
            intent: "Onboarding plan for the new hire",
            private_note: "",
            shared_note: "",
            option: "not_yet",
            insight: "",
            actions: &[],
            finished: false,
        },
    );
    let _ = s1;
    store
}
