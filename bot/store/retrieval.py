"""Ranked retrieval over the FTS5 index at bounded cost: phrase statistics, newest-first windows, scores.

Public API:
    ranker = Ranker(db)
    await ranker.rank(phrases, mode="all", limit=20, figures=(), span=None) -> list[tuple[int, float]]
        (sentence rowid, score) best first; `phrases` are quoted FTS5 phrases ('"korea"',
        '"su 34"', '"kurs"*'), `figures` extra FTS expressions every hit must match
        ('figure_terms : "fig10000"'), `span` a (first, last) rowid range to stay in.
        mode "all": every phrase; "any": one at least; "all-or-any": every phrase, or,
        when no sentence holds them all, any of them.

FTS5's own bm25() counts, for every query phrase, every sentence holding it before it
ranks anything: three common words cost a third of a second at 100k articles. Here
each phrase is first sized with a capped look at its newest postings (how many among
the newest STAT_CAP, and how far back they reach, give its document frequency), and:

- all words (mode "all"): the FTS5 AND runs on the LEAD rarest phrases only, newest
  first, and stops at enough matches to rank (RANK_PER_HIT per hit asked for, at most
  RANK_WINDOW); further phrases are checked on the
  candidates' text (MAX_CHECKED of them at most). A phrase rarer than STAT_CAP bounds
  the AND by itself, so it covers the whole index; when every phrase is common, the
  AND looks back MAX_COMMON_WINDOW sentences at most.
- any word (mode "any"): the ANY_PHRASES rarest phrases contribute their newest
  matches (an equal share of those, at least 200; a rare phrase all of its matches);
  common words add little to a score and nothing to what is found.

Candidates are scored inside SQLite, BM25 with term frequency 1 (sentences are short):
the summed idf of the phrases a sentence holds, normalised by its length, ties newest
first. Every step reads a bounded number of postings and rows, whatever the corpus size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.corpus.spelling import fold, words
from bot.store.db import Database

STAT_CAP = 1000  # postings read to size a phrase
RANK_WINDOW = 2000  # candidates ranked at most
RANK_PER_HIT = 5  # candidates ranked per hit asked for (at least 500, at most RANK_WINDOW)
ANY_PHRASES = 8  # an any-word query offers the matches of its rarest phrases only
LEAD = 4  # phrases given to the FTS5 AND; the rest are checked on the text
CHECK_BATCH = 500  # candidates whose text is checked at once for the other phrases
MAX_CHECKED = 500  # candidates checked at most for a query of more than LEAD phrases
MAX_COMMON_WINDOW = 2_000_000  # how far back (in sentences) an AND of only common phrases looks
K1, B, AVG_CHARS = 1.2, 0.75, 130.0
_NEWEST = "sentences_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?"


@dataclass(frozen=True)
class Phrase:
    """A query phrase and what its newest postings say about it."""

    expr: str  # '"korea"', '"su 34"', '"kurs"*'
    found: int  # matches among the newest STAT_CAP
    oldest: int  # lowest rowid among them (0 when none)
    idf: float

    @property
    def common(self) -> bool:
        return self.found >= STAT_CAP

    def tokens(self) -> list[str]:
        return self.expr.rstrip("*").strip('"').replace('""', '"').split()


def _candidates(limit: int) -> int:
    """How many of the newest matches are ranked for `limit` hits."""
    return max(limit, min(RANK_WINDOW, max(500, limit * RANK_PER_HIT)))


def _holds(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    width = len(phrase)
    return any(list(tokens[i : i + width]) == list(phrase) for i in range(len(tokens) - width + 1))


class Ranker:
    """Bounded-cost ranked retrieval over one Database's `sentences_fts`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def rank(
        self,
        phrases: Sequence[str],
        *,
        mode: str = "all",
        limit: int = 20,
        figures: Sequence[str] = (),
        span: tuple[int, int] | None = None,
    ) -> list[tuple[int, float]]:
        if not phrases or limit <= 0:
            return []
        first, last = span or await self._extent()
        if last < first:
            return []
        if mode not in ("all", "any", "all-or-any"):
            raise ValueError(f"unknown mode {mode!r}")
        stats = await self._phrases(list(dict.fromkeys(phrases)), figures, first, last)
        if mode != "any":
            ranked = await self._all(stats, figures, first, last, limit)
            if ranked or mode == "all" or len(stats) == 1:
                return ranked
        return await self._any(stats, figures, first, last, limit)

    async def _extent(self) -> tuple[int, int]:
        row = await self.db.fetchone("SELECT (SELECT min(rowid) FROM sentences), (SELECT max(rowid) FROM sentences)")
        return (int(row[0]), int(row[1])) if row and row[0] is not None else (1, 0)

    def _expr(self, phrases: Sequence[str], figures: Sequence[str]) -> str:
        return " AND ".join([f"text : ({' '.join(phrases)})", *figures])

    async def _phrases(self, exprs: Sequence[str], figures: Sequence[str], first: int, last: int) -> list[Phrase]:
        """Size every phrase from its newest STAT_CAP postings, in one statement."""
        parts, params = [], []
        for number, expr in enumerate(exprs):
            parts.append(
                f"SELECT {number}, count(*), coalesce(min(rowid), 0) FROM"
                f" (SELECT rowid FROM sentences_fts WHERE {_NEWEST})"
            )
            params += [self._expr([expr], figures), first, last, STAT_CAP]
        rows = {r[0]: (int(r[1]), int(r[2])) for r in await self.db.fetchall(" UNION ALL ".join(parts), params)}
        total = last - first + 1
        stats = []
        for number, expr in enumerate(exprs):
            found, oldest = rows.get(number, (0, 0))
            df = found if found < STAT_CAP else found * total / max(1, last - oldest + 1)
            stats.append(Phrase(expr, found, oldest, math.log(1.0 + (total - df + 0.5) / (df + 0.5))))
        return stats

    async def _all(
        self, stats: list[Phrase], figures: Sequence[str], first: int, last: int, limit: int
    ) -> list[tuple[int, float]]:
        """The best of the newest sentences holding every phrase (and figure)."""
        order = sorted(stats, key=lambda p: (p.found, -p.oldest))
        if order[0].found == 0:
            return []
        lead, rest = order[:LEAD], order[LEAD:]
        expr = self._expr([p.expr for p in lead], figures)
        low = max(first, last - MAX_COMMON_WINDOW + 1) if order[0].common else first
        weight = sum(p.idf for p in stats)
        need = _candidates(limit)
        if not rest:
            return await self._top(
                f"SELECT m.rowid, ? AS w FROM (SELECT rowid FROM sentences_fts WHERE {_NEWEST}) AS m",
                [weight, expr, low, last, need],
                limit,
            )
        kept: list[int] = []
        top = last
        for _ in range(0, MAX_CHECKED, CHECK_BATCH):
            rows = [
                r[0]
                for r in await self.db.fetchall(
                    f"SELECT rowid FROM sentences_fts WHERE {_NEWEST}", (expr, low, top, CHECK_BATCH)
                )
            ]
            kept += await self._holding(rest, rows)
            if len(kept) >= need or len(rows) < CHECK_BATCH:
                break
            top = rows[-1] - 1
        if not kept:
            return []
        return await self._top(
            f"SELECT rowid, ? AS w FROM sentences WHERE rowid IN ({','.join('?' * len(kept))})",
            [weight, *kept],
            limit,
        )

    async def _holding(self, rest: list[Phrase], rowids: list[int]) -> list[int]:
        """The rowids whose text holds every phrase of `rest` (checked in Python, in order)."""
        if not rowids:
            return []
        wanted = [p.tokens() for p in rest]
        texts = dict(
            await self.db.fetchall(
                f"SELECT rowid, text FROM sentences WHERE rowid IN ({','.join('?' * len(rowids))})", rowids
            )
        )
        kept = []
        for rowid in rowids:
            text = fold(texts.get(rowid, ""))
            if not all(all(token in text for token in phrase) for phrase in wanted):
                continue  # a quick look for the letters first: most candidates fail here
            tokens = words(text)
            if all(_holds(tokens, phrase) for phrase in wanted):
                kept.append(rowid)
        return kept

    async def _any(
        self, stats: list[Phrase], figures: Sequence[str], first: int, last: int, limit: int
    ) -> list[tuple[int, float]]:
        """The best sentences holding any phrase: the rarest phrases offer their newest matches, weighted by idf."""
        offering = sorted((p for p in stats if p.found), key=lambda p: (p.found, -p.oldest))[:ANY_PHRASES]
        share = max(200, _candidates(limit) // max(1, len(offering)))
        parts, params = [], []
        for phrase in offering:
            parts.append(f"SELECT rowid, ? AS w FROM (SELECT rowid FROM sentences_fts WHERE {_NEWEST})")
            params += [phrase.idf, self._expr([phrase.expr], figures), first, last, share]
        if not parts:
            return []
        return await self._top(" UNION ALL ".join(parts), params, limit)

    async def _top(self, candidates: str, params: list, limit: int) -> list[tuple[int, float]]:
        """Score (rowid, w) candidates inside SQLite: summed weight normalised by length, best `limit`."""
        rows = await self.db.fetchall(
            f"SELECT c.rowid, sum(c.w) * {K1 + 1.0} / (1.0 + {K1} * ({1.0 - B} + {B} * length(s.text) / {AVG_CHARS}))"
            f" AS score FROM ({candidates}) AS c JOIN sentences s ON s.rowid = c.rowid"
            " GROUP BY c.rowid ORDER BY score DESC, c.rowid DESC LIMIT ?",
            [*params, limit],
        )
        return [(int(r[0]), float(r[1])) for r in rows]
