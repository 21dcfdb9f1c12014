"""The digest in Discord: the background loop (re-index, recover, post when due) and the channel poster.

`DigestLoop` is started by the bot's `setup_hook` and stopped by `close()`. After the
gateway is ready it checks every source fully, resolves digest claims an earlier process
left half-done (`DigestService.recover`), then ticks every `tick_seconds`: a full check of
the sources when `Settings.reindex_minutes` have passed (real time), else the cheap check
(only folders whose listing changed), then post whatever is due by the injected clock. `tick()` is public so tests can run the schedule at a moved clock.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import TYPE_CHECKING

import discord

from bot.digest import DigestService, Outcome
from bot.discord_app.periodic import Periodic
from bot.discord_app.views import NO_MENTIONS
from bot.errors import PostForbidden
from bot.models import GuildSettings
from bot.present.discord import digest_marker, render_digest, render_error
from bot.stories import Digest

if TYPE_CHECKING:  # pragma: no cover
    from bot.discord_app.client import KabarBot

log = logging.getLogger(__name__)

#: how many recent messages the start-up recovery reads to find a digest marker
HISTORY_LIMIT = 50
EMPTY_NOTE = "Daily digest {date}: nothing new was indexed since the last one."


class DiscordPoster:
    """Posts digests into channels and reports problems, for `DigestService`."""

    def __init__(self, bot: KabarBot) -> None:
        self.bot = bot

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(channel_id)
            except (discord.Forbidden, discord.NotFound) as exc:
                raise PostForbidden(f"channel {channel_id} is not visible to the bot ({exc.status})") from exc
        if not isinstance(channel, discord.abc.Messageable):
            raise PostForbidden(f"channel {channel_id} is not a text channel")
        return channel

    async def say(self, channel_id: int, text: str) -> None:
        """Post a one-line notice in a channel (a paused feed), pinging nobody."""
        channel = await self._channel(channel_id)
        try:
            await channel.send(render_error(text), allowed_mentions=NO_MENTIONS)
        except discord.Forbidden as exc:
            raise PostForbidden(f"missing permissions ({exc.text or exc.status})") from exc

    def guild_of(self, channel_id: int) -> int | None:
        channel = self.bot.get_channel(channel_id)
        guild = getattr(channel, "guild", None)
        return guild.id if guild is not None else None

    async def post(self, channel_id: int, digest: Digest) -> int | None:
        channel = await self._channel(channel_id)
        try:
            if not digest.stories:
                message = await channel.send(
                    EMPTY_NOTE.format(date=digest.local_date) + f"\n-# {digest_marker(digest.local_date)}",
                    allowed_mentions=NO_MENTIONS,
                )
                return message.id
            first: int | None = None
            for page in render_digest(digest):
                message = await channel.send(embed=page.embed, allowed_mentions=NO_MENTIONS)
                first = first or message.id
            return first
        except discord.Forbidden as exc:
            raise PostForbidden(f"missing permissions ({exc.text or exc.status})") from exc
        except discord.NotFound as exc:
            raise PostForbidden(f"channel {channel_id} no longer exists") from exc

    async def find(self, channel_id: int, local_date: str, after: dt.datetime) -> int | None:
        """Search the bot's recent messages in the channel for this date's digest marker."""
        channel = await self._channel(channel_id)
        marker = digest_marker(local_date)
        me = self.bot.user.id if self.bot.user else None
        async for message in channel.history(limit=HISTORY_LIMIT, after=after - dt.timedelta(minutes=1)):
            if me is not None and message.author.id != me:
                continue
            footers = [embed.footer.text or "" for embed in message.embeds]
            if marker in message.content or any(marker in footer for footer in footers):
                return message.id
        return None

    async def report(self, row: GuildSettings | None, channel_id: int, message: str) -> None:
        """DM the configuring user; failing that, post in the channel where they configured it."""
        if row is not None and row.configured_by:
            try:
                user = self.bot.get_user(row.configured_by) or await self.bot.fetch_user(row.configured_by)
                await user.send(message, allowed_mentions=NO_MENTIONS)
                return
            except discord.HTTPException:
                log.info("cannot DM user %s about the digest", row.configured_by)
        if row is not None and row.configured_in and row.configured_in != channel_id:
            try:
                channel = await self._channel(row.configured_in)
                await channel.send(message, allowed_mentions=NO_MENTIONS)
                return
            except (PostForbidden, discord.HTTPException):
                log.info("cannot post the digest problem in channel %s", row.configured_in)
        log.warning("digest problem not reported to anyone: %s", message)


class DigestLoop(Periodic):
    """The bot's background task for re-indexing and the daily digest."""

    def __init__(self, bot: KabarBot, digests: DigestService, *, tick_seconds: float = 30.0) -> None:
        super().__init__(bot, tick_seconds=tick_seconds, name="kabar-digest")
        self.digests = digests
        self._last_index: float | None = None
        self.recovered = False

    async def reindex(self, *, full: bool = True) -> None:
        """Check every source fully (`full`), or only those whose folder changed (the cheap check)."""
        kabar = self.bot.kabar
        report = await (kabar.index() if full else kabar.ensure_indexed())
        if full:
            self._last_index = asyncio.get_running_loop().time()
        if report is None:
            return
        changed = len(report.added) + len(report.updated) + len(report.removed)
        if changed:
            log.info(
                "re-indexed the sources: %d added, %d updated, %d removed",
                len(report.added),
                len(report.updated),
                len(report.removed),
            )
        for line in report.kept:
            log.warning("%s", line)

    async def tick(self) -> list[Outcome]:
        """Re-index (fully when due, else the cheap check), resolve half-done claims once, then post what is due now."""
        async with self._tick_lock:
            loop_time = asyncio.get_running_loop().time()
            interval = self.bot.settings.reindex_minutes * 60
            full = self._last_index is None or loop_time - self._last_index >= interval
            try:
                await self.reindex(full=full)
            except Exception:  # a bad file must not stop the digest
                log.exception("re-indexing failed")
                if full:
                    self._last_index = loop_time
            if not self.recovered:
                await self.digests.recover()
                self.recovered = True
            return await self.digests.run_due()
