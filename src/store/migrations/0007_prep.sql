-- 0007: preparation forms a coachee fills in before a session (`innerceo
-- prep`). Each row is one form as it was issued (so an answer file can be
-- checked against exactly what it asked), the coachee's answers once
-- imported, and the session that shows them.
CREATE TABLE prep_forms (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    coachee_id  INTEGER NOT NULL REFERENCES coachees(id) ON DELETE CASCADE,
    issued_at   TEXT NOT NULL,
    -- What the form asked (JSON: actions, centers and their scale, topics).
    form        TEXT NOT NULL,
    -- The coachee's answers, checked against `form` (JSON), once imported.
    answers     TEXT,
    imported_at TEXT,
    -- The session that shows this preparation: the coachee's next one.
    session_id  INTEGER REFERENCES sessions(id) ON DELETE SET NULL
);
CREATE INDEX prep_forms_by_coachee ON prep_forms(coachee_id, imported_at);
CREATE INDEX prep_forms_by_session ON prep_forms(session_id);
