"""The committed judged attribution set is sound: fields, splits, quotes, figures, and enough of it."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from bot.models import Article
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
        {s.stance for s in sources} | {m.stance_unnamed for m in mentions})


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
        assert not (1900 <= figure.value <= 2100 and figure.value == int(figure.value) and figure.unit is None), query.id
        assert "/" not in query.figure and ":" not in query.figure, query.id


def test_no_forbidden_word_is_an_alias_of_the_same_mention(judged: JudgedSet) -> None:
    for query in judged.queries:
        for mention in query.mentions:
            for source in mention.sources:
                for alias in source.aliases:
                    assert forbidden(mention, alias) == [], (query.id, alias)


def test_the_articles_keep_the_dataset_fields_and_nothing_else() -> None:
    rows = [json.loads(line) for line in (HERE / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and all(set(row) == {"id", "source", "source_url", "category", "text"} for row in rows)
    assert all(row["source_url"].startswith("http") and "\n\n" in row["text"] for row in rows)
