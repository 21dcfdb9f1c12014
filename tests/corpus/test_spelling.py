"""Spelling: folded terms, lookup keys, sound keys and which near-spellings are plausible typos."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.corpus.spelling import (
    MIN_LENGTH,
    fold,
    index_terms,
    lookup_keys,
    sound_key,
    typo_cost,
    words,
    written_form,
)


def test_fold_and_words_cut_as_the_fts_tokenizer_does():
    assert fold("Kyïv") == "kyiv" and fold("JOKOWI") == "jokowi"
    assert words("Su-34 tiba di Kyïv, kata_nya") == ["Su", "34", "tiba", "di", "Kyïv", "kata", "nya"]


def test_index_terms_keep_words_of_four_letters_or_more_without_digits():
    terms = index_terms(["Presiden Jokowi tiba di Kyïv pukul 10.00 bersama 3 menteri.", "Su-34 jatuh"])
    assert terms == {"presiden", "jokowi", "tiba", "kyiv", "pukul", "bersama", "menteri", "jatuh"}
    assert all(len(t) >= MIN_LENGTH for t in terms)


def test_sound_keys_join_old_and_new_spellings():
    assert sound_key("soekarno") == sound_key("sukarno")
    assert sound_key("djoko") == sound_key("joko")
    assert sound_key("tjahaja") == sound_key("cahaja")
    assert sound_key("subiyanto") == sound_key("subianto")
    assert sound_key("muhammad") == sound_key("muhamad")
    assert sound_key("rusia") != sound_key("russia".replace("ss", "sh"))


def test_keys_meet_for_one_edit_and_for_sound_alike_words():
    def meet(a: str, b: str) -> bool:
        return bool(lookup_keys(a) & lookup_keys(b))

    assert meet("jokowu", "jokowi")  # a replaced letter
    assert meet("kurks", "kursk")  # two letters swapped
    assert meet("subiyanto", "subianto")  # a letter added
    assert meet("soekarno", "sukarno")  # two edits, one sound
    assert not meet("inflasi", "informasi")
    assert not meet("sandiaga", "sandiwara")
    assert not any(key.isalpha() and key == "0" + sound_key("kursk") for key in lookup_keys("kursk"))


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=MIN_LENGTH, max_size=12))
def test_every_one_letter_edit_shares_a_key(term):
    edits = {term[:i] + term[i + 1 :] for i in range(len(term))}
    edits |= {term[:i] + "x" + term[i:] for i in range(len(term) + 1)}
    edits |= {term[:i] + "q" + term[i + 1 :] for i in range(len(term))}
    for edit in edits:
        assert lookup_keys(edit) & lookup_keys(term)


def test_plausible_typos_are_cheap_and_unrelated_words_are_not_typos():
    assert typo_cost("jokowu", "jokowi") == 1.0  # u and i touch on the keyboard
    assert typo_cost("kurks", "kursk") == 1.0
    assert typo_cost("pentagen", "pentagon") == 1.0  # a vowel for a vowel
    assert typo_cost("subiyanto", "subianto") == 0.5  # sounds the same
    assert typo_cost("soekarno", "sukarno") == 0.5
    assert typo_cost("kurssk", "kursk") == 0.5  # a doubled letter sounds the same
    assert typo_cost("kusk", "kursk") == 1.0  # a dropped letter
    assert typo_cost("kurzsk", "kursk") == 1.0  # an added one
    assert typo_cost("saham", "salam") is None  # h and l are far apart: another word, not a typo
    assert typo_cost("inflasi", "informasi") is None
    assert typo_cost("jokowi", "jokowi") is None
    assert typo_cost("kursk", "bursk") is None  # the first letter stays
    assert typo_cost("abc", "abd") is None  # too short to guess


def test_written_form_tells_names_from_words():
    texts = ["Presiden Jokowi tiba.", "Menurut Jokowi, proyek itu selesai.", "Jokowi mengatakan hal itu."]
    assert written_form("jokowi", texts) == ("Jokowi", True)
    assert written_form("proyek", texts) == ("proyek", False)
    assert written_form("presiden", ["Presiden tiba.", "Kata presiden itu."]) == ("presiden", False)
    assert written_form("kyiv", ["Serangan di Kyïv."]) == ("Kyïv", True)
    assert written_form("absen", texts) == ("absen", False)
