"""Boilerplate in SQLite: each sentence's prints, and the sentences learned to be boilerplate.

Public API:
    store = BoilerplateStore(db)
    await store.refresh(changed=True) -> int      # print new sentences; re-learn if anything changed
    await store.among(pairs) -> dict[(article, idx), Learned]   # which of these sentences are boilerplate
    await store.for_article(article) -> dict[int, Learned]

`refresh` prints the sentences of every article that has no prints yet (new, changed, or
indexed before this table existed), then, when the corpus changed or new prints were
made, learns the boilerplate set again from all prints (`bot.corpus.boilerplate.learn`)
and replaces the stored one, so it follows the corpus as it grows and shrinks. When the
set changes, cached answers are invalidated (the corpus version goes up).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from typing import Any

from bot.corpus.boilerplate import MIN_STORIES, Learned, Occurrence, learn, sentence_prints, title_print
from bot.store.db import Database

_CHUNK = 500


def _print_rows(articles: Sequence[tuple[str, str]], sentences: Sequence[tuple[str, int, str]]) -> list[tuple]:
    rows: list[tuple] = [(aid, 0, "title", title_print(title)) for aid, title in articles]
    for aid, idx, text in sentences:
        prints = sentence_prints(text)
        rows.append((aid, idx, "exact", prints.exact))
        if prints.skeleton:
            rows.append((aid, idx, "skeleton", prints.skeleton))
    return rows


class BoilerplateStore:
    """The `sentence_prints` and `boilerplate` tables over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def refresh(self, changed: bool = True) -> int:
        """Bring prints and the learned set up to date; returns how many sentences are boilerplate."""
        printed = await self._print_missing()
        if not (changed or printed):
            row = await self.db.fetchone("SELECT count(*) FROM boilerplate")
            return int(row[0]) if row else 0
        found = await self._learn()
        async with self.db.transaction():
            before = await self.db.fetchall("SELECT article, idx, stories, outlet FROM boilerplate")
            after = sorted((a, i, line.stories, line.outlet) for (a, i), line in found.items())
            if sorted(tuple(r) for r in before) != after:
                await self.db.execute("DELETE FROM boilerplate")
                await self.db.executemany("INSERT INTO boilerplate (article, idx, stories, outlet) VALUES (?,?,?,?)",
                                          after)
                await self.db.execute("UPDATE corpus_state SET version = version + 1 WHERE only = 1")
        return len(found)

    async def _print_missing(self) -> int:
        articles = await self.db.fetchall(
            "SELECT a.id, a.title FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM sentence_prints p WHERE p.article = a.id AND p.idx = 0 AND p.kind = 'title')"
        )
        for start in range(0, len(articles), _CHUNK):
            chunk = [(r[0], r[1]) for r in articles[start : start + _CHUNK]]
            marks = ",".join("?" * len(chunk))
            sentences = await self.db.fetchall(
                f"SELECT article, idx, text FROM sentences WHERE article IN ({marks})", [a for a, _ in chunk]
            )
            rows = await asyncio.to_thread(_print_rows, chunk, [(r[0], r[1], r[2]) for r in sentences])
            async with self.db.transaction():
                await self.db.executemany(
                    "INSERT OR REPLACE INTO sentence_prints (article, idx, kind, print) VALUES (?,?,?,?)", rows
                )
        return len(articles)

    async def _learn(self) -> dict[tuple[str, int], Learned]:
        rows = await self.db.fetchall(
            "SELECT p.kind, p.print, p.article, p.idx, a.outlet FROM sentence_prints p"
            " JOIN articles a ON a.id = p.article"
            " JOIN (SELECT kind, print FROM sentence_prints WHERE kind IN ('exact', 'skeleton') AND print <> ''"
            "       GROUP BY kind, print HAVING count(DISTINCT article) >= ?) r"
            " ON r.kind = p.kind AND r.print = p.print",
            (MIN_STORIES,),
        )
        if not rows:
            return {}
        occurrences = [Occurrence(r[0], r[1], r[2], int(r[3]), r[4]) for r in rows]
        story_keys: dict[str, list[str]] = {}
        ids = sorted({o.article for o in occurrences})
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for aid, kind, value in await self.db.fetchall(
                "SELECT article, kind, print FROM sentence_prints WHERE article IN"
                f" ({marks}) AND ((idx = 0 AND kind = 'title') OR (idx = 1 AND kind = 'exact'))",
                chunk,
            ):
                story_keys.setdefault(aid, []).append(f"{kind}:{value}" if value else "")
        return await asyncio.to_thread(learn, occurrences, story_keys)

    async def among(self, pairs: Iterable[tuple[str, int]]) -> dict[tuple[str, int], Learned]:
        """Which of these (article, sentence) pairs are boilerplate, and why."""
        wanted = sorted(set(pairs))
        found: dict[tuple[str, int], Learned] = {}
        articles = sorted({a for a, _ in wanted})
        if not articles or not await self.db.fetchone("SELECT 1 FROM boilerplate LIMIT 1"):
            return found
        for start in range(0, len(articles), _CHUNK):
            chunk = articles[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in await self.db.fetchall(
                f"SELECT article, idx, stories, outlet FROM boilerplate WHERE article IN ({marks})", chunk
            ):
                found[(row[0], int(row[1]))] = Learned(int(row[2]), row[3])
        keep = set(wanted)
        return {k: v for k, v in found.items() if k in keep}

    async def for_article(self, article: str) -> dict[int, Learned]:
        """The boilerplate sentences of one article: index -> why."""
        rows: list[Any] = await self.db.fetchall(
            "SELECT idx, stories, outlet FROM boilerplate WHERE article = ? ORDER BY idx", (article,)
        )
        return {int(r[0]): Learned(int(r[1]), r[2]) for r in rows}
