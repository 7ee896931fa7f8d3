//! The goals stage: each goal the coachee works towards, reviewed with a
//! progress note and marked achieved or dropped (the same key again takes
//! the mark back); new goals set in a form; a read-only list in a check-in.

use crate::model::GoalId;
use ratatui::text::Span;

use super::card::{Builder, focus_is};
use super::{EditorKey, Element, Session};
use crate::dates::{fmt_date, local_date};
use crate::export::doc::goals::{SET_HERE, centers_of, session_status};
use crate::guide::Scale;
use crate::model::{Goal, GoalHistory, GoalStatus, GoalUpdate};
use crate::tui::effect::{Effect, Write};
use crate::tui::form::Form;
use crate::tui::goal_form;
use crate::tui::msg::{Env, Msg};
use crate::tui::popup::Popup;

impl Session {
    /// a / x on a goal: this session's status for it; the same key again
    /// takes the mark back. The progress note stays as typed.
    pub(super) fn mark_goal(&mut self, i: usize, status: GoalStatus, env: &Env) -> Vec<Msg> {
        let sid = self.session_id().to_owned();
        let Some(h) = self.data.record.goals.get(i) else {
            return vec![];
        };
        let before = h.in_session(&sid).and_then(|u| u.status);
        let status = (before != Some(status)).then_some(status);
        let key = EditorKey::GoalNote {
            goal: h.goal.id.clone(),
        };
        let note = self
            .editor_text(&key)
            .or_else(|| h.in_session(&sid).map(|u| u.note.clone()))
            .unwrap_or_default();
        let text = h.goal.text.clone();
        let w = Write::GoalUpdate {
            goal: h.goal.id.clone(),
            session: sid,
            status,
            note: note.clone(),
            at: env.now,
        };
        // The note went with the mark: the editor has nothing left to save.
        self.saved.insert(key, note);
        self.sync_record(&w);
        let said = match status {
            Some(s) => format!("Goal {}: {text}", s.as_str()),
            None => format!("Goal active again: {text}"),
        };
        vec![Msg::Effect(Effect::Save(w)), Msg::Say(said)]
    }

    /// The centers a goal can move, and their scale: the guide's Six
    /// Centers, else those of the shipped guides.
    fn goal_centers(&self) -> (Vec<(String, String)>, Scale) {
        let guide = &self.data.record.session.guide;
        let scale = crate::export::doc::centers(guide).map_or(Scale::default(), |(_, _, sc)| sc);
        (centers_of(guide), scale)
    }

    /// The form setting a goal (`None`) or changing goal `i`.
    pub(super) fn goal_form(&self, i: Option<usize>) -> Vec<Msg> {
        vec![Msg::Popup(Popup::Form(Box::new(self.goal_form_of(i))))]
    }

    fn goal_form_of(&self, i: Option<usize>) -> Form {
        let (centers, scale) = self.goal_centers();
        let goal = i
            .and_then(|i| self.data.record.goals.get(i))
            .map(|h| &h.goal);
        goal_form::form(i.filter(|_| goal.is_some()), goal, &centers, scale, None)
    }

    /// The new-goal form, its text begun with the key typed on "+ Set a goal".
    pub(super) fn goal_form_typed(&self, key: ratatui::crossterm::event::KeyEvent) -> Vec<Msg> {
        let mut form = self.goal_form_of(None);
        form.input(key);
        vec![Msg::Popup(Popup::Form(Box::new(form)))]
    }

    /// Applies the goal form: sets the new goal, or changes the one edited.
    pub fn apply_goal_form(&mut self, form: &Form, env: &Env) -> Vec<Effect> {
        let Ok(f) = goal_form::read(form, env.today) else {
            return vec![];
        };
        let index = match form.kind {
            crate::tui::form::FormKind::Goal { index, .. } => index,
            _ => None,
        };
        let rec = &mut self.data.record;
        if let Some(h) = index.and_then(|i| rec.goals.get_mut(i)) {
            let g = &mut h.goal;
            g.text = f.text;
            g.center = f.center;
            g.target = f.target;
            g.target_date = f.target_date;
            g.shareable = f.shareable;
            return vec![Effect::Save(Write::UpdateGoal(g.clone()))];
        }
        let goal = Goal {
            id: GoalId::random(),
            coachee_id: rec.coachee.id.clone(),
            text: f.text,
            center: f.center,
            target: f.target,
            target_date: f.target_date,
            shareable: f.shareable,
            created_at: env.now,
            created_in: Some(rec.session.id.clone()),
        };
        let w = Write::AddGoal(goal);
        self.sync_record(&w);
        let n = self.data.record.goals.len() - 1;
        if let Some(pos) = self.elements().iter().position(|e| *e == Element::Goal(n)) {
            self.focus = pos;
            self.ensure_editors();
        }
        vec![Effect::Save(w)]
    }

    /// Keeps the on-screen goals in step with a goal write.
    pub(super) fn sync_goal(&mut self, w: &Write) {
        let goals = &mut self.data.record.goals;
        match w {
            Write::AddGoal(g) => goals.push(GoalHistory {
                goal: g.clone(),
                updates: Vec::new(),
            }),
            Write::UpdateGoal(g) => {
                if let Some(h) = goals.iter_mut().find(|h| h.goal.id == g.id) {
                    h.goal = g.clone();
                }
            }
            Write::GoalUpdate {
                goal,
                session,
                status,
                note,
                at,
            } => {
                let Some(h) = goals.iter_mut().find(|h| h.goal.id == *goal) else {
                    return;
                };
                let pos = h
                    .updates
                    .iter()
                    .position(|u| u.session_id.as_deref() == Some(session));
                if status.is_none() && note.trim().is_empty() {
                    if let Some(p) = pos {
                        h.updates.remove(p);
                    }
                    return;
                }
                match pos {
                    Some(p) => {
                        let u = &mut h.updates[p];
                        u.status = *status;
                        note.trim().clone_into(&mut u.note);
                        u.at = *at;
                    }
                    None => h.updates.push(GoalUpdate {
                        id: crate::model::new_id(),
                        session_id: Some(session.clone()),
                        status: *status,
                        note: note.trim().to_owned(),
                        at: *at,
                    }),
                }
            }
            _ => {}
        }
    }
}

/// The goals on the card: each with what it aims at, where it stands and
/// this session's note; then the line that sets a new one.
pub(super) fn goal_rows(b: &mut Builder, s: &Session, read_only: bool) {
    let t = b.theme;
    let rec = &s.data.record;
    let sid = &rec.session.id;
    if rec.goals.is_empty() {
        let text = if read_only {
            "No goals set yet: a one-to-one or a first session sets them."
        } else {
            "No goals yet. Set the first one below: what the coachee wants to be different."
        };
        b.para(0, text, t.base);
        b.blank();
    } else if read_only {
        b.para(
            0,
            "Goals are reviewed in a one-to-one; here they are shown only.",
            t.dim,
        );
        b.blank();
    }
    let (centers, _) = s.goal_centers();
    for (i, h) in rec.goals.iter().enumerate() {
        let focused = focus_is(s, Element::Goal(i));
        let start = b.begin();
        let status = session_status(h, sid);
        let mark = match status {
            "achieved" => "[achieved] ",
            "dropped" => "[dropped]  ",
            SET_HERE => "[new]      ",
            _ => "[active]   ",
        };
        let marked = h.in_session(sid).is_some_and(|u| u.status.is_some());
        b.text(
            vec![
                b.mark(focused),
                Span::styled(mark, if marked { t.ok } else { t.base }),
            ],
            &h.goal.text,
            if focused { t.title } else { t.base },
        );
        b.para(13, &goal_meta(h, s, &centers), t.dim);
        if let Some(u) = earlier_note(h, sid) {
            let when = fmt_date(local_date(u.at));
            b.para(13, &format!("Last note ({when}): {}", u.note.trim()), t.dim);
        }
        if read_only {
            b.end(start);
            b.blank();
            continue;
        }
        if focused && !s.note_open {
            b.para(
                13,
                "1 achieved · 2 drop · F2 change · type how it moved",
                t.dim,
            );
        }
        let key = EditorKey::GoalNote {
            goal: h.goal.id.clone(),
        };
        let typing = focused && s.note_open;
        if typing || focused || !s.editor_text(&key).unwrap_or_default().is_empty() {
            b.editor(s, &key, 11, typing, "(no progress note yet)");
        }
        b.end(start);
        b.blank();
    }
    if !read_only {
        let focused = focus_is(s, Element::AddGoal);
        let start = b.begin();
        b.text(
            vec![b.mark(focused)],
            "+ Set a goal (Enter, or type it)",
            if focused { t.title } else { t.dim },
        );
        b.end(start);
    }
}

/// `Autonomy 6 → target 8 · by 2027-03-01 · set 2026-10-01 · in sponsor reports`.
fn goal_meta(h: &GoalHistory, s: &Session, centers: &[(String, String)]) -> String {
    let rec = &s.data.record;
    let g = &h.goal;
    let now = g.center.as_deref().and_then(|c| {
        rec.ratings
            .iter()
            .find(|r| r.item_id == c)
            .and_then(|r| r.score)
            .or_else(|| s.data.previous.get(c).copied())
    });
    let mut meta: Vec<String> = crate::export::doc::goal_aim(g, centers, now)
        .into_iter()
        .collect();
    meta.extend(g.target_date.map(|d| format!("by {}", fmt_date(d))));
    if g.created_in.as_deref() != Some(rec.session.id.as_str()) {
        meta.push(format!("set {}", fmt_date(local_date(g.created_at))));
    }
    if g.shareable {
        meta.push("named in sponsor reports".to_owned());
    }
    if meta.is_empty() {
        meta.push("no center or date".to_owned());
    }
    meta.join(" · ")
}

/// The latest progress note from before this session.
fn earlier_note<'a>(h: &'a GoalHistory, sid: &str) -> Option<&'a GoalUpdate> {
    h.updates
        .iter()
        .rev()
        .filter(|u| u.session_id.as_deref() != Some(sid))
        .find(|u| !u.note.trim().is_empty())
}
