"""Which articles state a figure, newest first, read from the figures index with a limit.

Public API:
    index = FigureIndex(db)
    await index.newest_articles(value, *, vague_too=False, limit=40, unit=None) -> list[str]
        the `limit` newest articles (highest ids) stating `value` exactly, newest first;
        with `vague_too`, also those holding a vague quantity that covers it ("puluhan
        ribu" for 25000: the same window as bot.corpus.figures' figures_related).
    await index.count_articles(value, *, vague_too=False, cap=5000, unit=None) -> int
        how many articles do, counted up to `cap` (a return of `cap` means "at least").

Both walk the indexes `figures_value (value, vague, length(article), article, ...)` and
`figures_vague` (vague figures only) in the order they are kept, so a figure held by
half the corpus costs what a rare one does: no sentence text is read and nothing is
sorted in Python. `unit` narrows exact figures to one unit code ('%', 'rp', 'usd' ...).
"""

from __future__ import annotations

from bot.store.db import Database

MAX_VAGUE_VALUES = 8  # distinct vague values within two orders of magnitude (at most a few exist)


def _newest_first(ids: set[str]) -> list[str]:
    return sorted(ids, key=lambda a: (len(a), a), reverse=True)


class FigureIndex:
    """Figure look-ups over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def newest_articles(
        self, value: float, *, vague_too: bool = False, limit: int = 40, unit: str | None = None
    ) -> list[str]:
        ids = await self._exact(float(value), limit, unit)
        if vague_too:
            for vague in await self._vague_values(float(value)):
                ids += await self._vague(vague, limit)
        return _newest_first(set(ids))[:limit]

    async def count_articles(
        self, value: float, *, vague_too: bool = False, cap: int = 5000, unit: str | None = None
    ) -> int:
        ids = set(await self._exact(float(value), cap, unit, newest=False))
        if vague_too:
            for vague in await self._vague_values(float(value)):
                ids.update(await self._vague(vague, cap, newest=False))
        return min(len(ids), cap)

    async def _exact(self, value: float, limit: int, unit: str | None, *, newest: bool = True) -> list[str]:
        unit_sql, params = (" AND unit = ?", [value, unit, limit]) if unit else ("", [value, limit])
        order = " ORDER BY length(article) DESC, article DESC" if newest else ""
        rows = await self.db.fetchall(
            "SELECT article FROM figures INDEXED BY figures_value WHERE value = ? AND vague = 0"
            f"{unit_sql} GROUP BY length(article), article{order} LIMIT ?",
            params,
        )
        return [row[0] for row in rows]

    async def _vague(self, value: float, limit: int, *, newest: bool = True) -> list[str]:
        order = " ORDER BY length(article) DESC, article DESC" if newest else ""
        rows = await self.db.fetchall(
            "SELECT article FROM figures INDEXED BY figures_vague WHERE value = ? AND vague = 1"
            f" GROUP BY length(article), article{order} LIMIT ?",
            (value, limit),
        )
        return [row[0] for row in rows]

    async def _vague_values(self, value: float) -> list[float]:
        """The distinct vague values v with v <= value < 100 v, one index probe each."""
        found: list[float] = []
        low = value / 100.0
        for _ in range(MAX_VAGUE_VALUES):
            row = await self.db.fetchone(
                "SELECT min(value) FROM figures INDEXED BY figures_vague WHERE vague = 1 AND value > ? AND value <= ?",
                (low, value),
            )
            if row is None or row[0] is None:
                break
            found.append(float(row[0]))
            low = float(row[0])
        return found
