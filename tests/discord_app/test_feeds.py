"""/feeds add | list | remove and the feed poll loop, against spec'd fakes and the real feeds use-case.

The commands run against the real `Feeding` on an in-memory database (nothing is fetched by
a command); the loop's pause notice goes through the real `DiscordPoster` to a fake channel.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.config import Settings
from bot.discord_app.client import create_bot
from bot.discord_app.commands import FeedsGroup
from bot.errors import QueryError
from bot.feeding import Feeding
from bot.store.feeds import FeedRow
from tests.discord_app.test_commands import (
    FakeChannel,
    FakeFeeds,
    FakeInteraction,
    FakeKabar,
    assert_no_pings,
    forbidden,
)

URL = "https://www.antaranews.com/rss/terkini.xml"


@pytest.fixture
async def bot(db):
    settings = Settings(_env_file=None, digest_channel_id=None)
    feeding = Feeding(db, settings)
    kabar = FakeKabar(db, feeds=feeding)
    clock = lambda: dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)
    kabar_bot = create_bot(settings, kabar, clock=clock, sync=False)
    yield kabar_bot
    await kabar_bot.digest_loop.stop()
    await kabar_bot.feed_loop.stop()
    await feeding.close()


def feeds_command(name: str) -> tuple[FeedsGroup, Any]:
    group = FeedsGroup()
    return group, group.get_command(name)


async def test_every_feeds_command_needs_manage_server(bot) -> None:
    for name, args in (("add", (URL, None)), ("list", ()), ("remove", (URL,))):
        group, command = feeds_command(name)
        with pytest.raises(app_commands.MissingPermissions):
            await command.callback(group, FakeInteraction(bot, manage=False), *args)
        with pytest.raises(app_commands.NoPrivateMessage):
            await command.callback(group, FakeInteraction(bot, guild_id=None), *args)
    assert await bot.kabar.feeds.feeds() == []
    interaction = FakeInteraction(bot, manage=False)
    await bot.tree.on_error(interaction, app_commands.MissingPermissions(["manage_guild"]))
    [sent] = interaction.calls.named("send_message")
    assert (
        sent["ephemeral"]
        and sent["content"] == "Changing the digest or the news feeds needs the Manage Server permission."
    )


async def test_add_list_remove_answer_the_admin_only(bot) -> None:
    group, add = feeds_command("add")
    interaction = FakeInteraction(bot)
    await add.callback(group, interaction, URL + "?utm_source=x", "Antara")
    assert [name for name, _ in interaction.calls] == ["send_message"]  # nothing fetched: answered at once
    [sent] = interaction.calls.named("send_message")
    assert sent["ephemeral"] and sent["content"] == (
        f"Added the feed {URL} (Antara); nothing is fetched until it is polled. "
        "kabar polls each feed every 15 minutes; new articles reach the next digest."
    )
    with pytest.raises(QueryError):
        await add.callback(group, FakeInteraction(bot), "javascript:alert(1)", None)

    group, listing = feeds_command("list")
    interaction = FakeInteraction(bot)
    await listing.callback(group, interaction)
    assert interaction.calls[0] == ("defer", {"thinking": True, "ephemeral": True})
    [page] = interaction.calls.named("followup")
    assert page["ephemeral"]
    embed = page["embed"]
    assert embed.title == "News feeds" and embed.description == f"{URL} (Antara): 0 articles, not polled yet"
    assert embed.footer.text.startswith("1 feed · kabar polls each feed every 15 minutes")

    group, remove = feeds_command("remove")
    interaction = FakeInteraction(bot)
    await remove.callback(group, interaction, URL)
    assert interaction.calls.named("send_message")[0]["content"] == (
        f"Removed the feed {URL}: it is no longer polled, and its 0 articles left the index."
    )
    assert await bot.kabar.feeds.feeds() == []
    with pytest.raises(QueryError):
        await remove.callback(group, FakeInteraction(bot), URL)
    assert_no_pings(interaction.calls)


def paused_feed(feed_id: int = 7) -> FeedRow:
    return FeedRow(
        id=feed_id,
        url="https://contoh.id/rss @everyone",
        added_at="2026-11-01T00:00:00+00:00",
        failures=8,
        last_error="server error (HTTP 500)",
        paused=True,
    )


async def test_a_paused_feed_is_told_once_in_the_digest_channel(bot) -> None:
    channel = FakeChannel()
    bot.get_channel = lambda cid: channel  # type: ignore[method-assign]
    await bot.guild_store.set_channel(1, 10, by=1, where=2, now=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    bot.kabar.feeds = FakeFeeds([paused_feed()])
    await bot.feed_loop.tick()
    await bot.feed_loop.tick()
    assert bot.kabar.feeds.polls == [False, False], "the bot's poll follows each feed's schedule"
    [notice] = channel.sent
    assert notice["content"] == (
        "kabar stopped polling the feed https://contoh.id/rss @\u200beveryone: it failed 8 times in a row "
        "(last: server error (HTTP 500)). /feeds add with the same address resumes it."
    )
    assert notice["allowed_mentions"].to_dict() == discord.AllowedMentions.none().to_dict()


async def test_a_pause_nobody_can_be_told_about_is_logged_once(bot, caplog) -> None:
    blocked = FakeChannel(forbidden())
    bot.get_channel = lambda cid: blocked  # type: ignore[method-assign]
    await bot.guild_store.set_channel(1, 10, by=1, where=2, now=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    bot.kabar.feeds = FakeFeeds([paused_feed()])
    with caplog.at_level("WARNING"):
        await bot.feed_loop.tick()
        await bot.feed_loop.tick()
    assert sum("no digest channel could be told" in r.getMessage() for r in caplog.records) == 1


async def test_the_loop_does_not_start_when_polling_is_off(db) -> None:
    settings = Settings(_env_file=None, feed_interval="off")
    kabar_bot = create_bot(settings, FakeKabar(db), sync=False)
    kabar_bot.feed_loop.start()
    assert kabar_bot.feed_loop._task is None
    kabar_bot = create_bot(Settings(_env_file=None), FakeKabar(db), sync=False)
    kabar_bot.feed_loop.start()
    assert kabar_bot.feed_loop._task is not None
    await kabar_bot.feed_loop.stop()


async def test_the_loop_computes_in_a_worker_process_under_the_work_semaphore(bot) -> None:
    import asyncio
    import os

    bot.work = asyncio.Semaphore(1)
    async with bot.work:
        job = asyncio.create_task(bot.feed_loop.cpu(os.getpid))
        await asyncio.sleep(0.2)
        assert not job.done(), "a feed job waits for a work slot like a command"
    child = await asyncio.wait_for(job, 60)
    assert child != os.getpid()
    assert await bot.feed_loop.cpu(os.getpid) == child, "the worker process is kept between jobs"
    from bot.errors import FeedUnusable
    from bot.feeds.parse import parse_feed

    with pytest.raises(FeedUnusable) as info:  # the worker's own errors come back whole
        await bot.feed_loop.cpu(
            parse_feed, b"<!doctype html><html><body>Beranda</body></html>", "https://contoh.id/", "text/html"
        )
    assert info.value.user_message.startswith("https://contoh.id/ is an HTML page, not a feed")
    await bot.feed_loop.stop()
