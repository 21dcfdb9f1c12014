"""Terminal command `kabar digest`: what the daily digest would post, shown here."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import typer

from bot.cli.common import emit_json, on_index, start


def register(app: typer.Typer) -> None:
    """Add `digest`."""
    app.command("digest")(digest)


def digest(
    since: str | None = typer.Option(
        None, "--since", help="Only articles indexed after this ISO time (default: everything indexed)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Preview the daily digest: indexed articles grouped into stories with cited summaries."""
    from bot.errors import QueryError
    from bot.isotime import iso_utc
    from bot.present.text import render_digest
    from bot.stories import compose_digest

    cfg, out, _ = start()
    if since is not None:
        try:
            since = iso_utc(since)
        except ValueError:
            from bot.cli.common import fail

            fail(
                QueryError(
                    f"--since {since!r} is not an ISO date or time, e.g. 2026-11-23 or 2026-11-23T07:00:00+07:00."
                )
            )
    today = dt.datetime.now(ZoneInfo(cfg.digest_tz)).date().isoformat()

    result = on_index(cfg, lambda kabar: compose_digest(kabar, since=since, local_date=today))
    if as_json:
        emit_json(result)
    else:
        out.print(render_digest(result), end="", markup=False)
