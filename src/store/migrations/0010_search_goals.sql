-- 0010: search finds what the coaching works towards and what the coach
-- knows about a coachee: goal texts, goals' progress notes, and the coach's
-- notes about the coachee (private: odd rowids, as private session notes).
--
-- Entries take numbers from the counter of 0002 like every other. These
-- triggers do not wait for a bulk load's end (`deferred`): a coachee has a
-- handful of goals and one note, so indexing them row by row costs little,
-- and the bulk load's numbering (`Store::in_bulk_transaction`) reads the
-- counter after they ran, so no number is given twice. `kind`: 3 a goal,
-- 4 a goal's progress note, 5 the notes about a coachee.
ALTER TABLE goals ADD COLUMN search_rowid INTEGER;
ALTER TABLE goal_updates ADD COLUMN search_rowid INTEGER;
ALTER TABLE coachees ADD COLUMN search_rowid INTEGER;

-- What is there already: numbered in row order after the last entry.
UPDATE goals SET search_rowid = ((SELECT last FROM search_state WHERE id = 0) + r.n) * 2
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM goals) r
    WHERE goals.id = r.id;
UPDATE search_state SET last = last + (SELECT count(*) FROM goals) WHERE id = 0;
UPDATE goal_updates SET search_rowid = ((SELECT last FROM search_state WHERE id = 0) + r.n) * 2
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM goal_updates
          WHERE note <> '') r
    WHERE goal_updates.id = r.id;
UPDATE search_state SET last = last + (SELECT count(*) FROM goal_updates WHERE note <> '')
    WHERE id = 0;
UPDATE coachees SET search_rowid = ((SELECT last FROM search_state WHERE id = 0) + r.n) * 2 + 1
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM coachees
          WHERE notes <> '') r
    WHERE coachees.id = r.id;
UPDATE search_state SET last = last + (SELECT count(*) FROM coachees WHERE notes <> '')
    WHERE id = 0;
INSERT INTO search_index (rowid, text, kind, src)
    SELECT search_rowid, text, 3, id FROM goals ORDER BY search_rowid;
INSERT INTO search_index (rowid, text, kind, src)
    SELECT search_rowid, note, 4, id FROM goal_updates
    WHERE search_rowid IS NOT NULL ORDER BY search_rowid;
INSERT INTO search_index (rowid, text, kind, src)
    SELECT search_rowid, notes, 5, id FROM coachees
    WHERE search_rowid IS NOT NULL ORDER BY search_rowid;

CREATE TRIGGER goals_search_insert AFTER INSERT ON goals BEGIN
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2, new.text, 3, new.id);
    UPDATE goals SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2
        WHERE id = new.id;
END;
CREATE TRIGGER goals_search_update AFTER UPDATE OF text ON goals BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2, new.text, 3, new.id);
    UPDATE goals SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2
        WHERE id = new.id;
END;
CREATE TRIGGER goals_search_delete AFTER DELETE ON goals BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
END;

-- A progress note may be empty (a status alone): then it has no entry.
CREATE TRIGGER goal_updates_search_insert AFTER INSERT ON goal_updates
    WHEN new.note <> '' BEGIN
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2, new.note, 4, new.id);
    UPDATE goal_updates SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2
        WHERE id = new.id;
END;
CREATE TRIGGER goal_updates_search_update AFTER UPDATE OF note ON goal_updates BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    UPDATE goal_updates SET search_rowid = NULL WHERE id = new.id;
    UPDATE search_state SET last = last + 1 WHERE id = 0 AND new.note <> '';
    INSERT INTO search_index (rowid, text, kind, src)
        SELECT (SELECT last FROM search_state WHERE id = 0) * 2, new.note, 4, new.id
        WHERE new.note <> '';
    UPDATE goal_updates SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2
        WHERE id = new.id AND new.note <> '';
END;
CREATE TRIGGER goal_updates_search_delete AFTER DELETE ON goal_updates BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
END;

CREATE TRIGGER coachees_search_insert AFTER INSERT ON coachees
    WHEN new.notes <> '' BEGIN
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2 + 1, new.notes, 5, new.id);
    UPDATE coachees SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2 + 1
        WHERE id = new.id;
END;
CREATE TRIGGER coachees_search_update AFTER UPDATE OF notes ON coachees BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    UPDATE coachees SET search_rowid = NULL WHERE id = new.id;
    UPDATE search_state SET last = last + 1 WHERE id = 0 AND new.notes <> '';
    INSERT INTO search_index (rowid, text, kind, src)
        SELECT (SELECT last FROM search_state WHERE id = 0) * 2 + 1, new.notes, 5, new.id
        WHERE new.notes <> '';
    UPDATE coachees SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2 + 1
        WHERE id = new.id AND new.notes <> '';
END;
CREATE TRIGGER coachees_search_delete AFTER DELETE ON coachees BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
END;
