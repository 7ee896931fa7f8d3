//! Every way of leaving saves what was typed and gives the terminal back:
//! q, Ctrl-c, SIGTERM, a closed terminal (SIGHUP), and a panic.

use std::time::Duration;

use nix::sys::signal::Signal;

use super::harness::keys::*;
use super::harness::*;

/// Starts the app on a database with one coachee, in the first answer of
/// the Clarity stage, and types `text` (not waiting for any save).
fn typed(text: &str, opts: impl FnOnce(Options) -> Options) -> (tempfile::TempDir, Term) {
    let (dir, db) = temp_db();
    cli(&db, &["coachee", "add", "Ana"]);
    let mut t = Term::spawn(opts(Options::new(&db)));
    t.wait_for("Ana");
    start_one_to_one(&mut t);
    t.typ(text);
    t.wait_for(text);
    (dir, t)
}

fn db_of(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("innerceo.db")
}

/// After a normal exit: the terminal is as it was, and nothing was printed
/// over the user's shell.
#[track_caller]
fn assert_clean_exit(t: &mut Term) {
    let status = t.wait_exit(WAIT);
    if !status.success() {
        t.fail(&format!("exit status {status:?}"));
    }
    if !t.restored_screen() {
        t.fail("the alternate screen was not left or the cursor not shown");
    }
    if t.is_raw() {
        t.fail("raw mode is still on");
    }
    if !t.screen().trim().is_empty() {
        t.fail("the app printed something over the shell");
    }
}

#[test]
fn ctrl_q_saves_and_restores_the_terminal() {
    // q types a letter in a session; Ctrl-q is the way out.
    let (dir, mut t) = typed("Leaving with q", |o| o);
    t.ctrl('q');
    assert_clean_exit(&mut t);
    let db = db_of(&dir);
    assert_eq!(
        answer(&db, "Ana", "clarity", "intent").as_deref(),
        Some("Leaving with q")
    );
}

#[test]
fn ctrl_c_while_typing_saves_and_restores_the_terminal() {
    let (dir, mut t) = typed("Leaving with Ctrl-c", |o| o);
    t.ctrl('c');
    assert_clean_exit(&mut t);
    assert_eq!(
        answer(&db_of(&dir), "Ana", "clarity", "intent").as_deref(),
        Some("Leaving with Ctrl-c")
    );
}

#[test]
fn sigterm_saves_and_restores_the_terminal() {
    let (dir, mut t) = typed("Leaving with SIGTERM", |o| o);
    t.signal(Signal::SIGTERM);
    assert_clean_exit(&mut t);
    assert_eq!(
        answer(&db_of(&dir), "Ana", "clarity", "intent").as_deref(),
        Some("Leaving with SIGTERM")
    );
}

#[test]
fn sigint_from_outside_saves_and_restores_the_terminal() {
    let (dir, mut t) = typed("Leaving with SIGINT", |o| o);
    t.signal(Signal::SIGINT);
    assert_clean_exit(&mut t);
    assert_eq!(
        answer(&db_of(&dir), "Ana", "clarity", "intent").as_deref(),
        Some("Leaving with SIGINT")
    );
}

#[test]
fn closing_the_terminal_saves_what_was_typed() {
    let (dir, mut t) = typed("Window closed", |o| o);
    // The terminal is gone, so there is nothing to restore; what matters is
    // that the app ends and keeps the text.
    t.hangup();
    assert_eq!(
        answer(&db_of(&dir), "Ana", "clarity", "intent").as_deref(),
        Some("Window closed")
    );
    assert_intact(&db_of(&dir));
}

#[test]
fn a_panic_restores_the_terminal_says_where_the_data_is_and_keeps_it() {
    let (dir, mut t) = typed("Before the crash", |o| o.env("INNERCEO_TEST_PANIC", "1"));
    t.key(F12);
    let status = t.wait_exit(WAIT);
    assert!(!status.success(), "a panic must not look like success");
    if !t.restored_screen() {
        t.fail("the alternate screen was not left or the cursor not shown");
    }
    if t.is_raw() {
        t.fail("raw mode is still on after the panic");
    }
    let db = db_of(&dir);
    let screen = t.screen();
    // The message may wrap; the database's name is on it.
    if !screen.contains("Everything saved is in") || !screen.contains("innerceo.db") {
        t.fail("no message saying where the data is");
    }
    assert_eq!(
        answer(&db, "Ana", "clarity", "intent").as_deref(),
        Some("Before the crash")
    );
    assert_intact(&db);
    // And it opens again, on the same session.
    let mut again = Term::start(&db);
    again.wait_for("Ana");
    again.key("c");
    again.wait_for("Before the crash");
    again.ctrl('c');
    again.wait_exit(Duration::from_secs(30));
}
