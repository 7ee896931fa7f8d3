//! No control character from user text reaches a terminal: every human
//! output shows it as `\x1b` and the like, Markdown and HTML drop it, JSON
//! keeps the text exactly.

use std::fs;
use std::path::Path;

use innerceo::model::{Action, ActionStatus, Rating, Visibility};
use innerceo::store::Store;

use super::innerceo;

/// ESC c (reset), BEL, BS, NUL, clear screen, colour and cursor CSI
/// sequences, a C1 CSI (U+009B), DEL and CR, around the word to search.
const HOSTILE: &str =
    "Zanzibar \u{1b}c\u{7}\u{8}\0 \u{1b}[2J\u{1b}[31m\u{1b}[10;10H \u{9b}31m\u{7f}\r end";
/// The same without NUL, which a command-line argument cannot hold.
const HOSTILE_ARG: &str =
    "Quixote \u{1b}c\u{7}\u{8} \u{1b}[2J\u{1b}[31m\u{1b}[10;10H \u{9b}31m\u{7f}\r end";

/// Bytes a terminal would obey: C0 other than newline and tab, DEL, C1.
#[track_caller]
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n' && c != '\t') || c == '\u{fffd}';
        assert!(!bad, "{what}: {c:?} in {text:?}");
    }
}

/// A database whose coachee, answer, notes, rating note and action hold
/// hostile text. Returns the session id.
fn hostile_db(db: &Path) -> innerceo::model::SessionId {
    let store = Store::open(db).expect("open");
    let c = store.add_coachee(HOSTILE, HOSTILE).expect("coachee");
    let g = innerceo::guide::builtin_guides()
        .into_iter()
        .next()
        .expect("a guide");
    let s = store
        .start_session(&c.id, &g, time::OffsetDateTime::now_utc())
        .expect("session");
    store
        .save_answer(&s.id, "clarity", "intent", HOSTILE)
        .expect("answer");
    store
        .save_note(&s.id, "clarity", Visibility::Shared, HOSTILE)
        .expect("note");
    store
        .save_note(&s.id, "clarity", Visibility::Private, HOSTILE)
        .expect("note");
    store
        .save_rating(
            &s.id,
            &Rating {
                stage_id: "centers".into(),
                item_id: "autonomy".into(),
                score: Some(5),
                note: HOSTILE.into(),
            },
        )
        .expect("rating");
    store
        .add_action(&Action {
            id: innerceo::model::new_id().into(),
            session_id: s.id.clone(),
            coachee_id: c.id.clone(),
            text: HOSTILE.into(),
            owner: HOSTILE.into(),
            due: None,
            status: ActionStatus::Open,
            completed_on: None,
            link: None,
            created_at: time::OffsetDateTime::now_utc(),
        })
        .expect("action");
    s.id
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("h.db");
    let id = hostile_db(&db);
    let guide = dir.path().join("hostile.toml");
    fs::write(
        &guide,
        "id = \"hostile\"\ntitle = \"Bad \\u001b[2J\\u0007 \\u009b title\"\n\n[[stages]]\nid = \"talk\"\n\
         kind = \"questions\"\ntitle = \"Talk \\u001bc\"\n\n[[stages.prompts]]\nid = \"p\"\ntext = \"Say \\u0008\"\n",
    )
    .expect("write");
    let nobody = HOSTILE_ARG.replace("Quixote", "Nobody Quixote");
    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("coachee list", vec!["coachee", "list", "--all"]),
        ("session list", vec!["session", "list"]),
        (
            "session show",
            vec!["session", "show", &id, "--include-private"],
        ),
        ("search", vec!["search", "Zanzibar", "--include-private"]),
        ("actions", vec!["actions", "--status", "all"]),
        (
            "coachee add",
            vec!["coachee", "add", HOSTILE_ARG, "--role", HOSTILE_ARG],
        ),
        (
            "error quoting a name",
            vec!["session", "list", "--coachee", &nobody],
        ),
        (
            "md export",
            vec!["export", "--all", "--format", "md", "--include-private"],
        ),
        (
            "html export",
            vec!["export", "--all", "--format", "html", "--include-private"],
        ),
    ];
    for (what, args) in runs {
        let out = innerceo(&db).args(&args).output().expect("run");
        assert_inert(what, &out.stdout);
        assert_inert(what, &out.stderr);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            all.contains("Zanzibar") || all.contains("Quixote"),
            "{what}: {all}"
        );
        if !what.ends_with("export") {
            assert!(all.contains("\\x1b"), "{what}: escapes not shown: {all}");
        }
    }
    let guide_arg = guide.to_string_lossy().into_owned();
    for args in [vec!["guide", "list"], vec!["guide", "check", &guide_arg]] {
        let out = innerceo(&db)
            .arg("--guide")
            .arg(&guide)
            .args(&args)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_inert("guide", &out.stdout);
        assert_inert("guide", &out.stderr);
        assert!(String::from_utf8_lossy(&out.stdout).contains("Bad \\x1b[2J"));
    }
    // JSON keeps the text exactly.
    let out = innerceo(&db)
        .args(["export", "--all", "--format", "json"])
        .output()
        .expect("run");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let names: Vec<&str> = doc["coachees"]
        .as_array()
        .expect("coachees")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert!(names.contains(&HOSTILE.trim()), "{names:?}");
    assert_eq!(doc["sessions"][0]["answers"][0]["text"], HOSTILE);
}
