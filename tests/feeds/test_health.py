"""Feed health: back-off that doubles, Retry-After honoured, a pause after too many failures."""

from __future__ import annotations

import datetime as dt

from bot.errors import FeedUnusable, FetchError
from bot.feeds.health import MAX_BACK_OFF, FeedHealth, after_failure, after_success, due, iso_utc

NOW = dt.datetime(2025, 3, 11, 8, 0, tzinfo=dt.UTC)
INTERVAL = dt.timedelta(minutes=15)


def fail(health: FeedHealth, error: Exception | None = None, max_failures: int = 10) -> FeedHealth:
    error = error or FetchError("x", reason="server error (HTTP 500)", status=500)
    return after_failure(health, error, NOW, INTERVAL, max_failures)  # type: ignore[arg-type]


def test_back_off_doubles_up_to_the_cap() -> None:
    health = FeedHealth()
    waits = []
    for _ in range(8):
        health = fail(health)
        waits.append(dt.datetime.fromisoformat(health.next_attempt.replace("Z", "+00:00")) - NOW)  # type: ignore[union-attr]
    assert waits[:4] == [INTERVAL, 2 * INTERVAL, 4 * INTERVAL, 8 * INTERVAL]
    assert max(waits) == MAX_BACK_OFF
    assert health.failures == 8 and health.last_error == "server error (HTTP 500)" and not health.paused


def test_retry_after_is_never_cut_short() -> None:
    health = fail(FeedHealth(), FetchError("x", reason="rate limited", status=429, retry_after=7200))
    assert health.retry_at == iso_utc(NOW + dt.timedelta(hours=2))
    assert health.next_attempt == health.retry_at
    assert due(health, NOW + dt.timedelta(hours=1), forced=True) == (
        False,
        f"the server asked to wait until {health.retry_at}",
    )
    assert due(health, NOW + dt.timedelta(hours=2, seconds=1), forced=True) == (True, None)


def test_a_forced_poll_ignores_back_off_but_not_a_pause() -> None:
    health = fail(FeedHealth())
    soon = NOW + dt.timedelta(minutes=1)
    assert due(health, soon)[0] is False and "backing off" in (due(health, soon)[1] or "")
    assert due(health, soon, forced=True) == (True, None)
    for _ in range(2):
        health = fail(health, max_failures=3)
    assert health.paused and health.failures == 3
    ok, why = due(health, NOW + dt.timedelta(days=30), forced=True)
    assert not ok and why == "paused after 3 failures in a row (last: server error (HTTP 500))"


def test_unusable_feeds_count_as_failures_with_their_message() -> None:
    health = fail(FeedHealth(), FeedUnusable("http://x/ is an HTML page, not a feed"))
    assert health.failures == 1 and health.last_error == "http://x/ is an HTML page, not a feed"


def test_success_resets() -> None:
    assert after_success(fail(fail(FeedHealth()))) == FeedHealth()
    assert due(FeedHealth(), NOW) == (True, None)
