-- Learned boilerplate at scale. A sentence's prints (bot.corpus.boilerplate) are kept on its
-- row as 64-bit hashes, no longer in a table holding each print's text (which stored every
-- sentence a second time); a partial index finds the sentences not printed yet. Every print
-- that gains or loses a sentence is noted in `prints_touched`, so a refresh learns again only
-- the prints that changed instead of grouping every sentence of the corpus.
DROP TABLE sentence_prints;

ALTER TABLE sentences ADD COLUMN print INTEGER;     -- hash of the exact print; 0: too short to judge; NULL: not printed yet
ALTER TABLE sentences ADD COLUMN skeleton INTEGER;  -- hash of the skeleton print; NULL: none

CREATE INDEX sentences_print ON sentences (print) WHERE print <> 0;
CREATE INDEX sentences_skeleton ON sentences (skeleton) WHERE skeleton IS NOT NULL;
CREATE INDEX sentences_unprinted ON sentences (article) WHERE print IS NULL;

CREATE TABLE prints_touched (
    kind    TEXT NOT NULL CHECK (kind IN ('exact', 'skeleton')),
    print   INTEGER NOT NULL,
    article TEXT NOT NULL,       -- the sentence that gained the print; '' when one lost it
    idx     INTEGER NOT NULL,    -- its sentences.idx; 0 when one lost it
    PRIMARY KEY (kind, print, article, idx)
) WITHOUT ROWID;

CREATE TRIGGER sentences_prints_new AFTER INSERT ON sentences
WHEN new.print <> 0 OR new.skeleton IS NOT NULL BEGIN
    INSERT OR IGNORE INTO prints_touched (kind, print, article, idx)
        SELECT 'exact', new.print, new.article, new.idx WHERE new.print <> 0;
    INSERT OR IGNORE INTO prints_touched (kind, print, article, idx)
        SELECT 'skeleton', new.skeleton, new.article, new.idx WHERE new.skeleton IS NOT NULL;
END;

CREATE TRIGGER sentences_prints_gone AFTER DELETE ON sentences
WHEN old.print <> 0 OR old.skeleton IS NOT NULL BEGIN
    INSERT OR IGNORE INTO prints_touched (kind, print, article, idx) SELECT 'exact', old.print, '', 0 WHERE old.print <> 0;
    INSERT OR IGNORE INTO prints_touched (kind, print, article, idx)
        SELECT 'skeleton', old.skeleton, '', 0 WHERE old.skeleton IS NOT NULL;
END;

-- learned again by the next refresh, once every sentence is printed anew
DELETE FROM boilerplate;
