"""The bot's background poll of the news feeds, and the notice when one is paused.

`FeedLoop` is started by the bot's `setup_hook` (unless KABAR_FEED_INTERVAL is off) and
stopped by `close()`. Every `tick_seconds` it polls the feeds that are due
(`Feeding.poll(forced=False)`: each feed once per interval, failing ones after their
back-off). The poll runs as its own task: HTTP is async, and feed parsing, page extraction
and the corpus reader run in the service's work threads, so the event loop only waits.
A feed paused after too many failures is announced once in every digest channel.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot.digest import PostForbidden
from bot.discord_app.periodic import Periodic
from bot.present.feeds import pause_notice
from bot.present.text import counted

if TYPE_CHECKING:  # pragma: no cover
    from bot.discord_app.client import KabarBot

log = logging.getLogger(__name__)


class FeedLoop(Periodic):
    """The bot's background task polling the news feeds."""

    def __init__(self, bot: "KabarBot", *, tick_seconds: float = 30.0) -> None:
        super().__init__(bot, tick_seconds=tick_seconds, name="kabar-feeds")

    def start(self) -> None:
        if not self.bot.settings.feed_interval:
            log.info("feed polling is off (KABAR_FEED_INTERVAL=off)")
            return
        super().start()

    async def tick(self) -> list:
        """Poll the feeds that are due, then announce feeds that were paused."""
        async with self._tick_lock:
            reports = await self.bot.kabar.feeds.poll(forced=False)
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
