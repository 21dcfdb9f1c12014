"""Source phrases by shape: titles written in lower case, degrees after the name, public relations heads."""

from __future__ import annotations

import pytest

from tests.nlp.test_attribution import _attr


@pytest.mark.parametrize("text", [
    "Dokter spesialis anak, dr Budi Santoso, SpA, mengatakan ada 25 kasus.",
    "Dokter spesialis anak, dr Budi Santoso SpA, mengatakan ada 25 kasus.",
    "Menurut dr Budi Santoso, ada 25 kasus.",
])
def test_a_lower_case_title_and_a_degree_leave_the_name(text: str) -> None:
    att = _attr(text, "25")
    assert att.who == "Budi Santoso"


@pytest.mark.parametrize("role", ["Kepala Humas", "Kasubbag Humas", "Kasi Humas", "Kabid Penmas"])
def test_a_public_relations_head_speaks_for_the_body(role: str) -> None:
    att = _attr(f"{role} Polres Bogor, Iptu Budi Santoso, mengatakan ada 25 korban.", "25")
    assert att.organization is not None and "Bogor" in att.organization
    assert att.role != "Head"  # the role is the public relations head, not a bare "Head"


def test_a_lower_case_word_before_a_name_is_not_a_title() -> None:
    att = _attr("Kemudian dia mengatakan ada 25 korban.", "25")
    assert att.who is None


@pytest.mark.parametrize("role", ["Direktur Utama", "Manajer"])
def test_an_appositive_name_after_a_company_ends_the_company_name(role: str) -> None:
    att = _attr(f"\"Ada 25 korban,\" ujar {role} PT Sinar Harapan Makmur, Budi Santoso, kepada kumparan.", "25")
    assert att.who == "Budi Santoso" and att.organization == "PT Sinar Harapan Makmur"
