//! The command line beyond the basics: export, import, session show,
//! actions, search, backup, completions and man, through the real binary.

// A panic is how a test fails, so unwrapping is the point here.
#![allow(clippy::unwrap_used)]

#[path = "common/fixture.rs"]
mod fixture;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use innerceo::store::Store;
use predicates::prelude::*;

use fixture::PRIVATE_WORD;

/// A folder with a database holding the fixture.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coaching.db");
    let store = Store::open(&db).unwrap();
    fixture::fill(&store, &fixture::plain);
    (dir, db)
}

fn innerceo(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("innerceo").unwrap();
    cmd.env_remove("INNERCEO_DB")
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db);
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn fails(cmd: &mut Command, says: &str) {
    cmd.assert()
        .failure()
        .stderr(predicate::str::contains(says));
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn export_writes_stdout_or_a_private_file() {
    let (dir, db) = setup();
    let md = stdout(innerceo(&db).args(["export", "--all", "--format", "md"]));
    assert!(md.starts_with("# Coaching sessions\n"), "{md}");
    assert!(!md.contains(PRIVATE_WORD));

    let one = stdout(innerceo(&db).args(["export", "--session", "a200", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(value["format"], "innerceo/1");
    assert_eq!(value["sessions"].as_array().unwrap().len(), 1);

    let out = dir.path().join("ada.html");
    let said = stdout(
        innerceo(&db)
            .args([
                "export",
                "--coachee",
                "ADA LOVELACE",
                "--format",
                "html",
                "--include-private",
                "-o",
            ])
            .arg(&out),
    );
    assert!(said.contains("Exported 2 sessions to"), "{said}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains(PRIVATE_WORD) && html.starts_with("<!DOCTYPE html>"));
    #[cfg(unix)]
    assert_eq!(mode(&out), 0o600);

    let csv_out = dir.path().join("actions.csv");
    let said = stdout(
        innerceo(&db)
            .args(["export", "--all", "--format", "csv", "-o"])
            .arg(&csv_out),
    );
    assert!(said.contains("Exported 5 actions"), "{said}");
    let ics = stdout(innerceo(&db).args(["export", "--all", "--format", "ics"]));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));

    // A calendar holds to-dos and events, not sessions: the message counts
    // what the file holds.
    let ics_out = dir.path().join("coaching.ics");
    let said = stdout(
        innerceo(&db)
            .args(["export", "--all", "--format", "ics", "-o"])
            .arg(&ics_out),
    );
    let written = std::fs::read_to_string(&ics_out).unwrap();
    let (todos, events) = (
        written.matches("BEGIN:VTODO").count(),
        written.matches("BEGIN:VEVENT").count(),
    );
    assert_eq!((todos, events), (3, 2));
    assert!(said.contains("Exported 3 to-dos and 2 events to"), "{said}");
}

#[test]
fn export_errors_say_what_to_do_and_write_nothing() {
    let (dir, db) = setup();
    fails(
        innerceo(&db).args(["export", "--coachee", "Nobody", "--format", "md"]),
        "no coachee named \"Nobody\"",
    );
    fails(
        innerceo(&db).args(["export", "--session", "ffffffff", "--format", "md"]),
        "innerceo session list",
    );
    fails(
        innerceo(&db).args(["export", "--session", "a1", "--format", "md"]),
        "at least 4 characters",
    );
    let missing = dir.path().join("no/such/folder/out.md");
    fails(
        innerceo(&db)
            .args(["export", "--all", "--format", "md", "-o"])
            .arg(&missing),
        "does not exist",
    );
    assert!(!dir.path().join("no").exists());
    // A scope is required, and only one.
    innerceo(&db)
        .args(["export", "--format", "md"])
        .assert()
        .failure();
    innerceo(&db)
        .args(["export", "--all", "--coachee", "Ada", "--format", "md"])
        .assert()
        .failure();
    innerceo(&db)
        .args(["export", "--all", "--format", "pdf"])
        .assert()
        .failure();
}

#[test]
fn import_reports_refuses_and_never_duplicates() {
    let (dir, db) = setup();
    let file = dir.path().join("all.json");
    innerceo(&db)
        .args([
            "export",
            "--all",
            "--format",
            "json",
            "--include-private",
            "-o",
        ])
        .arg(&file)
        .assert()
        .success();

    let fresh = dir.path().join("fresh.db");
    let said = stdout(innerceo(&fresh).arg("import").arg(&file));
    assert_eq!(
        said,
        "Imported 2 coachees, 3 sessions, 5 actions; 0 already present\n"
    );
    let again = stdout(innerceo(&fresh).arg("import").arg(&file));
    assert_eq!(
        again,
        "Imported 0 coachees, 0 sessions, 0 actions; 10 already present\n"
    );

    let before = std::fs::read(&fresh).unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"innerceo/1\", \"coachees\": [\n  }").unwrap();
    fails(innerceo(&fresh).arg("import").arg(&bad), "line 2 column 3");
    std::fs::write(&bad, "{\"format\": \"innerceo/2\"}").unwrap();
    fails(innerceo(&fresh).arg("import").arg(&bad), "innerceo/2");
    fails(
        innerceo(&fresh)
            .arg("import")
            .arg(dir.path().join("missing.json")),
        "cannot read",
    );
    assert_eq!(std::fs::read(&fresh).unwrap(), before);
}

#[test]
fn session_show_prints_markdown_and_keeps_private_notes_private() {
    let (_dir, db) = setup();
    let md = stdout(innerceo(&db).args(["session", "show", "a1000000"]));
    assert!(md.starts_with("# Ada Lovelace — Thu 1 Oct 2026\n"), "{md}");
    assert!(!md.contains(PRIVATE_WORD));
    let private = stdout(innerceo(&db).args(["session", "show", "a1000000", "--include-private"]));
    assert!(private.contains(PRIVATE_WORD) && private.contains("coach only"));
    fails(
        innerceo(&db).args(["session", "show", "deadbeef"]),
        "no session",
    );
}

#[test]
fn actions_list_filters_and_prints_json() {
    let (_dir, db) = setup();
    let table = stdout(innerceo(&db).arg("actions"));
    assert!(table.starts_with("ID "), "{table}");
    assert_eq!(table.lines().count(), 4, "three open actions:\n{table}");
    assert!(
        table.contains("overdue"),
        "due dates of 2026 are past: {table}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(
        innerceo(&db).args(["actions", "--status", "all", "--json"]),
    ))
    .unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 5);
    for key in ["id", "coachee", "text", "owner", "due", "status"] {
        assert!(items[0].get(key).is_some(), "{key} missing: {}", items[0]);
    }
    let done = stdout(innerceo(&db).args([
        "actions",
        "--status",
        "done",
        "--coachee",
        "ada lovelace",
        "--json",
    ]));
    let done: serde_json::Value = serde_json::from_str(&done).unwrap();
    assert_eq!(done.as_array().unwrap().len(), 1);
    fails(
        innerceo(&db).args(["actions", "--coachee", "Nobody"]),
        "no coachee named",
    );
    innerceo(&db)
        .args(["actions", "--status", "later"])
        .assert()
        .failure();
}

#[test]
fn search_highlights_matches_and_skips_private_notes() {
    let (_dir, db) = setup();
    let text = stdout(innerceo(&db).args(["search", "roadmap"]));
    assert!(text.contains("[roadmap]"), "{text}");
    assert!(text.contains("Ada Lovelace"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(innerceo(&db).args(["search", "roadmap", "--json"]))).unwrap();
    let hit = &json.as_array().unwrap()[0];
    for key in ["session_id", "coachee", "date", "stage", "kind", "snippet"] {
        assert!(hit.get(key).is_some(), "{key} missing: {hit}");
    }
    assert!(!hit["snippet"].as_str().unwrap().contains('\u{2}'));
    let hidden = stdout(innerceo(&db).args(["search", PRIVATE_WORD]));
    assert!(hidden.starts_with("Nothing matches"), "{hidden}");
    let shown = stdout(innerceo(&db).args(["search", PRIVATE_WORD, "--include-private"]));
    assert!(shown.contains("private note"), "{shown}");
}

#[test]
fn backup_copies_consistently_and_refuses_to_overwrite() {
    let (dir, db) = setup();
    let copy = dir.path().join("backup.db");
    let said = stdout(innerceo(&db).arg("backup").arg(&copy));
    assert!(said.starts_with("Backed up"), "{said}");
    #[cfg(unix)]
    assert_eq!(mode(&copy), 0o600);
    let counts = Store::open(&copy).unwrap().counts().unwrap();
    assert_eq!(counts, Store::open(&db).unwrap().counts().unwrap());

    std::fs::write(&copy, "keep me").unwrap();
    fails(innerceo(&db).arg("backup").arg(&copy), "--force");
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), "keep me");
    innerceo(&db)
        .arg("backup")
        .arg(&copy)
        .arg("--force")
        .assert()
        .success();
    assert_eq!(Store::open(&copy).unwrap().counts().unwrap().sessions, 3);
    fails(
        innerceo(&db)
            .arg("backup")
            .arg(dir.path().join("nope/b.db")),
        "does not exist",
    );
    fails(innerceo(&db).arg("backup").arg(&db), "the database itself");
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_whole() {
    let (dir, db) = setup();
    let writer_db = db.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop_writer = stop.clone();
    let writer = std::thread::spawn(move || {
        let store = Store::open(&writer_db).unwrap();
        let mut n = 0;
        while !stop_writer.load(std::sync::atomic::Ordering::Relaxed) && n < 2000 {
            store.add_coachee(&format!("Writer {n}"), "busy").unwrap();
            n += 1;
        }
        n
    });
    let reader = Store::open(&db).unwrap();
    let mut seen = 0;
    for i in 0..5 {
        let copy = dir.path().join(format!("copy{i}.db"));
        reader.backup_to(&copy).unwrap();
        let store = Store::open(&copy).unwrap();
        let counts = store.counts().unwrap();
        assert_eq!(counts.sessions, 3);
        assert!(counts.coachees >= seen, "copies never go back in time");
        seen = counts.coachees;
        assert_eq!(
            store
                .session_record(&fixture::A1.into())
                .unwrap()
                .actions
                .len(),
            3
        );
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(written > 0);
}

#[test]
fn completions_and_man_page() {
    let (_dir, db) = setup();
    let bash = stdout(innerceo(&db).args(["completions", "bash"]));
    assert!(
        bash.contains("innerceo") && bash.contains("export"),
        "{bash}"
    );
    let zsh = stdout(innerceo(&db).args(["completions", "zsh"]));
    assert!(zsh.contains("#compdef innerceo"));
    let man = stdout(innerceo(&db).arg("man"));
    assert!(man.contains(".TH innerceo"), "{man}");
    innerceo(&db)
        .args(["completions", "tcsh"])
        .assert()
        .failure();
}
