//! Commands that move sessions in and out: `export`, `import`, `backup`
//! and `session show`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::{Cli, ExportArgs};
use super::{db_path, open_store};
use crate::export::{self, Format, Scope};
use crate::store::Store;

/// `innerceo session show ID`: one session as Markdown, or as JSON.
pub fn session_show(
    store: &Store,
    id: &str,
    include_private: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let e = export::collect(
        store,
        &Scope::Session(id.to_owned()),
        include_private,
        crate::dates::now(),
    )?;
    if json {
        // The documented export format: JSON escapes every control character.
        out.write_all(&export::render(&e, Format::Json)?)?;
        return Ok(());
    }
    // Markdown for a terminal: control characters shown, not obeyed.
    out.write_all(crate::controls::escape(&export::md::render(&e)).as_bytes())?;
    Ok(())
}

/// `innerceo export`.
pub fn export(cli: &Cli, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    if args.no_alarms {
        if args.format != Format::Ics {
            bail!("--no-alarms is for --format ics: the other formats have no reminders");
        }
        export::ics::without_alarms();
    }
    let scope = match (&args.session, &args.coachee) {
        (Some(id), _) => Scope::Session(id.clone()),
        (None, Some(name)) => Scope::Coachee(name.clone()),
        (None, None) => Scope::All,
    };
    // Say so before reading anything when the file cannot be written, or
    // must not be: the database itself would be replaced by the export.
    if let Some(path) = &args.output {
        check_folder(path, "-o")?;
        crate::store::check_output_target(&db_path(cli)?, path)?;
    }
    // Read-only, creating nothing beside the file; an encrypted database is
    // opened for writing, as it records that its first plain export was
    // pointed out.
    let store = if crate::store::is_encrypted(&db_path(cli)?) {
        open_store(cli)?
    } else {
        super::encryption::open_reader(cli)?
    };
    if store.first_plain_export()? {
        eprintln!(
            "Note: the database is encrypted, but exports are plain files by design. \
             Keep them somewhere safe. (Said once.)"
        );
    }
    // One snapshot for the whole export, read and written a session at a
    // time: memory stays the same whatever the number of sessions.
    let written = store.in_snapshot(|| -> Result<export::Written> {
        let src = export::Stream::new(&store, &scope, args.include_private, crate::dates::now())?;
        if let Some(path) = &args.output {
            export::write_atomic_with(path, |w| export::write(&src, args.format, w))
        } else {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut *out);
            let written = export::write(&src, args.format, &mut w)?;
            w.flush()?;
            Ok(written)
        }
    })?;
    if let Some(path) = &args.output {
        // Count what the file holds, in the format's own terms.
        let what = match args.format {
            Format::Csv => count(written.actions, "action"),
            Format::Ics => format!(
                "{} and {}",
                count(written.todos, "to-do"),
                count(written.events, "event")
            ),
            _ => count(written.sessions, "session"),
        };
        let private = if args.include_private {
            ", with private notes"
        } else {
            ""
        };
        writeln!(
            out,
            "Exported {what} to {}{private}",
            crate::controls::escape(&path.display().to_string())
        )?;
    }
    Ok(())
}

/// `innerceo import FILE`: read and written in one pass, all or nothing.
/// A database this import created is removed again when it fails, so a
/// bad file leaves nothing behind.
pub fn import(cli: &Cli, file: &Path, out: &mut dyn Write) -> Result<()> {
    // The file is at least there and readable before the database is opened.
    std::fs::File::open(file)
        .with_context(|| format!("cannot read {}; nothing was imported", file.display()))?;
    let db = db_path(cli)?;
    let created = !db.exists();
    let store = open_store(cli)?;
    match export::import::import_file(&store, file) {
        Ok(report) => {
            writeln!(out, "{report}")?;
            Ok(())
        }
        Err(e) => {
            drop(store);
            if created {
                crate::store::remove_new_database(&db);
            }
            Err(e)
        }
    }
}

/// `innerceo backup PATH`.
pub fn backup(cli: &Cli, path: &Path, force: bool, out: &mut dyn Write) -> Result<()> {
    let db = db_path(cli)?;
    if !db.exists() {
        bail!("there is no database at {} to back up", db.display());
    }
    check_folder(path, "the backup path")?;
    if path.is_dir() {
        bail!(
            "{} is a folder: give the backup a file name, e.g. {}",
            path.display(),
            path.join("innerceo-backup.db").display()
        );
    }
    crate::store::check_output_target(&db, path)?;
    if path.exists() && !force {
        bail!(
            "{} already exists: pass --force to replace it, or choose another path",
            path.display()
        );
    }
    let store = super::encryption::open_unlocked(cli, &db, 1)?;
    store.backup_to(path)?;
    writeln!(out, "Backed up {} to {}", db.display(), path.display())?;
    Ok(())
}

/// Refuses a path whose folder does not exist, naming the option it came from.
fn check_folder(path: &Path, option: &str) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!(
            "the folder {} does not exist: create it first, or choose another path for {option}",
            dir.display()
        );
    }
    Ok(())
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
