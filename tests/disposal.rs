//! Disposing of records: discarding a session removes its rows and nothing
//! else; deleting a coachee leaves none of their words in the file or its
//! WAL, plain or encrypted; a correction is dated and kept in the exports.

use std::path::{Path, PathBuf};

use innerceo::guide;
use innerceo::model::{
    Action, ActionStatus, Choice, Rating, ReviewOutcome, SessionStatus, Visibility,
};
use innerceo::store::Store;
use rusqlite::Connection;
use time::OffsetDateTime;
use time::macros::datetime;

#[path = "common/bin.rs"]
mod bin;

use bin::{innerceo, run_ok};

/// Words of one coachee, one in each kind of text the store keeps.
const WORDS: [&str; 10] = [
    "Quillon Marchbanks",    // name
    "Archivist of Lanterns", // role
    "profile-umbrellabird",  // coachee notes
    "answer-narwhalesque",   // an answer
    "shared-basilisknote",   // a shared note
    "private-okapimurmur",   // a private note
    "rating-axolotlnote",    // a rating's note
    "rationale-quokkathink", // a choice's rationale
    "action-pangolinstep",   // an action
    "review-capybaraword",   // a review note
];

/// A database with two demo coachees and one holding `WORDS`, closed.
fn filled(dir: &Path, key: Option<&str>) -> PathBuf {
    let db = bin::demo_db(dir, "innerceo.db");
    let store = Store::open_with_key(&db, key).expect("open");
    let c = store.add_coachee(WORDS[0], WORDS[1]).expect("coachee");
    store.set_coachee_notes(&c.id, WORDS[2]).expect("notes");
    let g = guide::builtin_guides().into_iter().next().expect("a guide");
    let first = store
        .start_session(&c.id, &g, datetime!(2026-11-02 09:00 UTC))
        .expect("session");
    store
        .save_answer(&first.id, "clarity", "intent", WORDS[3])
        .expect("answer");
    store
        .save_note(&first.id, "clarity", Visibility::Shared, WORDS[4])
        .expect("note");
    store
        .save_note(&first.id, "clarity", Visibility::Private, WORDS[5])
        .expect("note");
    let ratings = g
        .stages
        .iter()
        .find(|s| matches!(s.kind, guide::StageKind::Ratings { .. }))
        .expect("ratings stage");
    let guide::StageKind::Ratings { items, .. } = &ratings.kind else {
        unreachable!()
    };
    store
        .save_rating(
            &first.id,
            &Rating {
                stage_id: ratings.id.clone(),
                item_id: items[0].id.clone(),
                score: Some(4),
                note: WORDS[6].into(),
            },
        )
        .expect("rating");
    let choice = g
        .stages
        .iter()
        .find(|s| matches!(s.kind, guide::StageKind::Choice { .. }))
        .expect("choice stage");
    store
        .save_choice(
            &first.id,
            &Choice {
                stage_id: choice.id.clone(),
                option_id: None,
                rationale: WORDS[7].into(),
                tags: vec![],
            },
        )
        .expect("choice");
    let action = Action {
        id: innerceo::model::new_id().into(),
        session_id: first.id.clone(),
        coachee_id: c.id.clone(),
        text: WORDS[8].into(),
        owner: "coachee".into(),
        due: None,
        status: ActionStatus::Open,
        completed_on: None,
        link: None,
        created_at: datetime!(2026-11-02 09:30 UTC),
    };
    store.add_action(&action).expect("action");
    store
        .complete_session(&first.id, datetime!(2026-11-02 10:00 UTC))
        .expect("finish");
    let second = store
        .start_session(&c.id, &g, datetime!(2026-11-16 09:00 UTC))
        .expect("second");
    store
        .review_action(
            &action.id,
            Some(&second.id),
            ReviewOutcome::Done,
            WORDS[9],
            datetime!(2026-11-16 09:10 UTC),
        )
        .expect("review");
    db
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn with_suffix(p: &Path, s: &str) -> PathBuf {
    let mut o = p.as_os_str().to_owned();
    o.push(s);
    PathBuf::from(o)
}

/// Every table's rows (as text), to compare whole databases.
fn dump(c: &Connection) -> Vec<(String, Vec<String>)> {
    let tables: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'
             AND name != 'session_writers' ORDER BY name",
        )
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<Result<_, _>>()
        .expect("tables");
    tables
        .into_iter()
        .map(|t| {
            let mut stmt = c.prepare(&format!("SELECT * FROM {t}")).expect("select");
            let n = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    (0..n)
                        .map(|i| r.get_ref(i).map(|v| format!("{v:?}")))
                        .collect::<Result<Vec<_>, _>>()
                        .map(|v| v.join("|"))
                })
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("rows");
            rows.sort();
            (t, rows)
        })
        .collect()
}

fn check_erased(db: &Path, key: Option<&str>) {
    let bytes = std::fs::read(db).expect("read");
    let wal = std::fs::read(with_suffix(db, "-wal")).unwrap_or_default();
    for w in WORDS {
        assert!(!contains(&bytes, w), "{w} is still in the file");
        assert!(!contains(&wal, w), "{w} is still in the WAL");
    }
    let store = Store::open_with_key(db, key).expect("open");
    assert!(store.find_coachee(WORDS[0]).expect("find").is_none());
    let counts = store.counts().expect("counts");
    assert_eq!(
        (counts.coachees, counts.sessions),
        (2, 6),
        "the others are intact"
    );
    for w in WORDS {
        assert!(
            store.search(w, true, 10).expect("search").is_empty(),
            "{w} found"
        );
    }
}

#[test]
fn deleting_a_coachee_leaves_none_of_their_words_in_the_file_or_its_wal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = filled(dir.path(), None);
    let before = std::fs::read(&db).expect("read");
    let wal = std::fs::read(with_suffix(&db, "-wal")).unwrap_or_default();
    assert!(
        WORDS
            .iter()
            .all(|w| contains(&before, w) || contains(&wal, w)),
        "the words are in the file before"
    );
    // A backup made before still holds them, and the message says so.
    let backup = dir.path().join("before.db");
    innerceo(&db).arg("backup").arg(&backup).assert().success();
    // Without --yes and without a terminal to ask on, nothing happens.
    let out = innerceo(&db)
        .args(["coachee", "delete", "quillon marchbanks"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    let out = run_ok(innerceo(&db).args(["coachee", "delete", "quillon marchbanks", "--yes"]));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Deleted Quillon Marchbanks for good: 2 sessions and 1 action"),
        "{said}"
    );
    assert!(
        said.contains("before.db"),
        "names the backup that still holds them: {said}"
    );
    check_erased(&db, None);
    let c = Connection::open(&db).expect("open");
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(ok, "ok");
}

#[test]
fn deleting_from_an_encrypted_database_leaves_nothing_after_decrypting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = filled(dir.path(), None);
    let pass = dir.path().join("pass");
    std::fs::write(&pass, "correct horse battery staple\n").expect("pass");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    let with_pass = |args: &[&str]| {
        let mut c = innerceo(&db);
        c.arg("--passphrase-file").arg(&pass).args(args);
        c
    };
    with_pass(&["encrypt"]).assert().success();
    with_pass(&["coachee", "delete", WORDS[0], "--yes"])
        .assert()
        .success();
    with_pass(&["decrypt"]).assert().success();
    check_erased(&db, None);
}

#[test]
fn discarding_a_session_removes_its_rows_and_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = filled(dir.path(), None);
    let store = Store::open(&db).expect("open");
    let c = store.find_coachee(WORDS[0]).expect("find").expect("there");
    let sessions = store.session_summaries(Some(&c.id)).expect("list");
    let first = sessions
        .iter()
        .find(|s| s.status == SessionStatus::Completed)
        .expect("first")
        .id
        .clone();
    let second = sessions
        .iter()
        .find(|s| s.status == SessionStatus::InProgress)
        .expect("second")
        .id
        .clone();
    let conn = Connection::open(&db).expect("plain");
    let all_before = dump(&conn);

    // The second session reviewed the first one's action: discarding the
    // second puts the action back to open, and keeps everything else.
    let plan = store.discard_plan(&second).expect("plan");
    assert_eq!((plan.actions, plan.reviewed_here), (0, 1));
    store.discard_session(&second).expect("discard");
    let action = &store.session_record(&first).expect("record").actions[0];
    assert_eq!(action.status, ActionStatus::Open);
    assert_eq!(action.completed_on, None);
    let all_after = dump(&conn);
    for ((table, before), (_, after)) in all_before.iter().zip(&all_after) {
        let gone: Vec<&String> = before.iter().filter(|r| !after.contains(r)).collect();
        let new: Vec<&String> = after.iter().filter(|r| !before.contains(r)).collect();
        match table.as_str() {
            "sessions" => assert_eq!((gone.len(), new.len()), (1, 0), "{table}"),
            "action_reviews" => assert_eq!((gone.len(), new.len()), (1, 0), "{table}"),
            // The reviewed action changed status, nothing else did.
            "actions" => assert_eq!((gone.len(), new.len()), (1, 1), "{table}"),
            _ => assert!(
                gone.is_empty() && new.is_empty(),
                "{table}: {gone:?} {new:?}"
            ),
        }
    }

    // The first session takes its answers, notes, ratings, choice and action.
    let plan = store.discard_plan(&first).expect("plan");
    assert_eq!(plan.actions, 1);
    let before = dump(&conn);
    store.discard_session(&first).expect("discard");
    let after = dump(&conn);
    let removed = |t: &str| {
        let b = before
            .iter()
            .find(|(n, _)| n == t)
            .map_or(0, |(_, r)| r.len());
        let a = after
            .iter()
            .find(|(n, _)| n == t)
            .map_or(0, |(_, r)| r.len());
        b - a
    };
    assert_eq!(removed("sessions"), 1);
    assert_eq!(removed("answers"), 1);
    assert_eq!(removed("notes"), 2);
    assert_eq!(removed("ratings"), 1);
    assert_eq!(removed("choices"), 1);
    assert_eq!(removed("actions"), 1);
    assert_eq!(removed("coachees"), 0);
    assert!(store.search(WORDS[3], true, 10).expect("search").is_empty());
    assert!(store.search(WORDS[8], true, 10).expect("search").is_empty());
    let others = store.counts().expect("counts");
    assert_eq!(
        others.sessions, 6,
        "the demo coachees' sessions are all there"
    );
}

#[test]
fn a_correction_is_dated_and_the_session_stays_finished() {
    let store = Store::open_in_memory().expect("store");
    let c = store.add_coachee("Ana", "").expect("coachee");
    let g = guide::builtin_guides().into_iter().next().expect("a guide");
    let s = store
        .start_session(&c.id, &g, datetime!(2026-11-02 09:00 UTC))
        .expect("session");
    store
        .mark_corrected(&s.id, datetime!(2026-11-02 09:30 UTC))
        .expect("not yet finished");
    assert_eq!(store.session(&s.id).expect("s").corrected_at, None);
    let ended = datetime!(2026-11-02 10:00 UTC);
    store.complete_session(&s.id, ended).expect("finish");
    let at: OffsetDateTime = datetime!(2026-12-03 08:00 UTC);
    store.mark_corrected(&s.id, at).expect("correct");
    let after = store.session(&s.id).expect("s");
    assert_eq!(after.status, SessionStatus::Completed);
    assert_eq!(after.ended_at, Some(ended));
    assert_eq!(after.corrected_at, Some(at));
}

#[test]
fn every_export_says_when_a_session_was_corrected_and_import_keeps_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = filled(dir.path(), None);
    let id = {
        let store = Store::open(&db).expect("open");
        let c = store.find_coachee(WORDS[0]).expect("find").expect("there");
        let first = store
            .session_summaries(Some(&c.id))
            .expect("list")
            .into_iter()
            .find(|s| s.status == SessionStatus::Completed)
            .expect("finished")
            .id;
        store
            .mark_corrected(&first, datetime!(2026-12-03 08:00 UTC))
            .expect("correct");
        first
    };
    for format in ["md", "html", "json"] {
        let out = dir.path().join(format!("s.{format}"));
        innerceo(&db)
            .args(["export", "--session", &id, "--format", format, "-o"])
            .arg(&out)
            .assert()
            .success();
        let text = std::fs::read_to_string(&out).expect("read");
        let wanted = if format == "json" {
            "\"corrected_at\": \"2026-12-03T08:00:00Z\""
        } else {
            "2026-12-03"
        };
        // The words and the date on one line, as a reader sees them.
        let said = format == "json"
            || text
                .lines()
                .any(|l| l.contains("Corrected on") && l.contains(wanted));
        assert!(said && text.contains(wanted), "{format}: {text}");
    }
    let copy = dir.path().join("copy.db");
    innerceo(&copy)
        .arg("import")
        .arg(dir.path().join("s.json"))
        .assert()
        .success();
    let store = Store::open(&copy).expect("open copy");
    assert_eq!(
        store.session(&id).expect("imported").corrected_at,
        Some(datetime!(2026-12-03 08:00 UTC))
    );
}
