-- /who-confirmed reads the newest articles stating a figure straight from the index, in
-- the order it is kept (newest = highest id: length, then text), and stops at its limit;
-- vague quantities ("puluhan ribu") have an index of their own, so a look-up of the few
-- vague values near a figure never walks the exact ones. See bot/store/figures.py.
DROP INDEX IF EXISTS figures_value;
CREATE INDEX figures_value ON figures (value, vague, length(article), article, sentence);
CREATE INDEX figures_vague ON figures (value, length(article), article, vague) WHERE vague = 1;
