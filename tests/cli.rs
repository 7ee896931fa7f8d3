//! The command line as a user runs it: output, JSON, and errors that change nothing.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn innerceo(db: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("innerceo").expect("binary");
    c.arg("--db").arg(db).env_remove("INNERCEO_DB");
    c
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON")
}

#[test]
fn coachees_are_added_and_listed_as_text_and_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("data").join("x.db");
    innerceo(&db)
        .args(["coachee", "add", "Ana Silva", "--role", "Head of Product"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Added Ana Silva"));
    innerceo(&db)
        .args(["coachee", "add", "Zoë Kaur"])
        .assert()
        .success();
    innerceo(&db)
        .args(["coachee", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Ana Silva").and(predicate::str::contains("Head of Product")),
        )
        .stdout(predicate::str::contains("Zoë Kaur"));
    let out = innerceo(&db)
        .args(["coachee", "list", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let list = json(&out.stdout);
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["name"], "Ana Silva");
    assert_eq!(list[0]["role"], "Head of Product");
    assert_eq!(list[0]["sessions"], 0);
    assert_eq!(list[0]["open_actions"], 0);
    assert!(list[0]["last_session"].is_null());
    assert_eq!(list[0]["id"].as_str().map(str::len), Some(36));
}

#[test]
fn a_duplicate_or_empty_name_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("x.db");
    innerceo(&db)
        .args(["coachee", "add", "Ana"])
        .assert()
        .success();
    innerceo(&db)
        .args(["coachee", "add", "ana"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
    innerceo(&db)
        .args(["coachee", "add", "  "])
        .assert()
        .failure()
        .stderr(predicate::str::contains("needs a name"));
}

#[test]
fn demo_fills_the_database_and_is_the_same_for_the_same_seed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    for db in [&a, &b] {
        innerceo(db)
            .args(["demo", "--coachees", "4", "--sessions", "5", "--seed", "7"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Added 4 coachees, 20 sessions"))
            // The way to open them names the same database.
            .stdout(predicate::str::contains(format!(
                "Open them with: innerceo --db {}",
                db.display()
            )));
    }
    // The same seed again adds nothing, and says so.
    innerceo(&a)
        .args(["demo", "--coachees", "4", "--sessions", "5", "--seed", "7"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Nothing added"));
    for args in [["coachee", "list", "--json"], ["session", "list", "--json"]] {
        let out_a = innerceo(&a).args(args).output().expect("run").stdout;
        let out_b = innerceo(&b).args(args).output().expect("run").stdout;
        assert_eq!(json(&out_a), json(&out_b), "{args:?} differs between runs");
    }
    let sessions = json(
        &innerceo(&a)
            .args(["session", "list", "--json"])
            .output()
            .expect("run")
            .stdout,
    );
    let sessions = sessions.as_array().expect("array");
    assert_eq!(sessions.len(), 20);
    assert!(
        sessions.iter().any(|s| s["status"] == "in-progress"),
        "one unfinished session to resume"
    );
    let coachees = json(
        &innerceo(&a)
            .args(["coachee", "list", "--json"])
            .output()
            .expect("run")
            .stdout,
    );
    assert!(
        coachees
            .as_array()
            .expect("array")
            .iter()
            .any(|c| c["overdue_actions"].as_i64() > Some(0))
    );
    // Another seed gives other data.
    let c = dir.path().join("c.db");
    innerceo(&c)
        .args(["demo", "--coachees", "4", "--sessions", "5", "--seed", "8"])
        .assert()
        .success();
    let out_c = innerceo(&c)
        .args(["coachee", "list", "--json"])
        .output()
        .expect("run")
        .stdout;
    let out_a = innerceo(&a)
        .args(["coachee", "list", "--json"])
        .output()
        .expect("run")
        .stdout;
    assert_ne!(json(&out_a), json(&out_c));
}

#[test]
fn sessions_are_listed_per_coachee_and_an_unknown_coachee_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("x.db");
    innerceo(&db)
        .args(["demo", "--coachees", "2", "--sessions", "3"])
        .assert()
        .success();
    let all = json(
        &innerceo(&db)
            .args(["session", "list", "--json"])
            .output()
            .expect("run")
            .stdout,
    );
    let first = all[0]["coachee"].as_str().expect("name").to_owned();
    let mine = json(
        &innerceo(&db)
            .args([
                "session",
                "list",
                "--json",
                "--coachee",
                &first.to_uppercase(),
            ])
            .output()
            .expect("run")
            .stdout,
    );
    let mine = mine.as_array().expect("array");
    assert_eq!(mine.len(), 3);
    for s in mine {
        assert_eq!(s["coachee"], first.as_str());
        for key in ["id", "guide", "started_at", "status"] {
            assert!(!s[key].is_null(), "{key} missing in {s}");
        }
    }
    innerceo(&db)
        .args(["session", "list", "--coachee", "Nobody"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no coachee named \"Nobody\""));
}

#[test]
fn guides_are_listed_shown_and_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("x.db");
    innerceo(&db)
        .args(["guide", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("one-to-one"))
        .stdout(predicate::str::contains("first-session"))
        .stdout(predicate::str::contains("six-centers-checkin"));
    let shown = innerceo(&db)
        .args(["guide", "show", "one-to-one"])
        .output()
        .expect("run");
    assert!(shown.status.success());
    let file = dir.path().join("mine.toml");
    std::fs::write(&file, &shown.stdout).expect("write");
    innerceo(&db)
        .args(["guide", "check"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("OK"));
    for name in ["one-to-one", "first-session", "six-centers-checkin"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("prompts")
            .join(format!("{name}.toml"));
        innerceo(&db)
            .args(["guide", "check"])
            .arg(&path)
            .assert()
            .success();
    }
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "id = \"x\"\ntitle = \"X\"\n\n[[stages]]\nid = \"a\"\nkind = \"rating\"\ntitle = \"A\"\n",
    )
    .expect("write");
    innerceo(&db)
        .args(["guide", "check"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.toml:6:"))
        .stderr(predicate::str::contains("ratings"));
    innerceo(&db)
        .args(["guide", "show", "nope"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no guide with id \"nope\""));
    innerceo(&db)
        .args(["guide", "check", "/definitely/missing.toml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("missing.toml"));
}

#[test]
fn an_unusable_database_path_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "notes, not a database\n").expect("write");
    // Under a regular file: no folder can be created there.
    innerceo(&file.join("x.db"))
        .args(["coachee", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("plain.txt"));
    // A text file is not a database, and stays as it was.
    innerceo(&file)
        .args(["coachee", "add", "Ana"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not an innerceo database"));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "notes, not a database\n"
    );
    // A folder is not a file.
    innerceo(dir.path())
        .args(["coachee", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is a folder"));
    // INNERCEO_DB is used when --db is not given; empty is refused.
    Command::cargo_bin("innerceo")
        .expect("binary")
        .env("INNERCEO_DB", "")
        .args(["coachee", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("empty"));
}

#[test]
fn the_app_refuses_to_start_without_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    innerceo(&dir.path().join("x.db"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("needs a terminal"));
}

#[test]
fn version_names_the_sqlite_inside() {
    let dir = tempfile::tempdir().expect("tempdir");
    innerceo(&dir.path().join("v.db"))
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains("(SQLite 3."))
        .stdout(predicate::str::contains("SQLCipher"))
        // Search needs FTS5: the build says it has it.
        .stdout(predicate::str::contains("FTS5 on)"));
}
