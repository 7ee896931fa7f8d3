//! Setting or changing a goal, in a session's goals stage or on the
//! coachee's page: its words, the Six Center it moves with the score aimed
//! for, a date, whether a sponsor's report may name it, and (between
//! sessions) where it stands.

use crate::model::CoacheeId;
use crate::model::GoalId;
use crate::tui::effect::{Errand, Task};
use time::{Date, OffsetDateTime};

use super::effect::Effect;
use super::form::{Field, Form, FormField, FormKind, line_editor};
use crate::dates;
use crate::guide::Scale;
use crate::model::{Goal, GoalHistory, GoalStatus};

pub const TEXT: usize = 0;
pub const CENTER: usize = 1;
pub const AIM: usize = 2;
pub const BY: usize = 3;
pub const SEEN: usize = 4;
/// Only when a goal is changed between sessions, from the coachee's page.
pub const STATUS: usize = 5;
pub const NOTE: usize = 6;
/// The id of the "Seen by" option that lets a sponsor's report name the goal.
const SPONSOR: &str = "sponsor";

/// A goal changed from the coachee's page: the goal as it was, and where
/// it stood, so that only a real change of status is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changing {
    pub goal: Goal,
    pub status: GoalStatus,
}

/// What the form says, read and checked.
pub struct GoalFields {
    pub text: String,
    pub center: Option<String>,
    pub target: Option<i64>,
    pub target_date: Option<Date>,
    pub shareable: bool,
    /// The status chosen (between sessions only; `None` in a session).
    pub status: Option<GoalStatus>,
    /// How it moved (between sessions only).
    pub note: String,
}

/// The form for goal `index` of the session (`None`: a new one), offering
/// `centers` (id, label) rated on `scale`; `coachee` when it is set from
/// their page, between sessions.
pub fn form(
    index: Option<usize>,
    goal: Option<&Goal>,
    centers: &[(String, String)],
    scale: Scale,
    coachee: Option<&CoacheeId>,
) -> Form {
    let mut options = vec![(String::new(), "none".to_owned())];
    options.extend(centers.iter().cloned());
    // A center the offered guide does not name (set against another one)
    // stays offered, so saving the form never drops it unasked.
    if let Some(c) = goal.and_then(|g| g.center.as_deref())
        && !options.iter().any(|(id, _)| id == c)
    {
        options.push((c.to_owned(), c.to_owned()));
    }
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
            coachee: coachee.cloned(),
            changing: None,
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
                            SPONSOR.to_owned(),
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

/// The form for changing goal `h` between sessions, from the coachee's
/// page: the session form's fields, then where it stands and a note on how
/// it moved, both saved with today's date.
pub fn change_between(h: &GoalHistory, centers: &[(String, String)], scale: Scale) -> Form {
    let mut f = form(
        None,
        Some(&h.goal),
        centers,
        scale,
        Some(&h.goal.coachee_id),
    );
    let status = h.status();
    if let FormKind::Goal { changing, .. } = &mut f.kind {
        *changing = Some(Box::new(Changing {
            goal: h.goal.clone(),
            status,
        }));
    }
    "Change the goal".clone_into(&mut f.title);
    f.fields.push(FormField {
        label: "Stands",
        hint: "←/→: working on it, achieved or dropped",
        field: Field::Select {
            options: GoalStatus::ALL
                .iter()
                .map(|s| (s.as_str().to_owned(), status_label(*s).to_owned()))
                .collect(),
            index: GoalStatus::ALL
                .iter()
                .position(|s| *s == status)
                .unwrap_or(0),
        },
    });
    f.fields.push(FormField {
        label: "Progress",
        hint: "how it moved since the last session (dated today)",
        field: Field::Text(Box::new(line_editor(""))),
    });
    f
}

/// A status as the goal form offers it.
pub fn status_label(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Active => "working on it",
        GoalStatus::Achieved => "achieved",
        GoalStatus::Dropped => "dropped",
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
        shareable: form.selected(SEEN).as_deref() == Some(SPONSOR),
        status: form.selected(STATUS).and_then(|s| GoalStatus::parse(&s)),
        note: if form.fields.len() > NOTE {
            form.value(NOTE)
        } else {
            String::new()
        },
    })
}

/// A goal set or changed from the coachee's page: saved at once, between
/// sessions, and the page read again to show it.
pub fn submit_between(form: &Form, now: OffsetDateTime, today: Date) -> Vec<Effect> {
    let (
        FormKind::Goal {
            coachee: Some(coachee_id),
            changing,
            ..
        },
        Ok(f),
    ) = (&form.kind, read(form, today))
    else {
        return vec![];
    };
    let reload = Effect::Task(Task::LoadCoachee {
        coachee_id: coachee_id.clone(),
    });
    if let Some(was) = changing {
        let goal = Goal {
            text: f.text,
            center: f.center,
            target: f.target,
            target_date: f.target_date,
            shareable: f.shareable,
            ..was.goal.clone()
        };
        return vec![
            Effect::Errand(Errand::ChangeGoal {
                goal: Box::new(goal),
                status: f.status.filter(|s| *s != was.status),
                note: f.note,
            }),
            reload,
        ];
    }
    vec![
        Effect::Errand(Errand::AddGoal(Box::new(Goal {
            id: GoalId::random(),
            coachee_id: coachee_id.clone(),
            text: f.text,
            center: f.center,
            target: f.target,
            target_date: f.target_date,
            shareable: f.shareable,
            created_at: now,
            created_in: None,
        }))),
        reload,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_center_the_guide_does_not_name_is_kept() {
        let goal = Goal {
            id: crate::model::GoalId::random(),
            coachee_id: "c".into(),
            text: "Speak up".into(),
            center: Some("courage".into()),
            target: Some(8),
            target_date: None,
            shareable: false,
            created_at: time::OffsetDateTime::UNIX_EPOCH,
            created_in: None,
        };
        let centers = [("autonomy".to_owned(), "Autonomy".to_owned())];
        let f = form(Some(0), Some(&goal), &centers, Scale::default(), None);
        assert_eq!(f.selected(CENTER).as_deref(), Some("courage"));
        let read = read(&f, time::macros::date!(2026 - 12 - 03)).expect("valid");
        assert_eq!(
            (read.center.as_deref(), read.target),
            (Some("courage"), Some(8))
        );
    }

    #[test]
    fn every_date_the_hint_offers_is_accepted() {
        let f = form(None, None, &[], Scale::default(), None);
        let hint = f.fields[BY].hint;
        let (examples, _) = hint.split_once(';').unwrap_or((hint, ""));
        let today = time::macros::date!(2026 - 12 - 03);
        for e in examples.split(", ") {
            assert!(
                matches!(dates::parse_due(e, today), Ok(Some(_))),
                "the hint offers {e:?}, which is refused"
            );
        }
    }
}
