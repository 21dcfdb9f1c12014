"""News feeds in the real bot, end to end: /feeds through the Discord stand-in, the bot's own poll of
the local news site, the digest that follows, and the notice when a feed is paused."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from tests.discord_app.conftest import Bots, FakeClock, jakarta
from tests.discord_app.standin import EPHEMERAL, MANAGE_GUILD, DiscordStandIn, message_text
from tests.discord_app.test_e2e import digest_firsts
from tests.feeds.localsite import LocalSite


@pytest.fixture
async def news() -> AsyncIterator[LocalSite]:
    async with LocalSite("127.0.0.1") as running:
        yield running


async def wait_until(check, seconds: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(seconds):
        while not await check():
            await asyncio.sleep(0.05)


async def test_feeds_commands_are_for_server_managers(bots: Bots, standin: DiscordStandIn, news: LocalSite) -> None:
    await bots.start()
    feeds = standin.find_command("feeds")
    assert {o["name"] for o in feeds["options"]} == {"add", "list", "remove"}
    assert int(feeds["default_member_permissions"]) & MANAGE_GUILD
    refused = await (await standin.slash("feeds add", {"url": news.url("/rss/terkini.xml")}, user="budi")).answer()
    assert refused["flags"] & EPHEMERAL and "Manage Server" in refused["content"]
    listed = await (await standin.slash("feeds list", user="budi")).answer()
    assert listed["flags"] & EPHEMERAL and "Manage Server" in listed["content"]
    assert news.log == []


async def test_a_feed_added_in_discord_is_polled_by_the_bot_and_reaches_the_next_digest(
    bots: Bots, standin: DiscordStandIn, clock: FakeClock, news: LocalSite
) -> None:
    settings = bots.settings.model_copy(update={"digest_channel_id": standin.digest_id, "feed_host_delay": 0.0})
    bot = await bots.start(settings)
    clock.set(jakarta(2026, 3, 2, 7, 0))
    await standin.wait_for(lambda: digest_firsts(standin, standin.digest_id) == ["2026-03-02"], 15, "the first digest")

    added = await (await standin.slash("feeds add", {"url": news.url("/rss/terkini.xml"), "outlet": "Warta"})).answer()
    assert added["flags"] & EPHEMERAL and added["content"].startswith(f"Added the feed {news.url('/rss/terkini.xml')}")

    async def polled() -> bool:
        return len([a for a in await bot.kabar.articles() if a.id.startswith("f")]) == 5

    await wait_until(polled)  # the bot's own poll, on its schedule (a new feed is due at once)
    listed = message_text(await (await standin.slash("feeds list")).answer())
    assert f"{news.url('/rss/terkini.xml')} (Warta): 5 articles, last polled" in listed and ", ok" in listed

    clock.set(jakarta(2026, 3, 3, 7, 0))
    await standin.wait_for(lambda: len(digest_firsts(standin, standin.digest_id)) == 2, 15, "the second digest")
    second = "\n".join(
        message_text(m) for m in standin.channel_messages(standin.digest_id) if "2026-03-03" in message_text(m)
    )
    assert "Banjir rob" in second and "Kursk" not in second, "the feed's articles, and only what is new"
    before = len(news.log)
    await bot.feed_loop.tick()
    assert len(news.log) == before, "polled again only after its interval"

    clock.set(jakarta(2026, 3, 4, 7, 0))
    for _ in range(3):
        await bot.digest_loop.tick()
    assert digest_firsts(standin, standin.digest_id) == ["2026-03-02", "2026-03-03"], "nothing new: no digest"


async def test_a_paused_feed_is_reported_once_in_the_digest_channel(
    bots: Bots, standin: DiscordStandIn, news: LocalSite
) -> None:
    settings = bots.settings.model_copy(
        update={
            "digest_channel_id": standin.digest_id,
            "feed_host_delay": 0.0,
            "feed_max_failures": 1,
        }
    )
    bot = await bots.start(settings)
    await (await standin.slash("feeds add", {"url": news.url("/hostile/500")})).answer()

    def notices() -> list[str]:
        return [
            m["content"]
            for m in standin.channel_messages(standin.digest_id)
            if "stopped polling" in (m["content"] or "")
        ]

    await standin.wait_for(lambda: bool(notices()), 15, "the pause notice")
    for _ in range(5):
        await bot.feed_loop.tick()
    assert notices() == [
        (
            f"kabar stopped polling the feed {news.url('/hostile/500')}: it failed 1 time in a row "
            "(last: server error (HTTP 500)). /feeds add with the same address resumes it."
        )
    ]
    assert news.paths().count("/hostile/500") == 1
    listed = message_text(await (await standin.slash("feeds list")).answer())
    assert "PAUSED after 1 failure in a row" in listed
