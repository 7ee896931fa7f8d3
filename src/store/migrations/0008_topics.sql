-- 0008: topics parked for next time. A topic is raised during a session
-- (one key, without leaving the field), between sessions from the coachee's
-- page, or by the coachee in their preparation; the next session's review
-- stage marks it discussed, carried or dropped. Its status is its latest
-- review's outcome (none: open), so discarding a session needs no repair.
CREATE TABLE topics (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    coachee_id INTEGER NOT NULL REFERENCES coachees(id) ON DELETE CASCADE,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    private    INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    -- Who raised it: the coach, or the coachee in their preparation.
    origin     TEXT NOT NULL DEFAULT 'coach' CHECK (origin IN ('coach', 'coachee')),
    raised_at  TEXT NOT NULL,
    raised_in  INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    -- The preparation it came from: importing newer answers replaces it.
    prep_form  INTEGER REFERENCES prep_forms(id) ON DELETE CASCADE
);
CREATE INDEX topics_by_coachee ON topics(coachee_id, raised_at);

CREATE TABLE topic_reviews (
    id         INTEGER PRIMARY KEY,
    topic_id   INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    outcome    TEXT NOT NULL CHECK (outcome IN ('discussed', 'carried', 'dropped')),
    at         TEXT NOT NULL,
    UNIQUE (topic_id, session_id)
);
CREATE INDEX topic_reviews_by_session ON topic_reviews(session_id);
