"""Cached answers keyed by command and arguments, valid for one version of the corpus.

Public API:
    cache = AnswerCache(db)
    await cache.version() -> int                     # changes whenever the corpus changes
    await cache.get(key, version) -> str | None      # the stored JSON text, if still valid
    await cache.put(key, version, answer_json)       # also drops answers of older versions
    AnswerCache.key(*parts) -> str                   # a stable key for normalised arguments
"""

from __future__ import annotations

import hashlib
import json

from bot.store.db import Database, utc_now


class AnswerCache:
    """The `answer_cache` table; answers are opaque JSON text here."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    def key(*parts: object) -> str:
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()

    async def version(self) -> int:
        row = await self._db.fetchone("SELECT version FROM corpus_state WHERE only = 1")
        return int(row[0]) if row else 0

    async def get(self, key: str, version: int) -> str | None:
        row = await self._db.fetchone("SELECT answer FROM answer_cache WHERE key = ? AND version = ?", (key, version))
        return str(row[0]) if row else None

    async def put(self, key: str, version: int, answer_json: str) -> None:
        async with self._db.transaction():
            await self._db.execute("DELETE FROM answer_cache WHERE version <> ?", (version,))
            await self._db.execute(
                "INSERT OR REPLACE INTO answer_cache (key, version, answer, created_at) VALUES (?, ?, ?, ?)",
                (key, version, answer_json, utc_now()),
            )
