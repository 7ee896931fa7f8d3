//! The settings file (`config.toml`): where it is, what it may set, and
//! where each effective setting came from (a flag, the environment, the
//! file or the default, in that order).

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The colours the app draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// Light or dark, from the terminal's background where it says (else dark)
    Auto,
    Dark,
    /// For a white or light background
    Light,
    /// Black and white with bold and underline, the strongest contrast
    HighContrast,
}

impl ThemeName {
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Auto => "auto",
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }
}

/// The first day of the week, for dates typed as `next week` or `end of week`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeekStart {
    Monday,
    Saturday,
    Sunday,
}

impl WeekStart {
    pub fn as_str(self) -> &'static str {
        match self {
            WeekStart::Monday => "monday",
            WeekStart::Saturday => "saturday",
            WeekStart::Sunday => "sunday",
        }
    }

    pub fn weekday(self) -> time::Weekday {
        match self {
            WeekStart::Monday => time::Weekday::Monday,
            WeekStart::Saturday => time::Weekday::Saturday,
            WeekStart::Sunday => time::Weekday::Sunday,
        }
    }
}

/// Where a setting's value came from, for `innerceo config show`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    File,
    Env(String),
    Flag(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File => f.write_str("config file"),
            Source::Env(v) => write!(f, "environment ({v})"),
            Source::Flag(flag) => write!(f, "flag ({flag})"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub from: Source,
}

/// What the file may hold. Unknown keys are refused, with the known ones.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    default_guide: Option<String>,
    export_dir: Option<PathBuf>,
    share_safe: Option<bool>,
    bell: Option<bool>,
    theme: Option<ThemeName>,
    coach_name: Option<String>,
    week_start: Option<WeekStart>,
}

/// The known keys, in the order `config show` lists them.
pub const KEYS: [&str; 7] = [
    "default_guide",
    "export_dir",
    "share_safe",
    "bell",
    "theme",
    "coach_name",
    "week_start",
];

/// The effective settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The file read (it may not exist: then every value is a default).
    pub path: Option<PathBuf>,
    pub path_from: Source,
    /// The guide the picker starts on (a guide id).
    pub default_guide: Setting<Option<String>>,
    /// Where the app's export dialog proposes to write (else the current folder).
    pub export_dir: Setting<Option<PathBuf>>,
    /// Start with private notes hidden.
    pub share_safe: Setting<bool>,
    /// Ring the terminal bell when a stage runs over its timebox.
    pub bell: Setting<bool>,
    pub theme: Setting<ThemeName>,
    /// How an action owned by "coach" is shown.
    pub coach_name: Setting<Option<String>>,
    /// The first day of the week in typed dates.
    pub week_start: Setting<WeekStart>,
}

/// What the command line says about settings.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub config: Option<PathBuf>,
    pub share_safe: bool,
    pub no_bell: bool,
    pub theme: Option<ThemeName>,
}

/// A settings file that cannot be used: where, what, and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(String);

/// The default file: `~/.config/innerceo/config.toml` on Linux.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "innerceo").map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Reads the settings: the file named by `--config`, else
    /// `INNERCEO_CONFIG`, else the default path; a missing file is not an
    /// error. `env` looks up environment variables (injected for tests).
    pub fn load(
        flags: &Flags,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let (path, path_from) = match (&flags.config, env("INNERCEO_CONFIG")) {
            (Some(p), _) => (Some(p.clone()), Source::Flag("--config")),
            (None, Some(p)) if !p.is_empty() => (
                Some(PathBuf::from(p)),
                Source::Env("INNERCEO_CONFIG".into()),
            ),
            _ => (default_path(), Source::Default),
        };
        let file = match &path {
            Some(p) => read_file(p, path_from != Source::Default)?,
            None => FileSettings::default(),
        };
        let pick = |key: &str| -> Option<(String, Source)> {
            let var = format!("INNERCEO_{}", key.to_uppercase());
            env(&var)
                .filter(|v| !v.is_empty())
                .map(|v| (v, Source::Env(var)))
        };
        let mut c = Config {
            path,
            path_from,
            default_guide: setting(file.default_guide.map(Some), None),
            export_dir: setting(file.export_dir.map(|p| Some(expand_home(&p))), None),
            share_safe: setting(file.share_safe, false),
            bell: setting(file.bell, true),
            theme: setting(file.theme, ThemeName::Auto),
            coach_name: setting(
                file.coach_name.filter(|n| !n.trim().is_empty()).map(Some),
                None,
            ),
            week_start: setting(file.week_start, WeekStart::Monday),
        };
        // The environment overrides the file.
        if let Some((v, from)) = pick("default_guide") {
            c.default_guide = Setting {
                value: Some(v),
                from,
            };
        }
        if let Some((v, from)) = pick("export_dir") {
            c.export_dir = Setting {
                value: Some(PathBuf::from(v)),
                from,
            };
        }
        if let Some((v, from)) = pick("share_safe") {
            c.share_safe = Setting {
                value: env_bool(&from, &v)?,
                from,
            };
        }
        if let Some((v, from)) = pick("bell") {
            c.bell = Setting {
                value: env_bool(&from, &v)?,
                from,
            };
        }
        if let Some((v, from)) = pick("theme") {
            c.theme = Setting {
                value: env_theme(&from, &v)?,
                from,
            };
        }
        if let Some((v, from)) = pick("coach_name") {
            c.coach_name = Setting {
                value: Some(v),
                from,
            };
        }
        if let Some((v, from)) = pick("week_start") {
            c.week_start = Setting {
                value: match v.trim().to_lowercase().as_str() {
                    "monday" => WeekStart::Monday,
                    "saturday" => WeekStart::Saturday,
                    "sunday" => WeekStart::Sunday,
                    _ => {
                        return Err(ConfigError(format!(
                            "{from} is \"{}\": use monday, saturday or sunday",
                            crate::controls::escape(&v)
                        )));
                    }
                },
                from,
            };
        }
        // Flags override everything.
        if flags.share_safe {
            c.share_safe = Setting {
                value: true,
                from: Source::Flag("--share-safe"),
            };
        }
        if flags.no_bell {
            c.bell = Setting {
                value: false,
                from: Source::Flag("--no-bell"),
            };
        }
        if let Some(t) = flags.theme {
            c.theme = Setting {
                value: t,
                from: Source::Flag("--theme"),
            };
        }
        Ok(c)
    }

    /// `innerceo config show`: every setting, its value and where it came from.
    pub fn show(&self) -> String {
        let file = match &self.path {
            Some(p) if p.exists() => format!("{} (from {})", p.display(), self.path_from),
            Some(p) => format!(
                "{} (not there: defaults apply; from {})",
                p.display(),
                self.path_from
            ),
            None => "none (no config folder on this system)".to_owned(),
        };
        let none = || "(not set)".to_owned();
        let rows: Vec<(&str, String, &Source)> = vec![
            (
                "default_guide",
                self.default_guide.value.clone().unwrap_or_else(none),
                &self.default_guide.from,
            ),
            (
                "export_dir",
                self.export_dir.value.as_ref().map_or_else(
                    || "(the current folder)".to_owned(),
                    |p| p.display().to_string(),
                ),
                &self.export_dir.from,
            ),
            (
                "share_safe",
                self.share_safe.value.to_string(),
                &self.share_safe.from,
            ),
            ("bell", self.bell.value.to_string(), &self.bell.from),
            (
                "theme",
                self.theme.value.as_str().to_owned(),
                &self.theme.from,
            ),
            (
                "coach_name",
                self.coach_name.value.clone().unwrap_or_else(none),
                &self.coach_name.from,
            ),
            (
                "week_start",
                self.week_start.value.as_str().to_owned(),
                &self.week_start.from,
            ),
        ];
        let mut out = format!("config file: {file}\n");
        for (key, value, from) in rows {
            out.push_str(&format!(
                "{key:<14} {:<28} {from}\n",
                crate::controls::escape(&value)
            ));
        }
        out
    }
}

fn setting<T>(from_file: Option<T>, default: T) -> Setting<T> {
    match from_file {
        Some(value) => Setting {
            value,
            from: Source::File,
        },
        None => Setting {
            value: default,
            from: Source::Default,
        },
    }
}

/// Reads and checks the file. A missing file is fine unless it was named
/// explicitly (a `--config` pointing nowhere is a mistake to report).
fn read_file(path: &Path, named: bool) -> Result<FileSettings, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => {
            return Ok(FileSettings::default());
        }
        Err(e) => {
            return Err(ConfigError(format!(
                "cannot read the settings file {}: {e}. Check the path given with --config or INNERCEO_CONFIG",
                path.display()
            )));
        }
    };
    toml::from_str(&text).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |s| line_col(&text, s.start));
        let mut message = e.message().trim().to_owned();
        if message.starts_with("unknown field") {
            message = format!("{message}. The known keys are: {}", KEYS.join(", "));
        }
        ConfigError(format!(
            "{}:{line}:{col}: {message}. Change it, or see docs/config.md for every setting",
            path.display()
        ))
    })
}

/// 1-based line and column of byte `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn env_bool(from: &Source, v: &str) -> Result<bool, ConfigError> {
    match v.trim().to_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError(format!(
            "{from} is \"{}\": use true or false",
            crate::controls::escape(v)
        ))),
    }
}

fn env_theme(from: &Source, v: &str) -> Result<ThemeName, ConfigError> {
    <ThemeName as clap::ValueEnum>::from_str(v.trim(), true).map_err(|_| {
        ConfigError(format!(
            "{from} is \"{}\": use auto, dark, light or high-contrast",
            crate::controls::escape(v)
        ))
    })
}

/// `~/x` is `x` in the home folder, as in a shell.
pub fn expand_home(p: &Path) -> PathBuf {
    match (p.strip_prefix("~"), directories::UserDirs::new()) {
        (Ok(rest), Some(u)) => u.home_dir().join(rest),
        _ => p.to_path_buf(),
    }
}
