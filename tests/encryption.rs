//! Encryption at rest: what is written cannot be read from the file's bytes,
//! a wrong passphrase changes nothing, and conversions keep every row.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use innerceo::guide;
use innerceo::model::{Action, ActionStatus, Visibility};
use innerceo::store::Store;
use predicates::prelude::*;

/// Words written into the database that must never appear in its bytes.
const SECRETS: [&str; 5] = [
    "Zebulon Quarterstaff",
    "sapphire waterfall answer",
    "obsidian private remark",
    "tangerine bridge action",
    "Chief Lantern Officer",
];

fn innerceo(db: &Path) -> Command {
    let mut c = Command::cargo_bin("innerceo").expect("binary");
    c.arg("--db").arg(db).env_remove("INNERCEO_DB");
    c
}

fn pass_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let f = dir.join(name);
    std::fs::write(&f, format!("{text}\n")).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    f
}

/// A database holding each secret in a different place.
fn filled(dir: &Path) -> PathBuf {
    let db = dir.join("innerceo.db");
    let store = Store::open(&db).expect("open");
    let c = store.add_coachee(SECRETS[0], SECRETS[4]).expect("coachee");
    let g = guide::builtin_guides().into_iter().next().expect("a guide");
    let s = store
        .start_session(&c.id, &g, time::OffsetDateTime::now_utc())
        .expect("session");
    store
        .save_answer(&s.id, "clarity", "intent", SECRETS[1])
        .expect("answer");
    store
        .save_note(&s.id, "clarity", Visibility::Private, SECRETS[2])
        .expect("note");
    store
        .add_action(&Action {
            id: innerceo::model::new_id().into(),
            session_id: s.id.clone(),
            coachee_id: c.id.clone(),
            text: SECRETS[3].into(),
            owner: "coachee".into(),
            due: None,
            status: ActionStatus::Open,
            completed_on: None,
            link: None,
            created_at: time::OffsetDateTime::now_utc(),
        })
        .expect("action");
    drop(store);
    db
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn with_suffix(p: &Path, s: &str) -> PathBuf {
    let mut o = p.as_os_str().to_owned();
    o.push(s);
    PathBuf::from(o)
}

#[test]
fn after_encrypt_no_written_word_is_in_the_file_or_its_wal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = filled(dir.path());
    assert!(
        contains(&std::fs::read(&db).expect("read"), SECRETS[0]),
        "plain before"
    );
    let pf = pass_file(dir.path(), "pass", "correct horse battery staple");
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&pf)
        .arg("encrypt")
        .assert()
        .success()
        .stdout(predicate::str::contains("Encrypted"))
        .stdout(predicate::str::contains("cannot be recovered"));
    // Write more through the encrypted store, leaving a WAL behind.
    let store = Store::open_with_key(&db, Some("correct horse battery staple")).expect("unlock");
    assert!(store.is_encrypted());
    let c = store
        .find_coachee(SECRETS[0])
        .expect("find")
        .expect("still there");
    store.add_coachee("Walter Walnutgrove", "").expect("add");
    let bytes = std::fs::read(&db).expect("read");
    assert_ne!(
        &bytes[..16],
        b"SQLite format 3\0",
        "header is not plain SQLite"
    );
    let wal = std::fs::read(with_suffix(&db, "-wal")).unwrap_or_default();
    for s in SECRETS.iter().chain(["Walter Walnutgrove"].iter()) {
        assert!(!contains(&bytes, s), "{s} readable in the file");
        assert!(!contains(&wal, s), "{s} readable in the WAL");
    }
    // The data is all there through the passphrase, search included.
    let hits = store.search("sapphire", true, 10).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(store.session_summaries(Some(&c.id)).expect("list").len(), 1);
    drop(store);
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&pf)
        .args(["coachee", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(SECRETS[0]));
    // A backup is encrypted with the same passphrase.
    let copy = dir.path().join("copy.db");
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&pf)
        .arg("backup")
        .arg(&copy)
        .assert()
        .success();
    let copied = std::fs::read(&copy).expect("read copy");
    assert!(!contains(&copied, SECRETS[0]));
    let opened =
        Store::open_with_key(&copy, Some("correct horse battery staple")).expect("open copy");
    assert!(opened.find_coachee(SECRETS[0]).expect("find").is_some());
}

#[test]
fn a_wrong_or_missing_passphrase_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = filled(dir.path());
    let pf = pass_file(dir.path(), "pass", "right one");
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&pf)
        .arg("encrypt")
        .assert()
        .success();
    let before = std::fs::read(&db).expect("read");
    let wrong = pass_file(dir.path(), "wrong", "wrong one");
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&wrong)
        .args(["coachee", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("wrong passphrase"))
        .stderr(predicate::str::contains("wrong one").not());
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&wrong)
        .arg("decrypt")
        .assert()
        .failure()
        .stderr(predicate::str::contains("wrong passphrase"));
    // No passphrase and no terminal to ask on.
    innerceo(&db)
        .args(["coachee", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("passphrase"));
    assert_eq!(std::fs::read(&db).expect("read"), before, "bytes unchanged");
    assert!(matches!(
        Store::open(&db),
        Err(innerceo::store::StoreError::Encrypted { .. })
    ));
}

#[test]
fn encrypt_decrypt_encrypt_rekey_keep_every_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("innerceo.db");
    innerceo(&db)
        .args(["demo", "--coachees", "3", "--sessions", "4"])
        .assert()
        .success();
    let counts = Store::open(&db).expect("open").counts().expect("counts");
    let export = |key: Option<&str>| {
        let s = Store::open_with_key(&db, key).expect("open");
        let list = s.session_summaries(None).expect("list");
        let rec = s.session_record(&list[0].id).expect("record");
        (s.counts().expect("counts"), rec)
    };
    let (_, first) = export(None);
    let a = pass_file(dir.path(), "a", "first passphrase");
    let b = pass_file(dir.path(), "b", "second passphrase");
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&a)
        .arg("encrypt")
        .assert()
        .success();
    assert_eq!(export(Some("first passphrase")), (counts, first.clone()));
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&a)
        .arg("decrypt")
        .assert()
        .success();
    assert!(!innerceo::store::is_encrypted(&db));
    assert_eq!(export(None), (counts, first.clone()));
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&a)
        .arg("encrypt")
        .assert()
        .success();
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&a)
        .arg("rekey")
        .arg("--new-passphrase-file")
        .arg(&b)
        .assert()
        .success();
    assert_eq!(export(Some("second passphrase")), (counts, first));
    assert!(matches!(
        Store::open_with_key(&db, Some("first passphrase")),
        Err(innerceo::store::StoreError::WrongPassphrase { .. })
    ));
    // Encrypting twice is refused.
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&b)
        .arg("encrypt")
        .assert()
        .failure()
        .stderr(predicate::str::contains("already encrypted"));
}

#[test]
fn a_conversion_that_fails_leaves_the_original_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = filled(dir.path());
    let before = std::fs::read(&db).expect("read");
    // The new file cannot be created where it must go.
    std::fs::create_dir(with_suffix(&db, ".converting")).expect("block the way");
    let pf = pass_file(dir.path(), "pass", "whatever");
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&pf)
        .arg("encrypt")
        .assert()
        .failure()
        .stderr(predicate::str::contains("was not changed"));
    assert_eq!(std::fs::read(&db).expect("read"), before);
    assert!(
        Store::open(&db)
            .expect("still plain")
            .find_coachee(SECRETS[0])
            .expect("find")
            .is_some()
    );
}

#[cfg(unix)]
#[test]
fn a_passphrase_file_others_can_read_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = filled(dir.path());
    let before = std::fs::read(&db).expect("read");
    let pf = pass_file(dir.path(), "pass", "shared secret");
    std::fs::set_permissions(&pf, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&pf)
        .arg("encrypt")
        .assert()
        .failure()
        .stderr(predicate::str::contains("can be read by others"))
        .stderr(predicate::str::contains("shared secret").not());
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn the_first_export_of_an_encrypted_database_says_it_is_a_plain_file_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = filled(dir.path());
    let pf = pass_file(dir.path(), "pass", "a passphrase");
    innerceo(&db)
        .arg("--passphrase-file")
        .arg(&pf)
        .arg("encrypt")
        .assert()
        .success();
    let export = || {
        innerceo(&db)
            .arg("--passphrase-file")
            .arg(&pf)
            .args(["export", "--all", "--format", "md"])
            .output()
            .expect("run")
    };
    let first = export();
    assert!(first.status.success());
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(stderr.contains("exports are plain files"), "{stderr}");
    assert!(String::from_utf8_lossy(&first.stdout).contains(SECRETS[0]));
    let second = export();
    assert!(second.status.success());
    assert!(!String::from_utf8_lossy(&second.stderr).contains("plain files"));
}
