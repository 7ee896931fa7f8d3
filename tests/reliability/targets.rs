//! Exports and backups never write over the database, its journal files or
//! a folder, whatever name the path is given by.

use std::fs;

use predicates::prelude::*;

use super::{demo_db, innerceo, names};

#[test]
fn export_and_backup_refuse_the_database_by_any_name() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo_db(dir.path());
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).expect("mkdir");
    fs::hard_link(&db, dir.path().join("hard.db")).expect("link");
    let before = fs::read(&db).expect("read");
    let listing = names(dir.path());
    let targets = [
        db.clone(),
        sub.join("..").join("self.db"),
        dir.path().join("self.db-wal"),
        dir.path().join("self.db-shm"),
        dir.path().join("hard.db"),
    ];
    for target in &targets {
        for args in [
            vec!["export", "--all", "--format", "json", "-o"],
            vec!["export", "--all", "--format", "md", "-o"],
            vec!["backup", "--force"],
        ] {
            innerceo(&db)
                .args(&args)
                .arg(target)
                .assert()
                .failure()
                .stdout(predicate::str::is_empty())
                .stderr(predicate::str::contains(target.display().to_string()))
                .stderr(
                    predicate::str::contains("is the database").or(predicate::str::contains(
                        "is a journal file of the database",
                    )),
                )
                .stderr(predicate::str::contains(format!(
                    "notes in {}.",
                    db.display()
                )));
        }
    }
    // The same from another folder, with a relative path.
    innerceo(&db)
        .current_dir(&sub)
        .args(["export", "--all", "--format", "json", "-o", "../self.db"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is the database"));
    assert_eq!(fs::read(&db).expect("read"), before, "the database changed");
    assert_eq!(names(dir.path()), listing, "a file was added or removed");
    // The database still opens and holds its sessions.
    innerceo(&db)
        .args(["session", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("completed"));
}

#[test]
fn export_and_backup_refuse_a_folder() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo_db(dir.path());
    let out = dir.path().join("out");
    fs::create_dir(&out).expect("mkdir");
    for args in [
        vec!["export", "--all", "--format", "json", "-o"],
        vec!["backup", "--force"],
    ] {
        innerceo(&db)
            .args(&args)
            .arg(&out)
            .assert()
            .failure()
            .stderr(predicate::str::contains(out.display().to_string()))
            .stderr(predicate::str::contains("is a folder"));
    }
    assert!(names(&out).is_empty());
}

#[test]
fn the_app_export_refuses_the_database() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo_db(dir.path());
    let store = innerceo::store::Store::open(&db).expect("open");
    let id = store.session_summaries(None).expect("sessions")[0]
        .id
        .clone();
    let before = fs::read(&db).expect("read");
    for target in [db.clone(), dir.path().join("self.db-wal")] {
        let e = innerceo::tui::export_dialog::write(
            &store,
            &id,
            innerceo::export::Format::Json,
            &target,
            false,
            time::OffsetDateTime::now_utc(),
        )
        .expect_err("must refuse");
        assert!(format!("{e:#}").contains("Nothing was written"), "{e:#}");
    }
    drop(store);
    assert_eq!(fs::read(&db).expect("read"), before);
    // A file beside it is fine.
    let store = innerceo::store::Store::open(&db).expect("open");
    innerceo::tui::export_dialog::write(
        &store,
        &id,
        innerceo::export::Format::Json,
        &dir.path().join("one.json"),
        false,
        time::OffsetDateTime::now_utc(),
    )
    .expect("written");
}
