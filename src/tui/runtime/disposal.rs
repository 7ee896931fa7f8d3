//! What the coach is told before and after disposing of records: the
//! question that names a session to discard, what a deleted coachee leaves
//! behind.

use crate::dates;
use crate::store::{DiscardPlan, Erased};

/// "Marked done: …" from "marked done: …".
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The confirmation before discarding: which session, and what goes with it.
pub fn discard_question(p: &DiscardPlan) -> String {
    let when = dates::fmt_date_long(dates::local_date(p.started_at));
    let state = match p.status {
        crate::model::SessionStatus::InProgress => "unfinished",
        crate::model::SessionStatus::Completed => "finished",
    };
    let mut text = format!(
        "Discard the {state} session with {} of {when} ({})? Its answers, ratings and notes go with it",
        p.coachee, p.guide_title
    );
    if p.actions > 0 {
        text.push_str(&format!(
            ", and the {} agreed in it",
            crate::report::doc::plural(p.actions, "action", "actions")
        ));
        if p.reviewed_later > 0 {
            text.push_str(&format!(
                " ({} of them reviewed since: those reviews go too)",
                p.reviewed_later
            ));
        }
    }
    text.push('.');
    if p.reviewed_here > 0 {
        text.push_str(&format!(
            " The {} it reviewed go back to the status they had before it.",
            crate::report::doc::plural(p.reviewed_here, "earlier action", "earlier actions")
        ));
    }
    text.push_str(" This cannot be undone.");
    text
}

/// What deleting a coachee did, and which files still hold their words.
pub fn erased_message(e: &Erased) -> String {
    let mut text = format!(
        "Deleted {} for good: {} and {}, wiped from the database file.",
        e.name,
        crate::report::doc::plural(e.sessions, "session", "sessions"),
        crate::report::doc::plural(e.actions, "action", "actions")
    );
    if e.wal_kept {
        text.push_str(
            " Another window has the database open: its old pages are wiped once it closes.",
        );
    }
    text.push_str(" Backups and exports made earlier still hold them");
    if e.backups.is_empty() {
        text.push('.');
    } else {
        let names: Vec<String> = e.backups.iter().map(|p| p.display().to_string()).collect();
        text.push_str(&format!(": {}.", names.join(", ")));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(actions: usize, later: usize, here: usize) -> DiscardPlan {
        DiscardPlan {
            session_id: "s".into(),
            coachee: "Ana Silva".into(),
            started_at: time::macros::datetime!(2026-11-24 10:00 UTC),
            guide_title: "One-to-one".into(),
            status: crate::model::SessionStatus::Completed,
            actions,
            reviewed_later: later,
            reviewed_here: here,
        }
    }

    #[test]
    fn the_question_names_the_session_and_says_what_goes() {
        let q = discard_question(&plan(3, 1, 2));
        assert!(q.contains("Ana Silva"), "{q}");
        assert!(q.contains("One-to-one"), "{q}");
        assert!(q.contains("24"), "{q}");
        assert!(
            q.contains("3 actions agreed in it (1 of them reviewed since"),
            "{q}"
        );
        assert!(q.contains("2 earlier actions it reviewed go back"), "{q}");
        let q = discard_question(&plan(0, 0, 0));
        assert!(!q.contains("action"), "{q}");
    }

    #[test]
    fn the_deletion_names_the_backups_that_still_hold_the_coachee() {
        let mut e = Erased {
            name: "Ana".into(),
            sessions: 1,
            actions: 2,
            backups: vec![],
            wal_kept: false,
        };
        assert!(erased_message(&e).contains("1 session and 2 actions"));
        e.backups = vec!["/b/one.db".into()];
        assert!(erased_message(&e).ends_with("still hold them: /b/one.db."));
    }
}
