//! The command line: clap definitions and the commands that run without the TUI.

mod commands;
mod table;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use commands::{db_path, load_guides, run_command, short_id};

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

    /// Also offer this guide (a TOML file); may be repeated
    #[arg(long, value_name = "FILE", global = true)]
    pub guide: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add or list coachees
    #[command(subcommand)]
    Coachee(CoacheeCmd),
    /// List sessions
    #[command(subcommand)]
    Session(SessionCmd),
    /// List, check or show conversation guides
    #[command(subcommand)]
    Guide(GuideCmd),
    /// Fill the database with sample coachees and sessions to explore
    Demo(DemoArgs),
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
}

#[derive(Debug, Subcommand)]
pub enum SessionCmd {
    /// List sessions, newest first
    List {
        /// Only this coachee's sessions (name, case-insensitive)
        #[arg(long, value_name = "NAME")]
        coachee: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum GuideCmd {
    /// List the guides available: built-in, from the config folder and --guide
    List,
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
