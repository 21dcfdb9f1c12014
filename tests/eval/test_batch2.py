"""The second tune batch's draw keeps away from what the first batch read and from held-out wording."""

from __future__ import annotations

from eval.attribution import kumparan
from eval.attribution.batch2 import draw
from eval.attribution.judged import split_for
from eval.attribution.sentences import SentenceItem, load_sentences


def _corpus(texts: list[str]) -> list[kumparan.CorpusSentence]:
    return [kumparan.CorpusSentence(10 * (i + 1), (), text) for i, text in enumerate(texts)]


def _tune(template: str) -> str:
    return next(template.format(n) for n in range(2, 400) if split_for(template.format(n)) == "tune")


def _held_out(text: str) -> SentenceItem:
    mention = load_sentences(batches=("tune",))[0].mention
    return SentenceItem("k999990", 999990, "held-out", "plain", text, "3", mention)


def test_the_draw_leaves_out_held_out_wording_read_groups_and_sentences_without_a_figure() -> None:
    fresh = _tune("Pabrik itu mempekerjakan {} buruh asal Kudus.")
    alike = _tune("Sebanyak {} pendaki tersesat di Gunung Lawu kemarin sore.")
    read = _tune("Menurut Budi, harga cabai naik {} persen di pasar induk kota.")
    rewording = read.replace("Menurut Budi,", "Kata Budi,")
    no_figure = "Pabrik itu mempekerjakan buruh asal Kudus yang ramah."
    sentences = _corpus([fresh, alike, read, rewording, no_figure])
    held_out = [_held_out("Sebanyak 3 pendaki tersesat di Gunung Lawu kemarin sore.")]
    drawn = draw(sentences, held_out, {kumparan.sentence_id(30)})
    assert drawn == [(kumparan.sentence_id(10), "plain")]


def test_cue_candidates_come_first() -> None:
    plain = _tune("Pabrik itu mempekerjakan {} buruh asal Kudus.")
    cue = _tune("Bupati Kudus mengatakan ada {} pabrik rokok yang tutup tahun ini.")
    drawn = draw(_corpus([plain, cue]), [], set())
    assert drawn == [(kumparan.sentence_id(20), "cue"), (kumparan.sentence_id(10), "plain")]
