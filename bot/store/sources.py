"""The sources kabar indexes and the entries it skipped in them, in SQLite.

Public API:
    store = SourceStore(db)
    await store.add(kind, location, now) -> Source          # a new source, or the same one again (reactivated)
    await store.find(kind, location) -> Source | None        # an active source
    await store.active(kind=None) -> list[Source]            # with article and skipped counts
    await store.ever_had_sources() -> bool                   # removed ones count: a default is added only once
    await store.adopt_orphans(source_id) -> int              # articles stored before sources existed
    await store.forget_stamp(source_id)
    await store.checked(source_id, *, now, state, stamp=None, detail=None, skipped=None)
    await store.remove(source_id, now) -> list[str]          # deletes its articles; returns their ids
    await store.skipped(source_id=None) -> list[Skipped]
    await store.skipped_for(ref) -> list[Skipped]            # the skipped entries an article id or file name names
    await store.claims() -> dict[str, tuple[str, int | None, str, str | None]]   # id -> (key, source, hash, stat)
    await store.restat([(file_stat, key), ...])             # files read again and found unchanged
    await store.stamps(kind) -> list[tuple[Source, str | None]]   # active sources and their change tokens

A source's `stamp` is an opaque token the caller computes from the source (a folder's
device, inode and modification time); the caller compares it to decide whether a full
check is needed. `checked(..., skipped=[...])` replaces the source's skipped entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bot.models import Skipped, Source
from bot.store.db import Database

_SOURCE_COLUMNS = (
    "s.id, s.kind, s.location, s.added_at, s.checked_at, s.state, s.detail,"
    " (SELECT count(*) FROM articles a WHERE a.source = s.id),"
    " (SELECT count(*) FROM skipped k WHERE k.source = s.id)"
)


def _source(row: Sequence[Any]) -> Source:
    return Source(
        id=int(row[0]),
        kind=row[1],
        location=row[2],
        added_at=row[3],
        checked_at=row[4],
        state=row[5],
        detail=row[6],
        articles=int(row[7]),
        skipped=int(row[8]),
    )


class SourceStore:
    """The sources repository over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, kind: str, location: str, now: str) -> Source:
        """Record a source (or reactivate a removed one with the same kind and location)."""
        async with self.db.transaction():
            await self.db.execute(
                "INSERT INTO sources (kind, location, added_at) VALUES (?, ?, ?)"
                " ON CONFLICT (kind, location) DO UPDATE SET removed_at = NULL,"
                " added_at = CASE WHEN removed_at IS NULL THEN added_at ELSE excluded.added_at END,"
                " stamp = CASE WHEN removed_at IS NULL THEN stamp END,"
                " state = CASE WHEN removed_at IS NULL THEN state ELSE 'new' END",
                (kind, location, now),
            )
        found = await self.find(kind, location)
        assert found is not None  # just written
        return found

    async def find(self, kind: str, location: str) -> Source | None:
        row = await self.db.fetchone(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE kind = ? AND location = ? AND removed_at IS NULL",
            (kind, location),
        )
        return _source(row) if row else None

    async def active(self, kind: str | None = None) -> list[Source]:
        """The active sources, oldest first, with their article and skipped counts."""
        where = "removed_at IS NULL" + (" AND kind = ?" if kind else "")
        rows = await self.db.fetchall(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE {where} ORDER BY id", (kind,) if kind else ()
        )
        return [_source(row) for row in rows]

    async def stamps(self, kind: str) -> list[tuple[Source, str | None]]:
        """Every active source of a kind with its change token; no counts (the per-command check is this one query)."""
        rows = await self.db.fetchall(
            "SELECT id, kind, location, added_at, checked_at, state, detail, 0, 0, stamp FROM sources"
            " WHERE removed_at IS NULL AND kind = ? ORDER BY id",
            (kind,),
        )
        return [(_source(row), row[9]) for row in rows]

    async def ever_had_sources(self) -> bool:
        return await self.db.fetchone("SELECT 1 FROM sources LIMIT 1") is not None

    async def adopt_orphans(self, source_id: int) -> int:
        """Give the articles that have no source (stored before sources existed) to this source."""
        async with self.db.transaction():
            cursor = await self.db.execute("UPDATE articles SET source = ? WHERE source IS NULL", (source_id,))
            return cursor.rowcount

    async def claims(self) -> dict[str, tuple[str, int | None, str, str | None]]:
        """id -> (key, source id, content hash, file stat) of every stored article: what a check compares with."""
        rows = await self.db.fetchall("SELECT id, key, source, content_hash, file_stat FROM articles")
        return {row[0]: (row[1], row[2], row[3], row[4]) for row in rows}

    async def restat(self, stats: Iterable[tuple[str | None, str]]) -> None:
        """Record (file stat, key) for articles whose file was read again and found unchanged."""
        stats = list(stats)
        if stats:
            async with self.db.transaction():
                await self.db.executemany("UPDATE articles SET file_stat = ? WHERE key = ?", stats)

    async def forget_stamp(self, source_id: int) -> None:
        """Clear a source's change token: the next command checks it fully (set while a check runs)."""
        async with self.db.transaction():
            await self.db.execute("UPDATE sources SET stamp = NULL WHERE id = ?", (source_id,))

    async def checked(
        self,
        source_id: int,
        *,
        now: str,
        state: str,
        stamp: str | None = None,
        detail: str | None = None,
        skipped: Iterable[Skipped] | None = None,
    ) -> None:
        """Record a full check: its time, what it found, and (when given) the entries it skipped."""
        async with self.db.transaction():
            await self.db.execute(
                "UPDATE sources SET checked_at = ?, state = ?, stamp = ?, detail = ? WHERE id = ?",
                (now, state, stamp, detail, source_id),
            )
            if skipped is not None:
                await self.db.execute("DELETE FROM skipped WHERE source = ?", (source_id,))
                await self.db.executemany(
                    "INSERT OR REPLACE INTO skipped (source, name, id, reason) VALUES (?, ?, ?, ?)",
                    [(source_id, s.name, s.id, s.reason) for s in skipped],
                )

    async def remove(self, source_id: int, now: str) -> list[str]:
        """Remove a source on purpose: its articles and skipped entries go, its row stays as removed."""
        async with self.db.transaction():
            rows = await self.db.fetchall("SELECT id FROM articles WHERE source = ?", (source_id,))
            await self.db.execute("DELETE FROM articles WHERE source = ?", (source_id,))
            await self.db.execute("DELETE FROM skipped WHERE source = ?", (source_id,))
            await self.db.execute(
                "UPDATE sources SET removed_at = ?, stamp = NULL, state = 'removed', detail = NULL WHERE id = ?",
                (now, source_id),
            )
        return sorted((row[0] for row in rows), key=lambda i: (len(i), i))

    async def skipped(self, source_id: int | None = None) -> list[Skipped]:
        where = "s.removed_at IS NULL" + (" AND k.source = ?" if source_id is not None else "")
        rows = await self.db.fetchall(
            "SELECT k.name, k.reason, k.id, s.location FROM skipped k JOIN sources s ON s.id = k.source"
            f" WHERE {where} ORDER BY s.id, k.name",
            (source_id,) if source_id is not None else (),
        )
        return [Skipped(name=row[0], reason=row[1], id=row[2], source=row[3]) for row in rows]

    async def skipped_for(self, ref: str) -> list[Skipped]:
        """Skipped entries that an article reference names: its id ("010", "10") or its file name or key."""
        text = (ref or "").strip()
        if not text:
            return []
        names = (text, f"{text}.txt")
        number = int(text) if text.isdigit() and len(text) < 19 else None
        rows = await self.db.fetchall(
            "SELECT k.name, k.reason, k.id, s.location FROM skipped k JOIN sources s ON s.id = k.source"
            " WHERE s.removed_at IS NULL AND (k.id = ? OR k.name IN (?, ?)"
            " OR (? IS NOT NULL AND k.id GLOB '[0-9]*' AND CAST(k.id AS INTEGER) = ?))"
            " ORDER BY length(k.id), k.id, k.name",
            (text, *names, number, number),
        )
        return [Skipped(name=row[0], reason=row[1], id=row[2], source=row[3]) for row in rows]
