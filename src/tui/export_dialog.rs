//! Exporting the session on screen from the app: a small form (format,
//! file, private notes) and the write itself, through `crate::export`.

use crate::model::SessionId;
use crate::tui::effect::Errand;
use std::path::{Path, PathBuf};

use anyhow::Result;
use time::OffsetDateTime;

use super::effect::{Effect, SessionData};
use super::form::{Field, Form, FormField, FormKind, line_editor};
use super::msg::Env;
use super::popup::Popup;
use crate::export::{self, Format};
use crate::store::Store;

const FORMATS: [(Format, &str, &str); 5] = [
    (Format::Md, "md", "Markdown, for an email or a wiki"),
    (Format::Html, "html", "a page to read, print or save as PDF"),
    (Format::Json, "json", "everything, to import elsewhere"),
    (Format::Csv, "csv", "the actions, for a spreadsheet"),
    (
        Format::Ics,
        "ics",
        "due actions and the next session, for a calendar",
    ),
];

/// The export form's fields, in order.
const FORMAT_FIELD: usize = 0;
const FILE_FIELD: usize = 1;
const PRIVATE_FIELD: usize = 2;

/// Whether the export carries the coach's private notes: the choices of the
/// form's last field, by their position in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PrivateNotes {
    Leave,
    Include,
}

const PRIVATE_CHOICES: [(PrivateNotes, &str); 2] = [
    (PrivateNotes::Leave, "no"),
    (PrivateNotes::Include, "yes, marked as private"),
];

/// The export form for the session in `data`, proposing a file in the
/// export folder the app was given.
pub fn popup(data: &SessionData, env: &Env) -> Popup {
    let rec = &data.record;
    let slug = crate::names::slug(&rec.coachee.name);
    let date = crate::dates::fmt_date(crate::dates::local_date(rec.session.started_at));
    let path = env.export_dir.join(format!("innerceo-{slug}-{date}.md"));
    let private_options = if env.share_safe {
        // Share-safe mode never offers what it hides.
        vec![("no".to_owned(), "no (share-safe mode is on)".to_owned())]
    } else {
        PRIVATE_CHOICES
            .iter()
            .map(|(_, label)| ((*label).to_owned(), (*label).to_owned()))
            .collect()
    };
    let form = Form {
        kind: FormKind::Export {
            session_id: rec.session.id.clone(),
        },
        title: format!("Export this session of {}", rec.coachee.name),
        fields: vec![
            FormField {
                label: "Format",
                hint: "←/→ to choose",
                field: Field::Select {
                    options: FORMATS
                        .iter()
                        .map(|(_, ext, what)| ((*ext).to_owned(), format!("{ext}: {what}")))
                        .collect(),
                    index: 0,
                },
            },
            file_field(&path),
            FormField {
                label: "Private notes",
                hint: "←/→ to choose",
                field: Field::Select {
                    options: private_options,
                    index: 0,
                },
            },
        ],
        focus: 0,
        error: None,
        on_choice: Some(follow_format),
    };
    Popup::Form(Box::new(form))
}

/// The file a form writes, proposed at `path`.
pub fn file_field(path: &Path) -> FormField {
    FormField {
        label: "File",
        hint: "written readable by you only; replaced if it exists",
        field: Field::Text(Box::new(line_editor(&path.display().to_string()))),
    }
}

/// After the format changes, the file name follows it (`.md` → `.html`).
pub fn follow_format(form: &mut Form) {
    let Some(ext) = form.selected(FORMAT_FIELD) else {
        return;
    };
    let Some(FormField {
        field: Field::Text(editor),
        ..
    }) = form.fields.get_mut(FILE_FIELD)
    else {
        return;
    };
    let current = editor.lines().join("");
    let p = Path::new(&current);
    let known = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| FORMATS.iter().any(|(_, x, _)| *x == e));
    if known {
        **editor = line_editor(&p.with_extension(&ext).display().to_string());
    }
}

/// The effect of a submitted export form.
pub fn submit(form: &Form, share_safe: bool) -> Vec<Effect> {
    let FormKind::Export { session_id } = &form.kind else {
        return vec![];
    };
    let format = form
        .selected(FORMAT_FIELD)
        .and_then(|ext| FORMATS.iter().find(|(_, x, _)| *x == ext))
        .map_or(Format::Md, |(f, _, _)| *f);
    let path = PathBuf::from(form.value(FILE_FIELD));
    let private = form
        .choice(PRIVATE_FIELD)
        .and_then(|i| PRIVATE_CHOICES.get(i))
        .map(|(p, _)| *p);
    vec![Effect::Errand(Errand::Export {
        session_id: session_id.clone(),
        format,
        path,
        include_private: !share_safe && private == Some(PrivateNotes::Include),
    })]
}

/// Writes the export; the message says where, or what went wrong.
pub fn write(
    store: &Store,
    session_id: &SessionId,
    format: Format,
    path: &Path,
    include_private: bool,
    now: OffsetDateTime,
) -> Result<String> {
    if path.as_os_str().is_empty() {
        anyhow::bail!("Give the export a file name");
    }
    if let Some(db) = store.path() {
        crate::store::check_output_target(db, path)?;
    }
    let bytes = export::one_session(store, session_id, format, include_private, now)?;
    export::write_atomic(path, &bytes)?;
    let private = if include_private {
        ", with private notes"
    } else {
        ""
    };
    let plain = if store.first_plain_export()? {
        " (a plain file: the database's encryption does not cover exports)"
    } else {
        ""
    };
    Ok(format!("Exported to {}{private}{plain}", path.display()))
}
