//! Goals that last across sessions: set in a first session, progressed and
//! achieved in two later ones, read back through the store, carried by
//! every export and round-tripped through a JSON import.

// A panic is how a test fails, so unwrapping is the point here.
#![allow(clippy::unwrap_used)]

#[path = "common/fixture.rs"]
mod fixture;

use innerceo::export::{self, Format, Scope};
use innerceo::model::{CoacheeId, Goal, GoalStatus, SessionId, new_id};
use innerceo::store::Store;
use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime};

const SET_ON: OffsetDateTime = datetime!(2026-09-01 10:00 UTC);

/// A coachee with three finished sessions a fortnight apart, and a goal set
/// in the first, progressed in the second and achieved in the third.
fn practice() -> (Store, CoacheeId, Vec<SessionId>, Goal) {
    let store = Store::open_in_memory().unwrap();
    let c = store
        .add_coachee("Grace Hopper", "Engineering lead")
        .unwrap();
    let guide = fixture::one_to_one();
    let sessions: Vec<SessionId> = (0..3)
        .map(|i| {
            let at = SET_ON + Duration::days(14 * i);
            let s = store.start_session(&c.id, &guide, at).unwrap();
            store
                .complete_session(&s.id, at + Duration::hours(1))
                .unwrap();
            s.id
        })
        .collect();
    let goal = store
        .add_goal(&Goal {
            id: new_id().into(),
            coachee_id: c.id.clone(),
            text: "  Own the platform roadmap  ".into(),
            center: Some("autonomy".into()),
            target: Some(8),
            target_date: Some(date!(2026 - 12 - 31)),
            shareable: true,
            created_at: SET_ON + Duration::minutes(30),
            created_in: Some(sessions[0].clone()),
        })
        .unwrap();
    let at = |i: usize| SET_ON + Duration::days(14 * i as i64) + Duration::minutes(40);
    store
        .save_goal_update(
            &goal.id,
            Some(&sessions[1]),
            None,
            "Drafted the first version",
            at(1),
        )
        .unwrap();
    store
        .save_goal_update(
            &goal.id,
            Some(&sessions[2]),
            Some(GoalStatus::Achieved),
            "Roadmap signed off by the board",
            at(2),
        )
        .unwrap();
    (store, c.id, sessions, goal)
}

#[test]
fn a_goal_is_set_progressed_and_achieved_across_sessions() {
    let (store, coachee, sessions, goal) = practice();
    assert_eq!(goal.text, "Own the platform roadmap", "the text is trimmed");
    let goals = store.coachee_goals(&coachee).unwrap();
    assert_eq!(goals.len(), 1);
    let h = &goals[0];
    assert_eq!(h.goal, goal);
    assert_eq!(h.status(), GoalStatus::Achieved);
    let (changed, _) = h.last_change().unwrap();
    assert_eq!(changed.session_id.as_deref(), Some(sessions[2].as_str()));
    // Where it stood before the third session: still active.
    assert_eq!(h.status_at(SET_ON + Duration::days(20)), GoalStatus::Active);
    assert_eq!(
        h.in_session(&sessions[1]).map(|u| u.note.as_str()),
        Some("Drafted the first version")
    );

    // Saving again in the same session replaces that session's update; an
    // empty one takes it away.
    store
        .save_goal_update(
            &goal.id,
            Some(&sessions[1]),
            None,
            "Drafted it twice",
            SET_ON,
        )
        .unwrap();
    let h = &store.coachee_goals(&coachee).unwrap()[0];
    assert_eq!(h.updates.len(), 2);
    assert_eq!(h.in_session(&sessions[1]).unwrap().note, "Drafted it twice");
    store
        .save_goal_update(&goal.id, Some(&sessions[1]), None, "  ", SET_ON)
        .unwrap();
    assert_eq!(store.coachee_goals(&coachee).unwrap()[0].updates.len(), 1);

    // A target without its center is refused by the database.
    let bad = Goal {
        id: new_id().into(),
        center: None,
        ..goal.clone()
    };
    let stored = store.add_goal(&bad).unwrap();
    assert_eq!(stored.target, Some(8), "what was asked");
    let read = store.coachee_goals(&coachee).unwrap();
    assert_eq!(
        read[1].goal.target, None,
        "no target is kept without a center"
    );
}

#[test]
fn discarding_the_session_that_achieved_a_goal_makes_it_active_again() {
    let (store, coachee, sessions, _) = practice();
    store.discard_session(&sessions[2]).unwrap();
    let h = &store.coachee_goals(&coachee).unwrap()[0];
    assert_eq!(h.status(), GoalStatus::Active);
    assert_eq!(h.updates.len(), 1);
    // Deleting the session that set it keeps the goal.
    store.discard_session(&sessions[0]).unwrap();
    let h = &store.coachee_goals(&coachee).unwrap()[0];
    assert_eq!(h.goal.created_in, None);
}

#[test]
fn markdown_and_html_exports_show_goals_with_their_history() {
    let (store, _, sessions, _) = practice();
    let e = export::collect(&store, &Scope::All, false, SET_ON).unwrap();
    for format in [Format::Md, Format::Html] {
        let text = String::from_utf8(export::render(&e, format).unwrap()).unwrap();
        for word in [
            "Goals",
            "Own the platform roadmap",
            "Autonomy → target 8",
            "2026-12-31",
            "achieved 2026-09-29",
            "2026-09-15: Drafted the first version",
            "2026-09-29: Roadmap signed off by the board",
        ] {
            assert!(text.contains(word), "{format:?} lacks {word:?}");
        }
    }
    // One session's export holds the goals that session touched.
    let one = export::collect(
        &store,
        &Scope::Session(sessions[1].to_string()),
        false,
        SET_ON,
    )
    .unwrap();
    assert_eq!(one.goals.len(), 1);
    // Its goals stage and the goals with their history are two sections
    // with two names, not two "Goals".
    let md = String::from_utf8(export::render(&one, Format::Md).unwrap()).unwrap();
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings.iter().filter(|h| h.ends_with(" Goals")).count(),
        1,
        "{headings:?}"
    );
    assert!(headings.contains(&"## Goals over time"), "{headings:?}");
}

#[test]
fn goals_round_trip_through_a_json_export_and_import() {
    let (store, coachee, _, _) = practice();
    let e = export::collect(&store, &Scope::All, false, SET_ON).unwrap();
    let json = String::from_utf8(export::render(&e, Format::Json).unwrap()).unwrap();
    let doc = export::import::parse(&json).unwrap();
    assert_eq!(doc.goals.len(), 1);

    let other = Store::open_in_memory().unwrap();
    export::import::import(&other, &doc).unwrap();
    export::import::import(&other, &doc).unwrap();
    assert_eq!(
        other.coachee_goals(&coachee).unwrap(),
        store.coachee_goals(&coachee).unwrap(),
        "the same goal and updates, once, after two imports"
    );

    // A goal for a coachee the file does not hold is refused, naming it.
    let bad = json.replacen(
        &format!("\"coachee_id\": \"{coachee}\",\n        \"text\": \"Own"),
        "\"coachee_id\": \"nobody\",\n        \"text\": \"Own",
        1,
    );
    assert_ne!(bad, json, "the test changed the goal's coachee");
    let err = export::import::parse(&bad).unwrap_err().to_string();
    assert!(err.contains("goals[0].goal.coachee_id"), "{err}");
}

#[test]
fn reports_show_goals_and_targets_and_a_sponsor_reads_only_the_shared_ones() {
    use innerceo::model::Rating;
    use innerceo::report::{Audience, Period, ReportFormat, coachee_report};
    let (store, coachee, sessions, _) = practice();
    // A second goal, still active and kept between coach and coachee.
    store
        .add_goal(&Goal {
            id: new_id().into(),
            coachee_id: coachee.clone(),
            text: "Speak at the all-hands".into(),
            center: Some("self_confidence".into()),
            target: Some(7),
            target_date: None,
            shareable: false,
            created_at: SET_ON + Duration::minutes(35),
            created_in: Some(sessions[0].clone()),
        })
        .unwrap();
    for (i, s) in sessions.iter().enumerate() {
        store
            .save_rating(
                s,
                &Rating {
                    stage_id: "six-centers".into(),
                    item_id: "self_confidence".into(),
                    score: Some(4 + i as i64),
                    note: String::new(),
                },
            )
            .unwrap();
    }
    let c = store.coachee(&coachee).unwrap();
    let today = date!(2026 - 11 - 01);
    let report = |audience| {
        let period = Period::new(None, None, today).unwrap();
        coachee_report(&store, &c, period, audience, ReportFormat::Md, today).unwrap()
    };
    let mine = report(Audience::Coachee {
        include_private: false,
    });
    for word in [
        "## Goals",
        "Own the platform roadmap",
        "achieved 2026-09-29",
        "2026-09-29: Roadmap signed off by the board",
        "Speak at the all-hands",
        "Self-confidence 6 → target 7",
        "2 goals worked towards in this period; 1 achieved",
        "Target",
    ] {
        assert!(
            mine.contains(word),
            "the coachee's report lacks {word:?}:\n{mine}"
        );
    }
    let sponsor = report(Audience::Sponsor);
    assert!(sponsor.contains("Own the platform roadmap"), "{sponsor}");
    assert!(
        sponsor.contains("1 goal the coachee agreed to share"),
        "{sponsor}"
    );
    for word in [
        "Speak at the all-hands",
        "Roadmap signed off",
        "Drafted the first",
    ] {
        assert!(
            !sponsor.contains(word),
            "the sponsor reads {word:?}:\n{sponsor}"
        );
    }
}

#[test]
fn search_finds_goals_their_progress_and_the_private_notes_about_a_coachee() {
    use innerceo::model::HitKind;
    let (store, coachee, sessions, goal) = practice();
    store
        .set_coachee_notes(&coachee, "Prefers walking meetings; sponsor is the CTO")
        .unwrap();
    // A goal set between sessions belongs to the coachee's page.
    store
        .add_goal(&Goal {
            id: new_id().into(),
            coachee_id: coachee.clone(),
            text: "Mentor a junior colleague".into(),
            center: None,
            target: None,
            target_date: None,
            shareable: false,
            created_at: SET_ON + Duration::days(20),
            created_in: None,
        })
        .unwrap();
    let one = |q: &str, private: bool| {
        let hits = store.search(q, private, 10).unwrap();
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        hits.into_iter().next().unwrap()
    };
    let g = one("platform roadm", false);
    assert_eq!(g.kind, HitKind::Goal);
    assert_eq!(g.session_id.as_deref(), Some(sessions[0].as_str()));
    assert_eq!(g.stage_title, "Goals");
    let p = one("signed board", false);
    assert_eq!(p.kind, HitKind::Progress);
    assert_eq!(p.session_id.as_deref(), Some(sessions[2].as_str()));
    let between = one("mentor junior", false);
    assert_eq!(between.session_id, None);
    assert_eq!(between.coachee_id, coachee);
    // The notes about the coachee are private: found only when asked.
    assert!(
        store
            .search("walking meetings", false, 10)
            .unwrap()
            .is_empty()
    );
    let about = one("walking meetings", true);
    assert_eq!(about.kind, HitKind::About);
    assert!(about.private);
    assert_eq!(about.session_id, None);
    assert_eq!(about.stage_title, "About Grace Hopper");

    // An edit replaces the old words; an emptied note leaves the index.
    store
        .update_goal(&Goal {
            text: "Own the product roadmap".into(),
            ..goal.clone()
        })
        .unwrap();
    assert!(store.search("platform", false, 10).unwrap().is_empty());
    assert_eq!(one("product roadmap", false).kind, HitKind::Goal);
    store
        .save_goal_update(&goal.id, Some(&sessions[1]), None, "  ", SET_ON)
        .unwrap();
    assert!(store.search("drafted", false, 10).unwrap().is_empty());
    store.set_coachee_notes(&coachee, "").unwrap();
    assert!(store.search("walking", true, 10).unwrap().is_empty());
    // Deleting the coachee takes every entry of theirs away.
    store.delete_coachee(&coachee).unwrap();
    for q in ["roadmap", "mentor", "signed"] {
        assert!(store.search(q, true, 10).unwrap().is_empty(), "{q}");
    }
}
