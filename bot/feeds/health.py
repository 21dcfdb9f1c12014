"""A feed's health: consecutive failures, back-off before the next try, and pausing after too many.

Public API:
    FeedHealth(failures, last_error, next_attempt, retry_at, paused)   # times are ISO-8601 UTC
    after_success(health) -> FeedHealth
    after_failure(health, error, now, interval, max_failures) -> FeedHealth
    due(health, now, *, forced=False) -> tuple[bool, str | None]       # (poll it?, why not)
    iso_utc(moment) -> str                                             # 2025-03-11T08:00:00Z

Back-off doubles the wait after each failure in a row (one interval, then 2, 4 ...), up to
`MAX_BACK_OFF`, and never ends before a server's Retry-After. After `max_failures` failures
in a row the feed is paused: it is not polled again until an operator adds it again. A
forced poll (`kabar feeds poll`) ignores the back-off but still honours Retry-After and a
pause: a server that asked for quiet gets it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.errors import FeedError, FetchError

#: the longest wait between two tries of a failing feed
MAX_BACK_OFF = dt.timedelta(hours=6)


@dataclasses.dataclass(frozen=True)
class FeedHealth:
    failures: int = 0
    last_error: str | None = None
    next_attempt: str | None = None
    retry_at: str | None = None
    paused: bool = False


def iso_utc(moment: dt.datetime) -> str:
    """A moment as ISO-8601 UTC to the second, the form feed times are kept in."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def after_success(health: FeedHealth) -> FeedHealth:
    """A poll that worked (200 or 304): the failure count starts again."""
    return FeedHealth()


def after_failure(
    health: FeedHealth, error: FeedError, now: dt.datetime, interval: dt.timedelta, max_failures: int
) -> FeedHealth:
    """One more failure in a row: back off, or pause the feed when there have been too many."""
    failures = health.failures + 1
    reason = error.reason if isinstance(error, FetchError) else error.user_message
    wait = min(interval * (2 ** (failures - 1)), MAX_BACK_OFF)
    retry_at = None
    if isinstance(error, FetchError) and error.retry_after:
        asked = dt.timedelta(seconds=error.retry_after)
        retry_at = iso_utc(now + asked)
        wait = max(wait, asked)
    return FeedHealth(
        failures=failures,
        last_error=reason,
        next_attempt=iso_utc(now + wait),
        retry_at=retry_at,
        paused=failures >= max_failures,
    )


def due(health: FeedHealth, now: dt.datetime, *, forced: bool = False) -> tuple[bool, str | None]:
    """Whether to poll the feed now; when not, a short reason to show."""
    if health.paused:
        return False, f"paused after {health.failures} failures in a row (last: {health.last_error})"
    retry_at = _parse(health.retry_at)
    if retry_at and retry_at > now:
        return False, f"the server asked to wait until {health.retry_at}"
    next_attempt = _parse(health.next_attempt)
    if not forced and next_attempt and next_attempt > now:
        return False, f"backing off after {health.failures} failure(s) until {health.next_attempt}"
    return True, None
