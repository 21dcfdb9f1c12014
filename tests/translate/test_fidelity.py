"""The fidelity guard: figures kept across notations, changed or lost figures flagged, echoes, empties."""

from __future__ import annotations

import pytest

from bot.models import Figure
from bot.translate.fidelity import check, english_vague, english_values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("more than 10,000 troops", 10000),
        ("10.000 soldiers", 10000),
        ("10000 soldiers", 10000),
        ("10 thousand soldiers", 10000),
        ("ten thousand soldiers", 10000),
        ("Ten-thousand soldiers", 10000),
        ("2.5 million people", 2_500_000),
        ("2,5 percent", 2.5),
        ("twenty-five", 25),
        ("a hundred and five", 105),
        ("one hundred thousand", 100_000),
        ("10k", 10000),
        ("1,234.5 tonnes", 1234.5),
        ("1.234,5 tonnes", 1234.5),
        ("3 billion rupiah", 3_000_000_000),
    ],
)
def test_english_readings_include_the_value(text: str, value: float) -> None:
    assert float(value) in english_values(text)


def test_articles_are_not_numbers() -> None:
    assert english_values("a man and an army") == set()


def test_vague_english() -> None:
    assert 4 in english_vague("tens of thousands of troops")
    assert english_vague("thousands of troops") == {3}
    assert english_vague("the troops") == set()


TEN_K = Figure(10000.0, "10.000")


@pytest.mark.parametrize(
    "english",
    [
        "More than 10,000 North Korean troops.",
        "More than 10.000 North Korean troops.",
        "Over 10000 North Korean troops.",
        "About ten thousand North Korean troops.",
        "Some 10 thousand North Korean troops.",
    ],
)
def test_same_figure_in_any_notation_passes(english: str) -> None:
    assert check("Lebih dari 10.000 tentara Korea Utara.", english, [TEN_K]) == ()


def test_changed_figure_is_flagged() -> None:
    flags = check("Lebih dari 10.000 tentara Korea Utara.", "More than 1,000 North Korean troops.", [TEN_K])
    assert flags == ("figure-mismatch: 10,000 missing",)


def test_each_missing_figure_is_named() -> None:
    figures = [TEN_K, Figure(2.5, "2,5", unit="persen")]
    flags = check("10.000 tentara dan 2,5 persen.", "Troops and some percent.", figures)
    assert flags == ("figure-mismatch: 10,000 missing", "figure-mismatch: 2.5 missing")


def test_vague_figure_needs_the_same_magnitude() -> None:
    vague = Figure(10000.0, "puluhan ribu", vague=True, magnitude=4)
    assert check("Puluhan ribu tentara tewas.", "Tens of thousands of soldiers died.", [vague]) == ()
    assert check("Puluhan ribu tentara tewas.", "About 20,000 soldiers died.", [vague]) == ()
    assert check("Puluhan ribu tentara tewas.", "Hundreds of soldiers died.", [vague]) == (
        "figure-mismatch: puluhan ribu missing",
    )


def test_qualifiers_need_not_match() -> None:
    figure = Figure(10000.0, "10.000", qualifier="more than")
    assert check("Lebih dari 10.000 tentara.", "Some 10,000 soldiers.", [figure]) == ()


def test_echoed_input_is_untranslated() -> None:
    source = "Pasukan Korea Utara kembali dikerahkan ke medan tempur."
    assert check(source, source, []) == ("untranslated",)
    assert check(source, "Pasukan Korea Utara kembali dikerahkan ke medan.", []) == ("untranslated",)
    assert check(source, "North Korean troops were sent back to the battlefield.", []) == ()


def test_short_names_are_not_called_untranslated() -> None:
    assert check("Kursk.", "Kursk.", []) == ()


def test_empty_output_is_flagged() -> None:
    assert check("Pasukan dikerahkan.", "  ", []) == ("empty",)
    assert check("", "", []) == ()


def test_source_figures_come_from_the_corpus_parser() -> None:
    # no figures passed: the guard reads the Indonesian with bot.corpus.figures
    assert check("Sebanyak 2,5 juta orang mengungsi.", "As many as 2.5 million people fled.") == ()
    assert check("Sebanyak 2,5 juta orang mengungsi.", "As many as 25 million people fled.") == (
        "figure-mismatch: 2,500,000 missing",
    )
    assert check("Sepuluh ribu tentara dikirim.", "10,000 soldiers were sent.") == ()
