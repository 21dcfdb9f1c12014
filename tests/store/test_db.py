"""Opening the database: pragmas, migrations, transactions and user-facing errors."""

from __future__ import annotations

import sqlite3

import pytest

from bot.errors import StoreError
from bot.store import db as dbmod
from bot.store.db import Database, iso_utc, migration_files


async def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "k.db"
    async with await Database.open(path) as db:
        first = await db.migrations()
    names = [name for name, _ in first]
    assert "0001_corpus.sql" in names
    assert names == [name for name, _ in migration_files()]
    async with await Database.open(path) as db:
        assert await db.migrations() == first  # not re-applied, same times


async def test_schema_and_pragmas(tmp_path):
    async with await Database.open(tmp_path / "deep" / "er" / "k.db") as db:
        assert (await db.fetchone("PRAGMA journal_mode"))[0] == "wal"
        assert (await db.fetchone("PRAGMA foreign_keys"))[0] == 1
        tables = {r[0] for r in await db.fetchall("SELECT name FROM sqlite_master")}
    assert {"articles", "sentences", "figures", "sentences_fts", "migrations"} <= tables
    assert "paragraphs" not in tables  # the text lives in sentences only
    assert (tmp_path / "deep" / "er" / "k.db").is_file()


async def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is certainly not sqlite " * 100)
    with pytest.raises(StoreError) as info:
        await Database.open(path)
    assert "not a" in str(info.value).lower()


async def test_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        await Database.open(blocker / "sub" / "k.db")
    assert "KABAR_DB" in str(info.value)


async def test_path_is_a_folder(tmp_path):
    with pytest.raises(StoreError):
        await Database.open(tmp_path)


async def test_locked_database_is_a_store_error(tmp_path):
    path = tmp_path / "k.db"
    async with await Database.open(path, busy_timeout_ms=50) as db:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError) as info:
                async with db.transaction():
                    await db.execute("INSERT INTO migrations VALUES ('x', 'y')")
            assert "locked" in str(info.value)
        finally:
            other.execute("ROLLBACK")
            other.close()


async def test_transaction_rolls_back_on_error(db):
    with pytest.raises(RuntimeError):
        async with db.transaction():
            await db.execute("INSERT INTO migrations VALUES ('zz_test', 'now')")
            raise RuntimeError("boom")
    assert await db.fetchone("SELECT 1 FROM migrations WHERE name = 'zz_test'") is None
    async with db.transaction():  # the connection is usable afterwards
        await db.execute("INSERT INTO migrations VALUES ('zz_test', 'now')")
    assert await db.fetchone("SELECT 1 FROM migrations WHERE name = 'zz_test'") is not None


async def test_failed_migration_leaves_nothing_behind(tmp_path, monkeypatch):
    good = migration_files()
    broken = ("9999_broken.sql", "CREATE TABLE half_done (x);\nTHIS IS NOT SQL;")
    monkeypatch.setattr(dbmod, "migration_files", lambda: [*good, broken])
    with pytest.raises(StoreError) as info:
        await Database.open(tmp_path / "k.db")
    assert "9999_broken.sql" in str(info.value)
    monkeypatch.setattr(dbmod, "migration_files", lambda: good)
    async with await Database.open(tmp_path / "k.db") as db:
        names = [n for n, _ in await db.migrations()]
        assert "9999_broken.sql" not in names and "0001_corpus.sql" in names
        assert await db.fetchone("SELECT 1 FROM sqlite_master WHERE name = 'half_done'") is None


def test_iso_utc_normalises():
    assert iso_utc("2025-02-27T10:00:00+07:00") == "2025-02-27T03:00:00.000000+00:00"
    assert iso_utc("2025-02-27T03:00:00Z") == iso_utc("2025-02-27 03:00:00")
    with pytest.raises(ValueError):
        iso_utc("yesterday")
