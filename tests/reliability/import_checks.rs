//! Import checks every value against the guide snapshot its session
//! carries: refused files name the first bad value by its JSON path and
//! change nothing; whatever is accepted can be shown and exported.

use clap::Parser;
use innerceo::export::{self, Format, Scope, import};
use innerceo::store::Store;
use proptest::prelude::*;
use serde_json::Value;

/// A demo data set exported as JSON with private notes.
fn demo_json() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let store = Store::open_in_memory().expect("store");
        innerceo::demo::generate(
            &store,
            &innerceo::demo::DemoOptions {
                coachees: 2,
                sessions: 3,
                seed: 7,
            },
        )
        .expect("demo");
        let e = export::collect(&store, &Scope::All, true, time::OffsetDateTime::now_utc())
            .expect("collect");
        String::from_utf8(export::render(&e, Format::Json).expect("json")).expect("utf-8")
    })
}

fn demo_value() -> Value {
    serde_json::from_str(demo_json()).expect("json")
}

/// The first rating with a score: (session, rating) indexes.
fn scored(v: &Value) -> (usize, usize) {
    for (i, s) in v["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .enumerate()
    {
        for (j, r) in s["ratings"].as_array().expect("ratings").iter().enumerate() {
            if r["score"].is_i64() && r["stage_id"] != "close" {
                return (i, j);
            }
        }
    }
    panic!("no scored rating in the demo data")
}

#[track_caller]
fn refused(v: &Value, expected: &str) {
    let text = serde_json::to_string(v).expect("json");
    let store = Store::open_in_memory().expect("store");
    let before = store.counts().expect("counts");
    let e = import::parse(&text).expect_err("must be refused");
    assert!(
        format!("{e:#}").contains(expected),
        "{e:#}\nexpected: {expected}"
    );
    assert_eq!(store.counts().expect("counts"), before);
}

#[test]
fn the_demo_export_is_accepted() {
    import::parse(demo_json()).expect("valid");
}

#[test]
fn impossible_values_are_refused_with_their_json_path() {
    let (i, j) = scored(&demo_value());

    let mut v = demo_value();
    v["sessions"][i]["ratings"][j]["score"] = 999.into();
    refused(
        &v,
        &format!("sessions[{i}].ratings[{j}].score: 999 is outside 1–10"),
    );

    let mut v = demo_value();
    v["sessions"][i]["ratings"][j]["stage_id"] = "nowhere".into();
    refused(
        &v,
        &format!("sessions[{i}].ratings[{j}].stage_id: \"nowhere\" is not a stage"),
    );

    let mut v = demo_value();
    v["sessions"][0]["current_stage"] = 99.into();
    refused(&v, "sessions[0].current_stage: 99 is past the last stage");

    let mut v = demo_value();
    v["sessions"][0]["answers"][0]["prompt_id"] = "ghost".into();
    refused(
        &v,
        "sessions[0].answers[0].prompt_id: \"ghost\" is not a prompt",
    );

    let mut v = demo_value();
    let first = v["sessions"][0]["id"].clone();
    v["sessions"][1]["id"] = first;
    refused(&v, "sessions[1].id: the session id");

    let mut v = demo_value();
    let k = v["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .position(|s| s["actions"].as_array().is_some_and(|a| a.len() >= 2))
        .expect("a session with two actions in the demo data");
    let first = v["sessions"][k]["actions"][0]["id"].clone();
    v["sessions"][k]["actions"][1]["id"] = first;
    refused(&v, &format!("sessions[{k}].actions[1].id: the action id"));

    let mut v = demo_value();
    v["sessions"][0]["actions"][0]["link"] = "elsewhere:autonomy".into();
    refused(
        &v,
        "sessions[0].actions[0].link: \"elsewhere:autonomy\" is not a link to a center or a pathway",
    );

    let mut v = demo_value();
    v["sessions"][0]["answers"][0]["text"] = "x".repeat((1 << 20) + 1).into();
    refused(
        &v,
        "sessions[0].answers[0].text: 1048577 bytes is more than the limit of 1048576 bytes",
    );
}

/// Runs a command in-process on `db`, as the binary would.
fn run(db: &std::path::Path, args: &[&str]) -> anyhow::Result<Vec<u8>> {
    let mut argv = vec!["innerceo", "--db", db.to_str().expect("utf-8 path")];
    argv.extend_from_slice(args);
    let cli = innerceo::cli::Cli::try_parse_from(argv)?;
    let mut out = Vec::new();
    let command = cli.command.as_ref().expect("a command");
    innerceo::cli::run_command(&cli, command, &mut out)?;
    Ok(out)
}

/// Sets one value of a valid export to something else. `pick` chooses the
/// session and the entry, `n` the new value.
fn mutate(v: &mut Value, kind: u8, pick: usize, n: i64) {
    let sessions = v["sessions"].as_array().map_or(0, Vec::len);
    let s = pick % sessions;
    let entry = |v: &Value, key: &str| {
        let len = v["sessions"][s][key].as_array().map_or(0, Vec::len);
        (len > 0).then(|| (pick / sessions) % len)
    };
    match kind {
        0 => {
            if let Some(j) = entry(v, "ratings") {
                v["sessions"][s]["ratings"][j]["score"] = n.into();
            }
        }
        1 => v["sessions"][s]["current_stage"] = n.into(),
        2 => {
            if let Some(j) = entry(v, "answers") {
                v["sessions"][s]["answers"][j]["text"] = "y"
                    .repeat(usize::try_from(n.rem_euclid(3 << 19)).unwrap_or(0) * 2)
                    .into();
            }
        }
        3 => {
            if let Some(j) = entry(v, "actions") {
                let other = v["sessions"][(s + 1) % sessions]["actions"][0]["id"].clone();
                if !other.is_null() {
                    v["sessions"][s]["actions"][j]["id"] = other;
                }
            }
        }
        4 => {
            let other = v["sessions"][(s + 1) % sessions]["id"].clone();
            v["sessions"][s]["id"] = other;
        }
        5 => {
            if let Some(j) = entry(v, "answers") {
                let stages: Vec<Value> = v["sessions"][s]["guide"]["stages"]
                    .as_array()
                    .map(|a| a.iter().map(|st| st["id"].clone()).collect())
                    .unwrap_or_default();
                let k = usize::try_from(n.rem_euclid(stages.len() as i64 + 1)).unwrap_or(0);
                v["sessions"][s]["answers"][j]["stage_id"] =
                    stages.get(k).cloned().unwrap_or_else(|| "nowhere".into());
            }
        }
        6 => {
            if let Some(j) = entry(v, "notes") {
                let other = v["sessions"][(s + 1) % sessions]["notes"][0]["id"].clone();
                if !other.is_null() {
                    v["sessions"][s]["notes"][j]["id"] = other;
                }
            }
        }
        7 => {
            if let Some(j) = entry(v, "choices") {
                v["sessions"][s]["choices"][j]["option_id"] = if n % 2 == 0 {
                    "stepping_up"
                } else {
                    "sideways"
                }
                .into();
            }
        }
        _ => {
            if let Some(k) = v["sessions"][s]["stage_seconds"]
                .as_object()
                .and_then(|o| o.keys().next().cloned())
            {
                v["sessions"][s]["stage_seconds"][k] = n.into();
            }
        }
    }
}

/// A JSON path such as `sessions[3].ratings[2].score` at the start of a message.
fn has_json_path(message: &str) -> bool {
    let head = message.split(':').next().unwrap_or("");
    (head.starts_with("sessions[") || head.starts_with("coachees["))
        && head.contains(']')
        && !head.contains(' ')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn a_mutated_export_is_refused_with_a_path_or_shown_without_error(
        kind in 0u8..9,
        pick in 0usize..1000,
        n in prop_oneof![-3i64..15, any::<i64>()],
    ) {
        let mut v = demo_value();
        mutate(&mut v, kind, pick, n);
        let text = serde_json::to_string(&v).expect("json");
        match import::parse(&text) {
            Err(e) => {
                let message = format!("{e:#}");
                prop_assert!(has_json_path(&message), "{message}");
            }
            Ok(doc) => {
                let dir = tempfile::tempdir().expect("dir");
                let db = dir.path().join("in.db");
                {
                    let store = Store::open(&db).expect("open");
                    import::import(&store, &doc).map_err(|e| TestCaseError::fail(format!("{e:#}")))?;
                }
                for s in &doc.sessions {
                    let shown = run(&db, &["session", "show", &s.id, "--include-private"]);
                    prop_assert!(shown.is_ok(), "session show {}: {:?}", s.id, shown.err());
                }
                let md = run(&db, &["export", "--all", "--format", "md", "--include-private"]);
                prop_assert!(md.is_ok(), "export md: {:?}", md.err());
            }
        }
    }
}
