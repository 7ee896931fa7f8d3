-- 0006: a coaching rhythm per coachee (every N days), so that home and
-- `innerceo due` can say who is due when no next date was agreed.
ALTER TABLE coachees ADD COLUMN rhythm_days INTEGER
    CHECK (rhythm_days IS NULL OR rhythm_days BETWEEN 1 AND 366);
