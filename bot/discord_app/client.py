"""The Discord client: a bot built from its dependencies, its command tree and error handler, and `run_bot`.

Public API:
    bot = create_bot(settings, kabar, *, clock=None, sync=True, tick_seconds=30.0,
                     guild_ready_timeout=2.0, page_timeout=300.0) -> KabarBot
    await run_bot(settings)          # opens the service, indexes, connects with the token; returns on close
    settle_heap()                    # what run_bot does before connecting: start-up objects out of the GC's walk
    bot.kabar, bot.settings, bot.guild_store, bot.digests, bot.digest_loop, bot.feed_loop, bot.work, bot.now()
    bot.page_timeout, bot.pagers     # how long answer buttons stay live; the live pagers by key
    await bot.digest_loop.tick()     # run the digest schedule once now (tests move the clock instead of sleeping)
    await bot.feed_loop.tick()       # poll the feeds that are due now

No privileged intents; no global state; the token is read from Settings and never
logged; Discord's URLs are discord.py's own (tests point them at a local stand-in).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import logging
import os
from typing import Any

import aiohttp
import discord
from discord import app_commands

from bot.config import Settings
from bot.digest import Clock, DigestService, utc_clock
from bot.discord_app.commands import MANAGE_ONLY, build_commands
from bot.discord_app.digest_task import DigestLoop, DiscordPoster
from bot.discord_app.feed_task import FeedLoop
from bot.discord_app.replies import APOLOGY, DEFAULT_PAGE_TIMEOUT, send_error
from bot.discord_app.views import Pager, answer_expired, pager_key
from bot.errors import ConfigError, DiscordUnavailable, KabarError
from bot.seams import ChatService

log = logging.getLogger(__name__)

#: a pager must time out (and disable its buttons) while the interaction token still works
MAX_PAGE_TIMEOUT = 14 * 60.0

#: what discord.py raises when Discord cannot be reached at start-up (later, it reconnects by itself)
UNREACHABLE = (OSError, asyncio.TimeoutError, aiohttp.ClientError, discord.GatewayNotFound, discord.DiscordServerError)


def unreachable_reason(exc: BaseException) -> str:
    """A short reason for a failed connection: "Connection refused", "Name or service not known", "timed out"."""
    inner = getattr(exc, "os_error", None) or exc
    if isinstance(inner, asyncio.TimeoutError):
        return "timed out"
    if isinstance(exc, discord.DiscordServerError):
        return f"Discord answered {exc.status}"
    number = getattr(inner, "errno", None)
    reason = os.strerror(number) if isinstance(number, int) and number > 0 else None
    reason = reason or getattr(inner, "strerror", None) or str(inner) or type(inner).__name__
    return " ".join(str(reason).split())


NO_TOKEN = (
    "No Discord token is configured. Set KABAR_DISCORD_TOKEN (or DISCORD_TOKEN) in .env to run the "
    "Discord bot, or use `kabar chat` to ask the same questions in the terminal."
)


def intents() -> discord.Intents:
    """The default intents without any privileged one (no message content, members or presences)."""
    chosen = discord.Intents.default()
    chosen.message_content = False
    chosen.members = False
    chosen.presences = False
    return chosen


class KabarTree(app_commands.CommandTree):
    """The command tree with kabar's one error handler."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        original = getattr(error, "original", error)
        if isinstance(original, KabarError):
            message = original.user_message
        elif isinstance(error, app_commands.MissingPermissions):
            message = MANAGE_ONLY
        elif isinstance(error, app_commands.NoPrivateMessage):
            message = "This command only works in a server."
        elif isinstance(error, app_commands.CheckFailure):
            message = "You cannot use this command here."
        elif isinstance(error, app_commands.TransformerError):
            message = f"That value does not work here: {error.value!r}."
        else:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("unexpected error in /%s", command, exc_info=original)
            message = APOLOGY
        await send_error(interaction, message)


class KabarBot(discord.Client):
    """kabar in Discord: a client with an app-command tree; every dependency is passed in."""

    def __init__(
        self,
        settings: Settings,
        kabar: ChatService,
        *,
        clock: Clock | None = None,
        sync: bool = True,
        tick_seconds: float = 30.0,
        guild_ready_timeout: float = 2.0,
        page_timeout: float = DEFAULT_PAGE_TIMEOUT,
    ) -> None:
        if not 0 < page_timeout <= MAX_PAGE_TIMEOUT:
            raise ValueError(
                f"page_timeout must be over 0 and at most {MAX_PAGE_TIMEOUT:.0f} s: after 15 minutes Discord "
                "no longer lets the bot edit an answer, so its buttons could not be disabled"
            )
        # kabar has no voice: discord.py's one-time "voice will NOT be supported" warnings
        # about missing voice libraries would only alarm whoever starts the bot
        for flag in ("warn_nacl", "warn_dave"):
            if hasattr(discord.VoiceClient, flag):
                setattr(discord.VoiceClient, flag, False)
        super().__init__(
            intents=intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=guild_ready_timeout,
        )
        self.settings = settings
        self.kabar = kabar
        self.clock: Clock = clock or utc_clock
        self.sync_commands = sync
        self.page_timeout = float(page_timeout)
        self.pagers: dict[str, Pager] = {}  # live pagers by key; see bot.discord_app.views
        self.tree = KabarTree(self)
        self.work = asyncio.Semaphore(settings.work_concurrency)
        self.guild_store = kabar.guilds
        self.poster = DiscordPoster(self)
        self.digests = DigestService(kabar, self.guild_store, settings, self.poster, clock=self.clock)
        self.digest_loop = DigestLoop(self, self.digests, tick_seconds=tick_seconds)
        self.feed_loop = FeedLoop(self, tick_seconds=tick_seconds)

    def now(self) -> dt.datetime:
        return self.clock()

    async def setup_hook(self) -> None:
        for command in build_commands():
            self.tree.add_command(command)
        if self.sync_commands:
            if self.settings.guild_id:
                guild = discord.Object(id=self.settings.guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
                log.info("synced %d commands to server %s", len(synced), self.settings.guild_id)
            else:
                synced = await self.tree.sync()
                log.info("synced %d commands globally (may take up to an hour to appear)", len(synced))
        self.digest_loop.start()
        self.feed_loop.start()

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Clicks on pager buttons nobody listens to any more get a clean answer, not a failure."""
        if interaction.type is not discord.InteractionType.component:
            return
        custom_id = dict(interaction.data or {}).get("custom_id")
        key = pager_key(custom_id if isinstance(custom_id, str) else None)
        if key is None:
            return
        pager = self.pagers.get(key)
        if pager is not None and not pager.is_finished():
            return  # discord.py hands the click to the live pager
        try:
            await answer_expired(interaction)
        except discord.HTTPException:
            log.warning("could not answer a click on expired buttons", exc_info=True)

    async def on_ready(self) -> None:
        log.info("connected as %s (%s) in %d servers", self.user, getattr(self.user, "id", "?"), len(self.guilds))

    async def close(self) -> None:
        await self.digest_loop.stop()
        await self.feed_loop.stop()
        await super().close()

    async def digest_status(self, guild_id: int | None) -> dict[str, str]:
        """/about's digest facts for one server."""
        row = await self.guild_store.get(guild_id) if guild_id is not None else None
        channel = self.digests.effective_channel(row, guild_id)
        hhmm, tz = self.digests.effective_time(row)
        last = await self.guild_store.last_done(channel or None)  # no channel here: the newest anywhere
        facts = {
            "digest": f"<#{channel}> at {hhmm} ({tz})" if channel else "off",
            "last digest": f"{last.local_date} ({last.state})" if last else "never",
        }
        if row is not None and row.needs_attention:
            facts["digest problem"] = row.needs_attention
        return facts


def settle_heap() -> None:
    """Collect once, then take every object alive after start-up (word lists, models, caches)
    out of the cyclic garbage collector's sight (`gc.freeze`). A full collection otherwise
    walks all of them and stops the event loop for 100-500 ms on a loaded machine, more
    often while a feed poll allocates; frozen, it walks only what the bot made since."""
    gc.collect()
    gc.freeze()


def create_bot(settings: Settings, kabar: ChatService, *, clock: Clock | None = None, **options: Any) -> KabarBot:
    """Build the bot around an open `Kabar` service (`clock`: a callable returning an aware datetime).

    `guild_ready_timeout` is how long discord.py waits for more servers after the last
    GUILD_CREATE before it reports ready (its own default, 2 s, unless given).
    `page_timeout` is how long an answer's buttons stay live (at most 14 minutes: an
    interaction's token, needed to disable them, lasts 15).
    """
    return KabarBot(settings, kabar, clock=clock, **options)


async def run_bot(settings: Settings) -> None:
    """Open the service, bring the index up to date, and run the bot until it is closed."""
    token = settings.token
    if not token:
        raise ConfigError(NO_TOKEN)
    from bot.service import Kabar

    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        await kabar.warm_up()
        settle_heap()
        bot = create_bot(settings, kabar, page_timeout=settings.page_timeout_minutes * 60)
        async with bot:
            try:
                await bot.start(token)
            except UNREACHABLE as exc:
                raise DiscordUnavailable(
                    f"Cannot reach Discord ({unreachable_reason(exc)}).",
                    hint="check the network connection, DNS and any proxy or firewall, then start kabar again",
                ) from exc
            except discord.LoginFailure as exc:
                raise ConfigError(
                    "Discord rejected the token.", hint="copy the bot token again from the Developer Portal into .env"
                ) from exc
            except discord.PrivilegedIntentsRequired as exc:  # pragma: no cover - we request none
                raise ConfigError("Discord refused the requested intents.") from exc
