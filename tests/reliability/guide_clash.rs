//! Guides sharing an id are never hidden silently: a clash between the
//! user's files names both, and replacing a built-in guide is shown.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn guide(dir: &Path, file: &str, id: &str, title: &str) -> PathBuf {
    let path = dir.join(file);
    fs::write(
        &path,
        format!(
            "id = \"{id}\"\ntitle = \"{title}\"\n\n[[stages]]\nid = \"talk\"\nkind = \"questions\"\n\
             title = \"Talk\"\n\n[[stages.prompts]]\nid = \"p\"\ntext = \"What is on your mind?\"\n"
        ),
    )
    .expect("write");
    path
}

/// The binary with its config folder (and so the user's guides) in `home`.
fn innerceo(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("innerceo").expect("binary");
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("INNERCEO_DB", home.join("x.db"));
    cmd
}

fn output(cmd: &mut Command) -> (String, String) {
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn three_files_with_one_id_are_all_reported() {
    let home = tempfile::tempdir().expect("dir");
    let a = guide(home.path(), "a.toml", "mine", "Mine A");
    let b = guide(home.path(), "b.toml", "mine", "Mine B");
    let c = guide(home.path(), "c.toml", "mine", "Mine C");
    let mut cmd = innerceo(home.path());
    for g in [&a, &b, &c] {
        cmd.arg("--guide").arg(g);
    }
    let (stdout, stderr) = output(cmd.args(["guide", "list"]));
    assert_eq!(stdout.matches("mine ").count(), 1, "{stdout}");
    for p in [&a, &b, &c] {
        assert!(
            stderr.contains(&p.display().to_string()),
            "{} not named: {stderr}",
            p.display()
        );
    }
    assert_eq!(
        stderr.matches("has the same id \"mine\"").count(),
        2,
        "{stderr}"
    );

    // `guide check` on one of them names the others too.
    let (_, stderr) = output(
        innerceo(home.path())
            .arg("--guide")
            .arg(&b)
            .args(["guide", "check"])
            .arg(&a),
    );
    assert!(stderr.contains(&a.display().to_string()), "{stderr}");
    assert!(stderr.contains(&b.display().to_string()), "{stderr}");
}

#[test]
fn a_user_guide_replacing_a_built_in_one_says_so() {
    let home = tempfile::tempdir().expect("dir");
    let folder = home.path().join("config").join("innerceo").join("guides");
    fs::create_dir_all(&folder).expect("mkdir");
    let mine = guide(&folder, "my-one-to-one.toml", "one-to-one", "My one-to-one");
    let (stdout, _) = output(innerceo(home.path()).args(["guide", "list"]));
    let line = stdout
        .lines()
        .find(|l| l.starts_with("one-to-one "))
        .expect("listed");
    assert!(line.contains("My one-to-one"), "{line}");
    assert!(line.contains(&mine.display().to_string()), "{line}");
    assert!(line.contains("(yours, replaces the built-in)"), "{line}");
    let (_, stderr) = output(innerceo(home.path()).args(["guide", "check"]).arg(&mine));
    assert!(stderr.contains("replaces the built-in"), "{stderr}");
}
