//! Setting or changing a goal in a session's goals stage: its words, the
//! Six Center it moves with the score aimed for, a date, and whether a
//! sponsor's report may name it.

use time::{Date, OffsetDateTime};

use super::effect::Effect;
use super::form::{Field, Form, FormField, FormKind, line_editor};
use crate::dates;
use crate::guide::Scale;
use crate::model::Goal;

pub const TEXT: usize = 0;
pub const CENTER: usize = 1;
pub const AIM: usize = 2;
pub const BY: usize = 3;
pub const SEEN: usize = 4;

/// What the form says, read and checked.
pub struct GoalFields {
    pub text: String,
    pub center: Option<String>,
    pub target: Option<i64>,
    pub target_date: Option<Date>,
    pub shareable: bool,
}

/// The form for goal `index` of the session (`None`: a new one), offering
/// `centers` (id, label) rated on `scale`; `coachee` when it is set from
/// their page, between sessions.
pub fn form(
    index: Option<usize>,
    goal: Option<&Goal>,
    centers: &[(String, String)],
    scale: Scale,
    coachee: Option<&str>,
) -> Form {
    let mut options = vec![(String::new(), "none".to_owned())];
    options.extend(centers.iter().cloned());
    let center = goal
        .and_then(|g| g.center.as_deref())
        .and_then(|c| options.iter().position(|(id, _)| id == c))
        .unwrap_or(0);
    let text = goal.map_or("", |g| g.text.as_str());
    let aim = goal
        .and_then(|g| g.target)
        .map(|t| t.to_string())
        .unwrap_or_default();
    let by = goal
        .and_then(|g| g.target_date)
        .map(dates::fmt_date)
        .unwrap_or_default();
    let shareable = goal.is_some_and(|g| g.shareable);
    Form {
        kind: FormKind::Goal {
            index,
            scale,
            coachee: coachee.map(str::to_owned),
        },
        title: if index.is_some() {
            "Change the goal"
        } else {
            "Set a goal"
        }
        .to_owned(),
        fields: vec![
            FormField {
                label: "Goal",
                hint: "what the coachee is working towards, in a few words",
                field: Field::Text(Box::new(line_editor(text))),
            },
            FormField {
                label: "Center",
                hint: "←/→: the Six Center it moves, if any",
                field: Field::Select {
                    options,
                    index: center,
                },
            },
            FormField {
                label: "Aim",
                hint: "the score aimed for on that center; empty for none",
                field: Field::Text(Box::new(line_editor(&aim))),
            },
            FormField {
                label: "By",
                hint: "2027-03-01, +3m, next month; empty for no date",
                field: Field::Text(Box::new(line_editor(&by))),
            },
            FormField {
                label: "Seen by",
                hint: "←/→ to choose",
                field: Field::Select {
                    options: vec![
                        ("coaching".to_owned(), "coach and coachee".to_owned()),
                        (
                            "sponsor".to_owned(),
                            "also named in a sponsor's report".to_owned(),
                        ),
                    ],
                    index: usize::from(shareable),
                },
            },
        ],
        focus: 0,
        error: None,
        on_choice: None,
    }
}

/// The form's values, or the field to correct and what is wrong, in words.
pub fn read(form: &Form, today: Date) -> Result<GoalFields, (usize, String)> {
    let FormKind::Goal { scale, .. } = form.kind else {
        return Err((TEXT, "Not a goal form".to_owned()));
    };
    let text = form.value(TEXT);
    if text.is_empty() {
        return Err((TEXT, "Say what the goal is, or Esc to set none".to_owned()));
    }
    let center = form.selected(CENTER);
    let aim = form.value(AIM);
    let target = if aim.is_empty() {
        None
    } else {
        let n: i64 = aim.parse().map_err(|_| {
            (
                AIM,
                format!(
                    "The aim is a score from {} to {}, e.g. 8; \"{aim}\" is not one",
                    scale.min, scale.max
                ),
            )
        })?;
        if !(scale.min..=scale.max).contains(&n) {
            return Err((
                AIM,
                format!(
                    "The aim is a score from {} to {}; {n} is outside it",
                    scale.min, scale.max
                ),
            ));
        }
        if center.is_none() {
            return Err((
                CENTER,
                "An aim is a score on a center: pick the center with ←/→ first".to_owned(),
            ));
        }
        Some(n)
    };
    let target_date = dates::parse_due(&form.value(BY), today).map_err(|e| (BY, e.to_string()))?;
    Ok(GoalFields {
        text,
        center,
        target,
        target_date,
        shareable: form.selected(SEEN).as_deref() == Some("sponsor"),
    })
}

/// A goal set from the coachee's page: saved at once, between sessions, and
/// the page read again to show it.
pub fn submit_between(form: &Form, now: OffsetDateTime, today: Date) -> Vec<Effect> {
    let (
        FormKind::Goal {
            coachee: Some(coachee_id),
            ..
        },
        Ok(f),
    ) = (&form.kind, read(form, today))
    else {
        return vec![];
    };
    vec![
        Effect::AddGoal(Box::new(Goal {
            id: crate::model::new_id(),
            coachee_id: coachee_id.clone(),
            text: f.text,
            center: f.center,
            target: f.target,
            target_date: f.target_date,
            shareable: f.shareable,
            created_at: now,
            created_in: None,
        })),
        Effect::LoadCoachee {
            coachee_id: coachee_id.clone(),
        },
    ]
}
