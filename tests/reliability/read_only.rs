//! Commands that only read open the file read-only: they leave its bytes,
//! its modification time and its folder as they were (no `-wal`, no `-shm`),
//! and still see what a live writer in another process has committed.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

use innerceo::store::Store;

use super::{innerceo, names};

/// The database's bytes and modification time, and the folder's entries.
fn state(db: &Path) -> (Vec<u8>, SystemTime, Vec<String>) {
    let bytes = fs::read(db).expect("read db");
    let mtime = fs::metadata(db).and_then(|m| m.modified()).expect("mtime");
    (bytes, mtime, names(db.parent().expect("folder")))
}

fn demo_db(dir: &Path) -> std::path::PathBuf {
    super::bin::demo_db(dir, "coaching.db")
}

/// Every read-only command, with its arguments.
fn readers(session: &str, out: &Path) -> Vec<Vec<String>> {
    let out = out.display().to_string();
    [
        vec!["coachee", "list"],
        vec!["coachee", "list", "--json"],
        vec!["session", "list"],
        vec!["session", "list", "--json"],
        vec!["session", "show", session],
        vec!["search", "the"],
        vec!["search", "team", "--json"],
        vec!["due"],
        vec!["actions", "--status", "all"],
        vec!["export", "--all", "--format", "json", "-o", &out],
        vec!["export", "--all", "--format", "md"],
    ]
    .into_iter()
    .map(|a| a.into_iter().map(str::to_owned).collect())
    .collect()
}

fn first_session(db: &Path) -> innerceo::model::SessionId {
    let store = Store::open(db).expect("open");
    store.session_summaries(None).expect("sessions")[0]
        .id
        .clone()
}

#[test]
fn read_only_commands_change_nothing_on_disk() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo_db(dir.path());
    let session = first_session(&db);
    let elsewhere = tempfile::tempdir().expect("dir");
    let before = state(&db);
    assert_eq!(before.2, vec!["coaching.db".to_owned()], "closed cleanly");
    for args in readers(&session, &elsewhere.path().join("all.json")) {
        innerceo(&db).args(&args).assert().success();
        let after = state(&db);
        assert!(after.0 == before.0, "{args:?} changed the file's bytes");
        assert_eq!(after.1, before.1, "{args:?} changed the file's mtime");
        assert_eq!(after.2, before.2, "{args:?} left files beside it");
    }
}

#[test]
fn read_only_commands_see_a_live_writer_and_leave_its_log_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo_db(dir.path());
    let session = first_session(&db);
    // The app in another window: its commits wait in the WAL, which it keeps
    // (it checkpoints only when the keys rest).
    let live = Store::open(&db).expect("open");
    live.manual_checkpoints().expect("manual checkpoints");
    let ana = live.add_coachee("Written Live", "").expect("add");
    let wal = dir.path().join("coaching.db-wal");
    let wal_len = fs::metadata(&wal).expect("the writer has a WAL").len();
    assert!(wal_len > 0);
    let elsewhere = tempfile::tempdir().expect("dir");
    for args in readers(&session, &elsewhere.path().join("all.json")) {
        innerceo(&db).args(&args).assert().success();
    }
    let listed = innerceo(&db)
        .args(["coachee", "list"])
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("Written Live"),
        "the reader sees the writer's commit"
    );
    assert_eq!(
        fs::metadata(&wal).expect("wal").len(),
        wal_len,
        "the WAL is the writer's"
    );
    // The writer goes on, and its next commit is seen too.
    live.rename_coachee(&ana.id, "Renamed Live")
        .expect("rename");
    let listed = innerceo(&db)
        .args(["coachee", "list"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Renamed Live"));
    drop(live);
    assert_eq!(
        names(dir.path()),
        vec!["coaching.db"],
        "the last connection cleans up"
    );
}
