//! `--json` on the commands that show things, read back as JSON.

#[path = "common/bin.rs"]
mod bin;

use bin::{demo_db, innerceo, run_ok};
use serde_json::Value;

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn session_show_json_is_the_documented_export_of_that_one_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo_db(dir.path(), "demo.db");
    let list = json(&run_ok(innerceo(&db).args(["session", "list", "--json"])));
    let id = list[0]["id"].as_str().expect("an id").to_owned();

    let shown = json(&run_ok(innerceo(&db).args([
        "session",
        "show",
        &id[..8],
        "--json",
    ])));
    assert_eq!(shown["format"], "innerceo/1");
    let sessions = shown["sessions"].as_array().expect("sessions");
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["id"], id.as_str());
    assert_eq!(shown["coachees"].as_array().map(Vec::len), Some(1));
    assert_eq!(shown["coachees"][0]["name"], list[0]["coachee"]);
    // The same as the export of that session, word for word but the time
    // it was made.
    let mut exported = json(&run_ok(innerceo(&db).args([
        "export",
        "--session",
        &id,
        "--format",
        "json",
    ])));
    exported["exported_at"] = shown["exported_at"].clone();
    assert_eq!(exported, shown);
}

#[test]
fn guide_list_json_names_each_guide_and_where_it_comes_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mine = dir.path().join("mine.toml");
    let builtin = run_ok(
        innerceo(&dir.path().join("x.db"))
            .env("XDG_CONFIG_HOME", dir.path())
            .args(["guide", "show", "one-to-one"]),
    );
    let toml = String::from_utf8(builtin.stdout).expect("UTF-8").replacen(
        "id = \"one-to-one\"",
        "id = \"mine\"",
        1,
    );
    std::fs::write(&mine, toml).expect("write");

    let out = run_ok(
        innerceo(&dir.path().join("x.db"))
            .env("XDG_CONFIG_HOME", dir.path())
            .arg("--guide")
            .arg(&mine)
            .args(["guide", "list", "--json"]),
    );
    let list = json(&out);
    let list = list.as_array().expect("array");
    let one = list
        .iter()
        .find(|g| g["id"] == "one-to-one")
        .expect("the built-in one-to-one");
    assert_eq!(one["builtin"], true);
    assert!(one["file"].is_null());
    assert!(one["stages"].as_u64().is_some_and(|n| n > 0));
    assert!(one["minutes"].as_u64().is_some_and(|n| n > 0));
    assert!(one["title"].as_str().is_some_and(|t| !t.is_empty()));
    let m = list.iter().find(|g| g["id"] == "mine").expect("mine");
    assert_eq!(m["builtin"], false);
    assert_eq!(m["file"], mine.display().to_string());
    assert_eq!(m["replaces_builtin"], false);
}

#[test]
fn actions_json_holds_every_field_the_table_shows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo_db(dir.path(), "demo.db");
    let list = json(&run_ok(
        innerceo(&db).args(["actions", "--status", "all", "--json"]),
    ));
    let first = &list.as_array().expect("array")[0];
    for key in [
        "id",
        "coachee",
        "text",
        "owner",
        "due",
        "status",
        "overdue",
        "session_id",
    ] {
        assert!(first.get(key).is_some(), "no {key} in {first}");
    }
}
