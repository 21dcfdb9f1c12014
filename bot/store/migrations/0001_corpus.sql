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
    figure_terms TEXT NOT NULL DEFAULT '',   -- "fig10000 fig2d5": its exact figures as search tokens
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

CREATE INDEX figures_value ON figures (value, vague, article, sentence);
CREATE INDEX figures_article ON figures (article, sentence);

-- Full-text index over sentence text (and figure tokens, so "words + figure" is one query),
-- external content kept in sync by triggers. Ranking ignores the figure column.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    figure_terms,
    content = 'sentences',
    content_rowid = 'rowid',
    tokenize = "unicode61 remove_diacritics 2"
);
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)');

-- A bulk writer (ArticleStore.put_many) puts a row here inside its transaction, updates
-- sentences_fts itself with one INSERT ... SELECT (far faster than a trigger per row:
-- FTS5 flushes its pending terms at every statement savepoint a trigger opens), and
-- empties it before COMMIT. Every other write is kept in sync by the triggers.
CREATE TABLE sentences_fts_deferred (since INTEGER NOT NULL);

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences
WHEN NOT EXISTS (SELECT 1 FROM sentences_fts_deferred) BEGIN
    INSERT INTO sentences_fts (rowid, text, figure_terms) VALUES (new.rowid, new.text, new.figure_terms);
END;

CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences
WHEN NOT EXISTS (SELECT 1 FROM sentences_fts_deferred) BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text, figure_terms)
    VALUES ('delete', old.rowid, old.text, old.figure_terms);
END;

CREATE TRIGGER sentences_fts_update AFTER UPDATE OF text, figure_terms ON sentences
WHEN NOT EXISTS (SELECT 1 FROM sentences_fts_deferred) BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text, figure_terms)
    VALUES ('delete', old.rowid, old.text, old.figure_terms);
    INSERT INTO sentences_fts (rowid, text, figure_terms) VALUES (new.rowid, new.text, new.figure_terms);
END;

-- The index's vocabulary per column (term, col, doc, cnt), for "did you mean" suggestions.
CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab (sentences_fts, 'col');
