//! The data set every benchmark runs on: ten years of coaching, generated
//! once by the demo generator and cached under `target/`, plus the helpers
//! the benchmarks share (a runtime like the real one, percentiles).
//!
//! Size: `INNERCEO_BENCH_COACHEES` coachees (default 200) with
//! `INNERCEO_BENCH_SESSIONS` sessions each (default 50), seed 1: 10,000
//! sessions by default. Set them to see how costs grow.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use innerceo::demo::{self, DemoOptions};
use innerceo::guide;
use innerceo::store::{self, Store};
use innerceo::tui::app::App;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::theme::Theme;

/// The terminal size every frame is drawn at.
pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

/// A word in only a handful of entries of the data set.
pub const RARE_WORD: &str = "hackathon";
const RARE_ENTRIES: usize = 5;

/// How many coachees and sessions per coachee the data set holds.
pub fn size() -> (u32, u32) {
    let var = |name: &str, default: u32| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    (
        var("INNERCEO_BENCH_COACHEES", 200),
        var("INNERCEO_BENCH_SESSIONS", 50),
    )
}

/// The data set's file, generated on first use. The demo generator dates
/// sessions relative to today, so the cache is per day (and per schema
/// version: a file from an older build would be migrated, not measured).
pub fn data_set() -> PathBuf {
    let (coachees, sessions) = size();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-data");
    std::fs::create_dir_all(&dir).expect("create target/tmp/bench-data");
    let name = format!(
        "ten-years-{coachees}x{sessions}-seed1-rare-v{}-{}.db",
        store::MIGRATION_COUNT,
        innerceo::dates::today()
    );
    let path = dir.join(name);
    if path.exists() {
        return path;
    }
    // Generate beside it and rename: an interrupted run never leaves a
    // half-filled file that a later run would take for the data set.
    let partial = path.with_extension("partial");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    let started = Instant::now();
    {
        let store = Store::open(&partial).expect("open the data set file");
        let report = demo::generate(
            &store,
            &DemoOptions {
                coachees,
                sessions,
                seed: 1,
            },
        )
        .expect("generate the data set");
        eprintln!(
            "generated {} coachees, {} sessions, {} actions in {:.2?} into {}",
            report.coachees,
            report.sessions,
            report.actions,
            started.elapsed(),
            path.display()
        );
        // The demo's phrase banks have no rare word (their rarest is in
        // 1,348 entries): put one in a few answers, years apart.
        let sessions = store.session_summaries(None).expect("sessions");
        for s in sessions
            .iter()
            .step_by((sessions.len() / RARE_ENTRIES).max(1))
        {
            store
                .save_answer(
                    &s.id,
                    "bench",
                    "rare",
                    &format!("Ideas from the {RARE_WORD}"),
                )
                .expect("rare answer");
        }
        // Closing the last connection checkpoints the WAL into the file,
        // so the renamed file is complete on its own.
    }
    std::fs::rename(&partial, &path).expect("rename the data set into place");
    path
}

/// A private copy of the data set for a benchmark that writes to it.
pub fn writable_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("innerceo.db");
    std::fs::copy(data_set(), &path).expect("copy the data set");
    (dir, path)
}

/// A runtime on `store` with the built-in guides, as `innerceo` builds it.
pub fn runtime(store: Store) -> Runtime {
    let (guides, _) = guide::load_all(None, &[]);
    let mut app = App::new(guides, Theme::colored(), false, innerceo::dates::now());
    "bench.db".clone_into(&mut app.db_label);
    Runtime::new(app, store)
}

/// The `p`th percentile (0–100) of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Whether the benchmark binary was asked for `name` (no filter asks for all).
/// Mirrors divan's substring filters for the measurements it does not run.
pub fn wanted(name: &str) -> bool {
    // Flags that take no value; any other `--flag` is followed by its value.
    const SWITCHES: &[&str] = &["--bench", "--test", "--exact", "--ignored", "--list"];
    let mut filters = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if !a.starts_with('-') {
            filters.push(a);
        } else if !a.contains('=') && !SWITCHES.contains(&a.as_str()) {
            args.next();
        }
    }
    filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
}
