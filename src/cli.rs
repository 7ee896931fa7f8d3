//! The command line: clap definitions and the commands that run without the TUI.

mod commands;
mod due;
mod encryption;
mod find;
mod prep;
mod report;
mod share;
mod table;

use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};
use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

use crate::export::Format;
use crate::store::{self, Store};

pub use crate::export::short_id;
pub use commands::{load_guides, run_command};
pub use encryption::open_unlocked;

/// A terminal companion for coaching conversations, kept in one local SQLite file.
///
/// With no command, opens the full-screen app.
#[derive(Debug, Parser)]
#[command(name = "innerceo", version, about, long_about = None)]
pub struct Cli {
    /// The database file; also INNERCEO_DB [default: the platform data folder, e.g. ~/.local/share/innerceo/innerceo.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Start with every private note hidden (for screen sharing)
    #[arg(long)]
    pub share_safe: bool,

    /// Do not ring the terminal bell when a stage runs over its timebox
    #[arg(long)]
    pub no_bell: bool,

    /// Also offer this guide (a TOML file); may be repeated
    #[arg(long, value_name = "FILE", global = true)]
    pub guide: Vec<PathBuf>,

    /// Read the database passphrase from this file (readable by you only)
    /// instead of asking for it
    #[arg(long, value_name = "FILE", global = true)]
    pub passphrase_file: Option<PathBuf>,

    /// The settings file; also INNERCEO_CONFIG [default: the platform config
    /// folder, e.g. ~/.config/innerceo/config.toml]
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,

    /// Colours: auto, dark, light (for a white background) or high-contrast;
    /// also INNERCEO_THEME or `theme` in the settings file
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<crate::config::ThemeName>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Coachees: add one, list them all, set one's name, role or rhythm, or
    /// delete one for good
    #[command(subcommand)]
    Coachee(CoacheeCmd),
    /// Sessions: list them, or show one as Markdown or JSON
    #[command(subcommand)]
    Session(SessionCmd),
    /// Guides: list them, check a guide file, or show one as TOML
    #[command(subcommand)]
    Guide(GuideCmd),
    /// List agreed actions across coachees
    Actions(ActionsArgs),
    /// List the coachees whose next session is due, soonest first (the date
    /// agreed in their last session, else the last session plus their rhythm)
    Due {
        /// Also those due within this time from today, e.g. 7d, 2w
        // A negative window reaches the parser, which explains, rather
        // than clap's "unexpected argument".
        #[arg(
            long,
            value_name = "TIME",
            default_value = "0d",
            allow_hyphen_values = true
        )]
        within: String,
        /// Print JSON (name, next_session, overdue_days, rhythm_days)
        #[arg(long)]
        json: bool,
    },
    /// Search answers, notes, actions, goals and the notes about coachees
    Search(SearchArgs),
    /// Export sessions as Markdown, HTML, JSON, CSV or iCalendar
    Export(ExportArgs),
    /// A progress report over an engagement: one coachee's (for them, or
    /// with --sponsor for a sponsor), or the whole practice's (--all)
    Report(ReportArgs),
    /// A preparation form for a coachee to fill in before their next
    /// session, in any browser and offline; `prep import FILE` brings their
    /// answers in
    Prep(PrepArgs),
    /// Import a JSON export: all or nothing, and nothing already there is duplicated
    Import {
        /// The file written by `innerceo export --format json`
        file: PathBuf,
    },
    /// Copy the database to a file, consistently even while it is in use
    Backup {
        /// Where to write the copy
        path: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script, e.g. `innerceo completions bash > ~/.local/share/bash-completion/completions/innerceo`
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `innerceo man > innerceo.1`
    Man,
    /// Fill the database with sample coachees and sessions to explore
    Demo(DemoArgs),
    /// Encrypt the database with a passphrase (asked twice, or --passphrase-file)
    Encrypt,
    /// Remove the passphrase: the database becomes a plain SQLite file again
    Decrypt,
    /// The settings file: `show` prints every setting and where it came
    /// from, `path` prints where the file is (see docs/config.md)
    #[command(subcommand)]
    Config(ConfigCmd),
    /// Change the passphrase of an encrypted database
    Rekey {
        /// Read the new passphrase from this file instead of asking
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
}

/// What `innerceo export` writes, and from which sessions.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("scope").required(true).args(["session", "coachee", "all"])))]
pub struct ExportArgs {
    /// One session: its id or the first characters of it (see `innerceo session list`)
    #[arg(long, value_name = "ID")]
    pub session: Option<String>,
    /// Every session of this coachee (a name or its first letters; case and accents do not matter)
    #[arg(long, value_name = "NAME")]
    pub coachee: Option<String>,
    /// Every coachee and session
    #[arg(long)]
    pub all: bool,
    /// The file format
    #[arg(long, value_enum)]
    pub format: Format,
    /// Write to this file (private to you, replaced atomically) instead of the standard output
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Include the coach's private notes, marked as private
    #[arg(long)]
    pub include_private: bool,
    /// iCalendar: no reminders (by default each to-do and session reminds
    /// you at 09:00 the day before)
    #[arg(long)]
    pub no_alarms: bool,
}

/// What `innerceo report` reports on, for whom and in which format.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("who").required(true).args(["coachee", "all"])))]
pub struct ReportArgs {
    /// The coachee (a name or its first letters; case and accents do not matter)
    #[arg(long, value_name = "NAME")]
    pub coachee: Option<String>,
    /// The practice across every active coachee: counts, scores and
    /// pathways, no text and no names (unless --names)
    #[arg(long)]
    pub all: bool,
    /// The first day to include, e.g. 2026-09-01 (default: the first session)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// The last day to include (default: today)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// The file format (default: from the -o file's extension, else md)
    #[arg(long, value_enum)]
    pub format: Option<crate::report::ReportFormat>,
    /// Write to this file (private to you, replaced atomically) instead of the standard output
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// For a sponsor: leave out every answer, note, insight, commitment and action text
    #[arg(long, conflicts_with = "include_private")]
    pub sponsor: bool,
    /// Include the coach's private notes, marked as private (never with --sponsor)
    #[arg(long)]
    pub include_private: bool,
    /// With --all: name each coachee in a table of their own figures
    #[arg(long, requires = "all")]
    pub names: bool,
}

/// `innerceo prep --coachee NAME` writes a form; `innerceo prep import FILE`
/// imports the answers.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct PrepArgs {
    #[command(subcommand)]
    pub import: Option<PrepCmd>,
    /// The coachee the form is for (a name or its first letters)
    #[arg(long, value_name = "NAME", required = true)]
    pub coachee: Option<String>,
    /// The guide whose Six Centers questions the form asks (default: the
    /// default guide of the settings, else one-to-one)
    #[arg(long, value_name = "ID")]
    pub guide: Option<String>,
    /// Where to write the page (default: prep-NAME-DATE.html in the current folder)
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum PrepCmd {
    /// Import the answers a coachee saved from their form (prep-NAME-DATE.json)
    Import {
        /// The file the preparation page saved
        file: PathBuf,
    },
}

/// Which actions `innerceo actions` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Not done or dropped yet
    Open,
    /// Open and due before today
    Overdue,
    /// Marked done
    Done,
    /// Dropped, no longer to do
    Dropped,
    /// Every action, whatever its status
    All,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Only this coachee's actions (a name or its first letters; case and accents do not matter)
    #[arg(long, value_name = "NAME")]
    pub coachee: Option<String>,
    /// Which actions to list
    #[arg(long, value_enum, default_value_t = StatusArg::Open)]
    pub status: StatusArg,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (each as a word prefix, all required)
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Also search the coach's private notes
    #[arg(long)]
    pub include_private: bool,
    /// At most this many results
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum CoacheeCmd {
    /// Add a coachee
    Add {
        /// The coachee's name
        name: String,
        /// Their role, e.g. "Head of Product"
        #[arg(long, default_value = "")]
        role: String,
        /// How often you meet, e.g. 2w (every two weeks), 10d, 1m
        #[arg(long, value_name = "TIME")]
        every: Option<String>,
    },
    /// Set a coachee's name, role or rhythm
    Set {
        /// The coachee's name (case and accents do not matter) or id
        name: String,
        /// How often you meet, e.g. 2w, 10d, 1m; "none" for no rhythm
        #[arg(long, value_name = "TIME")]
        every: Option<String>,
        /// Their role
        #[arg(long)]
        role: Option<String>,
        /// A new name
        #[arg(long = "name", value_name = "NAME")]
        new_name: Option<String>,
    },
    /// List coachees with their sessions and open actions
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
        /// Include archived coachees
        #[arg(long)]
        all: bool,
    },
    /// Delete a coachee and everything about them, for good: sessions,
    /// answers, notes, actions and search entries, wiped from the file.
    /// Asks you to type the name unless --yes. Backups and exports made
    /// earlier still hold them.
    Delete {
        /// The coachee's name (case and accents do not matter) or id; with
        /// --yes the whole name
        name: String,
        /// Do not ask (for scripts)
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SessionCmd {
    /// List sessions, newest first
    List {
        /// Only this coachee's sessions (a name or its first letters; case and accents do not matter)
        #[arg(long, value_name = "NAME")]
        coachee: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Print one session as Markdown (or JSON with --json)
    Show {
        /// The session's id, or its first characters
        id: String,
        /// Include the coach's private notes, marked as private
        #[arg(long)]
        include_private: bool,
        /// Print the session as JSON, in the export format innerceo/1
        /// (docs/export-format.md) instead of Markdown
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum GuideCmd {
    /// List the guides available: built-in, from the config folder and --guide
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Validate a guide file and say where and why it is wrong
    Check {
        /// The guide's TOML file
        file: PathBuf,
    },
    /// Print a guide as TOML (a good start for writing your own)
    Show {
        /// The guide's id, e.g. one-to-one
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many coachees to create
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub coachees: u32,
    /// How many sessions per coachee
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub sessions: u32,
    /// Seed for the random generator: the same seed gives the same data
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// The database path: `--db`, else `INNERCEO_DB`, else the platform default.
pub fn db_path(cli: &Cli) -> Result<PathBuf> {
    if let Some(p) = &cli.db {
        if p.as_os_str().is_empty() {
            bail!(
                "the database path given with --db is empty: give a file, e.g. --db ~/coaching.db"
            );
        }
        return Ok(p.clone());
    }
    if let Some(p) = std::env::var_os("INNERCEO_DB") {
        if p.is_empty() {
            bail!(
                "INNERCEO_DB is set but empty: set it to a file, e.g. ~/coaching.db, or unset it"
            );
        }
        return Ok(PathBuf::from(p));
    }
    store::default_db_path().ok_or_else(|| {
        anyhow!(
            "cannot find a home folder for the database: give a file with --db PATH or INNERCEO_DB"
        )
    })
}

/// Opens the store at the path the user chose.
pub fn open_store(cli: &Cli) -> Result<Store> {
    let path = db_path(cli)?;
    encryption::open_unlocked(cli, &path, 1)
}

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Print every setting, its value and where it came from (flag,
    /// environment, file or default)
    Show,
    /// Print where the settings file is (or would be)
    Path,
}

impl Cli {
    /// The settings in force: flags over environment over file over defaults.
    pub fn config(&self) -> Result<crate::config::Config> {
        let flags = crate::config::Flags {
            config: self.config.clone(),
            share_safe: self.share_safe,
            no_bell: self.no_bell,
            theme: self.theme,
        };
        Ok(crate::config::Config::load(&flags, &|k| {
            std::env::var(k).ok()
        })?)
    }
}
