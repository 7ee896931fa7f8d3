//! A sentence typed straight onto a control, the way a coach writes while
//! listening, lands whole: no first letter taken as a mark, no word that
//! deletes, marks or opens something on the way.

use innerceo::guide::StageKind;
use innerceo::model::ReviewOutcome;
use innerceo::store::Store;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::screens::session::Element;
use innerceo::tui::screens::session::StageProgress::{Done, Partly};
use ratatui::crossterm::event::KeyCode;

use super::contract::{base, resume, session};
use super::harness::*;

/// The unfinished session of `guide` (0 one-to-one, 1 first session)
/// after a finished one-to-one with two actions and a parked topic.
fn resumed(guide: usize) -> (Runtime, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = base(dir.path(), guide);
    let rt = resume(&Store::open(&path).expect("open"));
    (rt, dir)
}

fn go_to(rt: &mut Runtime, kind: fn(&StageKind) -> bool) {
    for _ in 0..12 {
        if session(rt).stage_def().is_some_and(|s| kind(&s.kind)) {
            return;
        }
        ctrl(rt, 'n');
    }
    panic!("no such stage:\n{}", screen(rt, 80, 24));
}

#[test]
fn notes_typed_onto_earlier_actions_keep_every_letter_and_mark_nothing() {
    let (mut rt, _dir) = resumed(0);
    assert_eq!(session(&rt).focused(), Some(Element::Review(0)));
    // Every letter a mark key used to take begins one of these.
    let notes = [
        "couldn't get to it, holiday",
        "did it with the VP on Monday",
    ];
    typ(&mut rt, notes[0]);
    key(&mut rt, KeyCode::Tab);
    typ(&mut rt, notes[1]);
    key(&mut rt, KeyCode::Enter);
    for (i, note) in notes.iter().enumerate() {
        let (action, review) = &session(&rt).data.review[i];
        let review = review.as_ref().expect("the note is kept");
        assert_eq!(review.note, *note, "{}", action.text);
        // A note on an action not marked keeps it open, as carried over.
        assert_eq!(review.outcome, ReviewOutcome::Carried, "{}", action.text);
    }
    // The topic after them takes no letter: it says which digits mark it.
    key(&mut rt, KeyCode::Tab);
    assert_eq!(session(&rt).focused(), Some(Element::Topic(0)));
    typ(&mut rt, "discussed it");
    assert_eq!(session(&rt).data.topics[0].1, None, "no mark from letters");
    assert!(status_line(&rt).contains("1 marks the topic discussed"));
    // The stage is not done while its topic is not marked, and finishing
    // says so.
    let progress = |rt: &Runtime| {
        let s = session(rt);
        s.progress_of(s.stage_def().expect("stage"))
    };
    assert_eq!(progress(&rt), Partly);
    ctrl(&mut rt, 'f');
    assert!(
        screen(&rt, 120, 40).contains("Looking back: 1 topic not reviewed"),
        "{}",
        screen(&rt, 120, 40)
    );
    key(&mut rt, KeyCode::Esc);
    ch(&mut rt, '1');
    assert!(status_line(&rt).contains("Topic discussed: The reorganisation"));
    assert_eq!(progress(&rt), Done);
}

#[test]
fn a_sentence_typed_on_add_an_action_becomes_the_action_and_words_delete_nothing() {
    let (mut rt, _dir) = resumed(0);
    go_to(&mut rt, |k| matches!(k, StageKind::Actions));
    let texts = ["Call Anna about the plan", "Draft the hiring plan"];
    for text in texts {
        assert_eq!(session(&rt).focused(), Some(Element::AddAction));
        typ(&mut rt, text);
        key(&mut rt, KeyCode::Enter);
        assert!(rt.app.popup.is_none(), "{}", screen(&rt, 80, 24));
    }
    let saved: Vec<&str> = session(&rt)
        .data
        .record
        .actions
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(saved, texts);
    // On an agreed action, a word with d, e, a and y in it opens nothing
    // and deletes nothing.
    key(&mut rt, KeyCode::Up);
    assert_eq!(session(&rt).focused(), Some(Element::Action(1)));
    typ(&mut rt, "delay? yes");
    assert!(rt.app.popup.is_none(), "{}", screen(&rt, 80, 24));
    assert_eq!(session(&rt).data.record.actions.len(), 2);
    assert!(
        status_line(&rt).contains("Del deletes it"),
        "{}",
        status_line(&rt)
    );
    // Del asks first; n keeps it.
    key(&mut rt, KeyCode::Delete);
    assert!(screen(&rt, 80, 24).contains("Delete the action \"Draft the hiring plan\"?"));
    ch(&mut rt, 'n');
    assert_eq!(session(&rt).data.record.actions.len(), 2);
}

#[test]
fn a_sentence_typed_on_set_a_goal_becomes_the_goal() {
    let (mut rt, _dir) = resumed(1);
    go_to(&mut rt, |k| matches!(k, StageKind::Goals { .. }));
    assert_eq!(session(&rt).focused(), Some(Element::AddGoal));
    typ(&mut rt, "Delegate the on-call rota");
    // Words typed into a choice (its space too) change nothing in it, and
    // say how it is chosen.
    for _ in 0..4 {
        key(&mut rt, KeyCode::Tab);
    }
    typ(&mut rt, "x y");
    let Some(innerceo::tui::popup::Popup::Form(form)) = &rt.app.popup else {
        panic!("the form closed:\n{}", screen(&rt, 80, 24));
    };
    assert_eq!(form.choice(innerceo::tui::goal_form::SEEN), Some(0));
    assert!(
        screen(&rt, 80, 24).contains("Seen by is chosen with ←/→, not typed"),
        "{}",
        screen(&rt, 80, 24)
    );
    key(&mut rt, KeyCode::Enter);
    assert!(rt.app.popup.is_none(), "{}", screen(&rt, 80, 24));
    let goals = &session(&rt).data.record.goals;
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].goal.text, "Delegate the on-call rota");
    // The new goal has the focus; a note typed on it keeps its first
    // letter, whatever it is ("a" and "x" once marked it).
    typ(&mut rt, "as it frees evenings");
    key(&mut rt, KeyCode::Enter);
    let screen = screen(&rt, 120, 40);
    assert!(screen.contains("as it frees evenings"), "{screen}");
    assert!(screen.contains("[new]"), "{screen}");
}

#[test]
fn a_mistyped_next_session_date_keeps_the_focus_so_the_fix_lands_in_it() {
    let (mut rt, _dir) = resumed(0);
    go_to(&mut rt, |k| matches!(k, StageKind::Close { .. }));
    typ(&mut rt, "Letting go works");
    for _ in 0..8 {
        if session(&rt).focused() == Some(Element::NextSession) {
            break;
        }
        key(&mut rt, KeyCode::Tab);
    }
    assert_eq!(session(&rt).focused(), Some(Element::NextSession));
    typ(&mut rt, "17/12");
    key(&mut rt, KeyCode::Enter);
    assert_eq!(session(&rt).focused(), Some(Element::NextSession));
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&rt, w, h);
        assert!(text.contains("\"17/12\" is not a date"), "{w}x{h}:\n{text}");
    }
    // Tab leaves it as typed, and says it is not a date yet.
    key(&mut rt, KeyCode::Tab);
    assert!(
        status_line(&rt).contains("\"17/12\" is not a date yet: Shift-Tab goes back"),
        "{}",
        status_line(&rt)
    );
    key(&mut rt, KeyCode::BackTab);
    assert_eq!(session(&rt).focused(), Some(Element::NextSession));
    for _ in 0..5 {
        key(&mut rt, KeyCode::Backspace);
    }
    typ(&mut rt, "+2w");
    key(&mut rt, KeyCode::Enter);
    // The date is the stage's last element: the focus stays and says so.
    assert_eq!(session(&rt).focused(), Some(Element::NextSession));
    assert!(
        status_line(&rt).contains("Next session: "),
        "{}",
        status_line(&rt)
    );
    rt.flush();
    let id = session(&rt).session_id().to_owned();
    let rec = innerceo::tui::runtime::load_session(&rt.store, &id)
        .expect("load")
        .record;
    let insight: Vec<&str> = rec.answers.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(insight, ["Letting go works"], "nothing typed elsewhere");
    assert_eq!(
        rec.session.next_session,
        Some(NOW.date() + time::Duration::days(14))
    );
}

#[test]
fn the_next_session_date_offers_the_coachees_rhythm_and_warns_of_a_past_date() {
    let (mut rt, _dir) = resumed(0);
    let coachee = session(&rt).data.record.coachee.id.clone();
    ctrl(&mut rt, 'q'); // lets go of the session, so the copy edits it
    let store = rt.store;
    store
        .set_coachee_rhythm(&coachee, Some(14))
        .expect("rhythm");
    let mut rt = resume(&store);
    go_to(&mut rt, |k| matches!(k, StageKind::Close { .. }));
    while session(&rt).focused() != Some(Element::NextSession) {
        key(&mut rt, KeyCode::Tab);
    }
    let text = screen(&rt, 120, 40);
    assert!(
        text.contains("Their rhythm, every 2 weeks: +2w makes it Wed 9 Dec 2026"),
        "{text}"
    );
    typ(&mut rt, "+2w");
    assert!(screen(&rt, 80, 24).contains("→ Wed 9 Dec 2026"));
    assert!(
        !screen(&rt, 120, 40).contains("Their rhythm"),
        "gone once typed"
    );
    for _ in 0..3 {
        key(&mut rt, KeyCode::Backspace);
    }
    typ(&mut rt, "2025-12-10");
    let text = screen(&rt, 80, 24);
    assert!(text.contains("→ Wed 10 Dec 2025 (already past)"), "{text}");
}

#[test]
fn ctrl_z_takes_back_a_mark_and_keeps_the_note_typed_after_it() {
    let (mut rt, _dir) = resumed(0);
    let id = session(&rt).session_id().to_owned();
    let stored = |rt: &mut Runtime| {
        rt.flush();
        let data = innerceo::tui::runtime::load_session(&rt.store, &id).expect("load");
        let (_, r) = &data.review[0];
        r.as_ref().map(|r| (r.outcome, r.note.clone()))
    };
    typ(&mut rt, "first");
    key(&mut rt, KeyCode::Enter);
    ch(&mut rt, '1');
    typ(&mut rt, " more");
    key(&mut rt, KeyCode::Enter);
    assert_eq!(
        stored(&mut rt),
        Some((ReviewOutcome::Done, "first more".to_owned()))
    );
    ctrl(&mut rt, 'z');
    assert_eq!(
        stored(&mut rt),
        Some((ReviewOutcome::Carried, "first more".to_owned())),
        "the mark is taken back, the words stay"
    );
    assert!(screen(&rt, 80, 24).contains("first more"));
    // Marked first, then a note: undoing the mark keeps the note, so the
    // action stays carried over (a note keeps it open).
    key(&mut rt, KeyCode::Tab);
    ch(&mut rt, '3');
    typ(&mut rt, "moved to Q1");
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'z');
    assert!(
        status_line(&rt).contains("its note keeps it carried over"),
        "{}",
        status_line(&rt)
    );
    rt.flush();
    let data = innerceo::tui::runtime::load_session(&rt.store, &id).expect("load");
    let r = data.review[1].1.as_ref().expect("kept");
    assert_eq!(
        (r.outcome, r.note.as_str()),
        (ReviewOutcome::Carried, "moved to Q1")
    );
}
