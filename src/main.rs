//! Entry point: parse the command line, then run a command or open the app.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use innerceo::cli::{self, Cli};

fn main() -> ExitCode {
    // Read the local UTC offset before any thread exists (see `dates`).
    innerceo::dates::init_local_offset();
    // `--version` also names the SQLite inside (bundled SQLCipher), which
    // decides what files it reads and how they are encrypted.
    let version = format!(
        "{} (SQLite {}, SQLCipher built in, FTS5 {})",
        env!("CARGO_PKG_VERSION"),
        rusqlite::version(),
        if innerceo::store::fts5_built_in() {
            "on"
        } else {
            "off"
        }
    );
    // Made once per run; clap takes the text for the whole run.
    let version: &'static str = Box::leak(version.into_boxed_str());
    let matches = Cli::command().version(version).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match try_main(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`innerceo session list | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            // Errors quote what the user gave (a name, a file's content):
            // control characters in it are shown, not obeyed.
            let message = format!("{e:#}");
            let _ = writeln!(
                io::stderr(),
                "innerceo: {}",
                innerceo::controls::escape(&message)
            );
            ExitCode::FAILURE
        }
    }
}

fn try_main(cli: &Cli) -> anyhow::Result<()> {
    // A settings file with a mistake stops every command, so that no
    // setting is silently ignored.
    let config = cli.config()?;
    if let Some(name) = &config.coach_name.value {
        innerceo::export::set_coach_name(name);
    }
    innerceo::dates::set_week_start(config.week_start.value.weekday());
    remove_conversion_leftovers(cli);
    match &cli.command {
        Some(command) => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            cli::run_command(cli, command, &mut out)?;
            out.flush()?;
            Ok(())
        }
        None => innerceo::tui::run(cli, &config),
    }
}

/// Before anything opens the database: a conversion (`encrypt`, `decrypt`,
/// `rekey`) killed half-way leaves its temporary file beside it, possibly
/// holding every note unencrypted. It goes at the next start, whatever the
/// command, and the user is told once.
fn remove_conversion_leftovers(cli: &Cli) {
    // A path that cannot be worked out is reported by the command itself.
    let Ok(db) = cli::db_path(cli) else { return };
    match innerceo::store::remove_conversion_leftovers(&db) {
        Ok(removed) => {
            if let Some(first) = removed.last() {
                let _ = writeln!(
                    io::stderr(),
                    "innerceo: removed {}, left by an encryption change that was interrupted; {} was not changed by it.",
                    first.display(),
                    db.display()
                );
            }
        }
        Err(message) => {
            let _ = writeln!(io::stderr(), "innerceo: {message}");
        }
    }
}
