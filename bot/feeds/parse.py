"""Feed documents (RSS 0.9x/1.0/2.0, Atom) -> `ParsedFeed`, through feedparser, as far as they parse.

Public API:
    FeedEntry, ParsedFeed
    parse_feed(body, url, content_type="") -> ParsedFeed   # raises FeedUnusable

The body is handed to feedparser as bytes (never as a string, which feedparser may take for
a URL or a path). A feed that is not well-formed is parsed as far as it goes and the
problem becomes a warning; a document with no feed in it (an HTML page, an empty body) is
`FeedUnusable`. Entry content is reduced to plain paragraphs (`html_to_text`); relative
links are resolved against the feed's URL.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import time
from dataclasses import dataclass
from typing import Any

import feedparser

from bot.errors import FeedUnusable
from bot.feeds.extract import html_to_text
from bot.feeds.urls import is_web_url

__all__ = ["FeedEntry", "ParsedFeed", "parse_feed"]


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, as the feed tells it."""

    title: str
    link: str | None  # absolute http(s) URL, or None when the item has none
    guid: str | None
    text: str  # the item's own content or summary as plain paragraphs ("" when none)
    published: str | None = None  # ISO-8601 UTC
    author: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    link: str | None
    format: str  # feedparser's version: rss20, rss10, rss091u, atom10 ...
    entries: tuple[FeedEntry, ...]
    warnings: tuple[str, ...] = ()


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse a fetched feed; a malformed one yields what it can with a warning."""
    if not body.strip():
        raise FeedUnusable(f"{url} answered with an empty document, not a feed")
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=True)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        kind = "an HTML page" if _looks_like_html(body, content_type) else "not an RSS or Atom feed"
        raise FeedUnusable(f"{url} is {kind}, not a feed (add the feed's own address)")
    warnings: list[str] = []
    if parsed.get("bozo"):
        warnings.append(_bozo_warning(parsed.get("bozo_exception"), len(parsed.entries)))
    entries: list[FeedEntry] = []
    for raw in parsed.entries:
        entry = _entry(raw)
        if entry is None:
            warnings.append("an item with neither title, link nor text was skipped")
            continue
        entries.append(entry)
    feed = parsed.get("feed", {})
    link = feed.get("link")
    return ParsedFeed(
        title=" ".join(str(feed.get("title") or "").split()),
        link=link if isinstance(link, str) and is_web_url(link) else None,
        format=version or "unknown",
        entries=tuple(entries),
        warnings=tuple(warnings),
    )


def _entry(raw: Any) -> FeedEntry | None:
    title = " ".join(html_to_text(str(raw.get("title") or "")).split())
    link = raw.get("link")
    link = link.strip() if isinstance(link, str) and is_web_url(link) else None
    guid = raw.get("id")
    guid = str(guid).strip() if guid else None
    text = ""
    for content in raw.get("content") or ():
        value = html_to_text(str(content.get("value") or ""))
        if len(value) > len(text):
            text = value
    summary = html_to_text(str(raw.get("summary") or ""))
    if len(summary) > len(text):
        text = summary
    if not (title or link or text):
        return None
    author = " ".join(str(raw.get("author") or "").split()) or None
    return FeedEntry(
        title=title,
        link=link,
        guid=guid or None,
        text=text,
        published=_iso(raw.get("published_parsed") or raw.get("updated_parsed")),
        author=author,
    )


def _iso(parsed: time.struct_time | None) -> str | None:
    """feedparser's UTC struct_time as ISO-8601 (seconds, with Z)."""
    if not parsed:
        return None
    try:
        stamp = calendar.timegm(parsed)
    except (TypeError, ValueError, OverflowError):
        return None
    return dt.datetime.fromtimestamp(stamp, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _looks_like_html(body: bytes, content_type: str) -> bool:
    head = body[:2048].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html"))


def _bozo_warning(exc: object, count: int) -> str:
    what = getattr(exc, "getMessage", None)
    message = what() if callable(what) else str(exc or "not well-formed")
    line = getattr(exc, "getLineNumber", None)
    where = f" at line {line()}" if callable(line) else ""
    return f"the feed is not well-formed ({message}{where}); read {count} item(s) as far as it parses"
