"""Attribution by construction: each test is one shape of Indonesian attribution, in invented sentences.

The shapes follow a grammar of news attribution (a subject and a reporting verb, a passive
with its agent, "menurut" / "kata" / "ujar" and the speaker, appositions, the origin of a
report), so that a rule is tested as a rule, not on the judged articles it was found in.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_attribution import _attr


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("Menurut laporan Bloomberg, 300 karyawan akan dirumahkan bulan depan.", "Bloomberg"),
        ("Sebagaimana dilaporkan Sky News, klub itu membayar 80 juta pound.", "Sky News"),
        ("Berdasarkan dokumen Kementerian Perhubungan, bandara itu berjarak 15 kilometer dari pusat kota.",
         "Ministry of Transportation"),
        ("Menurut penelitian yang dilakukan oleh NASA, tanaman itu menyerap 87 persen racun.", "NASA"),
        ("Menurut keterangan resmi yang diterima kumparan dari PT Angkasa Pura II, ada 200 penerbangan tambahan.",
         "PT Angkasa Pura II"),
        ("Mengutip Mayo Clinic, ada 5 gejala awal penyakit itu.", "Mayo Clinic"),
        ("Tanaman ini tumbuh 3 meter per tahun, seperti dikutip dari laman resmi Kebun Raya Bogor.", "Kebun Raya Bogor"),
    ],
)
def test_a_named_report_site_or_outlet_is_the_origin_when_nobody_speaks(text: str, organization: str) -> None:
    att = _attr(text)
    assert att.source is not None and att.who is None
    assert att.organization is not None and organization in att.organization
    assert att.stance == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Dilansir AFP, 12 orang tewas dalam banjir itu.",
        "Seperti dikutip dari Reuters, harga minyak naik 3 persen.",
        "Menurut laporan terbaru, 50 orang masih hilang.",
        "Berdasarkan data trafik tahun lalu, lonjakan terjadi di 8 kota besar.",
        "Menurut info yang diterima kumparan, layanan dihentikan di 3 kota.",
    ],
)
def test_a_relaying_outlet_or_an_unnamed_report_names_no_source(text: str) -> None:
    assert _attr(text).source is None


def test_a_site_a_speaker_was_quoted_from_is_the_medium() -> None:
    att = _attr("Dilansir Healthline, dokter gizi Anna Smith mengatakan 3 gelas sehari sudah cukup.")
    assert att.who == "Anna Smith" and att.via == ("Healthline",)
