"""The per-sentence translation cache in SQLite (table `translations`, migration 0002).

A cached row is found only by its full key: sha256 of the source sentence, language pair,
package name and version, and the decoding-options hash. A new package version or
different options therefore miss the old rows (they stay until `prune`).

Public API:
    CacheKey(source_hash, src, tgt, package, version, options)    # frozen
    source_hash(text: str) -> str                                  # sha256 hex of the stripped text
    cache = TranslationCache(db)
    await cache.get_many(keys) -> dict[CacheKey, str]
    await cache.put_many(items: Iterable[tuple[CacheKey, str]])
    await cache.count(package=None) -> int
    await cache.prune(package, keep_version) -> int                # drop other versions' rows
    await cache.clear() -> int
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.store.db import Database, utc_now

_CHUNK = 200  # keys per SELECT, well under SQLite's variable limit


@dataclass(frozen=True)
class CacheKey:
    source_hash: str
    src: str
    tgt: str
    package: str
    version: str
    options: str


def source_hash(text: str) -> str:
    """The hash a sentence is cached (and reviewed) under: sha256 of its stripped UTF-8 text."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


class TranslationCache:
    """Reads and writes cached sentence translations through a `Database`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def get_many(self, keys: Sequence[CacheKey]) -> dict[CacheKey, str]:
        found: dict[CacheKey, str] = {}
        groups: dict[tuple[str, str, str, str, str], list[str]] = {}
        for key in keys:
            groups.setdefault((key.src, key.tgt, key.package, key.version, key.options), []).append(key.source_hash)
        for (src, tgt, package, version, options), hashes in groups.items():
            unique = list(dict.fromkeys(hashes))
            for start in range(0, len(unique), _CHUNK):
                chunk = unique[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = await self.db.fetchall(
                    "SELECT source_hash, text FROM translations"
                    " WHERE src = ? AND tgt = ? AND package = ? AND version = ? AND options = ?"
                    f" AND source_hash IN ({marks})",
                    (src, tgt, package, version, options, *chunk),
                )
                for row in rows:
                    found[CacheKey(row[0], src, tgt, package, version, options)] = row[1]
        return found

    async def put_many(self, items: Iterable[tuple[CacheKey, str]]) -> None:
        now = utc_now()
        rows = [(k.source_hash, k.src, k.tgt, k.package, k.version, k.options, text, now) for k, text in items]
        if not rows:
            return
        async with self.db.transaction():
            await self.db.executemany(
                "INSERT OR REPLACE INTO translations"
                " (source_hash, src, tgt, package, version, options, text, created_at)"
                " VALUES (?,?,?,?,?,?,?,?)",
                rows,
            )

    async def count(self, package: str | None = None) -> int:
        if package is None:
            row = await self.db.fetchone("SELECT count(*) FROM translations")
        else:
            row = await self.db.fetchone("SELECT count(*) FROM translations WHERE package = ?", (package,))
        return int(row[0]) if row else 0

    async def prune(self, package: str, keep_version: str) -> int:
        async with self.db.transaction():
            cursor = await self.db.execute(
                "DELETE FROM translations WHERE package = ? AND version != ?", (package, keep_version)
            )
            return cursor.rowcount

    async def clear(self) -> int:
        async with self.db.transaction():
            cursor = await self.db.execute("DELETE FROM translations")
            return cursor.rowcount
