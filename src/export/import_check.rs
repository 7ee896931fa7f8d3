//! What `innerceo import` checks beyond the JSON layout, for each value
//! before it is written: ids present and unique, every value within what the
//! guide snapshot of its session allows (stages, prompts, items, options,
//! tags, scores within their scale), and text within size limits. The first
//! offending value is named by its JSON path, e.g.
//! `sessions[3].ratings[2].score: 999 is outside 1–10`.

use crate::model::CoacheeId;
use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Result, anyhow, bail};

use super::json::{JsonAction, JsonSession};
use crate::guide::{self, Guide, Scale, Stage, StageKind};
use crate::model::Coachee;

/// The most bytes a free text (an answer, a note, an action) may hold: far
/// beyond anything typed, small enough that one value cannot swamp memory.
pub const MAX_TEXT_BYTES: usize = 1 << 20;
/// The most bytes a name, role, owner, id or link may hold.
pub const MAX_NAME_BYTES: usize = 1000;
/// At most a year in one stage of one session: more is not a real duration.
const MAX_STAGE_SECONDS: i64 = 366 * 24 * 3600;

/// Checks the `i`th coachee of the file; `seen` holds the ids of those
/// before it, with their index.
pub fn coachee(i: usize, c: &Coachee, seen: &mut BTreeMap<CoacheeId, usize>) -> Result<()> {
    let at = format!("coachees[{i}]");
    id(&format!("{at}.id"), &c.id)?;
    if c.name.trim().is_empty() {
        bail!("{at}.name: coachee {} has an empty name", c.id);
    }
    name(&format!("{at}.name"), &c.name)?;
    name(&format!("{at}.role"), &c.role)?;
    text(&format!("{at}.notes"), &c.notes)?;
    if let Some(first) = seen.insert(c.id.clone(), i) {
        bail!(
            "{at}.id: \"{}\" appears twice (also coachees[{first}].id)",
            c.id
        );
    }
    Ok(())
}

/// Checks the `i`th session of the file: its ids (unique across the file,
/// through `ids`), its coachee (one of `coachees`), and its values.
pub fn session_in_file(
    i: usize,
    s: &JsonSession,
    coachees: &BTreeMap<CoacheeId, usize>,
    ids: &mut dyn Seen,
) -> Result<()> {
    let at = format!("sessions[{i}]");
    id(&format!("{at}.id"), &s.id)?;
    unique(ids, "session", &format!("{at}.id"), &s.id)?;
    if !coachees.contains_key(s.coachee_id.as_str()) {
        bail!(
            "{at}.coachee_id: coachee \"{}\" is not in the file's \"coachees\"",
            s.coachee_id
        );
    }
    session(&at, s, ids)
}

/// The ids a file has used so far, per kind, with where each was first.
pub trait Seen {
    /// Records `value` as a `kind` id at `at`; if the file used it before,
    /// says where instead.
    fn first_seen(&mut self, kind: &'static str, value: &str, at: &str) -> Result<Option<String>>;
}

/// Ids seen so far per kind, with where, in memory.
#[derive(Default)]
pub struct Ids {
    seen: BTreeMap<&'static str, BTreeMap<String, String>>,
}

impl Seen for Ids {
    fn first_seen(&mut self, kind: &'static str, value: &str, at: &str) -> Result<Option<String>> {
        let seen = self.seen.entry(kind).or_default();
        if let Some(first) = seen.get(value) {
            return Ok(Some(first.clone()));
        }
        seen.insert(value.to_owned(), at.to_owned());
        Ok(None)
    }
}

/// Refuses an id the file used before, naming both places.
fn unique(ids: &mut dyn Seen, kind: &'static str, at: &str, value: &str) -> Result<()> {
    if let Some(first) = ids.first_seen(kind, value, at)? {
        bail!("{at}: the {kind} id \"{value}\" appears twice (also {first})");
    }
    Ok(())
}

fn session(at: &str, s: &JsonSession, ids: &mut dyn Seen) -> Result<()> {
    let g = &s.guide;
    snapshot(&format!("{at}.guide"), g)?;
    if s.current_stage >= g.stages.len() {
        bail!(
            "{at}.current_stage: {} is past the last stage (the guide has {} stages, counted from 0)",
            s.current_stage,
            g.stages.len()
        );
    }
    for (stage_id, &secs) in &s.stage_seconds {
        let here = format!("{at}.stage_seconds.{stage_id}");
        stage(&here, g, stage_id)?;
        if !(0..=MAX_STAGE_SECONDS).contains(&secs) {
            bail!("{here}: {secs} is not a duration (0 to {MAX_STAGE_SECONDS} seconds)");
        }
    }
    for (j, d) in s.done_stages.iter().enumerate() {
        stage(&format!("{at}.done_stages[{j}]"), g, d)?;
    }
    let mut pairs = BTreeSet::new();
    for (j, a) in s.answers.iter().enumerate() {
        let here = format!("{at}.answers[{j}]");
        let st = stage(&format!("{here}.stage_id"), g, &a.stage_id)?;
        let prompts = match &st.kind {
            StageKind::Questions { prompts } | StageKind::Close { prompts, .. } => prompts,
            other => bail!(
                "{here}.stage_id: stage \"{}\" is a {} stage, which has no prompts to answer",
                st.id,
                other.name()
            ),
        };
        if !prompts.iter().any(|p| p.id == a.prompt_id) {
            bail!(
                "{here}.prompt_id: \"{}\" is not a prompt of stage \"{}\" (it has {})",
                a.prompt_id,
                st.id,
                list(prompts.iter().map(|p| p.id.as_str()))
            );
        }
        if !pairs.insert((a.stage_id.as_str(), a.prompt_id.as_str())) {
            bail!("{here}: a second answer to prompt \"{}\"", a.prompt_id);
        }
        text(&format!("{here}.text"), &a.text)?;
    }
    let mut pairs = BTreeSet::new();
    for (j, r) in s.ratings.iter().enumerate() {
        let here = format!("{at}.ratings[{j}]");
        let st = stage(&format!("{here}.stage_id"), g, &r.stage_id)?;
        let scale = item_scale(&here, st, &r.item_id)?;
        if let Some(score) = r.score
            && !(scale.min..=scale.max).contains(&score)
        {
            bail!(
                "{here}.score: {score} is outside {}–{}",
                scale.min,
                scale.max
            );
        }
        if !pairs.insert((r.stage_id.as_str(), r.item_id.as_str())) {
            bail!("{here}: a second rating of item \"{}\"", r.item_id);
        }
        text(&format!("{here}.note"), &r.note)?;
    }
    let mut stages = BTreeSet::new();
    for (j, c) in s.choices.iter().enumerate() {
        let here = format!("{at}.choices[{j}]");
        let st = stage(&format!("{here}.stage_id"), g, &c.stage_id)?;
        let StageKind::Choice { options, tags, .. } = &st.kind else {
            bail!(
                "{here}.stage_id: stage \"{}\" is a {} stage, not a choice",
                st.id,
                st.kind.name()
            );
        };
        if let Some(o) = &c.option_id
            && !options.iter().any(|x| x.id == *o)
        {
            bail!(
                "{here}.option_id: \"{o}\" is not an option of stage \"{}\" (it has {})",
                st.id,
                list(options.iter().map(|x| x.id.as_str()))
            );
        }
        for (k, t) in c.tags.iter().enumerate() {
            if !tags.iter().any(|x| x.id == *t) {
                bail!(
                    "{here}.tags[{k}]: \"{t}\" is not a tag of stage \"{}\"",
                    st.id
                );
            }
        }
        if !stages.insert(c.stage_id.as_str()) {
            bail!("{here}: a second choice for stage \"{}\"", c.stage_id);
        }
        text(&format!("{here}.rationale"), &c.rationale)?;
    }
    let mut pairs = BTreeSet::new();
    for (j, n) in s.notes.iter().enumerate() {
        let here = format!("{at}.notes[{j}]");
        id(&format!("{here}.id"), &n.id)?;
        unique(ids, "note", &format!("{here}.id"), &n.id)?;
        stage(&format!("{here}.stage_id"), g, &n.stage_id)?;
        if !pairs.insert((n.stage_id.as_str(), n.visibility.as_str())) {
            bail!(
                "{here}: a second {} note on stage \"{}\"",
                n.visibility.as_str(),
                n.stage_id
            );
        }
        text(&format!("{here}.text"), &n.text)?;
    }
    for (j, a) in s.actions.iter().enumerate() {
        let here = format!("{at}.actions[{j}]");
        action(&here, a)?;
        unique(ids, "action", &format!("{here}.id"), &a.id)?;
        if a.session_id != s.id {
            bail!(
                "{here}.session_id: action {} is listed under session {} but says it was agreed in {}",
                a.id,
                s.id,
                a.session_id
            );
        }
        if a.coachee_id != s.coachee_id {
            bail!(
                "{here}.coachee_id: \"{}\" is not the coachee of its session ({})",
                a.coachee_id,
                s.coachee_id
            );
        }
        let mut seen = BTreeSet::new();
        for (k, h) in a.history.iter().enumerate() {
            id(&format!("{here}.history[{k}].id"), &h.id)?;
            if !seen.insert(h.id.as_str()) {
                bail!(
                    "{here}.history[{k}].id: the review id \"{}\" appears twice",
                    h.id
                );
            }
            text(&format!("{here}.history[{k}].note"), &h.note)?;
        }
    }
    for (j, r) in s.reviews.iter().enumerate() {
        let here = format!("{at}.reviews[{j}]");
        id(&format!("{here}.id"), &r.id)?;
        unique(ids, "review", &format!("{here}.id"), &r.id)?;
        if r.action_id != r.action.id {
            bail!(
                "{here}.action_id: \"{}\" is not the id of the action it holds ({})",
                r.action_id,
                r.action.id
            );
        }
        action(&format!("{here}.action"), &r.action)?;
        text(&format!("{here}.note"), &r.note)?;
    }
    Ok(())
}

/// The guide snapshot, checked like a guide file, so that everything the
/// app does with a guide also holds for an imported one.
/// A file of 10,000 sessions holds a handful of guide versions: each is
/// checked once (the check writes and parses the guide as TOML).
fn snapshot(at: &str, g: &Guide) -> Result<()> {
    /// A few versions of a few guides cover any export.
    const KEPT: usize = 8;
    thread_local! {
        static VALID: std::cell::RefCell<Vec<Guide>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if VALID.with_borrow(|valid| valid.contains(g)) {
        return Ok(());
    }
    guide::parse_guide(at, &g.to_toml())
        .map_err(|e| anyhow!("{at}: the guide \"{}\" is not valid: {}", g.id, e.message))?;
    VALID.with_borrow_mut(|valid| {
        if valid.len() == KEPT {
            valid.remove(0);
        }
        valid.push(g.clone());
    });
    Ok(())
}

/// The stage of `g` with this id, or an error at `at`.
fn stage<'g>(at: &str, g: &'g Guide, stage_id: &str) -> Result<&'g Stage> {
    g.stage(stage_id).ok_or_else(|| {
        anyhow!(
            "{at}: \"{stage_id}\" is not a stage of the session's guide \"{}\" (it has {})",
            g.id,
            list(g.stages.iter().map(|s| s.id.as_str()))
        )
    })
}

/// The scale an item is rated on: its own, or its stage's.
fn item_scale(at: &str, st: &Stage, item_id: &str) -> Result<Scale> {
    let found = match &st.kind {
        StageKind::Ratings { scale, items } => items
            .iter()
            .find(|i| i.id == item_id)
            .map(|i| i.scale_or(*scale)),
        StageKind::Close {
            confidence: Some(c),
            ..
        } if c.id == item_id => Some(c.scale_or(Scale::default())),
        _ => None,
    };
    found.ok_or_else(|| {
        anyhow!(
            "{at}.item_id: \"{item_id}\" is not an item rated in stage \"{}\"",
            st.id
        )
    })
}

fn action(at: &str, a: &JsonAction) -> Result<()> {
    id(&format!("{at}.id"), &a.id)?;
    text(&format!("{at}.text"), &a.text)?;
    name(&format!("{at}.owner"), &a.owner)?;
    if let Some(link) = &a.link {
        name(&format!("{at}.link"), link)?;
        if crate::model::ActionLink::parse(link).is_none() {
            bail!(
                "{at}.link: {link:?} is not a link to a center or a pathway (center:ID or pathway:ID)"
            );
        }
    }
    Ok(())
}

fn id(at: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        bail!("{at}: the id is empty");
    }
    name(at, value)
}

fn name(at: &str, value: &str) -> Result<()> {
    limit(at, value, MAX_NAME_BYTES, "a name or id")
}

fn text(at: &str, value: &str) -> Result<()> {
    limit(at, value, MAX_TEXT_BYTES, "a text (1 MiB)")
}

fn limit(at: &str, value: &str, max: usize, what: &str) -> Result<()> {
    if value.len() > max {
        bail!(
            "{at}: {} bytes is more than the limit of {max} bytes for {what}",
            value.len()
        );
    }
    Ok(())
}

fn list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<String> = ids.map(|i| format!("\"{i}\"")).collect();
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}
