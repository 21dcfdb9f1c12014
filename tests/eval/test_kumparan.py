"""The nlp-id corpus as sentences: detokenising, the split by text, near-repeat groups, candidates, sample order."""

from __future__ import annotations

import hashlib

from eval.attribution.kumparan import (
    CorpusSentence,
    candidates,
    detokenise,
    groups,
    read_corpus,
    representatives,
    sample_key,
    sample_order,
    sentence_id,
    split_for,
    stratum,
    variants,
)


def tokens(text: str) -> list[tuple[str, str]]:
    """Space-separated tokens, tagged NN unless written `word|TAG`."""
    return [(w, t or "NN") for w, _, t in (token.partition("|") for token in text.split())]


def corpus(*sentences: str) -> str:
    return "\n\n".join("\n".join(f"{w}\t{t}" for w, t in tokens(s)) for s in sentences) + "\n"


def test_punctuation_brackets_and_quotes_attach_as_in_print() -> None:
    assert (
        detokenise(tokens("Ditjen Bea ( Kemenkeu ) memastikan ada nya 18 kotak ."))
        == "Ditjen Bea (Kemenkeu) memastikan adanya 18 kotak."
    )
    assert (
        detokenise(tokens('" Kami rugi Rp 75 juta , " kata Budi , Senin ( 2/12 ) .'))
        == '"Kami rugi Rp 75 juta," kata Budi, Senin (2/12).'
    )
    assert detokenise(tokens("Naik 8% ; turun / naik : 3 kali ?")) == "Naik 8%; turun/naik: 3 kali?"
    assert detokenise(tokens("Knicks ' hanya ' mampu")) == "Knicks 'hanya' mampu"


def test_a_quote_that_opened_in_an_earlier_sentence_closes_here() -> None:
    assert detokenise(tokens('Jumlahnya 20 orang . "')) == 'Jumlahnya 20 orang."'
    assert detokenise(tokens('ujar dia , " Terutama')) == 'ujar dia," Terutama'


def test_split_clitics_and_apostrophes_rejoin_their_host() -> None:
    assert detokenise(tokens("soal velg - nya , rasa nya enak")) == "soal velg-nya, rasanya enak"
    assert detokenise(tokens("apa kah itu benar lah")) == "apakah itu benarlah"
    assert (
        detokenise(tokens("Ma|NNP '|SYM ruf|NNP Amin|NNP dan L|NNP '|SYM Occitane|NNP")) == "Ma'ruf Amin dan L'Occitane"
    )
    assert detokenise(tokens("Ku|PR katakan|VB saja")) == "Kukatakan saja"
    assert detokenise(tokens("Kata Nya|NNP Didi|NNP")) == "Kata Nya Didi"  # a name is never a clitic


def test_the_corpus_is_read_with_the_line_of_each_first_token() -> None:
    read = read_corpus(corpus("Ada 5 orang .", "Dua kali ."))
    assert [(s.line, s.text) for s in read] == [(1, "Ada 5 orang."), (6, "Dua kali.")]
    assert sentence_id(read[1].line) == "k000006"


def test_the_split_follows_the_parity_of_the_texts_hash() -> None:
    texts = [f"Ada {n} orang." for n in range(40)]
    parity = {t: int(hashlib.sha256(t.encode("utf-8")).hexdigest(), 16) % 2 for t in texts}
    assert all(split_for(t) == ("tune" if parity[t] == 0 else "held-out") for t in texts)
    assert {split_for(t) for t in texts} == {"tune", "held-out"}


def sentence(text: str, line: int = 1) -> CorpusSentence:
    return CorpusSentence(line, tuple(tokens(text)), text)


def test_rewordings_and_shared_runs_make_one_group() -> None:
    read = [
        sentence("Padahal, target produksi yang ditetapkan sebesar 2,8 juta.", 1),
        sentence("Padahal, target produksi yang tetapi sebesar 2,8 juta.", 2),  # one word changed
        sentence("Kemenkeu memastikan adanya 18 kotak selundupan di pesawat itu.", 3),
        sentence("Menurut Kemenkeu, adanya 18 kotak selundupan di pesawat itu sudah pasti.", 4),  # a five-word run
        sentence("Arsenal terdampar di peringkat delapan klasemen.", 5),
    ]
    assert groups(read) == [0, 0, 2, 2, 4]
    assert "padahal target produksi yang sebesar 2 8 juta" in variants(read[0].text) & variants(read[1].text)
    assert variants("Ada 5 orang.") == {"ada 5 orang"}  # too short to leave a word out


def test_the_kept_sentence_is_the_wording_the_others_depart_from() -> None:
    read = [
        sentence("Nah, jika banguni dan melakukan produksi di pabrik sendiri, menurutnya tak akan berdampak.", 1),
        sentence("Nah, jika membangun dan melakukan produksi di pabrik sendiri, menurutnya tak akan berdampak.", 2),
        sentence("Nah, jika membangun dan lakui produksi di pabrik sendiri, menurutnya tak akan berdampak.", 3),
        sentence("Nah, jika membangun dan melakukan produksi di pabrik sendiri, menurutnya tak akan dampaki.", 4),
    ]
    assert representatives(read, groups(read)) == {0: 1}


def test_candidates_hold_an_exact_figure_and_read_as_one_sentence() -> None:
    texts = {
        "Menurut Denny, mereka masih memiliki satu embrio yang dibekukan.": True,
        "Pada tahun 2019 mereka menikah di Bali.": False,  # a year is no figure
        "Ribuan orang datang ke Monas.": False,  # vague only
        "Kontrak itu senilai Rp 10 miliar. Jumat (22/11) kontrak diteken.": False,  # two sentences for kabar
    }
    read = [sentence(text, n) for n, text in enumerate(texts, 1)]
    assert [c.sentence.text for c in candidates(read)] == [t for t, keep in texts.items() if keep]


def test_a_group_with_rewordings_in_both_splits_comes_after_the_others() -> None:
    base = "Xiaomi mengklaim baterai {} bisa diisi penuh dalam 20 menit saja."
    words = ["itu", "ini", "tersebut", "baru", "besar", "kecil", "lama", "cepat", "kami", "mereka"]
    read = [sentence(base.format(w), n) for n, w in enumerate(words, 1)]
    splits = {split_for(s.text) for s in read}
    assert splits == {"tune", "held-out"}  # so the group is mixed
    lone = sentence("LinkAja mengklaim telah memiliki lebih dari 40 juta pengguna.", 99)
    found = candidates([*read, lone])
    assert len(found) == 2 and [c.one_split for c in found] == [False, True]
    order = sample_order(found)
    assert all(
        cell == sorted(cell, key=lambda c: (not c.one_split, sample_key(c.sentence.text))) for cell in order.values()
    )
    assert {k[1] for k in order} == {stratum(lone.text)} == {"cue"}
