//! Reads for the revisit screens (coachee page, actions board), through the
//! store's API.

use time::Date;

use crate::store::{self, ActionFilter, StatusFilter, Store};
use crate::tui::revisit::board::BoardData;
use crate::tui::revisit::coachee::CoacheeData;

/// Everything the coachee page shows.
pub fn load_coachee(store: &Store, coachee_id: &str, today: Date) -> store::Result<CoacheeData> {
    let coachee = store.coachee(coachee_id)?;
    let sessions = store.session_summaries(Some(coachee_id))?;
    let scores = store.score_history(coachee_id)?;
    // The centers' names and scale come from the guide snapshot of the
    // latest session that rated anything, so renamed centers read as they
    // were last used; a coachee never rated falls back to the latest session.
    let source = scores
        .last()
        .map(|p| p.session_id.clone())
        .or_else(|| sessions.first().map(|s| s.id.clone()));
    let (centers, scale) = match source {
        Some(id) => CoacheeData::centers_of(&store.session(&id)?.guide).unwrap_or_default(),
        None => Default::default(),
    };
    let actions = store.actions(&ActionFilter {
        coachee_id: Some(coachee_id.to_owned()),
        status: StatusFilter::Open,
        today,
    })?;
    Ok(CoacheeData {
        coachee,
        sessions,
        centers,
        scale,
        scores,
        actions,
    })
}

/// The actions board's rows for a filter, and the coachees to filter by.
pub fn load_board(
    store: &Store,
    status: StatusFilter,
    coachee_id: Option<String>,
    today: Date,
) -> store::Result<BoardData> {
    let rows = store.actions(&ActionFilter {
        coachee_id: coachee_id.clone(),
        status,
        today,
    })?;
    let coachees = store
        .coachee_summaries(today, false)?
        .into_iter()
        .map(|c| (c.coachee.id, c.coachee.name))
        .collect();
    Ok(BoardData {
        status,
        coachee_id,
        rows,
        coachees,
    })
}
