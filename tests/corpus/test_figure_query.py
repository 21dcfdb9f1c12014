"""A user's figure: its unit narrows the match, odd notations are refused, labels use one notation."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.corpus.figures.query import figures_match, figures_related, other_units, read_figure_query
from bot.corpus.figures.render import field_label, figure_field, figure_label
from bot.corpus.figures.scan import find_figures
from bot.errors import QueryError


def only(text: str):
    (fig,) = find_figures(text)
    return fig


# --- the query's unit narrows the match --------------------------------------------------------

MATCHES = [
    # query, article sentence, does it match
    ("15 persen", "Elektabilitasnya naik 15 persen.", True),
    ("15 persen", "Elektabilitasnya naik 15%.", True),
    ("15 persen", "Elektabilitasnya naik 15 poin.", False),
    ("15%", "Ia unggul 15 poin.", False),
    ("15", "Ia unggul 15 poin.", True),
    ("15", "Elektabilitasnya naik 15 persen.", True),
    ("US$ 3 juta", "Jumlahnya tiga juta penduduk.", False),
    ("US$ 3 juta", "Bantuan US$ 3 juta dikirim.", True),
    ("US$ 3 juta", "Bantuan 3 juta dolar AS dikirim.", True),
    ("US$ 3 juta", "Bantuan USD 3.000.000 dikirim.", True),
    ("US$ 3 juta", "Bantuan 3 juta dolar Singapura dikirim.", False),
    ("US$ 3 juta", "Bantuan S$ 3 juta dikirim.", False),
    ("3 juta dolar AS", "Bantuan US$3 juta dikirim.", True),
    ("3 juta", "Jumlahnya tiga juta penduduk.", True),
    ("3 juta", "Bantuan US$ 3 juta dikirim.", True),
    ("Rp 5 M", "Anggarannya Rp 5 miliar.", True),
    ("Rp 5 miliar", "Anggarannya Rp5.000.000.000.", True),
    ("Rp5.000.000.000", "Kerugian Rp 5 M tahun ini.", True),
    ("Rp 5 miliar", "Anggarannya 5 miliar rupiah.", True),
    ("Rp 5 miliar", "Anggarannya US$ 5 miliar.", False),
    ("RM 2 juta", "Pinjaman RM2 juta disetujui.", True),
    ("RM 2 juta", "Pinjaman 2 juta ringgit disetujui.", True),
    ("RM 2 juta", "Pinjaman Rp 2 juta disetujui.", False),
    ("S$ 1 juta", "Dana 1 juta dolar Singapura.", True),
    ("5 juta euro", "Denda €5 juta dijatuhkan.", True),
    ("500 juta yen", "Investasi ¥500 juta.", True),
    ("USD 4 ribu", "Harganya sekira USD 3-4 ribu saja.", True),  # both ends of a money range are money
    ("10.000 tentara", "Korea Utara mengirim 10.000 pasukan ke Rusia.", True),
    ("10.000 tentara", "Sebanyak 10.000 prajurit dikirim.", True),
    ("10.000 tentara", "Sebanyak 10.000 orang tentara dikirim.", True),  # a counting word matches
    ("10.000 tentara", "Jumlahnya mencapai 10.000.", True),  # no noun: may well be the troops
    ("10.000 tentara", "Sebanyak 10.000 penduduk mengungsi.", False),
    ("10.000 tentara", "Nilainya Rp 10.000.", False),
    ("10000 troops", "Korea Utara mengirim 10.000 tentara ke Rusia.", True),
    ("10.000 orang", "Sebanyak 10.000 warga mengungsi.", True),
    ("10.000 orang", "Harganya naik 10.000 persen.", False),
    ("5 km", "Jaraknya 5 kilometer dari kota.", True),
    ("5 km", "Jaraknya 5km dari kota.", True),
    ("5 km", "Beratnya 5 kg.", False),
    ("3 tahun", "Perang hampir tiga tahun.", True),
    ("3 tahun", "Perang tiga bulan.", False),
]


@pytest.mark.parametrize(("query", "sentence", "expected"), MATCHES)
def test_the_query_unit_narrows_the_match(query: str, sentence: str, expected: bool) -> None:
    wanted = read_figure_query(query)
    found = [f for f in find_figures(sentence) if figures_match(f, wanted)]
    assert bool(found) == expected, (query, sentence, [(f.value, f.unit) for f in find_figures(sentence)])


def test_other_units_names_what_the_query_unit_left_out() -> None:
    wanted = read_figure_query("15 persen")
    figures = [*find_figures("Naik 15 poin."), *find_figures("Naik 15 persen."), *find_figures("Ada 15 yang hadir.")]
    assert other_units(figures, wanted) == ["poin", "no unit"]
    assert other_units(figures, read_figure_query("15")) == []


def test_a_vague_quantity_is_related_only_in_a_unit_that_agrees() -> None:
    wanted = read_figure_query("US$ 3 juta")
    assert not figures_related(only("Jutaan penduduk mengungsi."), wanted)
    assert figures_related(only("Jutaan penduduk mengungsi."), read_figure_query("3 juta"))
    assert figures_related(only("Ribuan tentara dikirim."), read_figure_query("10.000 pasukan"))


# --- labels: one notation, the unit as written ----------------------------------------------

LABELS = [
    ("Sekitar 10.000 tentara tiba.", "about 10,000"),
    ("Sebanyak 10,000 prajurit tiba.", "as many as 10,000"),
    ("Naik 25 persen.", "25%"),
    ("Naik 2,5%.", "2.5%"),
    ("Bantuan US$ 3 juta.", "US$ 3 million"),
    ("Bantuan US $3 juta.", "US$ 3 million"),
    ("Bantuan USD 3 juta.", "USD 3 million"),
    ("Bantuan 3 juta dolar AS.", "US$ 3 million"),
    ("Anggaran Rp 5 M.", "Rp 5 billion"),
    ("Anggaran Rp. 5 miliar.", "Rp 5 billion"),
    ("Anggaran IDR 5 miliar.", "IDR 5 billion"),
    ("Anggaran 5 miliar rupiah.", "Rp 5 billion"),
    ("Pinjaman RM 2,5 juta.", "RM 2.5 million"),
    ("Pinjaman 2,5 juta ringgit.", "RM 2.5 million"),
    ("Dana S$ 1,25 juta.", "S$ 1.25 million"),
    ("Denda €5 juta.", "€5 million"),
    ("Denda 5 juta franc.", "CHF 5 million"),
    ("Anggaran Rp 1.234.567.", "Rp 1,234,567"),
    ("Harganya Rp 3.999.000.", "Rp 3,999,000"),
    ("Nilainya US$ 2,94 juta.", "US$ 2.94 million"),
    ("Dananya lima juta kurang seratus ribu rupiah.", "Rp 4.9 million"),
    ("Ada 1.500.000 orang.", "1.5 million"),
    ("Defisit Rp 300 triliun.", "Rp 300 trillion"),
    ("Puluhan ribu tentara.", "tens of thousands"),
]


@pytest.mark.parametrize(("sentence", "label"), LABELS)
def test_figure_label(sentence: str, label: str) -> None:
    assert figure_label(only(sentence)) == label


def test_the_json_field_carries_the_label_and_presenters_read_it_back() -> None:
    fig = only("Sekitar 10.000 tentara tiba.")
    field = figure_field(fig)
    assert field == {
        "value": 10000.0,
        "text": "10.000",
        "qualifier": "about",
        "vague": False,
        "unit": "tentara",
        "label": "about 10,000",
    }
    assert field_label(field) == "about 10,000"
    older = {k: v for k, v in field.items() if k != "label"}  # an answer cached before labels existed
    assert field_label(older) == "about 10,000"
    assert field_label({"value": 3e6, "text": "US$ 3 juta", "unit": "usd"}) == "US$ 3 million"
    assert field_label(None) == ""


def test_a_label_with_its_noun() -> None:
    assert figure_label(only("Sekitar 10.000 tentara tiba."), noun=True) == "about 10,000 tentara"
    assert figure_label(only("Bantuan US$ 3 juta dikirim."), noun=True) == "US$ 3 million"
    assert figure_label(only("Naik 25 persen."), noun=True) == "25%"
    assert figure_label(only("Ribuan tentara tiba."), noun=True, qualifier=False) == "thousands tentara"


# --- odd queries are refused with a reason -------------------------------------------------

REFUSED = [
    ("-5", "has a sign"),
    ("+5", "has a sign"),
    ("−5", "has a sign"),
    ("Rp -5 juta", "has a sign"),
    ("US$-5 juta", "has a sign"),
    ("0x10", "hexadecimal"),
    ("0X1F", "hexadecimal"),
    ("0b1", "binary"),
    ("0o17", "octal"),
    ("1e3", "scientific notation"),
    ("2,5E6", "scientific notation"),
    ("1_000", "groups digits"),
    ("10'000", "groups digits"),
    ("5-10", "range"),
    ("10 - 20 persen", "range"),
    ("10000 20000", "several figures"),
    ("%15", "puts % before"),
    ("١٠٠", "digits other than 0-9"),
    ("10²", "digits other than 0-9"),
    ("9" * 30, "longer than any figure"),
    ("empat mata", "not a figure"),
    ("seribu satu alasan", "not a figure"),
    ("sekali", "not a figure"),
    ("seorang", "not a figure"),
    ("salah satu", "not a figure"),
    ("kursk", "not a figure"),
    ("", "Give a figure"),
]


@pytest.mark.parametrize(("query", "reason"), REFUSED)
def test_odd_queries_are_refused_with_a_reason(query: str, reason: str) -> None:
    with pytest.raises(QueryError, match=reason) as caught:
        read_figure_query(query)
    assert "\n" not in caught.value.user_message


def test_the_refusal_says_what_to_ask_instead() -> None:
    with pytest.raises(QueryError, match="Ask for 5 instead"):
        read_figure_query("-5")
    with pytest.raises(QueryError, match=r"0x10 is 16"):
        read_figure_query("0x10")
    with pytest.raises(QueryError, match=r"1e3 is 1,000"):
        read_figure_query("1e3")


ACCEPTED = [
    ("10000", 10000.0, None),
    ("10.000", 10000.0, None),
    ("10,000", 10000.0, None),
    ("10 000", 10000.0, None),
    ("10k", 10000.0, None),
    ("10 ribu", 10000.0, None),
    ("sepuluh ribu", 10000.0, None),
    ("10.000 (sepuluh ribu)", 10000.0, None),
    ("sekitar 10.000 tentara", 10000.0, "tentara"),
    ("15 persen", 15.0, "%"),
    ("15%", 15.0, "%"),
    ("US$ 3 juta", 3e6, "usd"),
    ("Rp 5 M", 5e9, "rp"),
    ("lima juta kurang seratus ribu", 4.9e6, None),
    ("2 koma 5 persen", 2.5, "%"),
    ("0", 0.0, None),
    ("2 juta 500 ribu", 2.5e6, None),
    ("1.5m", 1.5e6, None),
    ("COVID 10000", 10000.0, None),
]


@pytest.mark.parametrize(("query", "value", "unit"), ACCEPTED)
def test_ordinary_queries_are_read(query: str, value: float, unit: str | None) -> None:
    fig = read_figure_query(query)
    assert (fig.value, fig.unit) == (value, unit)


_ODD = st.lists(
    st.sampled_from(
        list("0123456789.,-+−–_'%$eExXbBoO ()")
        + [
            "Rp",
            "US$",
            "RM",
            "persen",
            "juta",
            "ribu",
            "kurang ",
            "koma ",
            "lima ",
            "sekitar ",
            "empat mata",
            "0x",
            "1e",
            "½",
            "٣",
            "İ",
        ]
    ),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_ODD, st.text(max_size=30)))
def test_any_query_gives_a_clear_refusal_or_a_sensible_figure(query: str) -> None:
    try:
        fig = read_figure_query(query)
    except QueryError as error:
        assert error.user_message and "\n" not in error.user_message
        return
    assert math.isfinite(fig.value) and fig.value >= 0
    assert fig.text and fig.text in " ".join(query.split())
    assert not fig.vague or fig.magnitude is not None
    assert figure_label(fig)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["-", "+", "−"]),
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from(["", " persen", " juta"]),
)
def test_a_signed_figure_is_always_refused(sign: str, n: int, tail: str) -> None:
    with pytest.raises(QueryError, match="sign"):
        read_figure_query(f"{sign}{n}{tail}")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_radix_and_exponent_forms_are_always_refused(n: int) -> None:
    for written in (hex(n), bin(n), oct(n), f"{n}e2", f"{n}E-1"):
        with pytest.raises(QueryError):
            read_figure_query(written)
