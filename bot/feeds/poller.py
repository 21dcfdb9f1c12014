"""Polling feeds: one conditional request per feed, then the article page of each item not seen before.

Public API:
    FeedSpec(url, outlet=None, etag=None, last_modified=None)
    FetchedArticle                    # one article ready for the corpus: text, provenance, identity
    FeedPoll                          # one feed's outcome: new | unchanged | failed, with the reason
    class Seen(Protocol)              # does the store already hold this item (GUID or canonical URL)?
    await poll_feed(spec, fetcher, seen, ...) -> FeedPoll
    await poll_feeds(specs, fetcher, seen, concurrency=4, ...) -> list[FeedPoll]

For each item the poller asks `seen` first, so known items cost nothing; at most
`max_new` new items are read per feed and poll (the rest wait, as a burst would). A new item's
page is fetched (robots.txt honoured) and its article extracted off the event loop. When
the page cannot be fetched, is disallowed, or yields fewer than `min_words` words, the
feed's own text is used instead and the article says why (`method="feed"`, `note`). An
item whose page failed for a passing reason and whose feed text is too short is left for
the next poll; the feed's validators (ETag, Last-Modified) are then not kept, so the next
poll reads the whole feed again instead of getting a 304. A failing feed never stops the
others: each feed's outcome is reported on its own.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Literal, Protocol, runtime_checkable

from bot.errors import FeedError, FetchError
from bot.feeds.extract import PageText, extract_page, word_count
from bot.feeds.fetch import PAGE_ACCEPT, Fetcher
from bot.feeds.health import iso_utc
from bot.feeds.parse import FeedEntry, ParsedFeed, parse_feed
from bot.feeds.urls import canonical_url

log = logging.getLogger(__name__)

Cpu = Callable[..., Awaitable[Any]]
Clock = Callable[[], dt.datetime]

#: a page with fewer words than this is not taken as the article
MIN_PAGE_WORDS = 50
#: a feed item's own text shorter than this is not an article either
MIN_FEED_WORDS = 12
#: new items read from one feed in one poll; the rest wait for the next poll
MAX_NEW_ITEMS = 25


@dataclasses.dataclass(frozen=True)
class FeedSpec:
    url: str
    outlet: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclasses.dataclass(frozen=True)
class FetchedArticle:
    """An article found through a feed, with where and how it was obtained."""

    feed_url: str
    url: str | None  # canonical URL of the page; None for an item without a link
    link: str | None  # the link as the feed gave it
    guid: str | None
    title: str
    text: str  # body paragraphs, one per line (the title is not repeated)
    method: Literal["page", "feed"]
    fetched_at: str  # ISO-8601 UTC
    published: str | None = None
    author: str | None = None
    site: str | None = None  # the site name the page gives
    note: str | None = None  # why the feed's text was used

    def document(self) -> str:
        """Title and body as one text, one paragraph per line (what the corpus reader reads)."""
        return f"{self.title}\n{self.text}" if self.title else self.text


@dataclasses.dataclass(frozen=True)
class FeedPoll:
    feed_url: str
    outcome: Literal["new", "unchanged", "failed"]
    articles: tuple[FetchedArticle, ...] = ()
    reason: str | None = None
    error: FeedError | None = None
    warnings: tuple[str, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    title: str | None = None


@runtime_checkable
class Seen(Protocol):
    """What the store knows: is this item (by GUID or canonical URL) already held for this feed?"""

    async def seen(self, feed_url: str, guid: str | None, url: str | None) -> bool: ...


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def poll_feeds(
    specs: Sequence[FeedSpec],
    fetcher: Fetcher,
    seen: Seen,
    *,
    concurrency: int = 4,
    cpu: Cpu = asyncio.to_thread,
    clock: Clock = _utc_now,
    min_words: int = MIN_PAGE_WORDS,
    max_new: int = MAX_NEW_ITEMS,
) -> list[FeedPoll]:
    """Poll several feeds, a few at a time (the fetcher keeps each host to one request at a time)."""
    slots = asyncio.Semaphore(max(1, concurrency))

    async def one(spec: FeedSpec) -> FeedPoll:
        async with slots:
            try:
                return await poll_feed(spec, fetcher, seen, cpu=cpu, clock=clock, min_words=min_words, max_new=max_new)
            except FeedError as exc:  # pragma: no cover - poll_feed reports these itself
                return FeedPoll(spec.url, "failed", reason=exc.user_message, error=exc)
            except Exception as exc:  # a bug must not stop the other feeds
                log.exception("polling %s failed unexpectedly", spec.url)
                error = FeedError(f"kabar could not poll {spec.url} (see the log)")
                return FeedPoll(spec.url, "failed", reason=f"internal error ({type(exc).__name__})", error=error)

    return list(await asyncio.gather(*(one(spec) for spec in specs)))


async def poll_feed(
    spec: FeedSpec,
    fetcher: Fetcher,
    seen: Seen,
    *,
    cpu: Cpu = asyncio.to_thread,
    clock: Clock = _utc_now,
    min_words: int = MIN_PAGE_WORDS,
    max_new: int = MAX_NEW_ITEMS,
) -> FeedPoll:
    """Poll one feed: conditional request, parse, then each unseen item's page."""
    try:
        response = await fetcher.get(spec.url, etag=spec.etag, last_modified=spec.last_modified)
    except FeedError as exc:
        return FeedPoll(spec.url, "failed", reason=_reason(exc), error=exc)
    if response.status == 304:
        return FeedPoll(
            spec.url,
            "unchanged",
            etag=response.etag or spec.etag,
            last_modified=response.last_modified or spec.last_modified,
            final_url=response.url,
        )
    try:
        parsed: ParsedFeed = await cpu(parse_feed, response.body, response.url, response.content_type)
    except FeedError as exc:
        return FeedPoll(spec.url, "failed", reason=_reason(exc), error=exc, final_url=response.url)
    warnings = list(parsed.warnings)
    articles: list[FetchedArticle] = []
    deferred = False
    tried = 0
    taken: set[tuple[str, str]] = set()  # an item listed twice in one feed is read once
    for entry in parsed.entries:
        url = canonical_url(entry.link) if entry.link else None
        names = {(kind, value) for kind, value in (("url", url), ("guid", entry.guid)) if value}
        if names & taken or await seen.seen(spec.url, entry.guid, url):
            continue
        taken |= names
        if tried >= max_new:
            warnings.append(f"more than {max_new} new items: the rest are read at the next poll")
            deferred = True
            break
        tried += 1
        article, problem, retry = await _article(spec, entry, url, fetcher, cpu, clock, min_words)
        if article is not None:
            articles.append(article)
        if problem:
            warnings.append(problem)
        deferred = deferred or retry
    return FeedPoll(
        spec.url,
        "new" if articles else "unchanged",
        articles=tuple(articles),
        warnings=tuple(warnings),
        etag=None if deferred else response.etag,
        last_modified=None if deferred else response.last_modified,
        final_url=response.url,
        title=parsed.title or None,
    )


async def _article(
    spec: FeedSpec,
    entry: FeedEntry,
    url: str | None,
    fetcher: Fetcher,
    cpu: Cpu,
    clock: Clock,
    min_words: int,
) -> tuple[FetchedArticle | None, str | None, bool]:
    """(article or None, a warning or None, whether to try the item again next poll)."""
    label = entry.title or entry.link or entry.guid or "an item"
    page: PageText | None = None
    note: str | None = None
    transient = False
    if entry.link is None:
        note = "the item has no link"
    else:
        try:
            response = await fetcher.get(entry.link, robots=True, accept=PAGE_ACCEPT)
            page = await cpu(extract_page, response.body, response.url)
        except FetchError as exc:
            note = f"the page was not fetched: {exc.reason}"
            transient = exc.transient
        if page is not None and word_count(page.text) >= min_words:
            return _from_page(spec, entry, url, page, clock()), None, False
        if note is None:
            note = "the page yields too little text" if page is not None else "no article text found on the page"
    page_text = page.text if page else ""
    fallback = entry.text if word_count(entry.text) >= word_count(page_text) else page_text
    if word_count(fallback) < MIN_FEED_WORDS:
        again = " (tried again next poll)" if transient else ""
        return None, f"{label}: skipped, {note} and the feed gives too little text{again}", transient
    article = FetchedArticle(
        feed_url=spec.url,
        url=url,
        link=entry.link,
        guid=entry.guid,
        title=entry.title or (page.title if page else ""),
        text=_without_title(fallback, entry.title),
        method="feed",
        fetched_at=iso_utc(clock()),
        published=entry.published or (page.published if page else None),
        author=entry.author or (page.author if page else None),
        site=page.site if page else None,
        note=note,
    )
    return article, None, False


def _from_page(spec: FeedSpec, entry: FeedEntry, url: str | None, page: PageText, now: dt.datetime) -> FetchedArticle:
    title = page.title or entry.title
    return FetchedArticle(
        feed_url=spec.url,
        url=url,
        link=entry.link,
        guid=entry.guid,
        title=title,
        text=_without_title(page.text, title),
        method="page",
        fetched_at=iso_utc(now),
        published=entry.published or page.published,
        author=page.author or entry.author,
        site=page.site,
    )


def _without_title(text: str, title: str) -> str:
    """The body without a first line that only repeats the title (pages often start with their h1)."""
    lines = text.split("\n")
    if title and lines and " ".join(lines[0].split()).casefold() == " ".join(title.split()).casefold():
        lines = lines[1:]
    return "\n".join(lines)


def _reason(exc: FeedError) -> str:
    return exc.reason if isinstance(exc, FetchError) else exc.user_message
