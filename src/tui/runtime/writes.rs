//! Writes reaching the store: each pending write as the store call it
//! stands for, and putting back what a recovery file kept.

use super::{Loaded, Runtime, Write, recovery};
use crate::store::{self, Store};

pub(super) fn apply_write(store: &Store, w: &Write) -> store::Result<()> {
    match w {
        Write::Answer {
            session,
            stage,
            prompt,
            text,
        } => store.save_answer(session, stage, prompt, text),
        Write::Note {
            session,
            stage,
            visibility,
            text,
        } => store.save_note(session, stage, *visibility, text),
        Write::Rating { session, rating } => store.save_rating(session, rating),
        Write::Choice { session, choice } => store.save_choice(session, choice),
        Write::Progress {
            session,
            stage,
            field,
            seconds,
            done,
        } => store.save_progress(session, *stage, *field, seconds, done),
        Write::NextSession { session, date } => store.set_next_session(session, *date),
        Write::AddAction(a) => store.add_action(a),
        Write::UpdateAction(a) => store.update_action(a),
        Write::DeleteAction(id) => store.delete_action(id),
        Write::Review {
            action,
            session,
            outcome,
            note,
            at,
        } => store
            .review_action(action, Some(session), *outcome, note, *at)
            .map(|_| ()),
        Write::Unreview { action, session } => store.unreview_action(action, session),
        Write::Corrected { session, at } => store.mark_corrected(session, *at),
        Write::CoacheeNotes { coachee, text } => store.set_coachee_notes(coachee, text),
        Write::TopicReview {
            topic,
            session,
            outcome,
            at,
        } => store.review_topic(topic, session, *outcome, *at),
        Write::AddGoal(g) => store.add_goal(g).map(|_| ()),
        Write::UpdateGoal(g) => store.update_goal(g),
        Write::GoalUpdate {
            goal,
            session,
            status,
            note,
            at,
        } => store.save_goal_update(goal, Some(session), *status, note, *at),
    }
}

impl Runtime {
    /// Applies the writes a recovery file kept, all or nothing, then
    /// removes the file.
    pub(super) fn restore(&self, path: &std::path::Path) -> Loaded {
        let writes = match recovery::read(path) {
            Ok(w) => w,
            Err(e) => return Loaded::Error(e),
        };
        let applied = self.store.in_transaction(|store| {
            for w in &writes {
                apply_write(store, w)?;
            }
            Ok(())
        });
        if let Err(e) = applied {
            Loaded::Error(format!(
                "Could not put back the unsaved text yet ({e}); it stays in {}",
                path.display()
            ))
        } else {
            let _ = std::fs::remove_file(path);
            Loaded::Saved(Some(
                "Put back the text that could not be saved last time".to_owned(),
            ))
        }
    }
}
