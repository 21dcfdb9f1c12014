"""The articles repository: round trips, replacement, removal, look-up by id or key."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from bot.errors import AmbiguousArticle, ArticleNotFound
from bot.models import Figure, Removal
from tests.store.helpers import make_article

T0 = "2025-01-01T00:00:00+00:00"
T1 = "2025-01-02T00:00:00+00:00"


def kursk(aid: str = "003", extra: str = "") -> object:
    return make_article(
        aid,
        ["Pentagon mengonfirmasi sekitar 10.000 tentara Korea Utara. Mereka berada di Kursk.",
         "Rusia membantah angka 10,000 itu." + extra],
        title="Korea Utara Kirim Pasukan",
        outlet="KONTAN.CO.ID",
        removed=(Removal(kind="cross-link", text="Baca Juga: Kapal Induk", line=5),),
    )


async def test_round_trip_keeps_everything(store):
    article = kursk()
    article = dataclasses.replace(
        article,
        paragraphs=(dataclasses.replace(article.paragraphs[0], heading="Tentara Menuju Ukraina"),
                    *article.paragraphs[1:]),
        sentences=(dataclasses.replace(article.sentences[0], figures=(
            Figure(value=10000.0, text="sekitar 10.000", start=23, end=37, qualifier="about"),
            Figure(value=10000.0, text="puluhan ribu", start=40, end=52, vague=True, magnitude=4, unit="tentara"),
        )), *article.sentences[1:]),
        warnings=("no editor line",), title_derived=True, dateline="JAKARTA", editor="Handoyo",
    )
    await store.put(article, T0)
    assert await store.get("003") == article
    assert await store.count() == 1
    assert await store.hashes() == {article.key: article.content_hash}


async def test_refs_id_number_key_and_filename(store):
    article = kursk()
    await store.put(article, T0)
    for ref in ("003", "3", " 003 ", article.key, article.key + ".txt", article.key.upper()):
        assert (await store.get(ref)).key == article.key, ref


async def test_not_found_lists_valid_ids(store):
    with pytest.raises(ArticleNotFound) as info:
        await store.get("003")
    assert "nothing is indexed" in info.value.user_message
    await store.put(kursk("003"), T0)
    await store.put(kursk("001"), T0)
    for ref in ("7", "004", "003_0000", "", "'; DROP TABLE articles; --"):
        with pytest.raises(ArticleNotFound) as info:
            await store.get(ref)
        assert "001, 003" in info.value.user_message
    assert await store.count() == 2


async def test_number_that_is_ambiguous_is_not_guessed(store):
    await store.put(kursk("003"), T0)
    await store.put(kursk("0003"), T0)
    assert (await store.get("0003")).id == "0003" and (await store.get("003")).id == "003"
    with pytest.raises(AmbiguousArticle) as info:  # not "No article": the number names two
        await store.get("3")
    assert info.value.user_message == "Article 3 is ambiguous: 003 and 0003 are both indexed. Give the whole id."
    await store.put(kursk("03"), T0)
    with pytest.raises(AmbiguousArticle, match="03, 003 and 0003 are all indexed"):
        await store.get("00003")


async def test_put_replaces_and_delete_cascades(store, db):
    await store.put(kursk(), T0)
    changed = kursk(extra=" Kremlin diam. Ukraina waspada.")
    await store.put(changed, T1)
    got = await store.get("003")
    assert len(got.sentences) == 5 and got == changed
    assert (await store.list())[0].indexed_at == "2025-01-02T00:00:00.000000+00:00"
    assert await store.delete(changed.key) is True
    assert await store.delete(changed.key) is False
    for table in ("articles", "paragraphs", "sentences", "figures"):
        assert (await db.fetchone(f"SELECT count(*) FROM {table}"))[0] == 0, table
    assert (await db.fetchone("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'kursk'"))[0] == 0


async def test_same_id_new_key_replaces_the_old_file(store):
    await store.put(kursk(), T0)
    renamed = dataclasses.replace(kursk(), key="003_ffffffffffffffff")
    await store.put(renamed, T1)
    assert [a.key for a in await store.list()] == ["003_ffffffffffffffff"]


async def test_list_is_numeric_and_since_filters(store):
    for aid, when in (("010", T0), ("002", T1), ("1000", T1), ("001", T0)):
        await store.put(kursk(aid), when)
    infos = await store.list()
    assert [a.id for a in infos] == ["001", "002", "010", "1000"]
    assert infos[0].title == "Korea Utara Kirim Pasukan" and infos[0].outlet == "KONTAN.CO.ID"
    assert infos[0].sentences == 3 and infos[0].words == kursk().word_count
    assert [a.id for a in await store.since("2025-01-01T12:00:00Z")] == ["002", "1000"]
    # 07:00 in Jakarta is T0 itself: strictly after excludes the articles indexed at T0
    assert [a.id for a in await store.since("2025-01-01T07:00:00+07:00")] == ["002", "1000"]
    assert [a.id for a in await store.since("2024-12-31T23:59:59Z")] == ["001", "002", "010", "1000"]
    assert await store.since("2030-01-01") == []


async def test_put_many_is_all_or_nothing(store):
    good = kursk("001")
    bad = dataclasses.replace(kursk("002"), sentences=kursk("002").sentences * 2)  # duplicate indexes
    with pytest.raises(sqlite3.IntegrityError):  # the second article's duplicate sentence index
        await store.put_many([good, bad], T0)
    assert await store.count() == 0
    await store.put_many([good, kursk("002")], T0)
    assert await store.count() == 2


async def test_paragraph_start_offsets(store, db):
    await store.put(kursk(), T0)
    rows = await db.fetchall("SELECT idx, paragraph, start FROM sentences ORDER BY idx")
    assert [tuple(r) for r in rows] == [(1, 1, 0), (2, 1, 59), (3, 2, 0)]


async def test_empty_article_is_stored(store):
    empty = make_article("005", [])
    await store.put(empty, T0)
    got = await store.get("5")
    assert got.sentences == () and got.paragraphs == ()
