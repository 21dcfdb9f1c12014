"""poll_feed / poll_feeds against the local site: each article once, conditional re-polls, fallbacks, failures."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.feeds.fetch import FetchPolicy, HttpFetcher
from bot.feeds.poller import FeedPoll, FeedSpec, FetchedArticle, Seen, poll_feed, poll_feeds
from bot.feeds.urls import canonical_url
from tests.feeds.localsite import LocalSite
from tests.feeds.memory import Feeds, MemorySeen
from tests.feeds.test_extract import CHROME

ARTICLE_A = "/berita/2025/03/banjir-rob-pesisir-utara.html"
ARTICLE_B = "/berita/2025/03/harga-beras-turun.html"
DISALLOWED = "/terlarang/2025/03/rapat-tertutup.html"
VIDEO = "/video/2025/03/cuplikan-banjir-rob.html"
MERAK = "/berita/2025/03/pelabuhan-merak-arus-mudik.html"


@pytest.fixture
def seen() -> MemorySeen:
    return MemorySeen()


@pytest.fixture
async def fetcher(policy: FetchPolicy) -> AsyncIterator[HttpFetcher]:
    async with HttpFetcher(policy) as running:
        yield running


def by_path(poll: FeedPoll, site: LocalSite) -> dict[str | None, FetchedArticle]:
    return {(a.url.removeprefix(site.base) if a.url else None): a for a in poll.articles}


def test_the_memory_store_is_a_seen(seen: MemorySeen) -> None:
    assert isinstance(seen, Seen)
    assert not isinstance(object(), Seen)


async def test_first_poll_adds_each_linked_article_once(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    poll = await poll_feed(FeedSpec(site.url("/rss/terkini.xml")), fetcher, seen)
    assert poll.outcome == "new" and poll.reason is None
    got = by_path(poll, site)
    assert set(got) == {ARTICLE_A, ARTICLE_B, DISALLOWED, VIDEO, None}
    a = got[ARTICLE_A]
    assert a.method == "page" and a.title == "Banjir rob rendam 12 RT di pesisir utara Jakarta"
    assert a.published == "2025-03-11T00:42:00Z" and a.author == "Dewi Lestari"
    assert a.text.startswith("Jakarta (WARTA) - Banjir rob merendam")  # the title is not repeated
    assert a.document().splitlines()[0] == a.title
    for article in poll.articles:
        for phrase in CHROME:
            assert phrase not in article.text, (article.url, phrase)
    # the tracking parameters are gone from the article's URL
    assert got[ARTICLE_B].url == site.url(ARTICLE_B) and "utm_source" in (got[ARTICLE_B].link or "")
    for path in (ARTICLE_A, ARTICLE_B, VIDEO):
        assert site.paths().count(path) == 1
    assert site.paths().count("/robots.txt") == 1


async def test_a_disallowed_page_is_not_fetched_and_the_feed_text_is_used(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    poll = await poll_feed(FeedSpec(site.url("/rss/terkini.xml")), fetcher, seen)
    article = by_path(poll, site)[DISALLOWED]
    assert DISALLOWED not in site.paths()
    assert article.method == "feed" and article.note == "the page was not fetched: disallowed by robots.txt"
    assert article.text.startswith("Panitia anggaran daerah menggelar rapat tertutup")
    assert "robots.txt diabaikan" not in article.text


async def test_short_pages_and_linkless_items_use_the_feed_text_marked(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    poll = await poll_feed(FeedSpec(site.url("/rss/terkini.xml")), fetcher, seen)
    got = by_path(poll, site)
    video = got[VIDEO]
    assert video.method == "feed" and video.note == "the page yields too little text"
    assert video.text.startswith("Genangan setinggi lutut")
    linkless = got[None]
    assert linkless.method == "feed" and linkless.note == "the item has no link"
    assert linkless.guid == "warta-2025-03-11-0007" and linkless.link is None


async def test_second_poll_is_conditional_and_adds_nothing(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    feeds = Feeds(seen)
    first = await feeds.poll(site.url("/rss/terkini.xml"), fetcher)
    before = len(site.log)
    second = await feeds.poll(site.url("/rss/terkini.xml"), fetcher)
    assert second.outcome == "unchanged" and second.articles == ()
    assert site.paths()[before:] == ["/rss/terkini.xml"]
    hit = site.log[before]
    assert hit.header("if-none-match") == first.etag and hit.header("if-modified-since") == first.last_modified


async def test_a_new_item_adds_exactly_one_article(site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen) -> None:
    feeds = Feeds(seen)
    await feeds.poll(site.url("/rss/terkini.xml"), fetcher)
    site.replace("/rss/terkini.xml", "rss/terkini-baru.xml")
    before = len(site.log)
    second = await feeds.poll(site.url("/rss/terkini.xml"), fetcher)
    assert second.outcome == "new"
    assert [a.url for a in second.articles] == [site.url(MERAK)]
    assert site.paths()[before:] == ["/rss/terkini.xml", MERAK]


async def test_a_burst_of_new_items_is_read_a_few_per_poll(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    feeds = Feeds(seen)
    first = await feeds.poll(site.url("/rss/terkini.xml"), fetcher, max_new=2)
    assert len(first.articles) == 2 and first.etag is None  # the feed is read again next time
    assert any("more than 2 new items" in w for w in first.warnings)
    second = await feeds.poll(site.url("/rss/terkini.xml"), fetcher, max_new=2)
    third = await feeds.poll(site.url("/rss/terkini.xml"), fetcher, max_new=2)
    titles = [a.title for poll in (first, second, third) for a in poll.articles]
    assert len(titles) == len(set(titles)) == 5
    assert third.etag is not None and not any("new items" in w for w in third.warnings)


async def test_a_link_with_tracking_parameters_is_the_same_article(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    seen.keep(await poll_feed(FeedSpec(site.url("/rss/terkini.xml")), fetcher, seen))
    atom = await poll_feed(FeedSpec(site.url("/atom/kabarpagi.xml")), fetcher, seen)
    urls = [a.url for a in atom.articles]
    assert site.url(ARTICLE_A) not in urls  # its ?utm_...#komentar link is article A
    assert site.url("/read/2025/03/11/081500/krl-tambah-perjalanan.html") in urls
    assert site.paths().count(ARTICLE_A) == 1


async def test_an_item_listed_twice_in_one_feed_is_read_once(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    site.put(
        "/rss/ganda.xml",
        f"""<rss version="2.0"><channel><title>Ganda</title>
        <item><title>Banjir rob</title><link>{{{{BASE}}}}{ARTICLE_A}</link></item>
        <item><title>Banjir rob (lagi)</title><link>{{{{BASE}}}}{ARTICLE_A}?utm_source=rss#atas</link></item>
        <item><title>Harga beras</title><link>{{{{BASE}}}}{ARTICLE_B}</link><guid>beras-1</guid></item>
        <item><title>Harga beras (lagi)</title><link>{{{{BASE}}}}{ARTICLE_B}?versi=2</link><guid>beras-1</guid></item>
        </channel></rss>""",
    )
    poll = await poll_feed(FeedSpec(site.url("/rss/ganda.xml")), fetcher, seen)
    assert [a.title for a in poll.articles] == [
        "Banjir rob rendam 12 RT di pesisir utara Jakarta",
        "Harga beras medium turun Rp500 per kilogram di pasar induk",
    ]
    assert site.paths().count(ARTICLE_A) == site.paths().count(ARTICLE_B) == 1


async def test_each_feed_reports_its_own_outcome(
    site: LocalSite, other_site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    urls = [
        site.url("/hostile/500"),
        other_site.url("/hostile/429"),
        site.url("/index.html"),
        site.url("/hostile/loop-a"),
        site.url("/rss/rusak.xml"),
        site.url("/rss/detak.rdf"),
    ]
    polls = await poll_feeds([FeedSpec(u) for u in urls], fetcher, seen)
    outcome = {p.feed_url.removeprefix(site.base).removeprefix(other_site.base): (p.outcome, p.reason) for p in polls}
    assert outcome["/hostile/500"] == ("failed", "server error (HTTP 500)")
    assert outcome["/hostile/429"] == ("failed", "rate limited (HTTP 429, retry after 120 s)")
    assert outcome["/index.html"][0] == "failed" and "HTML page" in (outcome["/index.html"][1] or "")
    assert outcome["/hostile/loop-a"] == ("failed", "redirect loop")
    assert outcome["/rss/detak.rdf"] == ("new", None)
    assert outcome["/rss/rusak.xml"] == ("new", None)
    assert [p.feed_url for p in polls] == urls  # reported in the order asked


async def test_a_malformed_feed_is_read_as_far_as_it_goes(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    poll = await poll_feed(FeedSpec(site.url("/rss/rusak.xml")), fetcher, seen)
    assert poll.outcome == "new" and len(poll.articles) == 2
    assert all(a.method == "page" for a in poll.articles)
    assert any("not well-formed" in w for w in poll.warnings)


async def test_a_failed_page_with_a_short_teaser_is_tried_again(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    site.put(
        "/rss/gagal.xml",
        """<rss version="2.0"><channel><title>Gagal</title>
        <item><title>Halaman rusak</title><link>{{BASE}}/hostile/500</link><description>Singkat saja.</description></item>
        <item><title>Halaman rusak dengan ringkasan</title><link>{{BASE}}/hostile/503</link>
        <description>Ringkasan ini cukup panjang untuk dipakai sebagai isi berita ketika halaman aslinya tidak dapat diambil oleh kabar.</description></item>
        </channel></rss>""",
    )
    poll = await poll_feed(FeedSpec(site.url("/rss/gagal.xml")), fetcher, seen)
    assert [a.title for a in poll.articles] == ["Halaman rusak dengan ringkasan"]
    assert poll.articles[0].note == "the page was not fetched: unavailable (HTTP 503)"
    assert any("Halaman rusak: skipped" in w and "tried again next poll" in w for w in poll.warnings)
    assert poll.etag is None and poll.last_modified is None  # so the next poll reads the feed again


async def test_an_extractor_fault_falls_back_to_the_feed_text(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("extractor fault")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    poll = await poll_feed(FeedSpec(site.url("/rss/terkini.xml")), fetcher, seen)
    got = by_path(poll, site)
    assert poll.outcome == "new"
    for path in (ARTICLE_A, ARTICLE_B, VIDEO):
        assert got[path].method == "feed" and got[path].note == "no article text found on the page"
    assert got[ARTICLE_A].text.startswith("Banjir rob merendam 12 RT")  # the feed's teaser, marked as such


async def test_a_bug_in_one_feed_does_not_stop_the_others(site: LocalSite, fetcher: HttpFetcher) -> None:
    class Broken(MemorySeen):
        async def seen(self, feed_url: str, guid: str | None, url: str | None) -> bool:
            if feed_url.endswith("detak.rdf"):
                raise RuntimeError("boom")
            return await super().seen(feed_url, guid, url)

    polls = await poll_feeds(
        [FeedSpec(site.url("/rss/detak.rdf")), FeedSpec(site.url("/atom/kabarpagi.xml"))], fetcher, Broken()
    )
    assert [p.outcome for p in polls] == ["failed", "new"]
    assert polls[0].reason == "internal error (RuntimeError)"


async def test_a_permanently_moved_feed_reports_its_new_address(
    site: LocalSite, fetcher: HttpFetcher, seen: MemorySeen
) -> None:
    poll = await poll_feed(FeedSpec(site.url("/hostile/moved.xml")), fetcher, seen)
    assert poll.outcome == "new" and poll.final_url == site.url("/rss/terkini.xml")


def test_canonical_urls_used_for_identity() -> None:
    assert canonical_url("http://127.0.0.1:80/a?utm_source=x#y") == "http://127.0.0.1/a"
