"""The articles repository: round trips, replacement, removal, look-up by id or key."""

from __future__ import annotations

import dataclasses

import pytest

from bot.errors import AmbiguousArticle, ArticleNotFound, StoreConflict
from bot.models import Figure, Paragraph, Removal
from tests.store.helpers import make_article

T0 = "2025-01-01T00:00:00+00:00"
T1 = "2025-01-02T00:00:00+00:00"


def kursk(aid: str = "003", extra: str = "") -> object:
    return make_article(
        aid,
        [
            "Pentagon mengonfirmasi sekitar 10.000 tentara Korea Utara. Mereka berada di Kursk.",
            "Rusia membantah angka 10,000 itu." + extra,
        ],
        title="Korea Utara Kirim Pasukan",
        outlet="KONTAN.CO.ID",
        removed=(Removal(kind="cross-link", text="Baca Juga: Kapal Induk", line=5),),
    )


async def test_round_trip_keeps_everything(store):
    article = kursk()
    article = dataclasses.replace(
        article,
        paragraphs=(
            dataclasses.replace(article.paragraphs[0], heading="Tentara Menuju Ukraina"),
            *article.paragraphs[1:],
        ),
        sentences=(
            dataclasses.replace(
                article.sentences[0],
                figures=(
                    Figure(value=10000.0, text="sekitar 10.000", start=23, end=37, qualifier="about"),
                    Figure(
                        value=10000.0, text="puluhan ribu", start=40, end=52, vague=True, magnitude=4, unit="tentara"
                    ),
                ),
            ),
            *article.sentences[1:],
        ),
        warnings=("no editor line",),
        title_derived=True,
        dateline="JAKARTA",
        editor="Handoyo",
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
    for table in ("articles", "sentences", "figures"):
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
    with pytest.raises(StoreConflict):
        await store.put_many([good, bad], T0)
    assert await store.count() == 0
    await store.put_many([good, kursk("002")], T0)
    assert await store.count() == 2


async def test_text_is_stored_once_and_paragraphs_come_back(store, db):
    plain = kursk("001")
    await store.put(plain, T0)
    assert (await db.fetchone("SELECT layout FROM articles WHERE id = '001'"))[0] is None
    stored = (await db.fetchone("SELECT sum(length(text)) FROM sentences"))[0]
    assert stored == sum(len(s.text) for s in plain.sentences)  # no second copy anywhere
    assert (await store.get("001")).paragraphs == plain.paragraphs

    odd = kursk("002")
    odd = dataclasses.replace(
        odd,
        paragraphs=(
            dataclasses.replace(odd.paragraphs[0], heading="Sub judul"),
            dataclasses.replace(
                odd.paragraphs[1], text=odd.paragraphs[1].text + "  (foto)"
            ),  # not its sentences joined
            Paragraph(index=3, text="* * *"),  # no sentence at all
        ),
    )
    await store.put(odd, T0)
    assert (await store.get("002")).paragraphs == odd.paragraphs


async def test_empty_article_is_stored(store):
    empty = make_article("005", [])
    await store.put(empty, T0)
    got = await store.get("5")
    assert got.sentences == () and got.paragraphs == ()


async def test_a_database_with_paragraphs_is_migrated_to_text_once(tmp_path, monkeypatch):
    from bot.store import db as dbmod
    from bot.store.articles import ArticleStore
    from bot.store.db import Database, migration_files

    every = migration_files()
    monkeypatch.setattr(dbmod, "migration_files", lambda: [m for m in every if m[0] < "0007_d"])
    article = kursk("005")
    article = dataclasses.replace(
        article,
        paragraphs=(
            dataclasses.replace(article.paragraphs[0], heading="Sub judul"),
            dataclasses.replace(article.paragraphs[1], text=article.paragraphs[1].text + "  (foto)"),
        ),
    )
    path = tmp_path / "old.db"
    async with await Database.open(path) as db:  # the schema before: paragraphs, start offsets, removal objects
        await db.execute(
            "INSERT INTO articles (id, key, title, content_hash, indexed_at, removed) VALUES ('005', ?, ?, ?, ?, ?)",
            (
                article.key,
                article.title,
                article.content_hash,
                T0,
                '[{"kind": "cross-link", "text": "Baca Juga: Kapal Induk", "line": 5}]',
            ),
        )
        for p in article.paragraphs:
            await db.execute(
                'INSERT INTO paragraphs (article, "index", heading, text) VALUES (?, ?, ?, ?)',
                ("005", p.index, p.heading, p.text),
            )
        for s in article.sentences:
            await db.execute(
                "INSERT INTO sentences (article, idx, paragraph, text, start) VALUES (?, ?, ?, ?, 0)",
                ("005", s.index, s.paragraph, s.text),
            )
    monkeypatch.setattr(dbmod, "migration_files", lambda: every)
    async with await Database.open(path) as db:
        got = await ArticleStore(db).get("005")
        assert got.paragraphs == article.paragraphs
        assert got.removed == article.removed
        assert [s.text for s in got.sentences] == [s.text for s in article.sentences]
        assert (await db.fetchone("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'kursk'"))[0] == 1
        layout = (await db.fetchone("SELECT layout FROM articles"))[0]
        assert "Pentagon" not in layout  # the first paragraph is its sentences: only its heading is kept
