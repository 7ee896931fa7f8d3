//! Resize storms on every screen, from 1x1 to 300x100: no panic, the app
//! stays alive and answers at a normal size afterwards.

use std::time::Duration;

use super::harness::keys::*;
use super::harness::*;

const SIZES: &[(u16, u16)] = &[
    (1, 1),
    (2, 1),
    (1, 2),
    (3, 3),
    (10, 4),
    (20, 8),
    (300, 100),
    (1, 100),
    (300, 1),
    (7, 50),
    (40, 12),
    (80, 24),
    (299, 99),
    (5, 2),
];

/// A fast storm (the app sees only some sizes), then each size held until
/// the app has drawn it; then back to 120x40, where `marker` must show.
#[track_caller]
fn storm(t: &mut Term, marker: &str) {
    for &(c, r) in SIZES {
        t.resize(c, r);
    }
    for &(c, r) in SIZES {
        let before = t.printed();
        t.resize(c, r);
        t.wait_printed_more(before, Duration::from_secs(2));
        if !t.is_alive() {
            t.fail(&format!("the app died at {c}x{r}"));
        }
    }
    t.resize(120, 40);
    t.wait_for(marker);
}

#[test]
fn resize_storms_on_every_screen_never_kill_the_app() {
    let (_dir, db) = temp_db();
    cli(
        &db,
        &["coachee", "add", "Ana Silva", "--role", "Head of Product"],
    );
    let mut t = Term::start(&db);
    t.wait_for("Ana Silva");
    storm(&mut t, "Ana Silva");
    t.key("?");
    t.wait_for("Keys on this screen");
    storm(&mut t, "Keys on this screen");
    t.key(ESC);
    t.key("a");
    t.wait_for("Name");
    storm(&mut t, "Name");
    t.key(ESC);
    t.key("n");
    t.wait_for("pick a guide");
    storm(&mut t, "pick a guide");
    t.key(ENTER);
    for stage in 1..=8 {
        let marker = format!("Stage {stage}/8");
        t.wait_for(&marker);
        // Text in the question stages, to wrap when the screen is small.
        if [3, 4, 8].contains(&stage) {
            t.typ("Some text to wrap around when the screen is small");
        }
        storm(&mut t, &marker);
        t.ctrl('n');
    }
    t.ctrl('o');
    storm(&mut t, "Stage 8/8");
    t.ctrl('c');
    let status = t.wait_exit(WAIT);
    assert!(status.success(), "{status:?}");
    assert!(!t.is_raw());
}
