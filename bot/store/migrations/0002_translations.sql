-- Per-sentence machine translations. A row is reused only when the source sentence,
-- the language pair, the package (name and version) and the decoding options all match,
-- so installing a new package version or changing the beam size misses the old rows.
CREATE TABLE IF NOT EXISTS translations (
    source_hash TEXT NOT NULL,          -- sha256 of the source sentence (hex)
    src         TEXT NOT NULL,          -- "id"
    tgt         TEXT NOT NULL,          -- "en"
    package     TEXT NOT NULL,          -- "translate-id_en"
    version     TEXT NOT NULL,          -- package_version from metadata.json
    options     TEXT NOT NULL,          -- DecodeOptions.key()
    text        TEXT NOT NULL,          -- the decoded translation
    created_at  TEXT NOT NULL,
    PRIMARY KEY (source_hash, src, tgt, package, version, options)
) WITHOUT ROWID;
