//! The store's reads at ten years of use: search (a common and a rare word,
//! first page), the lists behind home, `session list` and `coachee list`,
//! and one whole session (the session screen, detail view and exports).
//!
//! `cargo bench --bench store`; `cargo bench --bench store -- search` for some.

#[path = "support/mod.rs"]
mod support;

use divan::Bencher;
use innerceo::store::{ActionFilter, StatusFilter, Store};

/// What `innerceo search` shows at most (its `--limit` default).
const FIRST_PAGE: usize = 50;

/// In 11,767 of the 130,000 entries of the 10,000-session data set.
const COMMON_WORD: &str = "team";
/// The most common word there is (and a prefix of "them", "there"...):
/// in 105,716 entries, the worst case for ranking.
const COMMONEST_WORD: &str = "the";
/// In five entries.
const RARE_WORD: &str = support::RARE_WORD;

fn main() {
    support::data_set();
    divan::main();
}

fn store() -> Store {
    Store::open(&support::data_set()).expect("open the data set")
}

/// Budget 20 ms.
#[divan::bench(args = [COMMON_WORD, COMMONEST_WORD, RARE_WORD], sample_count = 50, sample_size = 1)]
fn search(bencher: Bencher, word: &str) {
    let store = store();
    assert!(
        !store
            .search(word, true, FIRST_PAGE)
            .expect("search")
            .is_empty(),
        "no match for {word}: pick another word"
    );
    bencher.bench_local(|| store.search(word, true, FIRST_PAGE).expect("search"));
}

/// Share-safe search: private notes filtered out.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn search_share_safe(bencher: Bencher) {
    let store = store();
    bencher.bench_local(|| {
        store
            .search(COMMON_WORD, false, FIRST_PAGE)
            .expect("search")
    });
}

/// Home and `coachee list`: every coachee with its counts.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn coachee_summaries(bencher: Bencher) {
    let store = store();
    let today = innerceo::dates::today();
    bencher.bench_local(|| store.coachee_summaries(today, true).expect("coachees"));
}

/// `session list`: every session, newest first.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn session_summaries_all(bencher: Bencher) {
    let store = store();
    bencher.bench_local(|| store.session_summaries(None).expect("sessions"));
}

/// One coachee's timeline.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn session_summaries_coachee(bencher: Bencher) {
    let store = store();
    let id = first_coachee(&store);
    bencher.bench_local(|| store.session_summaries(Some(&id)).expect("sessions"));
}

/// The actions board: open actions across coachees, and the overdue ones.
#[divan::bench(args = ["open", "overdue"], sample_count = 50, sample_size = 1)]
fn actions_board(bencher: Bencher, status: &str) {
    let store = store();
    let filter = ActionFilter {
        coachee_id: None,
        status: if status == "open" {
            StatusFilter::Open
        } else {
            StatusFilter::Overdue
        },
        today: innerceo::dates::today(),
    };
    bencher.bench_local(|| store.actions(&filter).expect("actions"));
}

/// Everything captured in one session, as the session screen loads it.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn session_record(bencher: Bencher) {
    let store = store();
    let id = store
        .session_summaries(Some(&first_coachee(&store)))
        .expect("sessions")
        .into_iter()
        .nth(1)
        .expect("a session")
        .id;
    bencher.bench_local(|| innerceo::tui::runtime::load_session(&store, &id).expect("load"));
}

fn first_coachee(store: &Store) -> innerceo::model::CoacheeId {
    store
        .coachee_summaries(innerceo::dates::today(), false)
        .expect("coachees")
        .into_iter()
        .next()
        .expect("a coachee")
        .coachee
        .id
}
