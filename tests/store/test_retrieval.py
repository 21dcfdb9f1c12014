"""Ranked retrieval at bounded cost: rare phrases first, recency windows, text checks, BM25-style order."""

from __future__ import annotations

import pytest

from bot.store import retrieval
from bot.store.retrieval import Ranker
from tests.store.helpers import make_article

T0 = "2025-01-01T00:00:00Z"


async def put(store, number: int, text: str) -> None:
    await store.put(make_article(f"{number:03d}", [text]), T0)


async def needle(store, text: str, hay: str, count: int) -> None:
    """Article 001 says `text`; the `count` newer ones all say `hay`."""
    await put(store, 1, text)
    for n in range(2, 2 + count):
        await put(store, n, hay)


async def ids(db, ranked) -> list[str]:
    out = []
    for rowid, _ in ranked:
        row = await db.fetchone("SELECT article FROM sentences WHERE rowid = ?", (rowid,))
        out.append(row[0])
    return out


@pytest.fixture
def ranker(db) -> Ranker:
    return Ranker(db)


async def test_a_sentence_with_the_rare_word_outranks_one_with_only_common_words(store, db, ranker):
    for n in range(1, 9):
        await put(store, n, f"Pasukan tiba di perbatasan pada hari ke {n}.")
    await put(store, 20, "Pasukan Korea Utara tiba di Kursk.")
    ranked = await ranker.rank(['"pasukan"', '"kursk"'], mode="any", limit=3)
    assert (await ids(db, ranked))[0] == "020"
    assert [score for _, score in ranked] == sorted((score for _, score in ranked), reverse=True)
    assert all(score > 0 for _, score in ranked)


async def test_among_sentences_with_every_word_the_shorter_comes_first(store, db, ranker):
    await put(store, 1, "Pasukan tiba di Kursk.")
    await put(
        store,
        2,
        "Menurut laporan yang diterbitkan kemarin sore oleh kantor berita setempat, pasukan"
        " dalam jumlah besar akhirnya tiba di wilayah Kursk setelah perjalanan panjang.",
    )
    await put(store, 3, "Pasukan tiba di Belgorod.")
    assert await ids(db, await ranker.rank(['"pasukan"', '"kursk"'], limit=5)) == ["001", "002"]


async def test_phrases_beyond_the_lead_are_checked_on_the_text(store, db, ranker, monkeypatch):
    monkeypatch.setattr(retrieval, "LEAD", 2)
    await put(store, 1, "Satu dua tiga empat lima.")
    await put(store, 2, "Satu dua tiga empat.")
    await put(store, 3, "Satu dua lima tiga empat enam.")  # every word, another order
    await put(store, 4, "Su-34 jatuh di dekat satu dua desa.")
    words = ['"satu"', '"dua"', '"tiga"', '"empat"', '"lima"']
    assert sorted(await ids(db, await ranker.rank(words, limit=10))) == ["001", "003"]
    assert await ids(db, await ranker.rank(['"satu"', '"dua"', '"su 34"'], limit=10)) == ["004"]
    assert await ids(db, await ranker.rank(['"satu"', '"dua"', '"34 su"'], limit=10)) == []


async def test_an_and_of_common_words_looks_back_a_bounded_number_of_sentences(store, db, ranker, monkeypatch):
    monkeypatch.setattr(retrieval, "STAT_CAP", 2)
    monkeypatch.setattr(retrieval, "MAX_COMMON_WINDOW", 8)
    await put(store, 1, "Hujan dan angin kencang.")  # rowid 1: beyond the window
    for n in range(2, 12):
        await put(store, n, "Hujan deras." if n % 4 else "Hujan dan angin.")
    found = await ids(db, await ranker.rank(['"hujan"', '"angin"'], limit=10))
    assert sorted(found) == ["004", "008"]  # 001 also matches, but lies 11 sentences back
    monkeypatch.setattr(retrieval, "MAX_COMMON_WINDOW", 100)
    assert sorted(await ids(db, await ranker.rank(['"hujan"', '"angin"'], limit=10))) == ["001", "004", "008"]


async def test_a_window_full_of_candidates_that_fail_the_text_check_is_read_on(store, db, ranker, monkeypatch):
    monkeypatch.setattr(retrieval, "LEAD", 1)
    monkeypatch.setattr(retrieval, "CHECK_BATCH", 2)
    monkeypatch.setattr(retrieval, "RANK_WINDOW", 2)
    await needle(store, "Hujan dan angin.", "Hujan deras.", 7)
    assert await ids(db, await ranker.rank(['"hujan"', '"angin"'], limit=1)) == ["001"]


async def test_a_rare_phrase_bounds_the_search_over_the_whole_index(store, db, ranker, monkeypatch):
    monkeypatch.setattr(retrieval, "STAT_CAP", 3)
    monkeypatch.setattr(retrieval, "MAX_COMMON_WINDOW", 2)
    await needle(store, "Hujan turun di Kursk.", "Hujan turun lagi.", 8)
    assert await ids(db, await ranker.rank(['"hujan"', '"kursk"'], limit=5)) == ["001"]


async def test_figures_and_spans_restrict_the_hits(store, db, ranker):
    await put(store, 1, "Pasukan 10.000 tiba.")
    await put(store, 2, "Pasukan 500 tiba.")
    assert await ids(db, await ranker.rank(['"pasukan"'], figures=['figure_terms : "fig10000"'])) == ["001"]
    span = await db.fetchone("SELECT min(rowid), max(rowid) FROM sentences WHERE article = '002'")
    assert await ids(db, await ranker.rank(['"pasukan"'], mode="any", span=tuple(span))) == ["002"]
    assert await ranker.rank(['"tidakada"'], limit=5) == []
    assert await ranker.rank([], limit=5) == [] and await ranker.rank(['"pasukan"'], limit=0) == []


async def test_an_any_word_query_is_answered_from_its_rarest_phrases(store, db, ranker, monkeypatch):
    monkeypatch.setattr(retrieval, "ANY_PHRASES", 1)
    await put(store, 1, "Hujan turun di Kursk.")
    for n in range(2, 6):
        await put(store, n, "Hujan turun lagi.")
    assert await ids(db, await ranker.rank(['"hujan"', '"kursk"'], mode="any", limit=10)) == ["001"]
    monkeypatch.setattr(retrieval, "ANY_PHRASES", 2)
    assert len(await ranker.rank(['"hujan"', '"kursk"'], mode="any", limit=10)) == 5
