//! A whole one-to-one typed into the real binary, then read back from the file.

use innerceo::model::{ActionStatus, SessionStatus, Visibility};
use innerceo::store::Store;

use super::harness::keys::*;
use super::harness::*;

#[test]
fn a_whole_one_to_one_typed_in_a_terminal_is_in_the_database() {
    let (_dir, db) = temp_db();
    let mut t = Term::start(&db);
    add_first_coachee(&mut t, "Ana Silva", "Head of Product");
    start_one_to_one(&mut t);
    // Clarity: typing goes straight into the first answer.
    t.typ("Ship the pricing model by March");
    t.key(TAB);
    t.typ("Customers asked for it\nand the team is ready");
    t.key(TAB);
    t.typ("Two teams merging");
    t.key(TAB);
    t.typ("Signed contracts on the new plan");
    t.ctrl('o');
    t.typ("Seemed tired today");
    t.wait_for("Seemed tired today");
    t.ctrl('o');
    t.ctrl('n');
    t.wait_for("Stage 4/8: Guardrails");
    t.typ("Hiring within budget");
    t.key(TAB);
    t.typ("No overtime");
    t.key(TAB);
    t.typ("Slip of two weeks");
    t.wait_for("Slip of two weeks");
    t.key(PAGE_DOWN); // PageDown is the same as Ctrl-n
    t.wait_for("Stage 5/8: Six Centers");
    t.key("7");
    t.key(DOWN);
    t.key("0");
    t.key(DOWN);
    t.key("5");
    t.key(RIGHT);
    t.key(ENTER);
    t.typ("Better than last month");
    t.wait_for("Better than last month");
    t.key(ESC);
    t.keys(&[DOWN, "4", DOWN, "8", DOWN, "9"]);
    t.ctrl('n');
    t.wait_for("Stage 6/8: Pathway");
    // ↓↓ to "Stepping up", Space picks it; typing on an option goes to the rationale.
    t.keys(&[DOWN, DOWN, " "]);
    t.typ("Ready for cross-unit work");
    t.wait_for("Ready for cross-unit work");
    // Tab to the first tag; ↓ is the tag below it in the grid.
    t.key(TAB);
    t.keys(&[" ", DOWN, " "]);
    t.ctrl('n');
    t.wait_for("Stage 7/8: Agreed actions");
    // Typing on "+ Add an action" opens the form with the text begun.
    t.typ("Draft the panel plan");
    t.key(TAB);
    t.typ("fri");
    t.key(TAB);
    t.typ("Ana");
    t.key(TAB);
    t.key(RIGHT);
    t.key(ENTER);
    t.wait_for("Draft the panel plan");
    t.ctrl('n');
    t.wait_for("Stage 8/8: Close");
    t.typ("I can let go of the how");
    t.key(TAB);
    t.typ("Protect Friday mornings");
    t.key(TAB);
    t.key("8");
    t.key(TAB);
    t.typ("+2w");
    t.ctrl('f');
    t.wait_for("Finish");
    t.key("y");
    t.wait_for("Ship the pricing model by March");
    t.key("q");
    let status = t.wait_exit(WAIT);
    assert!(status.success(), "{status:?}");
    assert!(t.restored_screen());
    assert!(!t.is_raw(), "raw mode left on");

    let store = Store::open(&db).expect("open");
    let sessions = store.session_summaries(None).expect("sessions");
    assert_eq!(sessions.len(), 1);
    let rec = store.session_record(&sessions[0].id).expect("record");
    assert_eq!(rec.session.status, SessionStatus::Completed);
    assert_eq!(rec.coachee.name, "Ana Silva");
    assert_eq!(rec.coachee.role, "Head of Product");
    assert_eq!(
        rec.answer("clarity", "intent"),
        Some("Ship the pricing model by March")
    );
    assert_eq!(
        rec.answer("clarity", "purpose"),
        Some("Customers asked for it\nand the team is ready")
    );
    assert_eq!(rec.answer("clarity", "context"), Some("Two teams merging"));
    assert_eq!(
        rec.answer("clarity", "success"),
        Some("Signed contracts on the new plan")
    );
    assert_eq!(
        rec.answer("guardrails", "escalation"),
        Some("Slip of two weeks")
    );
    let score = |item: &str| rec.rating("six-centers", item).and_then(|r| r.score);
    assert_eq!(score("autonomy"), Some(7));
    assert_eq!(score("self_motivation"), Some(10));
    assert_eq!(score("self_confidence"), Some(6));
    assert_eq!(score("self_efficacy"), Some(4));
    assert_eq!(score("job_satisfaction"), Some(8));
    assert_eq!(score("relationships"), Some(9));
    assert_eq!(
        rec.rating("six-centers", "self_confidence")
            .map(|r| r.note.as_str()),
        Some("Better than last month")
    );
    let choice = rec.choice("stepping").expect("choice saved");
    assert_eq!(choice.option_id.as_deref(), Some("stepping_up"));
    assert_eq!(choice.rationale, "Ready for cross-unit work");
    let mut tags = choice.tags.clone();
    tags.sort();
    assert_eq!(tags, vec!["knowledge", "leadership_skills"]);
    assert_eq!(rec.actions.len(), 1);
    let a = &rec.actions[0];
    assert_eq!(a.text, "Draft the panel plan");
    assert_eq!(a.owner, "Ana");
    assert!(a.due.is_some(), "\"fri\" is a due date");
    assert_eq!(
        a.link,
        Some(innerceo::model::ActionLink::Center("autonomy".into()))
    );
    assert_eq!(a.status, ActionStatus::Open);
    assert_eq!(
        rec.answer("close", "key_insight"),
        Some("I can let go of the how")
    );
    assert_eq!(
        rec.rating("close", "confidence").and_then(|r| r.score),
        Some(8)
    );
    let today = innerceo::dates::today();
    assert_eq!(
        rec.session.next_session,
        Some(today + time::Duration::days(14))
    );
    let note = rec
        .note("clarity", Visibility::Private)
        .expect("private note");
    assert_eq!(note.text, "Seemed tired today");
}
