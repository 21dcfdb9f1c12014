-- The answer cache, bounded: answers are stored compressed, each row counts the file
-- space it takes (`bytes`), `used` says when it last served (least recently used rows are
-- evicted beyond the cap), and the corpus version is part of the key, so a corpus change
-- leaves old rows stale rather than deleting them on the answer path; they are removed
-- in small batches in the background (bot/store/answers.py). The old table is dropped:
-- its rows were only a cache.
DROP TABLE IF EXISTS answer_cache;

CREATE TABLE answer_cache (
    key     TEXT PRIMARY KEY,   -- sha256 of the release, the corpus version, the command and its arguments
    version INTEGER NOT NULL,   -- corpus_state.version it was computed on (older ones are stale)
    answer  BLOB NOT NULL,      -- the answer as zlib-compressed JSON
    bytes   INTEGER NOT NULL,   -- the file space the row takes (whole pages), counted against the cap
    used    REAL NOT NULL       -- Unix time it was stored or last served
);
CREATE INDEX answer_cache_used ON answer_cache (used);
CREATE INDEX answer_cache_version ON answer_cache (version);

-- The cache's total `bytes`, kept by triggers so the cap is checked without a scan.
CREATE TABLE answer_cache_size (
    only  INTEGER PRIMARY KEY CHECK (only = 1),
    bytes INTEGER NOT NULL
);
INSERT INTO answer_cache_size (only, bytes) VALUES (1, 0);

CREATE TRIGGER answer_cache_added AFTER INSERT ON answer_cache BEGIN
    UPDATE answer_cache_size SET bytes = bytes + new.bytes WHERE only = 1;
END;
CREATE TRIGGER answer_cache_removed AFTER DELETE ON answer_cache BEGIN
    UPDATE answer_cache_size SET bytes = bytes - old.bytes WHERE only = 1;
END;
