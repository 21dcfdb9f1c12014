"""Reading figures: idioms that are not quantities, and numbers written in several parts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.corpus.figures import vocab
from bot.corpus.figures.scan import find_figures
from tests.corpus.test_figures import indonesian_words


def read(text: str) -> list[tuple[float, str, str | None]]:
    """(value, text as written, unit) for every figure in `text`."""
    return [(f.value, f.text, f.unit) for f in find_figures(text)]


# --- idioms -------------------------------------------------------------------------------

IDIOM_AND_FIGURE = [
    (
        "Dalam pertemuan empat mata, kedua pemimpin membahas pengiriman 10.000 tentara.",
        [(10000.0, "10.000", "tentara")],
    ),
    ("Ada seribu satu alasan untuk menolak 3 proyek itu.", [(3.0, "3", "proyek")]),
    ("Ia memilih diam seribu bahasa saat ditanya soal 25 persen saham.", [(25.0, "25 persen", "%")]),
    ("Salah satu dari 12 korban masih dirawat.", [(12.0, "12", "korban")]),
    ("Sebanyak 300 pedagang kaki lima direlokasi ke pasar baru.", [(300.0, "300", "pedagang")]),
    ("Di satu sisi harga naik 5 persen, di sisi lain upah tetap.", [(5.0, "5 persen", "%")]),
    ("Kedua kota bekerja satu sama lain untuk membangun 40 sekolah.", [(40.0, "40", "sekolah")]),
    ("Petugas memeriksa satu per satu dari 250 kendaraan.", [(250.0, "250", "kendaraan")]),
    ("Pemerintah dinilai setengah hati menyalurkan dua juta paket bantuan.", [(2e6, "dua juta", "paket")]),
    ("Layanan satu atap itu melayani 1.200 warga per hari.", [(1200.0, "1.200", "warga")]),
    ("Dua sejoli itu ditangkap bersama 3 kilogram sabu.", [(3.0, "3", "kilogram")]),
    ("Ia satu-satunya saksi dari lima orang yang hadir.", [(5.0, "lima", "orang")]),
    (
        "Ia sekali lagi menyebut dua korban, kata seorang warga dari 40 keluarga.",
        [(2.0, "dua", "korban"), (40.0, "40", "keluarga")],
    ),
    ("Pertemuan Empat Mata itu membahas tarif 10 persen.", [(10.0, "10 persen", "%")]),
]


@pytest.mark.parametrize(("sentence", "expected"), IDIOM_AND_FIGURE)
def test_an_idiom_is_not_a_quantity_but_the_real_figure_beside_it_is(sentence: str, expected: list) -> None:
    assert read(sentence) == expected


def test_every_idiom_in_the_list_is_not_a_figure_in_a_sentence() -> None:
    for number, shapes in vocab.IDIOMS.items():
        for before, after in shapes:
            sentence = " ".join(["Kata", *before, number, *after, "itu", "benar."])
            assert read(sentence) == [], sentence


def test_a_number_that_only_looks_like_an_idiom_is_still_read() -> None:
    assert read("Sebanyak seribu satu warga hadir.") == [(1001.0, "seribu satu", "warga")]
    assert read("Salah dua soal ujian bocor.") == [(2.0, "dua", "soal")]  # the idiom is "salah satu"


def test_idiom_lines_need_one_pair_of_brackets() -> None:
    assert vocab.parse_idiom("salah [satu]") == ("satu", ("salah",), ())
    assert vocab.parse_idiom("[seribu  satu] alasan") == ("seribu satu", (), ("alasan",))
    for broken in ("empat mata", "[empat] [mata]", "[] mata", "[empat mata"):
        with pytest.raises(ValueError, match="brackets"):
            vocab.parse_idiom(broken)


# --- numbers in several parts ------------------------------------------------------------

COMPOSED = [
    ("Dananya lima juta kurang seratus ribu rupiah.", 4_900_000.0, "lima juta kurang seratus ribu", "rp"),
    ("Harganya Rp 5 juta kurang 100 ribu.", 4_900_000.0, "Rp 5 juta kurang 100 ribu", "rp"),
    ("Jumlahnya dua ratus kurang lima orang.", 195.0, "dua ratus kurang lima", "orang"),
    ("Sisa waktunya satu jam kurang lima menit.", 1.0, "satu", "jam"),  # "kurang" after a noun is not a sum
    ("Inflasi 2 koma 5 persen.", 2.5, "2 koma 5 persen", "%"),
    ("Inflasi dua koma lima persen.", 2.5, "dua koma lima persen", "%"),
    ("Inflasi dua koma dua lima persen.", 2.25, "dua koma dua lima persen", "%"),
    ("Pertumbuhan nol koma tiga persen.", 0.3, "nol koma tiga persen", "%"),
    ("Sebanyak 2 koma 5 juta warga.", 2_500_000.0, "2 koma 5 juta", "warga"),
    ("Sebanyak dua koma lima juta warga.", 2_500_000.0, "dua koma lima juta", "warga"),
    ("Dananya 2 juta 500 ribu rupiah.", 2_500_000.0, "2 juta 500 ribu", "rp"),
    ("Nilainya 1 miliar 200 juta 50 ribu.", 1_200_050_000.0, "1 miliar 200 juta 50 ribu", None),
    ("Sebanyak 1,5 juta orang.", 1_500_000.0, "1,5 juta", "orang"),
    ("Sebanyak satu setengah juta orang.", 1_500_000.0, "satu setengah juta", "orang"),
    ("Sekitar seperempat juta warga.", 250_000.0, "seperempat juta", "warga"),
    ("Hampir separuh juta warga.", 500_000.0, "separuh juta", "warga"),
]


@pytest.mark.parametrize(("sentence", "value", "surface", "unit"), COMPOSED)
def test_numbers_written_in_several_parts(sentence: str, value: float, surface: str, unit: str | None) -> None:
    fig = find_figures(sentence)[0]
    assert (fig.value, fig.text, fig.unit) == (value, surface, unit)
    assert sentence[fig.start : fig.end] == surface


@pytest.mark.parametrize(
    "sentence",
    [
        "Nilainya 10 juta kurang dari target.",  # "kurang dari": less than, not a subtraction
        "Jaraknya 5 km kurang lebih.",
        "Nilainya 5 juta kurang 7 juta.",  # taking away more than there is: not one number
    ],
)
def test_kurang_that_is_not_a_subtraction_leaves_the_first_number_alone(sentence: str) -> None:
    first = find_figures(sentence)[0]
    assert "kurang" not in first.text


def test_nol_alone_and_koma_without_digits_are_not_figures() -> None:
    assert read("Angka kematian nol dan koma pasien.") == []
    assert read("Titik nol kilometer Jakarta.") == []


def test_a_negative_number_is_not_read_as_its_absolute_value() -> None:
    assert read("Suhu -5 derajat dan pertumbuhan −2,5 persen.") == []
    assert read("Usia korban 3-9 tahun.") == [(3.0, "3", "tahun"), (9.0, "9", "tahun")]  # a range stays


_DIGIT_WORDS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("juta", 6), ("miliar", 9)]),
)
def test_kurang_subtracts_any_smaller_amount(whole: int, less: int, scale: tuple[str, int]) -> None:
    word, power = scale
    expected = float(whole * 10**power - less * 1000)
    (fig,) = find_figures(f"Nilainya {whole} {word} kurang {less} ribu rupiah.")
    assert (fig.value, fig.unit) == (expected, "rp")
    (fig,) = find_figures(f"Nilainya {indonesian_words(whole)} {word} kurang {indonesian_words(less)} ribu.")
    assert fig.value == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=99), st.lists(st.integers(0, 9), min_size=1, max_size=3))
def test_spoken_decimals_round_trip(whole: int, places: list[int]) -> None:
    digits = "".join(map(str, places))
    expected = float(f"{whole}.{digits}")
    (fig,) = find_figures(f"Naik {whole} koma {digits} persen.")
    assert (fig.value, fig.unit) == (expected, "%")
    said = " ".join(_DIGIT_WORDS[d] for d in places)
    if whole < 10 and expected:  # "nol koma nol" says zero: not a quantity the words reader looks for
        (fig,) = find_figures(f"Naik {_DIGIT_WORDS[whole]} koma {said} persen.")
        assert (fig.value, fig.unit) == (expected, "%")
