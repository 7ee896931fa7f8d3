//! What earlier releases wrote still opens with nothing lost: their
//! databases (`tests/fixtures/schema3.db` and `schema8.db`, the demo data
//! written by the releases whose schema ended at migrations 0003 and 0008,
//! the last before goals) upgrade in place, and a JSON export
//! (`tests/fixtures/export-0.1.json`, one coachee with private notes)
//! imports.

#[path = "common/bin.rs"]
mod bin;

use std::path::{Path, PathBuf};

use bin::{innerceo, run_ok};
use innerceo::store::Store;
use rusqlite::Connection;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// A copy of fixture `name` in `dir`, so the test never changes the original.
fn copy_fixture(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(Path::new(FIXTURES).join(name), &to)
        .unwrap_or_else(|e| panic!("copy the fixture {name}: {e}"));
    to
}

/// Every table of the schema-3 file, with its rows in a fixed order: the
/// upgrade must leave each one exactly as it was.
const OLD_TABLES: &[(&str, &str)] = &[
    (
        "coachees",
        "SELECT uuid, name, role, notes, archived, created_at FROM coachees ORDER BY uuid",
    ),
    (
        "sessions",
        "SELECT uuid, guide_id, started_at, ended_at, status, focus, next_session, stage_seconds, done_stages FROM sessions ORDER BY uuid",
    ),
    (
        "answers",
        "SELECT s.uuid, a.stage_id, a.prompt_id, a.text FROM answers a JOIN sessions s ON s.id = a.session_id ORDER BY 1, 2, 3",
    ),
    (
        "ratings",
        "SELECT s.uuid, r.stage_id, r.item_id, r.score, r.note FROM ratings r JOIN sessions s ON s.id = r.session_id ORDER BY 1, 2, 3",
    ),
    (
        "choices",
        "SELECT s.uuid, c.stage_id, c.option_id, c.rationale, c.tags FROM choices c JOIN sessions s ON s.id = c.session_id ORDER BY 1, 2",
    ),
    (
        "notes",
        "SELECT uuid, stage_id, visibility, text FROM notes ORDER BY uuid",
    ),
    (
        "actions",
        "SELECT uuid, text, owner, due, status, completed_on, link, position FROM actions ORDER BY uuid",
    ),
    (
        "action_reviews",
        "SELECT uuid, outcome, note, at FROM action_reviews ORDER BY uuid",
    ),
    ("settings", "SELECT key, value FROM settings ORDER BY key"),
];

fn rows(c: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = c.prepare(sql).expect(sql);
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| r.get_ref(i).map(|v| format!("{v:?}")))
            .collect::<Result<Vec<_>, _>>()
            .map(|v| v.join("|"))
    })
    .expect(sql)
    .collect::<Result<_, _>>()
    .expect(sql)
}

fn user_version(c: &Connection) -> i64 {
    c.query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version")
}

/// The upgraded file at `path`, checked: at the newest schema, sound, and
/// every one of `tables` holding exactly the rows it held `before`.
fn upgraded_unchanged<'a>(
    path: &Path,
    tables: impl Iterator<Item = &'a (&'a str, &'a str)>,
    before: &[Vec<String>],
) -> Connection {
    let c = Connection::open(path).expect("open");
    assert_eq!(
        usize::try_from(user_version(&c)).ok(),
        Some(innerceo::store::MIGRATION_COUNT)
    );
    for ((table, sql), was) in tables.zip(before) {
        assert_eq!(&rows(&c, sql), was, "table {table} changed in the upgrade");
    }
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(ok, "ok");
    c
}

#[test]
fn a_database_from_the_previous_release_upgrades_with_nothing_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_fixture(dir.path(), "schema3.db");
    let before: Vec<Vec<String>> = {
        let c = Connection::open(&path).expect("open as plain SQLite");
        assert_eq!(user_version(&c), 3, "the fixture is from schema 3");
        OLD_TABLES.iter().map(|(_, sql)| rows(&c, sql)).collect()
    };
    assert!(before[2].len() > 300, "the fixture holds a real practice");

    let store = Store::open(&path).expect("upgrade");
    let counts = store.counts().expect("counts");
    assert_eq!(
        (counts.coachees, counts.sessions, counts.actions),
        (6, 48, 94)
    );
    assert!(
        !store
            .search("onboarding", true, 20)
            .expect("search")
            .is_empty(),
        "the search index still finds old text"
    );
    drop(store);

    let c = upgraded_unchanged(&path, OLD_TABLES.iter(), &before);
    let writers: i64 = c
        .query_row("SELECT count(*) FROM session_writers", [], |r| r.get(0))
        .expect("the new table exists");
    assert_eq!(writers, 0);

    // And the app itself lists every old session.
    let out = run_ok(innerceo(&path).args(["session", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(list.as_array().map(Vec::len), Some(48));
}

#[test]
fn an_export_from_the_previous_release_imports_with_nothing_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy_fixture(dir.path(), "export-0.1.json");
    let db = dir.path().join("new.db");
    run_ok(innerceo(&db).arg("import").arg(&file));

    let old: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    let sessions = old["sessions"].as_array().expect("sessions");
    let c = Connection::open(&db).expect("open");
    let count = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).expect(sql) };
    assert_eq!(count("SELECT count(*) FROM coachees"), 1);
    assert_eq!(
        usize::try_from(count("SELECT count(*) FROM sessions")).ok(),
        Some(sessions.len())
    );
    // Every answer text and private note of the old file is in the database.
    let mut texts = Vec::new();
    for s in sessions {
        for kind in ["answers", "notes"] {
            for a in s[kind].as_array().into_iter().flatten() {
                if let Some(t) = a["text"].as_str() {
                    texts.push(t.to_owned());
                }
            }
        }
    }
    assert!(
        texts.len() > 20,
        "the fixture has answers to check: {}",
        texts.len()
    );
    for t in &texts {
        let n: i64 = c
            .query_row(
                "SELECT (SELECT count(*) FROM answers WHERE text = ?1) + \
                 (SELECT count(*) FROM notes WHERE text = ?1)",
                [t],
                |r| r.get(0),
            )
            .expect("lookup");
        assert!(n > 0, "lost in the import: {t:?}");
    }
}

/// Tables the release with schema 8 added after schema 3, compared the same way.
const SCHEMA8_TABLES: &[(&str, &str)] = &[
    (
        "coachees",
        "SELECT uuid, name, role, notes, archived, created_at, rhythm_days FROM coachees ORDER BY uuid",
    ),
    (
        "topics",
        "SELECT uuid, text, private, origin, raised_at FROM topics ORDER BY uuid",
    ),
    (
        "topic_reviews",
        "SELECT t.uuid, s.uuid, r.outcome, r.at FROM topic_reviews r JOIN topics t ON t.id = r.topic_id \
         JOIN sessions s ON s.id = r.session_id ORDER BY 1, 2",
    ),
];

#[test]
fn a_database_from_the_release_before_goals_upgrades_and_its_sessions_read_as_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_fixture(dir.path(), "schema8.db");
    let tables: Vec<&(&str, &str)> = OLD_TABLES.iter().chain(SCHEMA8_TABLES).collect();
    let before: Vec<Vec<String>> = {
        let c = Connection::open(&path).expect("open as plain SQLite");
        assert_eq!(user_version(&c), 8, "the fixture is from schema 8");
        tables.iter().map(|(_, sql)| rows(&c, sql)).collect()
    };
    for ((table, _), rows) in tables.iter().zip(&before) {
        assert!(
            *table == "settings" || !rows.is_empty(),
            "the fixture's {table} holds rows to compare"
        );
    }

    let store = Store::open(&path).expect("upgrade");
    let counts = store.counts().expect("counts");
    assert_eq!((counts.coachees, counts.sessions), (4, 20));
    // The notes about coachees written before are searchable now, as
    // private entries (0010).
    let hits = store.search("agreed", true, 50).expect("search");
    let about: Vec<_> = hits
        .iter()
        .filter(|h| h.kind == innerceo::model::HitKind::About)
        .collect();
    assert!(!about.is_empty(), "{hits:?}");
    assert!(about.iter().all(|h| h.private && h.session_id.is_none()));
    assert!(
        store
            .search("agreed", false, 50)
            .expect("search")
            .iter()
            .all(|h| h.kind != innerceo::model::HitKind::About)
    );
    // Every topic parked before is searchable now, the private ones only
    // with private notes (0011), and each session lists those it parked.
    let c = Connection::open(&path).expect("open");
    let topics: Vec<(String, bool)> = c
        .prepare("SELECT text, private FROM topics")
        .expect("topics")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("topics")
        .collect::<Result<_, _>>()
        .expect("topics");
    drop(c);
    assert!(!topics.is_empty(), "the fixture has topics");
    for (text, private) in &topics {
        let hits = store.search(text, true, 50).expect("search");
        let found = hits
            .iter()
            .find(|h| h.kind == innerceo::model::HitKind::Topic)
            .unwrap_or_else(|| panic!("{text}: {hits:?}"));
        assert_eq!(found.private, *private, "{text}");
        if *private {
            assert!(
                store
                    .search(text, false, 50)
                    .expect("search")
                    .iter()
                    .all(|h| h.kind != innerceo::model::HitKind::Topic),
                "{text}"
            );
        }
    }
    let parked: usize = store
        .session_summaries(None)
        .expect("sessions")
        .iter()
        .map(|s| {
            store
                .session_record(&s.id)
                .expect("record")
                .topics
                .parked
                .len()
        })
        .sum();
    let raised_in: i64 = Connection::open(&path)
        .expect("open")
        .query_row(
            "SELECT count(*) FROM topics WHERE raised_in IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(i64::try_from(parked).ok(), Some(raised_in));
    // Every old session still reads whole, with no goals it never had, and
    // its guide as it ran (without a goals stage).
    for s in store.session_summaries(None).expect("sessions") {
        let rec = store.session_record(&s.id).expect("record");
        assert!(rec.goals.is_empty(), "no goals before goals existed");
        let kinds: Vec<&str> = rec
            .session
            .guide
            .stages
            .iter()
            .map(|st| st.kind.name())
            .collect();
        assert!(!kinds.contains(&"goals"), "{kinds:?}");
    }
    drop(store);

    let c = upgraded_unchanged(&path, tables.iter().copied(), &before);
    let goals: i64 = c
        .query_row("SELECT count(*) FROM goals", [], |r| r.get(0))
        .expect("the goals table exists");
    assert_eq!(goals, 0);
    drop(c);

    // The app still exports the old sessions.
    let out = run_ok(innerceo(&path).args(["export", "--format", "md", "--all"]));
    let md = String::from_utf8(out.stdout).expect("utf-8");
    assert!(md.contains("Looking back"), "{md}");
}
