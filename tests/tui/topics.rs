//! Topics for next time: parked mid-answer with Ctrl-l (the answer and the
//! focus stay as they were), listed in the next session's review beside
//! the open actions and marked there, and parked from the coachee page.

use innerceo::model::TopicOutcome;
use innerceo::tui::app::Screen;
use innerceo::tui::runtime::Runtime;
use ratatui::crossterm::event::KeyCode;

use super::harness::*;

fn session(rt: &Runtime) -> &innerceo::tui::screens::session::Session {
    match &rt.app.screen {
        Screen::Session(s) => s,
        _ => panic!("not in a session:\n{}", screen(rt, 80, 24)),
    }
}

fn park(rt: &mut Runtime, text: &str, private: bool) {
    ctrl(rt, 'l');
    assert!(screen(rt, 80, 24).contains("A topic for Ana Silva's next session"));
    typ(rt, text);
    if private {
        key(rt, KeyCode::Tab);
        key(rt, KeyCode::Right);
    }
    key(rt, KeyCode::Enter);
    assert!(rt.app.popup.is_none(), "{}", screen(rt, 80, 24));
}

#[test]
fn a_topic_parked_mid_answer_is_reviewed_in_the_next_session() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    ctrl(&mut rt, 'n'); // review → goals
    ctrl(&mut rt, 'n'); // Clarity
    typ(&mut rt, "Half an ans");
    let focus = session(&rt).focus;
    park(&mut rt, "Ask about the reorg", false);
    assert!(screen(&rt, 120, 40).contains("Parked for next time: Ask about the reorg"));
    park(&mut rt, "Her manager's feedback", true);
    // The answer goes on where it stopped, the focus never moved.
    typ(&mut rt, "wer");
    assert_eq!(session(&rt).focus, focus);
    let id = session(&rt).session_id().to_owned();
    rt.flush();
    let record = rt.store.session_record(&id).expect("record");
    assert_eq!(record.answer("clarity", "intent"), Some("Half an answer"));
    ctrl(&mut rt, 'f');
    ch(&mut rt, 'y');
    // The summary lists what was parked, at its end; share-safe hides the
    // private one.
    for _ in 0..3 {
        key(&mut rt, KeyCode::PageDown);
    }
    let summary = screen(&rt, 120, 40);
    assert!(summary.contains("Topics for next time"), "{summary}");
    assert!(
        summary.contains("Ask about the reorg (coach, raised"),
        "{summary}"
    );
    assert!(summary.contains("Her manager's feedback"), "{summary}");
    ctrl(&mut rt, 't');
    assert!(!screen(&rt, 120, 40).contains("Her manager's feedback"));
    ctrl(&mut rt, 't');
    // So do the exports: the private topic only with private notes.
    for format in [innerceo::export::Format::Md, innerceo::export::Format::Html] {
        let plain =
            innerceo::export::one_session(&rt.store, &id, format, false, NOW).expect("export");
        let plain = String::from_utf8(plain).expect("utf-8");
        assert!(plain.contains("Topics for next time"), "{plain}");
        assert!(plain.contains("Ask about the reorg"), "{plain}");
        assert!(!plain.contains("Her manager"), "{format:?}: {plain}");
        let all = innerceo::export::one_session(&rt.store, &id, format, true, NOW).expect("export");
        let all = String::from_utf8(all).expect("utf-8");
        assert!(all.contains("Her manager"), "{format:?}: {all}");
    }
    // Search finds them, the private one only with private notes.
    let hits = rt.store.search("reorg", false, 10).expect("search");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].kind, innerceo::model::HitKind::Topic);
    assert_eq!(hits[0].session_id.as_ref(), Some(&id));
    assert_eq!(hits[0].stage_title, "Topics for next time");
    assert!(
        rt.store
            .search("manager", false, 10)
            .expect("search")
            .is_empty()
    );
    let private = rt.store.search("manager", true, 10).expect("search");
    assert!(private.len() == 1 && private[0].private, "{private:?}");
    key(&mut rt, KeyCode::Esc); // home
    // Opened from search, a topic shows in its session's list of them.
    ch(&mut rt, '/');
    typ(&mut rt, "reorg");
    key(&mut rt, KeyCode::Enter);
    let found = screen(&rt, 80, 24);
    assert!(matches!(rt.app.screen, Screen::Detail(_)), "{found}");
    assert!(found.contains("■ Topics for next time"), "{found}");
    assert!(found.contains("Ask about the reorg"), "{found}");
    key(&mut rt, KeyCode::Esc); // search
    key(&mut rt, KeyCode::Esc); // home
    assert!(
        matches!(rt.app.screen, Screen::Home),
        "{}",
        screen(&rt, 80, 24)
    );

    // The next session lists both topics in its review, after the actions.
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    let review = screen(&rt, 80, 24);
    assert!(
        review.contains("Topics parked for this session:"),
        "{review}"
    );
    assert!(review.contains("Ask about the reorg"), "{review}");
    assert!(review.contains("Her manager's feedback"), "{review}");
    ctrl(&mut rt, 't'); // share-safe hides the private one
    let shared = screen(&rt, 80, 24);
    assert!(!shared.contains("Her manager's feedback"), "{shared}");
    assert!(shared.contains("(a private topic: hidden in"), "{shared}");
    ctrl(&mut rt, 't');
    // A letter the topic has no use for changes nothing.
    ch(&mut rt, 'q');
    assert!(matches!(rt.app.screen, Screen::Session(_)));
    assert!(screen(&rt, 120, 40).contains("1 marks the topic discussed"));
    ch(&mut rt, '1'); // discussed; the focus stays on the topic
    assert!(
        screen(&rt, 120, 40).contains("Topic discussed"),
        "{}",
        screen(&rt, 120, 40)
    );
    key(&mut rt, KeyCode::Tab);
    ch(&mut rt, '3'); // dropped
    let next = session(&rt).session_id().to_owned();
    rt.flush();
    let ana = rt
        .store
        .find_coachee("Ana Silva")
        .expect("find")
        .expect("Ana");
    assert!(rt.store.open_topics(&ana.id).expect("topics").is_empty());
    let reviewed = rt
        .store
        .topics_of_session(&next)
        .expect("reviewed")
        .reviewed;
    let outcomes: Vec<(&str, TopicOutcome)> = reviewed
        .iter()
        .map(|(t, o)| (t.text.as_str(), *o))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("Ask about the reorg", TopicOutcome::Discussed),
            ("Her manager's feedback", TopicOutcome::Dropped),
        ]
    );
    // The session's record says how its review left each topic.
    let md =
        innerceo::export::one_session(&rt.store, &next, innerceo::export::Format::Md, true, NOW)
            .expect("export");
    let md = String::from_utf8(md).expect("utf-8");
    assert!(
        md.contains("| Topic | Raised by | Raised | Outcome |"),
        "{md}"
    );
    assert!(md.contains("| Ask about the reorg | coach |"), "{md}");
    assert!(md.contains("| discussed |"), "{md}");
    assert!(md.contains("| dropped, private, coach only |"), "{md}");
    // The same key again takes the mark back: the topic is open again.
    key(&mut rt, KeyCode::Up);
    ch(&mut rt, '1');
    rt.flush();
    let open = rt.store.open_topics(&ana.id).expect("topics");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].text, "Ask about the reorg");
}

#[test]
fn t_on_the_coachee_page_parks_a_topic_between_sessions() {
    let mut rt = runtime();
    add_coachee(&mut rt, "Ana Silva", "");
    key(&mut rt, KeyCode::Enter);
    assert!(matches!(rt.app.screen, Screen::Coachee(_)));
    ch(&mut rt, 't');
    typ(&mut rt, "Promotion timeline");
    key(&mut rt, KeyCode::Enter);
    let page = screen(&rt, 80, 24);
    assert!(page.contains("1 topic for next time"), "{page}");
    assert!(
        page.contains("TOPIC") && page.contains("Promotion timeline"),
        "{page}"
    );
    // An empty topic is refused in the form.
    ch(&mut rt, 't');
    key(&mut rt, KeyCode::Enter);
    assert!(screen(&rt, 80, 24).contains("Write the topic"));
}
