"""Sentence search over the FTS5 index: safe MATCH expressions, bm25 ranking, figures, suggestions.

Public API:
    to_match(query, *, mode="all", prefix_last=True, max_chars=1000, max_terms=32) -> str | None
        User text -> a safe FTS5 MATCH expression (every token group double-quoted), or None.
    search = SentenceSearch(db, figure_parser=None)  # also `Search`; parser defaults to corpus.figures.parse_figure
    await search.search(query, limit=20) -> list[SearchHit]         # bm25-ranked, figure-aware
    await search.by_figure(value, include_vague=False, limit=None) -> list[SearchHit]
    await search.sentences_for_terms(terms, limit=200, article=None) -> list[SearchHit]   # OR, bm25
    await search.close_terms(word, limit=5) -> list[str]            # "did you mean" from the vocabulary
    await search.prefix_terms(prefix, limit=10) -> list[str]        # autocomplete, most frequent first
    await search.suggest(topic, limit=5) -> list[str]               # close terms for a topic with no match

User text never reaches MATCH unescaped: it is cut into word tokens (letters and digits),
each whitespace-separated group becomes one quoted phrase ("10.000" -> "10 000",
`"kursk` -> "kursk"), and operators, `*`, parentheses and quotes are plain text.
Scores are positive, higher is better (the negated bm25).
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from bot.errors import QueryError
from bot.models import Figure, SearchHit
from bot.store.articles import figure_from_row
from bot.store.db import Database

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
_TOKEN = re.compile(r"[^\W_]+")
_RELATIVE_TOLERANCE = 1e-9

FigureParser = Callable[[str], "Figure | None"]


def fold(token: str) -> str:
    """Lower-case and strip diacritics the way the FTS tokenizer does (for vocabulary look-ups)."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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


def to_match(
    query: str,
    *,
    mode: str = "all",
    prefix_last: bool = True,
    max_chars: int = MAX_QUERY_CHARS,
    max_terms: int = MAX_TERMS,
) -> str | None:
    """A safe FTS5 MATCH expression for arbitrary user text, or None when nothing is searchable.

    mode "all" requires every group, "any" requires one. With `prefix_last`, a final
    alphabetic token of 3+ characters also matches as a prefix ("kurs" finds "Kursk").
    """
    if mode not in ("all", "any"):
        raise ValueError(f"mode must be 'all' or 'any', not {mode!r}")
    _check_length(query or "", max_chars)
    groups = token_groups(query or "")
    if not groups:
        return None
    if len(groups) > max_terms:
        raise QueryError(
            f"That search has {len(groups)} words; the limit is {max_terms}.", hint="search for fewer words"
        )
    parts = [_phrase(group) for group in groups]
    last = groups[-1][-1]
    if prefix_last and last.isalpha() and len(last) >= 3:
        parts[-1] += "*"
    return (" " if mode == "all" else " OR ").join(parts)


def _figure_bounds(value: float) -> tuple[float, float]:
    delta = abs(value) * _RELATIVE_TOLERANCE
    return value - delta, value + delta


class SentenceSearch:
    """Ranked sentence search over one Database."""

    def __init__(self, db: Database, figure_parser: FigureParser | None = None, *,
                 max_chars: int = MAX_QUERY_CHARS) -> None:
        if figure_parser is None:
            from bot.corpus.figures import parse_figure as figure_parser  # pure function, no I/O
        self.db = db
        self.parse_figure = figure_parser
        self.max_chars = max_chars

    # --- the search command --------------------------------------------------------------
    async def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Sentences matching `query`, best first; figures match whatever their spelling.

        A query that is one figure ("10000", "10 ribu") finds every sentence holding that
        exact value, then sentences matching its words. Figures inside a longer query
        ("pasukan 10.000") restrict the word matches to sentences holding them. When no
        sentence has every word, sentences with any of them are returned.
        """
        query = query or ""
        _check_length(query, self.max_chars)
        if limit <= 0:
            return []
        whole = self._exact_figure(query)
        if whole is not None:
            hits = await self.by_figure(whole.value, limit=limit)
            if len(hits) < limit:
                expr = to_match(query, prefix_last=False, max_chars=self.max_chars)
                if expr:
                    seen = {(h.article, h.sentence) for h in hits}
                    more = await self._match(expr, limit)
                    hits += [h for h in more if (h.article, h.sentence) not in seen][: limit - len(hits)]
            return hits
        words, values = self._split_figures(query)
        expr = to_match(" ".join(words), max_chars=self.max_chars)
        if expr is None:
            if not values:
                raise QueryError(
                    f"There is nothing to search for in {query.strip()[:40]!r}.", hint="use words or a number"
                )
            return _dedupe([h for value in values for h in await self.by_figure(value, limit=limit)])[:limit]
        hits = await self._match(expr, limit, values)
        if not hits and len(words) > 1:
            expr = to_match(" ".join(words), mode="any", max_chars=self.max_chars)
            hits = await self._match(expr, limit, values) if expr else []
        return hits

    def _exact_figure(self, text: str) -> Figure | None:
        if not any(ch.isdigit() for ch in text) and len(text.split()) > 3:
            return None
        try:
            figure = self.parse_figure(text.strip())
        except (ValueError, ArithmeticError):
            return None
        if figure is None or figure.vague:
            return None
        return figure

    def _split_figures(self, query: str) -> tuple[list[str], list[float]]:
        """Separate the figures of a longer query (one or two chunks each) from its words."""
        chunks = query.split()
        words: list[str] = []
        values: list[float] = []
        i = 0
        while i < len(chunks):
            chunk = chunks[i]
            if any(ch.isdigit() for ch in chunk):
                pair = " ".join(chunks[i:i + 2])
                figure = self._exact_figure(pair) if i + 1 < len(chunks) else None
                if figure is not None and not any(ch.isdigit() for ch in chunks[i + 1]):
                    values.append(figure.value)
                    i += 2
                    continue
                figure = self._exact_figure(chunk)
                if figure is not None:
                    values.append(figure.value)
                    i += 1
                    continue
            words.append(chunk)
            i += 1
        return words, values

    async def _match(self, expr: str, limit: int, values: Sequence[float] = ()) -> list[SearchHit]:
        params: list[Any] = [expr]
        where = "sentences_fts MATCH ?"
        if values:
            checks = []
            for value in values:
                low, high = _figure_bounds(value)
                checks.append(
                    "EXISTS (SELECT 1 FROM figures f JOIN sentences s ON s.article = f.article"
                    " AND s.idx = f.sentence WHERE s.rowid = sentences_fts.rowid"
                    " AND f.value BETWEEN ? AND ? AND f.vague = 0)"
                )
                params += [low, high]
            where += " AND " + " AND ".join(checks)
        params.append(limit)
        sql = (
            "SELECT s.article, s.idx, s.text, a.title, -m.rank FROM"
            f" (SELECT rowid, rank FROM sentences_fts WHERE {where} ORDER BY rank LIMIT ?) AS m"
            " JOIN sentences s ON s.rowid = m.rowid JOIN articles a ON a.id = s.article ORDER BY m.rank"
        )
        try:
            rows = await self.db.fetchall(sql, params)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc).lower():
                raise QueryError("That search could not be understood.", hint="use plain words") from exc
            raise
        return await self._hits(rows)

    async def _hits(self, rows: Sequence[Sequence[Any]]) -> list[SearchHit]:
        """SearchHits for (article, idx, text, title, score) rows, with their figures."""
        if not rows:
            return []
        figures: dict[tuple[str, int], list[Figure]] = {}
        keys = list({(r[0], r[1]) for r in rows})
        for start in range(0, len(keys), 400):
            part = keys[start:start + 400]
            values = ",".join("(?,?)" for _ in part)
            flat = [x for key in part for x in key]
            for r in await self.db.fetchall(
                'SELECT article, sentence, value, text, start, "end", qualifier, vague, magnitude, unit'
                f" FROM figures WHERE (article, sentence) IN (VALUES {values}) ORDER BY article, sentence, start",
                flat,
            ):
                figures.setdefault((r[0], r[1]), []).append(figure_from_row(r[2:]))
        return [
            SearchHit(article=r[0], sentence=r[1], text=r[2], title=r[3] or "", score=float(r[4] or 0.0),
                      figures=tuple(figures.get((r[0], r[1]), ())))
            for r in rows
        ]

    # --- figures ---------------------------------------------------------------------------
    async def by_figure(self, value: float, include_vague: bool = False, limit: int | None = None
                        ) -> list[SearchHit]:
        """Sentences holding the exact figure `value`, in article and sentence order.

        With `include_vague`, sentences with a vague quantity whose order of magnitude
        covers `value` ("puluhan ribu" for 25000) are included too.
        """
        low, high = _figure_bounds(float(value))
        condition = "(f.value BETWEEN ? AND ? AND f.vague = 0)"
        params: list[Any] = [low, high]
        if include_vague:
            condition = f"({condition} OR (f.vague = 1 AND f.value <= ? AND ? < f.value * 10))"
            params += [float(value), float(value)]
        sql = (
            "SELECT s.article, s.idx, s.text, a.title, 0.0 FROM sentences s JOIN articles a ON a.id = s.article"
            " WHERE EXISTS (SELECT 1 FROM figures f WHERE f.article = s.article AND f.sentence = s.idx"
            f" AND {condition}) ORDER BY length(s.article), s.article, s.idx"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return await self._hits(await self.db.fetchall(sql, params))

    # --- retrieval for summaries -------------------------------------------------------------
    async def sentences_for_terms(self, terms: Iterable[str], limit: int = 200, article: str | None = None
                                  ) -> list[SearchHit]:
        """Sentences holding ANY of `terms` (words or short phrases), best bm25 first."""
        groups = [_phrase(tokens) for term in terms for tokens in token_groups(term)]
        if not groups:
            return []
        expr = " OR ".join(groups[:MAX_TERMS])
        if article is None:
            return await self._match(expr, limit)
        sql = (
            "SELECT s.article, s.idx, s.text, a.title, -sentences_fts.rank FROM sentences_fts"
            " JOIN sentences s ON s.rowid = sentences_fts.rowid JOIN articles a ON a.id = s.article"
            " WHERE sentences_fts MATCH ? AND s.article = ? ORDER BY sentences_fts.rank LIMIT ?"
        )
        return await self._hits(await self.db.fetchall(sql, (expr, article, limit)))

    # --- vocabulary ------------------------------------------------------------------------
    async def close_terms(self, word: str, limit: int = 5) -> list[str]:
        """Indexed terms spelled like `word` (for "no match; did you mean ...?")."""
        tokens = token_groups(word)
        if not tokens:
            return []
        target = fold(max((t for g in tokens for t in g), key=len))
        if len(target) < 3:
            return []
        rows = await self.db.fetchall(
            "SELECT term, doc FROM sentences_vocab WHERE length(term) BETWEEN ? AND ?",
            (len(target) - 2, len(target) + 2),
        )
        scored = []
        matcher = difflib.SequenceMatcher(b=target, autojunk=False)
        for term, docs in rows:
            if term == target or term.isdigit():
                continue
            matcher.set_seq1(term)
            if matcher.real_quick_ratio() < 0.75 or matcher.quick_ratio() < 0.75:
                continue
            ratio = matcher.ratio()
            if ratio >= 0.75:
                scored.append((-ratio, -docs, term))
        return [term for _, _, term in sorted(scored)[:limit]]

    async def suggest(self, topic: str, limit: int = 5) -> list[str]:
        """Close indexed terms for the words of a topic that found nothing."""
        found: list[str] = []
        words = sorted({t for g in token_groups(topic or "") for t in g if t.isalpha()}, key=len, reverse=True)
        for word in words[:8]:
            for term in await self.close_terms(word, limit=limit):
                if term not in found:
                    found.append(term)
        return found[:limit]

    async def prefix_terms(self, prefix: str, limit: int = 10) -> list[str]:
        """Indexed terms starting with `prefix`, the most widespread first."""
        tokens = [t for g in token_groups(prefix) for t in g]
        if not tokens:
            return []
        start = fold(tokens[-1])
        rows = await self.db.fetchall(
            "SELECT term FROM sentences_vocab WHERE term >= ? AND term < ? ORDER BY doc DESC, term LIMIT ?",
            (start, start + "\U0010ffff", limit),
        )
        return [row[0] for row in rows]


Search = SentenceSearch


def _dedupe(hits: Iterable[SearchHit]) -> list[SearchHit]:
    seen: set[tuple[str, int]] = set()
    out = []
    for hit in hits:
        if (hit.article, hit.sentence) not in seen:
            seen.add((hit.article, hit.sentence))
            out.append(hit)
    return out
