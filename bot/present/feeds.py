"""Feeds and feed polls -> plain lines, shared by the terminal and Discord (which adds its own markup).

    feed_line(feed, chat=False) -> str      # one line of `feeds list`
    report_lines(report) -> list[str]       # one feed's poll: its outcome, then indented details
    poll_summary(reports) -> str            # "Polled 3 feeds: 6 articles added, 1 unchanged, 1 failed."
    schedule_note(interval_minutes, chat=False) -> str   # how often the bot polls (or that it does not)
    added_message(feed, state, interval_minutes, chat=False) / removed_message(feed, ids) / pause_notice(feed)
    origin_lines(origin) -> list[str]       # where a feed article came from (`kabar show`)
    failed(reports) -> bool                 # a poll worth a non-zero exit code

`chat=True` names the chat commands (/feeds add) instead of the terminal's (kabar feeds add).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bot.plural import counted

#: outcomes that need the operator: the feed could not be read, or is not read any more
FAILED = ("failed", "paused")


def when(value: str | None) -> str:
    """An ISO-8601 time as "2025-03-11 08:00 UTC" (as given when it does not parse)."""
    if not value:
        return "never"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def schedule_note(interval_minutes: float, *, chat: bool = False) -> str:
    if chat:
        if not interval_minutes:
            return "Polling is off (KABAR_FEED_INTERVAL=off): feeds are polled only from the terminal."
        return f"kabar polls each feed every {interval_minutes:g} minutes; new articles reach the next digest."
    if not interval_minutes:
        return "Polling is off (KABAR_FEED_INTERVAL=off): `kabar feeds poll` polls every feed now."
    return (
        f"The bot polls each feed every {interval_minutes:g} minutes (KABAR_FEED_INTERVAL); "
        "`kabar feeds poll` polls every feed now."
    )


def _resume(url: str, chat: bool) -> str:
    return "/feeds add with the same address resumes it" if chat else f"`kabar feeds add {url}` resumes it"


def _state(feed: Any, chat: bool) -> str:
    if feed.paused:
        return (
            f"PAUSED after {counted(feed.failures, 'failure')} in a row (last: {feed.last_error}); "
            f"{_resume(feed.url, chat)}"
        )
    if feed.failures:
        return f"FAILING, {feed.failures} in a row: {feed.last_error}; next try after {when(feed.next_attempt)}"
    if feed.polled_at is None:
        return "not polled yet"
    return "ok"


def feed_line(feed: Any, *, chat: bool = False) -> str:
    """`URL (outlet): 4 articles, last polled 2025-03-11 08:00 UTC (new), ok`."""
    outlet = f" ({feed.outlet})" if feed.outlet else ""
    polled = f", last polled {when(feed.polled_at)} ({feed.outcome})" if feed.polled_at else ""
    return f"{feed.url}{outlet}: {counted(feed.articles, 'article')}{polled}, {_state(feed, chat)}"


def report_lines(report: Any) -> list[str]:
    """One feed's poll: `URL: new, 2 articles added`, then the articles, copies and warnings indented."""
    if report.outcome == "new":
        head = f"{report.feed}: new, {counted(len(report.added), 'article')} added"
    elif report.outcome == "failed":
        tail = f"; next try after {when(report.next_attempt)}" if report.next_attempt and not report.paused else ""
        state = (
            f"now paused after {counted(report.failures, 'failure')} in a row"
            if report.paused
            else (f"{counted(report.failures, 'failure')} in a row{tail}")
        )
        head = f"{report.feed}: failed: {report.reason} ({state})"
    elif report.outcome in ("paused", "waiting"):
        head = f"{report.feed}: not polled: {report.reason}"
    else:
        head = f"{report.feed}: unchanged" + (f" ({report.reason})" if report.reason else "")
    lines = [head]
    for article in report.added:
        lines.append(f"  {article.id}  {article.title}")
        if article.method == "feed":
            lines.append(f"        the feed's own text: {article.note}")
    for article_id, url in report.already:
        lines.append(f"  {url or 'an item'} is {article_id}, already indexed (kept once)")
    lines += [f"  warning: {warning}" for warning in report.warnings]
    return lines


def poll_summary(reports: Sequence[Any]) -> str:
    if not reports:
        return "No feeds: `kabar feeds add URL` adds one."
    added = sum(len(r.added) for r in reports)
    parts = [f"{counted(added, 'article')} added"]
    for outcome in ("unchanged", "failed", "paused", "waiting"):
        n = sum(1 for r in reports if r.outcome == outcome)
        if n:
            parts.append(f"{n} {outcome}")
    return f"Polled {counted(len(reports), 'feed')}: " + ", ".join(parts) + "."


def failed(reports: Sequence[Any]) -> bool:
    return any(r.outcome in FAILED for r in reports)


def added_message(feed: Any, state: str, interval_minutes: float, *, chat: bool = False) -> str:
    outlet = f" ({feed.outlet})" if feed.outlet else ""
    first = {
        "added": f"Added the feed {feed.url}{outlet}; nothing is fetched until it is polled.",
        "resumed": f"Resumed the feed {feed.url}{outlet}: it is polled again from now on.",
        "already": f"{feed.url}{outlet} is already a feed kabar polls.",
    }[state]
    return f"{first} {schedule_note(interval_minutes, chat=chat)}"


def removed_message(feed: Any, ids: Sequence[str]) -> str:
    return (
        f"Removed the feed {feed.url}: it is no longer polled, and its {counted(len(ids), 'article')} left the index."
    )


def pause_notice(feed: Any) -> str:
    """What the digest channel is told once when a feed is paused."""
    return (
        f"kabar stopped polling the feed {feed.url}: it failed {counted(feed.failures, 'time')} in a row "
        f"(last: {feed.last_error}). {_resume(feed.url, True)}."
    )


def origin_lines(origin: Any) -> list[str]:
    """Where a feed article came from: its page (how it was read, when) and every other address."""
    p = origin.provenance
    how = "extracted from its page" if p.method == "page" else f"the feed's own text ({p.note})"
    dates = f"fetched {when(p.fetched_at)}" + (f", published {when(p.published)}" if p.published else "")
    lines = [f"from {p.url or 'a feed item without a link'}: {how}; {dates}"]
    others = []
    for sighting in origin.sightings:
        if sighting.url and sighting.url != p.url and sighting.url not in others:
            others.append(sighting.url)
    lines += [f"also at {url}" for url in others]
    return lines
