"""Polling feeds from the local test site: articles per second, re-poll cost, and event-loop lag.

Serves `--feeds` RSS feeds of `--items` items each on two loopback hosts (the local test
site of tests/feeds, pages recombined from its article pages so each one differs, each
weighted with menus, scripts and related blocks to `--page-kb` like a real outlet's page), then:

1. inline (the baseline): feed parsing and page extraction called on the event loop;
2. threaded: the same work through asyncio.to_thread, as many threads as the pool has;
3. 2 slots / 1 slot: through asyncio.to_thread behind a semaphore, as the service's work
   semaphore (KABAR_WORK_CONCURRENCY, default 2) bounds it in the bot;
4. re-poll: every feed again with its ETag/Last-Modified (nothing new: one 304 per feed).

Each run is timed while a 10 ms ticker measures how late the loop wakes (bench/discord_load's
LagMeter). The host delay is 0 here to measure the work, not the politeness (kabar waits
KABAR_FEED_HOST_DELAY seconds between two requests to one host).

    python bench/feeds.py [--feeds 10] [--items 20] [--page-kb 150]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.discord_load import LagMeter
from bot.feeds.fetch import FetchPolicy, HttpFetcher
from bot.feeds.poller import FeedPoll
from tests.feeds.heavy import publish
from tests.feeds.localsite import LocalSite
from tests.feeds.memory import Feeds, MemorySeen


async def inline(func: Any, *args: Any) -> Any:
    return func(*args)


def bounded(slots: int) -> Any:
    """asyncio.to_thread with at most `slots` calls at once (the service's work semaphore)."""
    gate = asyncio.Semaphore(slots)

    async def cpu(func: Any, *args: Any) -> Any:
        async with gate:
            return await asyncio.to_thread(func, *args)

    return cpu


async def run(feeds: Feeds, urls: list[str], policy: FetchPolicy, cpu: Any) -> tuple[list[FeedPoll], float, LagMeter]:
    async with HttpFetcher(policy) as fetcher:
        with LagMeter() as lag:
            start = time.perf_counter()
            polls = await asyncio.gather(*(feeds.poll(url, fetcher, cpu=cpu) for url in urls))
            seconds = time.perf_counter() - start
    return list(polls), seconds, lag


async def main(n_feeds: int, n_items: int, page_kb: int) -> None:
    policy = FetchPolicy(host_delay=0.0)
    async with LocalSite("127.0.0.1") as one, LocalSite("127.0.0.2") as two:
        urls = publish(one, (n_feeds + 1) // 2, n_items, page_kb) + publish(two, n_feeds // 2, n_items, page_kb)
        pages = len(urls) * n_items
        size = len(one._overrides["/bench/0/0.html"].body) / 1024
        print(
            f"{len(urls)} feeds x {n_items} items = {pages} article pages of ~{size:.0f} KB on 2 hosts (host delay 0)"
        )
        results = {}
        runs = (("inline", inline), ("threaded", asyncio.to_thread), ("2 slots", bounded(2)), ("1 slot", bounded(1)))
        for label, cpu in runs:
            feeds = Feeds(MemorySeen())
            polls, seconds, lag = await run(feeds, urls, policy, cpu)
            added = sum(len(p.articles) for p in polls)
            results[label] = (seconds, lag.worst)
            print(
                f"  {label:8s}: {added} articles in {seconds:5.2f} s ({added / seconds:6.1f}/s); "
                f"loop lag worst {lag.worst * 1000:6.1f} ms, p99 {lag.quantile(0.99) * 1000:6.1f} ms"
            )
            assert added == pages, f"expected {pages} articles, got {added}"
        before = len(one.log) + len(two.log)
        polls, seconds, lag = await run(feeds, urls, policy, bounded(2))
        requests = len(one.log) + len(two.log) - before
        unchanged = sum(p.outcome == "unchanged" for p in polls)
        print(
            f"  re-poll : {unchanged}/{len(urls)} unchanged, {requests} requests, {seconds * 1000:6.1f} ms; "
            f"loop lag worst {lag.worst * 1000:6.1f} ms"
        )
        t_in, lag_in = results["inline"]
        for label, (t_th, lag_th) in results.items():
            if label != "inline":
                print(
                    f"{label} vs inline: time {t_th / t_in:.2f}x, worst loop lag {lag_th / max(lag_in, 1e-4):.2f}x "
                    f"({lag_th * 1000:.0f} ms vs {lag_in * 1000:.0f} ms)"
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--page-kb", type=int, default=150, help="weight added to each page (real pages: 100-500 KB)")
    args = parser.parse_args()
    asyncio.run(main(args.feeds, args.items, args.page_kb))
