"""The answer cache: version in the key, a size cap with least-recently-used eviction, stale rows in batches."""

from __future__ import annotations

import json
import random

import pytest

from bot.store import answers as answers_module
from bot.store.answers import AnswerCache, row_bytes
from bot.store.db import Database

# an answer that does not compress away: one row takes one page (4 KB) of the file
ANSWER = json.dumps({"command": "summary", "items": [{"text": random.Random(7).randbytes(1500).hex()}]})


async def rows(db) -> int:
    return (await db.fetchone("SELECT count(*) FROM answer_cache"))[0]


async def test_round_trip_and_the_version_in_the_key(db):
    cache = AnswerCache(db)
    key = cache.key("v1", 3, "summary", "kursk")
    assert key == cache.key("v1", 3, "summary", "kursk") and key != cache.key("v1", 4, "summary", "kursk")
    assert await cache.get(key) is None
    await cache.put(key, 3, ANSWER)
    assert await cache.get(key) == ANSWER
    await cache.put(key, 3, ANSWER)  # the same question again replaces the row
    assert await rows(db) == 1 and await cache.size() == row_bytes(b"x" * 100)


async def test_the_cap_evicts_the_least_recently_used(db):
    cache = AnswerCache(db, cap_bytes=10 * 4096)
    keys = [cache.key("q", n) for n in range(10)]
    for key in keys:
        await cache.put(key, 1, ANSWER)
    assert await rows(db) == 10 and await cache.size() <= cache.cap_bytes
    assert await cache.get(keys[0]) == ANSWER  # used again: now the most recent
    await cache.put(cache.key("q", 10), 1, ANSWER)
    assert await cache.get(keys[0]) == ANSWER
    assert await cache.get(keys[1]) is None  # the least recently used went
    for n in range(11, 40):
        await cache.put(cache.key("q", n), 1, ANSWER)
    assert await cache.size() <= cache.cap_bytes and await rows(db) == 10
    assert (await db.fetchone("SELECT sum(bytes) FROM answer_cache"))[0] == await cache.size()


async def test_an_answer_larger_than_the_cap_is_not_kept(db):
    cache = AnswerCache(db, cap_bytes=4096)
    await cache.put(cache.key("big"), 1, json.dumps({"text": [str(n) * 50 for n in range(2000)]}))
    assert await rows(db) == 0 and await cache.size() == 0


async def test_a_put_after_a_corpus_change_removes_only_a_small_batch_of_stale_rows(db, monkeypatch):
    monkeypatch.setattr(answers_module, "STALE_BATCH", 7)
    cache = AnswerCache(db)
    await db.executemany(
        "INSERT INTO answer_cache (key, version, answer, bytes, used) VALUES (?, 1, x'00', 4096, 0)",
        [(f"old{n}",) for n in range(50)],
    )
    await cache.put(cache.key("new"), 2, ANSWER)
    assert await rows(db) == 50 - 7 + 1


async def test_tidy_removes_stale_rows_batch_by_batch_and_returns_the_space(tmp_path, monkeypatch):
    monkeypatch.setattr(answers_module, "STALE_BATCH", 40)
    async with await Database.open(tmp_path / "k.db") as db:
        assert await db.returns_space()
        cache = AnswerCache(db)
        for n in range(300):
            await cache.put(cache.key("q", n), 1, ANSWER)
        await cache.put(cache.key("fresh"), 2, ANSWER)
        full = await db.file_bytes()
        transactions = 0
        real = db.transaction

        def counting():
            nonlocal transactions
            transactions += 1
            return real()

        monkeypatch.setattr(db, "transaction", counting)
        removed = await cache.tidy(2)
        assert removed == 300 - 40  # the put took the first batch
        assert transactions == 7  # 260 rows, 40 at a time: six full batches and the last
        assert await rows(db) == 1 and await cache.get(cache.key("fresh")) == ANSWER
        assert await db.file_bytes() < full / 3  # the freed pages went back to the file system
        assert await cache.tidy(2) == 0


async def test_an_older_small_database_is_converted_at_open(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE leftover (x)")  # created without auto_vacuum
    conn.close()
    async with await Database.open(path) as db:
        assert await db.returns_space()
        assert await db.fetchone("SELECT 1 FROM sqlite_master WHERE name = 'leftover'") is not None


async def test_a_large_older_database_is_left_for_kabar_index(tmp_path, monkeypatch):
    import sqlite3

    from bot.store import db as dbmod

    monkeypatch.setattr(dbmod, "CONVERT_AT_OPEN_BYTES", 0)
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE leftover (x)")
    conn.close()
    async with await Database.open(path) as db:
        assert not await db.returns_space()
        assert await db.reclaimable() and await db.returns_space()


@pytest.mark.parametrize("cap", [4096, 3 * 4096])
async def test_size_stays_under_the_cap_for_any_order_of_use(db, cap):
    cache = AnswerCache(db, cap_bytes=cap)
    for n in range(25):
        await cache.put(cache.key(n % 7), 1, ANSWER)
        await cache.get(cache.key((n * 3) % 7))
        assert await cache.size() <= cap


async def test_tidy_returns_the_pages_of_the_rows_it_removed_not_the_whole_free_list(tmp_path, monkeypatch):
    monkeypatch.setattr(answers_module, "STALE_BATCH", 2)
    async with await Database.open(tmp_path / "k.db") as db:
        await db.execute("CREATE TABLE junk (x)")
        await db.executemany("INSERT INTO junk VALUES (randomblob(4000))", [()] * 300)
        await db.execute("DROP TABLE junk")  # 300 free pages another task left
        cache = AnswerCache(db)
        for n in range(10):
            await cache.put(cache.key("q", n), 1, ANSWER)
        free = (await db.fetchone("PRAGMA freelist_count"))[0]
        assert free >= 250  # (the new rows took a few of them)
        await cache.put(cache.key("new"), 2, ANSWER)  # removes two stale rows
        free = (await db.fetchone("PRAGMA freelist_count"))[0]
        assert await cache.tidy(2) == 8
        returned = free - (await db.fetchone("PRAGMA freelist_count"))[0]
        assert 0 < returned <= 8  # the eight rows' pages (at most), not the 300 others
