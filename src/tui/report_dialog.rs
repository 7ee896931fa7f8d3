//! Writing a coachee's progress report from the coachee page: a small form
//! (for whom, format, from which day, file, private notes) and the write
//! itself, through `crate::report`.

use crate::model::CoacheeId;
use crate::tui::effect::Errand;
use std::path::{Path, PathBuf};

use anyhow::Result;
use time::Date;

use super::effect::Effect;
use super::form::{Field, Form, FormField, FormKind, line_editor};
use super::msg::Env;
use super::popup::Popup;
use crate::model::Coachee;
use crate::report::{self, Audience, Period, ReportFormat};
use crate::store::Store;

const FOR_FIELD: usize = 0;
const FORMAT_FIELD: usize = 1;
const SINCE_FIELD: usize = 2;
const FILE_FIELD: usize = 3;
const PRIVATE_FIELD: usize = 4;

/// Whom the report is for, as the form's first field chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    Coachee,
    Sponsor,
}

impl Reader {
    /// How the file names this form proposes begin.
    fn file_prefix(self) -> &'static str {
        match self {
            Reader::Coachee => "innerceo-report-",
            Reader::Sponsor => "innerceo-sponsor-report-",
        }
    }
}

const AUDIENCES: [(Reader, &str); 2] = [
    (Reader::Coachee, "the coachee: answers, insights, actions"),
    (
        Reader::Sponsor,
        "a sponsor: dates, counts, scores, pathway; no text",
    ),
];

/// The id of the "Private notes" option that puts them in.
const INCLUDE: &str = "yes";

fn reader(form: &Form) -> Reader {
    form.choice(FOR_FIELD)
        .and_then(|i| AUDIENCES.get(i))
        .map_or(Reader::Coachee, |(r, _)| *r)
}
const FORMATS: [(ReportFormat, &str); 2] = [
    (ReportFormat::Md, "md: Markdown, for an email or a wiki"),
    (
        ReportFormat::Html,
        "html: a page to read, print or save as PDF",
    ),
];

fn private_options(reader: Reader, share_safe: bool) -> Vec<(String, String)> {
    let only_no = |why: &str| vec![("no".to_owned(), format!("no ({why})"))];
    if reader == Reader::Sponsor {
        only_no("never in a sponsor report")
    } else if share_safe {
        only_no("share-safe mode is on")
    } else {
        vec![
            ("no".to_owned(), "no".to_owned()),
            (INCLUDE.to_owned(), "yes, marked as private".to_owned()),
        ]
    }
}

fn file_name(c: &Coachee, reader: Reader, ext: &str, today: Date) -> String {
    format!(
        "{}{}-{}.{ext}",
        reader.file_prefix(),
        crate::names::slug(&c.name),
        crate::dates::fmt_date(today)
    )
}

/// The report form for `coachee`, proposing a file in the export folder.
pub fn popup(coachee: &Coachee, env: &Env) -> Popup {
    let path = env
        .export_dir
        .join(file_name(coachee, Reader::Coachee, "md", env.today));
    let form = Form {
        kind: FormKind::Report {
            coachee_id: coachee.id.clone(),
            share_safe: env.share_safe,
        },
        title: format!("Progress report on {}", coachee.name),
        fields: vec![
            FormField {
                label: "For",
                hint: "←/→ to choose",
                field: Field::Select {
                    options: AUDIENCES
                        .iter()
                        .map(|(_, what)| ((*what).to_owned(), (*what).to_owned()))
                        .collect(),
                    index: 0,
                },
            },
            FormField {
                label: "Format",
                hint: "←/→ to choose",
                field: Field::Select {
                    options: FORMATS
                        .iter()
                        .map(|(f, what)| (f.extension().to_owned(), (*what).to_owned()))
                        .collect(),
                    index: 0,
                },
            },
            FormField {
                label: "From",
                hint: "first day, YYYY-MM-DD; empty for every session",
                field: Field::Text(Box::new(line_editor(""))),
            },
            super::export_dialog::file_field(&path),
            FormField {
                label: "Private notes",
                hint: "←/→ to choose",
                field: Field::Select {
                    options: private_options(Reader::Coachee, env.share_safe),
                    index: 0,
                },
            },
        ],
        focus: 0,
        error: None,
        on_choice: Some(follow_choices),
    };
    Popup::Form(Box::new(form))
}

/// After a choice changes: the file name follows the format and the
/// audience, and a sponsor report offers no private notes.
fn follow_choices(form: &mut Form) {
    let reader = reader(form);
    let ext = form.selected(FORMAT_FIELD).unwrap_or_default();
    let share_safe = matches!(
        form.kind,
        FormKind::Report {
            share_safe: true,
            ..
        }
    );
    if let Some(FormField {
        field: Field::Select { options, index },
        ..
    }) = form.fields.get_mut(PRIVATE_FIELD)
    {
        let fresh = private_options(reader, share_safe);
        if *options != fresh {
            *options = fresh;
            *index = 0;
        }
    }
    if let Some(FormField {
        field: Field::Text(editor),
        ..
    }) = form.fields.get_mut(FILE_FIELD)
    {
        let current = editor.lines().join("");
        let p = Path::new(&current);
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        // Only a name this form proposed is renamed; a typed one is kept.
        let rest = [Reader::Sponsor, Reader::Coachee]
            .iter()
            .find_map(|r| name.strip_prefix(r.file_prefix()));
        if let Some(rest) = rest {
            let stem = Path::new(rest)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let new = p.with_file_name(format!("{}{stem}.{ext}", reader.file_prefix()));
            **editor = line_editor(&new.display().to_string());
        }
    }
}

/// Refuses a form that cannot be written: no file, or a first day that is
/// not a date.
pub fn check(form: &Form) -> Result<(), String> {
    since(form)?;
    if form.value(FILE_FIELD).is_empty() {
        return Err("Give the report a file name".to_owned());
    }
    Ok(())
}

fn since(form: &Form) -> Result<Option<Date>, String> {
    let text = form.value(SINCE_FIELD);
    if text.is_empty() {
        return Ok(None);
    }
    crate::dates::parse_iso_date(&text)
        .map(Some)
        .ok_or_else(|| {
            format!(
                "\"{text}\" is not a date: write the first day as YYYY-MM-DD, or leave it empty"
            )
        })
}

/// The effect of a submitted report form.
pub fn submit(form: &Form, share_safe: bool) -> Vec<Effect> {
    let FormKind::Report { coachee_id, .. } = &form.kind else {
        return vec![];
    };
    let Ok(since) = since(form) else {
        return vec![];
    };
    let format = form
        .selected(FORMAT_FIELD)
        .and_then(|ext| FORMATS.iter().find(|(f, _)| f.extension() == ext))
        .map_or(ReportFormat::Md, |(f, _)| *f);
    let include_private = !share_safe && form.selected(PRIVATE_FIELD).as_deref() == Some(INCLUDE);
    let audience = match reader(form) {
        Reader::Sponsor => Audience::Sponsor,
        Reader::Coachee => Audience::Coachee { include_private },
    };
    vec![Effect::Errand(Errand::Report {
        coachee_id: coachee_id.clone(),
        audience,
        format,
        since,
        path: PathBuf::from(form.value(FILE_FIELD)),
    })]
}

/// Writes the report; the message says where, or what went wrong.
pub fn write(
    store: &Store,
    coachee_id: &CoacheeId,
    (audience, format, since): (Audience, ReportFormat, Option<Date>),
    path: &Path,
    today: Date,
) -> Result<String> {
    if let Some(db) = store.path() {
        crate::store::check_output_target(db, path)?;
    }
    let coachee = store.coachee(coachee_id)?;
    let period = Period::new(since, None, today)?;
    let text = report::coachee_report(store, &coachee, period, audience, format, today)?;
    crate::export::write_atomic(path, text.as_bytes())?;
    let what = if audience.is_sponsor() {
        "Sponsor report"
    } else {
        "Report"
    };
    let private = if audience.includes_private() {
        ", with private notes"
    } else {
        ""
    };
    let plain = if store.first_plain_export()? {
        " (a plain file: the database's encryption does not cover reports)"
    } else {
        ""
    };
    Ok(format!(
        "{what} written to {}{private}{plain}",
        path.display()
    ))
}
