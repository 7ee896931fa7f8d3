-- 0002: faster writes to the search index, bulk loads that index once, and
-- index upkeep moved out of the keystroke.
--
-- The triggers of 0001 found the next search rowid by reading the FTS5
-- table. Now a counter in `search_state` gives out entry numbers (rowid =
-- number * 2, + 1 for a private note, as before), so writing an answer
-- never reads the index.
--
-- FTS5 writes its pending entries to disk at the start of every statement
-- that may roll back on its own (any insert with a foreign key), so
-- indexing row by row inside one big transaction wrote one tiny index
-- segment per row and spent most of a demo or an import merging them.
-- While `deferred` is 1 (set by `Store::in_bulk_transaction`, inside its
-- transaction only) new rows are not indexed by the insert triggers; the
-- bulk load indexes them all at its end in one statement, oldest session
-- first so that rowids still follow the sessions' order.
--
-- Every saved keystroke adds a small segment to the index. FTS5 merges them
-- as it goes ("automerge"), within the commit that completes a set: one
-- save in 64 paid about 10 ms, and more as the index grew. Merging is now
-- left to `Store::tidy`, which the app runs while the user pauses, and to
-- the end of bulk loads; `crisismerge` only bounds the segments a long burst
-- without a pause can pile up (a search reads each).
INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);
INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 1000);

CREATE TABLE search_state (
    id       INTEGER PRIMARY KEY CHECK (id = 0),
    -- The last entry number given out.
    last     INTEGER NOT NULL,
    deferred INTEGER NOT NULL DEFAULT 0 CHECK (deferred IN (0, 1))
);
INSERT INTO search_state (id, last)
    VALUES (0, coalesce((SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1), 0) / 2);

DROP TRIGGER answers_search_insert;
DROP TRIGGER answers_search_update;
DROP TRIGGER notes_search_insert;
DROP TRIGGER notes_search_update;
DROP TRIGGER actions_search_insert;
DROP TRIGGER actions_search_update;

CREATE TRIGGER answers_search_insert AFTER INSERT ON answers
    WHEN (SELECT deferred FROM search_state WHERE id = 0) = 0 BEGIN
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2, new.text, 0, new.id);
    UPDATE answers SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2
        WHERE id = new.id;
END;
-- Not deferred: bulk loads only insert, and an edit must leave the old
-- entry's place at once.
CREATE TRIGGER answers_search_update AFTER UPDATE OF text ON answers BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2, new.text, 0, new.id);
    UPDATE answers SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2
        WHERE id = new.id;
END;

CREATE TRIGGER notes_search_insert AFTER INSERT ON notes
    WHEN (SELECT deferred FROM search_state WHERE id = 0) = 0 BEGIN
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2 + (new.visibility = 'private'),
                new.text, 1, new.id);
    UPDATE notes SET search_rowid =
        (SELECT last FROM search_state WHERE id = 0) * 2 + (new.visibility = 'private')
        WHERE id = new.id;
END;
CREATE TRIGGER notes_search_update AFTER UPDATE OF text ON notes BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2 + (new.visibility = 'private'),
                new.text, 1, new.id);
    UPDATE notes SET search_rowid =
        (SELECT last FROM search_state WHERE id = 0) * 2 + (new.visibility = 'private')
        WHERE id = new.id;
END;

CREATE TRIGGER actions_search_insert AFTER INSERT ON actions
    WHEN (SELECT deferred FROM search_state WHERE id = 0) = 0 BEGIN
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2, new.text, 2, new.id);
    UPDATE actions SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2
        WHERE id = new.id;
END;
CREATE TRIGGER actions_search_update AFTER UPDATE OF text ON actions BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2, new.text, 2, new.id);
    UPDATE actions SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2
        WHERE id = new.id;
END;
