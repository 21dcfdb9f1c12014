-- A large first index writes its rows without maintaining the full-text index, then builds
-- it in one pass (far cheaper than merging its segments chunk after chunk). While that is
-- pending, `rebuild_pending` is 1: a run killed half-way leaves it set, and the next run
-- builds the index before anything else (ArticleStore.finish_bulk).
CREATE TABLE search_index_state (
    only            INTEGER PRIMARY KEY CHECK (only = 1),
    rebuild_pending INTEGER NOT NULL DEFAULT 0
);
INSERT INTO search_index_state (only, rebuild_pending) VALUES (1, 0);

-- The spelling index's keys are written in term order: terms up to `keyed_upto` have
-- theirs; a bulk index adds terms chunk by chunk and their keys once, at its end.
ALTER TABLE spelling_state ADD COLUMN keyed_upto INTEGER NOT NULL DEFAULT 0;
UPDATE spelling_state SET keyed_upto = (SELECT coalesce(max(id), 0) FROM spelling_terms);
