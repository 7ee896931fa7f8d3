//! Coachee names on the command line, typed as a person types them: case,
//! accents, a unique start; ambiguous and unknown names explained.

#[path = "common/bin.rs"]
mod bin;

use std::path::{Path, PathBuf};

use bin::{innerceo, run_ok};

/// The demo database: Bilal Mensah, José Laurent, Nadia Walsh, Priya Byrne,
/// Priya Dubois and Zoë Kaur.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    run_ok(innerceo(&db).arg("demo"));
    (dir, db)
}

/// The coachee names in `actions --coachee NAME --status all --json`.
fn actions_of(db: &Path, name: &str) -> Vec<String> {
    let out =
        run_ok(innerceo(db).args(["actions", "--status", "all", "--json", "--coachee", name]));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut names: Vec<String> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["coachee"].as_str().expect("name").to_owned())
        .collect();
    names.dedup();
    names
}

/// Runs a command that must fail; its stderr.
fn refused(db: &Path, args: &[&str]) -> String {
    let out = innerceo(db).args(args).output().expect("run");
    assert!(!out.status.success(), "{args:?} succeeded");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    String::from_utf8(out.stderr).expect("UTF-8")
}

#[test]
fn names_match_ignoring_case_and_accents_and_by_a_unique_start() {
    let (_dir, db) = demo();
    for (typed, name) in [
        ("bilal mensah", "Bilal Mensah"),
        ("ZOË KAUR", "Zoë Kaur"),
        ("zoe kaur", "Zoë Kaur"),
        ("jose laurent", "José Laurent"),
        ("bil", "Bilal Mensah"),
        ("zoe k", "Zoë Kaur"),
        ("José", "José Laurent"),
        ("priya d", "Priya Dubois"),
        ("mensah", "Bilal Mensah"),
    ] {
        assert_eq!(actions_of(&db, typed), [name], "{typed}");
    }
    // Every command that takes a name goes by the same rules.
    let out = run_ok(innerceo(&db).args(["session", "list", "--json", "--coachee", "zoe"]));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        list.as_array()
            .is_some_and(|l| !l.is_empty() && l.iter().all(|s| s["coachee"] == "Zoë Kaur"))
    );
    let out = run_ok(innerceo(&db).args(["export", "--coachee", "jose", "--format", "md"]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("José Laurent"));
}

#[test]
fn an_ambiguous_name_lists_the_candidates_and_changes_nothing() {
    let (_dir, db) = demo();
    let before = std::fs::read(&db).expect("read");
    let err = refused(&db, &["actions", "--coachee", "priya"]);
    assert!(
        err.contains(
            "\"priya\" matches 2 coachees: Priya Byrne, Priya Dubois; type more of the name"
        ),
        "{err}"
    );
    let err = refused(&db, &["coachee", "delete", "PRIYA", "--yes"]);
    assert!(err.contains("matches 2 coachees"), "{err}");
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "the file changed"
    );
}

#[test]
fn an_unknown_name_suggests_the_closest_ones() {
    let (_dir, db) = demo();
    let err = refused(&db, &["actions", "--coachee", "bilall"]);
    assert!(
        err.contains("no coachee named \"bilall\": did you mean Bilal Mensah?"),
        "{err}"
    );
    let err = refused(&db, &["session", "list", "--coachee", "Zoe Kuar"]);
    assert!(err.contains("did you mean Zoë Kaur?"), "{err}");
    let err = refused(&db, &["export", "--coachee", "xavier", "--format", "md"]);
    assert!(err.contains("no coachee named \"xavier\""), "{err}");
    assert!(err.contains("innerceo coachee list"), "{err}");
}

#[test]
fn deleting_for_good_with_yes_needs_the_whole_name() {
    let (_dir, db) = demo();
    let err = refused(&db, &["coachee", "delete", "bil", "--yes"]);
    assert!(err.contains("nothing was deleted"), "{err}");
    assert_eq!(actions_of(&db, "Bilal Mensah"), ["Bilal Mensah"]);
    run_ok(innerceo(&db).args(["coachee", "delete", "bilal MENSAH", "--yes"]));
    let err = refused(&db, &["actions", "--coachee", "bilal"]);
    assert!(err.contains("no coachee named \"bilal\""), "{err}");
}

#[test]
fn a_name_with_control_characters_is_shown_not_obeyed() {
    let (_dir, db) = demo();
    let err = refused(&db, &["actions", "--coachee", "\u{1b}[2Jbob"]);
    assert!(!err.contains('\u{1b}'), "{err:?}");
}
