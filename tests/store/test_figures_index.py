"""The figures index: the newest articles stating a figure, read in index order with a limit."""

from __future__ import annotations

import contextlib
import dataclasses

from bot.models import Figure
from bot.store.figures import FigureIndex
from tests.store.helpers import make_article

T0 = "2025-01-01T00:00:00Z"


async def put(store, aid: str, text: str, *figures: Figure) -> None:
    article = make_article(aid, [text])
    if figures:
        article = dataclasses.replace(article, sentences=(dataclasses.replace(article.sentences[0], figures=figures),))
    await store.put(article, T0)


async def test_the_newest_articles_come_first_even_across_id_widths(store, db):
    for aid in ("998", "999", "1000", "1001", "007"):
        await put(store, aid, "Ada 10.000 tentara.")
    await put(store, "1002", "Ada 500 tentara.")
    index = FigureIndex(db)
    assert await index.newest_articles(10000, limit=3) == ["1001", "1000", "999"]
    assert await index.newest_articles(10000) == ["1001", "1000", "999", "998", "007"]
    assert await index.count_articles(10000) == 5
    assert await index.count_articles(10000, cap=2) == 2  # "at least two"
    assert await index.newest_articles(12345) == [] and await index.count_articles(12345) == 0


async def test_vague_quantities_that_cover_the_figure_come_with_vague_too(store, db):
    await put(store, "001", "Ada 25.000 tentara.")
    await put(store, "002", "Puluhan ribu warga.", Figure(10000.0, "Puluhan ribu", vague=True, magnitude=4))
    await put(store, "003", "Ribuan warga.", Figure(1000.0, "Ribuan", vague=True, magnitude=3))
    await put(store, "004", "Ratusan warga.", Figure(100.0, "Ratusan", vague=True, magnitude=2))
    index = FigureIndex(db)
    assert await index.newest_articles(25000) == ["001"]
    assert await index.newest_articles(25000, vague_too=True) == ["003", "002", "001"]  # ratusan is too small
    assert await index.count_articles(25000, vague_too=True) == 3
    assert await index.newest_articles(999, vague_too=True) == ["004"]


async def test_a_unit_narrows_exact_figures(store, db):
    await put(store, "001", "Naik 15 persen.", Figure(15.0, "15 persen", unit="%"))
    await put(store, "002", "Ada 15 orang.", Figure(15.0, "15", unit="orang"))
    index = FigureIndex(db)
    assert await index.newest_articles(15, unit="%") == ["001"]
    assert await index.newest_articles(15) == ["002", "001"]
    assert await index.count_articles(15, unit="orang") == 1


@contextlib.contextmanager
def recorded(db):
    """The statements run through db.fetchall inside the block."""
    statements: list[str] = []
    real = db.fetchall

    async def spy(sql, params=()):
        statements.append(sql)
        return await real(sql, params)

    db.fetchall = spy
    try:
        yield statements
    finally:
        db.fetchall = real


async def test_look_ups_walk_the_index_in_order_without_sorting(store, db):
    index = FigureIndex(db)
    with recorded(db) as statements:
        await index.newest_articles(10000, vague_too=True)
        await index.count_articles(10000)
    for sql in statements:
        plan = " | ".join(row[3] for row in await db.fetchall("EXPLAIN QUERY PLAN " + sql, (1.0, 10)))
        assert "COVERING INDEX figures_" in plan, plan
        assert "TEMP B-TREE" not in plan and "SCAN" not in plan, plan


async def test_several_articles_are_read_in_one_query(store, db):
    await put(store, "001", "Ada 10.000 tentara. Mereka tiba.")
    await put(store, "002", "Tidak ada angka.")
    with recorded(db) as statements:
        found = await store.sentences_of(["002", "001", "404"])
    assert len(statements) == 1
    assert sorted(found) == ["001", "002"]
    assert [s.text for s in found["001"]] == ["Ada 10.000 tentara.", "Mereka tiba."]
    assert [f.value for f in found["001"][0].figures] == [10000.0] and found["001"][1].figures == ()
    assert found["001"] == (await store.get("001")).sentences
