//! Another program holds the write lock: typing stays live, and quitting
//! keeps the unsaved word in a recovery file and says so (exit non-zero).

use std::time::{Duration, Instant};

use super::harness::*;

#[test]
fn a_held_write_lock_neither_freezes_typing_nor_loses_the_word_on_quit() {
    let (dir, db) = temp_db();
    cli(&db, &["coachee", "add", "Ana"]);
    let mut t = Term::start(&db);
    t.wait_for("Ana");
    start_one_to_one(&mut t);
    t.typ("first");
    t.wait_for("first");
    t.ctrl('s');
    t.wait_for("Saved");
    let other = rusqlite::Connection::open(&db).expect("other program");
    other.execute_batch("BEGIN EXCLUSIVE").expect("lock");
    // Each key echoes at once while the lock is held (it used to take the
    // 5 s busy timeout): well under a second even on a loaded machine.
    for word in [" locked", " word"] {
        let start = Instant::now();
        t.typ(word);
        t.wait_for_within(
            &format!("first{word}").replace(" word", " locked word"),
            Duration::from_secs(2),
        );
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "typing waited {:?} on the lock",
            start.elapsed()
        );
    }
    t.ctrl('q');
    let status = t.wait_exit(Duration::from_secs(30));
    assert!(!status.success(), "unsaved text must not exit 0");
    let screen = t.screen();
    assert!(
        screen.contains("recovery"),
        "says where the text is:\n{screen}"
    );
    other.execute_batch("ROLLBACK").expect("unlock");
    drop(other);
    let name = db.file_name().expect("name").to_string_lossy().into_owned();
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!("{name}.recovery-"))
        })
        .collect();
    assert_eq!(kept.len(), 1, "one recovery file");
    let text = std::fs::read_to_string(kept[0].path()).expect("read");
    assert!(text.contains("first locked word"), "{text}");
}
