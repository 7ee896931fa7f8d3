//! The full-screen app: terminal set-up, the event loop, and its parts.
//!
//! Data flows one way: key → `keymap` → the screen's `update` (messages) →
//! `App::apply` → effects performed by `Runtime` against the store → draw.
//! docs/ARCHITECTURE.md draws it.

pub mod app;
mod background;
pub mod clipboard;
pub mod editor;
pub mod effect;
pub mod event_loop;
pub mod export_dialog;
pub mod form;
pub mod goal_form;
pub mod input;
pub mod keymap;
mod loaded;
pub mod msg;
pub mod nav;
pub mod popup;
pub mod prep_dialog;
pub mod report_dialog;
pub mod runtime;
pub mod screens;
pub mod settings;
mod signals;
pub mod theme;
pub mod topic_form;
pub mod ui;
pub mod unlock;
pub mod widgets;
pub mod wrap;

use std::io::{self, IsTerminal, Write as _};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::{cursor, execute};

use crate::cli::Cli;
use crate::guide;
use runtime::Runtime;

/// Opens the app on the database chosen on the command line.
pub fn run(cli: &Cli, config: &crate::config::Config) -> Result<()> {
    let path = crate::cli::db_path(cli)?;
    // Everything that can fail for a reason the user can fix is checked
    // before the terminal is taken over, so the message stays readable.
    for g in &cli.guide {
        guide::parse_guide_file(g).map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        bail!(
            "innerceo needs a terminal to open the app; for scripts, see `innerceo --help` for the commands"
        );
    }
    let env = |k: &str| std::env::var(k).ok();
    // `auto` asks the terminal for its background, once, before anything
    // else reads from it.
    let reported = (config.theme.value == crate::config::ThemeName::Auto && !theme::no_color(&env))
        .then(background::reported_light)
        .flatten();
    let theme = theme::Theme::resolve(config.theme.value, &env, reported);
    // An encrypted database asks for its passphrase first, on a start
    // screen of its own (or reads --passphrase-file).
    let store = if crate::store::is_encrypted(&path) && cli.passphrase_file.is_none() {
        match unlock::unlock(&path, theme)? {
            Some(store) => store,
            None => return Ok(()),
        }
    } else {
        crate::cli::open_unlocked(cli, &path, 1)?
    };
    let (guides, errors) = crate::cli::load_guides(cli);
    let mut app = settings::app(guides, config, &env, reported, crate::dates::now())
        .map_err(|e| anyhow::anyhow!(e))?;
    app.db_label = path.display().to_string();
    app.demo_command = demo_command(&path, crate::store::default_db_path().as_deref());
    if let Some(e) = errors.first() {
        app.error(format!("A guide was skipped: {e}"));
    }
    let rt = Runtime::new(app, store);
    // No keystroke waits on another program's lock: a save that finds the
    // database busy fails at once and is retried (see `Runtime::flush`).
    rt.store
        .set_busy_timeout(Duration::from_millis(20))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    run_terminal(rt, &path)
}

/// Set by SIGTERM, SIGHUP and SIGINT: save and leave at the next turn of the loop.
fn stop_flag() -> Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for &sig in signals::STOP {
        signal_hook::flag::register(sig, Arc::clone(&flag)).context("cannot watch for signals")?;
    }
    Ok(flag)
}

/// How long quitting waits for a locked or failing database before it keeps
/// the unsaved text in a recovery file.
const QUIT_WAIT: Duration = Duration::from_secs(10);

/// Set once the terminal is given back. The panic hook and the normal exit
/// path both restore; a second "leave the alternate screen" makes terminals
/// jump the cursor back and print over the message that says where the
/// data is.
static RESTORED: AtomicBool = AtomicBool::new(false);

fn restore_terminal() {
    if RESTORED.swap(true, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste, cursor::Show);
    ratatui::restore();
}

/// Gives the terminal back for another program (the coach's editor).
fn suspend_terminal() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, cursor::Show);
    ratatui::restore();
}

/// Takes the terminal again after [`suspend_terminal`].
fn resume_terminal() {
    let _ = ratatui::crossterm::terminal::enable_raw_mode();
    let _ = execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All),
        EnableBracketedPaste
    );
}

fn run_terminal(mut rt: Runtime, db: &Path) -> Result<()> {
    let stop = stop_flag()?;
    let db_text = db.display().to_string();
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        restore_terminal();
        eprintln!(
            "innerceo stopped unexpectedly. Everything saved is in {db_text}; reopen innerceo to resume."
        );
        default_hook(info);
    }));
    let mut terminal = ratatui::try_init().context("cannot take over the terminal")?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = panic::catch_unwind(AssertUnwindSafe(|| -> Result<()> {
        let waiter = input::Waiter::new(signals::WAKE).context("cannot watch the terminal")?;
        let mut io = event_loop::TerminalIo {
            waiter,
            stop: &stop,
        };
        event_loop::event_loop(&mut terminal, &mut rt, &mut io)
    }));
    // Whatever happened, save what was typed before leaving: wait a while
    // for a lock to go, then keep what is still unsaved in a recovery file.
    let unsaved = rt.finish(QUIT_WAIT);
    restore_terminal();
    let _ = io::stdout().flush();
    match unsaved {
        Some(runtime::recovery::Unsaved::Kept { path, reason }) => bail!(
            "some of your text could not be saved ({reason}). It is kept in {}; the next start of innerceo offers to put it back.",
            path.display()
        ),
        Some(runtime::recovery::Unsaved::Lost { text, reason }) => bail!(
            "some of your text could not be saved ({reason}), nor kept in a recovery file. Here it is, to copy:\n{text}"
        ),
        None => {}
    }
    match result {
        Ok(r) => r,
        Err(_) => bail!("innerceo stopped after an internal error; everything typed was saved"),
    }
}

/// Debug builds only: with `INNERCEO_TEST_PANIC=1`, F12 panics, to test recovery.
pub(crate) fn debug_panic(ev: &event::Event) {
    if cfg!(debug_assertions)
        && std::env::var("INNERCEO_TEST_PANIC").is_ok_and(|v| v == "1")
        && let event::Event::Key(k) = ev
        && k.code == event::KeyCode::F(12)
    {
        panic!("test panic requested with F12");
    }
}

/// The demo command for the database at `path`: the bare command on the
/// default file, else with `--db` (quoted as a shell needs it), so that it
/// fills the file the app is showing.
fn demo_command(path: &Path, default: Option<&Path>) -> String {
    if default == Some(path) {
        return "innerceo demo".to_owned();
    }
    let p = crate::controls::escape(&path.display().to_string()).into_owned();
    let plain = p
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@%".contains(c));
    if plain {
        format!("innerceo --db {p} demo")
    } else {
        format!("innerceo --db '{}' demo", p.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::demo_command;
    use std::path::Path;

    #[test]
    fn the_demo_command_names_the_file_unless_it_is_the_default() {
        let default = Path::new("/home/a/.local/share/innerceo/innerceo.db");
        assert_eq!(demo_command(default, Some(default)), "innerceo demo");
        assert_eq!(
            demo_command(Path::new("/tmp/x.db"), Some(default)),
            "innerceo --db /tmp/x.db demo"
        );
        assert_eq!(
            demo_command(Path::new("/tmp/my notes/x.db"), None),
            "innerceo --db '/tmp/my notes/x.db' demo"
        );
        assert_eq!(
            demo_command(Path::new("/tmp/it's.db"), None),
            "innerceo --db '/tmp/it'\\''s.db' demo"
        );
    }
}
