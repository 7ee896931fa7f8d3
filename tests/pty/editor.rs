//! Ctrl-e opens the answer being typed in the coach's own editor: the
//! terminal is handed over while it runs, the app is drawn again after,
//! and the edited text is saved as if typed. An editor that fails, or none
//! at all, is said and changes nothing.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use innerceo::store::Store;

use super::harness::*;

/// A shell script standing in for an editor.
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).expect("write the script");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    p
}

fn clarity_intent(db: &Path) -> Option<String> {
    let store = Store::open(db).expect("open");
    let s = store.session_summaries(None).expect("sessions").pop()?;
    let r = store.session_record(&s.id).expect("record");
    r.answer("clarity", "intent").map(str::to_owned)
}

fn typed_in_clarity(opts: Options) -> Term {
    let mut t = Term::spawn(opts);
    add_first_coachee(&mut t, "Ana Silva", "");
    start_one_to_one(&mut t);
    t.typ("Hello world");
    t.wait_for("Hello world");
    t
}

#[test]
fn ctrl_e_edits_the_answer_in_the_editor_and_saves_what_it_wrote() {
    let (dir, db) = temp_db();
    let tools = dir.path();
    // Sees the text it was given, and leaves a trace that it ran in the
    // terminal (not in the app's alternate screen).
    let editor = script(
        tools,
        "editor.sh",
        "grep -q 'Hello world' \"$1\" || exit 9\nsed -i 's/$/, edited outside/' \"$1\"\nprintf 'line two\\n' >> \"$1\"",
    );
    let mut t = typed_in_clarity(
        Options::new(&db)
            .env("VISUAL", "")
            .env("EDITOR", &editor.display().to_string()),
    );
    t.ctrl('e');
    t.wait_for("Hello world, edited outside");
    t.wait_for("line two");
    t.wait_for("Saved the text from your editor");
    // Typing goes on in the same answer, after the edited text.
    t.typ(" and more");
    t.wait_for("line two and more");
    t.ctrl('q');
    t.wait_exit(WAIT);
    assert_eq!(
        clarity_intent(&db).as_deref(),
        Some("Hello world, edited outside\nline two and more")
    );
}

#[test]
fn an_editor_that_fails_or_is_missing_changes_nothing_and_says_so() {
    let (dir, db) = temp_db();
    let failing = script(dir.path(), "fail.sh", "echo 'oops' > \"$1\"\nexit 3");
    let mut t = typed_in_clarity(
        Options::new(&db)
            .env("VISUAL", &failing.display().to_string())
            .env("EDITOR", "nano"),
    );
    t.ctrl('e');
    t.wait_for("exited with status 3: the text is unchanged");
    assert!(t.screen().contains("Hello world"), "{}", t.screen());
    t.ctrl('q');
    t.wait_exit(WAIT);
    assert_eq!(clarity_intent(&db).as_deref(), Some("Hello world"));

    let (_dir, db) = temp_db();
    let mut t = typed_in_clarity(Options::new(&db).env("VISUAL", "").env("EDITOR", ""));
    t.ctrl('e');
    t.wait_for("No editor is set: set $VISUAL or $EDITOR");
    t.ctrl('q');
    t.wait_exit(WAIT);
    assert_eq!(clarity_intent(&db).as_deref(), Some("Hello world"));
}
