"""Stems: the shortcut for words no PySastrawi rule can touch gives PySastrawi's own answer."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.language import _sastrawi_stemmer, _unaffixable, stem

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SYLLABLES = ["ba", "ri", "ku", "te", "so", "ang", "ing", "ma", "di", "ke", "lan", "nya", "kan", "er", "pe", "wo", "ya"]


def sastrawi(word: str) -> str:
    return _sastrawi_stemmer().stem(word.lower()) or word.lower()


def test_every_seed_word_stems_as_pysastrawi_stems_it():
    words = {w for path in SEEDS.glob("*.txt") for w in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8"))}
    skipped = [w for w in words if _unaffixable(w.lower())]
    assert len(skipped) > 100  # the shortcut is taken often
    assert {w: stem(w) for w in words} == {w: sastrawi(w) for w in words}


def test_affixed_words_still_go_through_pysastrawi():
    for word, expected in [
        ("menyatakan", "nyata"),
        ("dikirimkan", "kirim"),
        ("pasukannya", "pasu"),
        ("Kediri", "diri"),
        ("kaulihat", "lihat"),
    ]:
        assert not _unaffixable(word.lower())
        assert stem(word) == sastrawi(word) == expected
    assert not _unaffixable("gelombang") and stem("gelombang") == sastrawi("gelombang")  # an infix shape
    assert _unaffixable("surabaya") and stem("Surabaya") == "surabaya"
    assert not _unaffixable("kyïv")  # not plain ASCII letters: PySastrawi decides


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=5))
def test_made_up_words_stem_the_same_either_way(parts):
    word = "".join(parts)
    assert stem(word) == sastrawi(word)
