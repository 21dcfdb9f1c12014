"""HttpFetcher against the local site: conditional requests, redirects, limits, errors, robots, politeness."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import itertools
import socket
import time

import pytest

from bot.errors import FetchError
from bot.feeds.fetch import PAGE_ACCEPT, Fetcher, FetchPolicy, HttpFetcher, retry_after_seconds, user_agent
from tests.feeds.localsite import LocalSite

ARTICLE = "/berita/2025/03/banjir-rob-pesisir-utara.html"
DISALLOWED = "/terlarang/2025/03/rapat-tertutup.html"


def test_the_real_fetcher_is_a_fetcher(fetcher: HttpFetcher) -> None:
    assert isinstance(fetcher, Fetcher)


def test_user_agent_names_kabar_and_the_contact() -> None:
    assert user_agent("ops@example.org").startswith("kabar/")
    assert "ops@example.org" in user_agent("ops@example.org")
    assert "+" not in user_agent("")


async def test_get_sends_user_agent_and_gzip_and_decodes(site: LocalSite, fetcher: HttpFetcher) -> None:
    response = await fetcher.get(site.url("/rss/terkini.xml"))
    assert response.status == 200
    assert response.body.startswith(b"<?xml") and b"Banjir rob" in response.body
    hit = site.hits("/rss/terkini.xml")[0]
    assert "gzip" in (hit.header("accept-encoding") or "")
    assert (hit.header("user-agent") or "").startswith("kabar/")
    assert "tests@kabar.invalid" in (hit.header("user-agent") or "")
    assert response.etag and response.last_modified


async def test_etag_makes_the_second_request_a_304(site: LocalSite, fetcher: HttpFetcher) -> None:
    first = await fetcher.get(site.url("/rss/terkini.xml"))
    second = await fetcher.get(site.url("/rss/terkini.xml"), etag=first.etag, last_modified=first.last_modified)
    assert second.status == 304 and second.body == b""
    assert site.hits("/rss/terkini.xml")[1].header("if-none-match") == first.etag


async def test_last_modified_alone_makes_a_304(site: LocalSite, fetcher: HttpFetcher) -> None:
    first = await fetcher.get(site.url("/rss/detak.rdf"))
    assert first.etag is None and first.last_modified
    second = await fetcher.get(site.url("/rss/detak.rdf"), last_modified=first.last_modified)
    assert second.status == 304
    assert site.hits("/rss/detak.rdf")[1].header("if-modified-since") == first.last_modified


async def test_a_changed_document_is_sent_again(site: LocalSite, fetcher: HttpFetcher) -> None:
    first = await fetcher.get(site.url("/rss/terkini.xml"))
    site.replace("/rss/terkini.xml", "rss/terkini-baru.xml")
    second = await fetcher.get(site.url("/rss/terkini.xml"), etag=first.etag, last_modified=first.last_modified)
    assert second.status == 200 and b"Pelabuhan Merak" in second.body


async def test_one_redirect_is_followed(site: LocalSite, fetcher: HttpFetcher) -> None:
    response = await fetcher.get(site.url("/hostile/moved.xml"))
    assert response.status == 200
    assert response.url == site.url("/rss/terkini.xml")
    assert response.redirects == (site.url("/rss/terkini.xml"),)


async def test_a_redirect_loop_is_refused_at_once(site: LocalSite, fetcher: HttpFetcher) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.get(site.url("/hostile/loop-a"))
    assert caught.value.reason == "redirect loop"
    assert site.paths() == ["/hostile/loop-a", "/hostile/loop-b"]


async def test_a_long_redirect_chain_stops_at_the_limit(site: LocalSite, fetcher: HttpFetcher) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.get(site.url("/hostile/chain/0"))
    assert caught.value.reason == "more than 5 redirects"
    assert len(site.log) == 6


async def test_429_backs_the_host_off_with_retry_after(site: LocalSite, fetcher: HttpFetcher) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.get(site.url("/hostile/429"))
    assert caught.value.status == 429 and caught.value.retry_after == 120
    assert "rate limited" in caught.value.reason
    with pytest.raises(FetchError) as again:
        await fetcher.get(site.url("/rss/terkini.xml"))
    assert "asked to wait" in again.value.reason
    assert site.paths() == ["/hostile/429"]  # the second request never left


async def test_5xx_is_a_transient_failure(site: LocalSite, fetcher: HttpFetcher) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.get(site.url("/hostile/500"))
    assert caught.value.reason == "server error (HTTP 500)" and caught.value.transient
    with pytest.raises(FetchError) as missing:
        await fetcher.get(site.url("/hostile/404"))
    assert missing.value.status == 404 and not missing.value.transient


async def test_a_silent_server_hits_the_read_timeout(site: LocalSite, policy: FetchPolicy) -> None:
    site.slow_seconds = 5
    async with HttpFetcher(dataclasses.replace(policy, read_timeout=0.3)) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            await fetcher.get(site.url("/hostile/slow"))
    assert caught.value.reason == "read timeout"
    assert time.monotonic() - started < 3


async def test_a_trickling_server_hits_the_deadline(site: LocalSite, policy: FetchPolicy) -> None:
    async with HttpFetcher(dataclasses.replace(policy, read_timeout=1.0, total_timeout=0.8)) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            await fetcher.get(site.url("/hostile/trickle"))
    assert caught.value.reason == "took longer than 0.8 s"
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("path", ["/hostile/huge", "/hostile/huge-chunked", "/hostile/bomb.xml"])
async def test_a_50_mb_response_is_cut_off_at_the_cap(site: LocalSite, fetcher: HttpFetcher, path: str) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.get(site.url(path), accept=PAGE_ACCEPT)
    assert caught.value.reason == "larger than 2.0 MB"
    assert not caught.value.transient


async def test_connection_refused_is_one_reason() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with HttpFetcher(FetchPolicy(host_delay=0)) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(f"http://127.0.0.1:{port}/rss.xml")
    assert caught.value.reason.startswith("cannot connect")


async def test_only_http_urls_are_fetched(fetcher: HttpFetcher) -> None:
    for url in ("file:///etc/passwd", "ftp://example.org/feed", "not a url"):
        with pytest.raises(FetchError) as caught:
            await fetcher.get(url)
        assert caught.value.reason == "not an http(s) URL"


# ------------------------------------------------------------------------ robots.txt


async def test_robots_disallowed_page_is_never_requested(site: LocalSite, fetcher: HttpFetcher) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.get(site.url(DISALLOWED), robots=True, accept=PAGE_ACCEPT)
    assert caught.value.reason == "disallowed by robots.txt"
    assert DISALLOWED not in site.paths()
    allowed = await fetcher.get(site.url(ARTICLE), robots=True, accept=PAGE_ACCEPT)
    assert allowed.status == 200
    assert site.paths().count("/robots.txt") == 1  # asked once, remembered


async def test_robots_is_asked_about_every_redirect_hop(site: LocalSite, fetcher: HttpFetcher) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.get(site.url("/hostile/ke-terlarang"), robots=True, accept=PAGE_ACCEPT)
    assert caught.value.reason == "disallowed by robots.txt"
    assert "/hostile/ke-terlarang" in site.paths() and DISALLOWED not in site.paths()


async def test_robots_server_error_disallows_the_site(site: LocalSite, fetcher: HttpFetcher) -> None:
    site.robots_status = 500
    with pytest.raises(FetchError) as caught:
        await fetcher.get(site.url(ARTICLE), robots=True, accept=PAGE_ACCEPT)
    assert caught.value.reason == "disallowed by robots.txt"
    assert ARTICLE not in site.paths()


async def test_robots_missing_allows_everything(site: LocalSite, fetcher: HttpFetcher) -> None:
    site.robots_status = 404
    response = await fetcher.get(site.url(DISALLOWED), robots=True, accept=PAGE_ACCEPT)
    assert response.status == 200


async def test_feeds_are_not_checked_against_robots(site: LocalSite, fetcher: HttpFetcher) -> None:
    site.put("/terlarang/feed.xml", (site.root / "rss/detak.rdf").read_text(encoding="utf-8"))
    response = await fetcher.get(site.url("/terlarang/feed.xml"))
    assert response.status == 200
    assert "/robots.txt" not in site.paths()


# ------------------------------------------------------------------------ politeness


async def test_one_request_at_a_time_per_host_with_a_delay(site: LocalSite, policy: FetchPolicy) -> None:
    async with HttpFetcher(dataclasses.replace(policy, host_delay=0.25)) as fetcher:
        paths = ["/rss/terkini.xml", "/rss/detak.rdf", "/atom/kabarpagi.xml", "/rss/lama.xml"]
        await asyncio.gather(*(fetcher.get(site.url(p)) for p in paths))
    assert site.max_in_flight == 1
    starts = [hit.at for hit in site.log]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(gaps) == 3 and min(gaps) >= 0.24


async def test_two_hosts_are_asked_side_by_side(site: LocalSite, other_site: LocalSite, policy: FetchPolicy) -> None:
    site.slow_seconds = 0.6
    async with HttpFetcher(dataclasses.replace(policy, host_delay=5.0)) as fetcher:
        slow = asyncio.create_task(fetcher.get(site.url("/hostile/slow")))
        await asyncio.sleep(0.1)
        fast = await fetcher.get(other_site.url("/rss/terkini.xml"))
        assert not slow.done()  # the other host did not wait for this one
        assert fast.status == 200
        assert (await slow).status == 200


async def test_robots_crawl_delay_spaces_requests(site: LocalSite, policy: FetchPolicy) -> None:
    site.put("/robots.txt", "User-agent: kabar\nCrawl-delay: 1\nDisallow: /terlarang/\n", "text/plain")
    async with HttpFetcher(policy) as fetcher:
        await fetcher.get(site.url(ARTICLE), robots=True, accept=PAGE_ACCEPT)
        await fetcher.get(site.url("/berita/2025/03/harga-beras-turun.html"), robots=True, accept=PAGE_ACCEPT)
    pages = [hit.at for hit in site.log if hit.path.startswith("/berita/")]
    assert pages[1] - pages[0] >= 0.99


# ------------------------------------------------------------------------ Retry-After


def test_retry_after_reads_seconds_and_dates() -> None:
    now = dt.datetime(2025, 3, 11, 8, 0, tzinfo=dt.UTC)
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Tue, 11 Mar 2025 08:05:00 GMT", now) == 300
    assert retry_after_seconds("Tue, 11 Mar 2025 07:00:00 GMT", now) == 0
    assert retry_after_seconds("9999999999") == 24 * 3600
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
