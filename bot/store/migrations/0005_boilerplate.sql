-- Boilerplate learned from the corpus (bot.corpus.boilerplate): every sentence's prints,
-- and the sentences found to recur across different stories. Both go with their article.

CREATE TABLE sentence_prints (
    article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,                -- sentences.idx; 0 holds the article's title print
    kind    TEXT NOT NULL CHECK (kind IN ('exact', 'skeleton', 'title')),
    print   TEXT NOT NULL,                   -- '' when the sentence is too short to judge
    PRIMARY KEY (article, idx, kind)
) WITHOUT ROWID;

CREATE INDEX sentence_prints_print ON sentence_prints (kind, print);

CREATE TABLE boilerplate (
    article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,                -- sentences.idx
    stories INTEGER NOT NULL,                -- in how many different stories it recurs
    outlet  TEXT,                            -- the one outlet of those articles, if they share one
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
