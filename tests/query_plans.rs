//! Every list the app and the commands show stays on an index as the file
//! grows: each hot store call is run, every statement it runs is explained
//! (`EXPLAIN QUERY PLAN`), and a full scan of sessions, answers, actions or
//! the other per-session tables fails the test. Timing is left to the
//! benchmarks; a plan does not depend on how busy the machine is.

use innerceo::demo::{self, DemoOptions};
use innerceo::model::Visibility;
use innerceo::store::{ActionFilter, Plan, StatusFilter, Store};

/// Tables that grow with every session. Aliases used in the store's SQL
/// (`s`, `a`, `x`, `r`, ...) are checked too: only coachees (`c`) and the
/// virtual tables may be scanned.
const MAY_SCAN: &[&str] = &["c", "coachees", "search_index", "json_each"];

fn store() -> Store {
    let store = Store::open_in_memory().expect("in-memory store");
    demo::generate(
        &store,
        &DemoOptions {
            coachees: 12,
            sessions: 12,
            seed: 1,
        },
    )
    .expect("demo data");
    store
}

/// What a step scans, if it is a scan: `SCAN s USING INDEX x` → ("s", true).
fn scan(step: &str) -> Option<(&str, bool)> {
    let rest = step.strip_prefix("SCAN ")?;
    let table = rest.split_whitespace().next()?;
    Some((table, rest.contains(" INDEX ")))
}

fn show(plans: &[Plan]) -> String {
    plans
        .iter()
        .map(|p| format!("{}\n    {}", p.sql.trim(), p.steps.join("\n    ")))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Fails on any scan of a growing table. With `whole_list`, the call lists
/// a whole table on purpose: it may walk an index in the order it returns
/// (no sort of 10,000 rows), but still never scan a table without one.
#[track_caller]
fn assert_indexed(what: &str, plans: &[Plan], whole_list: bool) {
    assert!(!plans.is_empty(), "{what}: ran no statement");
    // `SHOW_PLANS=1 cargo test --test query_plans -- --nocapture` prints them.
    if std::env::var_os("SHOW_PLANS").is_some() {
        println!("== {what}\n{}\n", show(plans));
    }
    for p in plans {
        for step in &p.steps {
            let Some((table, by_index)) = scan(step) else {
                continue;
            };
            if MAY_SCAN.contains(&table) || table.starts_with("pragma_") {
                continue;
            }
            assert!(
                whole_list && by_index,
                "{what}: full scan `{step}` in\n{}\n\nall statements:\n{}",
                p.sql.trim(),
                show(plans)
            );
        }
    }
}

#[test]
fn home_and_coachee_lists_use_indexes() {
    let store = store();
    let today = innerceo::dates::today();
    let plans = store
        .plans_of(|s| s.coachee_summaries(today, true))
        .expect("coachee summaries");
    assert_indexed("coachee summaries (home, coachee list)", &plans, false);
}

#[test]
fn a_coachees_sessions_scores_and_actions_use_indexes() {
    let store = store();
    let today = innerceo::dates::today();
    let coachee = store.coachee_summaries(today, false).expect("coachees")[0]
        .coachee
        .id
        .clone();
    let plans = store
        .plans_of(|s| s.session_summaries(Some(&coachee)))
        .expect("session summaries");
    assert_indexed("session summaries of a coachee", &plans, false);
    let plans = store
        .plans_of(|s| s.score_history(&coachee))
        .expect("score history");
    assert_indexed("score history", &plans, false);
    for status in [
        StatusFilter::Open,
        StatusFilter::Overdue,
        StatusFilter::Done,
        StatusFilter::Dropped,
        StatusFilter::All,
    ] {
        let filter = ActionFilter {
            coachee_id: Some(coachee.clone()),
            status,
            today,
        };
        let plans = store.plans_of(|s| s.actions(&filter)).expect("actions");
        assert_indexed(&format!("actions of a coachee, {status:?}"), &plans, false);
    }
}

#[test]
fn the_actions_board_uses_indexes() {
    let store = store();
    let today = innerceo::dates::today();
    for status in [
        StatusFilter::Open,
        StatusFilter::Overdue,
        StatusFilter::Done,
        StatusFilter::Dropped,
    ] {
        let filter = ActionFilter {
            coachee_id: None,
            status,
            today,
        };
        let plans = store.plans_of(|s| s.actions(&filter)).expect("actions");
        assert_indexed(&format!("actions board, {status:?}"), &plans, false);
    }
    let all = ActionFilter {
        coachee_id: None,
        status: StatusFilter::All,
        today,
    };
    let plans = store.plans_of(|s| s.actions(&all)).expect("actions");
    assert_indexed("every action", &plans, true);
}

#[test]
fn the_list_of_every_session_walks_an_index() {
    let store = store();
    let plans = store
        .plans_of(|s| s.session_summaries(None))
        .expect("session summaries");
    assert_indexed("session list (all)", &plans, true);
    for p in &plans {
        assert!(
            !p.steps.iter().any(|s| s.contains("TEMP B-TREE")),
            "session list sorts every session instead of walking an index:\n{}",
            show(&plans)
        );
    }
}

#[test]
fn a_session_and_its_review_use_indexes() {
    let store = store();
    let today = innerceo::dates::today();
    let coachee = store.coachee_summaries(today, false).expect("coachees")[0]
        .coachee
        .id
        .clone();
    let session = store
        .session_summaries(Some(&coachee))
        .expect("sessions")
        .remove(1)
        .id;
    let plans = store
        .plans_of(|s| s.session_record(&session))
        .expect("session record");
    assert_indexed(
        "session record (answers, ratings, choices, notes, actions, reviews)",
        &plans,
        false,
    );
    let plans = store
        .plans_of(|s| s.actions_for_review(&coachee, &session))
        .expect("actions for review");
    assert_indexed("actions to review", &plans, false);
}

#[test]
fn keystroke_saves_use_indexes() {
    let store = store();
    let today = innerceo::dates::today();
    let coachee = store.coachee_summaries(today, false).expect("coachees")[0]
        .coachee
        .id
        .clone();
    let session = store
        .session_summaries(Some(&coachee))
        .expect("sessions")
        .remove(0)
        .id;
    let plans = store
        .plans_of(|s| {
            s.save_answer(&session, "clarity", "intent", "A new answer")?;
            s.save_answer(&session, "clarity", "intent", "A new answer, longer")?;
            s.save_note(&session, "clarity", Visibility::Private, "A note")
        })
        .expect("saves");
    assert_indexed("saving an answer and a note", &plans, false);
}

#[test]
fn search_uses_the_full_text_index() {
    let store = store();
    let plans = store
        .plans_of(|s| s.search("team", false, 50))
        .expect("search");
    assert_indexed("search", &plans, false);
}

#[test]
fn a_full_scan_is_caught() {
    let plan = |step: &str| Plan {
        sql: "SELECT …".to_owned(),
        steps: vec![step.to_owned()],
    };
    let fails = |step: &str, whole_list: bool| {
        let plans = vec![plan(step)];
        std::panic::catch_unwind(|| assert_indexed("a query", &plans, whole_list)).is_err()
    };
    assert!(fails("SCAN a", false));
    assert!(fails("SCAN sessions", true));
    assert!(fails("SCAN s USING INDEX sessions_by_start", false));
    assert!(!fails("SCAN s USING INDEX sessions_by_start", true));
    assert!(!fails(
        "SEARCH a USING INDEX actions_by_coachee (coachee_id=?)",
        false
    ));
    assert!(!fails("SCAN c", false));
}
