//! Running the real binary from tests: on a given database, with nothing
//! from the caller's environment; a small demo database; and whether
//! permission bits can be tested here.

// Each test crate includes this file and uses only some of it.
#![allow(dead_code)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// The binary on `db`, with nothing from the caller's environment.
pub fn innerceo(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("innerceo").expect("binary");
    cmd.arg("--db").arg(db).env_remove("INNERCEO_DB");
    // Not the settings of whoever runs the tests: an empty file.
    cmd.env("INNERCEO_CONFIG", "/dev/null");
    for key in innerceo::config::KEYS {
        cmd.env_remove(format!("INNERCEO_{}", key.to_uppercase()));
    }
    cmd.timeout(Duration::from_mins(2));
    cmd
}

/// A small demo database `name` in `dir`, made by the app and closed
/// cleanly (no WAL left beside it).
pub fn demo_db(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    innerceo(&db)
        .args(["demo", "--coachees", "2", "--sessions", "3"])
        .assert()
        .success();
    db
}

/// Whether this process can write to a file whose permissions forbid it
/// (root, or a capability): then read-only cases cannot be tested.
pub fn permissions_are_ignored(dir: &Path) -> bool {
    let probe = dir.join("probe");
    fs::write(&probe, "x").expect("probe");
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o400)).expect("chmod");
    let writable = fs::OpenOptions::new().append(true).open(&probe).is_ok();
    let _ = fs::remove_file(&probe);
    writable
}

/// Runs `cmd`, failing the test with its stderr unless it succeeds.
pub fn run_ok(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
