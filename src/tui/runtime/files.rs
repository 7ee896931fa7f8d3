//! The effects that write a file or hand text out (an export, a report,
//! a preparation page, its import, a parked topic, a copy): each answers
//! with the line the status bar shows.

use super::Runtime;
use crate::tui::effect::{Effect, Loaded};

impl Runtime {
    /// What a file or hand-out effect did; `None` for every other effect.
    pub(super) fn file_effect(&self, effect: &Effect) -> Option<Loaded> {
        let store = &self.store;
        if let Effect::Export {
            session_id,
            format,
            path,
            include_private,
        } = effect
        {
            let written = crate::tui::export_dialog::write(
                store,
                session_id,
                *format,
                path,
                *include_private,
                self.app.now,
            );
            return Some(match written {
                Ok(message) => Loaded::Saved(Some(message)),
                Err(e) => Loaded::Error(format!("{e:#}")),
            });
        }
        if let Effect::Report {
            coachee_id,
            audience,
            format,
            since,
            path,
        } = effect
        {
            let today = crate::dates::local_date(self.app.now);
            let written = crate::tui::report_dialog::write(
                store,
                coachee_id,
                (*audience, *format, *since),
                path,
                today,
            );
            return Some(match written {
                Ok(message) => Loaded::Saved(Some(message)),
                Err(e) => Loaded::Error(format!("{e:#}")),
            });
        }
        let prepared = match effect {
            Effect::PrepWrite {
                coachee_id,
                guide,
                path,
            } => Some(crate::tui::prep_dialog::write(
                store,
                coachee_id,
                guide,
                path,
                self.app.now,
            )),
            Effect::PrepImport { path } => {
                Some(crate::tui::prep_dialog::import(store, path, self.app.now))
            }
            Effect::AddGoal(goal) => Some(
                store
                    .add_goal(goal)
                    .map(|g| format!("Goal set: {}", g.text))
                    .map_err(anyhow::Error::from),
            ),
            Effect::ChangeGoal { goal, status, note } => Some(
                store
                    .change_goal_between(goal, *status, note, self.app.now)
                    .map(|()| {
                        let what = match status {
                            Some(crate::model::GoalStatus::Achieved) => "Goal achieved",
                            Some(crate::model::GoalStatus::Dropped) => "Goal dropped",
                            Some(crate::model::GoalStatus::Active) => "Goal open again",
                            None => "Goal saved",
                        };
                        format!("{what}: {}", goal.text.trim())
                    })
                    .map_err(anyhow::Error::from),
            ),
            Effect::AddTopic {
                coachee_id,
                session_id,
                text,
                private,
            } => Some(
                store
                    .add_topic(
                        coachee_id,
                        text,
                        *private,
                        crate::model::TopicOrigin::Coach,
                        session_id.as_deref(),
                        self.app.now,
                    )
                    .map(|t| format!("Parked for next time: {}", t.text))
                    .map_err(anyhow::Error::from),
            ),
            _ => None,
        };
        if let Some(done) = prepared {
            return Some(match done {
                Ok(message) => Loaded::Saved(Some(message)),
                Err(e) => Loaded::Error(format!("{e:#}")),
            });
        }
        if let Effect::Copy {
            session_id,
            include_private,
        } = effect
        {
            return Some(
                match crate::tui::clipboard::session_markdown(
                    store,
                    session_id,
                    *include_private,
                    self.app.now,
                ) {
                    Ok((text, message)) => Loaded::Copied { text, message },
                    Err(e) => Loaded::Error(format!("{e:#}")),
                },
            );
        }
        None
    }
}
