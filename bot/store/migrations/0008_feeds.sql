-- News feeds (RSS/Atom) as sources of kind 'feed' (their URL is the source's location), and
-- what kabar remembers of the articles it read through them: where each came from and every
-- URL and GUID it was seen under. The memory outlives the articles (a removed feed's articles
-- leave the index, their rows here stay), so an article read again gets its id back, and with
-- its content hash unchanged its first indexed time too (article_history): it is not new.

-- One row per feed source: how it is polled and how its last polls went.
CREATE TABLE feeds (
    source         INTEGER PRIMARY KEY REFERENCES sources (id),
    outlet         TEXT,                        -- the outlet named by `kabar feeds add --outlet`
    title          TEXT,                        -- the feed's own title, from its last full read
    etag           TEXT,                        -- validators of the last full read (conditional requests)
    last_modified  TEXT,
    polled_at      TEXT,                        -- the last poll, ISO-8601 UTC
    outcome        TEXT,                        -- new | unchanged | failed: how that poll went
    detail         TEXT,                        -- its failure reason, or its warnings
    failures       INTEGER NOT NULL DEFAULT 0,  -- failed polls in a row
    last_error     TEXT,
    next_attempt   TEXT,                        -- backing off until then (ISO-8601 UTC)
    retry_at       TEXT,                        -- the server asked to wait until then
    paused         INTEGER NOT NULL DEFAULT 0,  -- 1: failed too often; not polled until added again
    pause_reported INTEGER NOT NULL DEFAULT 0   -- 1: the pause was told to the digest channel
);

-- Provenance of every article read from a feed. Its id (f001, f002 ...) is given once and
-- never reused for another article.
CREATE TABLE feed_articles (
    article     TEXT PRIMARY KEY,               -- articles.id
    feed        INTEGER NOT NULL REFERENCES sources (id),   -- the feed it was first read from
    url         TEXT,                           -- canonical URL of its page; NULL: the item had no link
    outlet      TEXT,
    published   TEXT,                           -- as the feed or the page states it, ISO-8601
    author      TEXT,
    fetched_at  TEXT NOT NULL,                  -- ISO-8601 UTC
    method      TEXT NOT NULL,                  -- page: extracted from its page; feed: the feed's own text
    note        TEXT,                           -- why the feed's text was used
    fingerprint TEXT NOT NULL                   -- sha256 of the words of its cleaned sentences
) WITHOUT ROWID;
CREATE INDEX feed_articles_fingerprint ON feed_articles (fingerprint);
CREATE INDEX feed_articles_url ON feed_articles (url);

-- Every sighting of an article in a feed: a syndicated copy or the same page in two feeds
-- is one article with several rows here (each with its own URL and outlet).
CREATE TABLE feed_items (
    article TEXT NOT NULL REFERENCES feed_articles (article),
    feed    INTEGER NOT NULL REFERENCES sources (id),
    url     TEXT,                               -- canonical URL (NULL: no link)
    guid    TEXT,                               -- the item's GUID within its feed (NULL: none)
    link    TEXT,                               -- the link as the feed gave it
    seen_at TEXT NOT NULL
);
CREATE UNIQUE INDEX feed_items_unique ON feed_items (feed, ifnull(url, ''), ifnull(guid, ''));
CREATE INDEX feed_items_url ON feed_items (url);
CREATE INDEX feed_items_guid ON feed_items (feed, guid);
CREATE INDEX feed_items_article ON feed_items (article);
