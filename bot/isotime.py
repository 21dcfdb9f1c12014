"""The one form kabar writes times in: ISO-8601 UTC with microseconds, comparable as text."""

from __future__ import annotations

import datetime as dt


def iso_utc(value: dt.datetime | str) -> str:
    """Normalise a datetime or ISO string to `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` (naive = UTC).

    A string that is not an ISO-8601 time raises ValueError (callers turn it into the error
    their user needs: a QueryError naming the option, a skipped row).
    """
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"not an ISO-8601 timestamp: {value!r}") from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
