-- The spelling index behind "close terms": every indexed word (folded, letters only,
-- 4+ letters) under its lookup keys (bot.corpus.spelling.lookup_keys: the word, its
-- one-letter deletions, its sound key). A word with no match is looked up by its own
-- keys, so a suggestion costs a few index look-ups however large the vocabulary grows.
CREATE TABLE spelling_terms (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE
);

-- One row per term (rowid = spelling_terms.id) whose "document" is its keys: a compact
-- posting list per key. Terms are only added; a term no article holds any more is
-- dropped when it is looked up (the sentence index is asked whether it still holds it).
CREATE VIRTUAL TABLE spelling_keys USING fts5 (
    keys,
    content = '',
    detail = 'none',
    columnsize = 0,
    tokenize = "unicode61 remove_diacritics 0"
);

-- filled = 0: the database held articles before this index existed; they are added
-- once by SpellingIndex.backfill() (the next `kabar index` or bot start does it).
CREATE TABLE spelling_state (
    only   INTEGER PRIMARY KEY CHECK (only = 1),
    filled INTEGER NOT NULL
);
INSERT INTO spelling_state (only, filled) VALUES (1, NOT EXISTS (SELECT 1 FROM sentences));
