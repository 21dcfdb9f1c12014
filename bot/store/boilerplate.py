"""Boilerplate in SQLite: each sentence's prints (hashed, on its row), and the sentences learned to be boilerplate.

Public API:
    store = BoilerplateStore(db)
    await store.refresh(changed=True) -> int      # print unprinted sentences; re-learn the prints that changed
    await store.among(pairs) -> dict[(article, idx), Learned]   # which of these sentences are boilerplate
    await store.for_article(article) -> dict[int, Learned]

A sentence row carries its two prints as 64-bit hashes (`sentences.print`, `.skeleton`, from
`bot.corpus.boilerplate.sentence_hashes`, written with the row by bot.store.articles; rows stored before that are printed by
`refresh`). A print that gains a sentence (insert trigger) or loses one (delete trigger)
is noted in `prints_touched`; `refresh` learns again only the sentences that carry a
touched print, each from its whole groups (`bot.corpus.boilerplate.learn`); a print
already learned in more than LARGE_GROUP sentences only hands its row to new sentences,
so a refresh costs what changed, not the size of the corpus or of its largest groups. A large first index touches nearly
every print: then the recurring prints are found in one pass over the print index and
the whole set is replaced. When the set changes, cached answers are invalidated (the
corpus version goes up). `changed` is accepted for callers that pass it: what changed is
known from the touched prints.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from typing import Any

from bot.corpus.boilerplate import MIN_STORIES, Learned, Occurrence, learn, sentence_hashes, title_print
from bot.store.db import Database

_CHUNK = 500
#: more touched prints than this: find the recurring ones in one pass over the print index
FULL_LEARN_AT = 20_000
#: a print in more sentences than this is not learned again when one more or one fewer carries it
LARGE_GROUP = 200
_COLUMN = {"exact": "print", "skeleton": "skeleton"}
#: what each print column's partial index covers: said in every lookup, so SQLite uses the index
_INDEXED = {"exact": "print <> 0", "skeleton": "skeleton IS NOT NULL"}


def _hash_rows(sentences: Sequence[tuple[int, str]]) -> list[tuple[int, int | None, int]]:
    return [(*sentence_hashes(text), rowid) for rowid, text in sentences]


Member = tuple[str, int, str, int, Any, int, Any]  # kind, print, article, idx, outlet, exact, skeleton


class BoilerplateStore:
    """The sentences' prints and the `boilerplate` table over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def refresh(self, changed: bool = True) -> int:
        """Bring prints and the learned set up to date; returns how many sentences are boilerplate."""
        await self._print_missing()
        row = await self.db.fetchone("SELECT count(*) FROM prints_touched")
        touched = int(row[0]) if row else 0
        if touched > FULL_LEARN_AT:
            await self._learn_all()
        elif touched:
            await self._learn_touched()
        row = await self.db.fetchone("SELECT count(*) FROM boilerplate")
        return int(row[0]) if row else 0

    async def _print_missing(self) -> None:
        """Print the sentences stored before rows carried their prints (an upgraded database)."""
        while rows := await self.db.fetchall(
            f"SELECT rowid, text, article, idx FROM sentences WHERE print IS NULL LIMIT {_CHUNK * 20}"
        ):
            hashed = await asyncio.to_thread(_hash_rows, [(r[0], r[1]) for r in rows])
            where = {r[0]: (r[2], r[3]) for r in rows}
            async with self.db.transaction():
                await self.db.executemany("UPDATE sentences SET print = ?, skeleton = ? WHERE rowid = ?", hashed)
                await self.db.executemany(
                    "INSERT OR IGNORE INTO prints_touched (kind, print, article, idx) VALUES (?, ?, ?, ?)",
                    [("exact", e, *where[r]) for e, _, r in hashed if e]
                    + [("skeleton", s, *where[r]) for _, s, r in hashed if s is not None],
                )

    async def _members(self, kind: str, hashes: Iterable[int]) -> list[Member]:
        """Every sentence carrying one of these prints of `kind`, with both of its prints."""
        column = _COLUMN[kind]
        wanted = sorted(hashes)
        found: list[Member] = []
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            found += [
                tuple(r)
                for r in await self.db.fetchall(
                    f"SELECT '{kind}', s.{column}, s.article, s.idx, a.outlet, s.print, s.skeleton FROM sentences s"
                    f" JOIN articles a ON a.id = s.article WHERE s.{column} IN ({','.join('?' * len(chunk))})"
                    f" AND s.{_INDEXED[kind]}",
                    chunk,
                )
            ]
        return found

    async def _is_large(self, kind: str, value: int) -> bool:
        """Does this print stand in more than LARGE_GROUP sentences? (counts at most that many)"""
        column = _COLUMN[kind]
        row = await self.db.fetchone(
            f"SELECT count(*) FROM (SELECT 1 FROM sentences WHERE {column} = ? AND {_INDEXED[kind]}"
            f" LIMIT {LARGE_GROUP + 1})",
            (value,),
        )
        return row is not None and int(row[0]) > LARGE_GROUP

    async def _join_large(self, kind: str, value: int, added: Sequence[tuple[str, int]]) -> bool:
        """Give the sentences `added` to a large learned group the group's learned row.

        False when no member has one (the group has not been learned whole yet)."""
        column = _COLUMN[kind]
        known = await self.db.fetchone(
            f"SELECT b.stories, b.outlet FROM sentences s JOIN boilerplate b ON b.article = s.article AND b.idx = s.idx"
            f" WHERE s.{column} = ? AND s.{_INDEXED[kind]} LIMIT 1",
            (value,),
        )
        if not known:
            return False
        async with self.db.transaction():
            await self.db.executemany(
                "INSERT OR IGNORE INTO boilerplate (article, idx, stories, outlet) VALUES (?, ?, ?, ?)",
                [(a, i, known[0], known[1]) for a, i in added],
            )
            if added:
                await self.db.execute("UPDATE corpus_state SET version = version + 1 WHERE only = 1")
        return True

    async def _learn_touched(self) -> None:
        """Learn again the sentences that carry a print which gained or lost a sentence.

        A print in more than LARGE_GROUP sentences stays boilerplate whatever one article
        more or less does: its new sentences take the group's learned row (story count as
        last learned) instead of the whole group being learned again.
        """
        touched: dict[str, set[int]] = {"exact": set(), "skeleton": set()}
        added: dict[tuple[str, int], list[tuple[str, int]]] = {}
        for kind, value, article, idx in await self.db.fetchall("SELECT kind, print, article, idx FROM prints_touched"):
            touched[kind].add(int(value))
            if article:
                added.setdefault((kind, int(value)), []).append((article, int(idx)))
        large: dict[str, set[int]] = {"exact": set(), "skeleton": set()}
        for kind, hashes in touched.items():
            for value in sorted(hashes):
                if await self._is_large(kind, value) and await self._join_large(
                    kind, value, added.get((kind, value), [])
                ):
                    large[kind].add(value)
        small = {kind: hashes - large[kind] for kind, hashes in touched.items()}
        members = [m for kind, hashes in small.items() for m in await self._members(kind, hashes)]
        # a sentence's other print may be in a group nothing touched: load it whole as well, unless it is large
        other = {
            "exact": {m[5] for m in members if m[5]} - touched["exact"],
            "skeleton": {m[6] for m in members if m[6] is not None} - touched["skeleton"],
        }
        for kind, hashes in other.items():
            for value in sorted(hashes):
                if await self._is_large(kind, value):
                    large[kind].add(value)
        other = {kind: hashes - large[kind] for kind, hashes in other.items()}
        # a sentence also in a large group keeps its row: that group alone makes it boilerplate
        affected = {(m[2], m[3]) for m in members if m[5] not in large["exact"] and m[6] not in large["skeleton"]}
        members += [m for kind, hashes in other.items() for m in await self._members(kind, hashes)]
        found = await self._learn(members)
        articles = sorted({a for a, _ in affected})
        before: dict[tuple[str, int], tuple[int, Any]] = {}
        for start in range(0, len(articles), _CHUNK):
            chunk = articles[start : start + _CHUNK]
            for a, i, stories, outlet in await self.db.fetchall(
                f"SELECT article, idx, stories, outlet FROM boilerplate WHERE article IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                if (a, int(i)) in affected:
                    before[(a, int(i))] = (int(stories), outlet)
        after = {k: (v.stories, v.outlet) for k, v in found.items() if k in affected}
        async with self.db.transaction():
            if before != after:
                await self.db.executemany("DELETE FROM boilerplate WHERE article = ? AND idx = ?", sorted(before))
                await self.db.executemany(
                    "INSERT INTO boilerplate (article, idx, stories, outlet) VALUES (?,?,?,?)",
                    [(a, i, s, o) for (a, i), (s, o) in sorted(after.items())],
                )
                await self.db.execute("UPDATE corpus_state SET version = version + 1 WHERE only = 1")
            await self.db.executemany(
                "DELETE FROM prints_touched WHERE kind = ? AND print = ?",  # with every sentence noted under it
                [(kind, h) for kind, hashes in touched.items() for h in sorted(hashes)],
            )

    async def _learn_all(self) -> None:
        """Learn the whole set from the prints that recur in enough articles (one pass over each print index)."""
        async with self.db.transaction():
            await self.db.execute("DELETE FROM prints_touched")  # prints touched from now on wait for the next refresh
        members: list[Member] = []
        for kind, column in _COLUMN.items():
            recurring = await self.db.fetchall(
                f"SELECT {column} FROM sentences WHERE {column} IS NOT NULL AND {column} <> 0"
                f" GROUP BY {column} HAVING count(DISTINCT article) >= ?",
                (MIN_STORIES,),
            )
            members += await self._members(kind, (int(r[0]) for r in recurring))
        found = await self._learn(members)
        async with self.db.transaction():
            before = await self.db.fetchall("SELECT article, idx, stories, outlet FROM boilerplate")
            after = sorted((a, i, v.stories, v.outlet) for (a, i), v in found.items())
            if sorted(tuple(r) for r in before) != after:
                await self.db.execute("DELETE FROM boilerplate")
                await self.db.executemany(
                    "INSERT INTO boilerplate (article, idx, stories, outlet) VALUES (?,?,?,?)", after
                )
                await self.db.execute("UPDATE corpus_state SET version = version + 1 WHERE only = 1")

    async def _learn(self, members: Sequence[Member]) -> dict[tuple[str, int], Learned]:
        """`learn` over these group members, with their articles' story keys (title and first sentence)."""
        if not members:
            return {}
        occurrences = [Occurrence(m[0], str(m[1]), m[2], int(m[3]), m[4]) for m in members]
        story_keys: dict[str, list[str]] = {}
        ids = sorted({o.article for o in occurrences})
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for aid, title, first in await self.db.fetchall(
                "SELECT a.id, a.title, s.print FROM articles a LEFT JOIN sentences s ON s.article = a.id AND s.idx = 1"
                f" WHERE a.id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                titled = title_print(title or "")
                story_keys[aid] = [f"title:{titled}" if titled else "", f"exact:{first}" if first else ""]
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
