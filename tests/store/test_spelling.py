"""The spelling index: suggestions that find the misspelt name, stay quiet on noise, and never scan."""

from __future__ import annotations

import pytest

from bot.store.spelling import SpellingIndex
from tests.store.helpers import make_article

T0 = "2025-01-01T00:00:00Z"

# Names, and common words spelt like the topics users get wrong.
STORIES = [
    "Presiden Jokowi meresmikan jembatan baru. Menurut Jokowi, jembatan itu mempercepat distribusi.",
    "Menteri Pertahanan Prabowo Subianto menerima kunjungan tamu. Subianto menyebut kerja sama berlanjut.",
    "Prabowo Subianto mengatakan informasi itu benar. Informasi lain masih diperiksa.",
    "Sukarno membacakan teks proklamasi. Foto Sukarno dipajang di rumah warga.",
    "Warga memberi salam kepada tamu di rumah. Mereka menonton sandiwara dan sandera dibebaskan.",
    "Pasukan tiba di Kursk pada malam hari. Kursk kembali diserang drone.",
    "Sebuah kursi kosong di ruang rapat. Kursi itu milik ketua. Ada kursi lain di sana.",
    "Informasi resmi belum keluar. Rumah sakit penuh. Kata Jokowi, informasi itu keliru.",
]


@pytest.fixture
async def corpus(store):
    for number, text in enumerate(STORIES):
        await store.put(make_article(f"{number:03d}", [text]), T0)
    return store


@pytest.fixture
def spelling(db) -> SpellingIndex:
    return SpellingIndex(db)


async def test_a_misspelt_name_finds_the_name(corpus, spelling):
    assert await spelling.close_terms("Jokowu") == ["Jokowi"]
    assert await spelling.close_terms("jokowu") == ["Jokowi"]
    assert await spelling.suggest("Prabowo Subiyanto") == ["Subianto"]  # Prabowo is known: only the typo
    assert await spelling.suggest("Soekarno") == ["Sukarno"]


async def test_a_name_ranks_before_a_common_word_spelt_as_near(corpus, spelling):
    assert await spelling.close_terms("kursj") == ["Kursk", "kursi"]  # kursi is the commoner word


async def test_no_suggestion_rather_than_noise(corpus, spelling):
    assert await spelling.suggest("inflasi") == []  # "informasi" is common, but another word
    assert await spelling.suggest("saham") == []  # "salam": h and l are no slip of the finger
    assert await spelling.suggest("Sandiaga") == []  # sandiwara, sandera: spelt alike, unrelated
    assert await spelling.suggest("xqzvw kursk") == []  # known words need nothing; junk finds nothing


async def test_a_rare_misspelling_in_the_articles_is_not_offered_beside_the_real_word(store, spelling):
    await store.put(make_article("001", ["Presiden Jokowo tiba."]), T0)  # the outlet's own typo
    assert await spelling.close_terms("jokowu") == ["Jokowo"]  # all the corpus has
    await store.put(make_article("002", [f"Kata Jokowi, rapat ke-{n} selesai." for n in range(25)]), T0)
    assert await spelling.close_terms("jokowu") == ["Jokowi"]


async def test_words_no_article_holds_any_more_are_not_offered(corpus, spelling):
    gone = (await corpus.get("003")).key
    await corpus.delete(gone)
    assert await spelling.suggest("Soekarno") == []


async def test_a_database_filled_before_the_index_is_backfilled_once(corpus, spelling, db):
    await db.execute("INSERT INTO spelling_keys (spelling_keys) VALUES ('delete-all')")
    await db.execute("DELETE FROM spelling_terms")
    await db.execute("UPDATE spelling_state SET filled = 0, keyed_upto = 0")
    assert await spelling.close_terms("jokowu") == []
    assert await spelling.backfill() > 10
    assert await spelling.close_terms("jokowu") == ["Jokowi"]
    assert await spelling.backfill() == 0


async def test_lookups_use_indexes_only(corpus, db):
    plan = await db.fetchall(
        "EXPLAIN QUERY PLAN SELECT t.term FROM (SELECT rowid FROM spelling_keys WHERE spelling_keys MATCH ?"
        " LIMIT ?) AS k JOIN spelling_terms t ON t.id = k.rowid",
        ('"jokow" OR "jokowu"', 200),
    )
    details = [row[3] for row in plan]
    assert any("spelling_keys VIRTUAL TABLE INDEX 0:M" in d for d in details), details
    assert any("SEARCH t USING INTEGER PRIMARY KEY (rowid=?)" in d for d in details), details
    assert not any(d.startswith("SCAN t") or ("spelling_terms" in d and "SCAN" in d) for d in details), details


async def test_a_suggestion_costs_the_same_on_a_large_vocabulary(store, db, spelling):
    """Virtual-machine steps for the same question, on 300 words and on 30,000 words."""

    async def steps() -> int:
        count = 0

        def tick() -> int:
            nonlocal count
            count += 1
            return 0

        await db.conn.set_progress_handler(tick, 1)
        assert await spelling.suggest("Jokowu Subiyanto inflasi Sandiaga") == ["Jokowi", "Subianto"]
        await db.conn.set_progress_handler(None, 1)
        return count

    def filler(start: int, n: int) -> list[str]:
        words = ["kata" + "".join(chr(97 + i // 26**k % 26) for k in range(4)) for i in range(start, start + n)]
        return [" ".join(words[i : i + 50]) + "." for i in range(0, len(words), 50)]

    for number, text in enumerate(STORIES):
        await store.put(make_article(f"{number:03d}", [text]), T0)
    await store.put(make_article("100", filler(0, 300)), T0)
    small = await steps()
    for number in range(30):
        await store.put(make_article(f"{200 + number}", filler(300 + number * 1000, 1000)), T0)
    assert (await db.fetchone("SELECT count(*) FROM spelling_terms"))[0] > 30_000
    large = await steps()
    assert small > 1000 and large < small * 1.2, (small, large)


async def test_the_migration_marks_an_existing_corpus_for_backfill(tmp_path, monkeypatch):
    from bot.store import db as dbmod
    from bot.store.articles import ArticleStore
    from bot.store.db import Database, migration_files

    every = migration_files()
    before = [m for m in every if m[0] < "0007"]
    monkeypatch.setattr(dbmod, "migration_files", lambda: before)
    async with await Database.open(tmp_path / "old.db") as db:
        assert await db.fetchone("SELECT 1 FROM sqlite_master WHERE name = 'spelling_terms'") is None
        await db.execute(
            "INSERT INTO articles (id, key, title, content_hash, indexed_at) VALUES ('001', '001_x', 't', 'h', ?)",
            (T0,),
        )
        for idx, text in enumerate(["Kata Jokowi, jembatan selesai.", "Menurut Jokowi, jalan juga."], 1):
            await db.execute(
                "INSERT INTO sentences (article, idx, paragraph, text) VALUES ('001', ?, 1, ?)", (idx, text)
            )
    monkeypatch.setattr(dbmod, "migration_files", lambda: every)
    async with await Database.open(tmp_path / "old.db") as db:
        assert (await db.fetchone("SELECT filled FROM spelling_state"))[0] == 0
        spelling = SpellingIndex(db)
        assert await spelling.close_terms("jokowu") == []
        assert await spelling.backfill() >= 4
        assert await spelling.close_terms("jokowu") == ["Jokowi"]
        assert await ArticleStore(db).count() == 1
    async with await Database.open(tmp_path / "new.db") as db:
        assert (await db.fetchone("SELECT filled FROM spelling_state"))[0] == 1  # nothing to fill
