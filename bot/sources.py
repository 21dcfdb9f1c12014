"""Which sources are checked when: the default source, the cheap check before a command, full checks, removal.

Public API:
    await refresh(db, default, *, full=False, progress=None, clock=None) -> IndexReport | None
    await remove_folder(db, directory, *, clock=None) -> tuple[Source, list[str]]
    await list_sources(db) -> list[Source]
    await list_skipped(db) -> list[Skipped]

What is noticed when:
- A database that has never had a source gets `default` (KABAR_SEEDS_DIR) as its first
  source on first use, and its articles from before sources existed are adopted by it.
  It is never added again behind the user's back, not even after it was removed.
- Before a command answers (`refresh(full=False)`), each folder source is stat-ed once:
  when its change token (device, inode, modification time) differs from the one recorded
  at its last check, or none was recorded, that folder alone is listed again (a light
  check: a file still under its name with its inode is not looked at). A file added,
  removed, renamed or replaced atomically changes the token and is found; a file
  rewritten in place does not, and is noticed by the next full check: `kabar index` and
  the bot's periodic re-index (`refresh(full=True)`) stat every file and read those whose
  size or times changed (`kabar index --reread` reads them all).
- A source that is missing, unreadable or empty keeps its articles; each command looks
  at it again and warns until it is back or removed with `kabar sources remove`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bot.corpus.folder import folder_stamp, scan_folder
from bot.errors import CorpusError, QueryError
from bot.indexing import FOLDER, Clock, Progress, add_source, check_folder, find_folder, folder_location, stamp_holds
from bot.models import IndexReport, Skipped, Source
from bot.store.boilerplate import BoilerplateStore
from bot.store.db import Database, iso_utc, utc_now
from bot.store.sources import SourceStore

PROBLEMS = ("missing", "unreadable", "empty")


def merge(reports: Iterable[IndexReport], seconds: float) -> IndexReport:
    """One report for several sources."""
    reports = list(reports)
    return IndexReport(
        added=tuple(a for r in reports for a in r.added),
        updated=tuple(a for r in reports for a in r.updated),
        removed=tuple(a for r in reports for a in r.removed),
        unchanged=sum(r.unchanged for r in reports),
        warnings=tuple(w for r in reports for w in r.warnings),
        seconds=seconds,
        skipped=tuple(s for r in reports for s in r.skipped),
        sources=tuple(s for r in reports for s in r.sources),
        kept=tuple(k for r in reports for k in r.kept),
        newly_skipped=tuple(s for r in reports for s in r.newly_skipped),
    )


async def refresh(
    db: Database,
    default: Path,
    *,
    full: bool = False,
    progress: Progress | None = None,
    clock: Clock | None = None,
    reread: bool = False,
) -> IndexReport | None:
    """Bring the index up to date with its folder sources (see the module docstring).

    Returns what changed, or None when `full` is False and nothing needed a look. `reread`
    reads every file again instead of trusting an unchanged stat.
    """
    started = time.perf_counter()
    sources = SourceStore(db)
    if not await sources.ever_had_sources():
        return await _first_source(db, sources, default, progress=progress, clock=clock, started=started)
    reports: list[IndexReport] = []
    for source, stamp in await sources.stamps(FOLDER):
        # a source with a problem is looked at every time (cheap: it is gone, unlisted or empty),
        # so it recovers as soon as it is back
        if (
            full
            or source.state in PROBLEMS
            or not stamp_holds(stamp, await asyncio.to_thread(folder_stamp, source.location), time.time_ns())
        ):
            light = not full and source.state not in PROBLEMS  # a command's check: listing changes only
            reports.append(await check_folder(db, source, progress=progress, clock=clock, reread=reread, light=light))
    if not reports and not full:
        return None
    return merge(reports, time.perf_counter() - started)


async def _first_source(
    db: Database, sources: SourceStore, default: Path, *, progress: Progress | None, clock: Clock | None, started: float
) -> IndexReport:
    location = folder_location(default)
    scan = await asyncio.to_thread(scan_folder, location)
    if scan.state in ("missing", "unreadable"):
        raise CorpusError(
            f"The article folder {location} does not exist or is not a readable folder.",
            hint="set KABAR_SEEDS_DIR, or add a folder with `kabar index DIR`",
        )
    source = await add_source(sources, location, iso_utc(clock()) if clock else utc_now())
    report = await check_folder(db, source, scan=scan, progress=progress, clock=clock)
    return dataclasses.replace(report, seconds=time.perf_counter() - started)


async def remove_folder(
    db: Database, directory: str | os.PathLike[str], *, clock: Callable[[], object] | None = None
) -> tuple[Source, list[str]]:
    """Stop indexing a folder on purpose: its articles leave the index (the files are not touched)."""
    sources = SourceStore(db)
    source = await find_folder(sources, folder_location(directory))
    if source is None:
        if str(directory).lower().startswith(("http:", "https:")):
            raise QueryError("A feed is not a folder source.", hint="`kabar feeds remove URL` stops a feed")
        raise QueryError(f"{directory} is not a source.", hint="`kabar sources list` shows the sources")
    now = iso_utc(clock()) if clock else utc_now()  # type: ignore[arg-type]
    removed = await sources.remove(source.id, now)
    if removed:
        await BoilerplateStore(db).refresh()  # what recurred in them may no longer recur
    return source, removed


async def list_sources(db: Database) -> list[Source]:
    return await SourceStore(db).active()


async def list_skipped(db: Database) -> list[Skipped]:
    return await SourceStore(db).skipped()
