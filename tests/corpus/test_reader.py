"""The article reader on the five seeds, on invented articles, and on broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.corpus.reader import ARTICLE_GLOB, parse_article, parse_key, read_article
from bot.errors import MalformedArticle
from bot.models import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    articles = [read_article(p) for p in sorted(SEEDS.glob(ARTICLE_GLOB))]
    return {a.id: a for a in articles}


def _texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


# --- keys -------------------------------------------------------------------------------


def test_parse_key() -> None:
    assert parse_key("003_89031a1fd86b0abb.txt") == ("003", "003_89031a1fd86b0abb")
    assert parse_key("003_89031a1fd86b0abb") == ("003", "003_89031a1fd86b0abb")
    assert parse_key("/some/dir/012_abc.TXT") == ("012", "012_abc")


@pytest.mark.parametrize("name", ["notes.txt", "_003.txt", "abc_003.txt", ".txt"])
def test_parse_key_rejects_other_names(name: str) -> None:
    with pytest.raises(MalformedArticle, match="NNN_<hash>"):
        parse_key(name)


# --- the seeds -------------------------------------------------------------------------------


def test_every_seed_parses(seeds: dict[str, Article]) -> None:
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    for article in seeds.values():
        assert article.sentences and article.paragraphs
        assert [s.index for s in article.sentences] == list(range(1, len(article.sentences) + 1))
        assert {s.paragraph for s in article.sentences} == {p.index for p in article.paragraphs}
        assert article.key.startswith(article.id + "_")
        assert len(article.content_hash) == 64
        assert article.content_hash == __import__("hashlib").sha256(Path(article.path).read_bytes()).hexdigest()


def test_seed_titles_and_metadata(seeds: dict[str, Article]) -> None:
    a0, a1, a2, a3, a4 = (seeds[k] for k in ("000", "001", "002", "003", "004"))
    assert a0.title == "Pentagon dan NATO Benarkan Keberadaan Prajurit Korea Utara di Ukraina"
    assert not a0.title_derived and a0.outlet is None
    assert a1.title_derived and a1.outlet == "KONTAN" and a1.dateline == "JAKARTA"
    assert a1.title.startswith("Keterlibatan Korea Utara") and len(a1.title) <= 95
    assert a1.editor == "Handoyo"
    assert a2.title == "Barat: Korea Utara Diam-diam Telah Kirim 10.000 Pasukan ke Rusia"
    assert not a2.title_derived and a2.outlet == "TRIBUNNEWS" and a2.editor == "Hendra Gunawan"
    assert a3.title == "Aliansi Menguat! Korea Utara Kirim Ribuan Pasukan ke Rusia" and not a3.title_derived
    assert a4.title_derived and a4.outlet == "TRIBUNNEWS"
    assert a4.title.startswith("Sekitar 10.000 tentara asal Korea Utara")


def test_derived_titles_keep_their_paragraph_as_body(seeds: dict[str, Article]) -> None:
    assert seeds["001"].sentences[0].text.startswith("Keterlibatan Korea Utara dalam konflik Rusia-Ukraina")
    assert seeds["004"].sentences[0].text.startswith("Sekitar 10.000 tentara asal Korea Utara (Korut)")


def test_headline_is_not_a_sentence(seeds: dict[str, Article]) -> None:
    for aid in ("000", "002", "003"):
        assert seeds[aid].title not in _texts(seeds[aid])
        assert any(r.kind == "title" and r.line == 1 for r in seeds[aid].removed)


def test_standfirst_of_002_is_body_text(seeds: dict[str, Article]) -> None:
    assert _texts(seeds["002"])[:2] == ["Korea Utara mengirim 10.000 pasukan ke Rusia.", "Apa dampaknya bagi Ukraina?"]


def test_no_boilerplate_in_sentences(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        for text in _texts(article):
            assert "Baca Juga" not in text and "Baca juga" not in text
            assert not text.startswith("Editor")
            assert "Kecerdasan Buatan" not in text
            assert "KONTAN.CO.ID" not in text and "TRIBUNNEWS.COM" not in text


def test_cross_links_that_run_into_real_text(seeds: dict[str, Article]) -> None:
    texts = _texts(seeds["001"])
    assert any(t.startswith("Laporan ini juga dikonfirmasi oleh Sekjen NATO, Mark Rutte,") for t in texts)
    assert any(t.startswith("Putin juga menggelar pertemuan BRICS") for t in texts)
    assert any(t.startswith("Ia berhenti mengonfirmasi keberadaan tentara Korea Utara") for t in texts)
    links = [r.text for r in seeds["001"].removed if r.kind == "cross-link"]
    assert links == [
        "Baca Juga: 10 Kapal Induk Terbesar di Dunia: Armada Amerika Serikat Memimpin",
        "Baca Juga: Sekjen NATO Konfirmasi Kehadiran Pasukan Korea Utara di Rusia",
        "Baca Juga: Utusan Korsel akan Berkunjung ke Markas NATO, Bicarakan Hubungan Rusia-Korut",
    ]


def test_glued_sentence_in_002(seeds: dict[str, Article]) -> None:
    texts = _texts(seeds["002"])
    assert any(t.startswith("Pada 13 Oktober") for t in texts)
    assert any(t.endswith("kepada Kyiv Independent.") for t in texts)


def test_editor_and_disclaimer_are_removals(seeds: dict[str, Article]) -> None:
    kinds = {(r.kind, r.line) for r in seeds["002"].removed}
    assert ("editor", 3) in kinds and ("disclaimer", 23) in kinds and ("dateline", 4) in kinds
    assert ("editor", 16) in {(r.kind, r.line) for r in seeds["001"].removed}


def test_subheadings_head_the_next_paragraph(seeds: dict[str, Article]) -> None:
    a3 = seeds["003"]
    headed = [p for p in a3.paragraphs if p.heading]
    assert [p.heading for p in headed] == [
        "Pasukan Korea Utara Kembali Dikerahkan ke Medan Tempur",
        "Kedekatan Rusia-Korea Utara dan Dampaknya pada Konflik Ukraina",
    ]
    assert headed[0].text.startswith("Meski sempat dikabarkan mundur")
    assert {r.text for r in a3.removed if r.kind == "subheading"} == {p.heading for p in headed}
    assert "Washington Prihatin" not in _texts(seeds["002"])


def test_sentences_carry_figures(seeds: dict[str, Article]) -> None:
    first = seeds["004"].sentences[0]
    assert any(f.value == 10000 for f in first.figures)


def test_original_characters_are_kept(seeds: dict[str, Article]) -> None:
    texts = _texts(seeds["001"])
    assert (
        "“Kerja sama militer ilegal ini merupakan ancaman signifikan bagi komunitas internasional dan dapat "
        "membahayakan keamanan nasional kami,” kata Yoon."
    ) in texts


# --- invented articles ---------------------------------------------------------------------------


def test_link_title_rule_on_invented_lines() -> None:
    text = (
        "Judul Berita Uji\n"
        "Paragraf pertama berisi kalimat biasa.\n"
        "BACA JUGA: Harga Beras di Pasar Naik untuk Ketiga Kalinya Menteri itu menolak berkomentar soal harga.\n"
        "Simak juga: Cara Membuat Kue dari Tepung dan Gula\n"
        "Lihat juga: Presiden Tiba di Bandung Warga menyambut dengan meriah di alun-alun kota.\n"
        "Baca juga: korut kirim pasukan ke rusia\n"
        'Baca juga: Ini Kata Pakar Soal Harga "Kami tidak tahu," kata pejabat itu.\n'
        "Baca juga: Korea Utara kirim pasukan ke Rusia\n"
        "Paragraf terakhir berisi kalimat biasa.\n"
    )
    article = parse_article(text, "010_abc")
    assert _texts(article) == [
        "Paragraf pertama berisi kalimat biasa.",
        "Menteri itu menolak berkomentar soal harga.",
        "Warga menyambut dengan meriah di alun-alun kota.",
        '"Kami tidak tahu," kata pejabat itu.',
        "Paragraf terakhir berisi kalimat biasa.",
    ]
    links = [r.text for r in article.removed if r.kind == "cross-link"]
    assert links == [
        "BACA JUGA: Harga Beras di Pasar Naik untuk Ketiga Kalinya",
        "Simak juga: Cara Membuat Kue dari Tepung dan Gula",
        "Lihat juga: Presiden Tiba di Bandung",
        "Baca juga: korut kirim pasukan ke rusia",
        "Baca juga: Ini Kata Pakar Soal Harga",
        "Baca juga: Korea Utara kirim pasukan ke Rusia",
    ]


def test_cross_link_inside_a_paragraph_and_in_brackets() -> None:
    text = (
        "Judul\n"
        "Harga naik tajam. Baca juga: Inflasi Melonjak di Jakarta Pemerintah berjanji menurunkannya segera.\n"
        "Pasar ramai. [Baca juga: Daftar Harga Sembako Hari Ini] Pedagang senang.\n"
    )
    article = parse_article(text, "011_abc")
    assert _texts(article) == [
        "Harga naik tajam.",
        "Pemerintah berjanji menurunkannya segera.",
        "Pasar ramai.",
        "Pedagang senang.",
    ]


@pytest.mark.parametrize(
    ("opening", "outlet", "place"),
    [
        ("Jakarta, CNN Indonesia -- Presiden meresmikan jalan tol.", "CNN Indonesia", "Jakarta"),
        ("JAKARTA, KOMPAS.com - Presiden meresmikan jalan tol.", "KOMPAS", "JAKARTA"),
        ("Liputan6.com, Jakarta - Presiden meresmikan jalan tol.", "Liputan6", "Jakarta"),
        ("BANDUNG.DETIK.COM - SURABAYA. Presiden meresmikan jalan tol.", "DETIK", "SURABAYA"),
        ("Jakarta (ANTARA) - Presiden meresmikan jalan tol.", "ANTARA", "Jakarta"),
        ("TRIBUNNEWS.COM – Presiden meresmikan jalan tol.", "TRIBUNNEWS", None),
    ],
)
def test_dateline_patterns(opening: str, outlet: str, place: str | None) -> None:
    article = parse_article(f"{opening}\nIa berharap lalu lintas lancar.\n", "012_abc")
    assert (article.outlet, article.dateline) == (outlet, place)
    assert article.title_derived and article.title == "Presiden meresmikan jalan tol"
    assert _texts(article)[0] == "Presiden meresmikan jalan tol."
    assert article.removed[0].kind == "dateline" and article.removed[0].line == 1


def test_long_derived_title_is_trimmed_at_a_word() -> None:
    first = (
        "Pemerintah provinsi bersama seluruh pemerintah kabupaten dan kota menyepakati anggaran "
        "pembangunan jalan dan jembatan baru tahun depan."
    )
    article = parse_article(f"Jakarta, CNN Indonesia -- {first}\n", "013_abc")
    assert article.title.endswith("…") and len(article.title) <= 81
    assert first.startswith(article.title[:-1])


def test_byline_code_and_separator_are_removed() -> None:
    text = "Judul\nKalimat pertama.\n* * *\nKalimat kedua ditutup kode editor. (adt)\n"
    article = parse_article(text, "014_abc")
    assert _texts(article) == ["Kalimat pertama.", "Kalimat kedua ditutup kode editor."]
    assert {r.kind for r in article.removed} >= {"byline", "boilerplate"}


def test_whitespace_is_normalised_and_control_characters_dropped() -> None:
    text = "Judul\r\n\r\nKalimat\u00a0 pertama\tpanjang.\x07 Kalimat\u200b kedua.\r\n"
    article = parse_article(text, "015_abc")
    assert _texts(article) == ["Kalimat pertama panjang.", "Kalimat kedua."]
    assert article.warnings


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Judul Berita\n"
        "Pada 29 Oktober 2024 Sekretaris Jenderal\n"
        "aliansi NATO membenarkan hal itu. Rutte menyatakan\n"
        "pengerahan pasukan berbahaya.\n"
        "\n"
        "Paragraf kedua di sini.\n"
    )
    article = parse_article(text, "016_abc")
    assert _texts(article) == [
        "Pada 29 Oktober 2024 Sekretaris Jenderal aliansi NATO membenarkan hal itu.",
        "Rutte menyatakan pengerahan pasukan berbahaya.",
        "Paragraf kedua di sini.",
    ]
    assert [p.index for p in article.paragraphs] == [1, 2]
    assert not any(r.kind == "subheading" for r in article.removed)


def test_list_markers_stay_with_their_item() -> None:
    text = "Judul\nAda dua hal penting. 1. Pertama, harga naik. 2. Kedua, stok turun.\n1. Banyak nutrisi\nKulit jeruk kaya vitamin.\n"
    article = parse_article(text, "017_abc")
    assert _texts(article) == [
        "Ada dua hal penting.",
        "1. Pertama, harga naik.",
        "2. Kedua, stok turun.",
        "Kulit jeruk kaya vitamin.",
    ]
    assert article.paragraphs[1].heading == "1. Banyak nutrisi"


def test_blank_line_paragraphs_with_a_dateline_and_an_editor_code() -> None:
    text = (
        "Jakarta, CNN Indonesia -- Sudah hampir sebulan Instagram merilis layanan 'jiplakan' Snapchat. "
        "Munculnya fitur ini ternyata tak mempengaruhi jumlah pengguna.\n\n"
        '"Kami belum melihat adanya peningkatan," ujar Danielle Levitas kepada BuzzFeed News.\n\n'
        "(adt)\n"
    )
    article = parse_article(text, "018_abc")
    assert (article.outlet, article.dateline) == ("CNN Indonesia", "Jakarta")
    assert _texts(article) == [
        "Sudah hampir sebulan Instagram merilis layanan 'jiplakan' Snapchat.",
        "Munculnya fitur ini ternyata tak mempengaruhi jumlah pengguna.",
        '"Kami belum melihat adanya peningkatan," ujar Danielle Levitas kepada BuzzFeed News.',
    ]
    assert [(r.kind, r.text, r.line) for r in article.removed] == [
        ("dateline", "Jakarta, CNN Indonesia --", 1),
        ("byline", "(adt)", 5),
    ]


def test_a_headline_alone_is_its_own_body() -> None:
    article = parse_article("Korea Utara kirim 10.000 pasukan ke Rusia\n", "input")
    assert article.title == "Korea Utara kirim 10.000 pasukan ke Rusia" and not article.title_derived
    assert _texts(article) == ["Korea Utara kirim 10.000 pasukan ke Rusia"]
    assert not article.removed


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("Konten ini disempurnakan menggunakan Kecerdasan Buatan (AI).", True),
        ("Artikel ini dibuat dengan bantuan AI.", True),
        ("Berita ini telah ditulis dengan bantuan kecerdasan buatan dan diperiksa editor.", True),
        ("Artikel ini membahas AI generatif yang kian populer.", False),
        ("Berita ini menyebut AI akan menggantikan banyak pekerjaan.", False),
    ],
)
def test_ai_disclaimer_only_when_it_says_how_the_text_was_made(line: str, removed: bool) -> None:
    article = parse_article(f"Judul\nKalimat pertama.\n{line}\n", "019_abc")
    assert (line not in _texts(article)) is removed
    assert any(r.kind == "disclaimer" for r in article.removed) is removed


def test_parse_article_accepts_any_label() -> None:
    article = parse_article("Satu kalimat saja.", "input")
    assert (article.id, article.key) == ("input", "input")
    assert _texts(article) == ["Satu kalimat saja."]


# --- malformed files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Berita tentang Kota Bogor dan Ciamis.".encode("latin-1") + b"\xe9t\xe9\n", "not UTF-8"),
        (b"\xff\xfeB\x00e\x00r\x00", "binary"),
        (b"Baca juga: Judul Lain\nEditor: Budi\nKonten ini disempurnakan menggunakan AI.\n", "nothing left"),
        (b"\n\n* * *\n(adt)\n", "no article text"),
    ],
    ids=["empty", "whitespace", "binary", "latin-1", "utf-16", "boilerplate", "separators"],
)
def test_malformed_files_name_the_file(tmp_path: Path, content: bytes, why: str) -> None:
    path = tmp_path / "007_deadbeef.txt"
    path.write_bytes(content)
    with pytest.raises(MalformedArticle) as info:
        read_article(path)
    assert "007_deadbeef.txt" in info.value.user_message
    assert why in info.value.user_message


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(MalformedArticle, match=r"008_x\.txt"):
        read_article(tmp_path / "008_x.txt")
    folder = tmp_path / "009_dir.txt"
    folder.mkdir()
    with pytest.raises(MalformedArticle, match="folder"):
        read_article(folder)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "020_bom.txt"
    path.write_bytes("\ufeffJudul\nKalimat pertama.\n".encode())
    article = read_article(path)
    assert article.title == "Judul" and _texts(article) == ["Kalimat pertama."]


_LINES = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            [
                "Baca juga: Judul Lain di Sini Kalimat nyata dimulai di sini.",
                "Editor: Budi",
                "KONTAN.CO.ID - JAKARTA.",
                "Konten ini disempurnakan menggunakan Kecerdasan Buatan (AI).",
                "Sub Judul Pendek",
                "1. Daftar",
                "Kalimat biasa dengan 10.000 tentara.",
                "(adt)",
                "* * *",
            ]
        ),
    ),
    max_size=12,
).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_parse_article_only_raises_malformed_article(text: str) -> None:
    try:
        article = parse_article(text, "099_prop")
    except MalformedArticle as exc:
        assert exc.user_message
        return
    assert [s.index for s in article.sentences] == list(range(1, len(article.sentences) + 1))
    assert all(s.text and s.text == s.text.strip() for s in article.sentences)
    assert article.title


def test_a_file_without_punctuation_becomes_capped_sentences_with_a_note() -> None:
    from bot.corpus.reader import article_from_bytes
    from bot.corpus.segment import MAX_SENTENCE_CHARS

    line = "pasukan rusia bergerak menuju perbatasan dan warga mengungsi dari desa itu"
    data = ("Judul Berita Tanpa Titik\n\n" + "\n".join(f"{line} {i}" for i in range(20000)) + "\n").encode()
    article = article_from_bytes(data, "009_0000000000000009.txt")
    assert article.title == "Judul Berita Tanpa Titik"
    assert len(article.sentences) > 1000 and max(len(s.text) for s in article.sentences) <= MAX_SENTENCE_CHARS
    (note,) = [w for w in article.warnings if "was cut into" in w]
    assert note.startswith("line 3: a sentence of 1,608,8") and f"of at most {MAX_SENTENCE_CHARS:,}" in note
    assert " ".join(s.text for s in article.sentences) == " ".join(f"{line} {i}" for i in range(20000))
