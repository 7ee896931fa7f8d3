//! Malformed guides: each is refused at the line and column of the fault,
//! with a message that says what is wrong and what to change.

use innerceo::guide::{parse_guide, parse_guide_file};

/// Parses `text`, expects a refusal at `line`:`column` whose message
/// contains every one of `parts`.
#[track_caller]
fn refused(text: &str, line: usize, column: usize, parts: &[&str]) {
    let err = match parse_guide("bad.toml", text) {
        Ok(guide) => panic!("expected a refusal, got {guide:?}"),
        Err(err) => err,
    };
    assert_eq!(err.file, "bad.toml");
    assert_eq!(
        (err.line, err.column),
        (line, column),
        "wrong place for: {}",
        err.message
    );
    for part in parts {
        assert!(
            err.message.contains(part),
            "message {:?} lacks {part:?}",
            err.message
        );
    }
}

const HEAD: &str = "id = \"g\"\ntitle = \"G\"\n";

#[test]
fn toml_syntax_error_is_located() {
    refused(
        "id = \"g\"\ntitle = \"G\n",
        2,
        11,
        &["not valid TOML", "double quotes"],
    );
    refused("id = \"g\"\ntitle = G\n", 2, 9, &["not valid TOML"]);
}

#[test]
fn duplicate_toml_key() {
    refused(
        "id = \"g\"\ntitle = \"G\"\ntitle = \"H\"\n",
        3,
        1,
        &["`title` appears twice", "keep one"],
    );
}

#[test]
fn unknown_stage_kind_lists_valid_ones() {
    let text = format!("{HEAD}\n[[stages]]\nid = \"a\"\nkind = \"question\"\ntitle = \"A\"\n");
    refused(
        &text,
        6,
        8,
        &[
            "unknown stage kind `question`",
            "did you mean `questions`",
            "`review`, `questions`, `ratings`, `choice`, `goals`, `actions` and `close`",
        ],
    );
}

#[test]
fn missing_stage_kind() {
    let text = format!("{HEAD}\n[[stages]]\nid = \"a\"\ntitle = \"A\"\n");
    refused(
        &text,
        4,
        1,
        &["stage `a` has no `kind`", "kind = \"questions\""],
    );
}

#[test]
fn unknown_field_names_the_typo_and_the_allowed_fields() {
    let text =
        format!("{HEAD}\n[[stages]]\nid = \"a\"\nkind = \"actions\"\ntitle = \"A\"\ntimebx = 5\n");
    refused(
        &text,
        8,
        1,
        &[
            "unknown field `timebx` in stage `a`",
            "did you mean `timebox`",
            "`id`, `kind`, `title`, `intro` and `timebox`",
        ],
    );
}

#[test]
fn unknown_top_level_field() {
    refused(
        "id = \"g\"\ntitle = \"G\"\nauthor = \"me\"\n",
        3,
        1,
        &["unknown field `author` in the guide", "`description`"],
    );
}

#[test]
fn missing_id_title_and_stages() {
    refused("title = \"G\"\n", 1, 1, &["the guide has no `id`", "id = "]);
    refused("id = \"g\"\n", 1, 1, &["the guide has no `title`"]);
    refused(HEAD, 1, 1, &["the guide has no `stages`", "[[stages]]"]);
    let text = format!("{HEAD}\n[[stages]]\nkind = \"actions\"\ntitle = \"A\"\n");
    refused(&text, 4, 1, &["stage 1 has no `id`"]);
    let text = format!("{HEAD}\n[[stages]]\nid = \"a\"\nkind = \"actions\"\n");
    refused(&text, 4, 1, &["stage `a` has no `title`"]);
}

#[test]
fn empty_guide() {
    refused(
        &format!("{HEAD}stages = []\n"),
        3,
        10,
        &["no stages", "add at least one `[[stages]]`"],
    );
}

#[test]
fn invalid_id_characters_suggest_a_valid_id() {
    refused(
        "id = \"One to One\"\ntitle = \"G\"\n",
        1,
        6,
        &[
            "has characters an id cannot use",
            "lowercase",
            "`id = \"one-to-one\"`",
        ],
    );
    let text = format!("{HEAD}\n[[stages]]\nid = \"Stage.A\"\nkind = \"actions\"\ntitle = \"A\"\n");
    refused(&text, 5, 6, &["stage `Stage.A`", "`id = \"stage-a\"`"]);
}

#[test]
fn duplicate_stage_ids() {
    let text = format!(
        "{HEAD}\n[[stages]]\nid = \"a\"\nkind = \"review\"\ntitle = \"A\"\n\n\
         [[stages]]\nid = \"a\"\nkind = \"actions\"\ntitle = \"B\"\n"
    );
    refused(
        &text,
        10,
        6,
        &[
            "duplicate stage id `a`",
            "first used on line 5",
            "its own id",
        ],
    );
}

#[test]
fn duplicate_ids_within_a_stage() {
    let prompts = format!(
        "{HEAD}\n[[stages]]\nid = \"q\"\nkind = \"questions\"\ntitle = \"Q\"\n\n\
         [[stages.prompts]]\nid = \"p\"\ntext = \"One?\"\n\n\
         [[stages.prompts]]\nid = \"p\"\ntext = \"Two?\"\n"
    );
    refused(
        &prompts,
        14,
        6,
        &["duplicate prompt id `p` in stage `q`", "line 10"],
    );

    let options = format!(
        "{HEAD}\n[[stages]]\nid = \"c\"\nkind = \"choice\"\ntitle = \"C\"\n\n\
         [[stages.options]]\nid = \"x\"\nlabel = \"X\"\n\n\
         [[stages.options]]\nid = \"x\"\nlabel = \"Y\"\n"
    );
    refused(&options, 14, 6, &["duplicate option id `x`"]);

    let items = format!(
        "{HEAD}\n[[stages]]\nid = \"r\"\nkind = \"ratings\"\ntitle = \"R\"\n\
         items = [{{ id = \"i\", label = \"I\", question = \"Q?\" }}, \
         {{ id = \"i\", label = \"J\", question = \"Q?\" }}]\n"
    );
    refused(&items, 8, 61, &["duplicate item id `i`"]);

    let tags = format!(
        "{HEAD}\n[[stages]]\nid = \"c\"\nkind = \"choice\"\ntitle = \"C\"\n\
         options = [{{ id = \"x\", label = \"X\" }}, {{ id = \"y\", label = \"Y\" }}]\n\
         tags = [{{ id = \"t\", label = \"T\" }}, {{ id = \"t\", label = \"U\" }}]\n"
    );
    refused(&tags, 9, 43, &["duplicate tag id `t`"]);
}

#[test]
fn empty_texts() {
    refused(
        "id = \"g\"\ntitle = \"  \"\n",
        2,
        9,
        &["`title` in the guide is empty"],
    );
    let prompt = format!(
        "{HEAD}\n[[stages]]\nid = \"q\"\nkind = \"questions\"\ntitle = \"Q\"\n\
         prompts = [{{ id = \"p\", text = \"\" }}]\n"
    );
    refused(
        &prompt,
        8,
        31,
        &["`text` in prompt 1 of stage `q` is empty"],
    );
    let item = format!(
        "{HEAD}\n[[stages]]\nid = \"r\"\nkind = \"ratings\"\ntitle = \"R\"\n\
         items = [{{ id = \"i\", label = \"\", question = \"Q?\" }}]\n"
    );
    refused(&item, 8, 30, &["`label` in item 1 of stage `r` is empty"]);
    let option = format!(
        "{HEAD}\n[[stages]]\nid = \"c\"\nkind = \"choice\"\ntitle = \"C\"\n\
         options = [{{ id = \"x\", label = \"X\" }}, {{ id = \"y\", label = \"\" }}]\n"
    );
    refused(
        &option,
        8,
        59,
        &["`label` in option 2 of stage `c` is empty"],
    );
}

#[test]
fn scale_min_must_be_below_max() {
    let text = format!(
        "{HEAD}\n[[stages]]\nid = \"r\"\nkind = \"ratings\"\ntitle = \"R\"\n\
         scale = {{ min = 10, max = 1 }}\n\
         items = [{{ id = \"i\", label = \"I\", question = \"Q?\" }}]\n"
    );
    refused(
        &text,
        8,
        9,
        &["goes from 10 to 1", "`min` must be below `max`"],
    );
}

#[test]
fn timebox_must_be_positive_and_realistic() {
    let base = format!("{HEAD}\n[[stages]]\nid = \"a\"\nkind = \"actions\"\ntitle = \"A\"\n");
    refused(
        &format!("{base}timebox = 0\n"),
        8,
        11,
        &["`timebox` in stage `a` is 0", "positive number of minutes"],
    );
    refused(
        &format!("{base}timebox = -5\n"),
        8,
        11,
        &["positive number of minutes"],
    );
    refused(
        &format!("{base}timebox = 600\n"),
        8,
        11,
        &["600 minutes", "at most 480"],
    );
    refused(
        &format!("{base}timebox = \"ten\"\n"),
        8,
        11,
        &["must be a whole number, not a string"],
    );
}

#[test]
fn stages_that_need_content() {
    let questions =
        format!("{HEAD}\n[[stages]]\nid = \"q\"\nkind = \"questions\"\ntitle = \"Q\"\n");
    refused(
        &questions,
        4,
        1,
        &["stage `q` has no `prompts`", "[[stages.prompts]]"],
    );
    let ratings =
        format!("{HEAD}\n[[stages]]\nid = \"r\"\nkind = \"ratings\"\ntitle = \"R\"\nitems = []\n");
    refused(
        &ratings,
        4,
        1,
        &["stage `r` has no `items`", "[[stages.items]]"],
    );
    let choice = format!(
        "{HEAD}\n[[stages]]\nid = \"c\"\nkind = \"choice\"\ntitle = \"C\"\n\
         options = [{{ id = \"only\", label = \"Only\" }}]\n"
    );
    refused(&choice, 8, 11, &["has only one option", "at least two"]);
}

#[test]
fn only_one_review_goals_close_or_actions_stage() {
    for kind in ["review", "goals", "actions", "close"] {
        let text = format!(
            "{HEAD}\n[[stages]]\nid = \"a\"\nkind = \"{kind}\"\ntitle = \"A\"\n\n\
             [[stages]]\nid = \"b\"\nkind = \"{kind}\"\ntitle = \"B\"\n"
        );
        refused(
            &text,
            11,
            8,
            &[
                &format!("only one `{kind}` stage"),
                "stage `a` already is one",
            ],
        );
    }
}

#[test]
fn close_confidence_with_a_bad_scale() {
    let text = format!(
        "{HEAD}\n[[stages]]\nid = \"close\"\nkind = \"close\"\ntitle = \"Close\"\n\n\
         [stages.confidence]\nid = \"confidence\"\nlabel = \"Confidence\"\nquestion = \"Sure?\"\n\
         scale = {{ min = 5, max = 5 }}\n"
    );
    refused(
        &text,
        13,
        9,
        &[
            "`scale` of `confidence` of stage `close`",
            "goes from 5 to 5",
        ],
    );
    let missing_max = text.replace("min = 5, max = 5", "min = 1");
    refused(&missing_max, 13, 9, &["has no `max`", "max = 10"]);
}

#[test]
fn wrong_value_types() {
    refused(
        "id = \"g\"\ntitle = \"G\"\nstages = \"none\"\n",
        3,
        10,
        &[
            "`stages` in the guide must be a list of tables",
            "[[stages]]",
        ],
    );
    let text = format!(
        "{HEAD}\n[[stages]]\nid = \"c\"\nkind = \"close\"\ntitle = \"C\"\nnext_session = \"yes\"\n"
    );
    refused(&text, 8, 16, &["`true` or `false`"]);
}

#[test]
fn missing_file_is_reported_without_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.toml");
    let err = parse_guide_file(&path).unwrap_err();
    assert_eq!((err.line, err.column), (0, 0));
    assert_eq!(err.file, path.display().to_string());
    assert!(
        err.message.contains("cannot read the guide"),
        "{}",
        err.message
    );
    assert!(err.message.contains("check the path"), "{}", err.message);
}

#[test]
fn error_displays_as_file_line_column() {
    let err = parse_guide("x.toml", "title = \"G\"\n").unwrap_err();
    assert!(err.to_string().starts_with("x.toml:1:1: "), "{err}");
}

#[test]
fn non_utf8_file_is_reported_without_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    std::fs::write(&path, b"id = \"g\"\ntitle = \"Caf\xe9\"\n").unwrap();
    let err = parse_guide_file(&path).unwrap_err();
    assert_eq!((err.line, err.column), (0, 0));
    assert!(err.message.contains("save it as UTF-8"), "{}", err.message);
}
