//! `innerceo report`: one coachee's progress report, or the practice's,
//! to the standard output or a file.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};
use time::Date;

use super::{Cli, ReportArgs, db_path, open_store};
use crate::dates;
use crate::report::{self, Audience, Period, ReportFormat};

/// A `--since` / `--until` value: an ISO date or `today`.
fn day(option: &str, text: &str, today: Date) -> Result<Date> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("today") {
        return Ok(today);
    }
    match dates::parse_iso_date(t) {
        Some(d) => Ok(d),
        None => bail!(
            "{option} \"{}\" is not a date: write it as YYYY-MM-DD, e.g. {}",
            crate::controls::escape(t),
            dates::fmt_date(today)
        ),
    }
}

/// The format asked for, else the one the file's extension names, else md.
fn format(args: &ReportArgs) -> ReportFormat {
    args.format.unwrap_or_else(|| {
        let ext = args
            .output
            .as_deref()
            .and_then(Path::extension)
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm") => ReportFormat::Html,
            _ => ReportFormat::Md,
        }
    })
}

pub fn report(cli: &Cli, args: &ReportArgs, out: &mut dyn Write) -> Result<()> {
    let today = dates::today();
    let since = args
        .since
        .as_deref()
        .map(|s| day("--since", s, today))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|s| day("--until", s, today))
        .transpose()?;
    let period = Period::new(since, until, today)?;
    if args.names && !args.all {
        bail!("--names goes with --all, the practice report; a coachee's report names them anyway");
    }
    if args.all && args.include_private {
        bail!(
            "--include-private cannot go with --all: the practice report holds no notes; \
             leave it out"
        );
    }
    if let Some(path) = &args.output {
        if path.is_dir() {
            bail!("{} is a folder: give a file name with -o", path.display());
        }
        crate::store::check_output_target(&db_path(cli)?, path)?;
    }
    let format = format(args);
    let store = open_store(cli)?;
    let (text, what) = match &args.coachee {
        Some(name) if !args.all => {
            let coachee = crate::export::find_coachee(&store, name)?;
            let audience = if args.sponsor {
                Audience::Sponsor
            } else {
                Audience::Coachee {
                    include_private: args.include_private,
                }
            };
            let text = report::coachee_report(&store, &coachee, period, audience, format, today)?;
            let whose = if args.sponsor {
                format!("sponsor report on {}", coachee.name)
            } else {
                format!("report for {}", coachee.name)
            };
            (text, whose)
        }
        _ => (
            report::practice_report(&store, period, args.names, format, today)?,
            "practice report".to_owned(),
        ),
    };
    match &args.output {
        Some(path) => {
            if store.first_plain_export()? {
                eprintln!(
                    "Note: the database is encrypted, but reports are plain files by design. \
                     Keep them somewhere safe. (Said once.)"
                );
            }
            crate::export::write_atomic(path, text.as_bytes())?;
            let private = if args.include_private {
                ", with private notes"
            } else {
                ""
            };
            writeln!(
                out,
                "Wrote the {} ({}) to {}{private}",
                crate::controls::escape(&what),
                report::doc::period_words(period.since, period.until),
                crate::controls::escape(&path.display().to_string())
            )?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}
