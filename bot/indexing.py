"""Checking one folder source fully and bringing the store in line with it (incremental indexing).

Public API:
    await index_folder(db, directory, **options) -> IndexReport   # adds the source if new, then check_folder
    await check_folder(db, source, *, scan=None, progress=None, clock=None, reread=False) -> IndexReport
    folder_location(directory) -> str        # the absolute path a folder source is recorded under

The folder is listed by `bot.corpus.folder.scan_folder`. A folder that is missing,
unreadable or holds no `*.txt` name at all (a failed mount looks the same) changes
nothing: its articles are kept and the report carries a warning saying how to drop them
on purpose (`kabar sources remove`). Otherwise the folder is the truth: an article of
this source whose file name is gone is removed; every other entry is read ONCE
(`read_entry`, never outside the folder), hashed and, when new or changed, parsed from
those same bytes off the event loop (in a thread, or over processes for a big first
index, a chunk at a time, the next chunk parsing while the previous one is written) and
stored a chunk per transaction. A run that at least doubles the store (BULK_MIN_FILES or
more new articles) leaves the full-text index alone while it writes and builds it in one
pass at the end. A killed run leaves every finished chunk stored and a usable database;
the next run picks up what is missing and builds a full-text index left pending (the
source's change token is cleared while a check runs, so the next command checks again).

Every entry that is not indexed is a `Skipped` with its reason: what the listing refused
(see bot.corpus.folder), an id already held by another source's article, a file that
cannot be read or parsed (a changed file that fails keeps its previously indexed
version), or one the store rejects. They are reported, kept with the source (`kabar
articles --skipped`) and never stop the run.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import dataclasses
import datetime as dt
import hashlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from typing import Any

from bot.corpus.folder import Entry, FolderScan, display_name, folder_stamp, read_entry, scan_folder
from bot.corpus.reader import article_from_bytes, parse_key
from bot.errors import CorpusError, KabarError, StoreConflict
from bot.models import Article, IndexReport, Skipped, Source
from bot.store.articles import ArticleStore, Rows
from bot.store.boilerplate import BoilerplateStore
from bot.store.db import Database, iso_utc, utc_now
from bot.store.sources import SourceStore

log = logging.getLogger(__name__)

CHUNK_SIZE = 250
#: a run that adds at least this many articles, and at least as many as the store holds, stores
#: them without maintaining the full-text index and builds it in one pass at the end
BULK_MIN_FILES = 1000
#: a run parses in several processes only when it has at least this many files to parse
PARALLEL_MIN_FILES = 1000
MAX_PARSE_WORKERS = 4
#: a folder modified this close to its listing may change again within its timestamp's
#: granularity: its change token is trusted only after one more full check this much later
RACY_NS = 2_000_000_000
FOLDER = "folder"
KEPT = "; the previously indexed version is kept"

Reader = Callable[[bytes, str, str], Article]  # (data, file name, path) -> Article
KeyParser = Callable[[str], "tuple[str, str]"]
Progress = Callable[[int, int], None]
Clock = Callable[[], dt.datetime]


@dataclasses.dataclass
class _Chunk:
    rows: Rows  # only rows cross back from a parse worker: pickling the Articles cost as much again
    unchanged: int = 0
    restat: list[tuple[str | None, str]] = dataclasses.field(default_factory=list)  # (file stat, key) read again, same
    skipped: list[Skipped] = dataclasses.field(default_factory=list)
    warnings: list[str] = dataclasses.field(default_factory=list)


def file_hash(data: bytes) -> str:
    """The content hash the store keeps for a file: sha256 of its bytes, hex."""
    return hashlib.sha256(data).hexdigest()


def folder_location(directory: str | os.PathLike[str]) -> str:
    """The absolute path (user folder expanded, links kept) a folder source is recorded under;
    CorpusError when it is not UTF-8 (the store keeps text)."""
    location = os.path.abspath(os.path.expanduser(os.fspath(directory)))
    if display_name(location) != location:
        raise CorpusError(
            f"The folder {display_name(location)} has a path that is not UTF-8; kabar cannot record it.",
            hint="rename the folder (or one above it) with UTF-8 characters",
        )
    return location


def _reason(message: str, name: str) -> str:
    """ "NAME is empty" -> "it is empty": the skipped line names the file once."""
    if message.startswith(name):
        message = "it" + message[len(name) :]
    return message.removeprefix(": ").rstrip(".")


def _process(
    folder_real: str,
    files: Sequence[Entry],
    known: dict[str, str],
    reader: Reader,
    indexed_at: str,
    source: int | None,
    settled_ns: int,
) -> _Chunk:
    """Read every file once; hash it; parse the new and changed ones from the same bytes; build their rows."""
    chunk = _Chunk(rows=Rows((), indexed_at, source))
    for file in files:
        kept = KEPT if file.key in known else ""
        try:
            data = read_entry(folder_real, file)
            digest = file_hash(data)
            if known.get(file.key) == digest:
                chunk.unchanged += 1
                chunk.restat.append((settled_stat(file.stat, settled_ns), file.key))
                continue
            article = reader(data, file.name, file.path)
        except KabarError as exc:
            reason = _reason(exc.user_message, file.name)
            chunk.skipped.append(Skipped(name=file.name, reason=reason + kept, id=file.id))
            continue
        except Exception as exc:  # a file must never stop the run
            log.info("parsing %s failed", file.path, exc_info=True)  # the report says it in one line
            reason = f"it cannot be parsed ({type(exc).__name__}: {exc})"
            chunk.skipped.append(Skipped(name=file.name, reason=reason + kept, id=file.id))
            continue
        if (article.content_hash, article.id, article.key, article.path) != (digest, file.id, file.key, file.path):
            article = dataclasses.replace(article, content_hash=digest, id=file.id, key=file.key, path=file.path)
        chunk.warnings.extend(f"{file.name}: {warning}" for warning in article.warnings)
        chunk.rows.add(article, settled_stat(file.stat, settled_ns))
    return chunk


async def _store(store: ArticleStore, chunk: _Chunk, search_index: bool = True) -> list[tuple[str, str]]:
    """Store a chunk in one transaction; if the store rejects it, store its articles one by one."""
    try:
        await store.put_many(chunk.rows, chunk.rows.indexed_at, search_index=search_index)
        return list(zip(chunk.rows.ids, chunk.rows.keys))
    except StoreConflict:
        log.info("a chunk was rejected; storing its articles one by one", exc_info=True)
    stored = []
    for one in chunk.rows.each():
        try:
            await store.put_many(one, one.indexed_at, search_index=search_index)
        except StoreConflict as exc:
            name = os.path.basename(one.articles[0][2]) or one.keys[0]
            chunk.skipped.append(Skipped(name=name, reason=f"it cannot be stored ({exc.detail})", id=one.ids[0]))
        else:
            stored.append((one.ids[0], one.keys[0]))
    return stored


def _parse_workers(to_parse: int, default_reader: bool) -> int:
    """Processes to parse with: all cores for a large folder read by the standard reader.

    Parsing is pure Python, so threads share one core; a big first index is split over
    processes. Small runs (and custom readers, which may not cross a process boundary)
    stay in one thread: starting processes costs more than it saves.
    """
    if not default_reader or to_parse < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(MAX_PARSE_WORKERS, os.cpu_count() or 1))


def _process_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    # "spawn" starts clean interpreters: forking a process that runs an event loop and
    # SQLite threads is not safe
    return concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def settled_stat(stat: str, settled_ns: int) -> str | None:
    """A file's stat to record, or None when the file changed after `settled_ns` (RACY_NS before
    the listing): it could change again within its timestamps' granularity, so it is read next time."""
    if not stat:
        return None
    *_, mtime_ns, ctime_ns = stat.split(":")
    return stat if max(int(mtime_ns), int(ctime_ns)) < settled_ns else None


def recorded_stamp(stamp: str | None, scanned_at_ns: int) -> str | None:
    """The change token to record after a full check that listed the folder at `scanned_at_ns`.

    A folder modified within RACY_NS of the listing may change again inside its timestamp's
    granularity without its token changing: such a token carries "@<time>", after which one
    more full check is due (then the token can be trusted).
    """
    if stamp is None:
        return None
    mtime_ns = int(stamp.rsplit(":", 1)[1])
    return f"{stamp}@{scanned_at_ns + RACY_NS}" if mtime_ns >= scanned_at_ns - RACY_NS else stamp


def stamp_holds(recorded: str | None, current: str | None, now_ns: int) -> bool:
    """True when a folder whose token is now `current` needs no full check (see recorded_stamp)."""
    if recorded is None or current is None:
        return False
    base, _, recheck_at = recorded.partition("@")
    return base == current and not (recheck_at and now_ns >= int(recheck_at))


def kept_warning(location: str, detail: str | None, articles: int) -> str:
    """The warning for a source that is missing, unreadable or empty: nothing is removed."""
    return (
        f"the source {location} {detail or 'cannot be used'}: its {articles} indexed articles are kept "
        f"(`kabar sources remove {location}` drops them)"
    )


async def index_folder(db: Database, directory: str | os.PathLike[str], **options: Any) -> IndexReport:
    """Make `directory` a source if it is not one yet (it must be a readable folder), then check it
    fully; `options` are check_folder's (progress, clock, chunk_size, reader, key_of)."""
    location = folder_location(directory)
    sources = SourceStore(db)
    source = await find_folder(sources, location)
    if source is None:
        scan = await asyncio.to_thread(scan_folder, location, options.get("key_of"))
        if scan.state in ("missing", "unreadable"):
            raise CorpusError(
                f"The article folder {location} does not exist or is not a readable folder.",
                hint="give the folder that holds the NNN_<hash>.txt articles",
            )
        clock = options.get("clock")
        source = await add_source(sources, location, iso_utc(clock()) if clock else utc_now())
        options["scan"] = scan
    return await check_folder(db, source, **options)


async def find_folder(sources: SourceStore, location: str) -> Source | None:
    """The active folder source at `location`, or the same folder under another path (a link, `..`)."""
    active = await sources.active(FOLDER)
    found = next((s for s in active if s.location == location), None)
    if found is None:
        real = os.path.realpath(location)
        found = next((s for s in active if os.path.realpath(s.location) == real), None)
    return found


async def add_source(sources: SourceStore, location: str, now: str) -> Source:
    """Record a folder source; the first source a database ever gets adopts articles stored before sources existed."""
    first = not await sources.ever_had_sources()
    source = await sources.add(FOLDER, location, now)
    if first and await sources.adopt_orphans(source.id):
        source = await sources.find(FOLDER, location) or source
    return source


async def check_folder(
    db: Database,
    source: Source,
    *,
    scan: FolderScan | None = None,
    progress: Progress | None = None,
    clock: Clock | None = None,
    chunk_size: int = CHUNK_SIZE,
    reader: Reader | None = None,
    key_of: KeyParser | None = None,
    reread: bool = False,
    light: bool = False,
) -> IndexReport:
    """Check one folder source and bring the store in line with it; say what changed.

    A file whose stat is the one recorded when it was stored is not read again, unless
    `reread` (`kabar index --reread`) asks for every file to be read and hashed. A `light`
    check (what a command runs when the folder's listing changed) does not even stat a
    file still under its name with its inode: it finds files added, removed, renamed or
    replaced, not files rewritten in place.
    """
    started = time.perf_counter()
    sources = SourceStore(db)
    indexed_at = iso_utc(clock()) if clock else utc_now()
    reader = reader or article_from_bytes
    scanned_at = time.time_ns()
    await sources.forget_stamp(source.id)  # until this check completes, every command checks again
    claims = await sources.claims()
    if scan is None:
        vouched = _vouched(claims, source) if light and not reread else None
        scan = await asyncio.to_thread(scan_folder, source.location, key_of, vouched)
    mine = {aid: key for aid, (key, owner, _, _) in claims.items() if owner == source.id}
    if scan.state != "ok" and (mine or scan.state != "empty"):
        await sources.checked(source.id, now=indexed_at, state=scan.state, detail=scan.detail, stamp=scan.stamp)
        warning = kept_warning(source.location, scan.detail, len(mine))
        return IndexReport(
            warnings=(warning,), kept=(warning,), sources=(source.location,), seconds=time.perf_counter() - started
        )

    known = {key: digest for aid, (key, owner, digest, _) in claims.items() if owner == source.id}
    stats = {key: stat for aid, (key, owner, _, stat) in claims.items() if owner == source.id and stat}
    skipped = [
        dataclasses.replace(
            s, source=source.location, reason=s.reason + (KEPT if _key(s.name, key_of) in known else "")
        )
        for s in scan.skipped
    ]
    files: list[Entry] = []
    for entry in scan.entries:
        owner = claims.get(entry.id)
        if owner is not None and owner[1] != source.id:
            reason = f"id {entry.id} is already used by {owner[0]}.txt from another source"
            skipped.append(Skipped(name=entry.name, reason=reason, id=entry.id, source=source.location))
        else:
            files.append(entry)
    present = {entry.key for entry in files} | {_key(s.name, key_of) for s in scan.skipped}
    present |= {name[:-4] for name in scan.same}
    gone = [key for key in known if key not in present]
    await ArticleStore(db).delete_many(gone)
    coming = {f.id for f in files}
    removed = [aid for aid, key in mine.items() if key in gone and aid not in coming]

    added: list[str] = []
    updated: list[str] = []
    warnings: list[str] = []
    total = len(files)
    if not reread:  # a file whose stat is as recorded has not been written since: not read again
        files = [f for f in files if stats.get(f.key) != f.stat]
    unchanged = done = total - len(files) + len(scan.same)
    total += len(scan.same)
    if progress:
        progress(done, total)
    settled_ns = scanned_at - RACY_NS
    chunks = [files[i : i + chunk_size] for i in range(0, len(files), max(1, chunk_size))]
    new_files = sum(1 for f in files if f.key not in known)
    workers = _parse_workers(new_files, reader is article_from_bytes)
    executor = _process_pool(workers) if workers > 1 else None
    window = workers + 1 if executor else 1
    in_flight: collections.deque[asyncio.Future[_Chunk]] = collections.deque()
    store = ArticleStore(db)
    bulk = new_files >= BULK_MIN_FILES and new_files >= await store.count()
    if bulk:  # at least doubles the corpus: the full-text index is built once, at the end
        await store.begin_bulk()
    else:
        await store.finish_bulk()  # a bulk index killed half-way left it to build

    def submit(number: int) -> None:
        part = chunks[number]
        seen_before = {f.key: known[f.key] for f in part if f.key in known}
        args = (scan.real, part, seen_before, reader, indexed_at, source.id, settled_ns)
        if executor is not None:
            future = asyncio.get_running_loop().run_in_executor(executor, _process, *args)
        else:
            future = asyncio.ensure_future(asyncio.to_thread(_process, *args))
        in_flight.append(future)

    try:
        next_chunk = 0
        for files_in_chunk in chunks:
            while next_chunk < len(chunks) and len(in_flight) < window:
                submit(next_chunk)
                next_chunk += 1
            result = await in_flight.popleft()
            if next_chunk < len(chunks):  # keep parsing while this chunk is written
                submit(next_chunk)
                next_chunk += 1
            for aid, key in await _store(store, result, search_index=not bulk):
                (updated if key in known or aid in mine else added).append(aid)
            unchanged += result.unchanged
            await sources.restat(result.restat)
            skipped += [dataclasses.replace(s, source=source.location) for s in result.skipped]
            warnings += result.warnings
            done += len(files_in_chunk)
            if progress:
                progress(done, total)
    finally:
        for future in in_flight:
            future.cancel()
        for future in in_flight:
            with contextlib.suppress(BaseException):  # the run is already failing; its error is the one to report
                await future
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
    if bulk:
        await store.finish_bulk()
    skipped.sort(key=lambda s: s.name)
    before = {(s.name, s.reason) for s in await sources.skipped(source.id)}
    await sources.checked(
        source.id, now=indexed_at, state="ok", stamp=recorded_stamp(scan.stamp, scanned_at), skipped=skipped
    )
    await BoilerplateStore(db).refresh(changed=bool(added or updated or removed))
    return IndexReport(
        added=tuple(added),
        updated=tuple(updated),
        removed=tuple(sorted(removed, key=lambda i: (len(i), i))),
        unchanged=unchanged,
        warnings=tuple([s.line for s in skipped] + warnings),
        seconds=time.perf_counter() - started,
        skipped=tuple(skipped),
        sources=(source.location,),
        newly_skipped=tuple(s for s in skipped if (s.name, s.reason) not in before),
    )


def _vouched(claims: dict[str, tuple[str, int | None, str, str | None]], source: Source) -> dict[str, tuple[int, str]]:
    """name -> (inode, id) of the source's files recorded with a trusted stat on the folder's device."""
    stamp = folder_stamp(source.location)
    if stamp is None:
        return {}
    device = stamp.split(":", 1)[0]
    vouched = {}
    for aid, (key, owner, _, stat) in claims.items():
        if owner == source.id and stat:
            dev, ino, _rest = stat.split(":", 2)
            if dev == device:
                vouched[f"{key}.txt"] = (int(ino), aid)
    return vouched


def _key(name: str, key_of: KeyParser | None) -> str | None:
    """The key a skipped file's name gives its article (its article is then kept), if any."""
    try:
        return (key_of or parse_key)(name)[1]
    except (KabarError, ValueError):
        return None
