//! The SQLite store, as the rest of the app uses it: every entity round
//! trips, files are opened safely (and refused without a byte changed),
//! search finds what was typed, and the review rules hold.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use innerceo::guide::{ChoiceOption, Guide, Prompt, RatingItem, Scale, Stage, StageKind, Tag};
use innerceo::model::{
    Action, ActionId, ActionStatus, Choice, Focus, HitKind, Rating, ReviewOutcome, SNIPPET_END,
    SNIPPET_START, SessionId, SessionStatus, Visibility,
};
use innerceo::store::{ActionFilter, MIGRATION_COUNT, StatusFilter, Store, StoreError};
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

fn stage(id: &str, title: &str, kind: StageKind) -> Stage {
    Stage {
        id: id.into(),
        title: title.into(),
        intro: String::new(),
        timebox: Some(5),
        kind,
    }
}

fn prompt(id: &str, text: &str) -> Prompt {
    Prompt {
        id: id.into(),
        text: text.into(),
        hint: String::new(),
    }
}

/// A small guide with one stage of every kind.
fn guide() -> Guide {
    Guide {
        id: "test-guide".into(),
        title: "Test guide".into(),
        description: "Built by hand for the store tests".into(),
        stages: vec![
            stage("review", "Review", StageKind::Review),
            stage(
                "goal",
                "Goal",
                StageKind::Questions {
                    prompts: vec![prompt("want", "What do you want?"), prompt("why", "Why?")],
                },
            ),
            stage(
                "centers",
                "Six Centers",
                StageKind::Ratings {
                    scale: Scale { min: 1, max: 10 },
                    items: vec![
                        RatingItem {
                            id: "autonomy".into(),
                            label: "Autonomy".into(),
                            question: "How free?".into(),
                            scale: None,
                        },
                        RatingItem {
                            id: "mastery".into(),
                            label: "Mastery".into(),
                            question: "How skilled?".into(),
                            scale: None,
                        },
                    ],
                },
            ),
            stage(
                "pathway",
                "Pathway",
                StageKind::Choice {
                    question: "Which way?".into(),
                    options: vec![
                        ChoiceOption {
                            id: "stepping_up".into(),
                            label: "Stepping up".into(),
                            description: String::new(),
                        },
                        ChoiceOption {
                            id: "going_deep".into(),
                            label: "Going deep".into(),
                            description: String::new(),
                        },
                    ],
                    rationale: "Why this?".into(),
                    tags: vec![Tag {
                        id: "listening".into(),
                        label: "Listening".into(),
                    }],
                    tags_title: "Development areas".into(),
                },
            ),
            stage("agree", "Agreed actions", StageKind::Actions),
            stage(
                "close",
                "Close",
                StageKind::Close {
                    prompts: vec![prompt("insight", "Key insight?")],
                    confidence: Some(RatingItem {
                        id: "confidence".into(),
                        label: "Confidence".into(),
                        question: "How sure?".into(),
                        scale: None,
                    }),
                    next_session: true,
                },
            ),
        ],
    }
}

fn action(session: &str, coachee: &str, text: &str, due: Option<Date>) -> Action {
    Action {
        id: ActionId::random(),
        session_id: session.into(),
        coachee_id: coachee.into(),
        text: text.into(),
        owner: "coachee".into(),
        due,
        status: ActionStatus::Open,
        completed_on: None,
        link: Some(innerceo::model::ActionLink::Center("autonomy".into())),
        created_at: datetime!(2026-03-01 10:00 UTC),
    }
}

fn is<T: std::fmt::Debug>(r: Result<T, StoreError>, what: fn(&StoreError) -> bool) -> String {
    let e = r.unwrap_err();
    assert!(what(&e), "unexpected error: {e:?}");
    e.to_string()
}

/// Fills a store with one coachee, two sessions and one of every entity;
/// checks everything reads back, and returns the ids of the two sessions.
fn fill_and_check(store: &Store) -> (SessionId, SessionId) {
    let ana = store.add_coachee("  Ana Lima ", "CTO").unwrap();
    assert_eq!(ana.name, "Ana Lima");
    assert_eq!(store.coachee(&ana.id).unwrap(), ana);

    let g = guide();
    let first = store
        .start_session(&ana.id, &g, datetime!(2026-03-01 09:30:15.5 +01:00))
        .unwrap();
    assert_eq!(first.started_at, datetime!(2026-03-01 08:30:15 UTC));
    assert_eq!(store.session(&first.id).unwrap(), first);

    let mut seconds = BTreeMap::new();
    seconds.insert("goal".to_owned(), 300);
    seconds.insert("centers".to_owned(), 120);
    let done = vec!["review".to_owned(), "goal".to_owned()];
    store
        .save_progress(&first.id, 2, 1, &seconds, &done)
        .unwrap();
    store.set_focus(&first.id, Some(Focus::Excel)).unwrap();
    store
        .set_next_session(&first.id, Some(date!(2026 - 03 - 15)))
        .unwrap();
    store
        .save_answer(&first.id, "goal", "want", "Lead the platform team")
        .unwrap();
    store
        .save_answer(&first.id, "close", "insight", "Delegate more")
        .unwrap();
    let rating = Rating {
        stage_id: "centers".into(),
        item_id: "autonomy".into(),
        score: Some(7),
        note: "more room than last year".into(),
    };
    store.save_rating(&first.id, &rating).unwrap();
    let choice = Choice {
        stage_id: "pathway".into(),
        option_id: Some("going_deep".into()),
        rationale: "Depth first".into(),
        tags: vec!["listening".into()],
    };
    store.save_choice(&first.id, &choice).unwrap();
    store
        .save_note(&first.id, "goal", Visibility::Shared, "shared thought")
        .unwrap();
    store
        .save_note(&first.id, "goal", Visibility::Private, "private worry")
        .unwrap();
    let act = action(
        &first.id,
        &ana.id,
        "Book the offsite",
        Some(date!(2026 - 03 - 10)),
    );
    store.add_action(&act).unwrap();
    store
        .complete_session(&first.id, datetime!(2026-03-01 09:30 UTC))
        .unwrap();

    let record = store.session_record(&first.id).unwrap();
    assert_eq!(record.coachee, ana);
    let s = &record.session;
    assert_eq!(s.guide, g, "the guide snapshot round trips");
    assert_eq!((s.current_stage, s.current_field), (2, 1));
    assert_eq!(s.stage_seconds, seconds);
    assert_eq!(s.done_stages, done);
    assert_eq!(s.focus, Some(Focus::Excel));
    assert_eq!(s.next_session, Some(date!(2026 - 03 - 15)));
    assert_eq!(s.status, SessionStatus::Completed);
    assert_eq!(s.ended_at, Some(datetime!(2026-03-01 09:30 UTC)));
    assert_eq!(
        record.answer("goal", "want"),
        Some("Lead the platform team")
    );
    assert_eq!(record.rating("centers", "autonomy"), Some(&rating));
    assert_eq!(record.choice("pathway"), Some(&choice));
    assert_eq!(
        record.note("goal", Visibility::Shared).unwrap().text,
        "shared thought"
    );
    assert_eq!(
        record.note("goal", Visibility::Private).unwrap().text,
        "private worry"
    );
    assert_eq!(record.actions, vec![act.clone()]);
    assert!(record.reviews.is_empty());

    let summary = &store.session_summaries(Some(&ana.id)).unwrap()[0];
    assert_eq!(summary.choice.as_deref(), Some("Going deep"));
    assert_eq!(summary.key_insight.as_deref(), Some("Delegate more"));
    assert_eq!(summary.actions, 1);
    assert_eq!(summary.seconds, 420);
    assert_eq!(summary.guide_title, "Test guide");

    // The second session reviews the first one's action.
    let second = store
        .start_session(&ana.id, &g, datetime!(2026-03-15 09:00 UTC))
        .unwrap();
    let review = store
        .review_action(
            &act.id,
            Some(&second.id),
            ReviewOutcome::Done,
            "booked",
            datetime!(2026-03-15 09:05 UTC),
        )
        .unwrap();
    let record = store.session_record(&second.id).unwrap();
    let mut done_act = act.clone();
    done_act.status = ActionStatus::Done;
    done_act.completed_on = Some(date!(2026 - 03 - 15));
    assert_eq!(record.reviews, vec![(review.clone(), done_act.clone())]);
    assert_eq!(store.action(&act.id).unwrap(), done_act);
    assert_eq!(store.action_history(&act.id).unwrap(), vec![review]);
    (first.id, second.id)
}

#[test]
fn every_entity_round_trips_in_memory() {
    fill_and_check(&Store::open_in_memory().unwrap());
}

#[test]
fn every_entity_round_trips_through_a_file_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("innerceo.db");
    let (first, second) = {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.path(), Some(path.as_path()));
        fill_and_check(&store)
    };
    let memory = Store::open_in_memory().unwrap();
    let (m_first, _) = fill_and_check(&memory);
    let store = Store::open(&path).unwrap();
    store.verify().unwrap();
    store.sync().unwrap();
    let a = store.session_record(&first).unwrap();
    assert_eq!(a.answers.len(), 2);
    assert_eq!(a.notes.len(), 2);
    assert_eq!(store.session_record(&second).unwrap().reviews.len(), 1);
    assert_eq!(store.counts().unwrap(), memory.counts().unwrap());
    let m = memory.session_record(&m_first).unwrap();
    assert_eq!(a.choices, m.choices);
    assert_eq!(a.ratings, m.ratings);
}

#[test]
fn a_record_imports_into_another_store_once() {
    let source = Store::open_in_memory().unwrap();
    let (first, second) = fill_and_check(&source);
    let target = Store::open_in_memory().unwrap();
    let records = [
        source.session_record(&first).unwrap(),
        source.session_record(&second).unwrap(),
    ];
    let wrote = target
        .in_transaction(|t| {
            let mut any = false;
            for r in &records {
                any |= t.insert_record(r)?;
            }
            Ok(any)
        })
        .unwrap();
    assert!(wrote);
    assert_eq!(target.counts().unwrap(), source.counts().unwrap());
    for r in &records {
        assert_eq!(&target.session_record(&r.session.id).unwrap(), r);
        assert!(
            !target.insert_record(r).unwrap(),
            "a second import writes nothing"
        );
    }
    assert_eq!(target.counts().unwrap(), source.counts().unwrap());
    assert_eq!(
        target.session_summaries(None).unwrap(),
        source.session_summaries(None).unwrap()
    );
}

#[test]
fn a_failing_transaction_writes_nothing() {
    let store = Store::open_in_memory().unwrap();
    let r: Result<(), StoreError> = store.in_transaction(|s| {
        s.add_coachee("Ana", "")?;
        s.add_coachee("ana", "")?;
        Ok(())
    });
    assert!(matches!(r, Err(StoreError::DuplicateCoachee(_))));
    assert_eq!(store.counts().unwrap().coachees, 0);
    store.add_coachee("Ana", "").unwrap();
}

#[test]
fn an_empty_file_is_migrated_to_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap(), innerceo::store::Counts::default());
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, i64::try_from(MIGRATION_COUNT).unwrap());
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

/// Opening must fail with the expected error and leave the file as it was.
#[track_caller]
fn refused(path: &Path, what: fn(&StoreError) -> bool) -> String {
    let before = fs::read(path).unwrap();
    let message = is(Store::open(path).map(|_| ()), what);
    assert_eq!(fs::read(path).unwrap(), before, "the file was changed");
    assert!(
        message.contains(&path.display().to_string()),
        "the message names the file: {message}"
    );
    message
}

/// A real database with enough rows to span many pages, closed cleanly.
fn real_db(path: &Path) {
    let store = Store::open(path).unwrap();
    let c = store.add_coachee("Ana", "").unwrap();
    let s = store
        .start_session(&c.id, &guide(), OffsetDateTime::now_utc())
        .unwrap();
    store
        .in_transaction(|st| {
            for i in 0..400 {
                st.save_answer(
                    &s.id,
                    "goal",
                    &format!("p{i}"),
                    &format!("answer number {i}"),
                )?;
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    fs::write(
        &path,
        "just some text, long enough to hold a header and more\n".repeat(5),
    )
    .unwrap();
    let message = refused(&path, |e| matches!(e, StoreError::NotSqlite { .. }));
    assert!(message.contains("not an innerceo database"), "{message}");
}

#[test]
fn another_programs_sqlite_file_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
            .unwrap();
    }
    let message = refused(&path, |e| matches!(e, StoreError::ForeignSqlite { .. }));
    assert!(message.contains("made by another program"), "{message}");
}

#[test]
fn a_damaged_file_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();

    let overwritten = dir.path().join("overwritten.db");
    real_db(&overwritten);
    let mut bytes = fs::read(&overwritten).unwrap();
    assert!(bytes.len() > 16 * 4096, "the database spans many pages");
    let middle = bytes.len() / 2;
    bytes[middle - 2048..middle + 2048].fill(0x5A);
    fs::write(&overwritten, &bytes).unwrap();
    let message = refused(&overwritten, |e| matches!(e, StoreError::Corrupt { .. }));
    assert!(message.contains("damaged"), "{message}");

    let truncated = dir.path().join("truncated.db");
    real_db(&truncated);
    let bytes = fs::read(&truncated).unwrap();
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    refused(&truncated, |e| matches!(e, StoreError::Corrupt { .. }));

    let header_only = dir.path().join("header.db");
    fs::write(&header_only, b"SQLite format 3\0").unwrap();
    refused(&header_only, |e| matches!(e, StoreError::Corrupt { .. }));
}

#[test]
fn a_file_from_a_newer_version_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    real_db(&path);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let message = refused(&path, |e| {
        matches!(e, StoreError::TooNew { found: 999, .. })
    });
    assert!(message.contains("newer innerceo"), "{message}");
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let message = is(Store::open(dir.path()).map(|_| ()), |e| {
        matches!(e, StoreError::IsDirectory { .. })
    });
    assert!(message.contains("is a folder"), "{message}");
    assert!(dir.path().is_dir());
}

#[cfg(unix)]
#[test]
fn new_folders_are_private_and_the_file_too() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o755)).unwrap();
    let path = shared.join("a/b/innerceo.db");
    Store::open(&path).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&shared.join("a")), 0o700);
    assert_eq!(mode(&shared.join("a/b")), 0o700);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&shared), 0o755, "an existing folder keeps its mode");

    // An existing database keeps its mode too.
    let other = dir.path().join("mine.db");
    Store::open(&other).unwrap();
    fs::set_permissions(&other, fs::Permissions::from_mode(0o640)).unwrap();
    Store::open(&other).unwrap();
    assert_eq!(mode(&other), 0o640);

    // An empty file holds no notes yet: it is made private before it does.
    let empty = dir.path().join("touched.db");
    fs::write(&empty, b"").unwrap();
    fs::set_permissions(&empty, fs::Permissions::from_mode(0o644)).unwrap();
    Store::open(&empty).unwrap();
    assert_eq!(mode(&empty), 0o600);
}

#[test]
fn search_finds_answers_notes_and_actions_by_prefix_without_accents() {
    let store = Store::open_in_memory().unwrap();
    let ana = store.add_coachee("Ana", "").unwrap();
    let s = store
        .start_session(&ana.id, &guide(), datetime!(2026-04-01 10:00 UTC))
        .unwrap();
    store
        .save_answer(&s.id, "goal", "want", "Un café et un résumé pour l'équipe")
        .unwrap();
    store
        .save_note(&s.id, "goal", Visibility::Shared, "Zebra crossing talk")
        .unwrap();
    store
        .save_note(&s.id, "centers", Visibility::Private, "Zebra private worry")
        .unwrap();
    store
        .add_action(&action(&s.id, &ana.id, "Write the zebra memo", None))
        .unwrap();

    let hits = store.search("cafe resu", true, 10).unwrap();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.kind, HitKind::Answer);
    assert_eq!(hit.session_id.as_deref(), Some(s.id.as_str()));
    assert_eq!(hit.coachee_name, "Ana");
    assert_eq!(hit.stage_id, "goal");
    assert_eq!(hit.stage_title, "Goal");
    assert!(!hit.private);
    assert!(
        hit.snippet
            .contains(&format!("{SNIPPET_START}café{SNIPPET_END}")),
        "{:?}",
        hit.snippet
    );

    let all = store.search("zeb", true, 10).unwrap();
    let mut kinds: Vec<_> = all.iter().map(|h| (h.kind, h.private)).collect();
    kinds.sort_by_key(|k| (k.0.as_str(), k.1));
    assert_eq!(
        kinds,
        vec![
            (HitKind::Action, false),
            (HitKind::Note, false),
            (HitKind::Note, true)
        ]
    );
    let action_hit = all.iter().find(|h| h.kind == HitKind::Action).unwrap();
    assert_eq!(action_hit.stage_title, "Agreed actions");

    let shared_only = store.search("zebra", false, 10).unwrap();
    assert_eq!(shared_only.len(), 2);
    assert!(shared_only.iter().all(|h| !h.private));
    assert_eq!(store.search("zebra", true, 1).unwrap().len(), 1);

    // Deleting a note and clearing an answer take them out of the index.
    let record = store.session_record(&s.id).unwrap();
    let shared = record.note("goal", Visibility::Shared).unwrap();
    store.delete_note(&shared.id).unwrap();
    store
        .save_note(&s.id, "centers", Visibility::Private, "")
        .unwrap();
    assert_eq!(store.search("crossing", true, 10).unwrap(), vec![]);
    assert_eq!(store.search("private", true, 10).unwrap(), vec![]);
    store.save_answer(&s.id, "goal", "want", "").unwrap();
    assert_eq!(store.search("cafe", true, 10).unwrap(), vec![]);
    // An edited answer is found by its new words only.
    store
        .save_answer(&s.id, "goal", "why", "first draft")
        .unwrap();
    store
        .save_answer(&s.id, "goal", "why", "second version")
        .unwrap();
    assert_eq!(store.search("draft", true, 10).unwrap(), vec![]);
    assert_eq!(store.search("version", true, 10).unwrap().len(), 1);
    // Deleting the session empties the index.
    store.discard_session(&s.id).unwrap();
    assert_eq!(store.search("zebra version", true, 10).unwrap(), vec![]);
    assert_eq!(store.search("zebra", true, 10).unwrap(), vec![]);
}

#[test]
fn search_syntax_characters_never_error() {
    let store = Store::open_in_memory().unwrap();
    let ana = store.add_coachee("Ana", "").unwrap();
    let s = store
        .start_session(&ana.id, &guide(), datetime!(2026-04-01 10:00 UTC))
        .unwrap();
    store
        .save_answer(&s.id, "goal", "want", "say \"near\" and (or) not: x-y * z")
        .unwrap();
    for q in [
        "\"",
        "*",
        "-",
        ":",
        "(",
        ")",
        "NEAR",
        "AND",
        "OR",
        "NOT",
        "\"\"",
        "a\"b",
        "NEAR(a b)",
        "x-y",
        "col:term",
        "(or)",
        "*z",
        "a AND",
        "^",
        "'",
        "✨",
        "\u{301}",
        "-x",
        "say\"",
    ] {
        store
            .search(q, true, 10)
            .unwrap_or_else(|e| panic!("{q:?}: {e}"));
    }
    assert_eq!(store.search("x-y", true, 10).unwrap().len(), 1);
    assert_eq!(store.search("\"near\"", true, 10).unwrap().len(), 1);
    assert!(
        store
            .search("\" * - : ( ) NEAR AND", true, 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn coachee_summaries_count_sessions_and_actions() {
    let store = Store::open_in_memory().unwrap();
    let today = date!(2026 - 05 - 10);
    let bo = store.add_coachee("bo", "").unwrap();
    let ana = store.add_coachee("Ana", "").unwrap();
    let zed = store.add_coachee("Zed", "").unwrap();
    store.set_coachee_archived(&zed.id, true).unwrap();

    let s1 = store
        .start_session(&ana.id, &guide(), datetime!(2026-05-01 10:00 UTC))
        .unwrap();
    store
        .add_action(&action(
            &s1.id,
            &ana.id,
            "late",
            Some(date!(2026 - 05 - 09)),
        ))
        .unwrap();
    store
        .add_action(&action(&s1.id, &ana.id, "due today", Some(today)))
        .unwrap();
    store
        .add_action(&action(&s1.id, &ana.id, "undated", None))
        .unwrap();
    let done = action(&s1.id, &ana.id, "finished", Some(date!(2026 - 05 - 02)));
    store.add_action(&done).unwrap();
    store
        .set_action_status(
            &done.id,
            ActionStatus::Done,
            datetime!(2026-05-03 10:00 UTC),
        )
        .unwrap();
    store
        .complete_session(&s1.id, datetime!(2026-05-01 11:00 UTC))
        .unwrap();
    let s2 = store
        .start_session(&ana.id, &guide(), datetime!(2026-05-08 10:00 UTC))
        .unwrap();

    let all = store.coachee_summaries(today, false).unwrap();
    let names: Vec<_> = all.iter().map(|s| s.coachee.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ana", "bo"],
        "sorted ignoring case, archived hidden"
    );
    let a = &all[0];
    assert_eq!(a.sessions, 2);
    assert_eq!(a.open_actions, 3);
    assert_eq!(a.overdue_actions, 1);
    assert_eq!(a.last_session, Some(datetime!(2026-05-08 10:00 UTC)));
    assert_eq!(a.unfinished_session.as_deref(), Some(s2.id.as_str()));
    let b = &all[1];
    assert_eq!((b.sessions, b.open_actions, b.overdue_actions), (0, 0, 0));
    assert_eq!(
        (b.last_session, b.unfinished_session.as_deref()),
        (None, None)
    );
    assert_eq!(bo.id, b.coachee.id);
    assert_eq!(store.coachee_summaries(today, true).unwrap().len(), 3);

    // The actions board agrees with the counts.
    let filter = |status| ActionFilter {
        coachee_id: None,
        status,
        today,
    };
    let overdue = store.actions(&filter(StatusFilter::Overdue)).unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].action.text, "late");
    assert_eq!(overdue[0].coachee_name, "Ana");
    assert_eq!(overdue[0].session_started_at, s1.started_at);
    let open: Vec<_> = store
        .actions(&filter(StatusFilter::Open))
        .unwrap()
        .into_iter()
        .map(|r| r.action.text)
        .collect();
    assert_eq!(
        open,
        ["late", "due today", "undated"],
        "by due date, undated last"
    );
    assert_eq!(store.actions(&filter(StatusFilter::Done)).unwrap().len(), 1);
    assert_eq!(store.actions(&filter(StatusFilter::All)).unwrap().len(), 4);
    let mut bo_only = filter(StatusFilter::All);
    bo_only.coachee_id = Some(bo.id.clone());
    assert!(store.actions(&bo_only).unwrap().is_empty());
}

#[test]
fn coachee_names_are_required_and_unique_among_active_ones() {
    let store = Store::open_in_memory().unwrap();
    let message = is(store.add_coachee("   ", ""), |e| {
        matches!(e, StoreError::EmptyName)
    });
    assert_eq!(message, "a coachee needs a name");
    let ana = store.add_coachee("Élodie", "").unwrap();
    let message = is(store.add_coachee(" élodie ", ""), |e| {
        matches!(e, StoreError::DuplicateCoachee(_))
    });
    assert!(message.contains("already exists"), "{message}");
    let bo = store.add_coachee("Bo", "").unwrap();
    is(store.rename_coachee(&bo.id, "ÉLODIE"), |e| {
        matches!(e, StoreError::DuplicateCoachee(_))
    });
    store.set_coachee_archived(&ana.id, true).unwrap();
    store.rename_coachee(&bo.id, "Élodie").unwrap();
    is(store.set_coachee_archived(&ana.id, false), |e| {
        matches!(e, StoreError::DuplicateCoachee(_))
    });
    assert_eq!(store.find_coachee("élodie").unwrap().unwrap().id, bo.id);
    assert_eq!(store.find_coachee(&ana.id).unwrap().unwrap().id, ana.id);
    assert_eq!(store.find_coachee("nobody").unwrap(), None);
    store.set_coachee_role(&bo.id, "VP").unwrap();
    store.set_coachee_notes(&bo.id, "prefers mornings").unwrap();
    let bo = store.coachee(&bo.id).unwrap();
    assert_eq!(
        (bo.role.as_str(), bo.notes.as_str()),
        ("VP", "prefers mornings")
    );
}

#[test]
fn a_coachee_has_at_most_one_session_in_progress() {
    let store = Store::open_in_memory().unwrap();
    let ana = store.add_coachee("Ana", "").unwrap();
    let first = store
        .start_session(&ana.id, &guide(), datetime!(2026-05-01 10:00 UTC))
        .unwrap();
    let message = is(
        store.start_session(&ana.id, &guide(), datetime!(2026-05-01 11:00 UTC)),
        |e| matches!(e, StoreError::SessionInProgress { .. }),
    );
    assert!(
        message.contains("Ana") && message.contains(first.id.as_str()),
        "{message}"
    );
    assert_eq!(
        store.unfinished_session(&ana.id).unwrap().unwrap().id,
        first.id
    );
    store
        .complete_session(&first.id, datetime!(2026-05-01 11:00 UTC))
        .unwrap();
    assert_eq!(store.unfinished_session(&ana.id).unwrap(), None);
    store
        .start_session(&ana.id, &guide(), datetime!(2026-05-02 10:00 UTC))
        .unwrap();
}

#[test]
fn sessions_are_found_by_a_unique_prefix() {
    let store = Store::open_in_memory().unwrap();
    let ana = store.add_coachee("Ana", "").unwrap();
    let s = store
        .start_session(&ana.id, &guide(), datetime!(2026-05-01 10:00 UTC))
        .unwrap();
    assert_eq!(store.find_session(&s.id).unwrap().id, s.id);
    assert_eq!(store.find_session(&s.id[..6]).unwrap().id, s.id);
    assert_eq!(
        store.find_session(&s.id[..8].to_uppercase()).unwrap().id,
        s.id
    );
    is(store.find_session(&s.id[..3]), |e| {
        matches!(e, StoreError::IdTooShort(_))
    });
    is(store.find_session("zzzzzzzz"), |e| {
        matches!(e, StoreError::NotFound { .. })
    });
    // Two sessions sharing a prefix, imported with chosen ids.
    let mut record = store.session_record(&s.id).unwrap();
    store
        .complete_session(&s.id, datetime!(2026-05-01 11:00 UTC))
        .unwrap();
    for suffix in ["1", "2"] {
        record.session.id = format!("abcd-{suffix}").into();
        record.session.status = SessionStatus::Completed;
        store.insert_record(&record).unwrap();
    }
    is(store.find_session("abcd"), |e| {
        matches!(e, StoreError::AmbiguousId(_))
    });
    assert_eq!(store.find_session("abcd-2").unwrap().id, "abcd-2");
    store.discard_session(&"abcd-2".into()).unwrap();
    assert_eq!(store.find_session("abcd").unwrap().id, "abcd-1");
}

#[test]
fn reviews_set_status_replace_within_a_session_and_keep_board_changes() {
    let store = Store::open_in_memory().unwrap();
    let ana = store.add_coachee("Ana", "").unwrap();
    let g = guide();
    let s1 = store
        .start_session(&ana.id, &g, datetime!(2026-06-01 10:00 UTC))
        .unwrap();
    let a_done = action(&s1.id, &ana.id, "done one", Some(date!(2026 - 06 - 20)));
    let a_carry = action(&s1.id, &ana.id, "carried one", None);
    let a_drop = action(&s1.id, &ana.id, "dropped one", Some(date!(2026 - 06 - 10)));
    for a in [&a_done, &a_carry, &a_drop] {
        store.add_action(a).unwrap();
    }
    store
        .complete_session(&s1.id, datetime!(2026-06-01 11:00 UTC))
        .unwrap();
    let s2 = store
        .start_session(&ana.id, &g, datetime!(2026-06-15 10:00 UTC))
        .unwrap();
    // An action agreed in the current session is not up for review.
    store
        .add_action(&action(&s2.id, &ana.id, "new one", None))
        .unwrap();

    let listed: Vec<_> = store
        .actions_for_review(&ana.id, &s2.id)
        .unwrap()
        .into_iter()
        .map(|(a, r)| (a.text, r.is_some()))
        .collect();
    assert_eq!(
        listed,
        [
            ("dropped one".to_owned(), false),
            ("done one".to_owned(), false),
            ("carried one".to_owned(), false)
        ]
    );

    let at = datetime!(2026-06-15 23:30 -02:00);
    // Toggled twice in the review stage: one entry, the last word wins.
    store
        .review_action(&a_done.id, Some(&s2.id), ReviewOutcome::Dropped, "", at)
        .unwrap();
    store
        .review_action(&a_done.id, Some(&s2.id), ReviewOutcome::Done, "shipped", at)
        .unwrap();
    store
        .review_action(
            &a_carry.id,
            Some(&s2.id),
            ReviewOutcome::Carried,
            "next time",
            at,
        )
        .unwrap();
    store
        .review_action(&a_drop.id, Some(&s2.id), ReviewOutcome::Dropped, "moot", at)
        .unwrap();

    let done = store.action(&a_done.id).unwrap();
    assert_eq!(done.status, ActionStatus::Done);
    assert_eq!(
        done.completed_on,
        Some(date!(2026 - 06 - 15)),
        "the reviewer's date"
    );
    assert_eq!(
        store.action(&a_carry.id).unwrap().status,
        ActionStatus::Open
    );
    let dropped = store.action(&a_drop.id).unwrap();
    assert_eq!(
        (dropped.status, dropped.completed_on),
        (ActionStatus::Dropped, None)
    );
    let history = store.action_history(&a_done.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].outcome, history[0].note.as_str()),
        (ReviewOutcome::Done, "shipped")
    );
    assert_eq!(history[0].session_id.as_deref(), Some(s2.id.as_str()));

    // Reviewed ones stay listed in this session, with their review.
    let listed = store.actions_for_review(&ana.id, &s2.id).unwrap();
    assert_eq!(listed.len(), 3);
    assert!(listed.iter().all(|(_, r)| r.is_some()));
    assert_eq!(store.session_record(&s2.id).unwrap().reviews.len(), 3);

    // The board reopens the done one: recorded without a session.
    store
        .set_action_status(
            &a_done.id,
            ActionStatus::Open,
            datetime!(2026-06-20 08:00 UTC),
        )
        .unwrap();
    let reopened = store.action(&a_done.id).unwrap();
    assert_eq!(
        (reopened.status, reopened.completed_on),
        (ActionStatus::Open, None)
    );
    let history = store.action_history(&a_done.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].session_id, None);
    assert_eq!(history[1].outcome, ReviewOutcome::Carried);

    // A later session sees only what is open now.
    store
        .complete_session(&s2.id, datetime!(2026-06-15 11:00 UTC))
        .unwrap();
    let s3 = store
        .start_session(&ana.id, &g, datetime!(2026-07-01 10:00 UTC))
        .unwrap();
    let mut listed: Vec<_> = store
        .actions_for_review(&ana.id, &s3.id)
        .unwrap()
        .into_iter()
        .map(|(a, r)| {
            assert!(r.is_none());
            a.text
        })
        .collect();
    listed.sort();
    assert_eq!(listed, ["carried one", "done one", "new one"]);
}

#[test]
fn answers_upsert_and_clear() {
    let store = Store::open_in_memory().unwrap();
    let ana = store.add_coachee("Ana", "").unwrap();
    let s = store
        .start_session(&ana.id, &guide(), datetime!(2026-05-01 10:00 UTC))
        .unwrap();
    store.save_answer(&s.id, "goal", "want", "a").unwrap();
    store.save_answer(&s.id, "goal", "want", "ab").unwrap();
    store.save_answer(&s.id, "goal", "want", "ab").unwrap();
    let record = store.session_record(&s.id).unwrap();
    assert_eq!(record.answers.len(), 1);
    assert_eq!(record.answer("goal", "want"), Some("ab"));
    store.save_answer(&s.id, "goal", "want", "").unwrap();
    assert_eq!(store.counts().unwrap().answers, 0);
    is(
        store.save_answer(&"no-such-session".into(), "goal", "want", "x"),
        |e| matches!(e, StoreError::NotFound { .. }),
    );
}

#[test]
fn score_history_lists_every_score_oldest_first() {
    let store = Store::open_in_memory().unwrap();
    let ana = store.add_coachee("Ana", "").unwrap();
    let mut ids = Vec::new();
    for (day, score) in [(1, Some(4)), (8, None), (15, Some(8))] {
        let s = store
            .start_session(
                &ana.id,
                &guide(),
                datetime!(2026-05-01 10:00 UTC) + time::Duration::days(day),
            )
            .unwrap();
        let rating = Rating {
            stage_id: "centers".into(),
            item_id: "autonomy".into(),
            score,
            note: String::new(),
        };
        store.save_rating(&s.id, &rating).unwrap();
        store.complete_session(&s.id, s.started_at).unwrap();
        ids.push(s.id);
    }
    let history = store.score_history(&ana.id).unwrap();
    let points: Vec<_> = history
        .iter()
        .map(|p| (p.session_id.as_str(), p.item_id.as_str(), p.score))
        .collect();
    assert_eq!(
        points,
        [
            (ids[0].as_str(), "autonomy", 4),
            (ids[2].as_str(), "autonomy", 8)
        ]
    );
}

#[test]
fn deleting_a_session_removes_everything_in_it() {
    let store = Store::open_in_memory().unwrap();
    let (first, second) = fill_and_check(&store);
    store.discard_session(&second).unwrap();
    store.discard_session(&first).unwrap();
    let counts = store.counts().unwrap();
    assert_eq!(counts.coachees, 1);
    assert_eq!(
        (
            counts.sessions,
            counts.answers,
            counts.ratings,
            counts.choices
        ),
        (0, 0, 0, 0)
    );
    assert_eq!((counts.notes, counts.actions, counts.reviews), (0, 0, 0));
    is(store.session(&first), |e| {
        matches!(e, StoreError::NotFound { .. })
    });
}
