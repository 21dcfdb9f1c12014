"""The SQLite connection: opening, pragmas, named migrations, transactions and error wrapping.

Public API (store modules build on these names):
    db = await Database.open(path)          # a file path or ":memory:"; applies pending migrations
    async with await Database.open(path) as db: ...
    db.conn                                 # the aiosqlite.Connection (autocommit mode)
    async with db.transaction(): ...        # BEGIN IMMEDIATE ... COMMIT / ROLLBACK, one at a time
    await db.execute(sql, params)           # -> aiosqlite.Cursor; sqlite errors become StoreError
    await db.executemany(sql, rows)
    await db.fetchall(sql, params) / await db.fetchone(sql, params)
    await db.migrations() -> list[tuple[str, str]]   # (name, applied_at) in order
    await db.returns_space() -> bool        # is auto_vacuum = INCREMENTAL?
    await db.reclaimable() -> bool          # make it so (one VACUUM for an older file)
    await db.reclaim(pages) -> int          # incremental vacuum: free pages back to the file system
    await db.close()

Migrations are the `*.sql` files of `bot/store/migrations/` (package data), applied in
file-name order, each in its own transaction and recorded in the `migrations` table.
A new feature adds `NNNN_<name>.sql` there and its own repository module on top of
`Database`; nothing here needs to change.

The connection runs with `isolation_level=None`: statements outside `transaction()`
commit on their own. There is one connection per Database, so a statement another
coroutine runs while a transaction is open joins that transaction: do writes that belong
together inside `transaction()`, which lets one coroutine in at a time. Errors a user can cause (a locked or read-only database, a file
that is not a database, a path that cannot be created) become `StoreError` with a
message that says what to do.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn, cast

import aiosqlite

from bot.errors import StoreConflict, StoreError
from bot.isotime import iso_utc

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
CONVERT_AT_OPEN_BYTES = 64 * 2**20  # an older database this small is converted to incremental vacuum at open
CACHE_MB = 64  # page cache per connection: a ranked search reads a few thousand rows
MIGRATIONS_PACKAGE = "bot.store"
MIGRATIONS_DIR = "migrations"

# Fragments of sqlite error messages that a user (not a bug) can cause, with advice.
_USER_CAUSED = (
    ("locked", "the database is locked by another kabar process; wait for it to finish and retry"),
    ("busy", "the database is busy in another process; wait for it to finish and retry"),
    ("readonly", "the database file is read-only; check its permissions or set KABAR_DB"),
    ("read-only", "the database file is read-only; check its permissions or set KABAR_DB"),
    ("not a database", "the file is not a kabar database; point KABAR_DB at another path"),
    ("malformed", "the database file is corrupt; delete it and run `kabar index` again"),
    ("corrupt", "the database file is corrupt; delete it and run `kabar index` again"),
    ("unable to open", "the database file cannot be opened; check the path and its permissions"),
    ("disk i/o", "the disk could not be read or written; check free space and permissions"),
    ("database or disk is full", "the disk is full; free some space"),
)


def _advice(exc: BaseException) -> str | None:
    message = str(exc).lower()
    for fragment, advice in _USER_CAUSED:
        if fragment in message:
            return advice
    return None


def wrap_error(exc: BaseException, where: str) -> BaseException:
    """Turn a user-causable sqlite error into StoreError, a refused write into StoreConflict;
    return anything else unchanged."""
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreConflict(f"The database {where} refused a write: {exc}.", detail=str(exc))
    if isinstance(exc, sqlite3.DatabaseError):
        advice = _advice(exc)
        if advice is not None:
            return StoreError(f"Cannot use the database {where}: {exc}.", hint=advice)
    return exc


def _raise(exc: BaseException, where: str) -> NoReturn:
    wrapped = wrap_error(exc, where)
    if wrapped is exc:
        raise exc
    raise wrapped from exc


def utc_now() -> str:
    """The current time as the ISO-8601 UTC string the store uses everywhere."""
    return iso_utc(dt.datetime.now(dt.UTC))


def migration_files() -> list[tuple[str, str]]:
    """(file name, SQL text) of every packaged migration, in file-name order."""
    folder = resources.files(MIGRATIONS_PACKAGE).joinpath(MIGRATIONS_DIR)
    found = [entry for entry in folder.iterdir() if entry.name.endswith(".sql")]
    return [(entry.name, entry.read_text(encoding="utf-8")) for entry in sorted(found, key=lambda e: e.name)]


class Database:
    """One aiosqlite connection with kabar's pragmas and schema applied."""

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._write_lock = asyncio.Lock()

    # --- lifecycle -------------------------------------------------------------------
    @classmethod
    async def open(cls, path: str | Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
        """Open (creating if needed) the database at `path` and apply pending migrations.

        `busy_timeout_ms` is how long a statement waits for another process's lock.
        """
        where = str(path)
        if where != ":memory:":
            file = Path(path).expanduser()
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"Cannot create the folder for the database {where}: {exc.strerror or exc}.",
                    hint="set KABAR_DB to a writable path",
                ) from exc
            if file.is_dir():
                raise StoreError(f"The database path {where} is a folder.", hint="set KABAR_DB to a file path")
            where = str(file)
        try:
            conn = await aiosqlite.connect(where, isolation_level=None)
        except sqlite3.Error as exc:
            _raise(exc, f"at {where}")
        db = cls(conn, where)
        try:
            await db._configure(busy_timeout_ms)
            await db._migrate()
            if await db.file_bytes() <= CONVERT_AT_OPEN_BYTES:
                await db.reclaimable()  # an older, small database: converted now (quick)
        except BaseException as exc:
            await conn.close()
            if isinstance(exc, sqlite3.Error):
                _raise(exc, f"at {where}")
            raise
        return db

    async def _configure(self, busy_timeout_ms: int) -> None:
        await self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        await self.conn.execute("PRAGMA auto_vacuum = INCREMENTAL")  # takes effect on a new, empty file
        await self.conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            await self.conn.execute("PRAGMA journal_mode = WAL")
        await self.conn.execute("PRAGMA synchronous = NORMAL")
        await self.conn.execute(f"PRAGMA cache_size = {-1024 * CACHE_MB}")

    async def _migrate(self) -> None:
        await self.conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        async with self.conn.execute("SELECT name FROM migrations") as cursor:
            done = {row[0] for row in await cursor.fetchall()}
        for name, sql in migration_files():
            if name in done:
                continue
            quoted = name.replace("'", "''")
            script = (
                f"BEGIN IMMEDIATE;\n{sql}\n;\n"
                f"INSERT INTO migrations (name, applied_at) VALUES ('{quoted}', '{utc_now()}');\nCOMMIT;"
            )
            try:
                await self.conn.executescript(script)
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    await self.conn.execute("ROLLBACK")
                wrapped = wrap_error(exc, f"at {self.path}")
                if wrapped is exc:
                    raise StoreError(f"Migration {name} failed: {exc}.") from exc
                raise wrapped from exc

    async def close(self) -> None:
        await self.conn.close()

    # --- space -----------------------------------------------------------------------
    async def file_bytes(self) -> int:
        """The size of the database in pages, in bytes (0 in memory)."""
        if self.path == ":memory:":
            return 0
        pages = await self.fetchone("PRAGMA page_count")
        size = await self.fetchone("PRAGMA page_size")
        return int(pages[0]) * int(size[0]) if pages and size else 0

    async def returns_space(self) -> bool:
        """True when freed pages can go back to the file system (auto_vacuum = INCREMENTAL, or in memory)."""
        row = await self.fetchone("PRAGMA auto_vacuum")
        return self.path == ":memory:" or bool(row and int(row[0]) == 2)

    async def reclaimable(self) -> bool:
        """Make freed pages returnable to the file system (auto_vacuum = INCREMENTAL); True when they are.

        A database created before kabar set this needs one VACUUM, which rewrites the
        whole file (a while for a large corpus, and twice its size free on disk): it is
        done at open for a small file, by `kabar index` otherwise. False when the file
        could not be converted (it keeps working; freed pages are then reused, never returned).
        """
        if await self.returns_space():
            return True
        async with self._write_lock:
            try:
                await self.conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
                await self.conn.execute("VACUUM")
            except sqlite3.Error as exc:
                log.warning("could not convert %s for incremental vacuum: %s", self.path, exc)
                return False
        return await self.returns_space()

    async def reclaim(self, pages: int) -> int:
        """Hand up to `pages` free pages back to the file system (incremental vacuum); how many were."""
        async with self._write_lock:
            before = await self.fetchone("PRAGMA freelist_count")
            if not before or not before[0]:
                return 0
            try:
                await self.conn.executescript(f"PRAGMA incremental_vacuum({int(pages)})")
            except sqlite3.Error as exc:
                _raise(exc, f"at {self.path}")
            after = await self.fetchone("PRAGMA freelist_count")
        return int(before[0]) - int(after[0] if after else 0)

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # --- statements -------------------------------------------------------------------
    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Database]:
        """One write transaction at a time on this connection; rolls back on any error."""
        async with self._write_lock:
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                _raise(exc, f"at {self.path}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    await self.conn.execute("ROLLBACK")
                raise
            try:
                await self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    await self.conn.execute("ROLLBACK")
                _raise(exc, f"at {self.path}")

    async def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> aiosqlite.Cursor:
        try:
            return await self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            _raise(exc, f"at {self.path}")

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            await self.conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            _raise(exc, f"at {self.path}")

    async def fetchall(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]:
        try:
            async with self.conn.execute(sql, params) as cursor:
                return cast("list[tuple]", list(await cursor.fetchall()))  # no row_factory: plain tuples
        except sqlite3.Error as exc:
            _raise(exc, f"at {self.path}")

    async def fetchone(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> tuple | None:
        try:
            async with self.conn.execute(sql, params) as cursor:
                return cast("tuple | None", await cursor.fetchone())
        except sqlite3.Error as exc:
            _raise(exc, f"at {self.path}")

    async def migrations(self) -> list[tuple[str, str]]:
        """The applied migrations as (name, applied_at), oldest first."""
        rows = await self.fetchall("SELECT name, applied_at FROM migrations ORDER BY name")
        return [(row[0], row[1]) for row in rows]
