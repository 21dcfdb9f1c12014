"""Terminal commands over news feeds: `feeds add URL`, `feeds list`, `feeds remove URL`, `feeds poll`."""

from __future__ import annotations

import typer

from bot.cli.common import emit_json, on_index, start, sub_app
from bot.present.feeds import (
    added_message,
    failed,
    feed_line,
    poll_summary,
    removed_message,
    report_lines,
    schedule_note,
)

feeds_app = sub_app("feeds", "News feeds (RSS/Atom) kabar polls for new articles: add, list, remove, poll.")

URL_HELP = "The feed's address (http:// or https://)."


def register(app: typer.Typer) -> None:
    """Add `feeds` (add, list, remove, poll)."""
    app.add_typer(feeds_app, name="feeds")


@feeds_app.callback()
def _feeds(ctx: typer.Context) -> None:
    """News feeds kabar polls: `kabar feeds` alone lists them."""
    if ctx.invoked_subcommand is None:
        list_feeds(as_json=False)


@feeds_app.command("add")
def add_feed(
    url: str = typer.Argument(..., metavar="URL", help=URL_HELP),
    outlet: str | None = typer.Option(None, "--outlet", metavar="NAME", help="The outlet its articles come from."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Add a feed (nothing is fetched until it is polled); adding a paused feed again resumes it."""
    cfg, out, _ = start()
    feed, state = on_index(cfg, lambda kabar: kabar.feeds.add(url, outlet), index=False)
    if as_json:
        emit_json({"feed": feed.url, "outlet": feed.outlet, "state": state, "interval_minutes": cfg.feed_interval})
        return
    out.print(added_message(feed, state, cfg.feed_interval))


@feeds_app.command("list")
def list_feeds(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Show every feed: its articles, its last poll and whether it is failing or paused."""
    cfg, out, _ = start()
    found = on_index(cfg, lambda kabar: kabar.feeds.feeds(), index=False)
    if as_json:
        emit_json(found)
        return
    if not found:
        out.print("No feeds: `kabar feeds add URL [--outlet NAME]` adds one.")
        return
    for feed in found:
        out.print(feed_line(feed))
    out.print(schedule_note(cfg.feed_interval))


@feeds_app.command("remove")
def remove_feed(
    url: str = typer.Argument(..., metavar="URL", help=URL_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Stop polling a feed: its articles leave the index (those another feed also carries stay)."""
    cfg, out, _ = start()
    feed, removed = on_index(cfg, lambda kabar: kabar.feeds.remove(url), index=False)
    if as_json:
        emit_json({"feed": feed.url, "removed": removed})
        return
    out.print(removed_message(feed, removed))


@feeds_app.command("poll")
def poll_feeds(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Poll every feed now and say, per feed, what is new, unchanged or failed (exit code 1 if any failed)."""
    cfg, out, _ = start()
    reports = on_index(cfg, lambda kabar: kabar.feeds.poll(forced=True))
    if as_json:
        emit_json(reports)
    else:
        for report in reports:
            for line in report_lines(report):
                out.print(line)
        out.print(poll_summary(reports))
    if failed(reports):
        raise typer.Exit(1)
