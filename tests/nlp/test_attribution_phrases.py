"""Source phrases by shape: titles written in lower case, degrees after the name, public relations heads."""

from __future__ import annotations

import pytest

from tests.nlp.test_attribution import _attr


@pytest.mark.parametrize(
    "text",
    [
        "Dokter spesialis anak, dr Budi Santoso, SpA, mengatakan ada 25 kasus.",
        "Dokter spesialis anak, dr Budi Santoso SpA, mengatakan ada 25 kasus.",
        "Menurut dr Budi Santoso, ada 25 kasus.",
    ],
)
def test_a_lower_case_title_and_a_degree_leave_the_name(text: str) -> None:
    att = _attr(text, "25")
    assert att.who == "Budi Santoso"


@pytest.mark.parametrize("role", ["Kepala Humas", "Kasubbag Humas", "Kasi Humas", "Kabid Penmas"])
def test_a_public_relations_head_keeps_name_body_and_whole_title(role: str) -> None:
    att = _attr(f"{role} Polres Bogor, Iptu Budi Santoso, mengatakan ada 25 korban.", "25")
    assert att.who == "Budi Santoso"
    assert att.organization is not None and "Bogor" in att.organization
    assert att.role != "Head"  # the whole title, not a bare "Head" (half a gloss)


def test_a_lower_case_word_before_a_name_is_not_a_title() -> None:
    att = _attr("Kemudian dia mengatakan ada 25 korban.", "25")
    assert att.who is None


@pytest.mark.parametrize("role", ["Direktur Utama", "Manajer"])
def test_an_appositive_name_after_a_company_ends_the_company_name(role: str) -> None:
    att = _attr(f'"Ada 25 korban," ujar {role} PT Sinar Harapan Makmur, Budi Santoso, kepada kumparan.', "25")
    assert att.who == "Budi Santoso" and att.organization == "PT Sinar Harapan Makmur"


@pytest.mark.parametrize("speaker", ["Budi", "Kepala BPBD Bogor, Budi Santoso,"])
def test_a_quotation_split_by_its_attribution_is_one_quotation(speaker: str) -> None:
    att = _attr(f'"Kami sudah mengirim," kata {speaker.rstrip(",")}, "sebanyak 25 truk bantuan."', "25")
    assert att.who is not None and att.who.startswith("Budi")


def test_a_relative_clause_after_a_quotation_is_not_the_speakers_figure() -> None:
    att = _attr('"Otak sapi," kata Kobi, yang pernah menghabiskan 25 tahun di sana.', "25")
    assert att.who is None


@pytest.mark.parametrize(
    "text",
    [
        "Data BNPB per Senin (2/12) menunjukkan 25 orang meninggal dunia.",
        "BNPB hingga Senin (2/12) mencatat 25 orang meninggal dunia.",
    ],
)
def test_a_time_phrase_is_not_part_of_the_body(text: str) -> None:
    att = _attr(text, "25")
    assert att.organization is not None and att.organization.startswith("BNPB") and "Senin" not in att.organization


@pytest.mark.parametrize(
    ("text", "who", "organization"),
    [
        (
            "Chief Economist Bank Permata Josua Pardede memperkirakan inflasi 25 persen.",
            "Josua Pardede",
            "Bank Permata",
        ),
        (
            "Head of Research Samuel Sekuritas Suria Dharma memperkirakan IHSG naik 25 persen.",
            "Suria Dharma",
            "Samuel Sekuritas",
        ),
        (
            "Corporate Secretary PT Angkasa Pura II Agus Haryadi mengatakan ada 25 penerbangan tambahan.",
            "Agus Haryadi",
            "PT Angkasa Pura II",
        ),
    ],
)
def test_an_english_corporate_title_is_a_role_not_part_of_the_name(text: str, who: str, organization: str) -> None:
    att = _attr(text, "25 persen" if "persen" in text else "25")
    assert att.who == who and att.organization is not None and att.organization.startswith(organization)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Acara Indonesian Idol menyebut ada 25 peserta.", "25"),
        ("Program Kartu Prakerja menargetkan 25 juta peserta.", "25 juta"),
        ("Film Avengers mencatat pendapatan 25 juta dolar.", "25 juta"),
        ("Ponsel Galaxy S10 mengklaim baterai tahan 25 jam.", "25"),
    ],
)
def test_a_show_a_work_or_a_product_is_never_a_source(text: str, figure: str) -> None:
    att = _attr(text, figure)
    assert att.who is None and att.source is None
