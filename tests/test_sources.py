"""Sources are explicit and durable: nothing is lost to a missing or empty folder, nothing is
re-indexed behind the user's back, and a command looks only at folders whose listing changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import ArticleNotFound, QueryError
from bot.indexing import RACY_NS, index_folder, recorded_stamp, stamp_holds
from bot.service import Kabar
from bot.store.articles import ArticleStore
from bot.store.db import Database

SEED_IDS = ["000", "001", "002", "003", "004"]


LONG_AGO = 1_700_000_000  # 2023-11-14


def age(folder: Path) -> None:
    """Date a folder's listing back, as if its last change were long ago (its token is then trusted)."""
    os.utime(folder, (LONG_AGO, LONG_AGO))


def settle(folder: Path) -> None:
    """Wait until the folder's files are RACY_NS old: only then is a file's recorded stat trusted."""
    newest = max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in folder.iterdir())
    time.sleep(max(0.0, (newest + RACY_NS - time.time_ns()) / 1e9 + 0.05))


def write(folder: Path, number: int, title: str, body: str) -> Path:
    path = folder / f"{number:03d}_{hashlib.sha1(title.encode()).hexdigest()[:16]}.txt"
    path.write_text(f"{title}\n{body}\n", encoding="utf-8")
    return path


async def ids(kabar: Kabar) -> list[str]:
    return [info.id for info in await kabar.articles()]


async def test_the_default_folder_is_the_first_source_and_never_comes_back_on_its_own(settings: Settings) -> None:
    async with Kabar(settings) as kabar:
        report = await kabar.ensure_indexed()
        assert report is not None and list(report.added) == SEED_IDS
        (source,) = await kabar.sources()
        assert (source.location, source.articles, source.state) == (str(settings.seeds_dir), 5, "ok")
        removed_source, removed = await kabar.remove_source(settings.seeds_dir)
        assert removed_source.location == str(settings.seeds_dir) and removed == SEED_IDS
        assert await kabar.ensure_indexed() is None  # removed on purpose: not registered again
        assert await ids(kabar) == [] and await kabar.sources() == []
        with pytest.raises(QueryError, match="is not a source"):
            await kabar.remove_source(settings.seeds_dir)


async def test_an_indexed_folder_sticks_and_queries_never_index_another(settings: Settings, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    for n in range(100, 150):
        write(other, n, f"Berita Nomor {n}", f"Isi berita nomor {n} tentang banjir di Jakarta.")
    async with Kabar(settings) as kabar:
        report = await kabar.index(other)
        assert len(report.added) == 50
        await kabar.ensure_indexed()  # what every command runs first
        assert len(await ids(kabar)) == 50, (
            "the seeds folder (KABAR_SEEDS_DIR) must not be indexed behind the user's back"
        )
        assert [s.location for s in await kabar.sources()] == [str(other)]
        await kabar.index(settings.seeds_dir)  # added on purpose: both are sources now
        await kabar.ensure_indexed()
        assert len(await ids(kabar)) == 55
        assert {s.location: s.articles for s in await kabar.sources()} == {str(other): 50, str(settings.seeds_dir): 5}


@pytest.mark.parametrize("failure", ["missing", "empty", "not a folder"])
async def test_a_source_that_cannot_be_used_keeps_its_articles(
    settings: Settings, tmp_path: Path, failure: str
) -> None:
    seeds = settings.seeds_dir
    aside = tmp_path / "aside"
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        before = {i.id: i.indexed_at for i in await kabar.articles()}
        if failure == "missing":
            seeds.rename(aside)
        elif failure == "empty":  # what a failed mount looks like
            aside.mkdir()
            for path in seeds.glob("*.txt"):
                path.rename(aside / path.name)
        else:
            seeds.rename(aside)
            seeds.write_text("not a folder", encoding="utf-8")
        for run in (kabar.ensure_indexed, kabar.index):
            report = await run()
            assert report is not None and report.removed == ()
            (warning,) = report.kept
            assert str(seeds) in warning and "5 indexed articles are kept" in warning
            assert f"kabar sources remove {seeds}" in warning
        assert {i.id: i.indexed_at for i in await kabar.articles()} == before
        assert await kabar.search("kursk")
        (source,) = await kabar.sources()
        assert source.state == ("empty" if failure == "empty" else "missing")

        # back again: nothing changes, the articles keep their identity
        if failure == "not a folder":
            seeds.unlink()
        if failure == "empty":
            for path in aside.glob("*.txt"):
                path.rename(seeds / path.name)
        else:
            aside.rename(seeds)
        report = await kabar.ensure_indexed()
        assert report is not None and report.kept == () and report.unchanged == 5
        assert {i.id: i.indexed_at for i in await kabar.articles()} == before
        assert (await kabar.sources())[0].state == "ok"


async def test_a_deleted_article_goes_and_comes_back_with_its_first_indexed_time(settings: Settings) -> None:
    seeds = settings.seeds_dir
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        first = {i.id: i.indexed_at for i in await kabar.articles()}
        path = next(seeds.glob("003_*.txt"))
        data = path.read_bytes()
        path.unlink()
        report = await kabar.ensure_indexed()
        assert report is not None and report.removed == ("003",)
        with pytest.raises(ArticleNotFound):
            await kabar.article("003")
        watermark = max(first.values())  # what a digest posted after the first index covered
        path.write_bytes(data)
        report = await kabar.ensure_indexed()
        assert report is not None and report.added == ("003",)
        assert {i.id: i.indexed_at for i in await kabar.articles()} == first
        assert await kabar.articles(since=watermark) == [], "a restored article is not new to the digest"
        # a real change is new
        path.write_bytes(data + b"Paragraf baru tentang gencatan senjata di Kursk.\n")
        report = await kabar.index()
        assert report.updated == ("003",)
        assert [i.id for i in await kabar.articles(since=watermark)] == ["003"]


async def test_the_cheap_check_looks_only_at_folders_whose_listing_changed(settings: Settings) -> None:
    seeds = settings.seeds_dir
    age(seeds)
    async with Kabar(settings) as kabar:
        assert (await kabar.ensure_indexed()).added  # first use: the default folder is indexed
        assert await kabar.ensure_indexed() is None  # nothing changed: no folder is read
        new = write(seeds, 5, "Gempa Guncang Mentawai", "Gempa bermagnitudo 5,1 mengguncang Kepulauan Mentawai.")
        report = await kabar.ensure_indexed()  # a file added changes the folder's listing (and its time)
        assert report is not None and report.added == ("005",)
        age(seeds)
        await kabar.index()
        assert await kabar.ensure_indexed() is None
        # a file rewritten in place leaves the listing as it was: the next full check finds it
        new.write_text("Gempa Guncang Mentawai Lagi\nGempa susulan mengguncang Mentawai.\n", encoding="utf-8")
        assert await kabar.ensure_indexed() is None
        assert (await kabar.index()).updated == ("005",)
        # an atomic replace (write aside, rename over) changes the listing
        aside = seeds / "tmp-005"
        aside.write_text("Gempa Mentawai\nBMKG mencabut peringatan tsunami untuk Mentawai.\n", encoding="utf-8")
        os.replace(aside, new)
        report = await kabar.ensure_indexed()
        assert report is not None and report.updated == ("005",)
        assert (await kabar.article("005")).title == "Gempa Mentawai"
        # a command's check after a listing change looks only at names and inodes: a file
        # rewritten in place beside a new one waits for the next full check
        settle(seeds)
        age(seeds)
        await kabar.index()
        new.write_text("Gempa Mentawai Lagi\nGempa ketiga terasa di Padang.\n", encoding="utf-8")
        write(seeds, 6, "Banjir Jakarta", "Banjir merendam ratusan rumah di Jakarta Timur.")
        report = await kabar.ensure_indexed()
        assert report is not None and report.added == ("006",) and report.updated == ()
        assert (await kabar.index()).updated == ("005",)


def test_a_token_taken_too_close_to_a_change_is_checked_once_more_later() -> None:
    now = time.time_ns()
    token = f"1:2:{now}"
    racy = recorded_stamp(token, now)
    assert racy != token and racy.startswith(token + "@")
    assert stamp_holds(racy, token, now + RACY_NS // 2)
    assert not stamp_holds(racy, token, now + RACY_NS)  # one more look, then it can be trusted
    settled = recorded_stamp(token, now + 2 * RACY_NS)
    assert settled == token and stamp_holds(settled, token, now + 10 * RACY_NS)
    assert not stamp_holds(settled, "1:2:0", now) and not stamp_holds(None, token, now)


async def test_a_file_replaced_while_it_is_indexed_keeps_text_and_hash_together(tmp_path: Path) -> None:
    from bot.corpus.reader import article_from_bytes

    folder = tmp_path / "articles"
    folder.mkdir()
    path = write(folder, 7, "Versi Pertama", "Kalimat versi pertama tentang Kursk.")
    replaced = []

    def replacing_reader(data: bytes, name: str, where: str):
        if not replaced:  # the file is replaced atomically right after it was read
            aside = folder / "aside"
            aside.write_text("Versi Kedua\nKalimat versi kedua tentang Belgorod.\n", encoding="utf-8")
            os.replace(aside, path)
            replaced.append(name)
        return article_from_bytes(data, name, where)

    async with await Database.open(tmp_path / "k.db") as db:
        await index_folder(db, folder, reader=replacing_reader)
        stored = await ArticleStore(db).get("007")
        assert stored.title == "Versi Pertama"
        assert (
            stored.content_hash == hashlib.sha256(b"Versi Pertama\nKalimat versi pertama tentang Kursk.\n").hexdigest()
        )
        report = await index_folder(db, folder)
        assert report.updated == ("007",), "the next run sees the new version"
        stored = await ArticleStore(db).get("007")
        assert stored.title == "Versi Kedua" and stored.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


async def test_an_id_held_by_another_source_is_skipped_with_the_reason(settings: Settings, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    write(other, 3, "Artikel Lain", "Artikel lain dengan id yang sama.")
    write(other, 9, "Artikel Sembilan", "Artikel sembilan tentang pemilu.")
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        report = await kabar.index(other)
        assert report.added == ("009",)
        (skipped,) = report.skipped
        assert skipped.id == "003" and skipped.reason.startswith("id 003 is already used by 003_89031a1fd86b0abb.txt")
        assert (await kabar.article("003")).key == "003_89031a1fd86b0abb"
        assert [(s.source, s.name) for s in await kabar.skipped()] == [(str(other), skipped.name)]


async def test_articles_stored_before_sources_existed_are_adopted_by_the_first_source(settings: Settings) -> None:
    from bot.corpus.reader import read_article

    settings.db.parent.mkdir(parents=True, exist_ok=True)
    async with await Database.open(settings.db) as db:
        await ArticleStore(db).put(
            read_article(next(settings.seeds_dir.glob("002_*.txt"))), "2024-01-01T00:00:00+00:00"
        )
    async with Kabar(settings) as kabar:
        report = await kabar.ensure_indexed()
        assert report is not None and "002" not in report.added and report.unchanged == 1
        assert [(s.location, s.articles) for s in await kabar.sources()] == [(str(settings.seeds_dir), 5)]
        assert next(i for i in await kabar.articles() if i.id == "002").indexed_at.startswith("2024-01-01")


async def test_a_missing_default_folder_on_a_new_database_is_a_clear_error(settings: Settings) -> None:
    from bot.errors import CorpusError

    shutil.rmtree(settings.seeds_dir)
    async with Kabar(settings) as kabar:
        with pytest.raises(CorpusError) as info:
            await kabar.ensure_indexed()
        assert str(settings.seeds_dir) in info.value.user_message and "KABAR_SEEDS_DIR" in (info.value.hint or "")
        assert await kabar.sources() == []


async def test_a_file_whose_stat_is_unchanged_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.indexing

    folder = tmp_path / "articles"
    shutil.copytree(Path(__file__).resolve().parents[1] / "seeds", folder)
    reads: list[str] = []
    real_read = bot.indexing.read_entry

    def counting(folder_real, entry):
        reads.append(entry.name)
        return real_read(folder_real, entry)

    monkeypatch.setattr(bot.indexing, "read_entry", counting)

    async with await Database.open(tmp_path / "k.db") as db:
        settle(folder)
        assert len((await index_folder(db, folder)).added) == 5 and len(reads) == 5
        reads.clear()
        assert (await index_folder(db, folder)).unchanged == 5 and reads == []
        path = next(folder.glob("001_*.txt"))
        path.touch()  # new times, same bytes: read once, found unchanged
        assert (await index_folder(db, folder)).unchanged == 5 and reads == [path.name]
        settle(folder)
        reads.clear()
        await index_folder(db, folder)  # its stat was too recent to trust: read once more, then trusted
        assert reads == [path.name]
        reads.clear()
        await index_folder(db, folder)
        assert reads == []
        # same size, same modification time, new bytes: the change time still tells
        data = path.read_bytes()
        old = path.stat()
        path.write_bytes(data.replace(b"Kursk", b"KURSK", 1))
        os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
        assert path.stat().st_size == old.st_size and path.stat().st_mtime_ns == old.st_mtime_ns
        assert (await index_folder(db, folder)).updated == ("001",)
        settle(folder)
        reads.clear()
        assert (await index_folder(db, folder, reread=True)).unchanged == 5 and len(reads) == 5
