-- 0003: a small key/value table for facts about this database file that are
-- not coaching data, e.g. that the user was told once that exports of an
-- encrypted database are plain files.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
