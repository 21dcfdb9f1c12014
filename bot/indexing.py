"""Incremental indexing of an article folder into the store (the `kabar index` use case).

Public API:
    await index_folder(db, directory, *, progress=None, clock=None) -> IndexReport

Files named `NNN_<hash>.txt` are compared with the store by the sha256 of their bytes:
unchanged files are not parsed, new and changed ones are parsed off the event loop (in a
thread, a chunk at a time, the next chunk parsing while the previous one is written) and
stored a chunk per transaction, and articles whose file is gone are removed. A run that is
killed half-way leaves every finished chunk stored and a usable database; the next run
picks up what is missing. A file that cannot be read or parsed becomes a warning in the
report (a changed file that fails keeps its previously indexed version) and never stops
the run. Ids are unique: when two files share an id, the first by name wins.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import dataclasses
import datetime as dt
import hashlib
import logging
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.corpus.reader import ARTICLE_GLOB, parse_key, read_article
from bot.errors import CorpusError, KabarError
from bot.models import Article, IndexReport
from bot.store.articles import ArticleStore, Rows
from bot.store.boilerplate import BoilerplateStore
from bot.store.db import Database, iso_utc, utc_now

log = logging.getLogger(__name__)

CHUNK_SIZE = 250
#: a run parses in several processes only when it has at least this many files to parse
PARALLEL_MIN_FILES = 1000
MAX_PARSE_WORKERS = 4

Reader = Callable[[Path], Article]
KeyParser = Callable[[str], "tuple[str, str]"]
Progress = Callable[[int, int], None]


@dataclasses.dataclass(frozen=True)
class _File:
    path: Path
    id: str
    key: str


@dataclasses.dataclass
class _Chunk:
    rows: Rows
    articles: list[Article] = dataclasses.field(default_factory=list)
    unchanged: int = 0
    warnings: list[str] = dataclasses.field(default_factory=list)


def file_hash(data: bytes) -> str:
    """The content hash the store keeps for a file: sha256 of its bytes, hex."""
    return hashlib.sha256(data).hexdigest()


def _scan(directory: Path, key_of: KeyParser) -> tuple[list[_File], list[str]]:
    files: list[_File] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob(ARTICLE_GLOB)):
        if not path.is_file():
            continue
        try:
            aid, key = key_of(path.name)
        except (KabarError, ValueError):
            warnings.append(f"{path.name}: skipped, the name is not NNN_<hash>.txt")
            continue
        if aid in seen:
            warnings.append(f"{path.name}: skipped, id {aid} is already used by {seen[aid]}.txt")
            continue
        seen[aid] = key
        files.append(_File(path, aid, key))
    return files, warnings


def _process(files: Sequence[_File], known: dict[str, str], reader: Reader, indexed_at: str) -> _Chunk:
    """Hash every file; parse the new and changed ones; build their insert rows."""
    chunk = _Chunk(rows=Rows((), indexed_at))
    for file in files:
        try:
            data = file.path.read_bytes()
        except OSError as exc:
            kept = "; the previously indexed version is kept" if file.key in known else ""
            chunk.warnings.append(f"{file.path.name}: cannot be read ({exc.strerror or exc}){kept}")
            continue
        digest = file_hash(data)
        if known.get(file.key) == digest:
            chunk.unchanged += 1
            continue
        kept = "; the previously indexed version is kept" if file.key in known else ""
        try:
            article = reader(file.path)
        except KabarError as exc:
            message = exc.user_message if file.path.name in exc.user_message else f"{file.path.name}: {exc.user_message}"
            chunk.warnings.append(f"{message}{kept}")
            continue
        except Exception as exc:  # a file must never stop the run
            log.warning("parsing %s failed", file.path, exc_info=True)
            chunk.warnings.append(f"{file.path.name}: cannot be parsed ({type(exc).__name__}: {exc}){kept}")
            continue
        if (article.content_hash, article.id, article.key) != (digest, file.id, file.key):
            article = dataclasses.replace(article, content_hash=digest, id=file.id, key=file.key)
        if not article.path:
            article = dataclasses.replace(article, path=str(file.path))
        chunk.warnings.extend(f"{file.path.name}: {warning}" for warning in article.warnings)
        chunk.rows.add(article)
        chunk.articles.append(article)
    return chunk


async def _store(store: ArticleStore, chunk: _Chunk, indexed_at: str) -> list[tuple[str, str]]:
    """Store a chunk in one transaction; if the store rejects it, store its articles one by one."""
    try:
        await store.put_many(chunk.rows, indexed_at)
        return list(zip(chunk.rows.ids, chunk.rows.keys))
    except sqlite3.IntegrityError:
        log.warning("a chunk was rejected; storing its articles one by one", exc_info=True)
    stored = []
    for article in chunk.articles:
        try:
            await store.put(article, indexed_at)
        except sqlite3.IntegrityError as exc:
            chunk.warnings.append(f"{Path(article.path).name or article.key}: cannot be stored ({exc})")
        else:
            stored.append((article.id, article.key))
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


async def index_folder(
    db: Database,
    directory: str | Path,
    *,
    progress: Progress | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    chunk_size: int = CHUNK_SIZE,
    reader: Reader | None = None,
    key_of: KeyParser | None = None,
) -> IndexReport:
    """Bring the store in line with the articles in `directory` and say what changed.

    `progress(done, total)` is called as files are checked (total = article files found).
    `clock()` gives the run's time (aware or UTC datetime; default now) stored as
    `indexed_at` for every article this run adds or replaces. `reader`/`key_of` default
    to `bot.corpus.reader.read_article`/`parse_key`.
    """
    started = time.perf_counter()
    folder = Path(directory).expanduser()
    if not folder.is_dir():
        raise CorpusError(
            f"The article folder {folder} does not exist or is not a folder.", hint="set KABAR_SEEDS_DIR"
        )
    reader = reader or read_article
    key_of = key_of or parse_key
    indexed_at = iso_utc(clock()) if clock else utc_now()
    store = ArticleStore(db)
    known = await store.hashes()
    known_ids = await store.ids()
    known_key_ids = {key: aid for aid, key in known_ids.items()}

    files, warnings = await asyncio.to_thread(_scan, folder, key_of)
    total = len(files)
    present = {f.key for f in files}
    gone = [key for key in known if key not in present]
    await store.delete_many(gone)
    coming_ids = {f.id for f in files}
    removed = [known_key_ids[key] for key in gone if known_key_ids[key] not in coming_ids]

    added: list[str] = []
    updated: list[str] = []
    unchanged = 0
    done = 0
    if progress:
        progress(0, total)
    chunks = [files[i:i + chunk_size] for i in range(0, len(files), max(1, chunk_size))]
    workers = _parse_workers(len(files) - sum(1 for f in files if f.key in known), reader is read_article)
    executor = _process_pool(workers) if workers > 1 else None
    window = workers + 1 if executor else 1
    in_flight: collections.deque[asyncio.Future[_Chunk]] = collections.deque()

    def submit(number: int) -> None:
        part = chunks[number]
        seen_before = {f.key: known[f.key] for f in part if f.key in known}
        if executor is not None:
            future = asyncio.get_running_loop().run_in_executor(
                executor, _process, part, seen_before, reader, indexed_at
            )
        else:
            future = asyncio.ensure_future(asyncio.to_thread(_process, part, seen_before, reader, indexed_at))
        in_flight.append(future)

    try:
        next_chunk = 0
        for number, files_in_chunk in enumerate(chunks):
            while next_chunk < len(chunks) and len(in_flight) < window:
                submit(next_chunk)
                next_chunk += 1
            result = await in_flight.popleft()
            if next_chunk < len(chunks):  # keep parsing while this chunk is written
                submit(next_chunk)
                next_chunk += 1
            stored = await _store(store, result, indexed_at)
            for aid, key in stored:
                (updated if key in known or aid in known_ids else added).append(aid)
            unchanged += result.unchanged
            warnings += result.warnings
            done += len(files_in_chunk)
            if progress:
                progress(done, total)
    finally:
        for future in in_flight:
            future.cancel()
        for future in in_flight:
            try:
                await future
            except BaseException:  # the run is already failing; its error is the one to report
                pass
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
    await BoilerplateStore(db).refresh(changed=bool(added or updated or removed))
    return IndexReport(
        added=tuple(added),
        updated=tuple(updated),
        removed=tuple(sorted(removed, key=lambda i: (len(i), i))),
        unchanged=unchanged,
        warnings=tuple(warnings),
        seconds=time.perf_counter() - started,
    )
