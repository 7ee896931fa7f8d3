//! `innerceo prep`: write a coachee's preparation form, or import the
//! answers they saved from it.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, anyhow};

use super::{Cli, PrepArgs, PrepCmd, db_path, open_store};
use crate::controls::escape;
use crate::prep;

pub fn prep(cli: &Cli, args: &PrepArgs, out: &mut dyn Write) -> Result<()> {
    if let Some(PrepCmd::Import { file }) = &args.import {
        let store = open_store(cli)?;
        let said = prep::import_file(&store, file, crate::dates::now())?.message();
        writeln!(out, "{}", escape(&said))?;
        return Ok(());
    }
    let name = args
        .coachee
        .as_deref()
        .ok_or_else(|| anyhow!("say whose form it is with --coachee NAME"))?;
    let (guides, _) = super::commands::load_guides(cli);
    let wanted = match &args.guide {
        Some(g) => g.clone(),
        None => cli
            .config()?
            .default_guide
            .value
            .unwrap_or_else(|| "one-to-one".to_owned()),
    };
    let guide = guides
        .iter()
        .map(|l| &l.guide)
        .find(|g| g.id == wanted)
        .ok_or_else(|| {
            anyhow!(
                "no guide with the id \"{}\": see the ids with `innerceo guide list`",
                escape(&wanted)
            )
        })?
        .clone();
    let store = open_store(cli)?;
    let coachee = crate::export::find_coachee(&store, name)?;
    let now = crate::dates::now();
    let path = args.output.clone().unwrap_or_else(|| {
        PathBuf::from(format!(
            "prep-{}-{}.html",
            prep::slug(&coachee.name),
            crate::dates::fmt_date(crate::dates::local_date(now))
        ))
    });
    if path.is_dir() {
        anyhow::bail!("{} is a folder: give a file name with -o", path.display());
    }
    crate::store::check_output_target(&db_path(cli)?, &path)?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        anyhow::bail!(
            "the folder {} does not exist: create it first, or choose another path for -o",
            dir.display()
        );
    }
    let (form, html) = prep::build(&store, &coachee, &guide, now)?;
    crate::export::write_atomic(&path, html.as_bytes())?;
    prep::record(&store, &form, now)?;
    writeln!(
        out,
        "Wrote {}'s preparation form to {} ({}, {}). Send it to them; \
         it works in any browser, offline. Import the file it saves with `innerceo prep import FILE`.",
        escape(&coachee.name),
        escape(&path.display().to_string()),
        crate::report::doc::plural(form.actions.len(), "open action", "open actions"),
        crate::report::doc::plural(form.centers.len(), "center", "centers")
    )?;
    Ok(())
}
