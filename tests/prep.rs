//! The coachee's preparation: the page `innerceo prep` writes (self-contained,
//! its one script allowed by its hash, what the form asks and nothing
//! private), its import (refused for another database, another coachee, a
//! score off the scale, a cut file; idempotent), and a real browser filling
//! it by keyboard.

#![allow(clippy::unwrap_used)]

#[path = "common/bin.rs"]
mod bin;
#[path = "prep/browser.rs"]
mod browser;
#[path = "report/fixture.rs"]
mod fixture;
#[path = "common/webdriver.rs"]
mod webdriver;

use std::path::{Path, PathBuf};

use base64::Engine as _;
use bin::{innerceo, run_ok};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The fixture's database and a form written for Maya, in `dir`.
fn with_form(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("x.db");
    fixture::fill(&db);
    let page = dir.join("prep.html");
    let out = run_ok(
        innerceo(&db)
            .args(["prep", "--coachee", "maya", "-o"])
            .arg(&page),
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Wrote Maya Ortiz's preparation form"),
        "{said}"
    );
    assert!(said.contains("2 open actions, 6 centers"), "{said}");
    (db, page)
}

/// The form's own data, as the page carries it for its script.
fn form_data(html: &str) -> Value {
    let start = html
        .find("<script type=\"application/json\" id=\"form-data\">")
        .unwrap();
    let rest = &html[start..];
    let body = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
    serde_json::from_str(body).unwrap()
}

/// Answers to the form as the page would save them.
fn answers(html: &str) -> Value {
    let meta = form_data(html);
    let actions: Vec<Value> = meta["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| json!({ "id": id, "mark": "in-progress", "note": "Halfway there" }))
        .collect();
    let centers: Vec<Value> = meta["centers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| json!({ "id": id, "score": 8, "note": "Feeling good" }))
        .collect();
    json!({
        "format": "innerceo-prep/1",
        "form_id": meta["form_id"],
        "database_id": meta["database_id"],
        "coachee_id": meta["coachee_id"],
        "saved_at": "2026-12-01T08:00:00.000Z",
        "actions": actions,
        "centers": centers,
        "topics": ["The reorganisation", "Saying no"],
    })
}

fn write_json(dir: &Path, name: &str, v: &Value) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_string_pretty(v).unwrap()).unwrap();
    p
}

#[test]
fn the_page_holds_only_what_the_form_asks_and_its_own_hashed_script() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, page) = with_form(dir.path());
    let html = std::fs::read_to_string(&page).unwrap();
    for url in ["http:", "https:", "://", "src=", "href=", "url("] {
        assert!(
            !html.contains(url),
            "the page asks for nothing outside it ({url})"
        );
    }
    // One executable script, inline, and the policy allows exactly it.
    let scripts: Vec<&str> = html.split("<script>").skip(1).collect();
    assert_eq!(scripts.len(), 1, "one script");
    let script = scripts[0].split_once("</script>").unwrap().0;
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()));
    assert!(
        html.contains(&format!(
            "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'\""
        )),
        "the policy forbids everything but the page's own script"
    );
    // Maya's open actions (4 and 5), not the done or dropped ones.
    for n in [4, 5] {
        assert!(html.contains(&format!("Action text number {n} of the engagement")));
    }
    for n in [1, 2, 3, 6, 7] {
        assert!(!html.contains(&format!("Action text number {n} of")));
    }
    assert!(html.contains("due 2026-04-10"));
    // The one-to-one guide's Six Centers questions, each of them.
    let guide = innerceo::guide::builtin_guides()
        .into_iter()
        .find(|g| g.id == "one-to-one")
        .unwrap();
    let (_, items, _) = innerceo::export::doc::centers(&guide).unwrap();
    for it in items {
        let q = html_escape::encode_safe(&it.question).into_owned();
        assert!(html.contains(&q), "the question of {}", it.label);
    }
    // The last session's insight as a reminder; nothing private.
    assert!(html.contains("key_insight words of session m400"));
    assert!(!html.contains(fixture::PRIVATE_WORD), "no private note");
    assert!(!html.contains("private note"), "no private note");
    assert!(
        html.contains("local storage"),
        "the page says where the draft is kept"
    );
}

#[test]
fn an_import_is_refused_unless_it_answers_this_databases_form_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (db, page) = with_form(dir.path());
    let html = std::fs::read_to_string(&page).unwrap();
    let good = answers(&html);

    // A second database with its own form for Maya.
    let other_dir = tempfile::tempdir().unwrap();
    let (_other_db, other_page) = with_form(other_dir.path());
    let foreign = answers(&std::fs::read_to_string(other_page).unwrap());

    let mut other_coachee = good.clone();
    other_coachee["coachee_id"] = json!(fixture::KOFI);
    let mut off_scale = good.clone();
    off_scale["centers"][2]["score"] = json!(11);
    let mut unknown_action = good.clone();
    unknown_action["actions"][0]["id"] = json!("ac000000-0000-4000-8000-000000000001");
    let mut unknown_form = good.clone();
    unknown_form["form_id"] = json!("f0000000-0000-4000-8000-000000000000");
    let text = serde_json::to_string_pretty(&good).unwrap();
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    let export = dir.path().join("export.json");
    run_ok(
        innerceo(&db)
            .args(["export", "--all", "--format", "json", "-o"])
            .arg(&export),
    );

    let cases: Vec<(PathBuf, &str)> = vec![
        (
            write_json(dir.path(), "foreign.json", &foreign),
            "another innerceo database",
        ),
        (
            write_json(dir.path(), "coachee.json", &other_coachee),
            "for another coachee",
        ),
        (
            write_json(dir.path(), "scale.json", &off_scale),
            "the score 11 is outside the form's scale of 1 to 10",
        ),
        (
            write_json(dir.path(), "action.json", &unknown_action),
            "an action its form did not ask about",
        ),
        (
            write_json(dir.path(), "form.json", &unknown_form),
            "issued no form with the id",
        ),
        (cut, "cut short"),
        (export, "not a preparation"),
        (page.clone(), "not a preparation file"),
        (dir.path().join("missing.json"), "cannot read"),
    ];
    let before = std::fs::read(&db).unwrap();
    for (file, says) in &cases {
        let out = innerceo(&db)
            .args(["prep", "import"])
            .arg(file)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{} refused", file.display());
        assert!(err.contains(says), "{}: {err}", file.display());
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{}: nothing changed",
            file.display()
        );
    }

    let file = write_json(dir.path(), "good.json", &good);
    let out = run_ok(innerceo(&db).args(["prep", "import"]).arg(&file));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Imported Maya Ortiz's preparation"));
    let after_first = std::fs::read(&db).unwrap();
    let out = run_ok(innerceo(&db).args(["prep", "import"]).arg(&file));
    assert!(String::from_utf8_lossy(&out.stdout).contains("already imported: nothing changed"));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        after_first,
        "the second import changes nothing"
    );
    // Saved again later with the same answers: still nothing new.
    let mut resaved = good.clone();
    resaved["saved_at"] = json!("2026-12-01T09:30:00.000Z");
    let file = write_json(dir.path(), "resaved.json", &resaved);
    let out = run_ok(innerceo(&db).args(["prep", "import"]).arg(&file));
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing changed"));
}

#[test]
fn the_next_sessions_exports_show_what_came_from_the_preparation() {
    let dir = tempfile::tempdir().unwrap();
    let (db, page) = with_form(dir.path());
    let good = answers(&std::fs::read_to_string(&page).unwrap());
    let file = write_json(dir.path(), "good.json", &good);
    run_ok(innerceo(&db).args(["prep", "import"]).arg(&file));
    let store = innerceo::store::Store::open(&db).unwrap();
    let guide = innerceo::guide::builtin_guides()
        .into_iter()
        .next()
        .unwrap();
    let s = store
        .start_session(&fixture::MAYA.into(), &guide, innerceo::dates::now())
        .unwrap();
    // The prepared topics are parked for it.
    let topics = store
        .topics_for_review(&fixture::MAYA.into(), &s.id)
        .unwrap();
    let texts: Vec<&str> = topics.iter().map(|(t, _)| t.text.as_str()).collect();
    assert_eq!(texts, ["The reorganisation", "Saying no"]);
    drop(store);
    for format in ["md", "html"] {
        let out = run_ok(innerceo(&db).args(["export", "--session", &s.id, "--format", format]));
        let raw = String::from_utf8(out.stdout).unwrap();
        let text = html_escape::decode_html_entities(&raw).replace('\\', "");
        assert!(
            text.contains("The coachee's preparation"),
            "{format}: {text}"
        );
        assert!(
            text.contains("Halfway there"),
            "{format}: the coachee's note on an action"
        );
        assert!(
            text.contains("Feeling good"),
            "{format}: the note on a center"
        );
        assert!(text.contains("The reorganisation"), "{format}: a topic");
        assert!(text.contains("in progress"), "{format}: the mark");
    }
}
