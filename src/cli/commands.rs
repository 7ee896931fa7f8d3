//! What each subcommand does: open the store, run, print.

use crate::report::doc::plural;
use std::io::Write;

use anyhow::{Context, Result, anyhow};
use serde_json::json;

use super::table;
use super::{Cli, CoacheeCmd, Command, GuideCmd, SessionCmd, db_path, open_store, short_id};
use crate::dates::{self, fmt_datetime};
use crate::guide::{self, GuideSource};
use crate::store::Store;

/// Runs a subcommand, writing its output to `out`.
pub fn run_command(cli: &Cli, command: &Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Coachee(CoacheeCmd::Add { name, role, every }) => {
            let rhythm = every.as_deref().map(dates::parse_rhythm).transpose()?;
            let store = open_store(cli)?;
            let c = store.in_transaction(|s| {
                let c = s.add_coachee(name, role)?;
                s.set_coachee_rhythm(&c.id, rhythm.flatten())?;
                Ok(c)
            })?;
            writeln!(
                out,
                "Added {} ({})",
                crate::controls::escape(&c.name),
                short_id(&c.id)
            )?;
        }
        Command::Coachee(CoacheeCmd::Set {
            name,
            every,
            role,
            new_name,
        }) => {
            let rhythm = every.as_deref().map(dates::parse_rhythm).transpose()?;
            if rhythm.is_none() && role.is_none() && new_name.is_none() {
                anyhow::bail!("say what to set: --every, --role or --name");
            }
            let store = open_store(cli)?;
            let c = crate::export::find_coachee(&store, name)?;
            store.in_transaction(|s| {
                if let Some(r) = rhythm {
                    s.set_coachee_rhythm(&c.id, r)?;
                }
                if let Some(role) = role {
                    s.set_coachee_role(&c.id, role)?;
                }
                if let Some(n) = new_name {
                    s.rename_coachee(&c.id, n)?;
                }
                Ok(())
            })?;
            let c = store.coachee(&c.id)?;
            writeln!(
                out,
                "{}: {}, {}",
                crate::controls::escape(&c.name),
                if c.role.is_empty() {
                    "no role".to_owned()
                } else {
                    crate::controls::escape(&c.role).into_owned()
                },
                dates::fmt_rhythm(c.rhythm_days)
            )?;
        }
        Command::Due { within, json } => {
            let within = dates::parse_window(within)?;
            let store = super::encryption::open_reader(cli)?;
            super::due::due(&store, within, *json, dates::today(), out)?;
        }
        Command::Coachee(CoacheeCmd::List { json, all }) => {
            let store = super::encryption::open_reader(cli)?;
            coachee_list(&store, *json, *all, out)?;
        }
        Command::Coachee(CoacheeCmd::Delete { name, yes }) => {
            let store = open_store(cli)?;
            let (c, how) = crate::export::find_coachee_as(&store, name)?;
            if !*yes {
                confirm_name(&c.name)?;
            } else if how == crate::names::How::Prefix {
                // Without a question to answer, a name cut short could
                // erase the wrong person for good: scripts give it whole.
                return Err(anyhow!(
                    "\"{}\" is only the start of {}'s name, so nothing was deleted: with --yes, give the whole name or the id",
                    name.trim(),
                    c.name
                ));
            }
            let erased = store.delete_coachee(&c.id)?;
            writeln!(
                out,
                "{}",
                crate::controls::escape(&crate::tui::runtime::disposal::erased_message(&erased))
            )?;
        }
        Command::Session(SessionCmd::List { coachee, json }) => {
            let store = super::encryption::open_reader(cli)?;
            session_list(&store, coachee.as_deref(), *json, out)?;
        }
        Command::Session(SessionCmd::Show {
            id,
            include_private,
            json,
        }) => {
            let store = super::encryption::open_reader(cli)?;
            super::share::session_show(&store, id, *include_private, *json, out)?;
        }
        Command::Actions(args) => {
            let store = super::encryption::open_reader(cli)?;
            super::find::actions(&store, args, out)?;
        }
        Command::Search(args) => {
            let store = super::encryption::open_reader(cli)?;
            super::find::search(&store, args, out)?;
        }
        Command::Export(args) => super::share::export(cli, args, out)?,
        Command::Report(args) => super::report::report(cli, args, out)?,
        Command::Prep(args) => super::prep::prep(cli, args, out)?,
        Command::Import { file } => super::share::import(cli, file, out)?,
        Command::Backup { path, force } => super::share::backup(cli, path, *force, out)?,
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut cmd, "innerceo", out);
        }
        Command::Config(cmd) => {
            let config = cli.config()?;
            match cmd {
                super::ConfigCmd::Show => write!(out, "{}", config.show())?,
                super::ConfigCmd::Path => match &config.path {
                    Some(p) => {
                        writeln!(out, "{}", crate::controls::escape(&p.display().to_string()))?;
                    }
                    None => anyhow::bail!("this system has no config folder: use --config PATH"),
                },
            }
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(out)?;
        }
        Command::Guide(cmd) => guide_command(cli, cmd, out)?,
        Command::Encrypt => super::encryption::encrypt(cli, out)?,
        Command::Decrypt => super::encryption::decrypt(cli, out)?,
        Command::Rekey {
            new_passphrase_file,
        } => super::encryption::rekey(cli, new_passphrase_file.as_deref(), out)?,
        Command::Demo(args) => {
            let store = open_store(cli)?;
            let before = store.counts()?;
            crate::demo::generate(
                &store,
                &crate::demo::DemoOptions {
                    coachees: args.coachees,
                    sessions: args.sessions,
                    seed: args.seed,
                },
            )?;
            // Say what the database gained: a second run with the same seed
            // adds nothing, and says so.
            let after = store.counts()?;
            let path = db_path(cli)?;
            if after == before {
                writeln!(
                    out,
                    "Nothing added: {} already holds this demo data (another --seed makes new data)",
                    crate::controls::escape(&path.display().to_string())
                )?;
            } else {
                writeln!(
                    out,
                    "Added {}, {} and {} to {}",
                    plural(after.coachees - before.coachees, "coachee", "coachees"),
                    plural(after.sessions - before.sessions, "session", "sessions"),
                    plural(after.actions - before.actions, "action", "actions"),
                    crate::controls::escape(&path.display().to_string())
                )?;
            }
            // The command to see it, with the same database as this one.
            let open = if cli.db.is_some() {
                format!("innerceo --db {}", shell_quote(&path.display().to_string()))
            } else {
                "innerceo".to_owned()
            };
            writeln!(out, "Open them with: {}", crate::controls::escape(&open))?;
        }
    }
    Ok(())
}

/// `s` as one shell word: quoted when it holds anything a shell would split.
fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "/._-+=:@%".contains(c))
    {
        return s.to_owned();
    }
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn coachee_list(store: &Store, json: bool, all: bool, out: &mut dyn Write) -> Result<()> {
    let rows = store.coachee_summaries(dates::today(), all)?;
    if json {
        let items: Vec<_> = rows
            .iter()
            .map(|s| {
                json!({
                    "id": s.coachee.id,
                    "name": s.coachee.name,
                    "role": s.coachee.role,
                    "archived": s.coachee.archived,
                    "sessions": s.sessions,
                    "open_actions": s.open_actions,
                    "overdue_actions": s.overdue_actions,
                    "last_session": s.last_session.map(rfc3339),
                    "unfinished_session": s.unfinished_session,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(
            out,
            "No coachees yet. Add one with: innerceo coachee add NAME --role ROLE\n(or load sample data with: innerceo demo)"
        )?;
        return Ok(());
    }
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|s| {
            let mut name = s.coachee.name.clone();
            if s.unfinished_session.is_some() {
                name.push_str(" *");
            }
            if s.coachee.archived {
                name.push_str(" (archived)");
            }
            vec![
                name,
                s.coachee.role.clone(),
                s.sessions.to_string(),
                s.open_actions.to_string(),
                s.overdue_actions.to_string(),
                s.last_session
                    .map_or_else(|| "-".into(), |t| dates::fmt_date(dates::local_date(t))),
            ]
        })
        .collect();
    let t = table::render(
        &[
            "NAME",
            "ROLE",
            "SESSIONS",
            "OPEN",
            "OVERDUE",
            "LAST SESSION",
        ],
        &body,
        40,
    );
    write!(out, "{t}")?;
    if rows.iter().any(|s| s.unfinished_session.is_some()) {
        writeln!(out, "* has an unfinished session")?;
    }
    Ok(())
}

/// The columns of `session list`, and the widest a cell is shown.
const SESSION_HEADER: [&str; 6] = ["ID", "COACHEE", "GUIDE", "STARTED", "STATUS", "CHOICE"];
const SESSION_CELL_MAX: usize = 32;

/// `session list`: each row printed as it is read, never all of them
/// held; the table reads them twice (widths, then rows), on one snapshot.
fn session_list(
    store: &Store,
    coachee: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let coachee_id = match coachee {
        Some(name) => Some(crate::export::find_coachee(store, name)?.id),
        None => None,
    };
    let coachee_id = coachee_id.as_ref();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    store.in_snapshot(|| -> Result<()> {
        if json {
            let mut ser = serde_json::Serializer::pretty(&mut out);
            let mut seq = serde::Serializer::serialize_seq(&mut ser, None)?;
            store.each_session_summary(coachee_id, &mut |s| -> Result<()> {
                let row = json!({
                    "id": s.id,
                    "coachee": s.coachee_name,
                    "coachee_id": s.coachee_id,
                    "guide": s.guide_id,
                    "guide_title": s.guide_title,
                    "started_at": rfc3339(s.started_at),
                    "ended_at": s.ended_at.map(rfc3339),
                    "status": s.status.as_str(),
                    "seconds": s.seconds,
                    "choice": s.choice,
                    "key_insight": s.key_insight,
                    "actions": s.actions,
                });
                Ok(serde::ser::SerializeSeq::serialize_element(&mut seq, &row)?)
            })?;
            serde::ser::SerializeSeq::end(seq)?;
            writeln!(out)?;
            return Ok(());
        }
        let cells = |s: &crate::model::SessionSummary| {
            vec![
                short_id(&s.id).to_owned(),
                s.coachee_name.clone(),
                s.guide_title.clone(),
                fmt_datetime(s.started_at),
                s.status.as_str().to_owned(),
                s.choice.clone().unwrap_or_default(),
            ]
        };
        let mut widths = table::widths(&SESSION_HEADER);
        let mut any = false;
        store.each_session_summary(coachee_id, &mut |s| -> Result<()> {
            table::measure(&mut widths, &cells(&s), SESSION_CELL_MAX);
            any = true;
            Ok(())
        })?;
        if !any {
            writeln!(out, "No sessions yet. Start one in the app: innerceo")?;
            return Ok(());
        }
        let header: Vec<String> = SESSION_HEADER.iter().map(|h| (*h).to_owned()).collect();
        out.write_all(table::line(&header, &widths, SESSION_CELL_MAX).as_bytes())?;
        store.each_session_summary(coachee_id, &mut |s| -> Result<()> {
            Ok(out.write_all(table::line(&cells(&s), &widths, SESSION_CELL_MAX).as_bytes())?)
        })
    })?;
    out.flush()?;
    Ok(())
}

fn guide_command(cli: &Cli, cmd: &GuideCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        GuideCmd::Check { file } => {
            let g = guide::parse_guide_file(file)?;
            writeln!(
                out,
                "{}: OK: \"{}\" ({}), {} stages, {} min",
                file.display(),
                crate::controls::escape(&g.title),
                crate::controls::escape(&g.id),
                g.stages.len(),
                g.total_timebox()
            )?;
            same_id_elsewhere(cli, file, &g.id);
        }
        GuideCmd::List { json } => {
            let (guides, errors) = load_guides(cli);
            let builtin: Vec<String> = guide::builtin_guides().into_iter().map(|g| g.id).collect();
            if *json {
                let items: Vec<_> = guides
                    .iter()
                    .map(|l| {
                        let file = match &l.source {
                            GuideSource::Builtin => None,
                            GuideSource::User(p) => Some(p.display().to_string()),
                        };
                        json!({
                            "id": l.guide.id,
                            "title": l.guide.title,
                            "stages": l.guide.stages.len(),
                            "minutes": l.guide.total_timebox(),
                            "builtin": file.is_none(),
                            "file": file,
                            "replaces_builtin": file.is_some() && builtin.contains(&l.guide.id),
                        })
                    })
                    .collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
                skipped(&errors);
                return Ok(());
            }
            let body: Vec<Vec<String>> = guides
                .iter()
                .map(|l| {
                    vec![
                        l.guide.id.clone(),
                        l.guide.title.clone(),
                        l.guide.stages.len().to_string(),
                        format!("{} min", l.guide.total_timebox()),
                        match &l.source {
                            GuideSource::Builtin => "built-in".to_owned(),
                            // Never silently: the shipped guide of that id is gone from the list.
                            GuideSource::User(p) if builtin.contains(&l.guide.id) => {
                                format!("{} (yours, replaces the built-in)", p.display())
                            }
                            GuideSource::User(p) => p.display().to_string(),
                        },
                    ]
                })
                .collect();
            let t = table::render(&["ID", "TITLE", "STAGES", "TIME", "SOURCE"], &body, 100);
            write!(out, "{t}")?;
            skipped(&errors);
        }
        GuideCmd::Show { id } => {
            let (guides, _) = load_guides(cli);
            let g = guides.iter().find(|l| l.guide.id == *id).with_context(|| {
                let ids: Vec<_> = guides.iter().map(|l| l.guide.id.as_str()).collect();
                format!(
                    "no guide with id \"{id}\": the guides are {}",
                    ids.join(", ")
                )
            })?;
            // A user's guide may hold any text: nothing raw to the terminal.
            write!(out, "{}", crate::controls::escape(&g.guide.to_toml()))?;
        }
    }
    Ok(())
}

/// Says on stderr which guide files could not be used, and why.
fn skipped(errors: &[guide::GuideError]) {
    for e in errors {
        let message = e.to_string();
        eprintln!(
            "innerceo: skipped a guide: {}",
            crate::controls::escape(&message)
        );
    }
}

/// For `guide check`: says on stderr when the checked file shares its id
/// with a built-in guide (it would replace it) or with another of the
/// user's guide files (only one of them can be used), naming both files.
fn same_id_elsewhere(cli: &Cli, file: &std::path::Path, id: &str) {
    let same = |p: &std::path::Path| match (p.canonicalize(), file.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => p == file,
    };
    if guide::builtin_guides().iter().any(|g| g.id == id) {
        eprintln!(
            "note: {} has the id of a built-in guide, \"{}\": it replaces the built-in one",
            file.display(),
            crate::controls::escape(id)
        );
    }
    let dir = guide::user_guides_dir();
    for other in guide::user_guide_files(dir.as_deref(), &cli.guide)
        .iter()
        .filter(|p| !same(p))
    {
        if guide::parse_guide_file(other).is_ok_and(|g| g.id == id) {
            eprintln!(
                "note: {} and {} both have the id \"{}\": only one of them can be used; give one another id",
                file.display(),
                other.display(),
                crate::controls::escape(id)
            );
        }
    }
}

/// Every guide the user can pick, and the files that failed to load.
pub fn load_guides(cli: &Cli) -> (Vec<guide::LoadedGuide>, Vec<guide::GuideError>) {
    let dir = guide::user_guides_dir();
    guide::load_all(dir.as_deref(), &cli.guide)
}

pub(super) fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Asks on the terminal for the coachee's name before deleting them; any
/// other answer (or no terminal to ask on) changes nothing.
fn confirm_name(name: &str) -> Result<()> {
    use std::io::{BufRead, IsTerminal};
    let shown = crate::controls::escape(name);
    if !std::io::stdin().is_terminal() {
        return Err(anyhow!(
            "deleting {shown} needs a confirmation: run it in a terminal to type the name, or add --yes"
        ));
    }
    eprint!("This deletes {shown} and everything about them, for good. Type the name to confirm: ");
    let mut typed = String::new();
    std::io::stdin().lock().read_line(&mut typed)?;
    if crate::names::same_name(&typed, name) {
        Ok(())
    } else {
        Err(anyhow!(
            "the name typed was not {shown}: nothing was deleted"
        ))
    }
}
