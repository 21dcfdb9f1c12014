"""Fixtures for the feeds tests: the local site on 127.0.0.1 (and a second host on 127.0.0.2), a fast policy."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.feeds.fetch import FetchPolicy, HttpFetcher, user_agent
from tests.feeds.localsite import LocalSite


@pytest.fixture
async def site() -> AsyncIterator[LocalSite]:
    async with LocalSite("127.0.0.1") as running:
        yield running


@pytest.fixture
async def other_site() -> AsyncIterator[LocalSite]:
    """The same site on a second loopback address: another host as far as politeness goes."""
    async with LocalSite("127.0.0.2") as running:
        yield running


@pytest.fixture
def policy() -> FetchPolicy:
    """Short timeouts and no pause between requests, so tests run fast."""
    return FetchPolicy(
        user_agent=user_agent("tests@kabar.invalid"),
        connect_timeout=2.0,
        read_timeout=2.0,
        total_timeout=5.0,
        max_bytes=2 * 1024 * 1024,
        max_redirects=5,
        host_delay=0.0,
    )


@pytest.fixture
async def fetcher(policy: FetchPolicy) -> AsyncIterator[HttpFetcher]:
    async with HttpFetcher(policy) as running:
        yield running
