//! A coachee's preparation in their next session: topics on the first
//! stage, their mark and note beside each action under review, their score
//! beside each center (Ctrl-y takes it), and a section in the detail.

use innerceo::model::Coachee;
use innerceo::store::Store;
use innerceo::tui::app::Screen;
use innerceo::tui::runtime::Runtime;
use innerceo::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use serde_json::json;

use super::harness::*;
use super::revisit::data_set;

fn ana(store: &Store) -> Coachee {
    store.find_coachee("Ana Silva").expect("find").expect("Ana")
}

/// Ana's data set with a preparation imported: every open action in
/// progress with a note, every center scored 3 with a note, two topics.
fn prepared() -> (Runtime, tempfile::TempDir) {
    let store = data_set();
    let coachee = ana(&store);
    let guide = innerceo::guide::builtin_guides()
        .into_iter()
        .find(|g| g.id == "one-to-one")
        .expect("guide");
    let (form, _) = innerceo::prep::build(&store, &coachee, &guide, NOW).expect("form");
    innerceo::prep::record(&store, &form, NOW).expect("recorded");
    assert!(!form.actions.is_empty(), "Ana has open actions");
    let answers = json!({
        "format": "innerceo-prep/1",
        "form_id": form.form_id,
        "database_id": form.database_id,
        "coachee_id": form.coachee_id,
        "saved_at": "2026-11-24T18:00:00Z",
        "actions": form.actions.iter().map(|a| json!({
            "id": a.id, "mark": "in-progress", "note": format!("Half of {}", a.text)
        })).collect::<Vec<_>>(),
        "centers": form.centers.iter().map(|c| json!({
            "id": c.id, "score": 3, "note": format!("Low on {}", c.label)
        })).collect::<Vec<_>>(),
        "topics": ["Hiring a deputy", "Quarterly planning"],
    });
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("prep.json");
    std::fs::write(&file, answers.to_string()).expect("write");
    innerceo::prep::import_file(&store, &file, NOW).expect("imported");
    (runtime_with(store, Theme::colored()), dir)
}

/// Moves to the stage titled `title` with Ctrl-n.
fn to_stage(rt: &mut Runtime, title: &str) {
    for _ in 0..10 {
        if let Screen::Session(s) = &rt.app.screen
            && s.stage_def().is_some_and(|st| st.title == title)
        {
            return;
        }
        ctrl(rt, 'n');
    }
    panic!("no stage {title}");
}

#[test]
fn the_next_session_shows_every_prepared_value_where_it_belongs() {
    let (mut rt, _dir) = prepared();
    ch(&mut rt, 'n'); // Ana is selected on home
    key(&mut rt, KeyCode::Enter);
    assert!(matches!(rt.app.screen, Screen::Session(_)));
    // Their topics join the topics parked for this session, after the
    // actions under review.
    let whole = screen(&rt, 120, 60);
    assert!(whole.contains("Topics parked for this session:"), "{whole}");
    assert!(whole.contains("Hiring a deputy"), "{whole}");
    assert!(whole.contains("Quarterly planning"), "{whole}");
    assert!(
        whole.contains("by the coachee, in their preparation"),
        "{whole}"
    );
    // Beside each action under review: the coachee's mark and note.
    let review = screen(&rt, 120, 40);
    let Screen::Session(s) = &rt.app.screen else {
        unreachable!()
    };
    for (a, _) in &s.data.review {
        assert!(
            review.contains("Coachee's preparation: in progress"),
            "{review}"
        );
        let start: String = format!("Half of {}", a.text).chars().take(30).collect();
        assert!(review.contains(&start), "{start:?} in {review}");
    }

    to_stage(&mut rt, "Six Centers");
    let centers = screen(&rt, 80, 24);
    assert!(centers.contains("prepared 3"), "{centers}");
    assert!(centers.contains("Coachee's preparation: 3"), "{centers}");
    assert!(centers.contains("Ctrl-y takes 3"), "{centers}");
    // Every figure of each row stays inside the card at 80x24.
    for line in centers.lines().filter(|l| l.contains("prepared 3")) {
        assert!(line.trim_end().ends_with('┃'), "cut at the border: {line}");
    }
    ctrl(&mut rt, 'y');
    let Screen::Session(s) = &rt.app.screen else {
        unreachable!()
    };
    let id = s.session_id().to_owned();
    let item = s.data.record.session.guide.stages[s.stage].id.clone();
    rt.flush();
    let record = rt.store.session_record(&id).expect("record");
    let autonomy = record.rating(&item, "autonomy").expect("rated");
    assert_eq!(autonomy.score, Some(3), "Ctrl-y stored the prepared score");
    // The other centers keep no score until asked.
    assert_eq!(
        record.rating(&item, "relationships").and_then(|r| r.score),
        None
    );
}

#[test]
fn a_goal_aim_beside_a_prepared_and_a_previous_score_stays_inside_the_card() {
    let (mut rt, _dir) = prepared();
    let ana = rt
        .store
        .find_coachee("Ana Silva")
        .expect("find")
        .expect("Ana Silva");
    for center in ["autonomy", "relationships"] {
        rt.store
            .add_goal(&innerceo::model::Goal {
                id: innerceo::model::new_id().into(),
                coachee_id: ana.id.clone(),
                text: format!("Grow {center}"),
                center: Some(center.to_owned()),
                target: Some(9),
                target_date: None,
                shareable: false,
                created_at: NOW - time::Duration::days(30),
                created_in: None,
            })
            .expect("goal");
    }
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    to_stage(&mut rt, "Six Centers");
    for d in ['4', '5'] {
        ch(&mut rt, d); // a score, so the change since last time shows too
        key(&mut rt, KeyCode::Down);
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let centers = screen(&rt, w, h);
        assert!(centers.contains("prepared 3"), "{centers}");
        assert_eq!(centers.matches("aim 9").count(), 2, "{centers}");
        for line in centers
            .lines()
            .filter(|l| l.contains("prepared 3") || l.contains("aim 9"))
        {
            assert!(line.trim_end().ends_with('┃'), "cut at the border: {line}");
        }
    }
}

#[test]
fn the_session_detail_shows_what_came_from_the_preparation() {
    let (mut rt, _dir) = prepared();
    ch(&mut rt, 'n');
    key(&mut rt, KeyCode::Enter);
    let Screen::Session(s) = &rt.app.screen else {
        unreachable!()
    };
    let id = s.session_id().to_owned();
    let data = innerceo::tui::runtime::load_session(&rt.store, &id).expect("load");
    let lines = innerceo::tui::screens::record::lines(&data, &Theme::plain(), false);
    let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
    let text = text.join("\n");
    assert!(text.contains("■ The coachee's preparation"), "{text}");
    assert!(text.contains("Hiring a deputy"), "{text}");
    assert!(text.contains("in progress"), "{text}");
    assert!(text.contains("Low on Autonomy"), "{text}");
}

#[test]
fn p_on_the_coachee_page_writes_the_form_then_imports_the_answers() {
    let dir = tempfile::tempdir().expect("dir");
    let mut rt = runtime_with(data_set(), Theme::colored());
    rt.app.export_dir = dir.path().to_path_buf();
    key(&mut rt, KeyCode::Enter); // Ana's page
    ch(&mut rt, 'p');
    let form = screen(&rt, 80, 24);
    assert!(
        form.contains("Ana Silva's preparation for the next session"),
        "{form}"
    );
    assert!(form.contains("prep-ana-silva-2026-11-25.html"), "{form}");
    key(&mut rt, KeyCode::Enter);
    let said = screen(&rt, 120, 40);
    assert!(said.contains("Preparation form written to"), "{said}");
    let page = dir.path().join("prep-ana-silva-2026-11-25.html");
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(html.contains("Before your next coaching session"));

    // The coachee's answers, saved next to it.
    let start = html.find("id=\"form-data\">").expect("data") + "id=\"form-data\">".len();
    let meta: serde_json::Value =
        serde_json::from_str(&html[start..start + html[start..].find("</script>").expect("end")])
            .expect("json");
    let answers = json!({
        "format": "innerceo-prep/1",
        "form_id": meta["form_id"], "database_id": meta["database_id"],
        "coachee_id": meta["coachee_id"], "saved_at": "",
        "actions": [], "centers": [], "topics": ["Only this"],
    });
    std::fs::write(
        dir.path().join("prep-ana-silva-2026-11-25.json"),
        answers.to_string(),
    )
    .expect("write");
    ch(&mut rt, 'p');
    key(&mut rt, KeyCode::Right); // import: the file name follows
    assert!(screen(&rt, 100, 30).contains("prep-ana-silva-2026-11-25.json"));
    key(&mut rt, KeyCode::Enter);
    let said = screen(&rt, 120, 40);
    assert!(said.contains("Imported Ana Silva's preparation"), "{said}");
    // A file that is not one is refused with what is wrong.
    ch(&mut rt, 'p');
    key(&mut rt, KeyCode::Right);
    key(&mut rt, KeyCode::Tab);
    for _ in 0..200 {
        key(&mut rt, KeyCode::Backspace);
    }
    typ(&mut rt, &page.display().to_string());
    key(&mut rt, KeyCode::Enter);
    let said = screen(&rt, 120, 40);
    assert!(said.contains("not a preparation file"), "{said}");
}
