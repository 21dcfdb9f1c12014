-- Cached answers. `corpus_state.version` goes up whenever an article is added, replaced or
-- removed (triggers below), and a cached answer is only served for the version it was
-- computed on, so re-indexing invalidates every answer at once.
CREATE TABLE corpus_state (
    only    INTEGER PRIMARY KEY CHECK (only = 1),
    version INTEGER NOT NULL
);
INSERT INTO corpus_state (only, version) VALUES (1, 0);

CREATE TRIGGER corpus_version_insert AFTER INSERT ON articles BEGIN
    UPDATE corpus_state SET version = version + 1 WHERE only = 1;
END;
CREATE TRIGGER corpus_version_delete AFTER DELETE ON articles BEGIN
    UPDATE corpus_state SET version = version + 1 WHERE only = 1;
END;
CREATE TRIGGER corpus_version_update AFTER UPDATE ON articles BEGIN
    UPDATE corpus_state SET version = version + 1 WHERE only = 1;
END;

CREATE TABLE answer_cache (
    key        TEXT PRIMARY KEY,   -- sha256 of the command and its normalised arguments
    version    INTEGER NOT NULL,   -- corpus_state.version it was computed on
    answer     TEXT NOT NULL,      -- the answer as JSON
    created_at TEXT NOT NULL
) WITHOUT ROWID;
