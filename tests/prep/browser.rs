//! The preparation page in a real browser, offline, by keyboard alone:
//! every field filled with Tab, arrows and typing; the draft survives a
//! reload; leaving unsaved warns; "Save my answers" downloads the file, and
//! the coach imports it.

use serde_json::json;

use super::bin::{innerceo, run_ok};
use super::webdriver::{self, Browser};

const TAB: &str = "\u{E004}";
const SPACE: &str = "\u{E00D}";
const RIGHT: &str = "\u{E014}";
const ENTER: &str = "\u{E007}";

/// Whether leaving the page now would ask first.
fn warns_on_leaving(b: &Browser) -> bool {
    b.execute(
        "const e = new Event('beforeunload', { cancelable: true });
         window.dispatchEvent(e);
         return e.defaultPrevented;",
        json!([]),
    )
    .as_bool()
    .unwrap()
}

fn values(b: &Browser) -> serde_json::Value {
    b.execute(
        "const out = {};
         for (const f of document.querySelectorAll('#prep input, #prep textarea')) {
           if (f.type === 'radio') { if (f.checked) out[f.name] = f.value; }
           else out[f.name] = f.value;
         }
         return out;",
        json!([]),
    )
}

fn focused(b: &Browser) -> String {
    b.execute(
        "return document.activeElement.id || document.activeElement.tagName;",
        json!([]),
    )
    .as_str()
    .unwrap()
    .to_owned()
}

#[test]
fn a_coachee_fills_the_form_by_keyboard_and_the_coach_imports_what_it_saves() {
    let Some(b) = webdriver::browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (db, page) = super::with_form(dir.path());
    b.open_file(&page);
    assert!(b.errors().is_empty(), "no console error: {:?}", b.errors());
    assert!(!warns_on_leaving(&b), "nothing typed, nothing to lose");

    // Action 1: Done (Space on the first choice), a note.
    b.type_keys(TAB);
    assert_eq!(focused(&b), "mark-0-done");
    b.type_keys(&format!("{SPACE}{TAB}Booked for Monday"));
    // Action 2: Stuck (arrows move along the choices), a note.
    b.type_keys(&format!("{TAB}{RIGHT}{RIGHT}{TAB}Waiting on finance"));
    // The six centers: a score and a note each.
    for (i, score) in ["7", "6", "8", "5", "9", "10"].iter().enumerate() {
        b.type_keys(&format!("{TAB}{score}{TAB}Because {i}"));
    }
    // Three topics.
    b.type_keys(&format!("{TAB}The new team{TAB}My manager{TAB}Time off"));
    assert_eq!(focused(&b), "topic-2");
    let typed = values(&b);
    assert_eq!(typed["mark-0"], "done");
    assert_eq!(typed["mark-1"], "stuck");
    assert_eq!(typed["action-note-1"], "Waiting on finance");
    assert_eq!(typed["score-5"], "10");
    assert_eq!(typed["center-note-5"], "Because 5");
    assert!(warns_on_leaving(&b), "unsaved answers: leaving asks first");

    // A reload keeps the draft.
    b.refresh();
    b.accept_dialog();
    assert_eq!(values(&b), typed, "the draft survives a reload");
    let status = b.execute(
        "return document.getElementById('status').textContent;",
        json!([]),
    );
    assert!(status.as_str().unwrap().contains("draft"), "{status}");

    // Tab through to the button (one stop per choice group) and press it.
    // Two actions (choice, note), six centers (score, note), three topics.
    let stops = 2 * 2 + 6 * 2 + 3;
    for _ in 0..=stops {
        b.type_keys(TAB);
    }
    assert_eq!(focused(&b), "save");
    b.type_keys(ENTER);
    let saved = b.downloaded("prep-maya-ortiz-");
    assert!(!warns_on_leaving(&b), "saved: nothing to lose");
    assert!(b.errors().is_empty(), "no console error: {:?}", b.errors());

    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    assert_eq!(file["format"], "innerceo-prep/1");
    assert_eq!(file["actions"][0]["mark"], "done");
    assert_eq!(file["actions"][1]["note"], "Waiting on finance");
    assert_eq!(file["centers"][5]["score"], 10);
    assert_eq!(
        file["topics"],
        json!(["The new team", "My manager", "Time off"])
    );

    let out = run_ok(innerceo(&db).args(["prep", "import"]).arg(&saved));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Imported Maya Ortiz's preparation"));
    let store = innerceo::store::Store::open(&db).unwrap();
    let g = innerceo::guide::builtin_guides()
        .into_iter()
        .next()
        .unwrap();
    let s = store
        .start_session(&super::fixture::MAYA.into(), &g, innerceo::dates::now())
        .unwrap();
    let prep = innerceo::prep::for_session(&store, &s.id)
        .unwrap()
        .expect("shown in the next session");
    assert_eq!(prep.answers.centers[0].score, Some(7));
    assert_eq!(prep.topics().count(), 3);
}
