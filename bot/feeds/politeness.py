"""Per-host politeness: one request at a time to a host, a pause between requests, and back-off on request.

Public API:
    gate = HostGate(delay=2.0, clock=time.monotonic, sleep=asyncio.sleep)
    async with gate.turn("example.com"): ...   # waits its turn; raises FetchError while the host is backed off
    gate.back_off(host, seconds)               # after 429/503: no request to the host before then
    gate.set_delay(host, seconds)              # a robots.txt Crawl-delay longer than ours
    gate.blocked_for(host) -> float            # seconds of back-off left (0 when none)

A gate belongs to one fetcher (one poll, or the bot's lifetime); it holds no global state.
Hosts are `host_key(url)` strings, so two ports on one machine are two hosts.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from bot.errors import FetchError

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

#: a robots.txt Crawl-delay is honoured up to this many seconds
MAX_CRAWL_DELAY = 60.0


class HostGate:
    """Serialises requests per host and spaces them `delay` seconds apart."""

    def __init__(self, delay: float, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        self._delay = max(0.0, delay)
        self._clock = clock
        self._sleep = sleep
        self._locks: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._blocked_until: dict[str, float] = {}

    def delay_for(self, host: str) -> float:
        return max(self._delay, self._delays.get(host, 0.0))

    def set_delay(self, host: str, seconds: float) -> None:
        """Space requests to `host` by `seconds` (capped) when that is longer than the default."""
        self._delays[host] = min(max(0.0, seconds), MAX_CRAWL_DELAY)

    def back_off(self, host: str, seconds: float) -> None:
        """Send nothing to `host` for `seconds` (an earlier, longer back-off stands)."""
        until = self._clock() + max(0.0, seconds)
        self._blocked_until[host] = max(self._blocked_until.get(host, 0.0), until)

    def blocked_for(self, host: str) -> float:
        return max(0.0, self._blocked_until.get(host, 0.0) - self._clock())

    @asynccontextmanager
    async def turn(self, host: str) -> AsyncIterator[None]:
        """Wait until `host` may be asked again, hold it for one request, then start its pause."""
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            left = self.blocked_for(host)
            if left > 0:
                raise FetchError(
                    f"{host} asked kabar to wait; {left:.0f} s left",
                    reason=f"{host} asked to wait ({left:.0f} s left)",
                    retry_after=left,
                )
            last = self._last.get(host)
            if last is not None:
                wait = last + self.delay_for(host) - self._clock()
                if wait > 0:
                    await self._sleep(wait)
            try:
                yield
            finally:
                self._last[host] = self._clock()
