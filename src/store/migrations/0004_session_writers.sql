-- 0004: one writer per session. A window that opens a session for editing
-- records itself here and refreshes `seen` while it runs; a second window
-- finds the row and opens the session read-only instead of saving over the
-- first one's text. A row whose `seen` is old belongs to a window that is
-- gone, and may be taken over.
CREATE TABLE session_writers (
    session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    token      TEXT    NOT NULL,
    pid        INTEGER NOT NULL,
    host       TEXT    NOT NULL,
    since      TEXT    NOT NULL,
    seen       TEXT    NOT NULL
);
