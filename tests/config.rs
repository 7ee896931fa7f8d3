//! The settings file: each key's effect, flag over environment over file
//! over default, and a bad file refused with its location.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use innerceo::config::{Config, Flags, Source, ThemeName};
use innerceo::tui::app::Popup;
use innerceo::tui::settings;
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use time::macros::datetime;

#[path = "common/bin.rs"]
mod bin;

use bin::{innerceo, run_ok};

fn write(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("config.toml");
    std::fs::write(&p, text).expect("write");
    p
}

fn load(file: &Path, env: &[(&str, &str)], flags: Flags) -> Result<Config, String> {
    let env: HashMap<String, String> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let flags = Flags {
        config: Some(file.to_path_buf()),
        ..flags
    };
    Config::load(&flags, &|k| env.get(k).cloned()).map_err(|e| e.to_string())
}

const FULL: &str = "default_guide = \"six-centers-checkin\"\nexport_dir = \"/tmp/exports\"\n\
share_safe = true\nbell = false\ntheme = \"light\"\ncoach_name = \"Sam Rivera\"\nweek_start = \"sunday\"\n";

#[test]
fn a_missing_file_means_defaults_and_every_key_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    // The default location may be missing: not an error.
    let none: HashMap<String, String> = HashMap::new();
    let c = Config::load(&Flags::default(), &|k| none.get(k).cloned()).expect("defaults");
    assert!(!c.share_safe.value && c.bell.value);
    assert_eq!(c.theme.value, ThemeName::Auto);
    // A file named with --config must exist.
    let err = load(&dir.path().join("nope.toml"), &[], Flags::default()).expect_err("missing");
    assert!(
        err.contains("nope.toml") && err.contains("--config"),
        "{err}"
    );

    let file = write(dir.path(), FULL);
    let c = load(&file, &[], Flags::default()).expect("load");
    assert_eq!(
        c.default_guide.value.as_deref(),
        Some("six-centers-checkin")
    );
    assert_eq!(
        c.export_dir.value.as_deref(),
        Some(Path::new("/tmp/exports"))
    );
    assert!(c.share_safe.value);
    assert!(!c.bell.value);
    assert_eq!(c.theme.value, ThemeName::Light);
    assert_eq!(c.coach_name.value.as_deref(), Some("Sam Rivera"));
    assert_eq!(c.week_start.value, innerceo::config::WeekStart::Sunday);
    for from in [&c.default_guide.from, &c.share_safe.from, &c.theme.from] {
        assert_eq!(*from, Source::File);
    }
}

#[test]
fn a_flag_beats_the_environment_which_beats_the_file_which_beats_the_default() {
    let dir = tempfile::tempdir().expect("dir");
    let file = write(dir.path(), "theme = \"light\"\nbell = true\n");
    let c = load(&file, &[], Flags::default()).expect("file");
    assert_eq!(
        (c.theme.value, c.theme.from.clone()),
        (ThemeName::Light, Source::File)
    );
    assert_eq!(c.share_safe.from, Source::Default);
    let env = [
        ("INNERCEO_THEME", "high-contrast"),
        ("INNERCEO_BELL", "off"),
        ("INNERCEO_SHARE_SAFE", "1"),
    ];
    let c = load(&file, &env, Flags::default()).expect("env");
    assert_eq!(c.theme.value, ThemeName::HighContrast);
    assert_eq!(c.theme.from, Source::Env("INNERCEO_THEME".into()));
    assert!(!c.bell.value && c.share_safe.value);
    let flags = Flags {
        theme: Some(ThemeName::Dark),
        no_bell: true,
        ..Flags::default()
    };
    let c = load(&file, &env, flags).expect("flags");
    assert_eq!(
        (c.theme.value, c.theme.from),
        (ThemeName::Dark, Source::Flag("--theme"))
    );
    assert_eq!(c.bell.from, Source::Flag("--no-bell"));
    let err = load(&file, &[("INNERCEO_BELL", "loud")], Flags::default()).expect_err("bad env");
    assert!(
        err.contains("INNERCEO_BELL") && err.contains("true or false"),
        "{err}"
    );
}

#[test]
fn a_bad_file_is_refused_with_its_line_column_and_the_known_keys() {
    let dir = tempfile::tempdir().expect("dir");
    let file = write(dir.path(), "bell = true\ncolour = \"blue\"\n");
    let err = load(&file, &[], Flags::default()).expect_err("unknown key");
    assert!(err.contains("config.toml:2:1"), "{err}");
    assert!(err.contains("colour"), "{err}");
    for key in innerceo::config::KEYS {
        assert!(err.contains(key), "{key} missing from: {err}");
    }
    let file = write(dir.path(), "bell = true\n\ntheme = \"purple\"\n");
    let err = load(&file, &[], Flags::default()).expect_err("bad value");
    assert!(err.contains("config.toml:3:9"), "{err}");
    assert!(err.contains("light"), "names the values it takes: {err}");

    // From the command line: stderr says where, nothing is created.
    let db = dir.path().join("never.db");
    let out = innerceo(&db)
        .arg("--config")
        .arg(&file)
        .args(["coachee", "list"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("config.toml:3:9"), "{said}");
    assert!(!db.exists(), "nothing changed on disk");
}

#[test]
fn each_setting_changes_the_app_and_the_exports() {
    let dir = tempfile::tempdir().expect("dir");
    let file = write(dir.path(), FULL);
    let config = load(&file, &[], Flags::default()).expect("load");
    let (guides, errors) = innerceo::guide::load_all(None, &[]);
    assert!(errors.is_empty());
    let none = |_: &str| None;
    let mut app = settings::app(
        guides.clone(),
        &config,
        &none,
        None,
        datetime!(2026-11-25 10:00 UTC),
    )
    .expect("app");
    assert!(app.share_safe);
    assert!(!app.bell);
    assert_eq!(app.export_dir, Path::new("/tmp/exports"));
    assert_eq!(app.theme, Theme::light());
    // The picker starts on the default guide.
    let store = innerceo::store::Store::open_in_memory().expect("store");
    store.add_coachee("Ana", "").expect("coachee");
    let mut rt = innerceo::tui::runtime::Runtime::new(
        std::mem::replace(
            &mut app,
            settings::app(
                guides.clone(),
                &config,
                &none,
                None,
                datetime!(2026-11-25 10:00 UTC),
            )
            .expect("app"),
        ),
        store,
    );
    rt.on_key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE));
    let Some(Popup::Picker { selected, .. }) = &rt.app.popup else {
        panic!("no picker")
    };
    assert_eq!(guides[*selected].guide.id, "six-centers-checkin");
    // NO_COLOR still wins over the theme.
    let no_color = |k: &str| (k == "NO_COLOR").then(|| "1".to_owned());
    let plain = settings::app(
        guides.clone(),
        &config,
        &no_color,
        None,
        datetime!(2026-11-25 10:00 UTC),
    )
    .expect("app");
    assert_eq!(plain.theme, Theme::plain());
    // A default guide that is not there is refused, naming the ones there are.
    let file = write(dir.path(), "default_guide = \"nope\"\n");
    let config = load(&file, &[], Flags::default()).expect("load");
    let err = settings::app(
        guides,
        &config,
        &none,
        None,
        datetime!(2026-11-25 10:00 UTC),
    )
    .err()
    .expect("refused");
    assert!(err.contains("nope") && err.contains("one-to-one"), "{err}");

    // The coach's name is shown for actions the coach owns.
    let db = bin::demo_db(dir.path(), "demo.db");
    let out = dir.path().join("all.md");
    run_ok(
        innerceo(&db)
            .env("INNERCEO_COACH_NAME", "Sam Rivera")
            .env("INNERCEO_CONFIG", write(dir.path(), ""))
            .args(["export", "--all", "--format", "md", "-o"])
            .arg(&out),
    );
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(
        text.contains("coach (Sam Rivera)"),
        "{}",
        &text[..2000.min(text.len())]
    );
}

#[test]
fn config_show_and_path_say_what_is_in_force_and_where_it_came_from() {
    let dir = tempfile::tempdir().expect("dir");
    let file = write(dir.path(), "theme = \"light\"\n");
    let db = dir.path().join("x.db");
    let out = run_ok(
        innerceo(&db)
            .arg("--config")
            .arg(&file)
            .env("INNERCEO_BELL", "false")
            .args(["config", "show"]),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&file.display().to_string()), "{text}");
    let line = |key: &str| {
        text.lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("{key} missing: {text}"))
            .to_owned()
    };
    assert!(line("theme").contains("light") && line("theme").contains("config file"));
    assert!(line("bell").contains("false") && line("bell").contains("INNERCEO_BELL"));
    assert!(line("share_safe").contains("default"));
    let out = run_ok(
        innerceo(&db)
            .arg("--config")
            .arg(&file)
            .args(["config", "path"]),
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        file.display().to_string()
    );
}

/// `week_start` decides what "next week" and "end of week" mean in a typed
/// date, and a wrong value is refused like any other.
#[test]
fn the_week_start_sets_what_next_week_means() {
    use innerceo::dates::parse_due_in;
    use time::Weekday::{Monday, Saturday, Sunday};
    use time::macros::date;
    // 2026-11-25 is a Wednesday.
    let wed = date!(2026 - 11 - 25);
    let cases = [
        (Monday, "next week", date!(2026 - 11 - 30)),
        (Sunday, "next week", date!(2026 - 11 - 29)),
        (Saturday, "next week", date!(2026 - 11 - 28)),
        (Monday, "end of week", date!(2026 - 11 - 29)),
        (Sunday, "end of week", date!(2026 - 11 - 28)),
        (Saturday, "eow", date!(2026 - 11 - 27)),
    ];
    for (start, typed, want) in cases {
        assert_eq!(
            parse_due_in(typed, wed, start),
            Ok(Some(want)),
            "{typed} with weeks from {start}"
        );
    }
    // On the week's first day, "next week" is a week on, never today.
    assert_eq!(
        parse_due_in("next week", date!(2026 - 11 - 30), Monday),
        Ok(Some(date!(2026 - 12 - 07)))
    );
    let dir = tempfile::tempdir().expect("dir");
    let file = write(dir.path(), "week_start = \"tuesday\"\n");
    let err = load(&file, &[], Flags::default()).expect_err("bad value");
    assert!(err.contains("config.toml:1:14"), "{err}");
    assert!(err.contains("monday"), "names the values it takes: {err}");
    let c = load(
        &file,
        &[("INNERCEO_WEEK_START", "sunday")],
        Flags::default(),
    );
    assert!(c.is_err(), "the file is still wrong");
    let ok = write(dir.path(), "");
    let c = load(&ok, &[("INNERCEO_WEEK_START", "Sunday")], Flags::default()).expect("env");
    assert_eq!(c.week_start.value, innerceo::config::WeekStart::Sunday);
    let err = load(&ok, &[("INNERCEO_WEEK_START", "someday")], Flags::default()).expect_err("bad");
    assert!(err.contains("monday, saturday or sunday"), "{err}");
}
