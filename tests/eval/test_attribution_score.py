"""The attribution scorer on small hand-made answers: names, must_not, neighbours, stances, unnamed, citations."""

from __future__ import annotations

from enum import Enum

import pytest

from bot.corpus.reader import parse_article
from bot.models import AnswerItem, Article, Citation
from eval.attribution.judged import (
    SPEAKER_OUTSIDE,
    ExpectedSource,
    JudgedArticle,
    JudgedSet,
    Mention,
    Query,
    problems,
    split_for,
)
from eval.attribution.score import Tally, names, normalise, quote_sentences, score, score_query, view

TEXT = (
    "Polisi menangkap dua orang di Jakarta pada Senin malam.\n"
    "Kepala Humas Polda Metro Jaya Argo Yuwono mengatakan polisi menyita 1.000 konten.\n"
    '"Ada 1.000 konten dari berbagai negara. Sebagian dari Indonesia," kata Argo.\n'
    "Sekitar 1.000 orang diperkirakan menonton siaran itu.\n"
)


class Stance(Enum):
    REPORTED = "reported"
    CONFIRMED = "confirmed"


def argo(strength: str, stance: str = "reported", scope: str = "figure") -> ExpectedSource:
    return ExpectedSource(
        name="Argo Yuwono",
        aliases=("Argo Yuwono", "Polda Metro Jaya", "Jakarta police"),
        kind="person",
        strength=strength,
        stance=stance,
        scope=scope,
    )


SEIZED = Mention("polisi menyita 1.000 konten", (argo("sentence"),), ("Senin", "Antara"))
QUOTED = Mention("Ada 1.000 konten dari berbagai negara", (argo("neighbour"),), ())
WATCHED = Mention("Sekitar 1.000 orang diperkirakan menonton", (), ("Argo",), stance_unnamed="estimated")
QUERY = Query(id="q1", article="x", split="tune", figure="1.000", mentions=(SEIZED, QUOTED, WATCHED))


@pytest.fixture(scope="module")
def article() -> Article:
    return parse_article(TEXT, "001_0123456789abcdef")


def item(
    *cites: int,
    who=None,
    organization=None,
    source=None,
    stance="reported",
    scope=None,
    kind="person",
    article: str = "001",
) -> AnswerItem:
    return AnswerItem(
        text=f"{source or who or 'no source named'} — {stance}",
        citations=tuple(Citation(article=article, sentence=n, text="") for n in cites),
        fields={
            "who": who,
            "role": None,
            "organization": organization,
            "stance": stance,
            "cue": None,
            "via": [],
            "figure": None,
            "source": source,
            "kind": kind,
            **({"scope": scope} if scope is not None else {}),
        },
    )


def unnamed(*cites: int, stance: str = "reported", via: str | None = None) -> AnswerItem:
    source = f"no source named (reported by {via})" if via else None
    return item(*cites, source=source, stance=stance, kind="medium" if via else "unattributed")


def test_the_quotes_sit_in_the_sentences_the_items_cite(article: Article) -> None:
    assert [quote_sentences(article, m.quote) for m in QUERY.mentions] == [[2], [3], [5]]


def test_a_right_name_is_found_in_the_sentence_and_from_the_neighbours(article: Article) -> None:
    tally = score_query(QUERY, article, [item(2, 3, 4, who="Argo Yuwono", source="Argo Yuwono, police spokesman")])
    assert (tally["named"], tally["named_right"]) == (1, 1)
    assert (tally["sentence_found"], tally["sentence_total"]) == (1, 1)
    assert (tally["neighbour_found"], tally["neighbour_total"]) == (1, 1)
    assert (tally["stance_right"], tally["stance_total"]) == (2, 2)
    # today's engine has no scope: counted as wrong, and apart as missing
    assert (tally["scope_right"], tally["scope_total"], tally["scope_missing"]) == (0, 2, 2)
    assert (tally["citation_right"], tally["citation_total"]) == (2, 3)


def test_a_wrong_name_beside_a_right_citation_is_wrong_and_not_found(article: Article) -> None:
    tally = score_query(QUERY, article, [item(2, who="Kepala", source="Kepala")])
    assert (tally["named"], tally["named_right"], tally["sentence_found"]) == (1, 0, 0)
    assert [f.what for f in tally.failures][:2] == ["named-wrong", "missed"]
    assert tally["citation_right"] == 1  # the sentence is cited, the person is not right


def test_an_item_mixing_a_sourced_and_an_unsourced_sentence_is_wrong(article: Article) -> None:
    tally = score_query(QUERY, article, [item(2, 5, who="Argo Yuwono", source="Argo Yuwono")])
    assert (tally["named"], tally["named_right"]) == (1, 0)
    assert tally["sentence_found"] == 1  # the source is still found for its own sentence
    assert (tally["unnamed_right"], tally["unnamed_total"]) == (0, 1)
    assert tally["must_not_hits"] == 1  # "Argo" must not stand behind the unsourced sentence


def test_no_source_named_needs_the_stance_the_wording_carries(article: Article) -> None:
    right = score_query(QUERY, article, [unnamed(5, stance="estimated")])
    plain = score_query(QUERY, article, [unnamed(5, stance="reported")])
    assert (right["unnamed_right"], plain["unnamed_right"]) == (1, 0)
    assert right["named"] == 0


def test_a_forbidden_word_spoils_a_label_that_holds_the_right_alias(article: Article) -> None:
    tally = score_query(QUERY, article, [item(2, who="Senin Argo Yuwono", source="Senin Argo Yuwono")])
    assert (tally["named_right"], tally["must_not_hits"]) == (0, 1)
    assert "Senin" in tally.failures[0].got


def test_a_relaying_outlet_is_not_part_of_the_label(article: Article) -> None:
    named = score_query(QUERY, article, [item(2, source="Argo Yuwono (via Antara)", kind="organization")])
    assert (named["named_right"], named["must_not_hits"]) == (1, 0)
    relayed = score_query(QUERY, article, [unnamed(5, stance="estimated", via="Antara")])
    assert (relayed["named"], relayed["unnamed_right"]) == (0, 1)


def test_enum_stances_and_scopes_compare_by_value(article: Article) -> None:
    enum_item = item(2, who="Argo Yuwono", stance=Stance.REPORTED, scope=Stance.REPORTED)
    tally = score_query(QUERY, article, [enum_item])
    assert tally["stance_right"] == 1
    scoped = score_query(QUERY, article, [item(2, who="Argo Yuwono", scope="figure")])
    assert (scoped["scope_right"], scoped["scope_missing"]) == (1, 0)


def test_a_stance_other_than_reported_is_counted_apart(article: Article) -> None:
    confirmed = Query(
        id="q2",
        article="x",
        split="tune",
        figure="1.000",
        mentions=(Mention(SEIZED.quote, (argo("sentence", stance="confirmed"),), ()),),
    )
    wrong = score_query(confirmed, article, [item(2, who="Argo Yuwono", stance="reported")])
    right = score_query(confirmed, article, [item(2, who="Argo Yuwono", stance=Stance.CONFIRMED)])
    assert (wrong["marked_right"], wrong["marked_total"], wrong["stance_right"]) == (0, 1, 0)
    assert (right["marked_right"], right["marked_total"]) == (1, 1)
    assert wrong.failures[-2].what == "stance"


def test_related_items_are_left_out(article: Article) -> None:
    tally = score_query(QUERY, article, [item(2, 3, who="Hal", source="Hal", kind="related")])
    assert (tally["named"], tally["citation_right"]) == (0, 0)


def test_a_named_item_citing_no_figure_sentence_is_wrong(article: Article) -> None:
    tally = score_query(QUERY, article, [item(1, who="Argo Yuwono", source="Argo Yuwono")])
    assert (tally["named"], tally["named_right"], tally["stray_named"]) == (1, 0, 1)


def test_nothing_answered_is_nothing_cited(article: Article) -> None:
    tally = score_query(QUERY, article, [])
    assert (tally["citation_right"], tally["citation_total"], tally["mentions"]) == (0, 3, 3)
    assert {f.what for f in tally.failures} == {"citation", "missed", "unnamed"}


def test_a_name_with_a_place_folded_in_is_right_but_counted_apart(article: Article) -> None:
    tally = score_query(QUERY, article, [item(2, who="Jaya Argo Yuwono", source="Jaya Argo Yuwono")])
    assert (tally["named_right"], tally["who_extra"]) == (1, 1)
    clean = score_query(QUERY, article, [item(2, who="Argo Yuwono", source="Argo Yuwono, spokesman")])
    assert clean["who_extra"] == 0


def test_alias_matching_is_whole_words_after_folding() -> None:
    kpu = ExpectedSource("KPU Jateng", ("KPU Jateng",), "organization", "sentence", "reported", "figure")
    eddy = ExpectedSource("Eddy Santoso", ("Eddy Santoso",), "person", "sentence", "reported", "figure")
    tri = ExpectedSource("Tri", ("Tri",), "person", "sentence", "reported", "figure")
    assert names(kpu, "KPU (General Elections Commission) Jateng")
    assert names(kpu, "kpu-jateng")
    assert not names(kpu, "KPU Jawa Timur")
    assert names(eddy, "Mr Santoso, head of the agency")  # a person's surname
    assert not names(eddy, "Santosa")
    assert not names(tri, "Trikora")
    assert normalise("Mérida, C+A  Global!") == "merida c a global"


def test_a_tally_adds_up_and_rates() -> None:
    one, two = Tally(), Tally()
    one.bump("named", 2)
    one.bump("named_right")
    two.bump("named")
    assert one.add(two)["named"] == 3
    assert one.rate("named_right", "named") == pytest.approx(1 / 3)
    assert Tally().rate("named_right", "named") is None


def test_view_reads_who_organization_and_source() -> None:
    seen = view(item(2, who="Argo Yuwono", organization="Polda Metro Jaya", source="Argo (via AFP)"), "001")
    assert seen.label == "Argo Yuwono | Polda Metro Jaya | Argo"
    assert seen.named and not seen.related and seen.cited == frozenset({("001", 2)})
    assert view(item(2, article="002"), "001").cited == frozenset()
    assert not view(unnamed(2), "001").named


def _set(article_ids: list[str]) -> JudgedSet:
    articles = {aid: JudgedArticle(aid, "test", "", "test", TEXT) for aid in article_ids}
    queries = tuple(
        Query(id=f"q{n}", article=aid, split=split_for(aid), figure="1.000", mentions=QUERY.mentions)
        for n, aid in enumerate(article_ids)
    )
    return JudgedSet(articles=articles, queries=queries)


def _one_of_each_split() -> list[str]:
    chosen: dict[str, str] = {}
    for n in range(100):
        chosen.setdefault(split_for(f"article-{n}"), f"article-{n}")
    return [chosen["tune"], chosen["held-out"]]


def test_score_sums_per_split_and_overall() -> None:
    judged = _set(_one_of_each_split())
    assert problems(judged) == []

    def engine(article: Article, figure: str) -> list[AnswerItem]:
        assert figure == "1.000"
        return [item(2, who="Argo Yuwono", source="Argo Yuwono", article=article.id)]

    tallies = score(judged, engine)
    assert set(tallies) == {"tune", "held-out", "all"}
    assert [tallies[s]["named_right"] for s in ("tune", "held-out", "all")] == [1, 1, 2]
    assert set(score(judged, engine, split="tune")) == {"tune", "all"}


def test_problems_name_what_is_wrong_with_a_set() -> None:
    judged = _set(_one_of_each_split())
    first = judged.queries[0]
    bad_source = ExpectedSource("X", ("Y",), "alien", "near", "sure", "all")
    broken = (
        first,
        Query(
            id=first.id,
            article="missing",
            split="tune",
            figure=" ",
            mentions=(Mention("q", (bad_source,), ("", "j"), stance_unnamed="reported"), Mention("q", (), ())),
        ),
    )
    unsorted = dict(sorted(judged.articles.items(), reverse=True))
    found = "\n".join(problems(JudgedSet(unsorted, broken)))
    for expected in (
        "duplicate id",
        "not in articles.jsonl",
        "empty figure",
        "kind 'alien'",
        "strength 'near'",
        "stance 'sure'",
        "scope 'all'",
        "canonical name",
        "only for a mention without sources",
        "needs stance_unnamed",
        "empty must_not",
        "one-letter must_not",
        "the same quote twice",
        "no query in split",
        "not sorted by id",
    ):
        assert expected in found, expected


def test_a_speaker_outside_the_sentence_is_right_unnamed_whatever_the_stance(article: Article) -> None:
    outside = Mention(
        "Sekitar 1.000 orang diperkirakan menonton", (), ("Argo",), stance_unnamed="estimated", note=SPEAKER_OUTSIDE
    )
    query = Query(id="q3", article="x", split="tune", figure="1.000", mentions=(outside,))
    plain = score_query(query, article, [unnamed(5, stance="reported")])
    assert (plain["unnamed_right"], plain["outside_right"], plain["outside_total"]) == (1, 1, 1)
    named = score_query(query, article, [item(5, who="Argo Yuwono", source="Argo Yuwono")])
    assert (named["unnamed_right"], named["outside_right"], named["named_right"]) == (0, 0, 0)
    assert score_query(query, article, [])["unnamed_right"] == 0  # not cited is still wrong
    strict = score_query(
        Query(id="q4", article="x", split="tune", figure="1.000", mentions=(WATCHED,)),
        article,
        [unnamed(5, stance="reported")],
    )
    assert (strict["unnamed_right"], strict["outside_total"]) == (0, 0)  # elsewhere the stance must match


def test_a_speaker_outside_the_sentence_names_no_source() -> None:
    judged = _set(_one_of_each_split())
    first = judged.queries[0]
    broken = Query(
        id="q9",
        article=first.article,
        split=first.split,
        figure="1.000",
        mentions=(Mention("q", (argo("sentence"),), (), note=SPEAKER_OUTSIDE),),
    )
    assert "a speaker outside the sentence, yet sources named" in "\n".join(
        problems(JudgedSet(judged.articles, (first, broken)))
    )
