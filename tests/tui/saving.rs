//! Saving while another program holds the database: nothing typed is lost.

use std::os::unix::fs::PermissionsExt as _;
use std::time::Duration;

use innerceo::store::Store;
use innerceo::tui::runtime::recovery::{self, Unsaved};
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

use super::harness::*;

fn locked_app(path: &std::path::Path) -> innerceo::tui::runtime::Runtime {
    let mut rt = runtime_with(Store::open(path).expect("open"), Theme::colored());
    rt.store
        .set_busy_timeout(Duration::from_millis(20))
        .expect("busy timeout");
    add_coachee(&mut rt, "Ana", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    ctrl(&mut rt, 'n');
    typ(&mut rt, "before");
    ctrl(&mut rt, 's');
    rt
}

fn intent(path: &std::path::Path) -> Option<String> {
    let store = Store::open(path).expect("open");
    let id = store.session_summaries(None).expect("sessions")[0]
        .id
        .clone();
    store
        .session_record(&id)
        .expect("record")
        .answer("clarity", "intent")
        .map(str::to_owned)
}

#[test]
fn quitting_while_the_database_is_locked_keeps_the_text_in_a_recovery_file_and_puts_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("locked.db");
    let mut rt = locked_app(&path);
    let other = rusqlite::Connection::open(&path).expect("other program");
    other.execute_batch("BEGIN EXCLUSIVE").expect("lock");
    typ(&mut rt, " and the locked word");
    ctrl(&mut rt, 's');
    let text = screen(&rt, 100, 30);
    assert!(text.contains("Not saved yet, retrying"), "{text}");
    ctrl(&mut rt, 'q');
    assert!(rt.app.quit);
    let Some(Unsaved::Kept { path: kept, .. }) = rt.finish(Duration::from_millis(300)) else {
        panic!("the unsaved text was not kept");
    };
    drop(rt);
    let mode = std::fs::metadata(&kept)
        .expect("recovery file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "private to the user");
    assert!(
        std::fs::read_to_string(&kept)
            .expect("read")
            .contains("before and the locked word")
    );
    assert_eq!(recovery::find(&path), vec![kept.clone()]);
    other.execute_batch("ROLLBACK").expect("unlock");
    drop(other);
    assert_eq!(intent(&path).as_deref(), Some("before"), "not saved yet");
    // The next start offers it back; y restores it and removes the file.
    let mut rt = runtime_with(Store::open(&path).expect("open"), Theme::colored());
    let text = screen(&rt, 100, 30);
    assert!(text.contains("could not save some of your text"), "{text}");
    ch(&mut rt, 'y');
    drop(rt);
    assert_eq!(intent(&path).as_deref(), Some("before and the locked word"));
    assert!(!kept.exists(), "the recovery file is removed once restored");
}

#[test]
fn a_save_that_failed_is_retried_and_the_status_line_clears_once_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("retry.db");
    let mut rt = locked_app(&path);
    let other = rusqlite::Connection::open(&path).expect("other program");
    other.execute_batch("BEGIN EXCLUSIVE").expect("lock");
    typ(&mut rt, " again");
    rt.flush();
    assert!(screen(&rt, 100, 30).contains("Not saved yet, retrying"));
    other.execute_batch("ROLLBACK").expect("unlock");
    rt.flush();
    let text = screen(&rt, 100, 30);
    assert!(!text.contains("Not saved yet"), "{text}");
    assert!(
        text.contains("Saved: everything typed is in the database again"),
        "{text}"
    );
    assert!(rt.finish(Duration::ZERO).is_none(), "nothing left unsaved");
    assert_eq!(intent(&path).as_deref(), Some("before again"));
}

/// Mounts a small tmpfs for the full-disk test, or says why it cannot.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn mount(dir: &std::path::Path) -> Option<Self> {
        let at = dir.join("small");
        std::fs::create_dir(&at).ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(&at)
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            Some(Self(at))
        } else {
            eprintln!("skipped: cannot mount a small tmpfs here (needs root and mount)");
            None
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_keeps_the_text_in_a_recovery_file_elsewhere_and_puts_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(disk) = SmallDisk::mount(dir.path()) else {
        return;
    };
    let path = disk.0.join("full.db");
    let mut rt = locked_app(&path);
    // Fill what is left of the disk.
    let filler = disk.0.join("filler");
    {
        use std::io::Write as _;
        let mut f = std::fs::File::create(&filler).expect("filler");
        let block = vec![0u8; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
    }
    let long = "x".repeat(200_000);
    typ(&mut rt, " and a long answer ");
    paste(&mut rt, &long);
    ctrl(&mut rt, 's');
    assert!(
        screen(&rt, 100, 30).contains("Not saved yet, retrying"),
        "{}",
        screen(&rt, 100, 30)
    );
    ctrl(&mut rt, 'q');
    let Some(Unsaved::Kept { path: kept, .. }) = rt.finish(Duration::from_millis(200)) else {
        panic!("the unsaved text was not kept");
    };
    drop(rt);
    assert!(
        !kept.starts_with(&disk.0),
        "kept off the full disk: {}",
        kept.display()
    );
    assert_eq!(recovery::find(&path), vec![kept.clone()]);
    std::fs::remove_file(&filler).expect("free the disk");
    let mut rt = runtime_with(Store::open(&path).expect("open"), Theme::colored());
    assert!(screen(&rt, 100, 30).contains("could not save some of your text"));
    ch(&mut rt, 'y');
    drop(rt);
    assert!(
        intent(&path)
            .expect("answer")
            .starts_with("before and a long answer xxx")
    );
    assert!(!kept.exists());
}
