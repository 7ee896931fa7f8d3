//! Keys on the live session screen: editing, moving, rating, choosing, reviewing.

use ratatui::crossterm::event::KeyEvent;

use super::Live;
use super::fields::FieldKind;
use crate::guide::StageKind;
use crate::model::{ActionReview, Choice, Rating, ReviewOutcome};
use crate::tui::app::{App, OnYes, Popup, Screen};
use crate::tui::effect::{Effect, Write};
use crate::tui::keymap::Cmd;

/// A key on the session screen (no popup open).
pub fn on_key(app: &mut App, cmd: Option<Cmd>, key: KeyEvent) -> Vec<Effect> {
    let share_safe = app.share_safe;
    let Screen::Session(live) = &mut app.screen else {
        return vec![];
    };
    live.hide_private = share_safe;
    match cmd {
        Some(Cmd::Quit) => return app.quit_effects(),
        Some(Cmd::Finish) => return ask_finish(app),
        Some(Cmd::AddAction) => {
            let form = live.action_form(None);
            app.popup = Some(Popup::Form(Box::new(form)));
            return vec![];
        }
        Some(Cmd::Edit) if matches!(live.focused(), Some(FieldKind::ActionList)) => {
            if !live.data.record.actions.is_empty() {
                let form = live.action_form(Some(live.row));
                app.popup = Some(Popup::Form(Box::new(form)));
            }
            return vec![];
        }
        Some(Cmd::Delete) => {
            if let Some(a) = live.data.record.actions.get(live.row) {
                app.popup = Some(Popup::Confirm {
                    text: format!("Delete the action \"{}\"?", a.text),
                    on_yes: OnYes::DeleteAction(live.row),
                });
            }
            return vec![];
        }
        Some(Cmd::Back) if !live.editing => {
            let mut effects = live.flush_editors();
            effects.push(live.progress_write());
            effects.push(Effect::Durable);
            // Back to where the session was opened from (home, coachee, detail).
            effects.extend(app.back());
            app.say("The session is kept unfinished: press c to resume it");
            return effects;
        }
        Some(Cmd::Search) => {
            let mut effects = live.flush_editors();
            effects.push(live.progress_write());
            effects.push(Effect::Durable);
            app.resume_after_search = Some(live.session_id().to_owned());
            effects.extend(app.open_search());
            return effects;
        }
        Some(Cmd::SaveNow) => {
            let mut effects = live.flush_editors();
            effects.push(live.progress_write());
            effects.push(Effect::Durable);
            app.say("Saved");
            return effects;
        }
        Some(Cmd::ToggleNotes) => {
            if share_safe {
                app.say("Private notes are hidden in share-safe mode (Ctrl-t to turn it off)");
                return vec![];
            }
            let mut effects = live.flush_editors();
            if live.focused() != Some(FieldKind::PrivateNote) {
                live.main_field = live.field;
            }
            live.notes_open = !live.notes_open;
            live.ensure_editors();
            if live.notes_open {
                live.field = live.field_count().saturating_sub(1);
                live.editing = true;
            } else {
                live.field = live.main_field.min(live.field_count().saturating_sub(1));
                live.editing = live.focused_is_text();
            }
            effects.push(live.progress_write());
            return effects;
        }
        _ => {}
    }
    let effects = on_live_key(live, cmd, key);
    if let Some(msg) = live.field_error.clone() {
        app.error(msg);
    }
    effects
}

fn on_live_key(live: &mut Live, cmd: Option<Cmd>, key: KeyEvent) -> Vec<Effect> {
    match cmd {
        Some(Cmd::NextStage) => return change_stage(live, 1),
        Some(Cmd::PrevStage) => return change_stage(live, -1),
        Some(Cmd::NextField) => return move_field(live, 1),
        Some(Cmd::PrevField) => return move_field(live, -1),
        Some(Cmd::Back) => {
            // Esc while editing: stop editing, keep the focus.
            live.editing = false;
            let mut effects = live.flush_editors();
            effects.push(Effect::Flush);
            return effects;
        }
        _ => {}
    }
    if live.editing {
        return type_key(live, key);
    }
    let Some(field) = live.focused() else {
        return vec![];
    };
    match (cmd, field) {
        (Some(Cmd::Edit), f) if f.editor_key(live).is_some() => {
            live.editing = true;
            vec![]
        }
        (Some(Cmd::Up), _) => move_row(live, field, -1),
        (Some(Cmd::Down), _) => move_row(live, field, 1),
        (Some(Cmd::Left), FieldKind::RatingItem(_) | FieldKind::Confidence) => {
            nudge_score(live, field, -1)
        }
        (Some(Cmd::Right), FieldKind::RatingItem(_) | FieldKind::Confidence) => {
            nudge_score(live, field, 1)
        }
        (Some(Cmd::Digit(d)), FieldKind::RatingItem(_) | FieldKind::Confidence) => {
            set_score(live, field, if d == 0 { 10 } else { i64::from(d) })
        }
        (Some(Cmd::Toggle | Cmd::Edit), FieldKind::ChoiceOptions) => pick_option(live),
        (Some(Cmd::Toggle | Cmd::Edit), FieldKind::Tags) => toggle_tag(live),
        (Some(Cmd::MarkDone), FieldKind::ReviewList | FieldKind::ReviewNote) => {
            review(live, ReviewOutcome::Done)
        }
        (Some(Cmd::MarkCarried), FieldKind::ReviewList | FieldKind::ReviewNote) => {
            review(live, ReviewOutcome::Carried)
        }
        (Some(Cmd::MarkDropped), FieldKind::ReviewList | FieldKind::ReviewNote) => {
            review(live, ReviewOutcome::Dropped)
        }
        _ => vec![],
    }
}

/// Pasted text lands in the focused editor, whole.
pub fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    let Screen::Session(live) = &mut app.screen else {
        return vec![];
    };
    let Some(field) = live.focused() else {
        return vec![];
    };
    let Some(key) = field.editor_key(live) else {
        return vec![];
    };
    live.editing = true;
    if let Some(editor) = live.editors.get_mut(&key) {
        // Terminals send pasted newlines as CR.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        editor.insert_str(text);
    }
    field
        .write_for_editor(live)
        .map(Effect::Save)
        .into_iter()
        .collect()
}

fn type_key(live: &mut Live, key: KeyEvent) -> Vec<Effect> {
    let Some(field) = live.focused() else {
        return vec![];
    };
    let Some(ek) = field.editor_key(live) else {
        return vec![];
    };
    let single_line = matches!(field, FieldKind::NextSession);
    if single_line && key.code == ratatui::crossterm::event::KeyCode::Enter {
        return move_field(live, 1);
    }
    let changed = live.editors.get_mut(&ek).is_some_and(|e| e.input(key));
    if !changed {
        return vec![];
    }
    if single_line {
        let text = live.editor_text(&ek).unwrap_or_default();
        let today = crate::dates::local_date(live.last_tick);
        live.field_error = crate::dates::parse_due(&text, today)
            .err()
            .map(|e| e.to_string());
    }
    match field.write_for_editor(live) {
        Some(w) => {
            sync_record(live, &w);
            vec![Effect::Save(w)]
        }
        None => vec![],
    }
}

/// Keeps the in-memory record in step with a write, so that what the stage
/// shows (scores, choice, review marks) is what was saved.
fn sync_record(live: &mut Live, w: &Write) {
    let rec = &mut live.data.record;
    match w {
        Write::Rating { rating, .. } => {
            match rec
                .ratings
                .iter_mut()
                .find(|r| r.stage_id == rating.stage_id && r.item_id == rating.item_id)
            {
                Some(r) => *r = rating.clone(),
                None => rec.ratings.push(rating.clone()),
            }
        }
        Write::Choice { choice, .. } => {
            match rec
                .choices
                .iter_mut()
                .find(|c| c.stage_id == choice.stage_id)
            {
                Some(c) => *c = choice.clone(),
                None => rec.choices.push(choice.clone()),
            }
        }
        Write::NextSession { date, .. } => rec.session.next_session = *date,
        Write::Review {
            action,
            session,
            outcome,
            note,
            at,
        } => {
            if let Some((_, r)) = live.data.review.iter_mut().find(|(a, _)| a.id == *action) {
                *r = Some(ActionReview {
                    id: r.as_ref().map(|r| r.id.clone()).unwrap_or_default(),
                    action_id: action.clone(),
                    session_id: Some(session.clone()),
                    outcome: *outcome,
                    note: note.clone(),
                    at: *at,
                });
            }
        }
        _ => {}
    }
}

fn change_stage(live: &mut Live, delta: isize) -> Vec<Effect> {
    let mut effects = live.flush_editors();
    let n = live.stage_count();
    let target = live.stage as isize + delta;
    if target < 0 || target >= n as isize {
        return effects;
    }
    if delta > 0
        && let Some(id) = live.stage_def().map(|s| s.id.clone())
        && !live.data.record.session.done_stages.contains(&id)
    {
        live.data.record.session.done_stages.push(id);
    }
    live.enter_stage(target as usize);
    effects.push(live.progress_write());
    effects.push(Effect::Durable);
    effects
}

fn move_field(live: &mut Live, delta: isize) -> Vec<Effect> {
    let mut effects = live.flush_editors();
    let n = live.field_count();
    if n == 0 {
        return effects;
    }
    live.field = (live.field as isize + delta).rem_euclid(n as isize) as usize;
    live.field_error = None;
    if live.focused() != Some(FieldKind::PrivateNote) {
        live.main_field = live.field;
    }
    match live.focused() {
        Some(FieldKind::ChoiceOptions) => {
            live.row = chosen_option_index(live).unwrap_or(0);
        }
        Some(FieldKind::Tags) => live.row = 0,
        Some(FieldKind::RatingItem(i)) => live.row = i,
        _ => {}
    }
    live.ensure_editors();
    live.editing = live.focused_is_text();
    effects.push(live.progress_write());
    effects
}

fn move_row(live: &mut Live, field: FieldKind, delta: isize) -> Vec<Effect> {
    let Some(stage) = live.stage_def() else {
        return vec![];
    };
    let len = match (field, &stage.kind) {
        (FieldKind::ReviewList | FieldKind::ReviewNote, _) => live.data.review.len(),
        (FieldKind::ActionList, _) => live.data.record.actions.len(),
        (FieldKind::ChoiceOptions, StageKind::Choice { options, .. }) => options.len(),
        (FieldKind::Tags, StageKind::Choice { tags, .. }) => tags.len(),
        (FieldKind::RatingItem(_), _) => {
            // ↑/↓ on ratings move between items, like Tab.
            return move_field(live, delta);
        }
        _ => return vec![],
    };
    if len == 0 {
        return vec![];
    }
    let mut effects = live.flush_editors();
    live.row = (live.row as isize + delta).clamp(0, len as isize - 1) as usize;
    live.ensure_editors();
    if field == FieldKind::ChoiceOptions {
        effects.extend(pick_option(live));
    }
    effects
}

fn chosen_option_index(live: &Live) -> Option<usize> {
    let stage = live.stage_def()?;
    let StageKind::Choice { options, .. } = &stage.kind else {
        return None;
    };
    let chosen = live.data.record.choice(&stage.id)?.option_id.clone()?;
    options.iter().position(|o| o.id == chosen)
}

fn current_choice(live: &Live) -> Option<Choice> {
    let stage = live.stage_def()?;
    Some(
        live.data
            .record
            .choice(&stage.id)
            .cloned()
            .unwrap_or(Choice {
                stage_id: stage.id.clone(),
                option_id: None,
                rationale: String::new(),
                tags: vec![],
            }),
    )
}

fn save_choice(live: &mut Live, choice: Choice) -> Vec<Effect> {
    let w = Write::Choice {
        session: live.session_id().to_owned(),
        choice,
    };
    sync_record(live, &w);
    vec![Effect::Save(w)]
}

fn pick_option(live: &mut Live) -> Vec<Effect> {
    let Some(stage) = live.stage_def() else {
        return vec![];
    };
    let StageKind::Choice { options, .. } = &stage.kind else {
        return vec![];
    };
    let Some(opt) = options.get(live.row).map(|o| o.id.clone()) else {
        return vec![];
    };
    let Some(mut choice) = current_choice(live) else {
        return vec![];
    };
    if let Some(text) = live.editor_text(&format!("c/{}", stage.id)) {
        choice.rationale = text;
    }
    choice.option_id = Some(opt);
    save_choice(live, choice)
}

fn toggle_tag(live: &mut Live) -> Vec<Effect> {
    let Some(stage) = live.stage_def() else {
        return vec![];
    };
    let StageKind::Choice { tags, .. } = &stage.kind else {
        return vec![];
    };
    let Some(tag) = tags.get(live.row).map(|t| t.id.clone()) else {
        return vec![];
    };
    let Some(mut choice) = current_choice(live) else {
        return vec![];
    };
    if let Some(pos) = choice.tags.iter().position(|t| *t == tag) {
        choice.tags.remove(pos);
    } else {
        choice.tags.push(tag);
    }
    save_choice(live, choice)
}

/// The (stage id, item id, scale) of a score field.
fn score_target(live: &Live, field: FieldKind) -> Option<(String, String, crate::guide::Scale)> {
    let stage = live.stage_def()?;
    match (field, &stage.kind) {
        (FieldKind::RatingItem(i), StageKind::Ratings { items, scale }) => {
            let it = items.get(i)?;
            Some((stage.id.clone(), it.id.clone(), it.scale_or(*scale)))
        }
        (FieldKind::Confidence, StageKind::Close { confidence, .. }) => {
            let c = confidence.as_ref()?;
            Some((
                stage.id.clone(),
                c.id.clone(),
                c.scale_or(crate::guide::Scale::default()),
            ))
        }
        _ => None,
    }
}

fn nudge_score(live: &mut Live, field: FieldKind, delta: i64) -> Vec<Effect> {
    let Some((stage, item, scale)) = score_target(live, field) else {
        return vec![];
    };
    let current = live.data.record.rating(&stage, &item).and_then(|r| r.score);
    let next = match current {
        // The first press starts from the previous session's score, if any.
        None => live
            .data
            .previous
            .get(&item)
            .copied()
            .unwrap_or((scale.min + scale.max) / 2),
        Some(s) => s + delta,
    };
    set_score(live, field, next)
}

fn set_score(live: &mut Live, field: FieldKind, score: i64) -> Vec<Effect> {
    let Some((stage, item, scale)) = score_target(live, field) else {
        return vec![];
    };
    let score = score.clamp(scale.min, scale.max);
    let note = live
        .editor_text(&format!("r/{stage}/{item}"))
        .or_else(|| {
            live.data
                .record
                .rating(&stage, &item)
                .map(|r| r.note.clone())
        })
        .unwrap_or_default();
    let w = Write::Rating {
        session: live.session_id().to_owned(),
        rating: Rating {
            stage_id: stage,
            item_id: item,
            score: Some(score),
            note,
        },
    };
    sync_record(live, &w);
    vec![Effect::Save(w)]
}

fn review(live: &mut Live, outcome: ReviewOutcome) -> Vec<Effect> {
    let Some((action, _)) = live.data.review.get(live.row) else {
        return vec![];
    };
    let note = live
        .editor_text(&format!("v/{}", action.id))
        .unwrap_or_default();
    let w = Write::Review {
        action: action.id.clone(),
        session: live.session_id().to_owned(),
        outcome,
        note,
        at: live.last_tick,
    };
    sync_record(live, &w);
    vec![Effect::Save(w)]
}

/// Finishing: straight away when everything is filled in, else ask.
fn ask_finish(app: &mut App) -> Vec<Effect> {
    let Screen::Session(live) = &app.screen else {
        return vec![];
    };
    let missing = super::missing_parts(live);
    if missing.is_empty() {
        app.popup = Some(Popup::Confirm {
            text: "Finish this session? It will be marked completed.".to_owned(),
            on_yes: OnYes::Finish,
        });
    } else {
        app.popup = Some(Popup::Confirm {
            text: format!("Not filled in yet: {}. Finish anyway?", missing.join("; ")),
            on_yes: OnYes::Finish,
        });
    }
    vec![]
}
