"""Indonesian sentence and word segmentation, table-driven from the seeds and news style."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.corpus.segment import IndonesianTokenizer, split_sentences, split_words, token_spans

# (text, expected sentences)
SENTENCES = [
    # titles and ranks introduce names
    (
        "Juru Bicara Pentagon Mayjen Pat Ryder menambahkan terdapat indikasi. Ia tidak merinci.",
        ["Juru Bicara Pentagon Mayjen Pat Ryder menambahkan terdapat indikasi.", "Ia tidak merinci."],
    ),
    (
        "Laporan ini juga dikonfirmasi oleh Sekjen NATO, Mark Rutte. Presiden Korea Selatan setuju.",
        ["Laporan ini juga dikonfirmasi oleh Sekjen NATO, Mark Rutte.", "Presiden Korea Selatan setuju."],
    ),
    (
        "Ia tinggal di Jl. Sudirman No. 5, Jakarta. Rumahnya besar.",
        ["Ia tinggal di Jl. Sudirman No. 5, Jakarta.", "Rumahnya besar."],
    ),
    (
        "Pasien ditangani dr. Budi dan Prof. Dr. H. Ahmad Syafii. Kondisinya membaik.",
        ["Pasien ditangani dr. Budi dan Prof. Dr. H. Ahmad Syafii.", "Kondisinya membaik."],
    ),
    (
        "Dana dikirim a.n. Siti Aminah kemarin. Jumlahnya kecil.",
        ["Dana dikirim a.n. Siti Aminah kemarin.", "Jumlahnya kecil."],
    ),
    (
        "Hj. Ratna dan Kol. Inf. Sutrisno hadir bersama Brigjen. Pol. Andi. Acara dimulai.",
        ["Hj. Ratna dan Kol. Inf. Sutrisno hadir bersama Brigjen. Pol. Andi.", "Acara dimulai."],
    ),
    (
        "Saham PT. Bank Mandiri Tbk. naik tipis. Investor lega.",
        ["Saham PT. Bank Mandiri Tbk. naik tipis.", "Investor lega."],
    ),
    (
        "Harga naik dari Rp. 10.000 s.d. Rp. 12.500 per kilo. Pembeli mengeluh.",
        ["Harga naik dari Rp. 10.000 s.d. Rp. 12.500 per kilo.", "Pembeli mengeluh."],
    ),
    (
        "Pejuang M. Yamin dan Susilo B. Yudhoyono disebut. Keduanya tokoh.",
        ["Pejuang M. Yamin dan Susilo B. Yudhoyono disebut.", "Keduanya tokoh."],
    ),
    (
        "Persib vs. Persija digelar 27 Okt. 2024, lihat hlm. 5. Laga imbang.",
        ["Persib vs. Persija digelar 27 Okt. 2024, lihat hlm. 5.", "Laga imbang."],
    ),
    (
        "Saham PT Bank Central Asia Tbk. (BBCA) menguat 1,2%. Sementara itu, IHSG naik 0,5%.",
        ["Saham PT Bank Central Asia Tbk. (BBCA) menguat 1,2%.", "Sementara itu, IHSG naik 0,5%."],
    ),
    ("Ia membeli beras, gula, dll. Semua habis.", ["Ia membeli beras, gula, dll.", "Semua habis."]),
    ("Ia membeli beras, gula, dll. untuk dijual.", ["Ia membeli beras, gula, dll. untuk dijual."]),
    ("Barang tsb. sudah dikirim. Terima kasih.", ["Barang tsb. sudah dikirim.", "Terima kasih."]),
    # an initial or title before a clear sentence opener still ends the sentence
    (
        "Kulit jeruk mengandung vitamin C. Namun jeruk kupas tidak.",
        ["Kulit jeruk mengandung vitamin C.", "Namun jeruk kupas tidak."],
    ),
    ("Indonesia berada di Grup B. Thailand juara grup.", ["Indonesia berada di Grup B.", "Thailand juara grup."]),
    (
        "Ditandatangani Ir. H. Joko Widodo dan Anies R. Baswedan.",
        ["Ditandatangani Ir. H. Joko Widodo dan Anies R. Baswedan."],
    ),
    # numbers, decimals, dates and times
    (
        "Selain itu Pentagon membenarkan pengiriman 10,000 prajurit. Sekitar 10.000 tentara tiba.",
        ["Selain itu Pentagon membenarkan pengiriman 10,000 prajurit.", "Sekitar 10.000 tentara tiba."],
    ),
    ("Nilainya 1.250.000 dolar. Itu besar.", ["Nilainya 1.250.000 dolar.", "Itu besar."]),
    (
        "Rusia telah jatuh selama 2,5 tahun terakhir. Mereka mengemis.",
        ["Rusia telah jatuh selama 2,5 tahun terakhir.", "Mereka mengemis."],
    ),
    (
        "Laporan yang diperoleh AFP pada Kamis (27/2/2025) menyebutkan hal itu. Namun belum pasti.",
        ["Laporan yang diperoleh AFP pada Kamis (27/2/2025) menyebutkan hal itu.", "Namun belum pasti."],
    ),
    (
        "Kedatangan tentara Korut dikonfirmasi Mark Rutte, Senin (28/10/2024). Rutte menjelaskan.",
        ["Kedatangan tentara Korut dikonfirmasi Mark Rutte, Senin (28/10/2024).", "Rutte menjelaskan."],
    ),
    ("Rapat dimulai pukul 10.30 WIB. Semua hadir.", ["Rapat dimulai pukul 10.30 WIB.", "Semua hadir."]),
    ("Rapat selesai pukul 12.15. Semua pulang.", ["Rapat selesai pukul 12.15.", "Semua pulang."]),
    # quotes: the stop inside, the attribution after it
    (
        "“Kerja sama militer ilegal ini merupakan ancaman signifikan,” kata Yoon. Ia menambahkan.",
        ["“Kerja sama militer ilegal ini merupakan ancaman signifikan,” kata Yoon.", "Ia menambahkan."],
    ),
    (
        '"Ini bukan lagi sekadar tentang mentransfer senjata. Ini tentang orang," katanya.',
        ['"Ini bukan lagi sekadar tentang mentransfer senjata.', 'Ini tentang orang," katanya.'],
    ),
    (
        '"Jangan mati tanpa alasan." kata direktorat itu. Pesan dikirim.',
        ['"Jangan mati tanpa alasan." kata direktorat itu.', "Pesan dikirim."],
    ),
    # a quoted question ends its sentence even before the attribution, as news corpora
    # segment it; a quoted statement ("....\" kata dia) keeps its attribution
    (
        '"Apa yang dia sembunyikan?" tulis deskripsi itu. Novel terbit.',
        ['"Apa yang dia sembunyikan?"', "tulis deskripsi itu.", "Novel terbit."],
    ),
    # closing quotes and brackets after the stop belong to the sentence that ends
    (
        "Kremlin menepis laporan itu sebagai “berita palsu.” Sementara itu, Putin diam.",
        ["Kremlin menepis laporan itu sebagai “berita palsu.”", "Sementara itu, Putin diam."],
    ),
    (
        "Ia menyebut “neo-Nazisme”. Dalam surat itu ia menegaskan.",
        ["Ia menyebut “neo-Nazisme”.", "Dalam surat itu ia menegaskan."],
    ),
    ("(Hal itu sudah lama terjadi.) Kini berbeda.", ["(Hal itu sudah lama terjadi.)", "Kini berbeda."]),
    ("Saya punya tiga! ” Setelah itu dia pergi.", ["Saya punya tiga! ”", "Setelah itu dia pergi."]),
    # a missing space after the full stop
    (
        "kata John Foreman kepada Kyiv Independent.Pada 13 Oktober kemarin, Zelensky bicara.",
        ["kata John Foreman kepada Kyiv Independent.", "Pada 13 Oktober kemarin, Zelensky bicara."],
    ),
    ("Pasukan tiba di Rusia.Mereka berlatih.", ["Pasukan tiba di Rusia.", "Mereka berlatih."]),
    # dotted outlet names, domains, URLs and e-mail addresses
    (
        "KONTAN.CO.ID - JAKARTA. Keterlibatan Korea Utara meningkat. Pengiriman dinilai eskalasi.",
        ["KONTAN.CO.ID - JAKARTA. Keterlibatan Korea Utara meningkat.", "Pengiriman dinilai eskalasi."],
    ),
    (
        "TRIBUNNEWS.COM -- Keterlibatan pasukan diyakini Barat. Bahkan pejabat menyebutkan.",
        ["TRIBUNNEWS.COM -- Keterlibatan pasukan diyakini Barat.", "Bahkan pejabat menyebutkan."],
    ),
    (
        "Berita ini dikutip dari detik.com dan Liputan6.com. Keduanya media daring.",
        ["Berita ini dikutip dari detik.com dan Liputan6.com.", "Keduanya media daring."],
    ),
    ("Laman Tribunnews.Com memuatnya. Pembaca ramai.", ["Laman Tribunnews.Com memuatnya.", "Pembaca ramai."]),
    (
        "Kunjungi https://www.Example.Com/Berita atau surel redaksi@Kontan.Co.Id. Terima kasih.",
        ["Kunjungi https://www.Example.Com/Berita atau surel redaksi@Kontan.Co.Id.", "Terima kasih."],
    ),
    ("Pasukan dari A.S. Mereka tiba.", ["Pasukan dari A.S.", "Mereka tiba."]),
    ("Surat a.n. Presiden dikirim u.p. Kepala Biro.", ["Surat a.n. Presiden dikirim u.p. Kepala Biro."]),
    # ellipses
    ("Dia menunggu... dan terus menunggu. Lalu pergi.", ["Dia menunggu... dan terus menunggu.", "Lalu pergi."]),
    ("Dia menunggu… dan menunggu. Lalu pergi.", ["Dia menunggu… dan menunggu.", "Lalu pergi."]),
    ("Dia menunggu lama... Kemudian semua diam.", ["Dia menunggu lama...", "Kemudian semua diam."]),
    # question and exclamation marks
    (
        "Korea Utara mengirim 10.000 pasukan ke Rusia. Apa dampaknya bagi Ukraina?",
        ["Korea Utara mengirim 10.000 pasukan ke Rusia.", "Apa dampaknya bagi Ukraina?"],
    ),
    (
        "Aliansi menguat! Korea Utara kirim pasukan. Benarkah?! Ya.",
        ["Aliansi menguat!", "Korea Utara kirim pasukan.", "Benarkah?!", "Ya."],
    ),
    ('"Apa?" tanya dia. Oke.', ['"Apa?"', "tanya dia.", "Oke."]),
    ('"Ayo!" seru mereka.', ['"Ayo!"', "seru mereka."]),
    ("Dia bertanya apa? lalu pergi.", ["Dia bertanya apa? lalu pergi."]),
    ('"Kami siap." kata dia. Lalu pergi.', ['"Kami siap." kata dia.', "Lalu pergi."]),
    # list numbers stand alone (as in labelled Indonesian news corpora)
    ("1. Banyak nutrisi. Kulit jeruk kaya vitamin.", ["1.", "Banyak nutrisi.", "Kulit jeruk kaya vitamin."]),
    # a dateline's all-capital place does not end a sentence, an editor's code does
    ("Ia menutup pidatonya. (adt)", ["Ia menutup pidatonya.", "(adt)"]),
    # lower-case sentence starts after an ordinary word (typos, brand names)
    ("Ia tidak tahu. setelah dicek ternyata benar.", ["Ia tidak tahu.", "setelah dicek ternyata benar."]),
    # no punctuation at all, and whitespace
    ("Pada 13 Oktober", ["Pada 13 Oktober"]),
    ("  Satu.\n  Dua.  ", ["Satu.", "Dua."]),
    (
        "Judul tanpa titik\n\nKalimat pertama. Kalimat\nkedua.\n \n",
        ["Judul tanpa titik", "Kalimat pertama.", "Kalimat kedua."],
    ),
    ("", []),
    ("   \n ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[t[:40] for t, _ in SENTENCES])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


WORDS = [
    ("Sekitar 10.000 tentara, 10,000 prajurit.", ["Sekitar", "10.000", "tentara", "10,000", "prajurit"]),
    (
        "selama 2,5 tahun pada 27/2/2025 pukul 10.30 WIB",
        ["selama", "2,5", "tahun", "pada", "27/2/2025", "pukul", "10.30", "WIB"],
    ),
    ("rudal KN-23, Deklarasi G7, hari ke-979", ["rudal", "KN-23", "Deklarasi", "G7", "hari", "ke-979"]),
    ("“eskalasi signifikan” Rusia-Ukraina!", ["eskalasi", "signifikan", "Rusia-Ukraina"]),
    ("Jum'at, X/Twitter; 1990-an", ["Jum'at", "X", "Twitter", "1990-an"]),
    ("... — !", []),
]


@pytest.mark.parametrize(("text", "expected"), WORDS, ids=[t[:30] for t, _ in WORDS])
def test_split_words(text: str, expected: list[str]) -> None:
    assert split_words(text) == expected


def test_tokenizer_is_sumy_compatible() -> None:
    tok = IndonesianTokenizer()
    assert tok.language == "indonesian"
    sentences = tok.to_sentences("Mayjen Pat Ryder hadir. Ia bicara 10.000 kata.")
    assert sentences == ("Mayjen Pat Ryder hadir.", "Ia bicara 10.000 kata.")
    assert tok.to_words(sentences[1]) == ("Ia", "bicara", "10.000", "kata")


def test_tokenizer_works_with_sumy_without_nltk_data() -> None:
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    text = (
        "Korea Utara mengirim 10.000 pasukan ke Rusia. Pentagon membenarkan laporan itu.\n\n"
        "Sekjen NATO Mark Rutte juga membenarkan. Ukraina meminta bantuan."
    )
    doc = PlaintextParser.from_string(text, IndonesianTokenizer()).document
    assert next(str(s) for s in doc.sentences) == "Korea Utara mengirim 10.000 pasukan ke Rusia."
    summary = LexRankSummarizer()(doc, 2)
    assert len(summary) == 2


def test_module_never_imports_nltk() -> None:
    import bot.corpus.segment as seg

    source = Path(seg.__file__).read_text(encoding="utf-8")
    assert "nltk" not in re.sub(r'""".*?"""', "", source, flags=re.S)


_TEXT = st.lists(
    st.sampled_from(list("abcAB .,!?…\"”“'()-\n0123456789") + ["Dr", "dll", "Rp", "com", "  ", "M.", "..."]),
    max_size=80,
).map("".join)


@given(_TEXT)
def test_sentences_keep_every_character_in_order(text: str) -> None:
    sentences = split_sentences(text)
    assert all(s and s == s.strip() for s in sentences)
    assert "".join(sentences).replace(" ", "") == re.sub(r"\s", "", text)


@given(_TEXT)
def test_words_are_non_empty_substrings(text: str) -> None:
    for word in split_words(text):
        assert word and word in text


# --- tokens for the part-of-speech tagger ---------------------------------------------


def _tokens(text: str) -> list[str]:
    return [text[a:b] for a, b in token_spans(text)]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("“Kami siap,” ujarnya.", ["“", "Kami", "siap", ",", "”", "ujarnya", "."]),
        ("Rp10.000 dan RM5, Rp 2,5 juta", ["Rp", "10.000", "dan", "RM", "5", ",", "Rp", "2,5", "juta"]),
        ("Rupiah10 dan ARp5", ["Rupiah10", "dan", "ARp5"]),
        ("US$3 juta (8%)", ["US", "$", "3", "juta", "(", "8", "%", ")"]),
        ("Dompetku.id, KONTAN.CO.ID dan detik.com.", ["Dompetku.id", ",", "KONTAN.CO.ID", "dan", "detik.com", "."]),
        ("di Jakarta.Pada 2.id", ["di", "Jakarta", ".", "Pada", "2", ".", "id"]),
        ("Rusia-Ukraina, KN-23, Jum'at, 1990-an", ["Rusia-Ukraina", ",", "KN-23", ",", "Jum'at", ",", "1990-an"]),
        ("a_b ... --", ["a", "_", "b", ".", ".", ".", "-", "-"]),
    ],
)
def test_token_spans(text: str, tokens: list[str]) -> None:
    assert _tokens(text) == tokens


@given(st.text(max_size=300))
def test_token_spans_cover_every_visible_character_in_order(text: str) -> None:
    spans = token_spans(text)
    assert all(a < b for a, b in spans)
    assert all(b <= c for (_, b), (c, _) in itertools.pairwise(spans))
    covered = {i for a, b in spans for i in range(a, b)}
    assert covered == {i for i, ch in enumerate(text) if not ch.isspace()}


@given(st.text(alphabet=st.sampled_from("aB3 .,-'’/:Rp$%"), max_size=80))
def test_token_spans_words_are_split_words_outside_currencies_and_web_names(text: str) -> None:
    words = [t for t in _tokens(text) if t[-1].isalnum()]
    if "Rp" not in text and "." not in text:
        assert words == split_words(text)


def test_no_sentence_is_longer_than_the_cap() -> None:
    from bot.corpus.segment import MAX_SENTENCE_CHARS, split_long

    clauses = ", ".join(f"warga desa nomor {i} mengungsi ke kota" for i in range(200)) + "."
    pieces = split_sentences(clauses)
    assert len(pieces) > 1 and all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(p.endswith((",", ".")) for p in pieces), "cut after a clause boundary"
    assert " ".join(pieces) == clauses, "nothing is lost"
    words = " ".join(["tanpa", "tanda", "baca"] * 800)
    cut = split_long(words, 100)
    assert all(len(p) <= 100 and not p.startswith(" ") for p in cut) and " ".join(cut) == words
    blob = "x" * 2500  # no space at all: cut right at the limit
    assert split_long(blob) == ["x" * 1000, "x" * 1000, "x" * 500]
    assert split_sentences(clauses, None) == [clauses]


def test_real_sentences_are_never_cut() -> None:
    from bot.corpus.segment import MAX_SENTENCE_CHARS

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    for path in seeds.glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert split_sentences(line) == split_sentences(line, None)
            assert all(len(s) < MAX_SENTENCE_CHARS / 2 for s in split_sentences(line, None))
