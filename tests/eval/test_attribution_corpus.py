"""The corpus-wide scorer on hand-made answers: groups across articles, merged people, noise, related, unread, splits."""

from __future__ import annotations

import pytest

from bot.models import Answer, AnswerItem, Article, Citation
from eval.attribution.corpus_score import inconsistencies, most_recent, score_answer, score_corpus
from eval.attribution.judged import (
    CorpusMention,
    CorpusQuery,
    ExpectedSource,
    JudgedArticle,
    JudgedSet,
    Mention,
    Query,
    problems,
    split_for,
)
from eval.attribution.score import read_judged

ARGO_TEXT = (
    "Polisi menangkap dua orang di Jakarta pada Senin malam.\n"
    "Kepala Humas Polda Metro Jaya Argo Yuwono mengatakan polisi menyita 1.000 konten.\n"
)
JOKO_TEXT = "Ketua KPU Jateng Joko Purnomo mengatakan ada 1.000 pemilih baru.\nGedung itu menampung 1.000 kursi.\n"
CROWD_TEXT = "Sekitar 1.000 warga diperkirakan hadir di alun-alun.\n"
OTHER_TEXT = "Rapat itu berlangsung tiga jam.\n"


def _ids() -> tuple[str, str]:
    """A tune id and a held-out id, the tune one sorting first."""
    chosen: dict[str, str] = {}
    for n in range(200):
        chosen.setdefault(split_for(f"a{n:03d}"), f"a{n:03d}")
    tune, held = chosen["tune"], chosen["held-out"]
    return tune, held


def person(name: str, *aliases: str) -> ExpectedSource:
    return ExpectedSource(name, (name, *aliases), "person", "sentence", "reported", "figure")


ARGO = person("Argo Yuwono", "Argo", "Polda Metro Jaya")
JOKO = person("Joko Purnomo", "Joko", "KPU Jateng")


@pytest.fixture(scope="module")
def judged() -> JudgedSet:
    tune, held = _ids()
    others = sorted(f"z{n}" for n in range(2))
    texts = {tune: ARGO_TEXT, held: JOKO_TEXT, others[0]: CROWD_TEXT, others[1]: OTHER_TEXT}
    articles = {aid: JudgedArticle(aid, "test", "http://x", "test", texts[aid]) for aid in sorted(texts)}
    query = CorpusQuery(
        "c1",
        "1.000",
        (
            CorpusMention(tune, Mention("polisi menyita 1.000 konten", (ARGO,), ("Senin",))),
            CorpusMention(held, Mention("ada 1.000 pemilih baru", (JOKO,), ())),
            CorpusMention(others[0], Mention("Sekitar 1.000 warga", (), ("Argo",), stance_unnamed="estimated")),
        ),
    )
    return JudgedSet(articles=articles, queries=(), corpus=(query,))


@pytest.fixture(scope="module")
def parsed(judged: JudgedSet) -> dict[str, Article]:
    return read_judged(judged)


def kid(judged: JudgedSet, n: int) -> str:
    """The kabar id of the n-th mention's article."""
    return judged.kabar_id(judged.corpus[0].mentions[n].article)


def item(
    *cites: tuple[str, int], who=None, source=None, stance="reported", scope="figure", kind="person"
) -> AnswerItem:
    return AnswerItem(
        text=f"{source or who or 'no source named'} — {stance}",
        citations=tuple(Citation(article=a, sentence=s, text="") for a, s in cites),
        fields={
            "who": who,
            "role": None,
            "organization": None,
            "source": source or who,
            "stance": stance,
            "scope": scope,
            "kind": kind,
        },
    )


def answer(judged: JudgedSet, *items: AnswerItem, related: tuple[AnswerItem, ...] = (), read=None) -> Answer:
    read = read if read is not None else [judged.kabar_id(a) for a in judged.articles][:3]
    return Answer(
        command="who-confirmed", query="1.000", items=items, meta={"related": list(related), "articles": read}
    )


def right_items(judged: JudgedSet) -> list[AnswerItem]:
    return [
        item((kid(judged, 0), 2), who="Argo Yuwono"),
        item((kid(judged, 1), 1), who="Joko Purnomo"),
        item((kid(judged, 2), 1), stance="estimated", kind="unattributed"),
    ]


def test_the_articles_are_numbered_in_file_order(judged: JudgedSet, parsed: dict[str, Article]) -> None:
    assert [judged.kabar_id(a) for a in judged.articles] == ["000", "001", "002", "003"]
    assert [parsed[a].id for a in judged.articles] == ["000", "001", "002", "003"]
    assert problems(judged) == []


def test_a_right_answer_across_articles_scores_full_marks_per_split(judged: JudgedSet, parsed) -> None:
    tallies = score_answer(judged.corpus[0], answer(judged, *right_items(judged)), judged, parsed)
    everything = tallies["all"]
    assert (everything["named"], everything["named_right"], everything["named_clean"]) == (2, 2, 2)
    assert (everything["sentence_found"], everything["sentence_total"]) == (2, 2)
    assert (everything["unnamed_right"], everything["citation_right"], everything["mentions"]) == (1, 3, 3)
    assert (tallies["tune"]["named"], tallies["held-out"]["named"]) == (1, 1)
    assert tallies["tune"]["mentions"] + tallies["held-out"]["mentions"] == 3
    assert everything["noise_sentences"] == everything["read_idle"] == everything["not_read"] == 0


def test_two_people_merged_into_one_group_are_wrong_and_counted_in_all_only(judged: JudgedSet, parsed) -> None:
    merged = item((kid(judged, 0), 2), (kid(judged, 1), 1), who="Argo Yuwono")
    tallies = score_answer(judged.corpus[0], answer(judged, merged), judged, parsed)
    assert (tallies["all"]["named"], tallies["all"]["named_right"]) == (1, 0)
    assert tallies["tune"]["named"] == tallies["held-out"]["named"] == 0  # cites both splits
    assert tallies["all"]["sentence_found"] == 1  # Argo is still found for his own sentence


def test_a_label_naming_both_people_names_a_source_of_another_sentence(judged: JudgedSet, parsed) -> None:
    both = item((kid(judged, 0), 2), who="Argo Yuwono", source="Argo Yuwono, Joko Purnomo")
    tally = score_answer(judged.corpus[0], answer(judged, both), judged, parsed)["all"]
    assert (tally["named_right"], tally["other_source_hits"]) == (0, 1)
    assert "Joko Purnomo" in next(f for f in tally.failures if f.what == "named-wrong").got


def test_a_bare_name_resolved_to_another_articles_person_is_wrong(judged: JudgedSet, parsed) -> None:
    # a "Joko" learned in one article must not stand for the police spokesman of another
    wrong = item((kid(judged, 0), 2), who="Joko Purnomo")
    tally = score_answer(judged.corpus[0], answer(judged, wrong), judged, parsed)["all"]
    assert (tally["named"], tally["named_right"]) == (1, 0)


def test_a_cited_sentence_stating_the_figure_but_not_listed_is_noise(judged: JudgedSet, parsed) -> None:
    noisy = item((kid(judged, 1), 1), (kid(judged, 1), 2), who="Joko Purnomo")
    tally = score_answer(judged.corpus[0], answer(judged, noisy), judged, parsed)["all"]
    assert (tally["noise_sentences"], tally["noise_items"], tally["named_right"]) == (1, 1, 1)
    noise = [f for f in tally.failures if f.what == "noise"]
    assert len(noise) == 1 and "menampung 1.000 kursi" in noise[0].got
    context = item((kid(judged, 0), 1), (kid(judged, 0), 2), who="Argo Yuwono")  # a cited sentence without the figure
    assert score_answer(judged.corpus[0], answer(judged, context), judged, parsed)["all"]["noise_sentences"] == 0


def test_a_listed_sentence_shown_only_as_related_is_reported_and_not_cited(judged: JudgedSet, parsed) -> None:
    related = item((kid(judged, 2), 1), kind="related")
    tally = score_answer(judged.corpus[0], answer(judged, related=(related,)), judged, parsed)["all"]
    assert (tally["related_exact"], tally["citation_right"], tally["named"]) == (1, 0, 0)


def test_a_listed_sentence_in_an_article_not_read_is_a_citation_failure(judged: JudgedSet, parsed) -> None:
    read = [kid(judged, 0), kid(judged, 1), "003"]
    tally = score_answer(judged.corpus[0], answer(judged, *right_items(judged)[:2], read=read), judged, parsed)["all"]
    assert (tally["not_read"], tally["citation_right"], tally["citation_total"]) == (1, 2, 3)
    assert tally["read_idle"] == 1  # article 003 states no listed figure


def test_only_the_most_recent_articles_are_expected(judged: JudgedSet, parsed) -> None:
    assert most_recent(["000", "010", "002", "001"], 2) == {"002", "010"}
    tallies = score_answer(judged.corpus[0], answer(judged, *right_items(judged)), judged, parsed, limit=1)
    assert tallies["all"]["mentions"] == 1  # only the newest article's mention is owed


def test_answers_back_from_json_score_the_same(judged: JudgedSet, parsed) -> None:
    direct = answer(judged, *right_items(judged), related=(item((kid(judged, 2), 1), kind="related"),))
    round_trip = Answer.from_dict(direct.to_dict())
    assert isinstance(round_trip.meta["related"][0], dict)
    first = score_answer(judged.corpus[0], direct, judged, parsed)["all"].counts
    assert score_answer(judged.corpus[0], round_trip, judged, parsed)["all"].counts == first
    assert score_corpus(judged, {"1.000": round_trip})["all"].counts == first


def test_disagreeing_judgements_and_coverage_are_found(judged: JudgedSet, parsed) -> None:
    assert inconsistencies(judged, parsed) == []
    held = judged.corpus[0].mentions[1].article
    other_way = Query("q1", held, split_for(held), "1.000", (Mention("ada 1.000 pemilih baru", (ARGO,), ()),))
    found = inconsistencies(JudgedSet(judged.articles, (other_way,), judged.corpus), parsed)
    assert len(found) == 1 and "judged differently" in found[0]
    more = Query(
        "q2",
        held,
        split_for(held),
        "1.000",
        (
            Mention("ada 1.000 pemilih baru", (JOKO,), ()),
            Mention("menampung 1.000 kursi", (), (), stance_unnamed="reported"),
        ),
    )
    found = inconsistencies(JudgedSet(judged.articles, (more,), judged.corpus), parsed)
    assert len(found) == 1 and "list different sentences" in found[0]
    missing = CorpusQuery(
        "c2", "1.000", (CorpusMention(held, Mention("not in the text", (), (), stance_unnamed="reported")),)
    )
    assert "not in exactly one sentence" in inconsistencies(JudgedSet(judged.articles, (), (missing,)), parsed)[0]
