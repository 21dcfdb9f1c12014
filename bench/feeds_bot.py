"""A feed poll inside the running bot: its cost, and whether the bot stays responsive meanwhile.

Starts the in-process Discord stand-in and the local news site (two loopback hosts,
`--feeds` RSS feeds of `--items` heavy pages each, tests/feeds/heavy.py), runs the real
`create_bot` on a private copy of the seeds, adds the feeds, then:

1. baseline: the idle bot's loop lag, and slash commands answered one at a time;
2. poll: the bot's own feed poll (`bot.feed_loop.tick()`, every page fetched, extracted,
   read and stored) while users keep sending slash commands (/summary, /who-confirmed,
   /translate) every half second; measured: poll time, articles/s, the event loop's worst
   lag (a 10 ms ticker), gateway heartbeat gaps, command latency;
3. re-poll: every feed again with its validators (a 304 each; nothing is stored).

The host delay is 0 so the poll is as dense as it can be (kabar waits
KABAR_FEED_HOST_DELAY seconds between two requests to one host). Target: worst loop lag
under 250 ms while the poll runs, every command answered.

    python bench/feeds_bot.py [--feeds 10] [--items 20] [--page-kb 150]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.discord_load import HEARTBEAT_MS, TOKEN, LagMeter, fire, mix, pct, private_settings, summarise  # noqa: E402
from tests.discord_app.standin import DiscordStandIn, pointed_at  # noqa: E402
from tests.feeds.heavy import publish  # noqa: E402
from tests.feeds.localsite import LocalSite  # noqa: E402


async def main(n_feeds: int, n_items: int, page_kb: int) -> int:
    from bot.discord_app.client import create_bot
    from bot.service import Kabar

    work = Path(tempfile.mkdtemp(prefix="kabar-feeds-"))
    try:
        shutil.copytree(ROOT / "seeds", work / "seeds")
        async with LocalSite("127.0.0.1") as one, LocalSite("127.0.0.2") as two, \
                DiscordStandIn(token=TOKEN, heartbeat_interval_ms=HEARTBEAT_MS) as standin:
            urls = publish(one, (n_feeds + 1) // 2, n_items, page_kb) + publish(two, n_feeds // 2, n_items, page_kb)
            settings = private_settings(work, standin, feed_host_delay=0.0)
            with pointed_at(standin):
                async with Kabar(settings) as kabar:
                    await kabar.ensure_indexed()
                    # the loops tick once at start-up, then not again during the run: the poll is started by hand
                    bot = create_bot(settings, kabar, guild_ready_timeout=0.05, tick_seconds=3600)
                    await bot.login(TOKEN)
                    connection = asyncio.create_task(bot.connect())
                    try:
                        await asyncio.wait_for(bot.wait_until_ready(), 30)
                        await asyncio.sleep(0.5)  # the start-up ticks (re-index, empty feed poll)
                        for url in urls:
                            await kabar.feeds.add(url)
                        size = len(one._overrides["/bench/0/0.html"].body) / 1024
                        print(f"kabar feed poll in the bot: {len(urls)} feeds x {n_items} items = "
                              f"{len(urls) * n_items} pages of ~{size:.0f} KB on 2 hosts (host delay 0)")
                        return await measure(bot, standin, [one, two])
                    finally:
                        await bot.close()
                        await asyncio.wait_for(connection, 10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


async def measure(bot, standin: DiscordStandIn, sites: list[LocalSite]) -> int:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    with LagMeter() as idle:
        await asyncio.sleep(1.0)
    base_results = []
    for command in mix(3) * 2:  # one at a time: the uncontended latency
        base_results += await fire(standin, [command], 60)
    base_lat = summarise(base_results)[0]

    started, poll_start = time.perf_counter(), loop.time()
    with LagMeter() as lag:
        poll = asyncio.create_task(bot.feed_loop.tick())
        sent: list[asyncio.Task] = []
        n = 0
        while not poll.done():
            sent.append(asyncio.create_task(fire(standin, mix(n + 3)[n:n + 3], 120)))
            n += 3
            await asyncio.wait({poll}, timeout=0.5)
        reports = poll.result()
        poll_seconds = time.perf_counter() - started
        results = [r for batch in await asyncio.gather(*sent) for r in batch]
    added = sum(len(r.added) for r in reports)
    latencies, answered, errors, unanswered = summarise(results)
    beats = [f["_at"] for f in standin.gateway_received if f.get("op") == 1 and f["_at"] >= poll_start]
    gaps = [b - a for a, b in itertools.pairwise(beats)]

    before = sum(len(site.log) for site in sites)
    with LagMeter() as relag:
        t0 = time.perf_counter()
        again = await bot.kabar.feeds.poll(forced=True)
        repoll = time.perf_counter() - t0
    requests = sum(len(site.log) for site in sites) - before

    base_p50 = statistics.median(base_lat) if base_lat else float("nan")
    p50, p95 = pct(latencies, 0.5), pct(latencies, 0.95)
    print(f"  baseline: idle loop worst lag {idle.worst * 1000:6.1f} ms; commands one at a time p50 "
          f"{base_p50 * 1000:6.1f} ms")
    print(f"  poll: {added} articles stored from {len(reports)} feeds in {poll_seconds:5.2f} s "
          f"({added / poll_seconds:5.1f} articles/s; {[r.outcome for r in reports].count('failed')} feeds failed)")
    print(f"  during the poll: loop lag worst {lag.worst * 1000:6.1f} ms, p99 {lag.quantile(0.99) * 1000:6.1f} ms "
          f"over {len(lag.samples)} samples (worst = {lag.worst / max(idle.worst, 1e-4):.1f}x idle); "
          f"heartbeats {len(beats)}, longest gap {max(gaps, default=float('nan')) * 1000:6.1f} ms "
          f"(interval {HEARTBEAT_MS} ms)")
    print(f"  commands during the poll: answered {answered}/{len(results)} ({errors} error replies, "
          f"{unanswered} unanswered); latency p50 {p50 * 1000:6.1f} ms, p95 {p95 * 1000:6.1f} ms "
          f"(p50 = {p50 / base_p50:.1f}x baseline)")
    print(f"  re-poll: {[r.outcome for r in again].count('unchanged')}/{len(again)} unchanged, {requests} requests, "
          f"{repoll * 1000:6.1f} ms, loop lag worst {relag.worst * 1000:5.1f} ms")
    ok = lag.worst < 0.25 and unanswered == 0
    print(f"  targets (worst loop lag < 250 ms during the poll, every command answered): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--page-kb", type=int, default=150, help="weight added to each page (real pages: 100-500 KB)")
    parser.add_argument("--verbose", action="store_true", help="show the bot's log")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO if args.verbose else logging.CRITICAL)
    sys.exit(asyncio.run(main(args.feeds, args.items, args.page_kb)))
