"""Feeds as sources of articles: adding and removing feeds, polling them into the index, provenance.

Public API:
    feeding = Feeding(db, settings, cpu=..., first_use=None, clock=None, fetcher=None)
    await feeding.add(url, outlet=None) -> tuple[FeedRow, str]   # "added" | "resumed" | "already"
    await feeding.remove(url) -> tuple[FeedRow, list[str]]       # the ids that left the index
    await feeding.feeds() -> list[FeedRow]
    await feeding.poll(forced=True, cpu=None) -> list[FeedReport]   # one report per feed, in list order
    await feeding.resolve(ref) -> str                             # an article URL or f7 -> its id; else ref
    await feeding.provenance(article_id) -> ArticleOrigin | None
    await feeding.pauses_to_report() -> list[FeedRow]; await feeding.pause_reported(feed)
    await feeding.close()
    read_fetched(fetched) -> Article                              # the corpus reader over a fetched article

A poll asks each feed that is due (all of them when `forced`, as `kabar feeds poll` does;
paused feeds and feeds a server asked to wait are reported, not asked) with its validators,
through `bot.feeds.poller`, which skips the items the store already holds (`FeedStore.seen`).
Each article found is read by the corpus reader as a file is (datelines, editor lines and
cross-links kept out), then stored once:
- an item whose GUID (in its feed) or canonical URL is indexed is that article: its
  sighting is recorded, nothing is stored;
- an article whose cleaned sentences have the fingerprint of an indexed one is a syndicated
  copy or the same story again: it is kept once, with this URL recorded beside the first;
- otherwise it is stored (`ArticleStore.put`, indexed now, so the digest picks it up) under
  the id it had before, if it was ever read, or the next `f001`-style id. Its content hash
  is the fingerprint, so an article read again unchanged keeps its first indexed time.
All parsing and extraction go through `cpu` (the service's bounded work threads, or what
the caller passes to `poll`: the bot runs them in a worker process); storing is serialised. A failing feed backs off and is paused after `KABAR_FEED_MAX_FAILURES`
failures in a row (`bot.feeds.health`); nothing one feed does stops the others.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from bot.config import Settings
from bot.corpus.reader import parse_article
from bot.errors import ArticleNotFound, CorpusError, FeedError, KabarError, QueryError
from bot.feeds.fetch import Fetcher, FetchPolicy, make_fetcher, user_agent
from bot.feeds.health import FeedHealth, after_failure, after_success, due
from bot.feeds.poller import FeedPoll, FeedSpec, FetchedArticle, poll_feeds
from bot.feeds.urls import canonical_url, content_fingerprint, is_web_url
from bot.models import Article
from bot.store.articles import ArticleStore
from bot.store.boilerplate import BoilerplateStore
from bot.store.db import Database
from bot.store.db import iso_utc as stored_time  # the form every stored time takes
from bot.store.feeds import FeedRow, FeedStore, Provenance, Sighting

log = logging.getLogger(__name__)

Cpu = Callable[..., Awaitable[Any]]
Clock = Callable[[], dt.datetime]

#: feeds polled side by side (requests to one host still go one at a time)
FEEDS_AT_ONCE = 4
#: the back-off unit when polling is off (KABAR_FEED_INTERVAL=off) and feeds are polled by hand
DEFAULT_INTERVAL = dt.timedelta(minutes=15)
_SHORT_ID = re.compile(r"[fF]0*(\d{1,9})")


@dataclasses.dataclass(frozen=True)
class AddedArticle:
    id: str
    title: str
    url: str | None
    method: str  # page | feed
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class FeedReport:
    """How one feed's poll went."""

    feed: str
    outcome: str  # new | unchanged | failed | paused | waiting
    added: tuple[AddedArticle, ...] = ()
    already: tuple[tuple[str, str | None], ...] = ()  # (indexed article, URL) for copies of indexed articles
    reason: str | None = None  # why it failed, or why it was not asked
    warnings: tuple[str, ...] = ()
    failures: int = 0  # failures in a row after this poll
    paused: bool = False  # paused now (by this poll or before)
    next_attempt: str | None = None


@dataclasses.dataclass(frozen=True)
class ArticleOrigin:
    """A feed article's provenance and every place it was seen."""

    provenance: Provenance
    sightings: tuple[Sighting, ...]


def read_fetched(fetched: FetchedArticle) -> Article:
    """The corpus reader over a fetched article (title on the first line, then the body).

    A title the reader does not take for a headline (it ends with a full stop, say) is
    still the article's title: the body is then read on its own under it.
    """
    article = parse_article(fetched.document(), "feed")
    if article.title_derived and fetched.title:
        body = parse_article(fetched.text, "feed") if fetched.text.strip() else article
        article = dataclasses.replace(body, title=fetched.title, title_derived=False)
    return article


def fingerprint(article: Article) -> str:
    """What makes two copies of a story one article: the words of its cleaned sentences."""
    return content_fingerprint(" ".join(s.text for s in article.sentences))


def feed_health(feed: FeedRow) -> FeedHealth:
    return FeedHealth(feed.failures, feed.last_error, feed.next_attempt, feed.retry_at, feed.paused)


def fetch_policy(settings: Settings) -> FetchPolicy:
    """kabar's manners towards the sites it reads, from the settings."""
    timeout = settings.network_timeout
    return FetchPolicy(
        user_agent=user_agent(settings.feed_contact),
        connect_timeout=timeout,
        read_timeout=2 * timeout,
        total_timeout=6 * timeout,
        host_delay=settings.feed_host_delay,
    )


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _parse_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class Feeding:
    """The feeds use-case over one open database."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        cpu: Cpu = asyncio.to_thread,
        first_use: Callable[[], Awaitable[object]] | None = None,
        clock: Clock | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.cpu = cpu
        self.clock: Clock = clock or _utc_now
        self.store = FeedStore(db, clock=lambda: stored_time(self.clock()))
        self.articles = ArticleStore(db)
        self._first_use = first_use
        self._fetcher = fetcher
        self._own_fetcher = False
        self._lock = asyncio.Lock()  # storing articles and removing feeds, one at a time

    @property
    def interval(self) -> dt.timedelta:
        """The time between two polls of a feed in the bot (also the back-off unit)."""
        minutes = self.settings.feed_interval
        return dt.timedelta(minutes=minutes) if minutes else DEFAULT_INTERVAL

    async def fetcher(self) -> Fetcher:
        """The HTTP fetcher, made on first use and kept (its politeness and robots.txt memory with it).

        It is made in a thread: its TLS context loads certificates from disk, and httpx imports
        its transport at the first request (`make_fetcher` does both first).
        """
        if self._fetcher is None:
            made = await asyncio.to_thread(make_fetcher, fetch_policy(self.settings))
            if self._fetcher is None:
                self._fetcher, self._own_fetcher = made, True
            else:  # pragma: no cover - two polls started at once
                await made.aclose()
        return self._fetcher

    async def close(self) -> None:
        if self._fetcher is not None and self._own_fetcher:
            await self._fetcher.aclose()
            self._fetcher = None

    # ------------------------------------------------------------------ feeds
    async def add(self, url: str, outlet: str | None = None) -> tuple[FeedRow, str]:
        """Add a feed (nothing is fetched yet), or resume a paused one; says which."""
        location = feed_location(url)
        outlet = " ".join((outlet or "").split()) or None
        if outlet is not None and (len(outlet) > 100 or not outlet.isprintable()):
            raise QueryError("Give the outlet a short printable name, for example: Antara.")
        if self._first_use is not None:
            try:  # a new database takes its default folder first, as any command does
                await self._first_use()
            except CorpusError:
                log.info("no default article folder: %s is the first source", location)
        async with self._lock:
            before = await self.store.get(location)
            feed = await self.store.add(location, outlet, stored_time(self.clock()))
        if before is None:
            return feed, "added"
        return feed, "resumed" if before.paused or before.failures else "already"

    async def remove(self, url: str) -> tuple[FeedRow, list[str]]:
        """Stop polling a feed; its articles leave the index (those another feed carries stay)."""
        location = feed_location(url)
        async with self._lock:
            feed = await self.store.get(location)
            if feed is None:
                raise QueryError(f"{location} is not a feed kabar polls.", hint="`kabar feeds list` shows the feeds")
            removed = await self.store.remove(feed, stored_time(self.clock()))
        if removed:
            await BoilerplateStore(self.db).refresh()  # what recurred in them may no longer recur
        return feed, removed

    async def feeds(self) -> list[FeedRow]:
        return await self.store.active()

    async def pauses_to_report(self) -> list[FeedRow]:
        return await self.store.pauses_to_report()

    async def pause_reported(self, feed: FeedRow) -> None:
        await self.store.pause_reported(feed.id)

    # ------------------------------------------------------------------ articles
    async def resolve(self, ref: str) -> str:
        """The article id an article's URL names (or `f7` for f007); any other reference unchanged."""
        text = (ref or "").strip()
        short = _SHORT_ID.fullmatch(text)
        if short:
            return f"f{int(short.group(1)):03d}"
        if not is_web_url(text):
            return ref
        found = await self.store.article_at(canonical_url(text))
        if found is None:
            raise ArticleNotFound(f"No indexed article comes from {text[:200]}.", hint="`kabar articles` lists them")
        return found

    async def provenance(self, article_id: str) -> ArticleOrigin | None:
        found = await self.store.provenance(article_id)
        if found is None:
            return None
        return ArticleOrigin(found, tuple(await self.store.sightings(article_id)))

    # ------------------------------------------------------------------ polling
    async def poll(self, *, forced: bool = True, cpu: Cpu | None = None) -> list[FeedReport]:
        """Poll the feeds that are due and store what is new; report each feed polled.

        `forced` (by hand): every feed is asked now, except paused ones and those a server asked
        to wait, which are reported with the reason. Otherwise (the bot's schedule) a feed is
        asked once its interval has passed since its last poll and its back-off is over.
        `cpu` runs this poll's parsing and extraction instead of the one given at construction.
        """
        cpu = cpu or self.cpu
        now = self.clock()
        feeds = await self.store.active()
        reports: dict[int, FeedReport] = {}
        wanted: list[FeedRow] = []
        for feed in feeds:
            ok, why = due(feed_health(feed), now, forced=forced)
            if ok and (forced or self._interval_passed(feed, now)):
                wanted.append(feed)
            elif not ok and forced:  # asked by hand: say why a feed was not asked; the bot just waits
                outcome = "paused" if feed.paused else "waiting"
                reports[feed.id] = FeedReport(
                    feed.url,
                    outcome,
                    reason=why,
                    failures=feed.failures,
                    paused=feed.paused,
                    next_attempt=feed.retry_at or feed.next_attempt,
                )
        if wanted:
            fetcher = await self.fetcher()
            slots = asyncio.Semaphore(FEEDS_AT_ONCE)

            async def one(feed: FeedRow) -> None:
                async with slots:
                    spec = FeedSpec(feed.url, feed.outlet, feed.etag, feed.last_modified)
                    [result] = await poll_feeds([spec], fetcher, self.store, cpu=cpu, clock=self.clock)
                    reports[feed.id] = await self._keep(feed, result, cpu)

            await asyncio.gather(*(one(feed) for feed in wanted))
            if any(report.added for report in reports.values()):
                await BoilerplateStore(self.db).refresh()  # new articles can make a sentence recur
        return [reports[feed.id] for feed in feeds if feed.id in reports]

    def _interval_passed(self, feed: FeedRow, now: dt.datetime) -> bool:
        last = _parse_time(feed.polled_at)
        return last is None or now - last >= self.interval

    async def _keep(self, feed: FeedRow, poll: FeedPoll, cpu: Cpu) -> FeedReport:
        """Store one feed's new articles and record how its poll went."""
        async with self._lock:
            if not await self.store.is_active(feed.id):  # removed while it was being polled
                return FeedReport(feed.url, "unchanged", reason="removed during the poll")
            now = self.clock()
            added: list[AddedArticle] = []
            already: list[tuple[str, str | None]] = []
            warnings = list(poll.warnings)
            retry = False
            for fetched in poll.articles:
                label = fetched.title or fetched.url or fetched.guid or "an item"
                try:
                    kept = await self._store_article(feed, poll, fetched, now, cpu)
                except KabarError as exc:
                    warnings.append(f"{label}: not indexed ({exc.user_message.rstrip('.')})")
                    continue
                except Exception as exc:  # a bug must not lose the other articles nor stop the poll
                    log.exception("storing %s from %s failed", fetched.url or fetched.guid, feed.url)
                    warnings.append(
                        f"{label}: not indexed (internal error {type(exc).__name__}; tried again next poll)"
                    )
                    retry = True
                    continue
                if isinstance(kept, AddedArticle):
                    added.append(kept)
                else:
                    already.append((kept, fetched.url))
            return await self._record(feed, poll, now, added, already, warnings, retry)

    async def _store_article(
        self, feed: FeedRow, poll: FeedPoll, fetched: FetchedArticle, now: dt.datetime, cpu: Cpu
    ) -> AddedArticle | str:
        """Store one article, or return the id of the indexed article it already is."""
        stamp = stored_time(now)
        sighting = Sighting("", feed.id, fetched.url, fetched.guid, fetched.link, stamp)
        held = await self.store.holding(feed.id, fetched.guid, fetched.url)
        if held is not None:  # found under its URL through another feed while this one was polled
            await self.store.sighted(dataclasses.replace(sighting, article=held))
            return held
        article = await cpu(read_fetched, fetched)
        prints = fingerprint(article)
        outlet = feed.outlet or article.outlet or fetched.site or poll.title or feed.title or _host(fetched.url)
        provenance = Provenance(
            article="",
            feed=feed.id,
            url=fetched.url,
            fetched_at=stored_time(fetched.fetched_at),
            method=fetched.method,
            fingerprint=prints,
            outlet=outlet,
            published=fetched.published,
            author=fetched.author,
            note=fetched.note,
        )
        aid, store_it = await self.store.claim(provenance, sighting)
        if not store_it:  # a syndicated copy, or the same story under another address
            return aid
        article = dataclasses.replace(
            article, id=aid, key=aid, path=fetched.url or fetched.link or "", content_hash=prints, outlet=outlet
        )
        await self.articles.put(article, now, feed.id)
        return AddedArticle(aid, article.title, fetched.url, fetched.method, fetched.note)

    async def _record(
        self,
        feed: FeedRow,
        poll: FeedPoll,
        now: dt.datetime,
        added: list[AddedArticle],
        already: list[tuple[str, str | None]],
        warnings: list[str],
        retry: bool,
    ) -> FeedReport:
        health = feed_health(feed)
        failed = poll.outcome == "failed"
        if failed:
            error = poll.error or FeedError(poll.reason or "the feed could not be read")
            health = after_failure(health, error, now, self.interval, self.settings.feed_max_failures)
            etag, modified = feed.etag, feed.last_modified
        else:
            health = after_success(health)
            etag, modified = (None, None) if retry else (poll.etag, poll.last_modified)
        outcome = "failed" if failed else ("new" if added else "unchanged")
        detail = poll.reason if failed else ("; ".join(warnings)[:1000] or None)
        await self.store.polled(
            feed.id,
            now=stored_time(now),
            outcome=outcome,
            detail=detail,
            etag=etag,
            last_modified=modified,
            title=poll.title,
            failures=health.failures,
            last_error=health.last_error,
            next_attempt=health.next_attempt,
            retry_at=health.retry_at,
            paused=health.paused,
        )
        if health.paused and not feed.paused:
            log.warning(
                "feed %s paused after %d failures in a row (last: %s)", feed.url, health.failures, health.last_error
            )
        return FeedReport(
            feed.url,
            outcome,
            added=tuple(added),
            already=tuple(already),
            reason=poll.reason if failed else None,
            warnings=tuple(warnings),
            failures=health.failures,
            paused=health.paused,
            next_attempt=health.next_attempt if failed else None,
        )


def feed_location(url: str) -> str:
    """The canonical URL a feed is recorded under; QueryError for anything but an http(s) URL."""
    text = (url or "").strip()
    if len(text) > 2000 or not text.isprintable() or not is_web_url(text):
        shown = text[:80] + ("…" if len(text) > 80 else "")
        raise QueryError(f"{shown!r} is not a feed address; give its http:// or https:// URL.")
    return canonical_url(text)


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
