//! Topics parked for next time in a session: the ones this session reviews
//! (listed in the review stage after the open actions, marked discussed,
//! carried or dropped), and parking a new one with Ctrl-l without leaving
//! the field being typed in.

use ratatui::text::Span;

use super::card::{Builder, focus_is};
use super::{Element, Session};
use crate::model::{TopicOrigin, TopicOutcome};
use crate::tui::effect::{Effect, Write};
use crate::tui::msg::{Env, Msg};

impl Session {
    /// 1 / 2 / 3 on a topic: this session's outcome for it; the same key
    /// again takes the mark back.
    pub(super) fn mark_topic(&mut self, i: usize, outcome: TopicOutcome, env: &Env) -> Vec<Msg> {
        if let Some(t) = self.holder_text() {
            return vec![Msg::Say(t)];
        }
        let Some((topic, before)) = self.data.topics.get(i) else {
            return vec![];
        };
        let outcome = (*before != Some(outcome)).then_some(outcome);
        // The message names the topic, unless it is private and hidden.
        let text = if topic.private && env.share_safe {
            "a private topic".to_owned()
        } else {
            crate::tui::wrap::ellipsis(&topic.text.replace('\n', " "), 60)
        };
        let said = match outcome {
            Some(TopicOutcome::Discussed) => format!("Topic discussed: {text}"),
            Some(TopicOutcome::Carried) => format!("Topic carried over: {text}"),
            Some(TopicOutcome::Dropped) => format!("Topic dropped: {text}"),
            None => format!("Topic not marked: {text}"),
        };
        let w = Write::TopicReview {
            topic: topic.id.clone(),
            session: self.session_id().to_owned(),
            outcome,
            at: env.now,
        };
        // The focus stays, as on an action under review: Tab moves on.
        self.sync_record(&w);
        vec![Msg::Effect(Effect::Save(w)), Msg::Say(said)]
    }
}

/// The topics under the review stage's actions.
pub(super) fn topic_rows(b: &mut Builder, s: &Session, env: &Env) {
    if s.data.topics.is_empty() {
        return;
    }
    let t = b.theme;
    b.para(0, "Topics parked for this session:", t.title);
    b.blank();
    for (i, (topic, outcome)) in s.data.topics.iter().enumerate() {
        let focused = focus_is(s, Element::Topic(i));
        let start = b.begin();
        let mark = match outcome {
            Some(TopicOutcome::Discussed) => "[discussed] ",
            Some(TopicOutcome::Carried) => "[carried]   ",
            Some(TopicOutcome::Dropped) => "[dropped]   ",
            None => "[   ?   ]   ",
        };
        let text = if topic.private && env.share_safe {
            "(a private topic: hidden in share-safe mode)".to_owned()
        } else {
            topic.text.clone()
        };
        b.text(
            vec![
                b.mark(focused),
                Span::styled(mark, if outcome.is_some() { t.ok } else { t.base }),
            ],
            &text,
            if focused { t.title } else { t.base },
        );
        let mut meta = vec![format!(
            "raised {}",
            crate::dates::fmt_date(crate::dates::local_date(topic.raised_at))
        )];
        if topic.origin == TopicOrigin::Coachee {
            meta.push("by the coachee, in their preparation".to_owned());
        }
        if topic.private {
            meta.push(crate::export::doc::PRIVATE.to_owned());
        }
        b.para(
            14,
            &meta.join(" · "),
            if topic.private { t.private } else { t.dim },
        );
        if focused {
            b.para(14, "1 discussed · 2 carry over · 3 drop", t.dim);
        }
        b.end(start);
        b.blank();
    }
}
