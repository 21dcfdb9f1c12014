"""Clean labels: who exactly a name, organization a name of the source's body, no phrase half Indonesian half English."""

from __future__ import annotations

from pathlib import Path

from bot.corpus.reader import parse_article
from bot.models import AnswerItem, Citation
from eval.attribution.judged import ExpectedSource, Mention, Query
from eval.attribution.labels import label_problems, mixed_phrases, read_words
from eval.attribution.score import score_query


def source(name: str, *aliases: str, kind: str = "person", bodies: tuple[str, ...] = ()) -> ExpectedSource:
    return ExpectedSource(name, (name, *aliases), kind, "sentence", "reported", "figure", bodies)


AMRAN = source(
    "Andi Amran Sulaiman",
    "Amran",
    "Menteri Pertanian",
    "Kementerian Pertanian",
    "Ministry of Agriculture",
    "agriculture minister",
)
EDDY = source("Eddy Santoso", "Kepala DKP Mimika", "DKP Mimika", "Mimika fisheries agency")
KPU = source("KPU Jateng", "KPU Jawa Tengah", "Central Java election commission", kind="organization")
HEALTH = source(
    "Dzulkefly Ahmad",
    "Menteri Kesehatan Malaysia",
    "Kementerian Kesehatan Malaysia",
    "Malaysia's health minister",
    "Malaysian Ministry of Health",
)


def fields(who=None, role=None, organization=None, src=None) -> dict[str, str]:
    return {"who": who or "", "role": role or "", "organization": organization or "", "source": src or ""}


def test_a_name_and_its_body_glossed_in_english_are_clean() -> None:
    assert (
        label_problems(
            fields(
                "Andi Amran Sulaiman",
                "Agriculture Minister",
                "the Ministry of Agriculture",
                "Andi Amran Sulaiman, Agriculture Minister",
            ),
            AMRAN,
        )
        == []
    )
    assert label_problems(fields("Amran", src="Amran"), AMRAN) == []  # a surname or short name alone
    assert (
        label_problems(
            fields(
                None, None, "KPU (General Elections Commission) Jateng", "KPU (General Elections Commission) Jateng"
            ),
            KPU,
        )
        == []
    )  # a gloss inside the name


def test_place_or_role_words_in_who_are_not_clean() -> None:
    found = label_problems(fields("Mimika Eddy Santoso", "Head", None, "Mimika Eddy Santoso, Head"), EDDY)
    assert found and "who 'Mimika Eddy Santoso'" in found[0]


def test_a_fragment_or_a_wrong_gloss_of_the_body_is_not_clean() -> None:
    assert "organization 'Health of Malaysia'" in label_problems(fields(None, "Head", "Health of Malaysia"), HEALTH)[0]
    assert label_problems(fields("Eddy Santoso", "Head", "Mimika fisheries agency"), EDDY) == []


def test_a_phrase_half_indonesian_half_english_is_not_clean() -> None:
    found = label_problems(fields(None, None, None, "Malaysia lokal government"), HEALTH)
    assert found == ["mixes Indonesian and English in 'Malaysia lokal government'"]
    assert mixed_phrases(["Argo Yuwono, Hubungan Head"]) == ["Hubungan Head"]
    assert mixed_phrases(["Argo Yuwono, Kepala Bidang Humas"]) == []  # all Indonesian
    assert mixed_phrases(["Argo Yuwono, head of public relations"]) == []  # all English
    # a name of the source may stand in an English phrase
    assert mixed_phrases(["Kementerian Pertanian spokesperson"], ["kementerian pertanian"]) == []
    assert mixed_phrases(["Kementerian Pertanian spokesperson"]) == ["Kementerian Pertanian spokesperson"]


def test_the_body_a_person_belongs_to_may_be_the_organization() -> None:
    teco = source("Stefano Cugurra Teco", "Teco", bodies=("Persija", "Persija Jakarta"))
    assert (
        label_problems(fields("Stefano Cugurra Teco", "coach", "Persija", "Stefano Cugurra Teco, Persija coach"), teco)
        == []
    )
    bare = source("Stefano Cugurra Teco", "Teco")
    assert label_problems(fields("Stefano Cugurra Teco", "coach", "Persija"), bare)


def test_the_word_file_is_sound_and_a_bad_one_is_reported(tmp_path: Path) -> None:
    table, problems = read_words()
    assert problems == []
    assert {"id", "en"} == set(table.values()) and len(table) >= 200
    bad = tmp_path / "words.tsv"
    bad.write_text("# comment\nkepala\tid\nkepala\tid\nHead\ten\ngovernment\tfr\nsplit words\ten\n", encoding="utf-8")
    _, found = read_words(bad)
    assert len(found) == 4 and "twice" in found[0]


def test_named_precision_with_clean_labels_counts_apart() -> None:
    article = parse_article(
        "Menteri Pertanian Andi Amran Sulaiman mengatakan ekspor mencapai 1.000 ton.\n", "001_0123456789abcdef"
    )
    query = Query("q1", "x", "tune", "1.000", (Mention("ekspor mencapai 1.000 ton", (AMRAN,), ()),))

    def answer(**kw: str) -> list[AnswerItem]:
        return [
            AnswerItem(
                text="",
                citations=(Citation("001", 1, ""),),
                fields={"kind": "person", "stance": "reported", "scope": "figure", **kw},
            )
        ]

    clean = score_query(
        query, article, answer(who="Andi Amran Sulaiman", source="Andi Amran Sulaiman, Agriculture Minister")
    )
    mixed = score_query(
        query,
        article,
        answer(who="Andi Amran Sulaiman", organization="Pertanian", source="Andi Amran Sulaiman, Pertanian Minister"),
    )
    assert (clean["named_right"], clean["named_clean"]) == (1, 1)
    assert (mixed["named_right"], mixed["named_clean"]) == (1, 0)
    assert [f.what for f in mixed.failures] == ["unclean"] and clean.failures == []
