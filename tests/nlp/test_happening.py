"""What a sentence says happened: figures with their kind, polarity, marks on event words, kind of telling, time."""

from __future__ import annotations

from bot.nlp.happening import conflict, fact_figures, happening


def _conflict(a: str, b: str) -> str | None:
    return conflict(happening(a), happening(b))


def test_figures_carry_their_kind() -> None:
    assert fact_figures("Inflasi naik 4,2 persen.") == {(4.2, "%")}
    assert fact_figures("Messi didenda Rp 4,2 miliar.") == {(4_200_000_000.0, "money")}
    assert fact_figures("Sekitar 10.000 tentara tiba.") == {(10_000.0, "")}
    assert fact_figures("Puluhan ribu tentara tiba.") == frozenset()  # vague: how big, not what
    assert _conflict("Harga satu porsi Rp 9.000.", "Sebanyak 9.000 orang datang.") == "figures"
    assert _conflict("Yayan syuting lebih dari 10 jam sehari.", "Yayan syuting lebih dari 12 jam sehari.") == "figures"
    assert _conflict("Pentagon membenarkan pengiriman 10,000 prajurit.", "Sekitar 10.000 tentara dikirim.") is None


def test_polarity() -> None:
    assert _conflict("Diet adalah mengatur pola makan.", "Diet tidak boleh hanya mengatur pola makan.") == "polarity"
    assert _conflict("Kapal itu ditahan tanpa izin.", "Kapal itu ditahan dengan izin.") == "polarity"
    # "not only ... but also" denies nothing
    assert (
        _conflict(
            "Transportasi yang efisien tidak hanya meningkatkan daya saing tetapi juga ekonomi.",
            "Transportasi yang efisien meningkatkan daya saing dan ekonomi.",
        )
        is None
    )


def test_marks_on_a_shared_event_word() -> None:
    assert _conflict("Anda tak akan menyantap kulitnya.", "Anda tentu tak bisa menyantap kulitnya.") == "marks"
    assert _conflict("Djarot berencana menjenguk Ahok.", "Djarot sudah bisa menjenguk Ahok.") == "marks"
    # an unmarked word ("penutupan") says no more than the marked one ("akan ditutup")
    assert _conflict("Kemlu membantah kabar penutupan kedutaan.", "Kemlu menepis kabar kedutaan akan ditutup.") is None
    # done and ongoing alone only say when; a reporting cue's "dapat" says who tells
    assert _conflict("Tentara itu telah tiba di Kursk.", "Tentara itu tiba di Kursk.") is None
    assert _conflict("Saya dapat mengonfirmasi tentara itu tiba.", "NATO mengonfirmasi tentara itu tiba.") is None


def test_kind_of_telling() -> None:
    assert _conflict("Kerugian diperkirakan mencapai miliaran.", "Kerugian ditetapkan mencapai miliaran.") == "kind"
    assert _conflict("Pentagon membenarkan kabar itu.", "Kabar itu dikonfirmasi oleh Pentagon.") is None
    assert _conflict("Pentagon membenarkan kabar itu.", "Pentagon mengatakan kabar itu benar.") is None  # plain telling


def test_time_where_both_state_it() -> None:
    assert _conflict("Penyeberang pada 2017 tercatat naik.", "Penyeberang pada 2016 tercatat naik.") == "time"
    assert _conflict("Rapat digelar Senin (13/11).", "Rapat digelar pada 2 Desember.") == "time"
    # two reports of one event often differ by a day; one that gives no date says nothing
    assert _conflict("Rutte membenarkan pada 29 Oktober 2024.", "Rutte membenarkan, Senin (28/10/2024).") is None
    assert _conflict("Rutte membenarkan pada 29 Oktober 2024.", "Rutte membenarkan kabar itu.") is None


def test_symmetric() -> None:
    pairs = [
        ("Anda tak akan menyantap kulitnya.", "Anda tentu tak bisa menyantap kulitnya."),
        ("Diet adalah mengatur pola makan.", "Diet tidak boleh hanya mengatur pola makan."),
        ("Penyeberang pada 2017 tercatat naik.", "Penyeberang pada 2016 tercatat naik."),
    ]
    for a, b in pairs:
        assert _conflict(a, b) == _conflict(b, a)
