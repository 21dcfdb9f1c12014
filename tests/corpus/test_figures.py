"""Figures: finding and normalising quantities in Indonesian text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.corpus.figures.numbers import figure_key
from bot.corpus.figures.query import figures_match, figures_related, parse_figure
from bot.corpus.figures.render import figure_label, format_figure
from bot.corpus.figures.scan import find_figures
from bot.models import Figure

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def summary(text: str) -> list[tuple]:
    """(value, qualifier, vague, magnitude, unit) for every figure in `text`."""
    return [(f.value, f.qualifier, f.vague, f.magnitude, f.unit) for f in find_figures(text)]


# --- every figure sentence in the seeds -----------------------------------------------

SEED_SENTENCES = [
    (
        (
            "Selain itu Departemen Pertahanan Amerika Serikat (Pentagon) membenarkan pengiriman "
            "10,000 prajurit Korea Utara ke Rusia Timur untuk menjalankan pelatihan militer."
        ),
        [(10000.0, None, False, None, "prajurit")],
    ),
    (
        (
            "Keterlibatan Korea Utara dalam konflik Rusia-Ukraina mengalami peningkatan signifikan "
            "setelah Pentagon mengonfirmasi bahwa sekitar 10.000 tentara Korea Utara dikirim ke Rusia."
        ),
        [(10000.0, "about", False, None, "tentara")],
    ),
    (
        (
            "Pengiriman pasukan ini dinilai sebagai langkah eskalasi yang dapat memperpanjang perang "
            "yang hampir mencapai tiga tahun, serta mengganggu stabilitas geopolitik."
        ),
        [(3.0, "almost", False, None, "tahun")],
    ),
    (
        "Baca Juga: 10 Kapal Induk Terbesar di Dunia: Armada Amerika Serikat Memimpin",
        [(10.0, None, False, None, "kapal")],
    ),
    (
        "Kehadiran ribuan tentara Korea Utara di medan konflik Eropa ini akan menambah tekanan.",
        [(1000.0, None, True, 3, "tentara")],
    ),
    (
        "Barat: Korea Utara Diam-diam Telah Kirim 10.000 Pasukan ke Rusia",
        [(10000.0, None, False, None, "pasukan")],
    ),
    (
        "Korea Utara mengirim 10.000 pasukan ke Rusia.",
        [(10000.0, None, False, None, "pasukan")],
    ),
    (
        (
            "Bahkan seorang pejabat Barat menyebutkan bahwa Pyongyang telah mengerahkan sebanyak "
            "10.000 personelnya untuk berperang membela Rusia."
        ),
        [(10000.0, "as many as", False, None, "personel")],
    ),
    (
        (
            "Seorang diplomat Barat, dikutip oleh Kyiv Independent mangatakan, sebanyak 10.000 "
            "pasukan Kim Jong Un telah sampai di Rusia."
        ),
        [(10000.0, "as many as", False, None, "pasukan")],
    ),
    (
        (
            "Seperti diketahui, Ukraina mengklaim telah menewaskan enam perwira asal Pyongyang "
            "dalam sebuah serangan di wilayah Donetsk beberapa waktu lalu."
        ),
        [(6.0, None, False, None, "perwira")],
    ),
    (
        ("Baca juga: Diterjunkan untuk Bantu Rusia, Tentara Korea Utara Dilaporkan Kabur, 18 Prajurit Sedang Diburu"),
        [(18.0, None, False, None, "prajurit")],
    ),
    (
        (
            '"Ini merupakan indikator yang jelas seberapa jauh Rusia dan militernya telah jatuh '
            "selama 2,5 tahun terakhir sehingga mereka harus mengemis, meminjam, dan membeli "
            'dukungan dari Korea Utara," kata John Foreman CBE, mantan atase pertahanan Inggris '
            "di Moskow dari tahun 2019 hingga 2022, kepada Kyiv Independent."
        ),
        [(2.5, None, False, None, "tahun")],
    ),
    (
        (
            "Kyiv Independent belum dapat memverifikasi laporan ini, yang belum dikonfirmasi di "
            "luar satu sumber intelijen pun."
        ),
        [(1.0, None, False, None, "sumber")],
    ),
    (
        "Aliansi Menguat! Korea Utara Kirim Ribuan Pasukan ke Rusia",
        [(1000.0, None, True, 3, "pasukan")],
    ),
    (
        (
            "Laporan yang diperoleh AFP pada Kamis (27/2/2025) menyebutkan bahwa lebih dari 10.000 "
            "tentara Korea Utara telah dikerahkan sejak tahun lalu."
        ),
        [(10000.0, "more than", False, None, "tentara")],
    ),
    (
        (
            "Sekitar 10.000 tentara asal Korea Utara (Korut) dilaporkan tiba di Kursk, wilayah "
            "garda depan konflik Rusia dan Ukraina."
        ),
        [(10000.0, "about", False, None, "tentara")],
    ),
    (
        (
            "Dalam keterangan resmi yang dikutip dari ABC News, Rutte menjelaskan bahwa ribuan "
            "tentara Korea Utara saat ini telah berada di Rusia."
        ),
        [(1000.0, None, True, 3, "tentara")],
    ),
    (
        (
            "Rutte mengatakan pengerahan puluhan ribu tentara Korea Utara itu merupakan eskalasi "
            "yang signifikan dari keterlibatan Pyongyang dalam invasi Rusia di Ukraina."
        ),
        [(10000.0, None, True, 4, "tentara")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SEED_SENTENCES)
def test_seed_sentences(sentence: str, expected: list[tuple]) -> None:
    assert summary(sentence) == expected


#: every figure in each seed file, in order: (value, qualifier, vague)
SEED_FILES = {
    "000": [(10000.0, None, False)],
    "001": [(10000.0, "about", False), (3.0, "almost", False), (10.0, None, False), (1000.0, None, True)],
    "002": [
        (10000.0, None, False),
        (10000.0, None, False),
        (10000.0, "as many as", False),
        (10000.0, "as many as", False),
        (6.0, None, False),
        (18.0, None, False),
        (2.5, None, False),
        (1.0, None, False),
    ],
    "003": [(1000.0, None, True), (10000.0, "more than", False)],
    "004": [(10000.0, "about", False), (1000.0, None, True), (10000.0, None, True)],
}


@pytest.mark.parametrize("article", sorted(SEED_FILES))
def test_seed_files_hold_exactly_these_figures(article: str) -> None:
    (path,) = SEEDS.glob(f"{article}_*.txt")
    text = path.read_text(encoding="utf-8")
    found = find_figures(text)
    assert [(f.value, f.qualifier, f.vague) for f in found] == SEED_FILES[article]
    for f in found:
        assert text[f.start : f.end] == f.text


def test_every_seed_mentions_ten_thousand() -> None:
    ten_thousand = parse_figure("10000")
    assert ten_thousand is not None
    for path in sorted(SEEDS.glob("*.txt")):
        found = find_figures(path.read_text(encoding="utf-8"))
        exact = [f for f in found if figures_match(f, ten_thousand)]
        related = [f for f in found if figures_related(f, ten_thousand)]
        assert exact or related, path.name


# --- not quantities ------------------------------------------------------------------

NOT_FIGURES = [
    "Pada 29 Oktober 2024 Sekretaris Jenderal NATO Mark Rutte membenarkan keberadaan prajurit.",
    "kerja sama militer antara kedua negara yang meningkat sejak tahun 2022.",
    "rudal balistik jarak pendek (SRBM) KN-23 dan amunisi ke Rusia",
    "Kerja sama ini mencapai puncaknya pada 19 Juni 2024 saat kedua negara menandatangani pakta.",
    "berdasarkan Deklarasi G7 Vilnius.",
    "Laporan yang diperoleh AFP pada Kamis (27/2/2025) menyebutkan",
    "telah ditarik sejak pertengahan Januari 2025.",
    "Sejak invasi Rusia ke Ukraina pada Februari 2022, hubungan semakin menguat.",
    "Ia bahkan menyatakan bahwa tahun 2025 akan menjadi titik balik bagi Rusia.",
    "dikonfirmasi langsung oleh Sekretaris Jenderal NATO, Mark Rutte, Senin (28/10/2024).",
    "Perang Rusia-Ukraina Hari ke-979: Bangunan Bersejarah di Kharkiv Hancur Kena Bom",
    "kata Savett pada 15 Oktober.",
    "Kyiv Independent.Pada 13 Oktober",
    "Pada 13 Oktoiber kemarin, Presiden Ukraina Volodymyr Zelensky mengatakan",
    "peluru artileri sejak musim gugur 2023.",
    "Benarkah F-16 Ukraina Berhasil Tembak Jatuh Su-34 Rusia?",
    "mantan atase pertahanan Inggris di Moskow dari tahun 2019 hingga 2022, kepada Kyiv Independent.",
    "pakta yang ditandatanganinya pada bulan Juni.",
    "Rapat dimulai pukul 10.30 WIB di Jakarta.",
    "Rapat dimulai 10.30 WIB di Jakarta.",
    "Rapat dimulai pukul 10 pagi.",
    "Pertandingan dimulai 19:30 waktu setempat.",
    "Ini adalah putaran ke-3 dan yang kedua kalinya.",
    "Pesawat B-52 dan vaksin COVID-19 disebut dalam Pasal 5 ayat 2.",
    "Hubungi 0812-3456-7890 atau +62 21 5551234.",
    "Kode pos 012 dan nomor 007 bukan jumlah.",
    "Jaringan 5G dan mobil 4WD, pesawat MH17, A320.",
    "Sejumlah tentara dan beberapa hari terakhir.",
    "Salah satu sumber mengatakan mereka saling membantu satu sama lain.",
    "Ia satu-satunya saksi, dua-duanya hadir.",
    "Pada 2024 lalu dan sejak 2023, era 1990-an.",
    "Tanggal 2024-10-28 dan versi 1.2.3 serta alamat 192.168.1.1.",
    "Seorang pejabat mengatakan.",
    "Rapat dimulai pukul 10.30 pagi, jam 9 malam, atau jam 10.15.",
    "Sidang digelar tanggal 5 dan nomor urut 3.",
    "Chelsea menang 3-1 atas Watford, lalu 21-13, 21-17 di babak berikutnya.",
    "Turnamen digelar di Gold Coast, 21-28 Mei.",
    "Gol dicetak oleh John Terry (22’) dan Cesc Fabregas (88’).",
    "1. Jeruk",
    "Pemudik pulang pada 1 Syawal 1438 Hijriah.",
    "Ia kembali di Jurassic World 2, lanjutan film itu, dan bermain di Liga 1.",
    "Kendaraan roda dua dan roda empat, nomor urut enam.",
    "Arus mudik Lebaran 2017 melonjak dibanding tahun lalu.",
    "Ia dijerat Pasal 55 ayat (1) KUHP.",
    "Pemasukan sebesar US23,4 dolar.",
    "Ia menginap di hotel bintang lima di Mangga Dua, Jakarta, dan kini di peringkat empat.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


# --- notations -------------------------------------------------------------------------

NOTATIONS = [
    ("10.000", 10000.0),
    ("10,000", 10000.0),
    ("10000", 10000.0),
    ("10 ribu", 10000.0),
    ("sepuluh ribu", 10000.0),
    ("Sepuluh Ribu", 10000.0),
    ("10rb", 10000.0),
    ("10 rb", 10000.0),
    ("2,5", 2.5),
    ("1.5", 1.5),
    ("1,5 juta", 1500000.0),
    ("1.500", 1500.0),
    ("1.000.000", 1000000.0),
    ("1,000,000", 1000000.0),
    ("1.234.567,89", 1234567.89),
    ("1,234,567.89", 1234567.89),
    ("0,5", 0.5),
    ("3 triliun", 3e12),
    ("5 miliar", 5e9),
    ("5 milyar", 5e9),
    ("seratus", 100.0),
    ("seribu", 1000.0),
    ("sejuta", 1e6),
    ("sebelas", 11.0),
    ("dua belas", 12.0),
    ("dua puluh", 20.0),
    ("dua puluh lima", 25.0),
    ("seratus dua belas", 112.0),
    ("dua ratus lima puluh", 250.0),
    ("dua ratus lima puluh ribu", 250000.0),
    ("tiga juta lima ratus ribu", 3500000.0),
    ("satu setengah juta", 1500000.0),
    ("setengah juta", 500000.0),
]


@pytest.mark.parametrize(("notation", "value"), NOTATIONS)
def test_notations_in_text(notation: str, value: float) -> None:
    found = find_figures(f"Menurut laporan itu, {notation} orang hadir.")
    assert [f.value for f in found] == [value]
    assert found[0].text.lower() == notation.lower()
    assert found[0].unit == "orang"


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        ("Nilainya Rp 5 miliar.", 5e9, "rp", "Rp 5 miliar"),
        ("Nilainya Rp5 miliar.", 5e9, "rp", "Rp5 miliar"),
        ("Harganya Rp 5.000,00 per kg.", 5000.0, "rp", "Rp 5.000,00"),
        ("Kerugian Rp 3 T tahun ini.", 3e12, "rp", "Rp 3 T"),
        ("Bantuan US$ 10 juta dikirim.", 1e7, "usd", "US$ 10 juta"),
        ("Harga naik 20 persen.", 20.0, "%", "20 persen"),
        ("Harga naik 20%.", 20.0, "%", "20%"),
        ("Harga naik 2,5% saja.", 2.5, "%", "2,5%"),
        ("Inflasi dua puluh persen.", 20.0, "%", "dua puluh persen"),
        ("Jaraknya 5km dari kota.", 5.0, "km", "5km"),
        ("Selama 2,5 tahun terakhir.", 2.5, "tahun", "2,5"),
        ("Perang hampir tiga tahun.", 3.0, "tahun", "tiga"),
        ("Sebanyak 2000 tentara tiba.", 2000.0, "tentara", "2000"),
        ("Ada 2000 tentara tiba.", 2000.0, "tentara", "2000"),
        ("Bantuan 5 juta dolar.", 5e6, "usd", "5 juta"),
    ],
)
def test_units_currencies_and_percentages(text: str, value: float, unit: str, surface: str) -> None:
    (fig,) = find_figures(text)
    assert (fig.value, fig.unit, fig.text) == (value, unit, surface)
    assert text[fig.start : fig.end] == surface


QUALIFIERS = [
    ("sekitar", "about"),
    ("Sekitar", "about"),
    ("kurang lebih", "about"),
    ("kira-kira", "about"),
    ("lebih dari", "more than"),
    ("kurang dari", "less than"),
    ("hampir", "almost"),
    ("hampir mencapai", "almost"),
    ("sebanyak", "as many as"),
    ("setidaknya", "at least"),
    ("sedikitnya", "at least"),
    ("minimal", "at least"),
    ("tidak kurang dari", "at least"),
    ("hingga", "up to"),
    ("sampai", "up to"),
    ("maksimal", "up to"),
    ("mencapai", None),
    ("sebesar", None),
]


@pytest.mark.parametrize(("words", "qualifier"), QUALIFIERS)
def test_qualifiers(words: str, qualifier: str | None) -> None:
    (fig,) = find_figures(f"Laporan itu menyebut {words} 10.000 tentara tiba.")
    assert fig.value == 10000.0
    assert fig.qualifier == qualifier
    assert fig.text == "10.000"  # the qualifier stays outside the span


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("Ada 10 ribuan tentara.", 10000.0, "10 ribuan"),
        ("Ada 10.000-an tentara.", 10000.0, "10.000-an"),
        ("Ada 2 jutaan warga.", 2e6, "2 jutaan"),
        ("Ada 2.000an warga.", 2000.0, "2.000an"),
    ],
)
def test_approximate_suffixes_mean_about(text: str, value: float, surface: str) -> None:
    (fig,) = find_figures(text)
    assert (fig.value, fig.qualifier, fig.text, fig.vague) == (value, "about", surface, False)


def test_decades_are_not_figures() -> None:
    assert find_figures("Musik era 1990-an, 1990an dan tahun 80-an kembali populer.") == []


def test_trailing_lebih_means_more_than() -> None:
    (fig,) = find_figures("Ada 10.000 lebih tentara di sana.")
    assert (fig.value, fig.qualifier, fig.unit) == (10000.0, "more than", "tentara")
    (fig,) = find_figures("Angkanya 10 kali lebih besar.")
    assert fig.qualifier is None


VAGUE = [
    ("puluhan", 10.0, 1),
    ("belasan", 10.0, 1),
    ("ratusan", 100.0, 2),
    ("ribuan", 1000.0, 3),
    ("Ribuan", 1000.0, 3),
    ("puluhan ribu", 10000.0, 4),
    ("belasan ribu", 10000.0, 4),
    ("ratusan ribu", 100000.0, 5),
    ("jutaan", 1e6, 6),
    ("puluhan juta", 1e7, 7),
    ("ratusan juta", 1e8, 8),
    ("miliaran", 1e9, 9),
    ("beberapa ribu", 1000.0, 3),
    ("beberapa ratus", 100.0, 2),
]


@pytest.mark.parametrize(("words", "value", "magnitude"), VAGUE)
def test_vague_quantities(words: str, value: float, magnitude: int) -> None:
    (fig,) = find_figures(f"Kini {words} warga mengungsi.")
    assert (fig.value, fig.magnitude, fig.vague, fig.unit) == (value, magnitude, True, "warga")
    assert fig.text == words


def test_several_figures_in_one_sentence_keep_order_and_spans() -> None:
    text = "Sekitar 1,5 juta orang, lebih dari 20% warga dan ratusan ribu pengungsi pada 2024."
    found = find_figures(text)
    assert [(f.value, f.qualifier, f.unit) for f in found] == [
        (1500000.0, "about", "orang"),
        (20.0, "more than", "%"),
        (100000.0, None, "pengungsi"),
    ]
    assert [text[f.start : f.end] for f in found] == ["1,5 juta", "20%", "ratusan ribu"]


def test_year_like_numbers_count_only_with_a_noun_or_a_counting_qualifier() -> None:
    assert summary("Lebih dari 2000 orang.")[0][:2] == (2000.0, "more than")
    assert summary("Sebanyak 1950 unit rumah.")[0][0] == 1950.0
    assert find_figures("Peristiwa 1998 masih diingat.") == []
    assert find_figures("Sekitar 2000, harga naik.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harganya sekira USD 3-4 ribu saja.", [(3000.0, "about", "usd"), (4000.0, None, "usd")]),
        ("Korban berusia 3-9 tahun.", [(3.0, None, "tahun"), (9.0, None, "tahun")]),
        ("Harga naik 20-30 persen.", [(20.0, None, "%"), (30.0, None, "%")]),
        ("Kedalaman 5-10 kilometer.", [(5.0, None, "kilometer"), (10.0, None, "kilometer")]),
    ],
)
def test_ranges(text: str, expected: list[tuple]) -> None:
    assert [(f.value, f.qualifier, f.unit) for f in find_figures(text)] == expected


def test_capitalised_number_words_in_headlines_still_count() -> None:
    assert summary("Inter Catat Lima Kemenangan Beruntun") == [(5.0, None, False, None, "kemenangan")]


def test_durations_next_to_jam_are_counts() -> None:
    assert summary("Sidang berlangsung selama 3 jam 20 menit.") == [
        (3.0, None, False, None, "jam"),
        (20.0, None, False, None, "menit"),
    ]


def test_a_number_word_is_never_the_unit() -> None:
    assert summary("Ia menunggu dua tiga hari.") == [
        (2.0, None, False, None, None),
        (3.0, None, False, None, "hari"),
    ]


def test_unit_is_none_after_a_function_word() -> None:
    (fig,) = find_figures("Jumlahnya 10.000 yang tiba.")
    assert fig.unit is None


def test_text_with_unicode_that_changes_length_when_lowered() -> None:
    text = "İİİ sekitar 10.000 tentara dan ribuan warga."
    found = find_figures(text)
    assert [(f.value, f.qualifier, f.vague) for f in found] == [
        (10000.0, "about", False),
        (1000.0, None, True),
    ]
    assert [text[f.start : f.end] for f in found] == ["10.000", "ribuan"]


# --- queries ---------------------------------------------------------------------------

QUERIES = [
    ("10000", 10000.0),
    ("10k", 10000.0),
    ("10K", 10000.0),
    ("10.000", 10000.0),
    ("10,000", 10000.0),
    ("10 ribu", 10000.0),
    ("sepuluh ribu", 10000.0),
    ("10rb", 10000.0),
    ("10 rb", 10000.0),
    ("1.5m", 1500000.0),
    ("1,5 juta", 1500000.0),
    ("2 million", 2e6),
    ("3bn", 3e9),
    ("2.5", 2.5),
    ("  2022 ", 2022.0),
    ("13", 13.0),
    ("20%", 20.0),
    ("10 000", 10000.0),
    (" 1 500 000 ", 1500000.0),
]


@pytest.mark.parametrize(("query", "value"), QUERIES)
def test_parse_figure(query: str, value: float) -> None:
    fig = parse_figure(query)
    assert fig is not None
    assert fig.value == value
    assert not fig.vague


@pytest.mark.parametrize("query", ["", "   ", "kursk", "NATO", "sejumlah", "F-16 dan G7"])
def test_parse_figure_without_a_figure(query: str) -> None:
    assert parse_figure(query) is None


def test_parse_figure_keeps_qualifier_and_vagueness() -> None:
    fig = parse_figure("sekitar 10.000 tentara")
    assert fig is not None and (fig.value, fig.qualifier, fig.unit) == (10000.0, "about", "tentara")
    vague = parse_figure("puluhan ribu")
    assert vague is not None and vague.vague and vague.magnitude == 4


# --- formatting, keys and matching -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "formatted", "key"),
    [
        (10000.0, "10,000", "10000"),
        (2.5, "2.5", "2.5"),
        (1500000.0, "1,500,000", "1500000"),
        (0.25, "0.25", "0.25"),
        (0.0, "0", "0"),
        (3e12, "3,000,000,000,000", "3000000000000"),
        (1234567.89, "1,234,567.89", "1234567.89"),
        (-5.0, "-5", "-5"),
    ],
)
def test_format_and_key(value: float, formatted: str, key: str) -> None:
    assert format_figure(value) == formatted
    assert figure_key(value) == key


def test_figures_match_any_notation_but_not_percent_or_vague() -> None:
    query = parse_figure("10000")
    assert query is not None
    for text in (
        "10.000 tentara",
        "10,000 prajurit",
        "sepuluh ribu orang",
        "10 ribu orang",
        "sekitar 10.000 tentara",
        "lebih dari 10.000 tentara",
    ):
        (fig,) = find_figures(text)
        assert figures_match(query, fig) and figures_match(fig, query), text
    (pct,) = find_figures("naik 20%")
    (count,) = find_figures("ada 20 orang")
    assert not figures_match(pct, count)
    assert figures_match(pct, Figure(value=20.0, text="20"))
    (rp,) = find_figures("Rp 5 miliar")
    (usd,) = find_figures("US$ 5 miliar")
    assert not figures_match(rp, usd)
    (vague,) = find_figures("puluhan ribu tentara")
    assert not figures_match(query, vague)
    assert not figures_match(query, Figure(value=10001.0, text="10.001"))


def test_figures_related() -> None:
    ten_thousand = Figure(value=10000.0, text="10.000")
    (tens_of_thousands,) = find_figures("puluhan ribu tentara")
    (thousands,) = find_figures("ribuan tentara")
    (hundreds,) = find_figures("ratusan tentara")
    assert figures_related(tens_of_thousands, ten_thousand)
    assert figures_related(ten_thousand, thousands)
    assert not figures_related(hundreds, ten_thousand)
    assert not figures_related(ten_thousand, ten_thousand)
    assert figures_related(thousands, tens_of_thousands)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("sekitar 10.000 tentara", "about 10,000"),
        ("puluhan ribu tentara", "tens of thousands"),
        ("hampir ribuan tentara", "almost thousands"),
        ("naik 20 persen", "20%"),
        ("Rp 5 miliar", "Rp 5 billion"),
        ("sekitar US$ 10 juta", "about US$ 10 million"),
        ("selama 2,5 tahun", "2.5"),
    ],
)
def test_figure_label(text: str, english: str) -> None:
    (fig,) = find_figures(text)
    assert figure_label(fig) == english


# --- properties ----------------------------------------------------------------------------

_UNIT_WORDS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _words_below_thousand(n: int) -> str:
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append("seratus" if hundreds == 1 else f"{_UNIT_WORDS[hundreds]} ratus")
    if rest >= 20:
        tens, units = divmod(rest, 10)
        parts.append(f"{_UNIT_WORDS[tens]} puluh")
        if units:
            parts.append(_UNIT_WORDS[units])
    elif rest >= 12:
        parts.append(f"{_UNIT_WORDS[rest - 10]} belas")
    elif rest == 11:
        parts.append("sebelas")
    elif rest == 10:
        parts.append("sepuluh")
    elif rest:
        parts.append(_UNIT_WORDS[rest])
    return " ".join(parts)


def indonesian_words(n: int) -> str:
    """Our own independent spelling of 1..999,999 in Indonesian words."""
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands == 1:
        parts.append("seribu")
    elif thousands:
        parts.append(f"{_words_below_thousand(thousands)} ribu")
    if rest:
        parts.append(_words_below_thousand(rest))
    return " ".join(parts)


def test_indonesian_words_helper() -> None:
    assert indonesian_words(250_000) == "dua ratus lima puluh ribu"
    assert indonesian_words(1_011) == "seribu sebelas"
    assert indonesian_words(112) == "seratus dua belas"


def _notations_of_integer(n: int) -> list[str]:
    forms = [str(n), f"{n:,}", f"{n:,}".replace(",", ".")]
    if n and n % 1000 == 0:
        forms += [f"{n // 1000} ribu", f"{n // 1000}rb"]
    if n and n % 1_000_000 == 0:
        forms.append(f"{n // 1_000_000} juta")
    if 0 < n < 1_000_000:
        forms.append(indonesian_words(n))
    return forms


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**13))
def test_integers_round_trip_in_every_notation(n: int) -> None:
    for form in _notations_of_integer(n):
        fig = parse_figure(form)
        assert fig is not None, form
        assert fig.value == float(n), form
        found = find_figures(f"Sebanyak {form} orang tiba.")
        assert [f.value for f in found] == [float(n)], form
        assert found[0].qualifier == "as many as"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_indonesian_words_round_trip(n: int) -> None:
    words = indonesian_words(n)
    found = find_figures(f"Ada {words} warga yang hadir.")
    assert [f.value for f in found] == [float(n)], words
    assert found[0].text == words


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=1, max_value=99),
)
def test_decimals_round_trip(whole: int, hundredths: int) -> None:
    frac = f"{hundredths:02d}".rstrip("0")
    value = float(Decimal(f"{whole}.{frac}"))
    forms = [
        f"{whole:,}".replace(",", ".") + "," + frac,  # Indonesian 1.234,5
        f"{whole:,}.{frac}",  # English 1,234.5
        f"{whole},{frac}",  # plain comma 1234,5
        f"{whole}.{frac}",  # plain dot 1234.5
    ]
    for form in forms:
        fig = parse_figure(form)
        assert fig is not None and fig.value == value, form
        found = find_figures(f"Sebanyak {form} ton beras.")
        assert [f.value for f in found] == [value], form
    assert parse_figure(format_figure(value)).value == value  # type: ignore[union-attr]
    if whole < 1000:
        (fig,) = find_figures(f"Naik {whole},{frac} juta orang.")
        assert fig.value == float(Decimal(f"{whole}.{frac}") * 1_000_000)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_format_then_parse_is_identity_for_integers(n: int) -> None:
    fig = parse_figure(format_figure(float(n)))
    assert fig is not None and fig.value == float(n)
    assert figure_key(float(n)) == str(n)


_TRICKY = st.lists(
    st.sampled_from(
        list("0123456789.,-/:%+()$ \n\tRpKkmMbTrjuta")
        + [
            "sekitar ",
            "lebih dari ",
            "ribu",
            "juta",
            "puluhan ",
            "dua ",
            "belas ",
            "ratus ",
            "se",
            "Juni ",
            "tahun ",
            "ke-",
            "satu",
            "İ",
            "ß",
            "ﬁ",
            "setengah ",
            "beberapa ",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=80), _TRICKY))
def test_find_figures_never_raises_and_spans_index_the_text(text: str) -> None:
    for fig in find_figures(text):
        assert 0 <= fig.start < fig.end <= len(text)
        assert text[fig.start : fig.end] == fig.text
        assert any(ch.isdigit() for ch in fig.text) or any(
            w in fig.text.lower()
            for w in (
                "satu",
                "dua",
                "tiga",
                "empat",
                "lima",
                "enam",
                "tujuh",
                "delapan",
                "sembilan",
                "puluh",
                "belas",
                "ratus",
                "ribu",
                "juta",
                "setengah",
            )
        )
        assert fig.value >= 0 and fig.value == fig.value  # finite, not NaN
        assert fig.vague == (fig.magnitude is not None)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), _TRICKY))
def test_parse_figure_never_raises(text: str) -> None:
    fig = parse_figure(text)
    if fig is not None:
        assert text[fig.start : fig.end] == fig.text
