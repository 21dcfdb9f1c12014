-- Article text is stored once, in `sentences`: a paragraph is its sentences joined by a
-- space, and `articles.layout` keeps only what they cannot give back (sub-headings, and the
-- text of a paragraph that is not its sentences joined; see bot/store/layout.py). The
-- sentence offsets went with the paragraphs, removals are stored as [kind, text, line],
-- and the full-text index no longer keeps per-row token counts (ranking does not use them).
ALTER TABLE articles ADD COLUMN layout TEXT;

UPDATE articles SET layout = (
    SELECT CASE WHEN h = '{}' AND t = '{}' THEN NULL
                WHEN h = '{}' THEN json_object('t', json(t))
                WHEN t = '{}' THEN json_object('h', json(h))
                ELSE json_object('h', json(h), 't', json(t)) END
    FROM (SELECT
        (SELECT json_group_object(CAST(p."index" AS TEXT), p.heading) FROM paragraphs p
          WHERE p.article = articles.id AND p.heading IS NOT NULL) AS h,
        (SELECT json_group_object(CAST(p."index" AS TEXT), p.text) FROM paragraphs p
          WHERE p.article = articles.id AND p.text IS NOT (
              SELECT group_concat(j.text, ' ') FROM (
                  SELECT s.text FROM sentences s WHERE s.article = p.article AND s.paragraph = p."index" ORDER BY s.idx
              ) AS j)) AS t)
);

DROP TABLE paragraphs;
ALTER TABLE sentences DROP COLUMN start;

UPDATE articles SET removed = (
    SELECT json_group_array(json_array(json_extract(r.value, '$.kind'), json_extract(r.value, '$.text'),
                                       json_extract(r.value, '$.line')))
    FROM json_each(articles.removed) AS r
) WHERE removed <> '[]';

DROP TABLE sentences_vocab;
DROP TRIGGER sentences_fts_insert;
DROP TRIGGER sentences_fts_delete;
DROP TRIGGER sentences_fts_update;
DROP TABLE sentences_fts;

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    figure_terms,
    content = 'sentences',
    content_rowid = 'rowid',
    columnsize = 0,
    tokenize = "unicode61 remove_diacritics 2"
);
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');

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

CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab (sentences_fts, 'col');
