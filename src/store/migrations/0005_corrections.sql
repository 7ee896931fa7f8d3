-- 0005: records a coach can correct and dispose of.

-- When a finished session was last corrected from its detail screen (NULL:
-- never). Shown wherever the session is read, so nobody mistakes a later
-- correction for what was said on the day.
ALTER TABLE sessions ADD COLUMN corrected_at TEXT;

-- Due-date changes made on the actions board, kept in the action's history
-- beside its reviews (a review records a status, not a date).
CREATE TABLE action_due_changes (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    due_before TEXT,
    due_after  TEXT,
    at         TEXT    NOT NULL
);
CREATE INDEX action_due_changes_by_action ON action_due_changes (action_id, at);

-- The backup files written from this database, so that deleting a coachee
-- can name the files that still hold their words.
CREATE TABLE backups_written (
    path TEXT PRIMARY KEY NOT NULL,
    at   TEXT NOT NULL
) WITHOUT ROWID;
