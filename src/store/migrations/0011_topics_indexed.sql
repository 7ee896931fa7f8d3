-- 0011: a session's record lists the topics it parked (0008), so they are
-- found by the session they were raised in without reading every topic;
-- and search finds topics as it finds goals (0010): `kind` 6, private
-- topics at odd rowids like every private entry, numbered from the counter
-- of 0002, row by row (a coachee has a handful of topics). A topic's words
-- are never edited, only added and deleted, so no update trigger: a change
-- that edits them adds one.
CREATE INDEX topics_by_session ON topics(raised_in);

ALTER TABLE topics ADD COLUMN search_rowid INTEGER;

-- What is there already: numbered in row order after the last entry.
UPDATE topics SET search_rowid = ((SELECT last FROM search_state WHERE id = 0) + r.n) * 2
        + topics.private
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM topics) r
    WHERE topics.id = r.id;
UPDATE search_state SET last = last + (SELECT count(*) FROM topics) WHERE id = 0;
INSERT INTO search_index (rowid, text, kind, src)
    SELECT search_rowid, text, 6, id FROM topics ORDER BY search_rowid;

CREATE TRIGGER topics_search_insert AFTER INSERT ON topics BEGIN
    UPDATE search_state SET last = last + 1 WHERE id = 0;
    INSERT INTO search_index (rowid, text, kind, src)
        VALUES ((SELECT last FROM search_state WHERE id = 0) * 2 + new.private, new.text, 6,
                new.id);
    UPDATE topics SET search_rowid = (SELECT last FROM search_state WHERE id = 0) * 2
        + new.private WHERE id = new.id;
END;
CREATE TRIGGER topics_search_delete AFTER DELETE ON topics BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
END;
