"""The feeds use-case through the service: the digest picks feed articles up as they arrive, once;
polling follows the interval and back-off; all parsing goes through the service's work threads."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.config import Settings
from bot.feeding import Feeding
from bot.service import Kabar
from bot.stories import compose_digest
from tests.feeds.localsite import LocalSite

TERKINI = "/rss/terkini.xml"
ATOM = "/atom/kabarpagi.xml"


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 2, 0, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
async def kabar(settings: Settings) -> AsyncIterator[Kabar]:
    async with Kabar(settings.model_copy(update={"feed_host_delay": 0.0})) as service:
        await service.ensure_indexed()
        yield service


def story_articles(digest: Any) -> set[str]:
    return {a for story in digest.stories for a in story.articles}


async def test_the_digest_picks_up_feed_articles_as_they_arrive_and_only_once(kabar: Kabar, site: LocalSite) -> None:
    first = await compose_digest(kabar, since=None, local_date="2026-03-02")
    assert story_articles(first) == {"000", "001", "002", "003", "004"}
    await kabar.feeds.add(site.url(TERKINI))
    await kabar.feeds.poll()
    second = await compose_digest(kabar, since=first.watermark, local_date="2026-03-03")
    assert story_articles(second) == {"f001", "f002", "f003", "f004", "f005"}

    # polled again: a 304; then the feed is rebuilt with the same items (a new ETag): nothing is new
    await kabar.feeds.poll()
    site.put(
        TERKINI, (site.root / TERKINI.lstrip("/")).read_text(encoding="utf-8").replace("</channel>", " </channel>")
    )
    [report] = await kabar.feeds.poll()
    assert report.outcome == "unchanged" and report.added == ()
    third = await compose_digest(kabar, since=second.watermark, local_date="2026-03-04")
    assert third.stories == ()

    # a new item: exactly that article is new
    site.replace(TERKINI, "rss/terkini-baru.xml")
    await kabar.feeds.poll()
    fourth = await compose_digest(kabar, since=third.watermark, local_date="2026-03-05")
    assert story_articles(fourth) == {"f006"}

    # removed, then added again: the articles come back, but they are not news
    await kabar.feeds.remove(site.url(TERKINI))
    await kabar.feeds.add(site.url(TERKINI))
    [report] = await kabar.feeds.poll()
    assert len(report.added) == 6
    fifth = await compose_digest(kabar, since=fourth.watermark, local_date="2026-03-06")
    assert fifth.stories == ()


async def test_feed_articles_answer_questions_like_files(kabar: Kabar, site: LocalSite) -> None:
    await kabar.feeds.add(site.url(TERKINI))
    await kabar.feeds.poll()
    hits = await kabar.search("banjir rob")
    assert {h.article for h in hits} >= {"f001"}
    answer = await kabar.who_confirmed("2,4 meter")
    assert any(c.article.startswith("f") for item in answer.items for c in item.citations)
    article = await kabar.article(site.url("/berita/2025/03/harga-beras-turun.html?utm_source=rss"))
    assert article.title == "Harga beras medium turun Rp500 per kilogram di pasar induk"
    assert (await kabar.article("f2")).id == "f002"


async def test_every_parse_and_extraction_runs_through_the_work_threads(settings: Settings, site: LocalSite) -> None:
    ran: list[str] = []

    async def cpu(func: Any, *args: Any, **kwargs: Any) -> Any:
        import asyncio

        ran.append(func.__name__)
        return await asyncio.to_thread(func, *args, **kwargs)

    async with Kabar(settings) as kabar:
        feeding = Feeding(kabar.db, settings.model_copy(update={"feed_host_delay": 0.0}), cpu=cpu)
        try:
            await feeding.add(site.url(TERKINI))
            await feeding.poll()
        finally:
            await feeding.close()
    assert ran.count("parse_feed") == 1
    assert ran.count("extract_page") == 3  # the disallowed page and the linkless item have none
    assert ran.count("read_fetched") == 5


async def test_the_bot_polls_each_feed_once_per_interval_and_backs_off_a_failing_one(
    settings: Settings, site: LocalSite
) -> None:
    clock = Clock()
    cfg = settings.model_copy(update={"feed_host_delay": 0.0, "feed_interval": 15.0, "feed_max_failures": 3})
    async with Kabar(cfg) as kabar:
        feeding = Feeding(kabar.db, cfg, clock=clock)
        try:
            await feeding.add(site.url(TERKINI))
            await feeding.add(site.url("/hostile/500"))
            assert [r.outcome for r in await feeding.poll(forced=False)] == ["new", "failed"]
            clock.advance(minutes=10)
            assert await feeding.poll(forced=False) == []  # nothing is due yet
            clock.advance(minutes=5)
            assert [r.outcome for r in await feeding.poll(forced=False)] == ["unchanged", "failed"]
            clock.advance(minutes=15)  # the failing feed now waits 30 minutes
            assert [r.outcome for r in await feeding.poll(forced=False)] == ["unchanged"]
            clock.advance(minutes=15)
            [_, failed] = await feeding.poll(forced=False)
            assert failed.outcome == "failed" and failed.paused and failed.failures == 3
            [paused] = await feeding.pauses_to_report()
            assert paused.url == site.url("/hostile/500")
            await feeding.pause_reported(paused)
            assert await feeding.pauses_to_report() == [], "a pause is reported once"
            clock.advance(days=2)
            assert [r.outcome for r in await feeding.poll(forced=False)] == ["unchanged"]
            [_, by_hand] = await feeding.poll(forced=True)
            assert by_hand.outcome == "paused" and site.paths().count("/hostile/500") == 3
            _, state = await feeding.add(paused.url)
            assert state == "resumed" and [f.paused for f in await feeding.feeds()] == [False, False]
        finally:
            await feeding.close()


async def test_two_processes_polling_at_once_store_each_article_once(settings: Settings, site: LocalSite) -> None:
    """The bot's poll and `kabar feeds poll` at the same moment: two connections to one database."""
    cfg = settings.model_copy(update={"feed_host_delay": 0.0})
    async with Kabar(cfg) as bot, Kabar(cfg) as cli:
        await bot.ensure_indexed()
        await bot.feeds.add(site.url(TERKINI))
        await bot.feeds.add(site.url(ATOM))
        first, second = await asyncio.gather(bot.feeds.poll(), cli.feeds.poll())
        stored = [a for a in await bot.articles() if a.id.startswith("f")]
        assert len(stored) == 6 and len({a.title for a in stored}) == 6
        added = [a.id for reports in (first, second) for r in reports for a in r.added]
        assert sorted(set(added)) == sorted(a.id for a in stored)
