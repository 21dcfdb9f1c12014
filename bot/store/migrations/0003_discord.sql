-- Discord: per-server digest settings and the once-per-day digest claims.
-- NULL in guild_settings means "use the default from Settings (KABAR_DIGEST_*)".

CREATE TABLE guild_settings (
    guild_id        INTEGER PRIMARY KEY,
    channel_id      INTEGER,                  -- digest channel; NULL: KABAR_DIGEST_CHANNEL_ID if it is in this server
    digest_time     TEXT,                     -- "HH:MM"; NULL: KABAR_DIGEST_TIME
    digest_tz       TEXT,                     -- IANA zone; NULL: KABAR_DIGEST_TZ
    enabled         INTEGER NOT NULL DEFAULT 1,
    configured_by   INTEGER,                  -- user who last changed the digest (told about problems)
    configured_in   INTEGER,                  -- channel where they did it
    needs_attention TEXT,                     -- why posting stopped (e.g. missing permissions); NULL: fine
    updated_at      TEXT NOT NULL             -- ISO-8601 UTC
);

-- One row per (channel, local date): inserted BEFORE posting ('posting'), completed after.
CREATE TABLE digest_claims (
    channel_id  INTEGER NOT NULL,
    local_date  TEXT NOT NULL,                -- "YYYY-MM-DD" in the digest's time zone
    guild_id    INTEGER,
    state       TEXT NOT NULL CHECK (state IN ('posting', 'posted', 'empty', 'unknown', 'forbidden', 'failed')),
    claimed_at  TEXT NOT NULL,                -- ISO-8601 UTC
    finished_at TEXT,
    message_id  INTEGER,                      -- first message of the posted digest
    watermark   TEXT,                         -- newest articles.indexed_at the digest covered
    articles    INTEGER NOT NULL DEFAULT 0,
    detail      TEXT,
    PRIMARY KEY (channel_id, local_date)
) WITHOUT ROWID;

CREATE INDEX digest_claims_state ON digest_claims (state);
