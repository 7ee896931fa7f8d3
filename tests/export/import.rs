//! JSON import: refused files leave the database as it was, re-imports add
//! nothing, and export → import → export gives the same document.

use innerceo::export::{self, Format, Scope, import};
use innerceo::store::Store;
use proptest::prelude::*;

use super::fixture::{self, EXPORTED_AT};

fn json_of(store: &Store) -> String {
    let e = export::collect(store, &Scope::All, true, EXPORTED_AT).unwrap();
    String::from_utf8(export::render(&e, Format::Json).unwrap()).unwrap()
}

/// A database file with the fixture, closed, and its bytes.
fn db_file(dir: &std::path::Path) -> (std::path::PathBuf, Vec<u8>) {
    let path = dir.join("coaching.db");
    {
        let store = Store::open(&path).unwrap();
        fixture::fill(&store, &fixture::plain);
    }
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

/// Imports `text` as the CLI does: read, checked and written in one pass.
fn import_text(db: &std::path::Path, text: &str) -> anyhow::Result<import::ImportReport> {
    let file = db.with_file_name("in.json");
    std::fs::write(&file, text).unwrap();
    let store = Store::open(db).unwrap();
    import::import_file(&store, &file)
}

#[test]
fn import_into_an_empty_database_rebuilds_everything_once() {
    let json = json_of(&fixture::store());
    let target = Store::open_in_memory().unwrap();
    let doc = import::parse(&json).unwrap();
    let report = import::import(&target, &doc).unwrap();
    assert_eq!(
        report.to_string(),
        "Imported 2 coachees, 3 sessions, 5 actions; 0 already present"
    );
    assert_eq!(json_of(&target), json);
    let counts = target.counts().unwrap();
    let again = import::import(&target, &doc).unwrap();
    assert_eq!(
        again.to_string(),
        "Imported 0 coachees, 0 sessions, 0 actions; 10 already present"
    );
    assert_eq!(target.counts().unwrap(), counts, "nothing duplicated");
    assert_eq!(counts.reviews, 3, "the board review came along");
}

#[test]
fn refused_files_leave_the_database_bytes_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (db, before) = db_file(dir.path());
    let good = json_of(&fixture::store());
    let cut = &good[..good.len() / 2];
    let wrong_version = good.replace("\"innerceo/1\"", "\"innerceo/9\"");
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value["sessions"][0]["actions"][0]["due"] = serde_json::json!("someday");
    let bad_date = serde_json::to_string_pretty(&value).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    value["sessions"][1]["coachee_id"] = serde_json::json!("nobody");
    let orphan = serde_json::to_string_pretty(&value).unwrap();
    // Passes the file checks but fails inside the transaction, after
    // coachees and sessions were written: all of it must roll back.
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    let fresh = |s: &str| s.replace("-4000-", "-4999-");
    value = serde_json::from_str(&fresh(&value.to_string())).unwrap();
    value["sessions"][2]["actions"][0]["coachee_id"] = serde_json::json!(fresh(fixture::ADA));
    let late_failure = value.to_string();

    let cases: [(&str, &str, &str); 7] = [
        (
            "malformed",
            "{\"format\": \"innerceo/1\",\n  \"coachees\": [,]}",
            "line 2 column",
        ),
        ("truncated", cut, "EOF while parsing"),
        ("wrong version", &wrong_version, "\"innerceo/9\""),
        ("not an export", "[1, 2, 3]", "no \"format\""),
        ("bad date", &bad_date, "line"),
        ("orphan session", &orphan, "not in the file"),
        ("late failure", &late_failure, "nothing was imported"),
    ];
    for (what, text, says) in cases {
        let e = import_text(&db, text).unwrap_err();
        let message = format!("{e:#}");
        assert!(message.contains(says), "{what}: {message}");
        assert!(
            message.contains("nothing was imported"),
            "{what}: {message}"
        );
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{what} changed the database"
        );
    }
}

#[test]
fn a_single_session_export_imports_on_its_own() {
    let source = fixture::store();
    let e = export::collect(
        &source,
        &Scope::Session(fixture::A2.into()),
        false,
        EXPORTED_AT,
    )
    .unwrap();
    let json = String::from_utf8(export::render(&e, Format::Json).unwrap()).unwrap();
    let target = Store::open_in_memory().unwrap();
    let report = import::import(&target, &import::parse(&json).unwrap()).unwrap();
    // The reviewed actions come from A1, which is not in the file.
    assert_eq!(report.sessions, 1);
    assert_eq!(report.skipped_reviews, 2);
    assert!(report.to_string().contains("Skipped 2 reviews"), "{report}");
}

// ---- round trip over generated text ----

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "plain",
        "😀👩‍👩‍👧",
        "李小龍 会議",
        "مرحبا بالعالم",
        "e\u{301}\u{308}",
        "\n",
        "\r\n",
        "\"quoted\"",
        "back\\slash",
        "<script>alert(1)</script>",
        "a,b;c",
        "|pipe|",
        "# head",
        "  ",
        "=1+1",
        "\t",
    ]);
    prop::collection::vec(pieces, 1..6).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_gives_the_same_document(
        texts in prop::collection::vec(text_strategy(), 8),
        scores in prop::collection::vec(1i64..=10, 6),
    ) {
        let pick = move |s: &str| {
            // Deterministic per original text, so ids and links stay consistent.
            let i = s.bytes().map(usize::from).sum::<usize>() % texts.len();
            format!("{}{}", texts[i], s.len())
        };
        let source = Store::open_in_memory().unwrap();
        fixture::fill(&source, &pick);
        let mut records = fixture::records(&pick);
        for r in &mut records {
            for (k, rating) in r.ratings.iter_mut().enumerate() {
                rating.score = Some(scores[k % scores.len()]);
            }
        }
        let source2 = Store::open_in_memory().unwrap();
        source2.in_transaction(|s| { for r in &records { s.insert_record(r)?; } Ok(()) }).unwrap();
        for store in [&source, &source2] {
            let first = json_of(store);
            let target = Store::open_in_memory().unwrap();
            import::import(&target, &import::parse(&first).unwrap()).unwrap();
            let second = json_of(&target);
            prop_assert_eq!(&first, &second);
        }
    }
}

/// Topics for next time travel with the JSON export: parked, reviewed or
/// still open, private ones only with private notes; importing them twice
/// adds nothing, and an export of the copy says the same.
#[test]
fn topics_for_next_time_round_trip_through_json() {
    use innerceo::model::{TopicOrigin, TopicOutcome};
    let store = fixture::store();
    let a1: &innerceo::model::SessionId = &fixture::A1.into();
    let a2: &innerceo::model::SessionId = &fixture::A2.into();
    let ada: &innerceo::model::CoacheeId = &fixture::ADA.into();
    let t = store
        .add_topic(
            ada,
            "Ask about the reorg",
            false,
            TopicOrigin::Coach,
            Some(a1),
            EXPORTED_AT,
        )
        .unwrap();
    store
        .review_topic(&t.id, a2, Some(TopicOutcome::Discussed), EXPORTED_AT)
        .unwrap();
    store
        .add_topic(
            ada,
            "Her health",
            true,
            TopicOrigin::Coach,
            Some(a2),
            EXPORTED_AT,
        )
        .unwrap();
    store
        .add_topic(
            ada,
            "From her preparation",
            false,
            TopicOrigin::Coachee,
            None,
            EXPORTED_AT,
        )
        .unwrap();

    let shared = export::collect(&store, &Scope::All, false, EXPORTED_AT).unwrap();
    let shared = String::from_utf8(export::render(&shared, Format::Json).unwrap()).unwrap();
    assert!(shared.contains("Ask about the reorg") && !shared.contains("Her health"));
    // One session's export holds the topics it parked or reviewed.
    let one = export::collect(&store, &Scope::Session(a2.to_string()), true, EXPORTED_AT).unwrap();
    let texts: Vec<&str> = one.topics.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["Ask about the reorg", "Her health"]);

    let json = json_of(&store);
    let target = Store::open_in_memory().unwrap();
    import::import(&target, &import::parse(&json).unwrap()).unwrap();
    import::import(&target, &import::parse(&json).unwrap()).unwrap();
    assert_eq!(json_of(&target), json, "the copy exports the same document");
    let open: Vec<String> = target
        .open_topics(ada)
        .unwrap()
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(open, ["Her health", "From her preparation"]);
    let reviewed = target.topics_of_session(a2).unwrap().reviewed;
    assert_eq!(reviewed[0].1, TopicOutcome::Discussed);

    // Streamed import too, and a topic of a coachee the file lacks is refused.
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = db_file(dir.path());
    import_text(&db, &json).unwrap();
    let broken = json.replacen(
        &format!("\"coachee_id\": \"{ada}\",\n      \"text\": \"Ask"),
        "\"coachee_id\": \"c0000000-0000-4000-8000-0000000000ff\",\n      \"text\": \"Ask",
        1,
    );
    assert_ne!(broken, json, "the test changed the file");
    let err = import_text(&db, &broken).unwrap_err().to_string();
    assert!(err.contains("topics[0].coachee_id"), "{err}");
}
