"""Choosing a topic's facts: several articles heard, restatements dropped, what leans back last."""

from __future__ import annotations

from bot.nlp.topic import summarize_topic
from tests.nlp.seeds import invented

ARREST = invented(
    ("200", 1, "Polisi menangkap Andi Saputra, tersangka penipuan investasi bodong, di Bekasi pada Selasa."),
    ("200", 2, "Andi Saputra ditangkap polisi di Bekasi pada Selasa terkait penipuan investasi bodong."),
    ("200", 3, "Penangkapan Andi Saputra, tersangka penipuan investasi bodong, dilakukan polisi di Bekasi."),
    ("200", 4, "Tersangka penipuan investasi bodong Andi Saputra kini ditahan di Polres Bekasi."),
    ("201", 2, "Korban penipuan investasi bodong di Bekasi melapor kehilangan total Rp 3 miliar."),
    ("202", 5, "OJK mengimbau warga memeriksa izin perusahaan sebelum menanam uang dalam investasi apa pun."),
)


def test_several_articles_are_heard_before_one_gives_a_second_item() -> None:
    summary = summarize_topic(ARREST, n=3, method="lexrank", query_terms=("investasi",))
    assert {p.main.article for p in summary.items} == {"200", "201", "202"}


def test_restatements_of_one_arrest_are_dropped() -> None:
    summary = summarize_topic(ARREST, n=5, method="lexrank", query_terms=("investasi",))
    from_200 = [p for p in summary.items if p.main.article == "200"]
    assert len(from_200) <= 2  # the arrest once (the detention may follow), never four times
    assert {p.main.article for p in summary.items} >= {"200", "201", "202"}


def test_a_sentence_that_reads_on_its_own_is_shown_for_its_fact() -> None:
    # 001 tells the fact with "Laporan ini juga ..."; 000 tells it on its own: 000's sentence is shown
    cands = invented(
        (
            "001",
            5,
            (
                "Laporan ini juga dikonfirmasi oleh Sekjen NATO, Mark Rutte, yang menyebutkan bahwa unit-unit "
                "militer Korea Utara telah tiba di wilayah Kursk."
            ),
        ),
        ("000", 1, "Sekretaris Jenderal NATO Mark Rutte membenarkan keberadaan prajurit Korea Utara di wilayah Kursk."),
        ("003", 1, "Badan Intelijen Korea Selatan mengungkap Korea Utara mengirim pasukan ke garis depan di Kursk."),
    )
    summary = summarize_topic(cands, n=3, method="lexrank", query_terms=("kursk",))
    assert not any(p.text.startswith("Laporan ini") for p in summary.items)
    rutte = next(p for p in summary.items if "Rutte" in p.text)
    assert rutte.main.article == "000" and [c.article for c in rutte.also] == ["001"]
