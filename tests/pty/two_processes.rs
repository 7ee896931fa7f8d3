//! Two innerceo processes on one file, both editing at once: every edit of
//! both is saved, and neither ever tells the user the file is busy.

use super::harness::keys::*;
use super::harness::*;

/// Fails if the screen shows a save problem.
#[track_caller]
fn assert_no_busy(t: &Term) {
    let s = t.screen().to_lowercase();
    for bad in ["busy", "locked", "could not"] {
        if s.contains(bad) {
            t.fail(&format!("the user was told \"{bad}\""));
        }
    }
}

#[test]
fn two_processes_editing_one_file_both_keep_their_edits() {
    let (_dir, db) = temp_db();
    cli(&db, &["coachee", "add", "Ana"]);
    cli(&db, &["coachee", "add", "Ben"]);
    let mut one = Term::start(&db);
    let mut two = Term::start(&db);
    one.wait_for("Ben");
    two.wait_for("Ben");
    two.key(DOWN);
    two.wait_until("Ben selected", WAIT, |s| {
        s.lines().any(|l| l.contains('›') && l.contains("Ben"))
    });
    one.wait_until("Ana selected", WAIT, |s| {
        s.lines().any(|l| l.contains('›') && l.contains("Ana"))
    });
    start_one_to_one(&mut one);
    start_one_to_one(&mut two);
    let (mut text_one, mut text_two) = (String::new(), String::new());
    for i in 0..20 {
        let a = format!("a{i:02} ");
        let b = format!("b{i:02} ");
        one.typ(&a);
        two.typ(&b);
        text_one.push_str(&a);
        text_two.push_str(&b);
        one.wait_for(text_one.trim_end());
        two.wait_for(text_two.trim_end());
        assert_no_busy(&one);
        assert_no_busy(&two);
    }
    // Both change stage at once: each flushes and syncs while the other writes.
    one.ctrl('n');
    two.ctrl('n');
    one.wait_for("Stage 4/8");
    two.wait_for("Stage 4/8");
    one.typ("guardrail from one");
    two.typ("guardrail from two");
    one.wait_for("guardrail from one");
    two.wait_for("guardrail from two");
    // Back home, and each adds a coachee.
    for t in [&mut one, &mut two] {
        t.key(ESC);
        t.key(ESC);
        // Home, with the session kept: the message says so, unless a save
        // that waited for the other process's lock has since said it is in.
        t.wait_until("home with the session kept", WAIT, |s| {
            s.contains("press c to resume") || s.contains("unfinished session (c resumes)")
        });
    }
    one.key("a");
    two.key("a");
    one.typ("Cleo\n");
    two.typ("Dev\n");
    one.wait_for("Added Cleo");
    two.wait_for("Added Dev");
    assert_no_busy(&one);
    assert_no_busy(&two);
    one.key("q");
    two.key("q");
    assert!(one.wait_exit(WAIT).success());
    assert!(two.wait_exit(WAIT).success());

    assert_intact(&db);
    assert_eq!(
        answer(&db, "Ana", "clarity", "intent").as_deref(),
        Some(text_one.as_str())
    );
    assert_eq!(
        answer(&db, "Ben", "clarity", "intent").as_deref(),
        Some(text_two.as_str())
    );
    assert_eq!(
        answer(&db, "Ana", "guardrails", "decision_rights").as_deref(),
        Some("guardrail from one")
    );
    assert_eq!(
        answer(&db, "Ben", "guardrails", "decision_rights").as_deref(),
        Some("guardrail from two")
    );
    let store = innerceo::store::Store::open(&db).expect("open");
    for name in ["Ana", "Ben", "Cleo", "Dev"] {
        assert!(
            store.find_coachee(name).expect("find").is_some(),
            "{name} is missing"
        );
    }
}

/// Two windows on the same session (a forgotten terminal tab): the second
/// shows it read-only and says where it is open; its keys change nothing,
/// and the first window's text survives both quitting.
#[test]
fn a_second_window_on_the_same_session_is_read_only_and_told_so() {
    let (_dir, db) = temp_db();
    cli(&db, &["coachee", "add", "Ana"]);
    let mut one = Term::start(&db);
    one.wait_for("Ana");
    start_one_to_one(&mut one);
    one.typ("A-field1");
    one.wait_for("A-field1");
    one.ctrl('s');
    one.wait_for("Saved");
    let mut two = Term::start(&db);
    two.wait_for("Ana");
    two.key("c");
    two.wait_for("Read-only");
    two.wait_for("open in another window");
    two.key(TAB);
    two.typ("B-field2");
    two.wait_for("Ctrl-k takes it over");
    two.ctrl('n');
    two.ctrl('q');
    assert!(two.wait_exit(WAIT).success());
    one.typ(" kept");
    one.wait_for("A-field1 kept");
    one.ctrl('q');
    assert!(one.wait_exit(WAIT).success());
    assert_eq!(
        answer(&db, "Ana", "clarity", "intent").as_deref(),
        Some("A-field1 kept")
    );
    assert_eq!(answer(&db, "Ana", "clarity", "purpose"), None);
}
