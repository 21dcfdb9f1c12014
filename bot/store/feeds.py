"""News feeds and the provenance of the articles read from them, in SQLite.

Public API:
    store = FeedStore(db)
    await store.add(url, outlet, now) -> FeedRow               # a new feed, or an active one resumed
    await store.get(url) -> FeedRow | None                      # an active feed
    await store.active() -> list[FeedRow]                       # oldest first, with article counts
    await store.remove(feed, now) -> list[str]                  # ids of the articles that left the index
    await store.polled(feed_id, now=..., outcome=..., ...)      # how a poll went, and the feed's health
    await store.pauses_to_report() / store.pause_reported(feed_id)
    await store.seen(feed_url, guid, url) -> bool               # the poller's `Seen`
    await store.holding(feed_id, guid, url) -> str | None       # the indexed article this item is
    await store.holding_content(fingerprint) -> str | None      # the indexed article with this text
    await store.remembered(feed_id, guid, url, fingerprint) -> str | None   # its id, indexed or not
    await store.next_id() -> str                                # f001, f002 ... never given twice
    await store.claim(provenance, sighting) -> (id, store_it)   # id and provenance in one transaction
    await store.sighted(sighting)                               # one more URL/GUID for an article
    await store.provenance(article) -> Provenance | None
    await store.sightings(article) -> list[Sighting]
    await store.article_at(url) -> str | None                   # the indexed article a URL names

A feed is a row of `sources` (kind 'feed', its canonical URL as location) plus its row in
`feeds`. What is remembered of feed articles (`feed_articles`, `feed_items`) stays when
they leave the index, so an article read again keeps its id. "Indexed" always means a
row in `articles` exists: the articles themselves are written through `ArticleStore`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from bot.store.db import Database, utc_now
from bot.store.sources import SourceStore

FEED = "feed"
ID_PREFIX = "f"

_FEED_COLUMNS = (
    "s.id, s.location, s.added_at, f.outlet, f.title, f.etag, f.last_modified, f.polled_at, f.outcome,"
    " f.detail, f.failures, f.last_error, f.next_attempt, f.retry_at, f.paused, f.pause_reported,"
    " (SELECT count(*) FROM articles a WHERE a.source = s.id)"
)
_FROM = "FROM sources s JOIN feeds f ON f.source = s.id WHERE s.kind = 'feed' AND s.removed_at IS NULL"
_INDEXED = "EXISTS (SELECT 1 FROM articles a WHERE a.id = {col})"


@dataclasses.dataclass(frozen=True)
class FeedRow:
    """One feed with its polling state (times ISO-8601 UTC)."""

    id: int  # the source id
    url: str
    added_at: str
    outlet: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    polled_at: str | None = None
    outcome: str | None = None
    detail: str | None = None
    failures: int = 0
    last_error: str | None = None
    next_attempt: str | None = None
    retry_at: str | None = None
    paused: bool = False
    pause_reported: bool = False
    articles: int = 0


@dataclasses.dataclass(frozen=True)
class Provenance:
    """Where and how a feed article was obtained."""

    article: str
    feed: int
    url: str | None
    fetched_at: str
    method: str  # page | feed
    fingerprint: str
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class Sighting:
    """An article seen in a feed under a URL and/or GUID."""

    article: str
    feed: int
    url: str | None
    guid: str | None
    link: str | None
    seen_at: str
    feed_url: str = ""  # filled when read back
    outlet: str | None = None  # the feed's outlet, filled when read back


def _feed(row: Sequence[Any]) -> FeedRow:
    return FeedRow(
        id=int(row[0]),
        url=row[1],
        added_at=row[2],
        outlet=row[3],
        title=row[4],
        etag=row[5],
        last_modified=row[6],
        polled_at=row[7],
        outcome=row[8],
        detail=row[9],
        failures=int(row[10]),
        last_error=row[11],
        next_attempt=row[12],
        retry_at=row[13],
        paused=bool(row[14]),
        pause_reported=bool(row[15]),
        articles=int(row[16]),
    )


class FeedStore:
    """The feeds repository over one Database."""

    def __init__(self, db: Database, *, clock: Callable[[], str] = utc_now) -> None:
        self.db = db
        self.sources = SourceStore(db)
        self.clock = clock  # the time a sighting found by `seen` is recorded at

    # ------------------------------------------------------------------ feeds
    async def add(self, url: str, outlet: str | None, now: str) -> FeedRow:
        """Record a feed. An active one keeps its state (a pause is lifted, a new outlet kept); one
        added again after removal starts afresh (its whole feed is read again)."""
        was_active = await self.sources.find(FEED, url) is not None
        source = await self.sources.add(FEED, url, now)
        async with self.db.transaction():
            if was_active:
                await self.db.execute(
                    "UPDATE feeds SET outlet = coalesce(?, outlet), paused = 0, pause_reported = 0, failures = 0,"
                    " last_error = NULL, next_attempt = NULL WHERE source = ?",
                    (outlet, source.id),
                )
            else:
                await self.db.execute("DELETE FROM feeds WHERE source = ?", (source.id,))
                await self.db.execute("INSERT INTO feeds (source, outlet) VALUES (?, ?)", (source.id, outlet))
        found = await self.get(url)
        assert found is not None  # just written
        return found

    async def get(self, url: str) -> FeedRow | None:
        row = await self.db.fetchone(f"SELECT {_FEED_COLUMNS} {_FROM} AND s.location = ?", (url,))
        return _feed(row) if row else None

    async def active(self) -> list[FeedRow]:
        return [_feed(row) for row in await self.db.fetchall(f"SELECT {_FEED_COLUMNS} {_FROM} ORDER BY s.id")]

    async def is_active(self, feed_id: int) -> bool:
        return await self.db.fetchone(f"SELECT 1 {_FROM} AND s.id = ?", (feed_id,)) is not None

    async def remove(self, feed: FeedRow, now: str) -> list[str]:
        """Stop polling a feed. Its articles leave the index, except those another active feed
        also carries: they pass to that feed."""
        async with self.db.transaction():
            await self.db.execute(
                "UPDATE articles SET source = ("
                "  SELECT i.feed FROM feed_items i JOIN sources s ON s.id = i.feed"
                "  WHERE i.article = articles.id AND i.feed <> ?1 AND s.removed_at IS NULL ORDER BY i.seen_at LIMIT 1)"
                " WHERE source = ?1 AND EXISTS ("
                "  SELECT 1 FROM feed_items i JOIN sources s ON s.id = i.feed"
                "  WHERE i.article = articles.id AND i.feed <> ?1 AND s.removed_at IS NULL)",
                (feed.id,),
            )
        return await self.sources.remove(feed.id, now)

    async def polled(
        self,
        feed_id: int,
        *,
        now: str,
        outcome: str,
        detail: str | None,
        etag: str | None,
        last_modified: str | None,
        title: str | None,
        failures: int,
        last_error: str | None,
        next_attempt: str | None,
        retry_at: str | None,
        paused: bool,
    ) -> None:
        """Record a poll: its outcome, the validators to send next time and the feed's health."""
        async with self.db.transaction():
            await self.db.execute(
                "UPDATE feeds SET polled_at = ?, outcome = ?, detail = ?, etag = ?, last_modified = ?,"
                " title = coalesce(?, title), failures = ?, last_error = ?, next_attempt = ?, retry_at = ?,"
                " pause_reported = CASE WHEN ? THEN pause_reported ELSE 0 END, paused = ? WHERE source = ?",
                (
                    now,
                    outcome,
                    detail,
                    etag,
                    last_modified,
                    title,
                    failures,
                    last_error,
                    next_attempt,
                    retry_at,
                    int(paused),
                    int(paused),
                    feed_id,
                ),
            )
            state = "paused" if paused else ("failing" if failures else "ok")
            await self.db.execute(
                "UPDATE sources SET checked_at = ?, state = ?, detail = ? WHERE id = ?",
                (now, state, last_error if failures else None, feed_id),
            )

    async def pauses_to_report(self) -> list[FeedRow]:
        rows = await self.db.fetchall(f"SELECT {_FEED_COLUMNS} {_FROM} AND f.paused = 1 AND f.pause_reported = 0")
        return [_feed(row) for row in rows]

    async def pause_reported(self, feed_id: int) -> None:
        async with self.db.transaction():
            await self.db.execute("UPDATE feeds SET pause_reported = 1 WHERE source = ?", (feed_id,))

    # ------------------------------------------------------------------ identity of items
    async def seen(self, feed_url: str, guid: str | None, url: str | None) -> bool:
        """The poller's question: is this item indexed already (by its GUID in this feed, or its
        canonical URL from any feed)? An item indexed through another feed is recorded as seen
        in this one too, so each feed that carries an article is known."""
        source = await self.sources.find(FEED, feed_url)
        if source is None:
            return False
        row = await self.db.fetchone(
            "SELECT article, feed FROM feed_items i WHERE ((i.feed = ? AND i.guid = ?) OR i.url = ?)"
            f" AND {_INDEXED.format(col='i.article')} ORDER BY i.feed = ? DESC LIMIT 1",
            (source.id, guid, url, source.id),
        )
        if row is None:
            return False
        if row[1] != source.id:
            await self.sighted(Sighting(row[0], source.id, url, guid, None, self.clock()))
        return True

    async def holding(self, feed_id: int, guid: str | None, url: str | None) -> str | None:
        """The indexed article this item (GUID in this feed, or canonical URL) already is."""
        row = await self.db.fetchone(
            "SELECT article FROM feed_items i WHERE ((i.feed = ? AND i.guid = ?) OR i.url = ?)"
            f" AND {_INDEXED.format(col='i.article')} LIMIT 1",
            (feed_id, guid, url),
        )
        return row[0] if row else None

    async def holding_content(self, fingerprint: str) -> str | None:
        """The indexed feed article whose cleaned text has this fingerprint."""
        row = await self.db.fetchone(
            f"SELECT article FROM feed_articles p WHERE fingerprint = ? AND {_INDEXED.format(col='p.article')}"
            " ORDER BY article LIMIT 1",
            (fingerprint,),
        )
        return row[0] if row else None

    async def remembered(self, feed_id: int, guid: str | None, url: str | None, fingerprint: str) -> str | None:
        """The id this article had before (indexed or not): by item first, then by its text."""
        row = await self.db.fetchone(
            "SELECT article FROM feed_items WHERE (feed = ? AND guid = ?) OR url = ? LIMIT 1", (feed_id, guid, url)
        )
        if row is None:
            row = await self.db.fetchone(
                "SELECT article FROM feed_articles WHERE fingerprint = ? ORDER BY article LIMIT 1", (fingerprint,)
            )
        return row[0] if row else None

    async def next_id(self) -> str:
        """The next unused feed article id: f001, f002 ... (more digits after f999)."""
        row = await self.db.fetchone(
            "SELECT max(CAST(substr(article, 2) AS INTEGER)) FROM feed_articles WHERE article GLOB ?",
            (f"{ID_PREFIX}[0-9]*",),
        )
        number = int(row[0] or 0) + 1 if row else 1
        return f"{ID_PREFIX}{number:03d}"

    async def claim(self, provenance: Provenance, sighting: Sighting) -> tuple[str, bool]:
        """Give a fetched article its id and record where it came from, in ONE write transaction,
        so two processes polling at once (the bot and `kabar feeds poll`) never give one id to
        two articles nor store one article twice. `provenance.article` and `sighting.article`
        are ignored. Returns (id, True) for an article to store now under that id (the one it
        had before, or a new one), or (id, False) when it is an indexed article already (a
        copy: the sighting is recorded beside it)."""
        p, s = provenance, sighting
        async with self.db.transaction():
            held = await self.holding(p.feed, s.guid, s.url) or await self.holding_content(p.fingerprint)
            if held is not None:
                await self._sight(dataclasses.replace(s, article=held))
                return held, False
            aid = await self.remembered(p.feed, s.guid, s.url, p.fingerprint) or await self.next_id()
            await self.db.execute(
                "INSERT OR REPLACE INTO feed_articles (article, feed, url, outlet, published, author, fetched_at,"
                " method, note, fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (aid, p.feed, p.url, p.outlet, p.published, p.author, p.fetched_at, p.method, p.note, p.fingerprint),
            )
            await self._sight(dataclasses.replace(s, article=aid))
        return aid, True

    async def sighted(self, sighting: Sighting) -> None:
        """One more URL or GUID under which an article was seen (kept once)."""
        async with self.db.transaction():
            await self._sight(sighting)

    async def _sight(self, s: Sighting) -> None:
        await self.db.execute(
            "INSERT OR IGNORE INTO feed_items (article, feed, url, guid, link, seen_at) VALUES (?,?,?,?,?,?)",
            (s.article, s.feed, s.url, s.guid, s.link, s.seen_at),
        )

    # ------------------------------------------------------------------ reading back
    async def provenance(self, article: str) -> Provenance | None:
        row = await self.db.fetchone(
            "SELECT article, feed, url, fetched_at, method, fingerprint, outlet, published, author, note"
            " FROM feed_articles WHERE article = ?",
            (article,),
        )
        return Provenance(*row) if row else None

    async def sightings(self, article: str) -> list[Sighting]:
        """Every feed and URL an article was seen under, first seen first."""
        rows = await self.db.fetchall(
            "SELECT i.article, i.feed, i.url, i.guid, i.link, i.seen_at, s.location, f.outlet FROM feed_items i"
            " JOIN sources s ON s.id = i.feed LEFT JOIN feeds f ON f.source = i.feed"
            " WHERE i.article = ? ORDER BY i.seen_at, i.rowid",
            (article,),
        )
        return [Sighting(*row) for row in rows]

    async def article_at(self, url: str) -> str | None:
        """The indexed article found at a canonical URL (its own page or a syndicated copy)."""
        row = await self.db.fetchone(
            "SELECT article FROM (SELECT article FROM feed_items WHERE url = ?1"
            " UNION ALL SELECT article FROM feed_articles WHERE url = ?1) x"
            f" WHERE {_INDEXED.format(col='x.article')} LIMIT 1",
            (url,),
        )
        return row[0] if row else None
