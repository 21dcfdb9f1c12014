"""Sentences that open by pointing back: connectives, pronouns, words pointing at what came before."""

from __future__ import annotations

import pytest

from bot.nlp.backrefs import back_reference


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("Selain itu Pentagon membenarkan pengiriman 10.000 prajurit.", "connective", "Selain itu"),
        ("Namun, pihak Ukraina mengklaim mundurnya pasukan karena korban.", "connective", "Namun"),
        ("Ia menyatakan bahwa KPK telah menahan tersangka.", "pronoun", "Ia"),
        ("Namun, ia menolak berkomentar soal kasus itu.", "pronoun", "ia"),
        ("Menurutnya, publik tidak bisa mengintervensi proses hukum.", "pronoun", "Menurutnya"),
        ('"Ini bukan lagi sekadar tentang mentransfer senjata.', "referent", "Ini"),
        ("Laporan ini juga dikonfirmasi oleh Sekjen NATO, Mark Rutte.", "referent", "Laporan ini"),
        ("Namun hal itu langsung dibantah oleh Kremlin.", "referent", "hal itu"),
        ("Dalam kesempatan tersebut, ia mendorong pasukannya berlatih.", "referent", "Dalam kesempatan tersebut"),
        ("Di sana, pasukan Rusia kesulitan menahan serangan balik.", "referent", "Di sana"),
        ("Namun keberadaan dan peran mereka di Rusia belum diketahui.", "referent", "keberadaan dan peran mereka"),
        ("Salah satunya, menetapkan dukungan terhadap calon gubernur.", "referent", "Salah satunya"),
    ],
)
def test_openings_that_point_back(text: str, kind: str, words: str) -> None:
    found = back_reference(text)
    assert found is not None and found.kind == kind and text[found.start : found.end] == words


@pytest.mark.parametrize(
    "text",
    [
        "Hari ini, Presiden Joko Widodo meresmikan jalan tol di Semarang.",
        "Saat ini, polisi telah berhasil membubarkan massa di Palmerah.",
        "Sebelumnya, pemerintah Seoul melaporkan penarikan pasukan Korea Utara dari Kursk.",
        "Ditanya soal pilkada, Sarip menyebutkan pendaftaran belum dibuka.",
        "Hanya tiga orang yang datang ke rapat pleno kemarin sore.",
        "Badan Intelijen Korea Selatan mengungkap pengiriman pasukan ke Rusia.",
    ],
)
def test_openings_that_read_on_their_own(text: str) -> None:
    assert back_reference(text) is None


def test_a_connective_before_a_pronoun_is_reported_with_the_pronoun() -> None:
    text = "Selain itu, mereka juga memasok amunisi dalam jumlah besar."
    found = back_reference(text)
    assert found is not None and found.kind == "pronoun"
    assert text[: found.connective_end] == "Selain itu, " and text[found.start : found.end] == "mereka"
