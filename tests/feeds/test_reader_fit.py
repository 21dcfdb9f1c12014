"""Polled articles read by the corpus reader as files are: cleaned the same way, syndicated copies alike.

The store integration relies on this: an article's document goes through
`bot.corpus.reader.parse_article`, and the fingerprint of its cleaned sentences is what
catches the same story published by two outlets.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.corpus.reader import parse_article
from bot.feeds.fetch import FetchPolicy, HttpFetcher
from bot.feeds.poller import FeedSpec, FetchedArticle, poll_feed
from bot.feeds.urls import content_fingerprint
from bot.models import Article
from tests.feeds.localsite import LocalSite
from tests.feeds.memory import MemorySeen

ORIGINAL = "/berita/2025/03/banjir-rob-pesisir-utara.html"
SYNDICATED = "/read/2025/03/11/093000/banjir-rob-rendam-12-rt.html"
OTHER = "/read/2025/03/11/081500/krl-tambah-perjalanan.html"


@pytest.fixture
async def articles(site: LocalSite, policy: FetchPolicy) -> AsyncIterator[dict[str, FetchedArticle]]:
    async with HttpFetcher(policy) as fetcher:
        seen = MemorySeen()
        polls = [
            await poll_feed(FeedSpec(site.url(p)), fetcher, seen) for p in ("/rss/terkini.xml", "/atom/kabarpagi.xml")
        ]
    yield {a.url.removeprefix(site.base): a for poll in polls for a in poll.articles if a.url}


def read(article: FetchedArticle) -> Article:
    return parse_article(article.document(), "feed")


def fingerprint(article: Article) -> str:
    return content_fingerprint(" ".join(s.text for s in article.sentences))


async def test_the_reader_keeps_the_title_and_cleans_the_body(articles: dict[str, FetchedArticle]) -> None:
    parsed = read(articles[ORIGINAL])
    assert parsed.title == "Banjir rob rendam 12 RT di pesisir utara Jakarta" and not parsed.title_derived
    assert parsed.outlet == "WARTA" and parsed.editor == "Budi Santoso"
    kinds = {r.kind for r in parsed.removed}
    assert {"dateline", "cross-link", "editor", "byline"} <= kinds
    text = " ".join(s.text for s in parsed.sentences)
    assert "Baca juga" not in text and "Editor:" not in text and "Pewarta:" not in text
    assert parsed.sentences[0].text.startswith("Banjir rob merendam 12 rukun tetangga")


async def test_scroll_notes_and_editor_codes_are_not_sentences(articles: dict[str, FetchedArticle]) -> None:
    text = " ".join(s.text for s in read(articles[OTHER]).sentences)
    assert "SCROLL TO CONTINUE" not in text and "Baca juga" not in text
    assert "menambah 24 perjalanan" in text


async def test_a_syndicated_copy_has_the_same_fingerprint(articles: dict[str, FetchedArticle]) -> None:
    original, copy, other = (read(articles[p]) for p in (ORIGINAL, SYNDICATED, OTHER))
    assert fingerprint(original) == fingerprint(copy)
    assert fingerprint(original) != fingerprint(other)
