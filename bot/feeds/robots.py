"""robots.txt rules per site, fetched once a day and asked before any article page is requested.

Public API:
    rules = RobotsRules(fetch, agent="kabar", gate=gate, clock=time.monotonic)
    await rules.allowed(url) -> bool

`fetch(url)` returns (status, body) for the site's /robots.txt, or raises FetchError.
What an answer means follows RFC 9309: 2xx -> the rules in the file (for the `kabar`
agent, else `*`), with a Crawl-delay applied to the host gate; any 4xx -> no rules, every
page may be fetched; 5xx, a timeout or a network error -> the site is treated as fully
disallowed until it is asked again a few minutes later. Feeds themselves are not checked:
an operator subscribes to a feed on purpose, as feed readers do.
"""

from __future__ import annotations

import asyncio
import logging
import time
import urllib.robotparser
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from bot.errors import FetchError
from bot.feeds.politeness import Clock, HostGate
from bot.feeds.urls import host_key

log = logging.getLogger(__name__)

RobotsFetch = Callable[[str], Awaitable[tuple[int, bytes]]]

#: how long a fetched robots.txt (or a 4xx answer) is trusted
RULES_TTL = 24 * 3600.0
#: how long an unreachable robots.txt keeps its site disallowed before it is asked again
UNREACHABLE_TTL = 300.0


@dataclass
class _Entry:
    parser: urllib.robotparser.RobotFileParser | None  # None: everything allowed
    disallow_all: bool
    expires: float


class RobotsRules:
    """A cache of parsed robots.txt files, one per scheme://host."""

    def __init__(self, fetch: RobotsFetch, *, agent: str, gate: HostGate | None = None, clock: Clock = time.monotonic):
        self._fetch = fetch
        self._agent = agent
        self._gate = gate
        self._clock = clock
        self._entries: dict[str, _Entry] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str) -> bool:
        """True when the site's robots.txt lets kabar fetch `url`."""
        parts = urlsplit(url)
        site = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
        async with self._locks.setdefault(site, asyncio.Lock()):
            entry = self._entries.get(site)
            if entry is None or entry.expires <= self._clock():
                entry = await self._load(site)
                self._entries[site] = entry
        if entry.disallow_all:
            return False
        if entry.parser is None:
            return True
        return entry.parser.can_fetch(self._agent, url)

    async def _load(self, site: str) -> _Entry:
        robots_url = f"{site}/robots.txt"
        try:
            status, body = await self._fetch(robots_url)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return _Entry(None, False, self._clock() + RULES_TTL)
            log.info("robots.txt at %s unreachable (%s): the site is disallowed for now", site, exc.reason)
            return _Entry(None, True, self._clock() + UNREACHABLE_TTL)
        if not 200 <= status < 300:
            return _Entry(None, False, self._clock() + RULES_TTL)
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(self._agent)
        if delay and self._gate is not None:
            self._gate.set_delay(host_key(robots_url), float(delay))
        return _Entry(parser, False, self._clock() + RULES_TTL)
