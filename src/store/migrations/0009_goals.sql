-- 0009: goals that last across sessions. A goal belongs to a coachee: its
-- text, optionally a Six Center (a rating item id, e.g. 'autonomy') with
-- the score aimed for, a target date, and whether a sponsor's report may
-- name it. What happens to it is a list of updates, one per session at
-- most (or between sessions): a short progress note and, when it changed,
-- the new status. A goal's status is its latest update's status (none:
-- active), read when it is read, so discarding a session needs no repair.
CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    coachee_id  INTEGER NOT NULL REFERENCES coachees(id) ON DELETE CASCADE,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    center      TEXT,
    target      INTEGER CHECK (target IS NULL OR center IS NOT NULL),
    target_date TEXT,
    shareable   INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),
    created_at  TEXT NOT NULL,
    -- Kept when that session is deleted: the goal outlives the day it was set.
    created_in  INTEGER REFERENCES sessions(id) ON DELETE SET NULL
);
CREATE INDEX goals_by_coachee ON goals(coachee_id, created_at);

CREATE TABLE goal_updates (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    goal_id    INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
    status     TEXT CHECK (status IS NULL OR status IN ('active', 'achieved', 'dropped')),
    note       TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    UNIQUE (goal_id, session_id)
);
CREATE INDEX goal_updates_by_session ON goal_updates(session_id);
