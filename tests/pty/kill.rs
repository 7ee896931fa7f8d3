//! kill -9 while typing, at random moments: the file stays intact, the app
//! starts again on the same session, and every character that was on screen
//! for more than a second is in the file.
//!
//! The moments come from a seeded generator. The seed is printed; set
//! `INNERCEO_KILL_SEED` to replay a run, `INNERCEO_KILLS` to change how many
//! kills (default 20).

use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::harness::*;

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

fn word(rng: &mut ChaCha8Rng, len: usize) -> String {
    (0..len)
        .map(|_| char::from(b'a' + rng.random_range(0..26u8)))
        .collect()
}

#[test]
fn kill_9_while_typing_loses_nothing_that_was_on_screen_for_a_second() {
    let seed = env_u64("INNERCEO_KILL_SEED").unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    let kills = env_u64("INNERCEO_KILLS").unwrap_or(20);
    // Printed on both streams: stdout is shown with a failure, stderr always.
    println!("kill test: INNERCEO_KILL_SEED={seed} INNERCEO_KILLS={kills}");
    eprintln!("kill test: INNERCEO_KILL_SEED={seed} INNERCEO_KILLS={kills}");
    let mut rng = ChaCha8Rng::seed_from_u64(seed);

    let (_dir, db) = temp_db();
    cli(&db, &["coachee", "add", "Ana"]);
    // What the file holds for the first Clarity answer after the last kill.
    let mut saved = String::new();
    for round in 0..kills {
        let mut t = Term::start(&db);
        t.wait_for("Ana");
        if round == 0 {
            start_one_to_one(&mut t);
        } else {
            // The session resumes where it was, with the saved text.
            t.key("c");
            t.wait_for("Stage 3/8: Clarity");
            if let Some(last) = saved.lines().last().filter(|l| !l.is_empty()) {
                t.wait_for(last);
            }
        }
        // Text that stays on screen for more than a second: it must survive.
        let len = rng.random_range(3..10);
        let chunk = format!("k{round:02} {}", word(&mut rng, len));
        let typed = if saved.is_empty() {
            chunk.clone()
        } else {
            format!("\n{chunk}")
        };
        t.typ(&typed);
        t.wait_for(&chunk);
        thread::sleep(Duration::from_millis(1100));
        let noted = format!("{saved}{typed}");
        // Then more typing, cut short by kill -9 at a random moment: during
        // the burst, in the pause before a save, or while saving.
        let len = rng.random_range(0..30);
        let extra = word(&mut rng, len);
        let cut = rng.random_range(0..=extra.len());
        for c in extra[..cut].chars() {
            t.typ(&c.to_string());
            thread::sleep(Duration::from_millis(rng.random_range(0..40)));
        }
        thread::sleep(Duration::from_millis(rng.random_range(0..400)));
        t.kill9();
        drop(t);

        assert_intact(&db);
        let now = answer(&db, "Ana", "clarity", "intent").unwrap_or_default();
        let Some(rest) = now.strip_prefix(&noted) else {
            panic!(
                "seed {seed}, kill {round}: text that was on screen for a second is missing\n\
                 expected to start with: {noted:?}\nsaved: {now:?}"
            );
        };
        assert!(
            extra.starts_with(rest),
            "seed {seed}, kill {round}: saved {rest:?} after the noted text, typed {extra:?}"
        );
        saved = now;
    }
}
