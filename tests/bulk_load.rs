//! Bulk loads index search once at their end (migration 0002): what they
//! write is found exactly as if it had been typed, a failed one leaves
//! nothing behind, and a file from the first schema keeps its search.

use innerceo::demo::{self, DemoOptions};
use innerceo::model::Visibility;
use innerceo::store::{Store, StoreError};
use rusqlite::Connection;

fn demo_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("innerceo.db");
    let store = Store::open(&path).expect("open");
    demo::generate(
        &store,
        &DemoOptions {
            coachees: 4,
            sessions: 6,
            seed: 3,
        },
    )
    .expect("demo");
    (dir, path)
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).expect(sql)
}

#[test]
fn a_bulk_load_indexes_every_row_once_oldest_session_first() {
    let (_dir, path) = demo_file();
    let conn = Connection::open(&path).expect("open with sqlite");
    let rows = count(
        &conn,
        "SELECT (SELECT count(*) FROM answers) + (SELECT count(*) FROM notes)
              + (SELECT count(*) FROM actions) + (SELECT count(*) FROM goals)
              + (SELECT count(*) FROM goal_updates WHERE note <> '')
              + (SELECT count(*) FROM coachees WHERE notes <> '')
              + (SELECT count(*) FROM topics)",
    );
    assert!(rows > 100, "{rows}");
    assert_eq!(count(&conn, "SELECT count(*) FROM search_index"), rows);
    // Each row points at its own entry, of its own kind and text.
    for (table, kind) in [("answers", 0), ("notes", 1), ("actions", 2)] {
        let linked = count(
            &conn,
            &format!(
                "SELECT count(*) FROM {table} x JOIN search_index i ON i.rowid = x.search_rowid
                 WHERE i.kind = {kind} AND i.src = x.id AND i.text = x.text"
            ),
        );
        let all = count(&conn, &format!("SELECT count(*) FROM {table}"));
        assert_eq!(linked, all, "{table}");
    }
    // Goals, their progress notes and the notes about coachees too (0010),
    // and topics (0011).
    for (table, column, kind, filter) in [
        ("goals", "text", 3, ""),
        ("goal_updates", "note", 4, "WHERE x.note <> ''"),
        ("coachees", "notes", 5, "WHERE x.notes <> ''"),
        ("topics", "text", 6, ""),
    ] {
        let linked = count(
            &conn,
            &format!(
                "SELECT count(*) FROM {table} x JOIN search_index i ON i.rowid = x.search_rowid
                 WHERE i.kind = {kind} AND i.src = x.id AND i.text = x.{column}"
            ),
        );
        let all = count(&conn, &format!("SELECT count(*) FROM {table} x {filter}"));
        assert!(all > 0, "the demo has {table} to index");
        assert_eq!(linked, all, "{table}");
    }
    // Odd rowids are exactly the private notes, the notes about coachees
    // and the private topics.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM search_index WHERE rowid % 2 = 1"
        ),
        count(
            &conn,
            "SELECT (SELECT count(*) FROM notes WHERE visibility = 'private')
                  + (SELECT count(*) FROM coachees WHERE notes <> '')
                  + (SELECT count(*) FROM topics WHERE private = 1)"
        )
    );
    // Newer sessions have higher rowids, so "the most recent matches" are.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM answers a JOIN sessions s ON s.id = a.session_id
             JOIN answers b JOIN sessions t ON t.id = b.session_id
             WHERE s.started_at < t.started_at AND a.search_rowid > b.search_rowid"
        ),
        0
    );
    assert_eq!(
        count(&conn, "SELECT deferred FROM search_state"),
        0,
        "indexing is back on"
    );
    // The counter is past every entry: the next edit gets a higher rowid.
    assert_eq!(
        count(
            &conn,
            "SELECT last * 2 >= (SELECT max(rowid) FROM search_index) FROM search_state"
        ),
        1
    );
}

#[test]
fn typing_after_a_bulk_load_is_found_and_replaces_the_old_entry() {
    let (_dir, path) = demo_file();
    let store = Store::open(&path).expect("open");
    let session = store.session_summaries(None).expect("sessions")[0]
        .id
        .clone();
    store
        .save_answer(&session, "clarity", "intent", "Quokka sightings")
        .expect("save");
    store
        .save_answer(&session, "clarity", "intent", "Wombat sightings")
        .expect("save");
    store
        .save_note(&session, "clarity", Visibility::Private, "Platypus")
        .expect("note");
    assert!(store.search("quokka", true, 10).expect("search").is_empty());
    assert_eq!(store.search("wombat", true, 10).expect("search").len(), 1);
    assert_eq!(store.search("platypus", true, 10).expect("search").len(), 1);
    assert!(
        store
            .search("platypus", false, 10)
            .expect("search")
            .is_empty(),
        "private notes stay out of share-safe search"
    );
}

#[test]
fn a_failed_bulk_load_leaves_nothing_and_indexing_on() {
    let (_dir, path) = demo_file();
    let store = Store::open(&path).expect("open");
    let session = store.session_summaries(None).expect("sessions")[0]
        .id
        .clone();
    let before = store.counts().expect("counts");
    let failed = store.in_bulk_transaction(|s| -> Result<(), StoreError> {
        s.save_answer(&session, "clarity", "purpose", "Narwhal")?;
        Err(StoreError::EmptyName)
    });
    assert!(failed.is_err());
    assert_eq!(store.counts().expect("counts"), before);
    store
        .save_answer(&session, "clarity", "purpose", "Axolotl")
        .expect("save");
    assert_eq!(store.search("axolotl", true, 10).expect("search").len(), 1);
    assert!(
        store
            .search("narwhal", true, 10)
            .expect("search")
            .is_empty()
    );
    // Nested bulk loads index once, at the outer end.
    store
        .in_bulk_transaction(|s| {
            s.in_bulk_transaction(|s| s.save_answer(&session, "clarity", "context", "Pangolin"))?;
            s.save_answer(&session, "clarity", "success", "Pangolin again")
        })
        .expect("nested");
    assert_eq!(store.search("pangolin", true, 10).expect("search").len(), 2);
}

#[test]
fn a_file_from_the_first_schema_keeps_its_search() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    {
        let conn = Connection::open(&path).expect("create");
        conn.execute_batch(include_str!("../src/store/migrations/0001_initial.sql"))
            .expect("first schema");
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO coachees (uuid, name, created_at)
                 VALUES ('c1', 'Ana', '2026-01-01T09:00:00Z');
             INSERT INTO guide_snapshots (guide_id, json) VALUES ('g', '{}');
             INSERT INTO sessions (uuid, coachee_id, guide_id, guide_title, snapshot_id,
                 started_at, status)
                 VALUES ('s1', 1, 'g', 'Guide', 1, '2026-01-02T09:00:00Z', 'completed');
             INSERT INTO answers (session_id, stage_id, prompt_id, text)
                 VALUES (1, 'clarity', 'intent', 'Capybara plans');
             INSERT INTO notes (uuid, session_id, stage_id, visibility, text)
                 VALUES ('n1', 1, 'clarity', 'private', 'Capybara secret');",
        )
        .expect("old data");
    }
    let store = Store::open(&path).expect("migrate");
    assert_eq!(store.search("capybara", true, 10).expect("search").len(), 2);
    assert_eq!(
        store.search("capybara", false, 10).expect("search").len(),
        1
    );
    store
        .save_answer(&"s1".into(), "clarity", "purpose", "Capybara again")
        .expect("save");
    store
        .save_answer(&"s1".into(), "clarity", "intent", "Capybara plans, edited")
        .expect("edit");
    assert_eq!(store.search("capybara", true, 10).expect("search").len(), 3);
    drop(store);
    let conn = Connection::open(&path).expect("open with sqlite");
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM answers a JOIN search_index i ON i.rowid = a.search_rowid
             WHERE i.text = a.text"
        ),
        2
    );
}
