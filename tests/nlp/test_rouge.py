"""ROUGE-1/2/L F1 on hand-computed examples."""

from __future__ import annotations

import pytest

from kabar_testing.rouge import RougeScores, lcs_length, mean_scores, rouge_l, rouge_n, rouge_scores, tokenize


def test_tokenize_lowercases_and_keeps_word_characters_only() -> None:
    assert tokenize("Kabar, BAIK! 10.000 ke-3") == ["kabar", "baik", "10", "000", "ke", "3"]


def test_identical_texts_score_one() -> None:
    s = rouge_scores("Pentagon membenarkan pengiriman tentara.", "pentagon membenarkan pengiriman tentara")
    assert s == RougeScores(1.0, 1.0, 1.0)


def test_prefix_candidate() -> None:
    # candidate 3 tokens, reference 6: unigram overlap 3 -> P 1, R 1/2, F 2/3
    # bigrams: candidate 2, reference 5, overlap 2 -> P 1, R 2/5, F 4/7
    s = rouge_scores("the cat sat", "the cat sat on the mat")
    assert s.rouge1 == pytest.approx(2 / 3)
    assert s.rouge2 == pytest.approx(4 / 7)
    assert s.rougeL == pytest.approx(2 / 3)


def test_counts_are_clipped() -> None:
    # "the" three times against once: overlap 1, P 1/3, R 1/2, F 0.4
    assert rouge_n(["the", "the", "the"], ["the", "cat"], 1) == pytest.approx(0.4)


def test_rouge_l_follows_order_where_rouge_1_does_not() -> None:
    cand, ref = ["a", "b", "c", "d"], ["d", "c", "b", "a"]
    assert rouge_n(cand, ref, 1) == pytest.approx(1.0)
    assert lcs_length(cand, ref) == 1
    assert rouge_l(cand, ref) == pytest.approx(0.25)


def test_lcs_of_interleaved_sequences() -> None:
    assert lcs_length(list("ABCBDAB"), list("BDCABA")) == 4
    # LCS 4, P 4/7, R 4/6 -> F = 2*(4/7)*(4/6)/((4/7)+(4/6)) = 8/13
    assert rouge_l(list("ABCBDAB"), list("BDCABA")) == pytest.approx(8 / 13)


def test_empty_sides_score_zero() -> None:
    assert rouge_scores("", "ada isi") == RougeScores(0.0, 0.0, 0.0)
    assert rouge_scores("ada isi", "") == RougeScores(0.0, 0.0, 0.0)
    assert rouge_n(["satu"], ["satu"], 2) == 0.0  # no bigram on either side


def test_sentence_lists_are_joined_in_order() -> None:
    joined = rouge_scores("a b. c d.", "a b c d")
    listed = rouge_scores(["a b.", "c d."], ["a b c d"])
    assert listed == joined
    assert listed.rouge2 == pytest.approx(1.0)


def test_no_stemming() -> None:
    # "membenarkan" and "benar" share a stem but are different tokens for ROUGE
    assert rouge_scores("membenarkan", "benar").rouge1 == 0.0


def test_mean_scores_is_a_macro_average() -> None:
    scores = [RougeScores(1.0, 0.5, 0.0), RougeScores(0.0, 0.5, 1.0)]
    assert mean_scores(scores) == RougeScores(0.5, 0.5, 0.5)
    assert mean_scores([]) == RougeScores(0.0, 0.0, 0.0)
