//! Sample data through the store API: realistic coachees and sessions to explore.
//!
//! Deterministic for a seed (relative to today's date, so overdue actions stay
//! overdue), and fast enough to generate 10,000 sessions for benchmarks: every
//! row goes in through `Store::insert_record` inside one bulk transaction.

mod goals;
mod text;

use std::collections::BTreeMap;

use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Duration, OffsetDateTime, Time};

use crate::guide::{self, Guide, StageKind};
use crate::model::{
    Action, ActionReview, ActionStatus, Answer, Choice, Coachee, Focus, Note, Rating,
    ReviewOutcome, Session, SessionRecord, SessionStatus, Visibility,
};
use crate::store::Store;

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    pub coachees: u32,
    pub sessions: u32,
    pub seed: u64,
}

/// What was added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DemoReport {
    pub coachees: u64,
    pub sessions: u64,
    pub actions: u64,
}

/// Fills `store` with sample data. All or nothing: one transaction.
pub fn generate(store: &Store, opts: &DemoOptions) -> anyhow::Result<DemoReport> {
    generate_at(store, opts, crate::dates::today())
}

/// Like [`generate`], as if today were `today` (for reproducible tests).
pub fn generate_at(
    store: &Store,
    opts: &DemoOptions,
    today: time::Date,
) -> anyhow::Result<DemoReport> {
    let guides = guide::builtin_guides();
    let Some(fallback) = guides.first() else {
        anyhow::bail!("no built-in guide to base demo sessions on");
    };
    let by_id = |id: &str| guides.iter().find(|g| g.id == id).unwrap_or(fallback);
    let (first, regular, checkin) = (
        by_id("first-session"),
        by_id("one-to-one"),
        by_id("six-centers-checkin"),
    );
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let anchor = OffsetDateTime::new_utc(today, Time::MIDNIGHT);
    let names = pick_names(&mut rng, opts.coachees as usize);
    let mut report = DemoReport::default();

    store.in_bulk_transaction(|store| -> crate::store::Result<()> {
        for (i, name) in names.iter().enumerate() {
            let span_days = i64::from(opts.sessions) * 14 + 7;
            let created = anchor - Duration::days(span_days + 7) + Duration::hours(9);
            // A generator of the coachee's own for what came later (their
            // notes, topics), so that the main sequence, and with it every
            // demo database made before, stays the same, and does not
            // depend on whether this coachee was already there.
            let mut own = ChaCha8Rng::seed_from_u64(opts.seed ^ (0x0070_91c5 + i as u64));
            let coachee = Coachee {
                id: uuid_from(&mut rng).into(),
                name: name.clone(),
                role: (*text::ROLES.choose(&mut rng).unwrap_or(&"")).to_owned(),
                notes: text::about(&mut own),
                archived: false,
                created_at: created,
                // Most meet every two weeks; some have no agreed rhythm.
                rhythm_days: [Some(14), Some(14), Some(7), None, Some(28)][i % 5],
            };
            let added = store.insert_coachee(&coachee)?;
            report.coachees += 1;
            let theme = *text::THEMES.choose(&mut rng).unwrap_or(&"the team");
            // Every fifth coachee has a session left unfinished, to resume.
            let unfinished = i % 5 == 2;
            let mut story = CoacheeGen::new(&coachee, theme, &mut rng);
            let mut records = Vec::new();
            for s in 0..opts.sessions {
                let g = if s == 0 {
                    first
                } else if s % 4 == 3 {
                    checkin
                } else {
                    regular
                };
                let days_ago = i64::from(opts.sessions - 1 - s) * 14 + rng.random_range(2..6);
                let start = anchor - Duration::days(days_ago)
                    + Duration::hours(rng.random_range(8..17))
                    + Duration::minutes(rng.random_range(0..4) * 15);
                let last = s + 1 == opts.sessions;
                records.push(story.session(g, start, last && unfinished, &mut rng));
            }
            CoacheeGen::finish_statuses(&mut records);
            for r in &records {
                report.sessions += 1;
                report.actions += r.actions.len() as u64;
                store.insert_record(r)?;
            }
            if added {
                topics(store, &records, theme, &mut own)?;
                goals::goals(store, &records, theme, &mut own)?;
            }
        }
        Ok(())
    })?;
    Ok(report)
}

/// Topics for next time: one parked in an early session and discussed in
/// the next, one carried over, one parked in the last finished session (so
/// the next one reviews it), and every third coachee a private one.
fn topics(
    store: &Store,
    records: &[SessionRecord],
    theme: &str,
    rng: &mut ChaCha8Rng,
) -> crate::store::Result<()> {
    use crate::model::{TopicOrigin, TopicOutcome};
    let done: Vec<&SessionRecord> = records
        .iter()
        .filter(|r| r.session.status == SessionStatus::Completed)
        .collect();
    let (Some(first), Some(last)) = (done.first(), done.last()) else {
        return Ok(());
    };
    let coachee = &first.coachee.id;
    let at = |r: &SessionRecord| r.session.started_at + Duration::minutes(20);
    let park = |text: String, private: bool, r: &SessionRecord| {
        store.add_topic(
            coachee,
            &text,
            private,
            TopicOrigin::Coach,
            Some(&r.session.id),
            at(r),
        )
    };
    if let [a, b, ..] = done.as_slice() {
        for outcome in [TopicOutcome::Discussed, TopicOutcome::Carried] {
            let t = park(text::topic(rng, theme), false, a)?;
            store.review_topic(&t.id, &b.session.id, Some(outcome), at(b))?;
        }
    }
    park(text::topic(rng, theme), false, last)?;
    if rng.random_range(0..3) == 0 {
        park(text::topic(rng, theme), true, last)?;
    }
    Ok(())
}

/// Distinct "First Last" names in a seeded order.
fn pick_names(rng: &mut ChaCha8Rng, n: usize) -> Vec<String> {
    let mut all: Vec<String> = text::FIRST_NAMES
        .iter()
        .flat_map(|f| text::LAST_NAMES.iter().map(move |l| format!("{f} {l}")))
        .collect();
    all.shuffle(rng);
    let mut out: Vec<String> = Vec::with_capacity(n);
    let mut round = 1;
    while out.len() < n {
        for name in &all {
            if out.len() == n {
                break;
            }
            out.push(if round == 1 {
                name.clone()
            } else {
                format!("{name} {round}")
            });
        }
        round += 1;
    }
    out
}

/// A random v4 UUID from the seeded generator, so ids repeat with the seed.
fn uuid_from(rng: &mut impl RngCore) -> String {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// The running story of one coachee: scores drift, actions come and go.
struct CoacheeGen<'a> {
    coachee: &'a Coachee,
    theme: &'a str,
    scores: BTreeMap<String, i64>,
    /// Actions still open, as they were agreed.
    open: Vec<Action>,
}

impl<'a> CoacheeGen<'a> {
    fn new(coachee: &'a Coachee, theme: &'a str, rng: &mut ChaCha8Rng) -> Self {
        let mut scores = BTreeMap::new();
        for id in [
            "autonomy",
            "self_motivation",
            "self_confidence",
            "self_efficacy",
            "job_satisfaction",
            "relationships",
        ] {
            scores.insert(id.to_owned(), rng.random_range(3..=6));
        }
        Self {
            coachee,
            theme,
            scores,
            open: Vec::new(),
        }
    }

    fn session(
        &mut self,
        guide: &Guide,
        start: OffsetDateTime,
        unfinished: bool,
        rng: &mut ChaCha8Rng,
    ) -> SessionRecord {
        let stop_at = if unfinished {
            guide.stages.len() / 2
        } else {
            guide.stages.len()
        };
        let mut rec = SessionRecord {
            session: Session {
                id: uuid_from(rng).into(),
                coachee_id: self.coachee.id.clone(),
                guide: guide.clone(),
                started_at: start,
                ended_at: None,
                status: SessionStatus::InProgress,
                current_stage: stop_at.min(guide.stages.len().saturating_sub(1)),
                current_field: 0,
                stage_seconds: BTreeMap::new(),
                done_stages: Vec::new(),
                focus: [
                    None,
                    Some(Focus::Enable),
                    Some(Focus::Excel),
                    Some(Focus::Engage),
                ]
                .choose(rng)
                .copied()
                .flatten(),
                next_session: None,
                corrected_at: None,
            },
            coachee: self.coachee.clone(),
            answers: Vec::new(),
            ratings: Vec::new(),
            choices: Vec::new(),
            notes: Vec::new(),
            actions: Vec::new(),
            reviews: Vec::new(),
            goals: Vec::new(),
            topics: crate::model::SessionTopics::default(),
        };
        let sid = rec.session.id.clone();
        for stage in guide.stages.iter().take(stop_at) {
            let secs = stage.timebox.unwrap_or(5) * 60 + rng.random_range(-120..240);
            rec.session
                .stage_seconds
                .insert(stage.id.clone(), secs.max(30));
            rec.session.done_stages.push(stage.id.clone());
            match &stage.kind {
                StageKind::Review => self.review(&mut rec, start, rng),
                // Goals and their progress are written for every session
                // at once, after the sessions (`demo/goals.rs`).
                StageKind::Goals { .. } => {}
                StageKind::Questions { prompts } => {
                    for p in prompts {
                        rec.answers.push(Answer {
                            stage_id: stage.id.clone(),
                            prompt_id: p.id.clone(),
                            text: text::answer(rng, &stage.id, &p.id, self.theme),
                        });
                    }
                }
                StageKind::Ratings { items, scale } => {
                    for item in items {
                        let sc = item.scale_or(*scale);
                        let old = self.scores.get(&item.id).copied().unwrap_or(5);
                        // A slow upward drift with setbacks, as coaching tends to go.
                        let new =
                            (old + rng.random_range(-1..=1) + i64::from(rng.random_bool(0.3)))
                                .clamp(sc.min, sc.max);
                        self.scores.insert(item.id.clone(), new);
                        rec.ratings.push(Rating {
                            stage_id: stage.id.clone(),
                            item_id: item.id.clone(),
                            score: Some(new),
                            note: text::rating_note(rng, &item.label, new - old),
                        });
                    }
                }
                StageKind::Choice { options, tags, .. } => {
                    let avg = self.scores.values().sum::<i64>() / 6;
                    let pick = match avg {
                        ..=4 => rng.random_range(0..options.len()).min(options.len() - 1),
                        5..=6 => 0,
                        _ => rng.random_range(0..options.len().min(3)),
                    };
                    let how_many = rng.random_range(0..=2);
                    let mut chosen: Vec<String> = tags
                        .choose_multiple(rng, how_many)
                        .map(|t| t.id.clone())
                        .collect();
                    chosen.sort();
                    rec.choices.push(Choice {
                        stage_id: stage.id.clone(),
                        option_id: options.get(pick).map(|o| o.id.clone()),
                        rationale: text::rationale(rng),
                        tags: chosen,
                    });
                }
                StageKind::Actions => {
                    for n in 0..rng.random_range(1..=3) {
                        let owner = ["coachee", "coachee", "coach"][n % 3];
                        let action = Action {
                            id: uuid_from(rng).into(),
                            session_id: sid.clone(),
                            coachee_id: self.coachee.id.clone(),
                            text: text::action(rng, self.theme),
                            owner: owner.to_owned(),
                            due: Some(
                                crate::dates::local_date(start)
                                    + Duration::days(rng.random_range(5..28)),
                            ),
                            status: ActionStatus::Open,
                            completed_on: None,
                            link: None,
                            created_at: start + Duration::minutes(40),
                        };
                        self.open.push(action.clone());
                        rec.actions.push(action);
                    }
                }
                StageKind::Close {
                    prompts,
                    confidence,
                    next_session,
                } => {
                    for p in prompts {
                        rec.answers.push(Answer {
                            stage_id: stage.id.clone(),
                            prompt_id: p.id.clone(),
                            text: text::answer(rng, &stage.id, &p.id, self.theme),
                        });
                    }
                    if let Some(c) = confidence {
                        rec.ratings.push(Rating {
                            stage_id: stage.id.clone(),
                            item_id: c.id.clone(),
                            score: Some(rng.random_range(6..=9)),
                            note: String::new(),
                        });
                    }
                    if *next_session {
                        rec.session.next_session =
                            Some(crate::dates::local_date(start) + Duration::days(14));
                    }
                }
            }
            if rng.random_bool(0.35) {
                rec.notes.push(Note {
                    id: uuid_from(rng),
                    stage_id: stage.id.clone(),
                    visibility: Visibility::Private,
                    text: text::note(rng),
                });
            }
            if rng.random_bool(0.1) {
                rec.notes.push(Note {
                    id: uuid_from(rng),
                    stage_id: stage.id.clone(),
                    visibility: Visibility::Shared,
                    text: text::shared_note(rng),
                });
            }
        }
        if !unfinished {
            rec.session.status = SessionStatus::Completed;
            rec.session.ended_at = Some(start + Duration::seconds(rec.session.total_seconds()));
            rec.session.current_stage = guide.stages.len().saturating_sub(1);
        }
        rec
    }

    /// Reviews the open actions from earlier sessions (recorded on this one).
    fn review(&mut self, rec: &mut SessionRecord, at: OffsetDateTime, rng: &mut ChaCha8Rng) {
        let mut still_open = Vec::new();
        for action in std::mem::take(&mut self.open) {
            let outcome = match rng.random_range(0..10) {
                0..=5 => ReviewOutcome::Done,
                6..=8 => ReviewOutcome::Carried,
                _ => ReviewOutcome::Dropped,
            };
            let review = ActionReview {
                id: uuid_from(rng),
                action_id: action.id.clone(),
                session_id: Some(rec.session.id.clone()),
                outcome,
                note: if rng.random_bool(0.4) {
                    "Talked it through; next step is clear.".to_owned()
                } else {
                    String::new()
                },
                at: at + Duration::minutes(5),
            };
            // The action as it is now; `finish_statuses` gives it its final state.
            rec.reviews.push((review, action.clone()));
            if outcome == ReviewOutcome::Carried {
                still_open.push(action);
            }
        }
        self.open = still_open;
    }

    /// Applies each review, in order, to the action it reviewed, so that
    /// every action is inserted with its final status.
    fn finish_statuses(records: &mut [SessionRecord]) {
        let mut place = std::collections::HashMap::new();
        for (r, rec) in records.iter().enumerate() {
            for (a, action) in rec.actions.iter().enumerate() {
                place.insert(action.id.clone(), (r, a));
            }
        }
        for r in 0..records.len() {
            for k in 0..records[r].reviews.len() {
                let (review, _) = &records[r].reviews[k];
                let (outcome, at) = (review.outcome, review.at);
                let Some(&(ri, ai)) = place.get(&review.action_id) else {
                    continue;
                };
                let action = &mut records[ri].actions[ai];
                action.status = outcome.status();
                action.completed_on =
                    (outcome == ReviewOutcome::Done).then(|| crate::dates::local_date(at));
                let action = action.clone();
                records[r].reviews[k].1 = action;
            }
        }
    }
}
