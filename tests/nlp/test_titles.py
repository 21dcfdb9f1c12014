"""Where a title ends and a name begins: word kinds, the name in a run of capitals, bodies and jobs."""

from __future__ import annotations

import pytest

from bot.nlp.entities import parse_source
from bot.nlp.entities.titles import is_title, names_a_body, person_name, word_kind


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Kolonel", "rank"),
        ("SpOG", "rank"),
        ("Kepala", "title"),
        ("Divisi", "title"),
        ("Head", "title"),
        ("Association", "body"),
        ("Dinas", "body"),
        ("Jakarta", "place"),
        ("KPK", "acronym"),
        ("Penyelenggara", "common"),
        ("Pegadaian", "common"),
        ("Pemasaran", "common"),
        ("Komunikasi", "title"),
        ("Pengembangan", "common"),
        ("dan", "link"),
        ("of", "link"),
        ("Rahardjo", "name"),
        ("Budi", "name"),
        ("LinkAja", "name"),
        ("menyebut", "lower"),
    ],
)
def test_word_kinds(word: str, kind: str) -> None:
    assert word_kind(word) == kind


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Penyelenggara Kongres Anisa Dwi Lestari", "Anisa Dwi Lestari"),  # a derived word of the title
        ("Operasi Divisi Produk Emas Pegadaian Heri Santosa", "Heri Santosa"),
        ("Pendam Jaya Kolonel Arif Hidayat", "Arif Hidayat"),  # the name after the rank
        ("Musra Melchior Adi Gunawan Putra", "Melchior Adi Gunawan Putra"),  # four name words, then a fifth
        ("Munas Melchior Adi Gunawan", "Melchior Adi Gunawan"),  # a run of four that opens with no name prefix
        ("Ni Luh Putu Ariani", "Ni Luh Putu Ariani"),  # a name prefix opens four words
        ("Budi Gunadi Sadikin", "Budi Gunadi Sadikin"),  # dictionary words make names too
        ("De La Hoya", "De La Hoya"),
        ("Ivan Sini SpOG", "Ivan Sini"),
        ("Sony Pictures VP", None),  # a job
        ("Pew Research Center", None),  # a body
        ("Journal of Food Science", None),
    ],
)
def test_the_name_in_a_run_of_capitals(words: str, name: str | None) -> None:
    assert person_name(words.split()) == name


def test_jobs_and_bodies() -> None:
    assert is_title("Head of Hospitality dari Full Color Entertainment".split())
    assert is_title("Chief Product Specialist Mitsubishi Motors".split())
    assert not is_title("Jamie Terran".split())
    assert names_a_body("American Pregnancy Association".split()) and names_a_body("Mayo Clinic".split())
    assert not names_a_body("Eddy Santoso".split())


@pytest.mark.parametrize(
    ("phrase", "who"),
    [
        ("Ketua Penyelenggara Kongres Anisa Dwi Lestari", "Anisa Dwi Lestari"),
        ("Kepala Departemen Operasi Divisi Produk Emas Pegadaian Heri Santosa", "Heri Santosa"),
        ("Kasubdit Komunikasi Dan Publikasi Bea Cukai Deni Saputra", "Deni Saputra"),
        ("Kapendam Jaya Kolonel Arif Hidayat", "Arif Hidayat"),
        ("Chief Product Specialist Mitsubishi Motors, Taro Yamada", "Taro Yamada"),
        ("Career Coach asal New York, Jamie Terran", "Jamie Terran"),
        ("Apriyanto Wijaya, Sales Manager Domestic PT Hankook Tires Indonesia", "Apriyanto Wijaya"),
        ("Tata, Head of Hospitality dari Full Color Entertainment", "Tata"),
        ("Jake Zim, Sony Pictures VP", "Jake Zim"),
        ("Corporate Planning and Communication Division Head ADM, Elvina Afny", "Elvina Afny"),
    ],
)
def test_source_phrases_keep_titles_out_of_the_name(phrase: str, who: str) -> None:
    source = parse_source(phrase)
    assert source is not None and source.who == who


def test_a_body_named_as_written_is_an_organisation() -> None:
    source = parse_source("Pew Research Center")
    assert source is not None and (source.kind, source.who, source.organization) == (
        "organization",
        None,
        "Pew Research Center",
    )


@pytest.mark.parametrize(
    ("phrase", "who", "role", "organization"),
    [
        ("Rhenald Kasali selaku pendiri Rumah Perubahan", "Rhenald Kasali", "founder", "Rumah Perubahan"),
        ("Ria Miranda sebagai penyelenggara acara", "Ria Miranda", None, None),
        ("seorang psikolog klinis asal Inggris Noel Cartwright", "Noel Cartwright", "psychologist", None),
        ("Direktur Pemasaran PT Sinar Jaya, Amelia Tan", "Amelia Tan", "Direktur Pemasaran", "PT Sinar Jaya"),
        (
            "Direktur Utama Garuda Tauberes Indonesia, Albert Surya",
            "Albert Surya",
            "President Director",
            "Garuda Tauberes Indonesia",
        ),
        ("Kasat Lantas Polres Sleman, AKP Mega Putra", "Mega Putra", "traffic unit head", "Polres Sleman"),
    ],
)
def test_appositions_and_fields_of_a_role(phrase: str, who: str, role: str | None, organization: str | None) -> None:
    source = parse_source(phrase)
    assert source is not None and source.who == who
    if role is not None:
        assert source.role == role
    assert source.organization == organization


def test_an_unnamed_source_stays_unnamed_when_it_says_so() -> None:
    source = parse_source("seorang pejabat yang enggan disebut namanya")
    assert source is not None and source.kind == "anonymous" and source.who is None


@pytest.mark.parametrize(
    ("phrase", "who", "organization"),
    [
        ("MCM Live", None, "MCM Live"),  # an acronym and a word: a body
        ("XL Axiata", None, "XL Axiata"),
        ("Program Director MCM Live, Oktoberi Surbakti", "Oktoberi Surbakti", "MCM Live"),
        ("Camat Kecamatan Fatuleu Lambertus Paut", "Lambertus Paut", "Kecamatan Fatuleu"),
        ("Kepala Bidang Humas Polda Metro Jaya Raden Prabowo Yuwono", "Prabowo Yuwono", None),
        ("Presenter Jimmy Kimmel", "Jimmy Kimmel", None),
        ("Sekretaris Kabinet Pramono Anung", "Pramono Anung", None),
    ],
)
def test_bodies_places_and_honorifics_around_names(phrase: str, who: str | None, organization: str | None) -> None:
    source = parse_source(phrase)
    assert source is not None and source.who == who
    if organization is not None:
        assert source.organization == organization


def test_one_of_them_is_nobody() -> None:
    assert parse_source("Salah satunya") is None


def test_a_dictionary_word_after_a_body_is_not_its_place() -> None:
    from bot.nlp.entities.gloss import translate_org

    assert translate_org("Perhubungan Udara") == "Perhubungan Udara"  # not "Udara Transportation"
    assert translate_org("Dinas Perhubungan Laut") == "Dinas Perhubungan Laut"
    assert translate_org("Kepolisian Resor Bogor") == "Bogor District Police"
    assert translate_org("Dinas Kesehatan Sleman") == "Sleman Health Agency"
