"""Boilerplate learned at indexing time: found, kept up to date as the corpus grows and shrinks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.indexing import index_folder
from bot.store.answers import AnswerCache
from bot.store.boilerplate import BoilerplateStore
from bot.store.db import Database

FOOTER = "NusaKini.com adalah portal berita teknologi dan startup terpercaya di Indonesia."
STORIES = [
    (
        "Startup logistik raih dana",
        "Startup logistik asal Bandung meraih pendanaan seri A senilai Rp 50 miliar.",
        "Dana itu akan dipakai untuk memperluas jaringan gudang ke lima kota.",
    ),
    (
        "Aplikasi kasir naik daun",
        "Aplikasi kasir digital untuk warung mencatat 200.000 pengguna aktif bulan ini.",
        "Pendirinya menyebut warung di Jawa Timur menjadi pengguna terbanyak.",
    ),
    (
        "Layanan antar makanan tutup",
        "Layanan antar bahan masakan siap olah menghentikan operasinya per 15 Juli.",
        "Pelanggan yang masih memiliki saldo akan menerima pengembalian dana.",
    ),
    (
        "Pasar kamera instan",
        "Penjualan kamera instan di Indonesia naik dua kali lipat dalam setahun terakhir.",
        "Pembelinya kebanyakan anak muda yang mencari foto cetak langsung jadi.",
    ),
]


def write_outlet(folder: Path, first: int = 0, count: int = 4) -> list[Path]:
    """Articles of one synthetic outlet, each a different story closing with the outlet's footer."""
    paths = []
    for k in range(first, first + count):
        title, lead, body = STORIES[k % len(STORIES)]
        text = f"{title} {k}\nNUSAKINI.COM -- {lead}\n{body}\n{FOOTER}\n"
        path = folder / f"{k:03d}_{k:016x}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
async def db(tmp_path: Path):
    database = await Database.open(tmp_path / "state" / "kabar.db")
    try:
        yield database
    finally:
        await database.close()


async def _learned(db: Database) -> set[tuple[str, int]]:
    return {(r[0], r[1]) for r in await db.fetchall("SELECT article, idx FROM boilerplate")}


def _groups_looked_up(monkeypatch) -> list[int]:
    """The prints whose whole groups a refresh loads from now on (filled as it runs)."""
    from bot.store import boilerplate as module

    looked_up: list[int] = []
    members = module.BoilerplateStore._members

    async def counting(self, kind, hashes):
        hashes = list(hashes)
        looked_up.extend(hashes)
        return await members(self, kind, hashes)

    monkeypatch.setattr(module.BoilerplateStore, "_members", counting)
    return looked_up


async def test_a_footer_recurring_in_different_stories_is_learned_at_indexing(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    write_outlet(folder)
    await index_folder(db, folder)
    assert await _learned(db) == {("000", 3), ("001", 3), ("002", 3), ("003", 3)}
    why = await BoilerplateStore(db).for_article("002")
    assert why[3].stories == 4 and why[3].reason() == "recurs in 4 different articles of NUSAKINI"
    among = await BoilerplateStore(db).among([("000", 1), ("000", 3), ("009", 3)])
    assert set(among) == {("000", 3)}


async def test_it_is_re_evaluated_as_the_corpus_shrinks_and_grows(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = write_outlet(folder)
    await index_folder(db, folder)
    cache = AnswerCache(db)
    version = await cache.version()
    for path in paths[:2]:
        path.unlink()
    await index_folder(db, folder)
    assert await _learned(db) == set()  # two stories are not enough any more
    write_outlet(folder, first=4, count=2)
    await index_folder(db, folder)
    assert await _learned(db) == {("002", 3), ("003", 3), ("004", 3), ("005", 3)}
    assert await cache.version() > version


async def test_syndicated_copies_of_one_story_are_not_boilerplate(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    title, lead, body = STORIES[0]
    for k, outlet in enumerate(("NUSAKINI.COM", "KABARKITA.ID", "WARTAHARI.COM")):
        (folder / f"{k:03d}_{k:016x}.txt").write_text(f"{title}\n{outlet} -- {lead}\n{body}\n", encoding="utf-8")
    await index_folder(db, folder)
    assert await _learned(db) == set()


async def test_prints_are_made_for_articles_indexed_before_rows_carried_them(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    write_outlet(folder)
    await index_folder(db, folder)
    await db.execute("UPDATE sentences SET print = NULL, skeleton = NULL")
    await db.execute("DELETE FROM boilerplate")
    store = BoilerplateStore(db)
    assert await store.refresh(changed=False) == 4
    assert await store.refresh(changed=False) == 4  # nothing new: the stored set is kept


async def test_a_database_made_by_the_schema_before_the_scale_work_upgrades(tmp_path: Path, monkeypatch) -> None:
    """Migrations 0007_* run after 0008 on a database that has everything else, prints included."""
    from bot.store import db as dbmod
    from bot.store.db import migration_files

    every = migration_files()
    monkeypatch.setattr(dbmod, "migration_files", lambda: [m for m in every if not m[0].startswith("0007_")])
    path = tmp_path / "older.db"
    async with await Database.open(path) as old:
        for k in range(4):
            title, lead, body = STORIES[k]
            aid = f"{k:03d}"
            await old.execute(
                "INSERT INTO articles (id, key, title, outlet, content_hash, indexed_at, removed)"
                " VALUES (?, ?, ?, 'NUSAKINI', ?, '2026-01-01T00:00:00Z', '[]')",
                (aid, f"{k:016x}", f"{title} {k}", f"h{k}"),
            )
            await old.execute(
                'INSERT INTO paragraphs (article, "index", text) VALUES (?, 1, ?)', (aid, f"{lead} {body} {FOOTER}")
            )
            for idx, text in enumerate((lead, body, FOOTER), start=1):
                await old.execute(
                    "INSERT INTO sentences (article, idx, paragraph, text, start) VALUES (?, ?, 1, ?, 0)",
                    (aid, idx, text),
                )
            await old.execute(
                "INSERT INTO sentence_prints (article, idx, kind, print) VALUES (?, 3, 'exact', 'x')", (aid,)
            )
        assert "0008_feeds.sql" in [name for name, _ in await old.migrations()]
    monkeypatch.setattr(dbmod, "migration_files", lambda: every)
    async with await Database.open(path) as db:
        names = [name for name, _ in await db.migrations()]
        assert sorted(names) == [name for name, _ in every]
        tables = {r[0] for r in await db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "sentence_prints" not in tables and "prints_touched" in tables
        assert (await db.fetchone("SELECT count(*) FROM sentences WHERE print IS NULL"))[0] == 12
        assert await BoilerplateStore(db).refresh() == 4  # printed, then learned
        assert await _learned(db) == {("000", 3), ("001", 3), ("002", 3), ("003", 3)}
        assert (await db.fetchone("SELECT count(*) FROM prints_touched"))[0] == 0


async def test_a_refresh_learns_again_only_what_changed_and_agrees_with_a_full_learn(
    db: Database, tmp_path: Path, monkeypatch
) -> None:
    from bot.store import boilerplate as module

    folder = tmp_path / "articles"
    folder.mkdir()
    write_outlet(folder, count=3)
    (folder / "100_00000000000000ff.txt").write_text(
        "Cuaca cerah\nHujan diperkirakan turun di Jakarta pada sore hari.\nWarga diminta membawa payung.\n",
        encoding="utf-8",
    )
    await index_folder(db, folder)
    assert await _learned(db) == {("000", 3), ("001", 3), ("002", 3)}
    looked_up = _groups_looked_up(monkeypatch)
    assert await BoilerplateStore(db).refresh() == 3  # nothing touched: nothing looked up
    assert looked_up == []
    write_outlet(folder, first=3, count=1)
    await index_folder(db, folder)
    incremental = await _learned(db)
    assert incremental == {("000", 3), ("001", 3), ("002", 3), ("003", 3)}
    assert 0 < len(looked_up) <= 10  # the new article's prints and the footer's group, not the corpus
    assert (await BoilerplateStore(db).for_article("001"))[3].stories == 4
    monkeypatch.setattr(module, "FULL_LEARN_AT", -1)  # the one-pass learn over every print gives the same set
    await db.execute("INSERT INTO prints_touched (kind, print, article, idx) VALUES ('exact', 1, '', 0)")
    await BoilerplateStore(db).refresh()
    assert await _learned(db) == incremental


async def test_a_large_learned_group_hands_its_row_to_new_sentences_without_being_learned_again(
    db: Database, tmp_path: Path, monkeypatch
) -> None:
    from bot.store import boilerplate as module

    monkeypatch.setattr(module, "LARGE_GROUP", 2)
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = write_outlet(folder, count=4)
    await index_folder(db, folder)  # no member learned yet: the group is learned whole
    assert await _learned(db) == {("000", 3), ("001", 3), ("002", 3), ("003", 3)}
    version = await AnswerCache(db).version()
    learned_groups = _groups_looked_up(monkeypatch)
    write_outlet(folder, first=4, count=1)
    await index_folder(db, folder)
    assert ("004", 3) in await _learned(db)
    assert (await BoilerplateStore(db).for_article("004"))[3].stories == 4  # as last learned
    assert await AnswerCache(db).version() > version
    footer = (await db.fetchone("SELECT print FROM sentences WHERE article = '004' AND idx = 3"))[0]
    assert footer not in learned_groups
    for path in paths[:3]:
        path.unlink()
    await index_folder(db, folder)  # two stories left: small again, learned again, no longer boilerplate
    assert await _learned(db) == set()
