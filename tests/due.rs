//! Who is due: the next-session rule (the agreed date, else the last
//! session plus the rhythm, else none), `innerceo due`, and home's order.

use innerceo::dates;
use innerceo::model::next_session_due;
use innerceo::store::Store;
use time::macros::date;
use time::{Duration, OffsetDateTime, Time};

#[path = "common/bin.rs"]
mod bin;

use bin::{innerceo, run_ok};

#[test]
fn the_next_session_is_the_agreed_date_else_the_last_plus_the_rhythm() {
    let last = Some(date!(2026 - 01 - 31));
    // Agreed wins, even earlier than the rhythm says.
    assert_eq!(
        next_session_due(last, Some(date!(2026 - 02 - 03)), Some(14)),
        Some(date!(2026 - 02 - 03))
    );
    // Else the rhythm, across month and leap-year ends.
    assert_eq!(
        next_session_due(last, None, Some(14)),
        Some(date!(2026 - 02 - 14))
    );
    assert_eq!(
        next_session_due(Some(date!(2028 - 02 - 22)), None, Some(7)),
        Some(date!(2028 - 02 - 29))
    );
    assert_eq!(
        next_session_due(Some(date!(2026 - 12 - 28)), None, Some(7)),
        Some(date!(2027 - 01 - 04))
    );
    // Else nothing: no rhythm, or never met and nothing agreed.
    assert_eq!(next_session_due(last, None, None), None);
    assert_eq!(next_session_due(None, None, Some(14)), None);
    assert_eq!(dates::parse_rhythm("2w"), Ok(Some(14)));
    assert_eq!(dates::parse_rhythm("every 2 weeks"), Ok(Some(14)));
    assert_eq!(dates::parse_rhythm("none"), Ok(None));
    assert!(dates::parse_rhythm("sometimes").is_err());
    assert_eq!(
        dates::due_words(date!(2026 - 12 - 02), date!(2026 - 12 - 07)),
        "overdue by 5 days"
    );
    assert_eq!(
        dates::due_words(date!(2026 - 12 - 07), date!(2026 - 12 - 07)),
        "due today"
    );
}

/// The `name` of each entry of `due --json`, in order.
fn names_in(list: &serde_json::Value) -> Vec<&str> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect()
}

fn at(day: time::Date) -> OffsetDateTime {
    OffsetDateTime::new_utc(day, Time::from_hms(9, 0, 0).expect("time"))
}

#[test]
fn due_lists_who_to_see_soonest_first_as_text_and_json() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("x.db");
    let today = dates::today();
    for (name, every) in [
        ("Ana Silva", "2w"),
        ("Ben Okafor", "2w"),
        ("Cleo Park", "none"),
        ("Dev Rao", "1m"),
    ] {
        run_ok(innerceo(&db).args(["coachee", "add", name, "--every", every]));
    }
    let store = Store::open(&db).expect("open");
    let g = innerceo::guide::builtin_guides()
        .into_iter()
        .next()
        .expect("guide");
    let met = |name: &str, days_ago: i64, agreed: Option<time::Date>| {
        let c = store.find_coachee(name).expect("find").expect("there");
        let s = store
            .start_session(&c.id, &g, at(today - Duration::days(days_ago)))
            .expect("start");
        store.set_next_session(&s.id, agreed).expect("agreed");
        store
            .complete_session(&s.id, at(today - Duration::days(days_ago)))
            .expect("finish");
    };
    met("Ana Silva", 20, None); // due 6 days ago
    met("Ben Okafor", 3, None); // due in 11 days
    met("Cleo Park", 40, None); // no rhythm: never due
    met("Dev Rao", 2, Some(today + Duration::days(2))); // agreed in 2 days
    drop(store);

    let out = run_ok(innerceo(&db).args(["due", "--json"]));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let names = names_in(&list);
    assert_eq!(names, ["Ana Silva"], "due today or before");
    assert_eq!(list[0]["overdue_days"], 6);
    assert_eq!(list[0]["rhythm_days"], 14);
    assert_eq!(
        list[0]["next_session"],
        dates::fmt_date(today - Duration::days(6))
    );

    let out = run_ok(innerceo(&db).args(["due", "--within", "2w", "--json"]));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let names = names_in(&list);
    assert_eq!(
        names,
        ["Ana Silva", "Dev Rao", "Ben Okafor"],
        "soonest first"
    );
    assert_eq!(list[1]["overdue_days"], 0);

    let out = run_ok(innerceo(&db).args(["due", "--within", "7d"]));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Ana Silva") && text.contains("overdue by 6 days"),
        "{text}"
    );
    assert!(
        text.contains("Dev Rao") && text.contains("in 2 days"),
        "{text}"
    );
    assert!(
        !text.contains("Ben Okafor") && !text.contains("Cleo"),
        "{text}"
    );

    // The rhythm is changed by `coachee set`, and a bad one changes nothing.
    run_ok(innerceo(&db).args(["coachee", "set", "ben", "--every", "3d"]));
    let out = run_ok(innerceo(&db).args(["due", "--json"]));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(2),
        "Ben is due now: {list}"
    );
    let bad = innerceo(&db)
        .args(["coachee", "set", "ben", "--every", "often"])
        .output()
        .expect("run");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a rhythm"));
}

#[test]
fn due_refuses_a_window_it_cannot_read_and_names_who_comes_next_when_nobody_is_due() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("x.db");
    run_ok(innerceo(&db).args(["coachee", "add", "Ana Silva", "--every", "2w"]));
    let before = std::fs::read(&db).expect("db");
    for bad in ["banana", "-3d", "none", "", "9999999999d", "2x", "-1"] {
        let out = innerceo(&db)
            .args(["due", "--within", bad])
            .output()
            .expect("run");
        assert!(!out.status.success(), "--within {bad:?} was taken");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("is not a time to look ahead") && err.contains("7d"),
            "--within {bad:?}: {err}"
        );
    }
    assert_eq!(std::fs::read(&db).expect("db"), before, "nothing changed");

    // Ana met yesterday: due in 13 days, so nobody is due this week.
    let store = Store::open(&db).expect("open");
    let g = innerceo::guide::builtin_guides()
        .into_iter()
        .next()
        .expect("guide");
    let c = store.find_coachee("Ana Silva").expect("find").expect("Ana");
    let yesterday = at(dates::today() - Duration::days(1));
    let s = store.start_session(&c.id, &g, yesterday).expect("start");
    store.complete_session(&s.id, yesterday).expect("finish");
    drop(store);
    for (within, when) in [("0d", "today"), ("today", "today"), ("1w", "within 7 days")] {
        let out = run_ok(innerceo(&db).args(["due", "--within", within]));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(&format!(
                "Nobody is due {when}. Next: Ana Silva, in 13 days"
            )),
            "{within}: {text}"
        );
    }
    let out = run_ok(innerceo(&db).args(["due", "--within", "2w"]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Ana Silva"));
}
