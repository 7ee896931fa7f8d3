//! A file typed as `~/name` in a form is written in the home folder, as a
//! shell would take it, not in a folder called `~`.

use super::harness::keys::*;
use super::harness::*;

#[test]
fn a_preparation_page_typed_as_tilde_slash_is_written_in_the_home_folder() {
    // The harness gives the app the database's folder as its home.
    let (dir, db) = temp_db();
    let mut t = Term::start(&db);
    add_first_coachee(&mut t, "Ana Silva", "");
    t.key(ENTER);
    t.wait_for("Sessions");
    t.key("p");
    t.wait_for("preparation for the next session");
    t.key(TAB);
    t.send(BACKSPACE.repeat(300).as_bytes());
    t.typ("~/for-ana.html");
    t.wait_for("~/for-ana.html");
    t.key(ENTER);
    t.wait_for("for-ana.html");
    let written = dir.path().join("for-ana.html");
    t.wait_until("the page is written", WAIT, |_| written.exists());
    let page = std::fs::read_to_string(&written).expect("the page");
    assert!(page.contains("Ana Silva"), "the page is Ana's");
    assert!(!dir.path().join("~").exists(), "no folder named ~ was made");
    t.key("q");
    t.wait_exit(WAIT);
}
