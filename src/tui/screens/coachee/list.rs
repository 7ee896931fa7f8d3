//! The coachee page's second list: what lasts between sessions (goals,
//! open actions, parked topics), in one order for drawing and for keys.

use crate::dates;
use crate::model::{ActionRow, GoalHistory, GoalStatus, Topic};

use super::{CoacheeData, CoacheeView};

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item<'a> {
    Goal(&'a GoalHistory),
    Action(&'a ActionRow),
    Topic(&'a Topic),
}

impl Item<'_> {
    /// What stays the same when the page is read again.
    pub fn id(&self) -> &str {
        match self {
            Item::Goal(h) => &h.goal.id,
            Item::Action(r) => &r.action.id,
            Item::Topic(t) => &t.id,
        }
    }
}

impl CoacheeData {
    /// What they are working towards first, then what was agreed, then
    /// what was parked, then the goals already closed.
    pub fn items(&self) -> Vec<Item<'_>> {
        let active = |h: &&GoalHistory| h.status() == GoalStatus::Active;
        let mut items: Vec<Item<'_>> = self.goals.iter().filter(active).map(Item::Goal).collect();
        items.extend(self.actions.iter().map(Item::Action));
        items.extend(self.topics.iter().map(Item::Topic));
        items.extend(self.goals.iter().filter(|h| !active(h)).map(Item::Goal));
        items
    }
}

impl CoacheeView {
    /// The row in full, for the line under the sessions while the list has
    /// the keys (the table ends long text with "…").
    pub fn item_in_full(&self, item: Item<'_>, share_safe: bool) -> String {
        match item {
            Item::Goal(h) => {
                let g = &h.goal;
                let mut parts = vec![format!(
                    "Goal ({}): {}",
                    crate::tui::goal_form::status_label(h.status()),
                    one_line(&g.text)
                )];
                parts.extend(crate::export::doc::goal_aim(
                    g,
                    self.goal_centers(),
                    self.latest_score(g),
                ));
                parts.extend(g.target_date.map(|d| format!("by {}", dates::fmt_date(d))));
                parts.extend(
                    h.last_note()
                        .map(|u| format!("latest: {}", one_line(&u.note))),
                );
                parts.join(" · ")
            }
            Item::Action(r) => {
                let a = &r.action;
                let due = a.due.map_or_else(
                    || "no date".to_owned(),
                    |d| format!("due {}", dates::fmt_date(d)),
                );
                format!(
                    "Action: {} · {due} · {}",
                    one_line(&a.text),
                    crate::export::owner(&a.owner)
                )
            }
            Item::Topic(t) if t.private && share_safe => {
                "Topic: a private topic, hidden in share-safe mode".to_owned()
            }
            Item::Topic(t) => format!("Topic for next time: {}", one_line(&t.text)),
        }
    }
}

/// A text on one line: its line breaks and runs of spaces become one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
