"""The slash commands (/summary, /who-confirmed, /translate, /articles, /about, /digest, /feeds ...).

`build_commands()` returns fresh command objects for one bot (no module-level command
state, so several bots can run in one process, as the tests do). Callbacks reach the
bot through `interaction.client` and call the service under the bot's work semaphore;
anything that may take over a second is deferred first. Errors are not handled here:
they propagate to the tree's single error handler (`bot.discord_app.client.KabarTree`).

Who waits for what:
    /summary, /who-confirmed, /translate (model installed), /digest preview
        defer, then a work slot (summaries, translation, digest composition)
    /articles, /about                defer (database reads), no work slot
    /translate with no model         no slot, no defer unless it takes over a second:
                                     the "no model" error is answered at once, ephemerally
    /digest channel | time | off     permission and input checks answered at once; the
    /feeds add | remove              database write deferred (ephemerally) only if slow;
                                     /feeds fetches nothing (the feed poll picks a new feed up)
    /feeds list                      defer (ephemerally), no work slot
    autocomplete (article, tz)       never a work slot nor a deferral (Discord allows none)
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import discord
from discord import app_commands

from bot.config import parse_hhmm
from bot.discord_app.replies import defer, quick_or_defer, send_pages, send_text
from bot.errors import QueryError
from bot.plural import counted
from bot.present.discord import (
    neutralise,
    render_about,
    render_answer,
    render_articles,
    render_digest,
    render_lines,
)
from bot.present.feeds import added_message, feed_line, removed_message, schedule_note

if TYPE_CHECKING:  # pragma: no cover
    from bot.discord_app.client import KabarBot

MAX_CHOICES = 25
CHOICE_NAME_LIMIT = 100
MANAGE_ONLY = "Changing the digest or the news feeds needs the Manage Server permission."


def _bot(interaction: discord.Interaction) -> KabarBot:
    return interaction.client  # type: ignore[return-value]


async def article_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Autocomplete: article ids and titles matching what the user typed (at most 25)."""
    bot = _bot(interaction)
    infos = await bot.kabar.articles()
    needle = current.strip().casefold()
    starts, contains = [], []
    for info in infos:
        haystack = f"{info.id} {info.key} {info.title}".casefold()
        if not needle or info.id.startswith(needle) or info.key.casefold().startswith(needle):
            starts.append(info)
        elif needle in haystack:
            contains.append(info)
    choices = []
    for info in (starts + contains)[:MAX_CHOICES]:
        name = f"{info.id} · {info.title}"
        if len(name) > CHOICE_NAME_LIMIT:
            name = name[: CHOICE_NAME_LIMIT - 1].rstrip() + "…"
        choices.append(app_commands.Choice(name=name, value=info.id))
    return choices


def model_missing(bot: KabarBot, lang: str, src: str = "id") -> bool:
    """True when no installed model translates src->lang (a cheap look at the models folder)."""
    return not bot.kabar.can_translate(src, lang)


#: what the digest needs in its channel (Read Message History: finding an interrupted post)
DIGEST_PERMISSIONS = {
    "view_channel": "View Channel",
    "send_messages": "Send Messages",
    "embed_links": "Embed Links",
    "read_message_history": "Read Message History",
}


def missing_permissions(channel: object) -> list[str]:
    """The digest permissions the bot lacks in `channel` ([] when unknown: not cached)."""
    guild = getattr(channel, "guild", None)
    me = getattr(guild, "me", None)
    permissions_for = getattr(channel, "permissions_for", None)
    if me is None or permissions_for is None:
        return []
    try:
        perms = permissions_for(me)
    except Exception:  # noqa: BLE001 - a partial channel object: we cannot tell
        return []
    return [label for flag, label in DIGEST_PERMISSIONS.items() if not getattr(perms, flag, True)]


def _require_manage(interaction: discord.Interaction) -> int:
    """Runtime check behind `default_permissions`: server admins can loosen those. The server's id."""
    perms = getattr(interaction, "permissions", None)
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    if perms is None or not (perms.manage_guild or perms.administrator):
        raise app_commands.MissingPermissions(["manage_guild"])
    return interaction.guild_id


class DigestGroup(app_commands.Group):
    """/digest preview | channel | time | off"""

    def __init__(self) -> None:
        super().__init__(
            name="digest",
            description="The daily digest of newly indexed articles",
            guild_only=True,
            default_permissions=discord.Permissions(manage_guild=True),
        )
        self._zones: list[str] | None = None

    @app_commands.command(name="preview", description="Show what the next digest would contain (only you see it)")
    async def preview(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        await defer(interaction, ephemeral=True)
        async with bot.work:  # composing summarises every new article
            digest = await bot.digests.preview(interaction.guild_id)
        await send_pages(interaction, render_digest(digest), ephemeral=True)

    @app_commands.command(name="channel", description="Post the daily digest in this channel")
    @app_commands.describe(channel="The text channel for the digest")
    async def channel(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        guild_id = _require_manage(interaction)
        bot = _bot(interaction)

        async def save():
            await bot.guild_store.set_channel(
                guild_id, channel.id, by=interaction.user.id, where=interaction.channel_id, now=bot.now()
            )
            return await bot.guild_store.get(guild_id)

        # one small write, but on the database connection that indexing also uses
        row = await quick_or_defer(interaction, save(), ephemeral=True)
        time, tz = bot.digests.effective_time(row)
        message = f"The daily digest will be posted in <#{channel.id}> at {time} ({tz})."
        missing = missing_permissions(channel)
        if missing:
            message += f" Note: I am missing {', '.join(missing)} there; grant them or the digest cannot be posted."
        await send_text(interaction, message)

    @app_commands.command(name="time", description="Set the time of the daily digest (24-hour HH:MM)")
    @app_commands.describe(time="For example 07:00", tz="An IANA time zone, for example Asia/Jakarta")
    async def time(self, interaction: discord.Interaction, time: str, tz: str | None = None) -> None:
        guild_id = _require_manage(interaction)
        bot = _bot(interaction)
        try:
            parsed = parse_hhmm(time)
        except ValueError as exc:
            raise QueryError(f"{exc}. Use 24-hour HH:MM, for example 07:00.") from exc
        if tz is not None:
            try:
                ZoneInfo(tz.strip())
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise QueryError(f"Unknown time zone {tz!r}; use an IANA name such as Asia/Jakarta.") from exc
            tz = tz.strip()
        hhmm = f"{parsed.hour:02d}:{parsed.minute:02d}"

        async def save():
            await bot.guild_store.set_time(
                guild_id, hhmm, tz, by=interaction.user.id, where=interaction.channel_id, now=bot.now()
            )
            return await bot.guild_store.get(guild_id)

        row = await quick_or_defer(interaction, save(), ephemeral=True)
        when, zone = bot.digests.effective_time(row)
        channel_id = bot.digests.effective_channel(row, interaction.guild_id)
        where = f"in <#{channel_id}>" if channel_id else "once you pick a channel with /digest channel"
        await send_text(interaction, f"The daily digest will be posted at {when} ({zone}) {where}.")

    @time.autocomplete("tz")
    async def _tz_choices(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        needle = current.strip().casefold()
        names = [name for name in await self.zone_names() if needle in name.casefold()]
        return [app_commands.Choice(name=name, value=name) for name in names[:MAX_CHOICES]]

    async def zone_names(self) -> list[str]:
        """The IANA zone names, read once per bot in a thread (listing them opens hundreds of files)."""
        if self._zones is None:
            from zoneinfo import available_timezones

            self._zones = sorted(await asyncio.to_thread(available_timezones))
        return self._zones

    @app_commands.command(name="off", description="Stop posting the daily digest in this server")
    async def off(self, interaction: discord.Interaction) -> None:
        guild_id = _require_manage(interaction)
        bot = _bot(interaction)
        await quick_or_defer(
            interaction,
            bot.guild_store.disable(guild_id, by=interaction.user.id, where=interaction.channel_id, now=bot.now()),
            ephemeral=True,
        )
        await send_text(interaction, "The daily digest is off for this server. /digest channel turns it back on.")


class FeedsGroup(app_commands.Group):
    """/feeds add | list | remove"""

    def __init__(self) -> None:
        super().__init__(
            name="feeds",
            description="The news feeds (RSS/Atom) kabar polls for new articles",
            guild_only=True,
            default_permissions=discord.Permissions(manage_guild=True),
        )

    @app_commands.command(name="add", description="Poll a news feed for new articles (a paused one resumes)")
    @app_commands.describe(url="The feed's address, https://...", outlet="The outlet its articles come from")
    async def add(
        self,
        interaction: discord.Interaction,
        url: app_commands.Range[str, 1, 500],
        outlet: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        _require_manage(interaction)
        bot = _bot(interaction)
        feed, state = await quick_or_defer(interaction, bot.kabar.feeds.add(url, outlet), ephemeral=True)
        await send_text(interaction, added_message(feed, state, bot.settings.feed_interval, chat=True))

    @app_commands.command(name="list", description="The feeds, their articles and how their last poll went")
    async def list_feeds(self, interaction: discord.Interaction) -> None:
        _require_manage(interaction)
        bot = _bot(interaction)
        await defer(interaction, ephemeral=True)
        feeds = await bot.kabar.feeds.feeds()
        lines = [neutralise(discord.utils.escape_markdown(feed_line(feed, chat=True))) for feed in feeds]
        footer = f"{counted(len(feeds), 'feed')} · {schedule_note(bot.settings.feed_interval, chat=True)}"
        pages = render_lines("News feeds", lines, footer, empty="*No feeds: /feeds add adds one.*")
        await send_pages(interaction, pages, ephemeral=True)

    @app_commands.command(name="remove", description="Stop polling a feed; its articles leave the index")
    @app_commands.describe(url="The feed's address, as /feeds list shows it")
    async def remove(self, interaction: discord.Interaction, url: app_commands.Range[str, 1, 500]) -> None:
        _require_manage(interaction)
        bot = _bot(interaction)
        feed, removed = await quick_or_defer(interaction, bot.kabar.feeds.remove(url), ephemeral=True)
        await send_text(interaction, removed_message(feed, removed))


def build_commands() -> list[app_commands.Command | app_commands.Group]:
    """Fresh command objects for one bot."""

    @app_commands.command(name="summary", description="A short cited summary of what the articles say about a topic")
    @app_commands.describe(
        topic="What to summarise, e.g. kursk",
        sentences="How many sentences (1-20)",
        lang="en: English first (default); id: the original Indonesian",
    )
    async def summary(
        interaction: discord.Interaction,
        topic: app_commands.Range[str, 1, 200],
        sentences: app_commands.Range[int, 1, 20] | None = None,
        lang: Literal["en", "id"] = "en",
    ) -> None:
        bot = _bot(interaction)
        await defer(interaction)
        async with bot.work:
            answer = await bot.kabar.summary(topic, sentences=sentences, lang=lang)
        await send_pages(interaction, render_answer(answer, prefer=lang))

    @app_commands.command(name="who-confirmed", description="Who confirmed, reported or denied a figure")
    @app_commands.describe(figure="A number in any notation: 10000, 10.000, 10 ribu, sepuluh ribu")
    async def who_confirmed(interaction: discord.Interaction, figure: app_commands.Range[str, 1, 100]) -> None:
        bot = _bot(interaction)
        await defer(interaction)
        async with bot.work:
            answer = await bot.kabar.who_confirmed(figure)
        await send_pages(interaction, render_answer(answer))

    @app_commands.command(name="translate", description="An article in English, sentence by sentence")
    @app_commands.describe(article="Article id or title", lang="Target language")
    @app_commands.autocomplete(article=article_choices)
    async def translate(
        interaction: discord.Interaction,
        article: app_commands.Range[str, 1, 100],
        lang: Literal["en"] = "en",
    ) -> None:
        bot = _bot(interaction)
        ref = article.split("·")[0].strip()
        if model_missing(bot, lang):
            # Nothing can be decoded, so this is quick: the "no model" error (or an article a
            # human reviewed line by line). It must not queue behind summaries for a work slot.
            answer = await quick_or_defer(interaction, bot.kabar.translate(ref, lang=lang))
        else:
            await defer(interaction)
            async with bot.work:
                answer = await bot.kabar.translate(ref, lang=lang)
        await send_pages(interaction, render_answer(answer, prefer=lang))

    @app_commands.command(name="articles", description="The indexed articles")
    async def articles(interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        await defer(interaction)
        infos = await bot.kabar.articles()
        await send_pages(interaction, render_articles(infos))

    @app_commands.command(name="about", description="Index size, translation model status and the last digest")
    async def about(interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        await defer(interaction)
        facts = await bot.kabar.about()
        extra = await bot.digest_status(interaction.guild_id)
        await send_pages(interaction, [render_about(facts, extra)])

    return [summary, who_confirmed, translate, articles, about, DigestGroup(), FeedsGroup()]
