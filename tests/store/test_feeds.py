"""FeedStore: feeds as sources, ids given once, sightings kept once, removal that spares shared articles."""

from __future__ import annotations

from bot.feeds.poller import Seen
from bot.models import Article, Paragraph, Sentence
from bot.store.articles import ArticleStore
from bot.store.feeds import FeedStore, Provenance, Sighting
from bot.store.sources import SourceStore

NOW = "2026-03-02T00:00:00+00:00"


def article(aid: str, text: str) -> Article:
    return Article(
        id=aid,
        key=aid,
        title=f"Judul {aid}",
        paragraphs=(Paragraph(1, text),),
        sentences=(Sentence(1, 1, text),),
        content_hash=f"hash-{aid}",
    )


async def keep(store: FeedStore, feed: int, aid: str, url: str, guid: str | None = None) -> None:
    """Claim an id for an article as a poll does (checking it is the one expected), then store it."""
    provenance = Provenance("", feed, url, NOW, "page", f"print-{aid}")
    assert await store.claim(provenance, Sighting("", feed, url, guid, url, NOW)) == (aid, True)
    await ArticleStore(store.db).put(article(aid, f"Kalimat berita {aid} yang cukup panjang."), NOW, feed)


async def test_feeds_are_sources_of_kind_feed(db) -> None:
    store = FeedStore(db)
    assert isinstance(store, Seen), "the store is what the poller asks"
    feed = await store.add("https://contoh.id/rss", "Contoh", NOW)
    [source] = await SourceStore(db).active()
    assert (source.kind, source.location, source.id) == ("feed", "https://contoh.id/rss", feed.id)
    assert (feed.outlet, feed.polled_at, feed.paused) == ("Contoh", None, False)
    again = await store.add("https://contoh.id/rss", None, "2026-03-03T00:00:00+00:00")
    assert again.id == feed.id and again.outlet == "Contoh" and again.added_at == feed.added_at


async def test_ids_are_given_once_even_after_their_articles_left(db) -> None:
    store = FeedStore(db)
    feed = await store.add("https://contoh.id/rss", None, NOW)
    assert await store.next_id() == "f001"
    await keep(store, feed.id, "f001", "https://contoh.id/a")
    await store.remove(feed, NOW)
    assert await ArticleStore(db).count() == 0
    assert await store.next_id() == "f002"
    assert await store.remembered(feed.id, None, "https://contoh.id/a", "other") == "f001"
    assert await store.holding(feed.id, None, "https://contoh.id/a") is None  # remembered, not indexed
    # read again (its feed added again): the same id; its text again under another address: a copy
    assert await store.claim(
        Provenance("", feed.id, "https://contoh.id/a", NOW, "page", "print-f001"),
        Sighting("", feed.id, "https://contoh.id/a", None, None, NOW),
    ) == ("f001", True)
    await ArticleStore(db).put(article("f001", "Kalimat berita f001 yang cukup panjang."), NOW, feed.id)
    assert await store.claim(
        Provenance("", feed.id, "https://contoh.id/salinan", NOW, "page", "print-f001"),
        Sighting("", feed.id, "https://contoh.id/salinan", None, None, NOW),
    ) == ("f001", False)
    await db.execute(
        "INSERT INTO feed_articles (article, feed, fetched_at, method, fingerprint) VALUES ('f999', ?, ?, 'feed', 'x')",
        (feed.id, NOW),
    )
    assert await store.next_id() == "f1000"


async def test_a_sighting_is_kept_once_and_seen_from_another_feed_is_recorded(db) -> None:
    store = FeedStore(db, clock=lambda: NOW)
    one = await store.add("https://satu.id/rss", "Satu", NOW)
    await store.add("https://dua.id/rss", "Dua", NOW)
    await keep(store, one.id, "f001", "https://satu.id/a", guid="a-1")
    await store.sighted(Sighting("f001", one.id, "https://satu.id/a", "a-1", None, NOW))
    assert len(await store.sightings("f001")) == 1
    assert await store.seen("https://satu.id/rss", "a-1", None)
    assert not await store.seen("https://dua.id/rss", "a-1", None), "a GUID belongs to its feed"
    assert await store.seen("https://dua.id/rss", None, "https://satu.id/a")
    sightings = await store.sightings("f001")
    assert [(s.feed_url, s.outlet) for s in sightings] == [
        ("https://satu.id/rss", "Satu"),
        ("https://dua.id/rss", "Dua"),
    ]
    assert await store.article_at("https://satu.id/a") == "f001"


async def test_removing_a_feed_hands_shared_articles_to_the_other_feed(db) -> None:
    store = FeedStore(db)
    one = await store.add("https://satu.id/rss", None, NOW)
    two = await store.add("https://dua.id/rss", None, NOW)
    await keep(store, one.id, "f001", "https://satu.id/a")
    await keep(store, one.id, "f002", "https://satu.id/b")
    await store.sighted(Sighting("f001", two.id, "https://dua.id/salinan-a", None, None, NOW))
    assert await store.remove(one, NOW) == ["f002"]
    assert [a.id for a in await ArticleStore(db).list()] == ["f001"]
    [left] = await store.active()
    assert (left.url, left.articles) == ("https://dua.id/rss", 1)
