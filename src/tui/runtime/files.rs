//! Errands: the effects that write a file or hand text out (an export, a
//! report, a preparation page, its import, a copy, a recovery file put
//! back) or save something between sessions (a parked topic, a goal); each
//! answers with the line the status bar shows.

use super::Runtime;
use crate::config::expand_home;
use crate::model::GoalStatus;
use crate::tui::effect::{Errand, Loaded};

impl Runtime {
    /// Performs an errand: what it did, for the status line, or what failed.
    pub(super) fn run_errand(&self, errand: &Errand) -> Loaded {
        let store = &self.store;
        let now = self.app.now;
        let done: anyhow::Result<String> = match errand {
            Errand::Export {
                session_id,
                format,
                path,
                include_private,
            } => crate::tui::export_dialog::write(
                store,
                session_id,
                *format,
                &expand_home(path),
                *include_private,
                now,
            ),
            Errand::Report {
                coachee_id,
                audience,
                format,
                since,
                path,
            } => crate::tui::report_dialog::write(
                store,
                coachee_id,
                (*audience, *format, *since),
                &expand_home(path),
                crate::dates::local_date(now),
            ),
            Errand::PrepWrite {
                coachee_id,
                guide,
                path,
            } => crate::tui::prep_dialog::write(store, coachee_id, guide, &expand_home(path), now),
            Errand::PrepImport { path } => {
                crate::tui::prep_dialog::import(store, &expand_home(path), now)
            }
            Errand::AddGoal(goal) => store
                .add_goal(goal)
                .map(|g| format!("Goal set: {}", g.text))
                .map_err(anyhow::Error::from),
            Errand::ChangeGoal { goal, status, note } => store
                .change_goal_between(goal, *status, note, now)
                .map(|()| {
                    let what = match status {
                        Some(GoalStatus::Achieved) => "Goal achieved",
                        Some(GoalStatus::Dropped) => "Goal dropped",
                        Some(GoalStatus::Active) => "Goal open again",
                        None => "Goal saved",
                    };
                    format!("{what}: {}", goal.text.trim())
                })
                .map_err(anyhow::Error::from),
            Errand::AddTopic {
                coachee_id,
                session_id,
                text,
                private,
            } => store
                .add_topic(
                    coachee_id,
                    text,
                    *private,
                    crate::model::TopicOrigin::Coach,
                    session_id.as_ref(),
                    now,
                )
                .map(|t| format!("Parked for next time: {}", t.text))
                .map_err(anyhow::Error::from),
            Errand::Copy {
                session_id,
                include_private,
            } => {
                return match crate::tui::clipboard::session_markdown(
                    store,
                    session_id,
                    *include_private,
                    now,
                ) {
                    Ok((text, message)) => Loaded::Copied { text, message },
                    Err(e) => Loaded::Error(format!("{e:#}")),
                };
            }
            Errand::Restore(path) => return self.restore(path),
        };
        match done {
            Ok(message) => Loaded::Saved(Some(message)),
            Err(e) => Loaded::Error(format!("{e:#}")),
        }
    }
}
