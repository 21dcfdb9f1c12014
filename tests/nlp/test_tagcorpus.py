"""Reading the POS corpus format, aligning it to kabar's tokens, the held-out split, scoring."""

from __future__ import annotations

import pytest

from bot.nlp.tagcorpus import align, read_sentences, score, split


def test_read_sentences_keeps_the_first_tag_and_skips_comments() -> None:
    text = "# a comment\nIa\tPR\nnya\tPR\tNN\n#\tSYM\n\n\nLalu\tsc\n"
    assert read_sentences(text) == [[("Ia", "PR"), ("nya", "PR"), ("#", "SYM")], [("Lalu", "SC")]]


def test_read_sentences_refuses_a_line_without_a_tag() -> None:
    with pytest.raises(ValueError, match="word<TAB>TAG"):
        read_sentences("Ia\tPR\nmakan\n")


def test_align_joins_clitics_to_their_host() -> None:
    sentence = [
        ("kata", "VB"),
        ("nya", "PR"),
        ("apa", "PR"),
        ("kah", "RP"),
        ("Malu", "NNP"),
        ("ku", "PR"),
        ("yang", "PR"),
        ("ku", "PR"),
        ("inginkan", "VB"),
        ("MU", "NNP"),
    ]
    assert align(sentence) == [
        ("katanya", "VB"),
        ("apakah", "PR"),
        ("Maluku", "NNP"),
        ("yang", "PR"),
        ("kuinginkan", "VB"),
        ("MU", "NNP"),
    ]


def test_align_keeps_a_clitic_after_punctuation() -> None:
    assert align([(",", "SYM"), ("lah", "RP")]) == [(",", "SYM"), ("lah", "RP")]


def test_align_cuts_tokens_as_kabar_does() -> None:
    sentence = [("naik", "VB"), ("8%", "NUM"), ("pada", "IN"), ("2020-2024", "NUM"), ("#Viral", "NNP")]
    assert align(sentence) == [
        ("naik", "VB"),
        ("8", "NUM"),
        ("%", "SYM"),
        ("pada", "IN"),
        ("2020", "NUM"),
        ("-", "SYM"),
        ("2024", "NUM"),
        ("#", "SYM"),
        ("Viral", "NNP"),
    ]


def _sentence(words: str) -> list[tuple[str, str]]:
    return [(w, "NN") for w in words.split()]


def test_split_drops_repeats_and_keeps_near_repeats_together() -> None:
    sentences = [_sentence(f"kalimat nomor {i} yang berdiri sendiri") for i in range(40)]
    # a rewording of sentence 9 (shares a run of five words with it) and an exact repeat
    sentences.append(_sentence("kalimat nomor 9 yang berdiri sendiri juga"))
    sentences.append(_sentence("kalimat nomor 3 yang berdiri sendiri"))
    parts = split(sentences)
    assert parts.duplicates == 1
    held = [" ".join(w for w, _ in s) for s in parts.held_out]
    assert held == [
        "kalimat nomor 9 yang berdiri sendiri",
        "kalimat nomor 19 yang berdiri sendiri",
        "kalimat nomor 29 yang berdiri sendiri",
        "kalimat nomor 39 yang berdiri sendiri",
        "kalimat nomor 9 yang berdiri sendiri juga",
    ]
    assert len(parts.train) == 36


def test_score_counts_accuracy_precision_and_recall() -> None:
    result = score([["NNP", "VB", "NNP"], ["NN"]], [["NNP", "NNP", "NN"], ["NN"]])
    assert result.tokens == 4 and result.accuracy == 0.5
    assert result.precision("NNP") == 0.5 and result.recall("NNP") == 0.5
    assert result.recall("VB") == 0.0 and result.f1("VB") == 0.0
    assert result.precision("JJ") == 0.0


def test_score_refuses_sequences_of_different_lengths() -> None:
    with pytest.raises(ValueError):
        score([["NN", "VB"]], [["NN"]])
