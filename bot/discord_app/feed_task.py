"""The bot's background poll of the news feeds, and the notice when one is paused.

`FeedLoop` is started by the bot's `setup_hook` (unless KABAR_FEED_INTERVAL is off) and
stopped by `close()`. Every `tick_seconds` it polls the feeds that are due
(`Feeding.poll(forced=False)`: each feed once per interval, failing ones after their
back-off). The poll runs as its own task and never computes on the event loop: HTTP is
async, and feed parsing, page extraction and the corpus reader run in one worker process
(started at the first page, kept while the bot runs, replaced if it dies), each job under
the bot's work semaphore (KABAR_WORK_CONCURRENCY) like a command's. Threads would not do:
lxml and the regular expressions in extraction hold the GIL for long stretches, which
showed as 100-400 ms stalls of the loop on this machine; in a process they cannot.
A feed paused after too many failures is announced once in every digest channel.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

import discord

from bot.discord_app.periodic import Periodic
from bot.errors import PostForbidden
from bot.plural import counted
from bot.present.feeds import pause_notice

if TYPE_CHECKING:  # pragma: no cover
    from bot.discord_app.client import KabarBot

log = logging.getLogger(__name__)


def _started_worker() -> concurrent.futures.ProcessPoolExecutor:
    """A pool of one spawned process, started here: called in a thread, the event loop never
    waits for the process to start nor for the feeds code to be imported in it."""
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    pool.submit(_warm_up).result()
    return pool


def _warm_up() -> None:
    """Import the parsing and extraction code in the worker before its first page."""


class FeedLoop(Periodic):
    """The bot's background task polling the news feeds."""

    def __init__(self, bot: KabarBot, *, tick_seconds: float = 30.0) -> None:
        super().__init__(bot, tick_seconds=tick_seconds, name="kabar-feeds")
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._worker = asyncio.Lock()  # one job at a time in the one process, queued without a work slot

    def start(self) -> None:
        if not self.bot.settings.feed_interval:
            log.info("feed polling is off (KABAR_FEED_INTERVAL=off)")
            return
        super().start()

    async def stop(self) -> None:
        await super().stop()
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)

    async def cpu(self, func: Callable[..., Any], *args: Any) -> Any:
        """Run `func(*args)` in the worker process, under the bot's work semaphore."""
        async with self._worker, self.bot.work:
            if self._pool is None:
                self._pool = await asyncio.to_thread(_started_worker)
            try:
                return await asyncio.get_running_loop().run_in_executor(self._pool, func, *args)
            except BrokenProcessPool:
                log.warning("the feed worker process died; a new one is started for the next job")
                self._pool = None
                raise

    async def tick(self) -> list:
        """Poll the feeds that are due, then announce feeds that were paused."""
        async with self._tick_lock:
            reports = await self.bot.kabar.feeds.poll(forced=False, cpu=self.cpu)
            for report in reports:
                if report.outcome == "new":
                    log.info("feed %s: %s added", report.feed, counted(len(report.added), "article"))
                elif report.outcome == "failed":
                    log.warning("feed %s failed: %s (%d in a row)", report.feed, report.reason, report.failures)
            await self.announce_pauses()
            return reports

    async def announce_pauses(self) -> None:
        """Tell every digest channel, once, about each feed that was paused."""
        feeds = self.bot.kabar.feeds
        for feed in await feeds.pauses_to_report():
            channels = sorted({target.channel_id for target in await self.bot.digests.targets()})
            told = 0
            for channel_id in channels:
                try:
                    await self.bot.poster.say(channel_id, pause_notice(feed))
                    told += 1
                except (PostForbidden, discord.HTTPException) as exc:
                    log.warning("cannot tell channel %s that feed %s is paused: %s", channel_id, feed.url, exc)
            if not told:
                log.warning("feed %s is paused; no digest channel could be told", feed.url)
            await feeds.pause_reported(feed)
