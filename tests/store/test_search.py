"""Sentence search: escaping user text for MATCH, ranking, figures, FTS sync, suggestions."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import QueryError
from bot.models import Figure
from bot.store.search import fold, to_match
from tests.store.helpers import make_article

T0 = "2025-01-01T00:00:00Z"

NASTY = [
    '"kursk',
    "AND OR",
    "*",
    "'); DROP TABLE sentences; --",
    "🙂🙂",
    "NEAR(kursk korea, 2)",
    "kursk*",
    "(",
    ")",
    "^",
    ":",
    "text:kursk",
    '""',
    "-",
    "+",
    "NOT",
    "a OR",
    "Kyïv",
    "\x00",
    "\\",
]


@pytest.fixture
async def corpus(store):
    await store.put(
        make_article(
            "001",
            [
                "Pentagon mengonfirmasi sekitar 10.000 tentara Korea Utara dikirim ke Rusia. Mereka dilatih di Kursk.",
                "Sekjen NATO Mark Rutte juga mengonfirmasi laporan itu.",
            ],
            title="Pentagon",
        ),
        T0,
    )
    await store.put(
        make_article(
            "002",
            [
                "Ukraina menyebut 10,000 tentara Korea Utara. Serangan drone di Kyiv menewaskan 3 orang.",
            ],
            title="Ukraina",
        ),
        T0,
    )
    await store.put(
        make_article(
            "003",
            [
                "Badan intelijen Korea Selatan melaporkan 11.000 pasukan. Pasukan itu ditarik dari Kursk.",
            ],
            title="Seoul",
        ),
        T0,
    )
    return store


@pytest.mark.parametrize("query", NASTY)
async def test_nasty_queries_never_break_match(corpus, search, db, query):
    expr = to_match(query)
    if expr is not None:
        await db.fetchall("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", (expr,))
    try:
        hits = await search.search(query)
    except QueryError as exc:
        assert exc.user_message
    else:
        assert all(h.article in {"001", "002", "003"} for h in hits)
    assert await corpus.count() == 3  # nothing was dropped


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
async def test_any_text_is_a_valid_match_or_none(corpus, db, query):
    expr = to_match(query)
    if expr is None:
        return
    assert expr.count('"') % 2 == 0
    await db.fetchall("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", (expr,))


def test_to_match_shapes():
    assert to_match('"kursk') == '"kursk"*'
    assert to_match("AND OR") == '"AND" "OR"'
    assert to_match("10.000 tentara", prefix_last=False) == '"10 000" "tentara"'
    assert to_match("korea utara", mode="any") == '"korea" OR "utara"'
    assert to_match("Su-34") == '"Su 34"' and to_match("kursk") == '"kursk"*'
    assert to_match("*") is None and to_match("🙂 ?!") is None and to_match("") is None
    with pytest.raises(QueryError):
        to_match("x" * 10_000)
    with pytest.raises(QueryError):
        to_match(" ".join(["kata"] * 40))
    with pytest.raises(ValueError):
        to_match("a", mode="some")


async def test_huge_and_empty_queries_give_clear_errors(corpus, search):
    with pytest.raises(QueryError) as info:
        await search.search(("kursk " * 2000)[:10_000])
    assert "10,000 characters" in info.value.user_message
    for query in ("", "   ", "🙂", "*"):
        with pytest.raises(QueryError) as info:
            await search.search(query)
        assert "nothing to search" in info.value.user_message


async def test_words_are_ranked_and_cited(corpus, search):
    hits = await search.search("kursk")
    assert {(h.article, h.sentence) for h in hits} == {("001", 2), ("003", 2)}
    assert all(h.score > 0 for h in hits)
    assert hits[0].title in {"Pentagon", "Seoul"}
    prefix = await search.search("mengkonfirm")  # no such word: the OR/prefix path finds nothing
    assert prefix == []
    assert {h.sentence for h in await search.search("mengonfir")} == {1, 3}  # prefix of the last word


async def test_diacritics_and_case_are_folded(corpus, search):
    assert [h.article for h in await search.search("KYÏV")] == ["002"]
    assert fold("Kyïv") == "kyiv"


async def test_all_words_then_any_word(corpus, search):
    both = await search.search("rutte pentagon")
    assert {(h.article, h.sentence) for h in both} == {("001", 1), ("001", 3)}  # no sentence has both
    assert [(h.article, h.sentence) for h in await search.search("rutte nato")] == [("001", 3)]


async def test_figure_query_finds_every_spelling(corpus, search):
    hits = await search.search("10000")
    assert [(h.article, h.sentence) for h in hits] == [("001", 1), ("002", 1)]
    assert [f.value for f in hits[0].figures] == [10000.0]
    assert [(h.article, h.sentence) for h in await search.search("10.000")] == [("001", 1), ("002", 1)]
    assert [(h.article, h.sentence) for h in await search.search("10,000")] == [("001", 1), ("002", 1)]


async def test_figure_inside_a_longer_query_restricts_words(corpus, search):
    hits = await search.search("tentara 10000")
    assert [(h.article, h.sentence) for h in hits] in ([("001", 1), ("002", 1)], [("002", 1), ("001", 1)])
    assert [h.article for h in await search.search("pasukan 11000")] == ["003"]
    assert await search.search("pasukan 10000") == []


async def test_limit(corpus, search):
    assert len(await search.search("10000", limit=1)) == 1
    assert len(await search.search("korea", limit=2)) == 2
    assert await search.search("korea", limit=0) == []


async def test_by_figure_exact_and_vague(store, search):
    article = make_article("004", ["Ribuan tentara tiba. Puluhan ribu warga mengungsi. Ada 25.000 korban."])
    vague = dataclasses.replace(
        article.sentences[1], figures=(Figure(value=10000.0, text="Puluhan ribu", vague=True, magnitude=4),)
    )
    thousands = dataclasses.replace(
        article.sentences[0], figures=(Figure(value=1000.0, text="Ribuan", vague=True, magnitude=3),)
    )
    await store.put(dataclasses.replace(article, sentences=(thousands, vague, article.sentences[2])), T0)
    assert [h.sentence for h in await search.by_figure(25000)] == [3]
    # vague quantities within two orders of magnitude, as bot.corpus.figures.query.figures_related decides
    assert [h.sentence for h in await search.by_figure(25000, include_vague=True)] == [1, 2, 3]
    assert [h.sentence for h in await search.by_figure(10000)] == []
    assert [h.sentence for h in await search.by_figure(10000, include_vague=True)] == [1, 2]
    assert [h.sentence for h in await search.by_figure(5000, include_vague=True)] == [1]
    assert [h.sentence for h in await search.by_figure(500000, include_vague=True)] == [2]
    assert [h.sentence for h in await search.by_figure(999, include_vague=True)] == []


async def test_fts_follows_updates_and_deletes(corpus, search, db):
    await db.execute("UPDATE sentences SET text = 'Mereka dilatih di Belgorod.' WHERE article = '001' AND idx = 2")
    assert [h.article for h in await search.search("kursk")] == ["003"]
    assert [h.article for h in await search.search("belgorod")] == ["001"]
    key = (await corpus.get("003")).key
    await corpus.delete(key)
    assert await search.search("kursk") == []
    assert await search.search("11000") == []
    await corpus.put(make_article("003", ["Kursk lagi."]), T0)
    assert [h.text for h in await search.search("kursk")] == ["Kursk lagi."]
    integrity = await db.fetchall("INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 1)")
    assert integrity == []


async def test_sentences_for_terms(corpus, search):
    hits = await search.sentences_for_terms(["kursk", "drone"], limit=10)
    assert {(h.article, h.sentence) for h in hits} == {("001", 2), ("002", 2), ("003", 2)}
    assert [h.article for h in await search.sentences_for_terms(["kursk"], article="003")] == ["003"]
    assert await search.sentences_for_terms(["***"]) == []


async def test_suggestions(corpus, search):
    assert (await search.close_terms("kurks"))[0] == "Kursk"
    assert await search.close_terms("zz") == []
    assert "pentagon" in await search.suggest("pentagen zzzzzz")
    assert (await search.prefix_terms("kor"))[0] == "korea"
    assert await search.prefix_terms("🙂") == []


async def test_figure_tokens_stay_out_of_text_search_and_suggestions(corpus, search):
    assert await search.search("fig10000") == []
    assert all(not t.startswith("fig") for t in await search.prefix_terms("f", limit=50))
    assert await search.close_terms("fig10001") == []


async def test_ranking_window_keeps_the_newest_matches(store, search, monkeypatch):
    from bot.store import retrieval

    monkeypatch.setattr(retrieval, "RANK_WINDOW", 3)
    for i in range(1, 7):
        await store.put(make_article(f"{i:03d}", [f"Laporan nomor {i} tentang Kursk."]), T0)
    assert {h.article for h in await search.search("kursk", limit=2)} <= {"004", "005", "006"}
    assert len(await search.search("laporan kursk", limit=2)) == 2
    assert len(await search.search("kursk", limit=6)) == 6  # the window never cuts below the limit


def test_figure_tokens():
    from bot.store.articles import figure_terms, figure_token

    assert figure_token(10000.0) == "fig10000" and figure_token(2.5) == "fig2d5" and figure_token(-3) == "figm3"
    assert figure_token(float("nan")) is None and figure_token(float("inf")) is None
    assert (
        figure_terms(
            [
                Figure(10000.0, "10.000"),
                Figure(10000.0, "10,000"),
                Figure(1000.0, "ribuan", vague=True),
                Figure(2.5, "2,5"),
            ]
        )
        == "fig10000 fig2d5"
    )


async def test_changing_a_sentences_figures_updates_the_index(corpus, search, db):
    await db.execute("UPDATE sentences SET figure_terms = 'fig99' WHERE article = '001' AND idx = 2")
    assert [(h.article, h.sentence) for h in await search.search("kursk 99")] == [("001", 2)]
    assert await search.search("kursk 10000") == []
    assert await db.fetchall("INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 1)") == []


async def test_sentences_for_terms_in_one_article_after_replacements(corpus, search):
    await corpus.put(make_article("002", ["Drone lagi di Kursk. Kursk sepi."]), T0)  # 002 now sits after 003
    hits = await search.sentences_for_terms(["kursk", "drone"], article="002")
    assert {(h.article, h.sentence) for h in hits} == {("002", 1), ("002", 2)}
    assert [h.sentence for h in await search.sentences_for_terms(["drone"], article="002")] == [1]
    assert await search.sentences_for_terms(["kursk"], article="999") == []


async def test_variants_of_a_query_find_the_other_forms_of_a_name(store, search):
    await store.put(make_article("001", ["Presiden Joko Widodo meresmikan bendungan."]), T0)
    await store.put(make_article("002", ["Jokowi meninjau pasar."]), T0)
    await store.put(make_article("003", ["Pasar itu ramai."]), T0)
    assert [h.article for h in await search.search("Jokowi")] == ["002"]
    both = await search.search("Jokowi", variants=["Joko Widodo", "***", "Jokowi"])
    assert sorted(h.article for h in both) == ["001", "002"]
    assert [h.article for h in await search.search("jokowi pasar", variants=["joko widodo pasar"])] == ["002"]
    anything = await search.search("jokowi bendungan", variants=["joko widodo bendungan"])
    assert [h.article for h in anything] == ["001"]


async def test_variants_find_the_other_forms_of_a_name(store, search):
    await store.put(make_article("010", ["Presiden Joko Widodo meresmikan jalan tol Semarang."]), T0)
    await store.put(make_article("011", ["Jokowi menghadiri peluncuran kapal perang di Surabaya."]), T0)
    await store.put(make_article("012", ["Widodo Santoso membuka warung kopi di Solo."]), T0)
    assert {h.article for h in await search.search("Jokowi")} == {"011"}
    found = await search.search("Jokowi", variants=["Joko Widodo"])
    assert {h.article for h in found} == {"010", "011"}  # every word of a variant, not any of them
    # a variant that cannot be searched is left out; the query still runs
    found = await search.search("Jokowi", variants=["*", " ".join(["kata"] * 40)])
    assert {h.article for h in found} == {"011"}
    # when no sentence has every word, any word of the query or of its variants
    found = await search.search("Jokowi meresmikan bendungan", variants=["Joko Widodo meresmikan bendungan"])
    assert "010" in {h.article for h in found}
