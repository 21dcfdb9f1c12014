"""In-memory stand-ins for the store in feeds tests and benchmarks: what was seen, and each feed's validators."""

from __future__ import annotations

from typing import Any

from bot.feeds.fetch import Fetcher
from bot.feeds.poller import FeedPoll, FeedSpec, poll_feed


class MemorySeen:
    """A store stand-in: remembers the GUIDs and canonical URLs of the articles it was given."""

    def __init__(self) -> None:
        self.guids: set[tuple[str, str]] = set()
        self.urls: set[str] = set()
        self.asked = 0

    async def seen(self, feed_url: str, guid: str | None, url: str | None) -> bool:
        self.asked += 1
        return (guid is not None and (feed_url, guid) in self.guids) or (url is not None and url in self.urls)

    def keep(self, poll: FeedPoll) -> None:
        for article in poll.articles:
            if article.guid:
                self.guids.add((article.feed_url, article.guid))
            if article.url:
                self.urls.add(article.url)


class Feeds:
    """Feed specs with their validators, kept after each poll as the store would keep them."""

    def __init__(self, seen: MemorySeen) -> None:
        self.specs: dict[str, FeedSpec] = {}
        self.seen = seen

    async def poll(self, url: str, fetcher: Fetcher, **options: Any) -> FeedPoll:
        poll = await poll_feed(self.specs.get(url, FeedSpec(url)), fetcher, self.seen, **options)
        self.seen.keep(poll)
        self.specs[url] = FeedSpec(url, etag=poll.etag, last_modified=poll.last_modified)
        return poll
