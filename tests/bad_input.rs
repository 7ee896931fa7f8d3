//! Bad input gets a clear message on stderr, a non-zero exit, and leaves the
//! file's bytes as they were: folders, foreign, damaged, newer, read-only and
//! locked databases, missing or broken guides, nonsense database paths; and
//! the guide loader never panics on any input.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use proptest::prelude::*;

#[path = "common/bin.rs"]
mod bin;

use bin::{innerceo, permissions_are_ignored};

/// A real database made by the app, closed cleanly (no WAL left beside it).
fn real_db(dir: &Path) -> PathBuf {
    bin::demo_db(dir, "innerceo.db")
}

/// Runs `args` on `db` and checks: non-zero exit, `message` on stderr,
/// nothing on stdout, and the file's bytes unchanged.
#[track_caller]
fn refused(db: &Path, args: &[&str], message: &str) {
    let before = fs::read(db).ok();
    innerceo(db)
        .args(args)
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(message));
    assert_eq!(fs::read(db).ok(), before, "{} was changed", db.display());
}

#[test]
fn a_folder_is_not_a_database() {
    let dir = tempfile::tempdir().expect("dir");
    refused(dir.path(), &["coachee", "list"], "is a folder");
    assert_eq!(fs::read_dir(dir.path()).expect("ls").count(), 0);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("notes.txt");
    fs::write(&db, "Meeting notes, not a database.\n".repeat(200)).expect("write");
    refused(
        &db,
        &["coachee", "add", "Ana"],
        "is not an innerceo database",
    );
    // Another program's SQLite file is refused too.
    let other = dir.path().join("other.sqlite");
    let conn = rusqlite::Connection::open(&other).expect("open");
    conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .expect("create");
    drop(conn);
    refused(
        &other,
        &["coachee", "add", "Ana"],
        "is an SQLite database made by another program",
    );
}

#[test]
fn a_truncated_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let db = real_db(dir.path());
    let bytes = fs::read(&db).expect("read");
    fs::write(&db, &bytes[..bytes.len() / 2]).expect("truncate");
    refused(&db, &["coachee", "add", "Ana"], "damaged");
    fs::write(&db, &bytes[..50]).expect("truncate");
    refused(&db, &["coachee", "list"], "damaged");
}

#[test]
fn a_corrupt_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let db = real_db(dir.path());
    let mut bytes = fs::read(&db).expect("read");
    // Scribble over every page after the first: the header is fine, the
    // tables are not.
    let page = 4096.min(bytes.len());
    for (i, b) in bytes.iter_mut().enumerate().skip(page) {
        *b = (i % 251) as u8;
    }
    fs::write(&db, &bytes).expect("write");
    refused(&db, &["coachee", "add", "Ana"], "damaged");
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let db = real_db(dir.path());
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.pragma_update(None, "user_version", 999)
        .expect("set version");
    conn.pragma_update(None, "journal_mode", "delete")
        .expect("no WAL left behind");
    drop(conn);
    refused(&db, &["coachee", "add", "Ana"], "newer innerceo");
    refused(&db, &["coachee", "list"], "upgrade innerceo");
}

#[test]
fn a_read_only_database_file_is_refused_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    if permissions_are_ignored(dir.path()) {
        eprintln!("note: running with permission checks off (root?): read-only file case skipped");
        return;
    }
    let db = real_db(dir.path());
    fs::set_permissions(&db, fs::Permissions::from_mode(0o400)).expect("chmod");
    refused(&db, &["coachee", "add", "Ana"], "read-only");
}

#[test]
fn a_read_only_folder_is_refused_clearly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    if permissions_are_ignored(dir.path()) {
        eprintln!(
            "note: running with permission checks off (root?): read-only folder case skipped"
        );
        return;
    }
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).expect("mkdir");
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o500)).expect("chmod");
    refused(
        &ro.join("innerceo.db"),
        &["coachee", "add", "Ana"],
        "innerceo.db",
    );
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o700)).expect("chmod back");
}

#[test]
fn a_database_locked_by_another_program_is_reported_as_busy() {
    let dir = tempfile::tempdir().expect("dir");
    let db = real_db(dir.path());
    let before = fs::read(&db).expect("read");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch("BEGIN EXCLUSIVE").expect("lock");
    innerceo(&db)
        .args(["coachee", "add", "Zed"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("busy"));
    conn.execute_batch("ROLLBACK").expect("unlock");
    drop(conn);
    assert_eq!(fs::read(&db).expect("read"), before);
    // Once free, the same command works.
    innerceo(&db)
        .args(["coachee", "add", "Zed"])
        .assert()
        .success();
}

#[test]
fn a_missing_or_unreadable_guide_is_named_in_the_error() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("innerceo.db");
    let missing = dir.path().join("nope.toml");
    innerceo(&db)
        .args(["guide", "check"])
        .arg(&missing)
        .assert()
        .failure()
        .stderr(predicate::str::contains("nope.toml"));
    // A folder given as a guide cannot be read, even by root.
    innerceo(&db)
        .args(["guide", "check"])
        .arg(dir.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains(dir.path().to_string_lossy()));
    // Opening the app with a missing --guide stops before taking the terminal.
    innerceo(&db)
        .arg("--guide")
        .arg(&missing)
        .assert()
        .failure()
        .stderr(predicate::str::contains("nope.toml"));
}

#[test]
fn a_guide_that_fails_validation_says_where() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("innerceo.db");
    let guide = dir.path().join("bad.toml");
    fs::write(
        &guide,
        "id = \"mine\"\ntitle = \"Mine\"\n\n[[stages]]\nid = \"a\"\nkind = \"questions\"\ntitle = 3\n",
    )
    .expect("write");
    innerceo(&db)
        .args(["guide", "check"])
        .arg(&guide)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.toml:"));
    innerceo(&db)
        .arg("--guide")
        .arg(&guide)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.toml:"));
    assert!(!db.exists(), "a refused guide must not create the database");
}

#[test]
fn innerceo_db_pointing_nowhere_sensible_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("a-file");
    fs::write(&file, "x").expect("write");
    let under_file = file.join("innerceo.db");
    let mut cmd = Command::cargo_bin("innerceo").expect("binary");
    cmd.env("INNERCEO_DB", &under_file)
        .args(["coachee", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("a-file"));
    assert_eq!(fs::read(&file).expect("read"), b"x");

    // An empty INNERCEO_DB is a mistake, not a wish for the default file.
    let home = dir.path().join("home");
    let mut cmd = Command::cargo_bin("innerceo").expect("binary");
    cmd.env("INNERCEO_DB", "")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .args(["coachee", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("INNERCEO_DB is set but empty"));
    assert!(!home.exists(), "nothing may be created elsewhere");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_guide_loader_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = innerceo::guide::parse_guide("fuzz.toml", &text);
    }

    #[test]
    fn the_guide_loader_never_panics_on_toml_ish_text(
        text in "(\\[\\[stages\\]\\]\n|\\[[a-z]{1,8}\\]\n|[a-z_]{1,10} = (\"[^\"\n]{0,20}\"|[0-9]{1,4}|true|\\[\\]|\\{\\})\n|kind = \"(review|questions|ratings|choice|actions|close|other)\"\n|id = \"[a-z-]{0,6}\"\n|title = \"[^\"\n]{0,10}\"\n){0,40}"
    ) {
        match innerceo::guide::parse_guide("fuzz.toml", &text) {
            Ok(g) => {
                // A guide that passed validation has what the app relies on.
                prop_assert!(!g.id.is_empty());
                prop_assert!(!g.stages.is_empty());
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    /// Valid built-in guides, cut or edited at random places.
    #[test]
    fn the_guide_loader_never_panics_on_edited_guides(cut in 0usize..5000, junk in "[\\[\\]=\"a-z0-9\n ]{0,12}") {
        let source = innerceo::guide::BUILTIN_SOURCES[0].1;
        let cut = source.char_indices().map(|(i, _)| i).find(|&i| i >= cut % source.len().max(1)).unwrap_or(0);
        let text = format!("{}{}{}", &source[..cut], junk, &source[cut..]);
        let _ = innerceo::guide::parse_guide("fuzz.toml", &text);
    }

    /// Arbitrary JSON (and near-JSON) given to import: an error or a valid
    /// document, never a panic, and nothing written unless it is valid.
    #[test]
    fn import_never_panics_on_arbitrary_json(text in "(\\{|\\}|\\[|\\]|,|:|\"format\"|\"innerceo/1\"|\"coachees\"|\"sessions\"|\"id\"|\"[a-z]{0,6}\"|-?[0-9]{1,5}|true|null| ){0,60}") {
        let store = innerceo::store::Store::open_in_memory().expect("store");
        let before = store.counts().expect("counts");
        match innerceo::export::import::parse(&text) {
            Ok(doc) => {
                let _ = innerceo::export::import::import(&store, &doc);
            }
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert_eq!(store.counts().expect("counts"), before);
            }
        }
    }

    /// A real export cut or edited at a random place.
    #[test]
    fn import_never_panics_on_an_edited_export(cut in 0usize..20_000, junk in "[\\[\\]{}\":,a-z0-9 ]{0,8}") {
        let store = innerceo::store::Store::open_in_memory().expect("store");
        let text = demo_export();
        let cut = text.char_indices().map(|(i, _)| i).find(|&i| i >= cut % text.len().max(1)).unwrap_or(0);
        let edited = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        if let Ok(doc) = innerceo::export::import::parse(&edited) {
            let _ = innerceo::export::import::import(&store, &doc);
        }
    }
}

/// A small demo database exported as JSON, made once per test run.
fn demo_export() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let store = innerceo::store::Store::open_in_memory().expect("store");
        innerceo::demo::generate(
            &store,
            &innerceo::demo::DemoOptions {
                coachees: 1,
                sessions: 2,
                seed: 3,
            },
        )
        .expect("demo");
        let e = innerceo::export::collect(
            &store,
            &innerceo::export::Scope::All,
            true,
            time::OffsetDateTime::now_utc(),
        )
        .expect("collect");
        String::from_utf8(
            innerceo::export::render(&e, innerceo::export::Format::Json).expect("json"),
        )
        .expect("utf-8")
    })
}
