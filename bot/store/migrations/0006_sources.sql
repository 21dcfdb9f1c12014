-- Sources: the places kabar indexes (folders now; feeds later share the table through `kind`),
-- recorded so every command checks the same ones and none is replaced behind the user's back.
-- A source that is removed on purpose keeps its row (removed_at set): a database that has had
-- sources never gets the default folder registered again on its own.

CREATE TABLE sources (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL DEFAULT 'folder',  -- 'folder' (a feed will be 'feed')
    location   TEXT NOT NULL,                   -- the folder's absolute path (a feed's URL)
    added_at   TEXT NOT NULL,
    removed_at TEXT,                            -- set by an explicit removal; NULL while active
    checked_at TEXT,                            -- the last full check, ISO-8601 UTC
    stamp      TEXT,                            -- the cheap change token seen then (NULL: check fully next time)
    state      TEXT NOT NULL DEFAULT 'new',     -- new | ok | missing | unreadable | empty
    detail     TEXT,                            -- the problem in words, when state is one
    UNIQUE (kind, location)
);

-- Every article belongs to the source it was read from (NULL only in databases made before
-- sources existed, until the first source adopts them).
ALTER TABLE articles ADD COLUMN source INTEGER REFERENCES sources (id);
-- The stat of the file at the check that stored it ("dev:inode:size:mtime_ns:ctime_ns"; NULL when
-- it had changed too recently to be trusted): while it stays the same, checks skip reading it.
ALTER TABLE articles ADD COLUMN file_stat TEXT;
CREATE INDEX articles_source ON articles (source);

-- Entries of a source that are not indexed, with the reason; replaced at each full check.
CREATE TABLE skipped (
    source INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    name   TEXT NOT NULL,                       -- the entry's name in the folder
    id     TEXT,                                -- the article id its name carries, if any
    reason TEXT NOT NULL,
    PRIMARY KEY (source, name)
) WITHOUT ROWID;
CREATE INDEX skipped_id ON skipped (id);

-- The first indexed time of every article content that left the index. An article whose
-- bytes come back (a restored file, a folder mounted again, a source added again) gets that
-- time back, so the digest does not announce it as new. Kept in step by triggers, so every
-- writer of `articles` gets this for free.
CREATE TABLE article_history (
    content_hash TEXT PRIMARY KEY,
    indexed_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER articles_remember AFTER DELETE ON articles BEGIN
    INSERT INTO article_history (content_hash, indexed_at) VALUES (old.content_hash, old.indexed_at)
    ON CONFLICT (content_hash) DO UPDATE SET indexed_at = min(indexed_at, excluded.indexed_at);
END;

CREATE TRIGGER articles_restore AFTER INSERT ON articles
WHEN EXISTS (SELECT 1 FROM article_history WHERE content_hash = new.content_hash) BEGIN
    UPDATE articles SET indexed_at = (SELECT indexed_at FROM article_history WHERE content_hash = new.content_hash)
    WHERE id = new.id;
    DELETE FROM article_history WHERE content_hash = new.content_hash;
END;
