"""The figure word lists in bot/corpus/figures/data: well formed, unique, and all in use."""

from __future__ import annotations

from importlib import resources

import pytest

from bot.corpus.figures import vocab
from bot.corpus.figures.render import figure_label
from bot.corpus.figures.scan import find_figures

DATA = resources.files("bot.corpus.figures").joinpath("data")


def test_every_data_file_is_listed_and_every_listed_file_exists() -> None:
    on_disk = {entry.name for entry in DATA.iterdir() if entry.is_file()}
    assert on_disk == set(vocab.DATA_FILES)


@pytest.mark.parametrize("name", sorted(vocab.DATA_FILES))
def test_every_data_file_loads_without_duplicates(name: str) -> None:
    rows = vocab.read_rows(name)
    assert rows, name
    fields, key = vocab.DATA_FILES[name]
    keys = [tuple(field.lower() for field in row[:key]) for row in rows]
    assert len(keys) == len(set(keys)), name
    assert all(len(row) == fields for row in rows)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("satu\tunit\t1\ndua\tunit\n", None),  # an optional last field may be left out
        ("satu\tunit\t1\nsatu\tunit\t1\n", "repeats line 1"),
        ("satu\tunit\t1\nSatu\tunit\t9\n", "repeats line 1"),
        ("satu unit 1\n", "expected 3 tab-separated fields, found 1"),
        ("satu\tunit\t1\textra\n", "found 4"),
        ("satu\t\t1\n", "an empty field"),
        ("satu \tunit\t1\n", "stray spaces"),
        ("kurang  lebih\tunit\t1\n", "stray spaces"),
        ("# a comment\n\nsatu\tunit\t1\n", None),
    ],
)
def test_malformed_lines_are_refused_with_file_and_line(text: str, problem: str | None) -> None:
    if problem is None:
        assert vocab.parse_rows("x.tsv", text, 3, 1)
        return
    with pytest.raises(ValueError, match=problem) as caught:
        vocab.parse_rows("x.tsv", text, 3, 1)
    assert str(caught.value).startswith("x.tsv:")


_CASE_FREE = [
    "number_words.tsv",
    "scales.tsv",
    "vague_english.tsv",
    "qualifiers.tsv",
    "currencies.tsv",
    "units.tsv",
    "not_units.txt",
    "months.tsv",
]


@pytest.mark.parametrize("name", _CASE_FREE)
def test_words_matched_without_case_are_written_in_lower_case(name: str) -> None:
    assert [row[0] for row in vocab.read_rows(name) if row[0] != row[0].lower()] == []


def test_number_word_kinds_are_known_and_values_read() -> None:
    kinds = {"unit", "se", "teen", "tens", "hundreds", "big", "fraction", "zero", "vague", "few"}
    for word, kind, value in vocab.read_rows("number_words.tsv"):
        assert kind in kinds, word
        if kind == "se":
            assert value in vocab.SMALL_SCALES | set(vocab.BIG_SCALES), word
        elif kind not in ("few", "zero"):
            float(value)


def test_every_currency_with_a_symbol_is_a_known_currency() -> None:
    assert set(vocab.CURRENCY_SYMBOLS) <= vocab.MONEY_UNITS


@pytest.mark.parametrize(("phrase", "english"), sorted(vocab.VAGUE_ENGLISH.items()))
def test_every_vague_phrase_is_read_and_described(phrase: str, english: str) -> None:
    (fig,) = find_figures(f"Ada {phrase} warga di sana.")
    assert fig.vague and fig.text == phrase
    assert figure_label(fig) == english


@pytest.mark.parametrize(("phrase", "english"), sorted(vocab.QUALIFIERS.items()))
def test_every_qualifier_is_read(phrase: str, english: str) -> None:
    (fig,) = find_figures(f"Laporan itu menyebut {phrase} 10.000 tentara tiba.")
    assert (fig.value, fig.qualifier) == (10000.0, english)
