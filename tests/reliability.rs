//! Reliability of what surrounds the data: files innerceo refuses to write
//! over or to open, conversions that leave nothing behind, text that cannot
//! drive a terminal, imports checked against their guides, and guides that
//! clash. Each scenario is listed in docs/reliability.md.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

#[path = "reliability/targets.rs"]
mod targets;

#[path = "reliability/db_files.rs"]
mod db_files;

#[path = "reliability/conversion.rs"]
mod conversion;

#[path = "reliability/hostile.rs"]
mod hostile;

#[path = "reliability/import_checks.rs"]
mod import_checks;

#[path = "reliability/guide_clash.rs"]
mod guide_clash;

/// The binary on `db`, with nothing from the caller's environment.
fn innerceo(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("innerceo").expect("binary");
    cmd.arg("--db").arg(db).env_remove("INNERCEO_DB");
    cmd.timeout(Duration::from_mins(2));
    cmd
}

/// A small demo database made by the app, closed cleanly.
fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("self.db");
    innerceo(&db)
        .args(["demo", "--coachees", "2", "--sessions", "3"])
        .assert()
        .success();
    db
}

/// The names in `dir`, sorted: to see that nothing was left or added.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}
