//! Reliability of what surrounds the data: files innerceo refuses to write
//! over or to open, conversions that leave nothing behind, text that cannot
//! drive a terminal, imports checked against their guides, and guides that
//! clash. Each scenario is listed in docs/reliability.md.

use std::path::{Path, PathBuf};

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

#[path = "reliability/read_only.rs"]
mod read_only;

#[path = "reliability/guide_clash.rs"]
mod guide_clash;

#[path = "common/bin.rs"]
mod bin;

use bin::{innerceo, permissions_are_ignored};

/// A small demo database made by the app, closed cleanly.
fn demo_db(dir: &Path) -> PathBuf {
    bin::demo_db(dir, "self.db")
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
