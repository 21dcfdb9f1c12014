"""The store with the real reader and figure parser, on the five seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import ArticleNotFound, QueryError
from bot.indexing import index_folder
from bot.store.articles import ArticleStore
from bot.store.search import SentenceSearch

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ALL = {"000", "001", "002", "003", "004"}


@pytest.fixture
async def seeded(db):
    report = await index_folder(db, SEEDS)
    assert report.added == tuple(sorted(ALL)) and not report.warnings
    return db


@pytest.mark.parametrize("query", ["10000", "10.000", "10,000", "10 ribu", "sepuluh ribu", "sekitar 10.000"])
async def test_one_figure_every_spelling_every_article(seeded, query):
    hits = await SentenceSearch(seeded).search(query, limit=50)
    assert {h.article for h in hits} == ALL
    figure_hits = [h for h in hits if any(f.value == 10000 and not f.vague for f in h.figures)]
    assert {h.article for h in figure_hits} == ALL
    assert hits[: len(figure_hits)] == figure_hits  # the figure matches come first


async def test_words_with_a_figure(seeded):
    search = SentenceSearch(seeded)
    hits = await search.search("kursk 10000")
    assert hits and all("kursk" in h.text.lower() and any(f.value == 10000 for f in h.figures) for h in hits)
    assert len(hits) < len(await search.search("kursk", limit=50))


async def test_id_and_key_name_the_same_article(seeded):
    store = ArticleStore(seeded)
    by_id = await store.get("003")
    assert by_id == await store.get("003_89031a1fd86b0abb")
    assert by_id.key == "003_89031a1fd86b0abb" and by_id.sentences
    assert by_id.sentences[0].index == 1
    with pytest.raises(ArticleNotFound) as info:
        await store.get("005")
    assert "000, 001, 002, 003, 004" in info.value.user_message


async def test_reindexing_the_seeds_changes_nothing(seeded):
    again = await index_folder(seeded, SEEDS)
    assert (again.added, again.updated, again.removed, again.unchanged) == ((), (), (), 5)


async def test_by_figure_lists_every_sentence_once(seeded):
    hits = await SentenceSearch(seeded).by_figure(10000)
    assert len(hits) == len({(h.article, h.sentence) for h in hits})
    assert [(h.article, h.sentence) for h in hits] == sorted((h.article, h.sentence) for h in hits)
    assert {h.article for h in hits} == ALL


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(alphabet=st.sampled_from(list("10.,5 ribu sekitar kursk\"*()-:^+🙂AND OR NEAR'")), max_size=40)
    | st.text(max_size=40)
)
async def test_any_query_answers_or_says_why(seeded, query):
    try:
        hits = await SentenceSearch(seeded).search(query)
    except QueryError as exc:
        assert exc.user_message
    else:
        assert all(h.article in ALL and h.sentence >= 1 for h in hits)
