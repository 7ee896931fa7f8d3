//! The coachee's preparation from the coachee page: a small form to write
//! the preparation page for them, or to import the answers they sent back,
//! and both writes, through `crate::prep`.

use crate::model::CoacheeId;
use crate::tui::effect::Errand;
use std::path::{Path, PathBuf};

use anyhow::Result;
use time::OffsetDateTime;

use super::effect::Effect;
use super::form::{Field, Form, FormField, FormKind, line_editor};
use super::msg::Env;
use super::popup::Popup;
use crate::guide::Guide;
use crate::model::Coachee;
use crate::prep;
use crate::store::Store;

const WHAT_FIELD: usize = 0;
const FILE_FIELD: usize = 1;

/// What the form is to do, as its first field chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Do {
    Write,
    Import,
}

const WHAT: [(Do, &str); 2] = [
    (
        Do::Write,
        "write the form: a page they fill in any browser, offline",
    ),
    (Do::Import, "import their answers: the file the page saved"),
];

fn chosen(form: &Form) -> Do {
    form.choice(WHAT_FIELD)
        .and_then(|i| WHAT.get(i))
        .map_or(Do::Write, |(d, _)| *d)
}

fn page_name(c: &Coachee, env: &Env) -> PathBuf {
    env.export_dir.join(format!(
        "prep-{}-{}.html",
        prep::slug(&c.name),
        crate::dates::fmt_date(env.today)
    ))
}

/// The form, proposing a page in the export folder.
pub fn popup(coachee: &Coachee, env: &Env) -> Popup {
    let form = Form {
        kind: FormKind::Prep {
            coachee_id: coachee.id.clone(),
        },
        title: format!("{}'s preparation for the next session", coachee.name),
        fields: vec![
            FormField {
                label: "Do",
                hint: "←/→ to choose",
                field: Field::Select {
                    options: WHAT
                        .iter()
                        .map(|(_, what)| ((*what).to_owned(), (*what).to_owned()))
                        .collect(),
                    index: 0,
                },
            },
            FormField {
                label: "File",
                hint: "the page to write, or the answers to import",
                field: Field::Text(Box::new(line_editor(
                    &page_name(coachee, env).display().to_string(),
                ))),
            },
        ],
        focus: 0,
        error: None,
        on_choice: Some(follow_choice),
    };
    Popup::Form(Box::new(form))
}

/// Importing proposes the answers' name in the same folder (the page saves
/// `prep-NAME-DATE.json`), writing the page's.
fn follow_choice(form: &mut Form) {
    let import = chosen(form) == Do::Import;
    if let Some(FormField {
        field: Field::Text(editor),
        ..
    }) = form.fields.get_mut(FILE_FIELD)
    {
        let current = editor.lines().join("");
        let p = Path::new(&current);
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or_default();
        let ours = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("prep-"));
        if ours && matches!(ext, "html" | "json") {
            let new = p.with_extension(if import { "json" } else { "html" });
            **editor = line_editor(&new.display().to_string());
        }
    }
}

pub fn check(form: &Form) -> Result<(), String> {
    if form.value(FILE_FIELD).is_empty() {
        return Err("Give a file name".to_owned());
    }
    Ok(())
}

/// The effect of the submitted form; the page asks the Six Centers
/// questions of `guide`.
pub fn submit(form: &Form, guide: Option<&Guide>) -> Vec<Effect> {
    let FormKind::Prep { coachee_id } = &form.kind else {
        return vec![];
    };
    let path = PathBuf::from(form.value(FILE_FIELD));
    if chosen(form) == Do::Import {
        return vec![Effect::Errand(Errand::PrepImport { path })];
    }
    match guide {
        Some(g) => vec![Effect::Errand(Errand::PrepWrite {
            coachee_id: coachee_id.clone(),
            guide: Box::new(g.clone()),
            path,
        })],
        None => vec![],
    }
}

/// Writes the page; the message says where and what to do next.
pub fn write(
    store: &Store,
    coachee_id: &CoacheeId,
    guide: &Guide,
    path: &Path,
    now: OffsetDateTime,
) -> Result<String> {
    if let Some(db) = store.path() {
        crate::store::check_output_target(db, path)?;
    }
    let coachee = store.coachee(coachee_id)?;
    let (form, html) = prep::build(store, &coachee, guide, now)?;
    crate::export::write_atomic(path, html.as_bytes())?;
    prep::record(store, &form, now)?;
    Ok(format!(
        "Preparation form written to {}: send it to {}",
        path.display(),
        coachee.name
    ))
}

/// Imports the answers; the message says what changed.
pub fn import(store: &Store, path: &Path, now: OffsetDateTime) -> Result<String> {
    Ok(prep::import_file(store, path, now)?.message())
}
