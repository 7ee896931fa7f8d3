//! Guides: malformed files are refused at the right place with a useful
//! message, the shipped guides validate and round-trip, and the library
//! merges built-in and user guides.

// A panic is how a test fails, so unwrapping is the point here.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

// The malformed-guide cases live in their own file to keep each file short.
#[path = "guides/malformed.rs"]
mod malformed;

use innerceo::guide::{
    BUILTIN_SOURCES, Guide, GuideError, GuideSource, StageKind, builtin_guides, load_all,
    parse_builtins, parse_guide,
};

// ---- shipped guides ----

#[test]
fn every_shipped_guide_validates() {
    for result in parse_builtins() {
        if let Err(err) = result {
            panic!("{err}");
        }
    }
    let ids: Vec<String> = builtin_guides().into_iter().map(|g| g.id).collect();
    assert_eq!(ids, ["one-to-one", "first-session", "six-centers-checkin"]);
    assert_eq!(BUILTIN_SOURCES.len(), 3);
}

#[test]
fn shipped_guides_round_trip_through_toml_and_json() {
    for guide in builtin_guides() {
        let again = parse_guide("snapshot.toml", &guide.to_toml());
        assert_eq!(again.as_ref(), Ok(&guide), "{}", guide.to_toml());
        let json = serde_json::to_string(&guide).unwrap();
        let back: Guide = serde_json::from_str(&json).unwrap();
        assert_eq!(back, guide);
    }
}

#[test]
fn shipped_guides_have_descriptions_intros_and_sensible_timeboxes() {
    for guide in builtin_guides() {
        assert!(!guide.description.is_empty(), "{}", guide.id);
        for stage in &guide.stages {
            assert!(!stage.intro.is_empty(), "{}/{}", guide.id, stage.id);
            assert!(stage.timebox.is_some(), "{}/{}", guide.id, stage.id);
        }
    }
    let total = |id: &str| {
        builtin_guides()
            .into_iter()
            .find(|g| g.id == id)
            .map(|g| g.total_timebox())
    };
    assert!((50..=70).contains(&total("one-to-one").unwrap()));
    assert!((50..=75).contains(&total("first-session").unwrap()));
    assert!((15..=25).contains(&total("six-centers-checkin").unwrap()));
}

#[test]
fn the_one_to_one_and_first_session_review_goals_and_the_check_in_only_shows_them() {
    let goals = |id: &str| -> Vec<StageKind> {
        builtin_guides()
            .into_iter()
            .find(|g| g.id == id)
            .unwrap()
            .stages
            .into_iter()
            .map(|s| s.kind)
            .filter(|k| matches!(k, StageKind::Goals { .. }))
            .collect()
    };
    assert_eq!(goals("one-to-one"), [StageKind::Goals { read_only: false }]);
    assert_eq!(
        goals("first-session"),
        [StageKind::Goals { read_only: false }]
    );
    assert_eq!(
        goals("six-centers-checkin"),
        [StageKind::Goals { read_only: true }]
    );
    // The first session sets goals in the goals stage, not as free text.
    let first = builtin_guides()
        .into_iter()
        .find(|g| g.id == "first-session")
        .unwrap();
    assert!(
        first
            .stages
            .iter()
            .all(|s| !matches!(s.kind, StageKind::Questions { .. }) || s.id != "goals")
    );
    // A guide of one's own can use the kind, read-only or not; it shows
    // back as written.
    let text = "id = \"g\"\ntitle = \"G\"\n\n[[stages]]\nid = \"goals\"\nkind = \"goals\"\n\
                title = \"Goals\"\nread_only = true\n";
    let g = innerceo::guide::parse_guide("g.toml", text).unwrap();
    assert_eq!(g.stages[0].kind, StageKind::Goals { read_only: true });
    assert!(g.to_toml().contains("read_only = true"), "{}", g.to_toml());
    let err =
        innerceo::guide::parse_guide("g.toml", &text.replace("read_only = true", "read_only = 1"))
            .unwrap_err()
            .to_string();
    assert!(err.contains("read_only"), "{err}");
}

const CENTERS: [&str; 6] = [
    "autonomy",
    "self_motivation",
    "self_confidence",
    "self_efficacy",
    "job_satisfaction",
    "relationships",
];

fn one_to_one() -> Guide {
    builtin_guides().into_iter().next().unwrap()
}

#[test]
fn one_to_one_has_the_stages_in_order() {
    let guide = one_to_one();
    assert_eq!(guide.id, "one-to-one");
    let stages: Vec<(&str, &str)> = guide
        .stages
        .iter()
        .map(|s| (s.id.as_str(), s.kind.name()))
        .collect();
    assert_eq!(
        stages,
        [
            ("review", "review"),
            ("goals", "goals"),
            ("clarity", "questions"),
            ("guardrails", "questions"),
            ("six-centers", "ratings"),
            ("stepping", "choice"),
            ("actions", "actions"),
            ("close", "close"),
        ]
    );
}

#[test]
fn one_to_one_six_centers_and_stepping_options() {
    let guide = one_to_one();
    let Some(StageKind::Ratings { scale, items }) = guide.stage("six-centers").map(|s| &s.kind)
    else {
        panic!("no ratings stage");
    };
    assert_eq!((scale.min, scale.max), (1, 10));
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, CENTERS);
    let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Autonomy",
            "Self-motivation",
            "Self-confidence",
            "Self-efficacy",
            "Job satisfaction",
            "Relationships"
        ]
    );

    let Some(StageKind::Choice {
        options,
        tags,
        tags_title,
        ..
    }) = guide.stage("stepping").map(|s| &s.kind)
    else {
        panic!("no choice stage");
    };
    let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        ["stepping_in", "stepping_out", "stepping_up", "not_yet"]
    );
    let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Stepping in", "Stepping out", "Stepping up", "Not yet"]
    );
    assert!(options.iter().all(|o| !o.description.is_empty()));
    assert_eq!(tags_title, "Development areas");
    let tags: Vec<&str> = tags.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        tags,
        [
            "knowledge",
            "behaviours",
            "leadership_skills",
            "management_skills",
            "personal_skills"
        ]
    );
}

#[test]
fn every_shipped_guide_closes_the_same_way() {
    for guide in builtin_guides() {
        let Some(StageKind::Close {
            prompts,
            confidence,
            next_session,
        }) = guide.stages.last().map(|s| &s.kind)
        else {
            panic!("{} does not end with a close stage", guide.id);
        };
        let ids: Vec<&str> = prompts.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["key_insight", "commitment"], "{}", guide.id);
        let confidence = confidence.as_ref().unwrap();
        assert_eq!(confidence.id, "confidence");
        assert_eq!(confidence.label, "Confidence");
        let scale = confidence.scale.unwrap();
        assert_eq!((scale.min, scale.max), (1, 10));
        assert!(next_session);
    }
}

#[test]
fn other_shipped_guides_rate_the_same_six_centers() {
    for guide in builtin_guides() {
        let items = guide.stages.iter().find_map(|s| match &s.kind {
            StageKind::Ratings { items, .. } => Some(items),
            _ => None,
        });
        let ids: Vec<&str> = items.unwrap().iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, CENTERS, "{}", guide.id);
    }
    let first = builtin_guides().into_iter().nth(1).unwrap();
    assert!(first.stages.iter().all(|s| s.kind.name() != "review"));
}

// ---- library ----

fn write(dir: &std::path::Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn user_guide(id: &str, title: &str) -> String {
    format!(
        "id = \"{id}\"\ntitle = \"{title}\"\n\n[[stages]]\nid = \"talk\"\nkind = \"questions\"\n\
         title = \"Talk\"\n\n[[stages.prompts]]\nid = \"p\"\ntext = \"What is on your mind?\"\n"
    )
}

#[test]
fn load_all_adds_user_guides_after_the_builtin_ones() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "b.toml",
        &user_guide("walk-and-talk", "Walk and talk"),
    );
    write(
        dir.path(),
        "a.toml",
        &user_guide("quick-chat", "Quick chat"),
    );
    write(dir.path(), "notes.txt", "not a guide");
    let (guides, errors) = load_all(Some(dir.path()), &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = guides.iter().map(|g| g.guide.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "one-to-one",
            "first-session",
            "six-centers-checkin",
            "quick-chat",
            "walk-and-talk"
        ]
    );
    assert_eq!(guides[0].source, GuideSource::Builtin);
    assert_eq!(
        guides[3].source,
        GuideSource::User(dir.path().join("a.toml"))
    );
}

#[test]
fn load_all_lets_a_user_guide_replace_one_with_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "mine.toml",
        &user_guide("first-session", "My first session"),
    );
    let extra_dir = tempfile::tempdir().unwrap();
    let extra = write(
        extra_dir.path(),
        "x.toml",
        &user_guide("one-to-one", "My one-to-one"),
    );
    let (guides, errors) = load_all(Some(dir.path()), std::slice::from_ref(&extra));
    assert!(errors.is_empty(), "{errors:?}");
    let titles: Vec<&str> = guides.iter().map(|g| g.guide.title.as_str()).collect();
    assert_eq!(
        titles,
        ["My one-to-one", "My first session", "Six Centers check-in"]
    );
    assert_eq!(guides[1].source, GuideSource::User(path));
    assert_eq!(guides[0].source, GuideSource::User(extra));
}

#[test]
fn load_all_reports_a_broken_file_and_loads_the_others() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.toml", &user_guide("good", "Good"));
    let broken = write(dir.path(), "broken.toml", "id = \"broken\"\ntitle = \n");
    let missing = dir.path().join("missing.toml");
    let (guides, errors) = load_all(Some(dir.path()), std::slice::from_ref(&missing));
    assert_eq!(guides.len(), 4);
    assert_eq!(guides[3].guide.id, "good");
    let places: Vec<(String, usize)> = errors
        .iter()
        .map(|e: &GuideError| (e.file.clone(), e.line))
        .collect();
    assert_eq!(
        places,
        [
            (broken.display().to_string(), 2),
            (missing.display().to_string(), 0)
        ]
    );
}

#[test]
fn load_all_without_a_folder_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let (guides, errors) = load_all(Some(&dir.path().join("nope")), &[]);
    assert!(errors.is_empty());
    assert_eq!(guides.len(), 3);
    let (guides, errors) = load_all(None, &[]);
    assert!(errors.is_empty());
    assert_eq!(guides.len(), 3);
}
