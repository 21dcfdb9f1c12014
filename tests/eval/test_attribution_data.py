"""The committed judged attribution set is sound: fields, splits, quotes, figures, enough of it, and its two kinds of query agree."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from bot.models import Article
from eval.attribution.corpus_score import inconsistencies
from eval.attribution.judged import HERE, JudgedSet, load, problems, split_for
from eval.attribution.score import forbidden, parse_query, quote_sentences, read_judged


@pytest.fixture(scope="module")
def judged() -> JudgedSet:
    return load()


@pytest.fixture(scope="module")
def parsed(judged: JudgedSet) -> dict[str, Article]:
    return read_judged(judged)


def test_the_set_has_no_structural_problem(judged: JudgedSet) -> None:
    assert problems(judged) == []


def test_the_set_is_big_and_broad_enough(judged: JudgedSet) -> None:
    articles = {q.article for q in judged.queries}
    assert len(judged.queries) >= 80
    assert len(articles) >= 45
    by_split = Counter(q.split for q in judged.queries)
    assert min(by_split.values()) >= 0.4 * len(judged.queries), by_split
    mentions = [m for q in judged.queries for m in q.mentions]
    sources = [s for m in mentions for s in m.sources]
    assert sum(1 for m in mentions if not m.sources) >= 0.2 * len(mentions)  # a good share has no source
    assert {s.strength for s in sources} == {"sentence", "neighbour"}
    assert {"person", "organization", "anonymous", "document"} <= {s.kind for s in sources}
    assert {"confirmed", "reported", "claimed", "denied", "estimated", "predicted", "alleged", "decided"} <= (
        {s.stance for s in sources} | {m.stance_unnamed for m in mentions}
    )


def test_every_article_is_split_by_the_hash_of_its_id(judged: JudgedSet) -> None:
    for query in judged.queries:
        assert query.split == split_for(query.article), query.id


def test_every_quote_occurs_once_in_its_article(judged: JudgedSet, parsed: dict[str, Article]) -> None:
    for query in judged.queries:
        text = judged.articles[query.article].text
        for mention in query.mentions:
            where = f"{query.id} «{mention.quote}»"
            assert len(quote_sentences(parsed[query.article], mention.quote)) == 1, where
            assert text.count(mention.quote) == 1, where


def test_mentions_of_a_query_are_distinct_sentences(judged: JudgedSet, parsed: dict[str, Article]) -> None:
    for query in judged.queries:
        at = [quote_sentences(parsed[query.article], m.quote)[0] for m in query.mentions]
        assert len(set(at)) == len(at), query.id


def test_every_figure_parses_and_is_not_a_year_or_date(judged: JudgedSet) -> None:
    for query in judged.queries:
        figure = parse_query(query.figure)
        assert figure is not None and not figure.vague, query.id
        assert not (1900 <= figure.value <= 2100 and figure.value == int(figure.value) and figure.unit is None), (
            query.id
        )
        assert "/" not in query.figure and ":" not in query.figure, query.id


def test_no_forbidden_word_is_an_alias_of_the_same_mention(judged: JudgedSet) -> None:
    for query in judged.queries:
        for mention in query.mentions:
            for source in mention.sources:
                for alias in source.aliases:
                    assert forbidden(mention, alias) == [], (query.id, alias)


def test_the_articles_keep_the_dataset_fields_and_nothing_else() -> None:
    rows = [json.loads(line) for line in (HERE / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and all(list(row) == ["id", "source", "source_url", "category", "text"] for row in rows)
    assert all(row["source_url"].startswith("http") and "\n\n" in row["text"] for row in rows)


def test_the_articles_are_the_100_of_the_public_sample_in_id_order(judged: JudgedSet) -> None:
    ids = list(judged.articles)
    assert len(ids) == 100 and len(set(ids)) == 100 and ids == sorted(ids)
    assert judged.kabar_id(ids[0]) == "000" and judged.kabar_id(ids[-1]) == "099"
    assert {split_for(a) for a in ids} == {"tune", "held-out"}


def test_the_corpus_queries_are_many_and_spread_over_rare_and_common_values(judged: JudgedSet) -> None:
    assert len(judged.corpus) >= 30
    figures = {q.id: parse_query(q.figure) for q in judged.corpus}
    spread = {q.id: len({m.article for m in q.mentions}) for q in judged.corpus}
    small = [qid for qid, f in figures.items() if f.unit is None and f.value <= 10 and spread[qid] >= 10]
    money = [qid for qid, f in figures.items() if f.unit in ("rp", "usd", "eur", "gbp")]
    percent = [qid for qid, f in figures.items() if f.unit == "%"]
    large = [qid for qid, f in figures.items() if f.unit is None and f.value >= 1000]
    assert len(small) >= 4 and len(money) >= 3 and len(percent) >= 4 and len(large) >= 4, (small, money, percent, large)
    assert max(spread.values()) > 40  # a value common enough for the 40-article limit to apply
    mentions = [m for q in judged.corpus for m in q.mentions]
    assert {split_for(m.article) for m in mentions} == {"tune", "held-out"}
    sources = [s for m in mentions for s in m.mention.sources]
    assert {s.strength for s in sources} == {"sentence", "neighbour"}
    assert sum(1 for m in mentions if not m.mention.sources) >= 0.3 * len(mentions)


def test_every_corpus_figure_parses_and_is_not_a_year(judged: JudgedSet) -> None:
    assert len({q.figure for q in judged.corpus}) == len(judged.corpus)
    for query in judged.corpus:
        figure = parse_query(query.figure)
        assert figure is not None and not figure.vague, query.id
        assert not (1900 <= figure.value <= 2100 and figure.unit is None), query.id


def test_the_corpus_and_the_per_article_queries_agree(judged: JudgedSet, parsed: dict[str, Article]) -> None:
    # every corpus quote is found once; a sentence is judged one way for one value; a per-article
    # query and a corpus query of the same figure list the same sentences of that article
    assert inconsistencies(judged, parsed) == []


def test_no_forbidden_word_is_an_alias_of_the_same_corpus_mention(judged: JudgedSet) -> None:
    for query in judged.corpus:
        for item in query.mentions:
            for source in item.mention.sources:
                for alias in (*source.aliases, *source.bodies):
                    assert forbidden(item.mention, alias) == [], (query.id, item.article, alias)


def test_a_source_named_in_several_places_is_one_kind_of_source(judged: JudgedSet) -> None:
    kinds: dict[str, set[str]] = {}
    for mention in [m for q in judged.queries for m in q.mentions] + [
        m.mention for q in judged.corpus for m in q.mentions
    ]:
        for source in mention.sources:
            kinds.setdefault(source.name, set()).add(source.kind)
    assert {name: k for name, k in kinds.items() if len(k) > 1} == {}
