"""What the benchmarks share for timing answers: percentiles, a timer, and honest cold/cached counts.

percentile(values, q) -> float          # nearest-rank, q in [0, 1]
await timed(call) -> float              # milliseconds one awaited call takes
spy = CacheSpy(kabar)                   # counts the answer cache's hits while installed
with spy: ...; spy.hits
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def timed(call: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await call()
    return (time.perf_counter() - started) * 1000


class CacheSpy:
    """Counts how many answers the service's cache served while the block runs.

    A "cold" timing is only honest when the cache was asked and missed: a question
    that differs in notation only ("10000", "10.000") hits the first one's answer.
    """

    def __init__(self, kabar: Any) -> None:
        self.kabar = kabar
        self.hits = 0
        self._real = None

    def __enter__(self) -> CacheSpy:
        cache = self.kabar._answers
        self._real = real = cache.get

        async def get(key: str) -> str | None:
            raw = await real(key)
            self.hits += raw is not None
            return raw

        cache.get = get
        return self

    def __exit__(self, *exc: object) -> None:
        self.kabar._answers.get = self._real
