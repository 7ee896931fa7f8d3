-- 0001: the first schema. Coachees, the sessions run with them (with a JSON
-- snapshot of the guide so an old session still reads right after the guide
-- changes), everything captured in a session, actions with their review
-- history, and one FTS5 index over answers, notes and actions kept in sync by
-- triggers. Internal keys are INTEGER rowids (small, fast joins); the stable
-- UUID that exports and the API use lives in a UNIQUE `uuid` column.
-- Times are RFC 3339 UTC text ("2026-11-25T19:24:27Z") so they sort as text;
-- dates are "YYYY-MM-DD".

-- "iCEO": marks the file as ours, so another program's SQLite file is refused.
PRAGMA application_id = 1766016335;

CREATE TABLE coachees (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    role       TEXT    NOT NULL DEFAULT '',
    notes      TEXT    NOT NULL DEFAULT '',
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT    NOT NULL
);

-- The guides sessions ran, as JSON. Sessions of the same guide version share
-- one row: ten years of sessions would otherwise hold thousands of copies.
CREATE TABLE guide_snapshots (
    id       INTEGER PRIMARY KEY,
    guide_id TEXT    NOT NULL,
    json     TEXT    NOT NULL
);
CREATE INDEX guide_snapshots_by_guide ON guide_snapshots (guide_id);

CREATE TABLE sessions (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT    NOT NULL UNIQUE,
    coachee_id      INTEGER NOT NULL REFERENCES coachees (id) ON DELETE CASCADE,
    guide_id        TEXT    NOT NULL,
    guide_title     TEXT    NOT NULL,
    snapshot_id     INTEGER NOT NULL REFERENCES guide_snapshots (id),
    started_at      TEXT    NOT NULL,
    ended_at        TEXT,
    status          TEXT    NOT NULL DEFAULT 'in-progress'
                    CHECK (status IN ('in-progress', 'completed')),
    current_stage   INTEGER NOT NULL DEFAULT 0 CHECK (current_stage >= 0),
    current_field   INTEGER NOT NULL DEFAULT 0 CHECK (current_field >= 0),
    -- JSON object {stage_id: seconds}; total_seconds is its sum, kept so that
    -- session lists never parse JSON.
    stage_seconds   TEXT    NOT NULL DEFAULT '{}',
    total_seconds   INTEGER NOT NULL DEFAULT 0,
    -- JSON array of stage ids.
    done_stages     TEXT    NOT NULL DEFAULT '[]',
    focus           TEXT    CHECK (focus IN ('enable', 'excel', 'engage')),
    next_session    TEXT,
    -- Copied from the guide snapshot when the session starts, so that session
    -- lists find the chosen option and the key insight without parsing JSON.
    choice_stage_id TEXT,
    close_stage_id  TEXT,
    close_prompt_id TEXT
);
-- Per-coachee lists, counts and "last session".
CREATE INDEX sessions_by_coachee ON sessions (coachee_id, started_at);
-- The all-sessions list, newest first.
CREATE INDEX sessions_by_start ON sessions (started_at);
-- At most one unfinished session per coachee; also answers "which one is it".
CREATE UNIQUE INDEX sessions_one_in_progress ON sessions (coachee_id)
    WHERE status = 'in-progress';

CREATE TABLE answers (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    stage_id   TEXT    NOT NULL,
    prompt_id  TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    -- This row's entry in search_index.
    search_rowid INTEGER,
    UNIQUE (session_id, stage_id, prompt_id)
);

CREATE TABLE ratings (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    stage_id   TEXT    NOT NULL,
    item_id    TEXT    NOT NULL,
    score      INTEGER,
    note       TEXT    NOT NULL DEFAULT '',
    UNIQUE (session_id, stage_id, item_id)
);

CREATE TABLE choices (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    stage_id     TEXT    NOT NULL,
    option_id    TEXT,
    -- The option's label from the guide snapshot, for session lists.
    option_label TEXT,
    rationale    TEXT    NOT NULL DEFAULT '',
    -- JSON array of tag ids.
    tags         TEXT    NOT NULL DEFAULT '[]',
    UNIQUE (session_id, stage_id)
);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    stage_id   TEXT    NOT NULL,
    visibility TEXT    NOT NULL CHECK (visibility IN ('shared', 'private')),
    text       TEXT    NOT NULL,
    search_rowid INTEGER,
    UNIQUE (session_id, stage_id, visibility)
);

CREATE TABLE actions (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT    NOT NULL UNIQUE,
    session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    coachee_id   INTEGER NOT NULL REFERENCES coachees (id) ON DELETE CASCADE,
    text         TEXT    NOT NULL,
    owner        TEXT    NOT NULL DEFAULT '',
    due          TEXT,
    status       TEXT    NOT NULL DEFAULT 'open'
                 CHECK (status IN ('open', 'done', 'dropped')),
    completed_on TEXT,
    link         TEXT,
    created_at   TEXT    NOT NULL,
    -- Order within the session, as agreed.
    position     INTEGER NOT NULL DEFAULT 0,
    search_rowid INTEGER
);
-- Home-screen counts (open / overdue per coachee) and the per-coachee board.
CREATE INDEX actions_by_coachee ON actions (coachee_id, status, due);
-- The board across coachees, by due date.
CREATE INDEX actions_by_status ON actions (status, due);
-- Actions agreed in a session.
CREATE INDEX actions_by_session ON actions (session_id, position);

CREATE TABLE action_reviews (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    action_id  INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    -- NULL when the status was changed from the actions board.
    session_id INTEGER REFERENCES sessions (id) ON DELETE CASCADE,
    outcome    TEXT    NOT NULL CHECK (outcome IN ('done', 'carried', 'dropped')),
    note       TEXT    NOT NULL DEFAULT '',
    at         TEXT    NOT NULL
);
CREATE INDEX action_reviews_by_action ON action_reviews (action_id, at);
-- One review per action per session: re-reviewing replaces it.
CREATE UNIQUE INDEX action_reviews_one_per_session
    ON action_reviews (session_id, action_id) WHERE session_id IS NOT NULL;

-- Full-text search. One table for every kind, so one query ranks them all.
-- Rowids follow the order entries were written (an edit writes a new one),
-- so "the most recent matches" is a rowid range; the lowest bit says whether
-- the entry is a private note, so share-safe searches filter without a
-- lookup. `kind` (0 answer, 1 note, 2 action) and `src` (the rowid in that
-- table) lead back to the source; each source row keeps its entry's rowid in
-- `search_rowid` so its triggers find it directly.
CREATE VIRTUAL TABLE search_index USING fts5 (
    text,
    kind UNINDEXED,
    src UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER answers_search_insert AFTER INSERT ON answers BEGIN
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((coalesce((SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1), 0) / 2 + 1) * 2,
                new.text, 0, new.id);
    UPDATE answers SET search_rowid =
        (SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1) WHERE id = new.id;
END;
CREATE TRIGGER answers_search_update AFTER UPDATE OF text ON answers BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((coalesce((SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1), 0) / 2 + 1) * 2,
                new.text, 0, new.id);
    UPDATE answers SET search_rowid =
        (SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1) WHERE id = new.id;
END;
CREATE TRIGGER answers_search_delete AFTER DELETE ON answers BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
END;

CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((coalesce((SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1), 0) / 2 + 1) * 2 + (new.visibility = 'private'),
                new.text, 1, new.id);
    UPDATE notes SET search_rowid =
        (SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1) WHERE id = new.id;
END;
CREATE TRIGGER notes_search_update AFTER UPDATE OF text ON notes BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((coalesce((SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1), 0) / 2 + 1) * 2 + (new.visibility = 'private'),
                new.text, 1, new.id);
    UPDATE notes SET search_rowid =
        (SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1) WHERE id = new.id;
END;
CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
END;

CREATE TRIGGER actions_search_insert AFTER INSERT ON actions BEGIN
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((coalesce((SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1), 0) / 2 + 1) * 2,
                new.text, 2, new.id);
    UPDATE actions SET search_rowid =
        (SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1) WHERE id = new.id;
END;
CREATE TRIGGER actions_search_update AFTER UPDATE OF text ON actions BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((coalesce((SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1), 0) / 2 + 1) * 2,
                new.text, 2, new.id);
    UPDATE actions SET search_rowid =
        (SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1) WHERE id = new.id;
END;
CREATE TRIGGER actions_search_delete AFTER DELETE ON actions BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
END;
