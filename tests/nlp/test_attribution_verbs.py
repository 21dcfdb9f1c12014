"""Reporting verbs by class: every verb of a class ties its subject (or agent) to the figure with the
class's stance, in invented sentences, so that the cue table is tested as a lexicon, not by example."""

from __future__ import annotations

import pytest

from tests.nlp.test_attribution import _attr

ACTIVE = [
    ("mengamini", "confirmed"),
    ("mengiyakan", "confirmed"),
    ("bersikukuh", "claimed"),
    ("berdalih", "claimed"),
    ("berkilah", "claimed"),
    ("mensinyalir", "alleged"),
    ("menyinyalir", "alleged"),
    ("menerka", "estimated"),
    ("berasumsi", "estimated"),
    ("mengasumsikan", "estimated"),
    ("menjabarkan", "reported"),
    ("mewartakan", "reported"),
    ("mengklarifikasi", "reported"),
    ("menggarisbawahi", "reported"),
    ("berucap", "reported"),
    ("berargumen", "reported"),
    ("mengatakan", "reported"),
    ("memperkirakan", "estimated"),
    ("memprediksi", "predicted"),
]


@pytest.mark.parametrize(("verb", "stance"), ACTIVE)
def test_the_subject_of_a_reporting_verb_gives_the_figure(verb: str, stance: str) -> None:
    att = _attr(f"Kepala Dinas Kesehatan Kota Bogor, Budi Santoso, {verb} ada 25 pasien yang dirawat.")
    assert att.who == "Budi Santoso" and att.stance == stance
    bare = _attr(f"Budi Santoso {verb} bahwa ada 25 pasien yang dirawat.")
    assert bare.who == "Budi Santoso" and bare.stance == stance


@pytest.mark.parametrize(("verb", "stance"), [("meramal", "predicted"), ("memproyeksikan", "predicted")])
def test_a_forecast_verb_before_its_clause(verb: str, stance: str) -> None:
    att = _attr(f"Ekonom Budi Santoso {verb}, inflasi tahun depan 4 persen.")
    assert att.who == "Budi Santoso" and att.stance == stance


@pytest.mark.parametrize("verb", ["seloroh", "kelakar", "sergah", "celetuk", "ujarnya", "pungkas"])
def test_a_verb_after_a_quotation_names_its_speaker(verb: str) -> None:
    att = _attr(f'"Ada 25 pasien yang dirawat," {verb} Budi Santoso.')
    assert att.who == "Budi Santoso" and att.stance == "reported"


@pytest.mark.parametrize("verb", ["sanggah", "bantah", "tepisnya"])
def test_a_denial_after_a_quotation(verb: str) -> None:
    att = _attr(f'"Tidak ada 25 pasien," {verb} Budi Santoso.')
    assert att.who == "Budi Santoso" and att.stance == "denied"


@pytest.mark.parametrize(
    ("verb", "stance"),
    [
        ("dijabarkan", "reported"),
        ("diwartakan", "reported"),
        ("diamini", "confirmed"),
        ("diiyakan", "confirmed"),
        ("diasumsikan", "estimated"),
        ("diramal", "predicted"),
    ],
)
def test_a_passive_names_its_agent(verb: str, stance: str) -> None:
    att = _attr(f"Sebanyak 25 pasien dirawat, {verb} oleh Budi Santoso.")
    assert att.who == "Budi Santoso" and att.stance == stance


@pytest.mark.parametrize("verb", ["ditegaskan kembali", "disampaikan", "dijelaskan", "diungkapkan"])
def test_a_passive_with_its_agent_before_a_colon_or_bahwa_speaks_the_clause_after(verb: str) -> None:
    att = _attr(
        f"Hal itu {verb} oleh Budi Santoso dalam perbincangan di kantornya, Kamis (28/11): kontrak itu "
        "berlaku 20 tahun."
    )
    assert att.who == "Budi Santoso" and att.stance == "reported"
    after_bahwa = _attr(f"Hal ini {verb} oleh Budi Santoso, bahwa kontrak itu berlaku 20 tahun.")
    assert after_bahwa.who == "Budi Santoso"


def test_a_passive_agent_before_another_clause_does_not_speak_it() -> None:
    att = _attr("Gedung itu dibangun oleh PT Maju Jaya dan kini menampung 20 kantor.")
    assert att.who is None and att.source is None


@pytest.mark.parametrize(
    "text",
    [
        "Disitat WhoScored, City melepas 18 percobaan ke gawang.",
        "Dinukil dari WhoScored, City melepas 18 percobaan ke gawang.",
        "Menukil WhoScored, City melepas 18 percobaan ke gawang.",
    ],
)
def test_a_site_quoted_with_another_relaying_verb_is_the_origin(text: str) -> None:
    att = _attr(text, "18")
    assert att.organization is not None and "WhoScored" in att.organization and att.who is None


@pytest.mark.parametrize(
    "text",
    [
        "Film Ratu Ilmu Hitam ini berkisah tentang tiga keluarga yang diteror.",
        "Novel itu mengisahkan tiga keluarga yang diteror.",
    ],
)
def test_a_story_told_by_a_film_or_book_has_no_source(text: str) -> None:
    att = _attr(text, "tiga")
    assert att.who is None and att.source is None


@pytest.mark.parametrize(
    "text",
    [
        "Sebagaimana diungkapkan oleh Budi Santoso, ada 25 korban.",
        "Seperti diungkapkan Budi Santoso, ada 25 korban.",
    ],
)
def test_a_passive_after_an_opening_seperti_speaks_for_the_clause(text: str) -> None:
    att = _attr(text, "25")
    assert att.who == "Budi Santoso" and att.stance == "reported"


@pytest.mark.parametrize(
    "text", ["Seperti disampaikan sebelumnya, ada 25 korban.", "Seperti diketahui, ada 25 korban."]
)
def test_an_opening_seperti_with_no_agent_names_no_one(text: str) -> None:
    assert _attr(text, "25").who is None and _attr(text, "25").source is None


def test_a_hedge_does_not_reach_past_a_clause_of_reason() -> None:
    att = _attr(
        "Kemungkinan terbuka lebar, mengingat total penjualan motor rata-rata enam juta unit per tahun.", "enam juta"
    )
    assert att.stance == "reported"
    assert _attr("Kemungkinan ada 25 korban.", "25").stance == "unverified"
