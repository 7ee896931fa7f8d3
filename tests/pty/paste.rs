//! A 1 MB bracketed paste into an answer: the app keeps answering and the
//! whole text is saved.

use std::time::{Duration, Instant};

use super::harness::keys::*;
use super::harness::*;

#[test]
fn a_one_megabyte_paste_stays_responsive_and_is_saved_whole() {
    let (_dir, db) = temp_db();
    cli(&db, &["coachee", "add", "Ana"]);
    let mut t = Term::start(&db);
    t.wait_for("Ana");
    start_one_to_one(&mut t);
    let mut big = String::new();
    let mut i = 0;
    while big.len() < 1_000_000 {
        big.push_str(&format!(
            "line {i:05} of a long pasted document, with words\n"
        ));
        i += 1;
    }
    let last = format!("line {:05} of", i - 1);
    let start = Instant::now();
    t.paste(&big);
    let sent = start.elapsed();
    // The end of the paste is where the cursor is: it must show promptly.
    t.wait_for_within(&last, Duration::from_secs(20));
    let shown = start.elapsed();
    eprintln!("1 MB paste: sent in {sent:?}, on screen after {shown:?}");
    // Still answering keys.
    t.key(TAB);
    t.typ("typed after the paste");
    t.wait_for_within("typed after the paste", Duration::from_secs(10));
    t.ctrl('c');
    let status = t.wait_exit(WAIT);
    assert!(status.success(), "{status:?}");
    let saved = answer(&db, "Ana", "clarity", "intent").expect("pasted answer saved");
    assert_eq!(saved.len(), big.len());
    assert!(saved == big, "the pasted text differs from what was saved");
    assert_eq!(
        answer(&db, "Ana", "clarity", "purpose").as_deref(),
        Some("typed after the paste")
    );
    assert!(
        shown < Duration::from_secs(20),
        "the paste took {shown:?} to show"
    );
}
