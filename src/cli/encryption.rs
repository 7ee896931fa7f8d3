//! Encryption at rest from the command line: unlocking an encrypted database,
//! and `encrypt`, `decrypt`, `rekey`.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};

use super::Cli;
use super::db_path;
use crate::secret::{self, Passphrase};
use crate::store::{self, Counts, Store, StoreError};

/// The passphrase for `path`: from `--passphrase-file`, else asked.
fn current_passphrase(cli: &Cli, path: &Path) -> Result<Passphrase> {
    match &cli.passphrase_file {
        Some(f) => secret::read_passphrase_file(f),
        None => secret::prompt(&format!("Passphrase for {}: ", path.display())),
    }
}

/// Opens the database, asking for its passphrase when it is encrypted (up to
/// `tries` times when typed; a passphrase file is read once).
pub fn open_unlocked(cli: &Cli, path: &Path, tries: u32) -> Result<Store> {
    open_as(cli, path, tries, false)
}

/// Opens the database for a command that only reads: read-only, on one
/// connection, creating nothing beside the file (see `Store::open_read_only`).
pub fn open_reader(cli: &Cli) -> Result<Store> {
    open_as(cli, &db_path(cli)?, 1, true)
}

fn open_as(cli: &Cli, path: &Path, tries: u32, read_only: bool) -> Result<Store> {
    let open = |key: Option<&str>| {
        if read_only {
            Store::open_read_only(path, key)
        } else {
            Store::open_with_key(path, key)
        }
    };
    if !store::is_encrypted(path) {
        return Ok(open(None)?);
    }
    let tries = if cli.passphrase_file.is_some() {
        1
    } else {
        tries.max(1)
    };
    for attempt in 1..=tries {
        let pass = current_passphrase(cli, path)?;
        match open(Some(pass.expose())) {
            Ok(s) => return Ok(s),
            Err(StoreError::WrongPassphrase { .. }) if attempt < tries => {
                eprintln!("Wrong passphrase ({attempt} of {tries} tries). Try again.");
            }
            Err(e) => return Err(e.into()),
        }
    }
    bail!(
        "wrong passphrase for {}: nothing was changed",
        path.display()
    )
}

fn report(out: &mut dyn Write, what: &str, path: &Path, c: &Counts) -> Result<()> {
    writeln!(
        out,
        "{what} {}: {}, {}, {} checked after the change.",
        path.display(),
        crate::report::doc::plural(c.coachees, "coachee", "coachees"),
        crate::report::doc::plural(c.sessions, "session", "sessions"),
        crate::report::doc::plural(c.actions, "action", "actions")
    )?;
    Ok(())
}

pub fn encrypt(cli: &Cli, out: &mut dyn Write) -> Result<()> {
    let path = db_path(cli)?;
    if store::is_encrypted(&path) {
        bail!(
            "{} is already encrypted: use `innerceo rekey` to change its passphrase",
            path.display()
        );
    }
    // Open first: a missing, foreign or damaged file is refused before asking.
    drop(Store::open(&path)?);
    let new = match &cli.passphrase_file {
        Some(f) => secret::read_passphrase_file(f)?,
        None => secret::prompt_new()?,
    };
    let counts = store::convert_encryption(&path, None, Some(new.expose()))?;
    report(out, "Encrypted", &path, &counts)?;
    writeln!(
        out,
        "Keep the passphrase safe: it cannot be recovered, and without it the notes cannot be read."
    )?;
    Ok(())
}

pub fn decrypt(cli: &Cli, out: &mut dyn Write) -> Result<()> {
    let path = db_path(cli)?;
    if !store::is_encrypted(&path) {
        bail!("{} is not encrypted: nothing to decrypt", path.display());
    }
    let old = current_passphrase(cli, &path)?;
    let counts = store::convert_encryption(&path, Some(old.expose()), None)?;
    report(out, "Decrypted", &path, &counts)?;
    writeln!(
        out,
        "The file is plain SQLite again: anyone who can read it can read the notes."
    )?;
    Ok(())
}

pub fn rekey(cli: &Cli, new_file: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    let path = db_path(cli)?;
    if !store::is_encrypted(&path) {
        bail!(
            "{} is not encrypted: use `innerceo encrypt` to set a passphrase",
            path.display()
        );
    }
    let old = current_passphrase(cli, &path)?;
    // Check the old passphrase before asking for a new one.
    drop(Store::open_with_key(&path, Some(old.expose()))?);
    let new = match new_file {
        Some(f) => secret::read_passphrase_file(f)?,
        None => secret::prompt_new()?,
    };
    let counts = store::convert_encryption(&path, Some(old.expose()), Some(new.expose()))?;
    report(out, "Changed the passphrase of", &path, &counts)?;
    Ok(())
}
