"""Incremental indexing of an article folder: unchanged, changed, added, removed, broken, interrupted."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.errors import CorpusError
from bot.indexing import index_folder
from bot.store.articles import ArticleStore
from bot.store.db import Database
from bot.store.search import SentenceSearch
from bot.store.spelling import SpellingIndex
from tests.store.helpers import simple_key, simple_reader, write_article

ROOT = Path(__file__).resolve().parents[1]
CLOCK = lambda: dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)


async def run(db, folder, **kwargs):
    kwargs.setdefault("reader", simple_reader)
    kwargs.setdefault("key_of", simple_key)
    return await index_folder(db, folder, **kwargs)


def fill(folder: Path, n: int) -> list[Path]:
    return [
        write_article(
            folder,
            f"{i:03d}",
            f"Judul {i}",
            [f"Kalimat pertama artikel {i}. Ada {i}.000 tentara di Kursk.", f"Paragraf kedua nomor {i}."],
            tag=str(i),
        )
        for i in range(n)
    ]


@pytest.fixture
async def db(tmp_path):
    database = await Database.open(tmp_path / "db" / "kabar.db")
    try:
        yield database
    finally:
        await database.close()


async def test_second_run_changes_nothing(db, tmp_path):
    fill(tmp_path, 4)
    calls = []
    first = await run(db, tmp_path, progress=lambda done, total: calls.append((done, total)), clock=CLOCK)
    assert first.added == ("000", "001", "002", "003") and first.unchanged == 0 and not first.warnings
    assert calls[0] == (0, 4) and calls[-1] == (4, 4)
    before = await db.fetchall("SELECT id, indexed_at, content_hash FROM articles ORDER BY id")
    second = await run(db, tmp_path)
    assert (second.added, second.updated, second.removed, second.unchanged) == ((), (), (), 4)
    assert await db.fetchall("SELECT id, indexed_at, content_hash FROM articles ORDER BY id") == before
    assert before[0][1] == "2025-03-01T08:00:00.000000+00:00"


async def test_changed_added_and_deleted_files(db, tmp_path):
    paths = fill(tmp_path, 3)
    await run(db, tmp_path, clock=CLOCK)
    paths[1].write_text("Judul Baru\nIsi yang berubah tentang Belgorod.\n", encoding="utf-8")
    paths[2].unlink()
    write_article(tmp_path, "007", "Tujuh", ["Artikel baru tentang drone."], tag="7")
    later = lambda: dt.datetime(2025, 3, 2, tzinfo=dt.UTC)
    report = await run(db, tmp_path, clock=later)
    assert (report.added, report.updated, report.removed, report.unchanged) == (("007",), ("001",), ("002",), 1)
    store, search = ArticleStore(db), SentenceSearch(db, lambda q: None)
    assert [a.id for a in await store.list()] == ["000", "001", "007"]
    assert (await store.get("001")).title == "Judul Baru"
    assert [h.article for h in await search.search("belgorod")] == ["001"]
    assert [h.article for h in await search.search("kursk")] == ["000"]  # the old 001 and 002 text is gone
    assert [a.id for a in await store.since("2025-03-01T12:00:00Z")] == ["001", "007"]
    assert await db.fetchall("INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 1)") == []


async def test_renamed_file_is_an_update(db, tmp_path):
    (path,) = fill(tmp_path, 1)
    await run(db, tmp_path)
    path.rename(tmp_path / "000_ffffffffffffffff.txt")
    report = await run(db, tmp_path)
    assert (report.added, report.updated, report.removed, report.unchanged) == ((), ("000",), (), 0)
    assert [a.key for a in await ArticleStore(db).list()] == ["000_ffffffffffffffff"]


async def test_broken_files_are_warnings_not_failures(db, tmp_path):
    paths = fill(tmp_path, 2)
    (tmp_path / "005_aaaaaaaaaaaaaaaa.txt").write_bytes(b"")
    (tmp_path / "006_bbbbbbbbbbbbbbbb.txt").write_bytes(b"\xff\xfe\x00binary\x00\x81")
    (tmp_path / "notes.txt").write_text("not an article")
    (tmp_path / "000_cccccccccccccccc.txt").write_text("Duplikat\nId yang sama.\n")
    report = await run(db, tmp_path)
    assert report.added == ("000", "001")
    text = "\n".join(report.warnings)
    assert len(report.warnings) == 4
    for needle in (
        "005_aaaaaaaaaaaaaaaa.txt",
        "006_bbbbbbbbbbbbbbbb.txt",
        "notes.txt: skipped",
        "000_cccccccccccccccc.txt: skipped, id 000",
    ):
        assert needle in text
    for warning in report.warnings:  # each names its file once, not "x.txt: x.txt is empty"
        name = warning.split()[0].rstrip(":")
        assert warning.count(name) == 1, warning
    # a file that breaks after being indexed keeps its previous version
    paths[1].write_bytes(b"\xff\xfe\xfa")
    report = await run(db, tmp_path)
    assert report.updated == () and report.unchanged == 1
    assert any("001_" in w and "previously indexed version is kept" in w for w in report.warnings)
    assert (await ArticleStore(db).get("001")).title == "Judul 1"


async def test_a_reader_bug_is_a_warning(db, tmp_path):
    fill(tmp_path, 3)

    def flaky(data, name, path):
        if name.startswith("001"):
            raise IndexError("oops")
        return simple_reader(data, name, path)

    report = await run(db, tmp_path, reader=flaky)
    assert report.added == ("000", "002")
    name = sorted(tmp_path.glob("001_*"))[0].name
    assert report.warnings == (f"{name}: skipped, it cannot be parsed (IndexError: oops)",)
    assert [(s.name, s.id, s.reason) for s in report.skipped] == [
        (name, "001", "it cannot be parsed (IndexError: oops)")
    ]


async def test_missing_folder(db, tmp_path):
    with pytest.raises(CorpusError):
        await run(db, tmp_path / "nope")


async def test_interrupted_run_is_completed_by_the_next(db, tmp_path):
    fill(tmp_path, 10)

    def stop_after_first_chunk(done, total):
        if done >= 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        await run(db, tmp_path, chunk_size=4, progress=stop_after_first_chunk)
    store = ArticleStore(db)
    assert await store.count() == 4  # the finished chunk is stored; the one after it is not
    report = await run(db, tmp_path, chunk_size=4)
    assert report.added == tuple(f"{i:03d}" for i in range(4, 10)) and report.unchanged == 4
    assert await store.count() == 10
    assert len(await SentenceSearch(db, lambda q: None).search("kursk", limit=50)) == 10


KILLED_RUN = textwrap.dedent("""
    import asyncio, sys, time
    import bot.indexing
    from bot.indexing import index_folder
    from bot.store.db import Database
    from tests.store.helpers import simple_key, simple_reader

    bot.indexing.BULK_MIN_FILES = int(sys.argv[3])

    def slow_reader(data, name, path):
        time.sleep(0.01)
        return simple_reader(data, name, path)

    def progress(done, total):
        print(done, total, flush=True)

    async def main():
        db = await Database.open(sys.argv[2])
        await index_folder(db, sys.argv[1], reader=slow_reader, key_of=simple_key, chunk_size=10, progress=progress)
        print("finished", flush=True)

    asyncio.run(main())
""")


def killed_run(folder: Path, db_path: Path, bulk_min: int) -> None:
    """Index `folder` in another process and kill it (SIGKILL) once three chunks are stored."""
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_RUN, str(folder), str(db_path), str(bulk_min)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        for line in proc.stdout:
            if int(line.split()[0]) >= 30:  # three chunks stored, more to come
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("bulk_min", [10_000, 10], ids=["chunk-by-chunk", "bulk"])
async def test_killed_process_leaves_a_usable_database(tmp_path, bulk_min):
    folder = tmp_path / "articles"
    folder.mkdir()
    fill(folder, 120)
    db_path = tmp_path / "killed.db"
    killed_run(folder, db_path, bulk_min)
    async with await Database.open(db_path) as db:
        assert (await db.fetchone("PRAGMA integrity_check"))[0] == "ok"
        stored = await ArticleStore(db).count()
        assert 30 <= stored < 120
        pending = (await db.fetchone("SELECT rebuild_pending FROM search_index_state"))[0]
        assert pending == (bulk_min == 10)  # a bulk index leaves the full-text index to its end
        report = await run(db, folder)
        assert len(report.added) == 120 - stored and report.unchanged == stored and not report.warnings
        assert await ArticleStore(db).count() == 120
        assert len(await SentenceSearch(db, lambda q: None).search("kursk", limit=500)) == 120
        assert (await db.fetchone("SELECT rebuild_pending FROM search_index_state"))[0] == 0
        assert await db.fetchall("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)") == []


async def test_a_large_first_index_builds_the_full_text_index_once_at_the_end(db, tmp_path, monkeypatch):
    import bot.indexing

    monkeypatch.setattr(bot.indexing, "BULK_MIN_FILES", 20)
    fill(tmp_path, 40)
    statements: list[str] = []
    real = db.execute

    async def spy(sql, params=()):
        statements.append(sql)
        return await real(sql, params)

    real_many = db.executemany

    async def spy_many(sql, rows):
        statements.append(sql)
        return await real_many(sql, rows)

    monkeypatch.setattr(db, "execute", spy)
    monkeypatch.setattr(db, "executemany", spy_many)
    report = await run(db, tmp_path, chunk_size=10)
    assert len(report.added) == 40
    fts_writes = [sql for sql in statements if sql.startswith("INSERT INTO sentences_fts ")]
    assert fts_writes == ["INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')"]
    assert sum(sql.startswith("INSERT INTO spelling_keys") for sql in statements) == 1  # once, at the end
    assert len(await SentenceSearch(db, lambda q: None).search("kursk", limit=500)) == 40
    assert await SpellingIndex(db).close_terms("kursl") == ["Kursk"]
    statements.clear()
    write_article(tmp_path, "040", "Judul 40", ["Satu lagi di Kursk."], tag="40")
    await run(db, tmp_path)  # a small run keeps the index up to date as it writes
    assert "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')" not in statements
    assert len(await SentenceSearch(db, lambda q: None).search("kursk", limit=500)) == 41


async def test_an_article_the_store_rejects_is_a_warning(db, tmp_path):
    import dataclasses

    fill(tmp_path, 3)

    def duplicating(data, name, path):
        article = simple_reader(data, name, path)
        if name.startswith("001"):  # a reader bug: the same sentence index twice
            article = dataclasses.replace(article, sentences=article.sentences * 2)
        return article

    report = await run(db, tmp_path, reader=duplicating)
    assert report.added == ("000", "002")
    assert (
        len(report.warnings) == 1 and report.warnings[0].startswith("001_") and "cannot be stored" in report.warnings[0]
    )
    assert [a.id for a in await ArticleStore(db).list()] == ["000", "002"]
