"""A user's figure: its unit narrows the match; labels use one notation and the unit as written."""

from __future__ import annotations

import pytest

from bot.corpus.figures.query import figures_match, figures_related, other_units, parse_figure
from bot.corpus.figures.render import field_label, figure_field, figure_label
from bot.corpus.figures.scan import find_figures


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
    wanted = parse_figure(query)
    found = [f for f in find_figures(sentence) if figures_match(f, wanted)]
    assert bool(found) == expected, (query, sentence, [(f.value, f.unit) for f in find_figures(sentence)])


def test_other_units_names_what_the_query_unit_left_out() -> None:
    wanted = parse_figure("15 persen")
    figures = [*find_figures("Naik 15 poin."), *find_figures("Naik 15 persen."), *find_figures("Ada 15 yang hadir.")]
    assert other_units(figures, wanted) == ["poin", "no unit"]
    assert other_units(figures, parse_figure("15")) == []


def test_a_vague_quantity_is_related_only_in_a_unit_that_agrees() -> None:
    wanted = parse_figure("US$ 3 juta")
    assert not figures_related(only("Jutaan penduduk mengungsi."), wanted)
    assert figures_related(only("Jutaan penduduk mengungsi."), parse_figure("3 juta"))
    assert figures_related(only("Ribuan tentara dikirim."), parse_figure("10.000 pasukan"))


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
    assert field == {"value": 10000.0, "text": "10.000", "qualifier": "about", "vague": False,
                     "unit": "tentara", "label": "about 10,000"}
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
