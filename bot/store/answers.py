"""Cached answers keyed by release, corpus version, command and arguments: bounded, least recently used out.

Public API:
    cache = AnswerCache(db, cap_bytes=64 * 2**20)
    await cache.version() -> int                     # changes whenever the corpus changes
    AnswerCache.key(*parts) -> str                   # a stable key; callers put the version in it
    await cache.get(key) -> str | None               # the stored JSON text; marks the row as just used
    await cache.put(key, version, answer_json)       # one short transaction, whatever the cache holds
    await cache.tidy(version) -> int                 # background: stale rows out in small batches, space back
    await cache.size() -> int                        # the file space the rows take, in bytes

An answer is only valid for the corpus version it was computed on, and the version is
part of its key, so a corpus change makes the old rows unreachable at once without
touching them. `put` writes one row and, in the same short transaction, removes at most
EVICT_BATCH least recently used rows while the cache is over its cap and at most
STALE_BATCH stale rows; `tidy` removes the remaining stale rows STALE_BATCH at a time
(each its own transaction, the event loop free between them) and hands the freed pages
back to the file system with incremental vacuum, VACUUM_PAGES at a time. No statement
on the answer path grows with the number of rows cached.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
import zlib

from bot.store.db import Database

PAGE = 4096
EVICT_BATCH = 16  # least recently used rows removed at most per put
STALE_BATCH = 200  # stale rows removed per transaction
VACUUM_PAGES = 256  # pages handed back per step (1 MB)


def row_bytes(blob: bytes) -> int:
    """The file space a cached row takes: its blob and key in whole pages."""
    return (len(blob) + 200) // (PAGE - 96) * PAGE + PAGE


class AnswerCache:
    """The `answer_cache` table; answers are opaque JSON text here."""

    def __init__(self, db: Database, cap_bytes: int = 64 * 2**20) -> None:
        self._db = db
        self.cap_bytes = int(cap_bytes)

    @staticmethod
    def key(*parts: object) -> str:
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()

    async def version(self) -> int:
        row = await self._db.fetchone("SELECT version FROM corpus_state WHERE only = 1")
        return int(row[0]) if row else 0

    async def size(self) -> int:
        row = await self._db.fetchone("SELECT bytes FROM answer_cache_size WHERE only = 1")
        return int(row[0]) if row else 0

    async def get(self, key: str) -> str | None:
        row = await self._db.fetchone("SELECT rowid, answer FROM answer_cache WHERE key = ?", (key,))
        if row is None:
            return None
        await self._db.execute("UPDATE answer_cache SET used = ? WHERE rowid = ?", (time.time(), row[0]))
        return zlib.decompress(row[1]).decode("utf-8")

    async def put(self, key: str, version: int, answer_json: str) -> None:
        blob = zlib.compress(answer_json.encode("utf-8"), 6)
        size = row_bytes(blob)
        if size > self.cap_bytes:
            return  # larger than the whole cache: not worth keeping
        async with self._db.transaction():
            await self._db.execute("DELETE FROM answer_cache WHERE key = ?", (key,))
            await self._db.execute(
                "DELETE FROM answer_cache WHERE rowid IN (SELECT rowid FROM answer_cache INDEXED BY"
                " answer_cache_version WHERE version < ? LIMIT ?)",
                (version, STALE_BATCH),
            )
            over = await self.size() + size - self.cap_bytes
            if over > 0:
                await self._db.execute(
                    "DELETE FROM answer_cache WHERE rowid IN (SELECT rowid FROM answer_cache INDEXED BY"
                    " answer_cache_used ORDER BY used LIMIT ?)",
                    (min(EVICT_BATCH, over // PAGE + 1),),
                )
            await self._db.execute(
                "INSERT INTO answer_cache (key, version, answer, bytes, used) VALUES (?, ?, ?, ?, ?)",
                (key, version, blob, size, time.time()),
            )

    async def tidy(self, version: int, pause: float = 0.0) -> int:
        """Remove every row older than `version`, a batch per transaction, then return their pages.

        Meant for a background task: `pause` seconds (or just a turn of the event loop)
        pass between batches, so answers keep flowing. Hands back to the file system as
        many free pages as the removed rows took (a step of VACUUM_PAGES at a time), not
        more: a large free list left by other work is not this task's to walk. Returns the
        rows removed.
        """
        removed = 0
        before = await self.size()
        while True:
            async with self._db.transaction():
                cursor = await self._db.execute(
                    "DELETE FROM answer_cache WHERE rowid IN (SELECT rowid FROM answer_cache INDEXED BY"
                    " answer_cache_version WHERE version < ? LIMIT ?)",
                    (version, STALE_BATCH),
                )
                count = cursor.rowcount
            removed += max(0, count)
            await asyncio.sleep(pause)
            if count < STALE_BATCH:
                break
        pages = max(0, before - await self.size()) // PAGE
        while pages > 0:
            returned = await self._db.reclaim(min(pages, VACUUM_PAGES))
            if not returned:
                break
            pages -= returned
            await asyncio.sleep(pause)
        return removed
