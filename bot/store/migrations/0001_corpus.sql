-- The indexed corpus: articles, their paragraphs, sentences and figures, and full-text search.
-- Every child row belongs to an article and goes with it (ON DELETE CASCADE).

CREATE TABLE articles (
    id            TEXT PRIMARY KEY,          -- "003" (digits, width as in the file name)
    key           TEXT NOT NULL UNIQUE,      -- "003_89031a1fd86b0abb"
    path          TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL,
    title_derived INTEGER NOT NULL DEFAULT 0,
    outlet        TEXT,
    dateline      TEXT,
    editor        TEXT,
    content_hash  TEXT NOT NULL,             -- sha256 of the file's bytes
    indexed_at    TEXT NOT NULL,             -- ISO-8601 UTC of the run that stored this version
    words         INTEGER NOT NULL DEFAULT 0,
    sentences     INTEGER NOT NULL DEFAULT 0,
    removed       TEXT NOT NULL DEFAULT '[]', -- JSON list of {kind, text, line}
    warnings      TEXT NOT NULL DEFAULT '[]'  -- JSON list of strings
);

CREATE INDEX articles_indexed_at ON articles (indexed_at);

CREATE TABLE paragraphs (
    article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    "index" INTEGER NOT NULL,                -- 1-based
    heading TEXT,
    text    TEXT NOT NULL,
    PRIMARY KEY (article, "index")
) WITHOUT ROWID;

CREATE TABLE sentences (
    rowid     INTEGER PRIMARY KEY,           -- the FTS content_rowid
    article   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,              -- 1-based within the article
    paragraph INTEGER NOT NULL,              -- 1-based paragraph index
    text      TEXT NOT NULL,
    start     INTEGER,                       -- character offset of the sentence in its paragraph
    UNIQUE (article, idx)
);

CREATE TABLE figures (
    article   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence  INTEGER NOT NULL,              -- sentences.idx within the article
    value     REAL NOT NULL,
    text      TEXT NOT NULL,
    qualifier TEXT,
    vague     INTEGER NOT NULL DEFAULT 0,
    magnitude INTEGER,
    unit      TEXT,
    start     INTEGER NOT NULL DEFAULT 0,
    "end"     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX figures_value ON figures (value, vague);
CREATE INDEX figures_article ON figures (article, sentence);

-- Full-text index over sentence text, external content kept in sync by triggers.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content = 'sentences',
    content_rowid = 'rowid',
    tokenize = "unicode61 remove_diacritics 2"
);

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TRIGGER sentences_fts_update AFTER UPDATE OF text ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text);
END;

-- The index's vocabulary (term, documents, occurrences), for "did you mean" suggestions.
CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab (sentences_fts, 'row');
