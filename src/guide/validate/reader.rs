//! Builds a `Guide` from the parsed TOML tree and enforces the guide rules
//! (required fields, ids, non-empty texts, scales, timeboxes, stage counts).
//!
//! The tree is walked by hand rather than through serde so that every rule,
//! including the ones checked after parsing, can point at the offending key.

use std::ops::Range;

use toml::de::DeTable;

use super::node::{Node, Res, Seen, closest, list, problem};
use crate::guide::{
    ChoiceOption, Guide, Prompt, RatingItem, Scale, Stage, StageKind, Tag, default_rationale,
};

/// The stage kinds, in the order they are listed in messages.
const KINDS: [&str; 7] = [
    "review",
    "questions",
    "ratings",
    "choice",
    "goals",
    "actions",
    "close",
];
/// Kinds that make sense once per conversation.
const SINGLE: [&str; 4] = ["review", "goals", "actions", "close"];
/// Longer than a working day is surely a typo (hours instead of minutes?).
const MAX_TIMEBOX: i64 = 480;
/// A scale is rated with a few keys; more steps than this is a typo.
const MAX_SCALE_STEPS: i64 = 100;

pub(crate) fn read_guide(doc: &DeTable<'_>, text: &str) -> Res<Guide> {
    let root = Node::new(doc, 0..0, "the guide".to_owned());
    root.allow(&["id", "title", "description", "stages"])?;
    let (id, _) = root.id("my-guide")?;
    let title = root.text("title", "My guide")?;
    let description = root
        .string("description")?
        .map(|(s, _)| s)
        .unwrap_or_default();

    let Some((stages_span, nodes)) =
        root.tables("stages", "[[stages]]", |i| format!("stage {}", i + 1))?
    else {
        return Err(root.missing(
            "stages",
            "at least one `[[stages]]` block with `id`, `kind` and `title`",
        ));
    };
    if nodes.is_empty() {
        return Err(problem(
            stages_span,
            "the guide has no stages; add at least one `[[stages]]` block with `id`, `kind` and `title`",
        ));
    }

    let mut ids = Seen::new(text, "stage", "this guide".to_owned());
    let mut singles: Vec<(&str, String)> = Vec::new();
    let mut stages = Vec::with_capacity(nodes.len());
    for node in nodes {
        let (stage, id_span, kind_span) = read_stage(node, text)?;
        ids.add(&stage.id, id_span)?;
        let kind = stage.kind.name();
        if let Some((_, first)) = singles.iter().find(|(k, _)| *k == kind) {
            return Err(problem(
                kind_span,
                format!(
                    "a guide can have only one `{kind}` stage, and stage `{first}` already is one; \
                     merge the two or change this stage's `kind`"
                ),
            ));
        }
        if SINGLE.contains(&kind) {
            singles.push((kind, stage.id.clone()));
        }
        stages.push(stage);
    }
    Ok(Guide {
        id,
        title,
        description,
        stages,
    })
}

/// Reads one stage; also returns the spans of its id and kind for the
/// checks that look across stages.
fn read_stage(mut node: Node<'_, '_>, text: &str) -> Res<(Stage, Range<usize>, Range<usize>)> {
    // Name the stage by its id as soon as one is readable, so messages say
    // "stage `clarity`" rather than "stage 2".
    if let Ok(Some((id, _))) = node.string("id") {
        node.what = format!("stage `{id}`");
    }
    let Some((kind, kind_span)) = node.string("kind")? else {
        return Err(node.missing(
            "kind",
            &format!(
                "one, e.g. `kind = \"questions\"`; the kinds are {}",
                list(&KINDS)
            ),
        ));
    };
    if !KINDS.contains(&kind.as_str()) {
        let hint = closest(&kind, &KINDS)
            .map(|k| format!("did you mean `{k}`? "))
            .unwrap_or_default();
        return Err(problem(
            kind_span,
            format!(
                "unknown stage kind `{kind}` in {}; {hint}Use one of {}",
                node.what,
                list(&KINDS)
            ),
        ));
    }
    let extra: &[&str] = match kind.as_str() {
        "questions" => &["prompts"],
        "ratings" => &["scale", "items"],
        "choice" => &["question", "options", "rationale", "tags", "tags_title"],
        "close" => &["prompts", "confidence", "next_session"],
        "goals" => &["read_only"],
        _ => &[],
    };
    let mut allowed = vec!["id", "kind", "title", "intro", "timebox"];
    allowed.extend_from_slice(extra);
    node.allow(&allowed)?;

    let (id, id_span) = node.id("clarity")?;
    let title = node.text("title", "Clarity")?;
    let intro = node.string("intro")?.map(|(s, _)| s).unwrap_or_default();
    let timebox = match node.integer("timebox")? {
        Some((minutes, span)) if minutes <= 0 => {
            return Err(problem(
                span,
                format!(
                    "`timebox` in {} is {minutes}; give a positive number of minutes, e.g. \
                     `timebox = 10`, or remove it",
                    node.what
                ),
            ));
        }
        Some((minutes, span)) if minutes > MAX_TIMEBOX => {
            return Err(problem(
                span,
                format!(
                    "`timebox` in {} is {minutes} minutes, longer than a working day; it counts \
                     minutes, so use at most {MAX_TIMEBOX}, e.g. `timebox = 10`",
                    node.what
                ),
            ));
        }
        other => other.map(|(minutes, _)| minutes),
    };

    let kind = match kind.as_str() {
        "review" => StageKind::Review,
        "actions" => StageKind::Actions,
        "goals" => StageKind::Goals {
            read_only: node.boolean("read_only")?.unwrap_or(false),
        },
        "questions" => {
            let prompts = prompts(&node, text)?;
            if prompts.is_empty() {
                return Err(node.missing(
                    "prompts",
                    "at least one `[[stages.prompts]]` block with `id` and `text`",
                ));
            }
            StageKind::Questions { prompts }
        }
        "ratings" => {
            let scale = scale(&node, "scale")?.unwrap_or_default();
            let items = items(&node, text)?;
            StageKind::Ratings { scale, items }
        }
        "choice" => choice(&node, text)?,
        _ => {
            let confidence =
                match node.table("confidence", format!("`confidence` of {}", node.what))? {
                    Some(item) => Some(rating_item(item)?.0),
                    None => None,
                };
            StageKind::Close {
                prompts: prompts(&node, text)?,
                confidence,
                next_session: node.boolean("next_session")?.unwrap_or(true),
            }
        }
    };
    let stage = Stage {
        id,
        title,
        intro,
        timebox,
        kind,
    };
    Ok((stage, id_span, kind_span))
}

/// The `[[stages.prompts]]` of a stage; may be empty.
fn prompts(stage: &Node<'_, '_>, text: &str) -> Res<Vec<Prompt>> {
    let where_ = stage.what.clone();
    let Some((_, nodes)) = stage.tables("prompts", "[[stages.prompts]]", |i| {
        format!("prompt {} of {where_}", i + 1)
    })?
    else {
        return Ok(Vec::new());
    };
    let mut seen = Seen::new(text, "prompt", stage.what.clone());
    let mut prompts = Vec::with_capacity(nodes.len());
    for node in nodes {
        node.allow(&["id", "text", "hint"])?;
        let (id, span) = node.id("intent")?;
        seen.add(&id, span)?;
        prompts.push(Prompt {
            text: node.text("text", "What do you want to achieve?")?,
            hint: node.string("hint")?.map(|(s, _)| s).unwrap_or_default(),
            id,
        });
    }
    Ok(prompts)
}

/// The `[[stages.items]]` of a ratings stage; at least one.
fn items(stage: &Node<'_, '_>, text: &str) -> Res<Vec<RatingItem>> {
    let where_ = stage.what.clone();
    let listed = stage.tables("items", "[[stages.items]]", |i| {
        format!("item {} of {where_}", i + 1)
    })?;
    let Some((_, nodes)) = listed.filter(|(_, nodes)| !nodes.is_empty()) else {
        return Err(stage.missing(
            "items",
            "at least one `[[stages.items]]` block with `id`, `label` and `question`",
        ));
    };
    let mut seen = Seen::new(text, "item", stage.what.clone());
    let mut items = Vec::with_capacity(nodes.len());
    for node in nodes {
        let (item, span) = rating_item(node)?;
        seen.add(&item.id, span)?;
        items.push(item);
    }
    Ok(items)
}

/// A rated item and the span of its id.
fn rating_item(node: Node<'_, '_>) -> Res<(RatingItem, Range<usize>)> {
    node.allow(&["id", "label", "question", "scale"])?;
    let (id, span) = node.id("confidence")?;
    let item = RatingItem {
        id,
        label: node.text("label", "Confidence")?,
        question: node.text("question", "How sure are you?")?,
        scale: scale(&node, "scale")?,
    };
    Ok((item, span))
}

fn scale(node: &Node<'_, '_>, key: &str) -> Res<Option<Scale>> {
    let Some(table) = node.table(key, format!("the `{key}` of {}", node.what))? else {
        return Ok(None);
    };
    table.allow(&["min", "max"])?;
    let example = "scale = { min = 1, max = 10 }";
    let (min, _) = table
        .integer("min")?
        .ok_or_else(|| table.missing("min", example))?;
    let (max, _) = table
        .integer("max")?
        .ok_or_else(|| table.missing("max", example))?;
    if min >= max {
        return Err(problem(
            table.span.clone(),
            format!(
                "{} goes from {min} to {max}; `min` must be below `max`, e.g. `{example}`",
                table.what
            ),
        ));
    }
    if max.saturating_sub(min) > MAX_SCALE_STEPS {
        return Err(problem(
            table.span.clone(),
            format!(
                "{} has more than {MAX_SCALE_STEPS} steps; use a short range, e.g. `{example}`",
                table.what
            ),
        ));
    }
    Ok(Some(Scale { min, max }))
}

fn choice(stage: &Node<'_, '_>, text: &str) -> Res<StageKind> {
    let where_ = stage.what.clone();
    let listed = stage.tables("options", "[[stages.options]]", |i| {
        format!("option {} of {where_}", i + 1)
    })?;
    let (span, nodes) = listed.unwrap_or((stage.span.clone(), Vec::new()));
    if nodes.len() < 2 {
        let has = if nodes.is_empty() {
            "no options"
        } else {
            "only one option"
        };
        return Err(problem(
            span,
            format!(
                "{} has {has}; a choice needs at least two `[[stages.options]]` blocks, each \
                 with `id` and `label`",
                stage.what
            ),
        ));
    }
    let mut seen = Seen::new(text, "option", stage.what.clone());
    let mut options = Vec::with_capacity(nodes.len());
    for node in nodes {
        node.allow(&["id", "label", "description"])?;
        let (id, span) = node.id("stepping_in")?;
        seen.add(&id, span)?;
        options.push(ChoiceOption {
            label: node.text("label", "Stepping in")?,
            description: node
                .string("description")?
                .map(|(s, _)| s)
                .unwrap_or_default(),
            id,
        });
    }

    let where_ = stage.what.clone();
    let tag_nodes = stage
        .tables("tags", "[[stages.tags]]", |i| {
            format!("tag {} of {where_}", i + 1)
        })?
        .map(|(_, nodes)| nodes)
        .unwrap_or_default();
    let mut seen = Seen::new(text, "tag", stage.what.clone());
    let mut tags = Vec::with_capacity(tag_nodes.len());
    for node in tag_nodes {
        node.allow(&["id", "label"])?;
        let (id, span) = node.id("knowledge")?;
        seen.add(&id, span)?;
        tags.push(Tag {
            label: node.text("label", "Knowledge")?,
            id,
        });
    }

    Ok(StageKind::Choice {
        question: stage
            .string("question")?
            .map(|(s, _)| s)
            .unwrap_or_default(),
        options,
        rationale: stage
            .string("rationale")?
            .map_or_else(default_rationale, |(s, _)| s),
        tags,
        tags_title: stage
            .string("tags_title")?
            .map(|(s, _)| s)
            .unwrap_or_default(),
    })
}
