"""Learning boilerplate: near-identical prints, different stories, syndicated copies, outlets."""

from __future__ import annotations

from bot.corpus.boilerplate import (
    Learned,
    Occurrence,
    learn,
    sentence_prints,
    title_print,
    with_learned,
    without_boilerplate,
)
from tests.store.helpers import make_article

FOOTER = "NusaKini.com adalah portal berita teknologi dan startup terpercaya di Indonesia."


def test_exact_prints_ignore_case_punctuation_diacritics_and_numbers() -> None:
    a = sentence_prints("Aplikasi kami sudah diunduh 1.200 kali — unduh sekarang!")
    b = sentence_prints("aplikasi KAMI sudah diunduh 35 kali, unduh sekarang.")
    assert a.exact == b.exact != ""
    assert sentence_prints("Café Erdoğan dibuka.").exact == sentence_prints("Cafe Erdogan dibuka").exact
    assert sentence_prints("Baca juga.").exact == ""  # too short to judge


def test_skeleton_prints_match_a_footer_that_names_the_articles_subject() -> None:
    a = sentence_prints(
        "Simak terus berita terbaru seputar Ahok dan politik hanya di portal kami setiap hari tanpa henti."
    )
    b = sentence_prints(
        "Simak terus berita terbaru seputar Piala Dunia dan politik hanya di portal kami setiap hari tanpa henti."
    )
    assert a.exact != b.exact and a.skeleton == b.skeleton != ""
    # a sentence of names and figures has no skeleton
    assert sentence_prints("Presiden Joko Widodo bertemu Perdana Menteri Anwar Ibrahim di Jakarta.").skeleton == ""


def _occ(article: str, sentence: int, text: str, outlet: str | None = "NUSAKINI") -> Occurrence:
    return Occurrence("exact", sentence_prints(text).exact, article, sentence, outlet)


def test_a_sentence_closing_three_different_stories_is_boilerplate() -> None:
    occurrences = [_occ(a, 9, FOOTER) for a in ("001", "002", "003")]
    keys = {a: [f"title:{title_print('Judul ' + a)}"] for a in ("001", "002", "003")}
    found = learn(occurrences, keys)
    assert set(found) == {("001", 9), ("002", 9), ("003", 9)}
    assert found[("001", 9)] == Learned(3, "NUSAKINI")
    assert found[("001", 9)].reason() == "recurs in 3 different articles of NUSAKINI"
    assert learn(occurrences[:2], keys) == {}  # two are not enough


def test_copies_of_one_story_count_once() -> None:
    lead = "Startup logistik asal Bandung meraih pendanaan seri A senilai Rp 50 miliar."
    occurrences = [
        _occ(a, 2, "Dana itu dipakai untuk memperluas jaringan gudang ke lima kota.", None)
        for a in ("001", "002", "003")
    ]
    same_lead = {a: [f"exact:{sentence_prints(lead).exact}", f"title:{a}"] for a in ("001", "002", "003")}
    assert learn(occurrences, same_lead) == {}
    same_title = {a: ["title:startup lokal raih pendanaan"] for a in ("001", "002", "003")}
    assert learn(occurrences, same_title) == {}
    # ... but a recurring first sentence does not make the articles one story
    header = [_occ(a, 1, "Dapatkan berita pilihan setiap pagi langsung di kotak surat Anda.") for a in "123"]
    keys = {a: [f"exact:{header[0].print}", f"title:{a}"] for a in "123"}
    assert len(learn(header, keys)) == 3


def test_the_reason_names_no_outlet_when_several_carry_it() -> None:
    occurrences = [_occ("001", 9, FOOTER, "A"), _occ("002", 9, FOOTER, "B"), _occ("003", 9, FOOTER, None)]
    found = learn(occurrences, {})
    assert found[("003", 9)] == Learned(3, None)
    assert found[("003", 9)].reason() == "recurs in 3 different articles"


def test_learned_boilerplate_is_listed_and_dropped_keeping_numbers() -> None:
    article = make_article("001", ["Startup itu meraih dana baru. Dana dipakai untuk ekspansi.", FOOTER])
    marked = with_learned(article, {3: Learned(4, "NUSAKINI")})
    assert marked.removed[-1].sentence == 3 and marked.removed[-1].kind == "boilerplate"
    assert marked.removed[-1].text == FOOTER and "4 different articles" in (marked.removed[-1].reason or "")
    kept = without_boilerplate(marked)
    assert [s.index for s in kept.sentences] == [1, 2]
    assert without_boilerplate(article) is article and with_learned(article, {}) is article
