//! A database made by the previous release opens and upgrades with nothing
//! lost (`tests/fixtures/schema3.db`: 2 coachees, 6 sessions, 13 actions,
//! written by the release whose schema ended at migration 0003).

use innerceo::store::Store;

#[test]
fn a_database_from_the_previous_release_upgrades_with_nothing_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema3.db"),
        &path,
    )
    .expect("copy the fixture");
    let before = {
        let c = rusqlite::Connection::open(&path).expect("open as plain SQLite");
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(v, 3, "the fixture is from schema 3");
        let answers: i64 = c
            .query_row("SELECT count(*) FROM answers", [], |r| r.get(0))
            .expect("answers");
        answers
    };
    let store = Store::open(&path).expect("upgrade");
    let counts = store.counts().expect("counts");
    assert_eq!(counts.coachees, 2);
    assert_eq!(counts.sessions, 6);
    assert_eq!(counts.actions, 13);
    drop(store);
    let c = rusqlite::Connection::open(&path).expect("open");
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(
        usize::try_from(v).ok(),
        Some(innerceo::store::MIGRATION_COUNT)
    );
    let answers: i64 = c
        .query_row("SELECT count(*) FROM answers", [], |r| r.get(0))
        .expect("answers");
    assert_eq!(answers, before, "every answer is still there");
    let writers: i64 = c
        .query_row("SELECT count(*) FROM session_writers", [], |r| r.get(0))
        .expect("the new table exists");
    assert_eq!(writers, 0);
}
