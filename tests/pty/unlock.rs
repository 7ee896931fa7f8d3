//! An encrypted database: the app asks for the passphrase before anything
//! else, with hidden input and three tries, then works as before.

use std::path::Path;
use std::time::Duration;

use super::harness::{Options, Term, cli, keys, temp_db};

fn passphrase_file(dir: &Path, text: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let f = dir.join("pass.txt");
    std::fs::write(&f, format!("{text}\n")).expect("write passphrase");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    f
}

#[test]
fn a_typed_passphrase_unlocks_the_app_and_a_wrong_one_is_refused() {
    let (dir, db) = temp_db();
    cli(&db, &["coachee", "add", "Ana Secretcase"]);
    let pass = passphrase_file(dir.path(), "correct horse battery");
    let f = pass.to_string_lossy().into_owned();
    cli(&db, &["--passphrase-file", &f, "encrypt"]);

    let mut t = Term::spawn(Options::new(&db));
    t.wait_for("this database is encrypted");
    t.typ("wrong guess");
    t.key(keys::ENTER);
    t.wait_for("Wrong passphrase (1 of 3");
    assert!(
        !t.screen().contains("wrong guess"),
        "input must be hidden:\n{}",
        t.screen()
    );
    t.typ("correct horse battery");
    t.key(keys::ENTER);
    t.wait_for("Ana Secretcase");
    assert!(!t.screen().contains("correct horse"), "{}", t.screen());
    t.key("q");
    assert!(t.wait_exit(Duration::from_secs(10)).success());

    // Three wrong passphrases: refused, with the reason after the screen is gone.
    let mut t = Term::spawn(Options::new(&db));
    for n in 1..=3 {
        t.wait_for("this database is encrypted");
        t.typ(&format!("nope {n}"));
        t.key(keys::ENTER);
        if n < 3 {
            t.wait_for(&format!("Wrong passphrase ({n} of 3"));
        }
    }
    let status = t.wait_exit(Duration::from_secs(10));
    assert!(!status.success());
    t.wait_for("wrong passphrase 3 times");
}
