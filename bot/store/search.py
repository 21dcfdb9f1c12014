"""Sentence search over the FTS5 index: safe MATCH expressions, ranked hits, figures, suggestions.

Public API:
    phrases(query, *, prefix_last=True, max_chars=1000, max_terms=32) -> list[str]
        User text -> quoted FTS5 phrases, one per whitespace-separated group.
    to_match(query, *, mode="all", prefix_last=True, max_chars=1000, max_terms=32) -> str | None
        User text -> a safe FTS5 MATCH expression (every token group double-quoted), or None.
    search = SentenceSearch(db, figure_parser=None)  # also `Search`; parser defaults to corpus.figures.query.parse_figure
    await search.search(query, limit=20, variants=()) -> list[SearchHit]   # ranked, figure-aware
    await search.by_figure(value, include_vague=False, limit=None) -> list[SearchHit]
    await search.sentences_for_terms(terms, limit=200, article=None) -> list[SearchHit]   # any term
    await search.close_terms(word, limit=5) -> list[str]            # "did you mean": see store.spelling
    await search.prefix_terms(prefix, limit=10) -> list[str]        # autocomplete, most frequent first
    await search.suggest(topic, limit=5) -> list[str]               # close terms for a topic with no match

User text never reaches MATCH unescaped: it is cut into word tokens (letters and digits),
each whitespace-separated group becomes one quoted phrase ("10.000" -> "10 000",
`"kursk` -> "kursk"), and operators, `*`, parentheses and quotes are plain text.
Scores are positive, higher is better: `bot.store.retrieval.Ranker` ranks inside SQLite
with a limit and bounded windows, so a very common word costs about what a rare one does.
Exact figures are also indexed as tokens (`fig10000`) in a second FTS column, so "words
plus a figure" is one FTS query; the figure parser is injected (default: the corpus one).
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from bot.corpus.spelling import fold
from bot.errors import QueryError
from bot.models import Figure, SearchHit
from bot.store.articles import FIGURES_JSON, figure_from_row, figure_token
from bot.store.db import Database
from bot.store.retrieval import Ranker
from bot.store.spelling import SpellingIndex

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_QUERY_FIGURES = 3
_TOKEN = re.compile(r"[^\W_]+")
# Words around a figure that only qualify it ("sekitar 10.000"): the query is still just a figure.
QUALIFIER_WORDS = frozenset(
    "sekitar kira lebih dari kurang hampir sebanyak setidaknya sedikitnya hingga sampai mencapai"
    " tidak kurang about around over more than less almost nearly at least up to as many".split()
)
FigureParser = Callable[[str], "Figure | None"]


def token_groups(query: str) -> list[list[str]]:
    """The word tokens of each whitespace-separated chunk of `query` (chunks without any dropped)."""
    text = unicodedata.normalize("NFKC", query)
    groups = []
    for chunk in text.split():
        tokens = _TOKEN.findall(chunk)
        if tokens:
            groups.append(tokens)
    return groups


def _check_length(query: str, max_chars: int) -> None:
    if len(query) > max_chars:
        raise QueryError(
            f"That search is {len(query):,} characters long; the limit is {max_chars:,}.",
            hint="search for a few words or a number",
        )


def _phrase(tokens: Sequence[str]) -> str:
    return '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'


def phrases(
    query: str,
    *,
    prefix_last: bool = True,
    max_chars: int = MAX_QUERY_CHARS,
    max_terms: int = MAX_TERMS,
) -> list[str]:
    """The quoted FTS5 phrases of arbitrary user text: one per whitespace-separated group.

    With `prefix_last`, a one-word query of 3+ letters also matches as a prefix ("kurs"
    finds "Kursk"); longer queries match whole words.
    """
    _check_length(query or "", max_chars)
    groups = token_groups(query or "")
    if len(groups) > max_terms:
        raise QueryError(
            f"That search has {len(groups)} words; the limit is {max_terms}.", hint="search for fewer words"
        )
    parts = [_phrase(group) for group in groups]
    if parts and prefix_last and len(groups) == 1 and len(groups[0]) == 1:
        word = groups[0][0]
        if word.isalpha() and len(word) >= 3:
            parts[-1] += "*"
    return parts


def to_match(
    query: str,
    *,
    mode: str = "all",
    prefix_last: bool = True,
    max_chars: int = MAX_QUERY_CHARS,
    max_terms: int = MAX_TERMS,
) -> str | None:
    """A safe FTS5 MATCH expression for arbitrary user text, or None when nothing is searchable.

    mode "all" requires every group, "any" requires one (see `phrases`).
    """
    if mode not in ("all", "any"):
        raise ValueError(f"mode must be 'all' or 'any', not {mode!r}")
    parts = phrases(query, prefix_last=prefix_last, max_chars=max_chars, max_terms=max_terms)
    return (" " if mode == "all" else " OR ").join(parts) if parts else None


class SentenceSearch:
    """Ranked sentence search over one Database."""

    def __init__(
        self, db: Database, figure_parser: FigureParser | None = None, *, max_chars: int = MAX_QUERY_CHARS
    ) -> None:
        if figure_parser is None:
            from bot.corpus.figures.query import parse_figure  # pure function, no I/O

            figure_parser = parse_figure
        self.db = db
        self.parse_figure = figure_parser
        self.max_chars = max_chars

    # --- the search command --------------------------------------------------------------
    async def search(self, query: str, limit: int = 20, *, variants: Sequence[str] = ()) -> list[SearchHit]:
        """Sentences matching `query`, best first; figures match whatever their spelling.

        A query that is only a figure ("10000", "10 ribu", "sekitar 10.000") finds every
        sentence holding that exact value, in article order, then sentences matching its
        words. Figures inside a longer query ("pasukan 10.000") restrict the word matches
        to sentences holding them. When no sentence has every word, sentences with any of
        them are returned. `variants` are other ways to write the query (a name's other
        forms: "Joko Widodo" for "Jokowi"): a sentence matching one of them matches too.
        """
        query = query or ""
        _check_length(query, self.max_chars)
        if limit <= 0:
            return []
        rest, values = self._split_figures(query)
        words = [t for group in token_groups(rest) for t in group]
        if values and all(fold(word) in QUALIFIER_WORDS for word in words):
            hits = _dedupe([h for value in values for h in await self.by_figure(value, limit=limit)])[:limit]
            parts = phrases(query, prefix_last=False, max_chars=self.max_chars)
            if parts and len(hits) < limit:
                seen = {(h.article, h.sentence) for h in hits}
                more = await self._match(parts, limit)
                hits += [h for h in more if (h.article, h.sentence) not in seen][: limit - len(hits)]
            return hits
        parts = phrases(rest, max_chars=self.max_chars)
        if not parts:
            raise QueryError(f"There is nothing to search for in {query.strip()[:40]!r}.", hint="use words or a number")
        others = []
        for variant in variants:
            try:
                other = phrases(self._split_figures(variant)[0], max_chars=self.max_chars)
            except QueryError:
                continue  # a variant that cannot be searched is left out
            if other and other != parts and other not in others:
                others.append(other)
        if not others:
            return await self._match(parts, limit, values, mode="all-or-any")
        for mode in ("all", "any"):
            found = [
                hit
                for alternative in (parts, *others)
                for hit in await self._match(alternative, limit, values, mode=mode)
            ]
            if found:
                return _dedupe(sorted(found, key=lambda h: -h.score))[:limit]
        return []

    def _split_figures(self, query: str) -> tuple[str, list[float]]:
        """The query with its exact figures cut out, and their values (vague ones stay words)."""
        text = query
        values: list[float] = []
        for _ in range(MAX_QUERY_FIGURES):
            if not any(ch.isdigit() for ch in text) and len(text.split()) > 6:
                break  # worded numbers only in short queries
            try:
                figure = self.parse_figure(text)
            except (ValueError, ArithmeticError):
                figure = None
            if figure is None or figure.vague or not figure.text:
                break
            start, end = figure.start, figure.end
            if text[start:end] != figure.text:
                start = text.find(figure.text)
                if start < 0:
                    break
                end = start + len(figure.text)
            values.append(float(figure.value))
            text = f"{text[:start]} {text[end:]}"
        return text, values

    async def _match(
        self,
        parts: Sequence[str],
        limit: int,
        values: Sequence[float] = (),
        *,
        mode: str = "all",
        span: tuple[int, int] | None = None,
    ) -> list[SearchHit]:
        """Sentences matching the phrases (every one, or any) and holding every figure in `values`, best first.

        Ranking is `bot.store.retrieval.Ranker`'s: bounded cost however common the words are.
        """
        figures = []
        for value in values:
            token = figure_token(float(value))
            if token is None:
                return []
            figures.append(f'figure_terms : "{token}"')
        try:
            ranked = await Ranker(self.db).rank(parts, mode=mode, limit=limit, figures=figures, span=span)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc).lower():
                raise QueryError("That search could not be understood.", hint="use plain words") from exc
            raise
        if not ranked:
            return []
        scores = dict(ranked)
        marks = ",".join("?" * len(ranked))
        rows = await self.db.fetchall(
            f"SELECT s.rowid, s.article, s.idx, s.text, a.title, 0.0, {FIGURES_JSON} FROM sentences s"
            f" JOIN articles a ON a.id = s.article WHERE s.rowid IN ({marks})",
            list(scores),
        )
        rows = sorted(((*r[1:5], scores[r[0]], r[6]) for r in rows), key=lambda r: -r[4])
        return await self._hits(rows)

    async def _hits(self, rows: Sequence[Sequence[Any]]) -> list[SearchHit]:
        """SearchHits for (article, idx, text, title, score, figures JSON) rows."""
        return [
            SearchHit(
                article=r[0],
                sentence=r[1],
                text=r[2],
                title=r[3] or "",
                score=float(r[4] or 0.0),
                figures=tuple(figure_from_row(f) for f in json.loads(r[5] or "[]")),
            )
            for r in rows
        ]

    # --- figures ---------------------------------------------------------------------------
    async def by_figure(self, value: float, include_vague: bool = False, limit: int | None = None) -> list[SearchHit]:
        """Sentences holding the exact figure `value`, in article and sentence order.

        With `include_vague`, sentences with a vague quantity whose order of magnitude
        covers `value` ("puluhan ribu" for 25000) are included too.
        """
        condition, params = _figure_condition(float(value), include_vague)
        params.append(-1 if limit is None else int(limit))
        sql = (
            f"SELECT s.article, s.idx, s.text, a.title, 0.0, {FIGURES_JSON} FROM"
            f" (SELECT f.article, f.sentence FROM figures f WHERE {condition}"
            "  GROUP BY length(f.article), f.article, f.sentence ORDER BY length(f.article), f.article, f.sentence"
            "  LIMIT ?) AS m"
            " JOIN sentences s ON s.article = m.article AND s.idx = m.sentence JOIN articles a ON a.id = s.article"
            " ORDER BY length(s.article), s.article, s.idx"
        )
        return await self._hits(await self.db.fetchall(sql, params))

    # --- retrieval for summaries -------------------------------------------------------------
    async def sentences_for_terms(
        self, terms: Iterable[str], limit: int = 200, article: str | None = None
    ) -> list[SearchHit]:
        """Sentences holding ANY of `terms` (words or short phrases), best first."""
        parts = [_phrase(tokens) for term in terms for tokens in token_groups(term)][:MAX_TERMS]
        if not parts:
            return []
        if article is None:
            return await self._match(parts, limit, mode="any")
        # An article's sentences are stored together: their rowid range bounds the search.
        span = await self.db.fetchone("SELECT min(rowid), max(rowid) FROM sentences WHERE article = ?", (article,))
        if span is None or span[0] is None:
            return []
        hits = await self._match(parts, limit, mode="any", span=(span[0], span[1]))
        return [h for h in hits if h.article == article]

    # --- vocabulary ------------------------------------------------------------------------
    async def close_terms(self, word: str, limit: int = 5) -> list[str]:
        """Indexed words `word` was plausibly meant to be (for "no match; did you mean ...?")."""
        return await SpellingIndex(self.db).close_terms(word, limit=limit)

    async def suggest(self, topic: str, limit: int = 5) -> list[str]:
        """Close indexed words for the words of a topic that no sentence holds."""
        return await SpellingIndex(self.db).suggest(topic, limit=limit)

    async def prefix_terms(self, prefix: str, limit: int = 10) -> list[str]:
        """Indexed terms starting with `prefix`, the most widespread first."""
        tokens = [t for g in token_groups(prefix) for t in g]
        if not tokens:
            return []
        start = fold(tokens[-1])
        rows = await self.db.fetchall(
            "SELECT term FROM sentences_vocab WHERE col = 'text' AND term >= ? AND term < ?"
            " ORDER BY doc DESC, term LIMIT ?",
            (start, start + "\U0010ffff", limit),
        )
        return [row[0] for row in rows]


Search = SentenceSearch


def _figure_condition(value: float, include_vague: bool) -> tuple[str, list[Any]]:
    """The `figures f` rows stating `value` exactly (and, with `include_vague`, vague ones covering it)."""
    if not include_vague:
        return "(f.value = ? AND f.vague = 0)", [value]
    # the same window as bot.corpus.figures.query.figures_related: "ribuan" may stand for 10,000
    return (
        "((f.value = ? AND f.vague = 0) OR (f.vague = 1 AND f.value <= ? AND ? < f.value * 100))",
        [value, value, value],
    )


def _dedupe(hits: Iterable[SearchHit]) -> list[SearchHit]:
    seen: set[tuple[str, int]] = set()
    out = []
    for hit in hits:
        if (hit.article, hit.sentence) not in seen:
            seen.add((hit.article, hit.sentence))
            out.append(hit)
    return out
