//! Progress reports over an engagement: one coachee's (for them, or for a
//! sponsor who must not read the conversations) and the practice's across
//! every active coachee, in Markdown or HTML.
//!
//! The figures are computed once (`figures`, `practice`) from the store and
//! then rendered; a sponsor report is built from figures that never held
//! the confidential text (`Audience::Sponsor` drops it while gathering), so
//! no renderer can leak it by mistake.

pub mod doc;
pub mod figures;
mod html;
mod md;
pub mod practice;

use anyhow::{Result, bail};
use time::Date;

use crate::model::Coachee;
use crate::store::Store;

/// Who the report is for, which decides what text it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The coachee (and the coach): answers, insights, commitments and
    /// action texts; private notes only when asked for.
    Coachee { include_private: bool },
    /// The sponsor: dates, counts, scores, statuses and the pathway only.
    Sponsor,
}

impl Audience {
    pub fn is_sponsor(self) -> bool {
        self == Audience::Sponsor
    }

    pub fn includes_private(self) -> bool {
        matches!(
            self,
            Audience::Coachee {
                include_private: true
            }
        )
    }
}

/// The formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown (CommonMark), for an email or a wiki
    Md,
    /// One self-contained HTML page, to read on screen or print
    Html,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
        }
    }
}

/// The days a report covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub since: Option<Date>,
    pub until: Date,
}

impl Period {
    /// The period from the typed bounds; `until` defaults to `today`.
    pub fn new(since: Option<Date>, until: Option<Date>, today: Date) -> Result<Self> {
        let until = until.unwrap_or(today);
        if let Some(s) = since
            && s > until
        {
            bail!(
                "--since {} is after --until {}: give the earlier date first",
                crate::dates::fmt_date(s),
                crate::dates::fmt_date(until)
            );
        }
        Ok(Period { since, until })
    }

    pub fn contains(&self, d: Date) -> bool {
        self.since.is_none_or(|s| d >= s) && d <= self.until
    }
}

/// One coachee's report as text in `format`.
pub fn coachee_report(
    store: &Store,
    coachee: &Coachee,
    period: Period,
    audience: Audience,
    format: ReportFormat,
    today: Date,
) -> Result<String> {
    let r = figures::gather(store, coachee, period, audience, today)?;
    let d = doc::coachee(&r);
    let text = match format {
        ReportFormat::Md => md::render(&d),
        ReportFormat::Html => html::render(&d),
    };
    // A document for people: no control character from user text.
    Ok(crate::controls::strip(&text).into_owned())
}

/// The practice's report across active coachees, names only when asked.
pub fn practice_report(
    store: &Store,
    period: Period,
    names: bool,
    format: ReportFormat,
    today: Date,
) -> Result<String> {
    let p = practice::gather(store, period, names, today)?;
    let d = doc::practice(&p);
    let text = match format {
        ReportFormat::Md => md::render(&d),
        ReportFormat::Html => html::render(&d),
    };
    Ok(crate::controls::strip(&text).into_owned())
}
