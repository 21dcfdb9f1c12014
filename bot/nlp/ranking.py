"""Sentence ranking with sumy's algorithms, fed with our own Indonesian tokenizer, stemmer and stop words.

sumy is imported lazily, inside `sumy_ranking`, and never reaches for NLTK data: the
document objects are built from the corpus word splitter, PySastrawi's stemmer and an
Indonesian stop-word list (`bot.nlp.language`).

Public API:
    METHODS = ("lexrank", "lsa", "textrank", "luhn", "kl", "sumbasic", "lead", "news")
    SUMY_METHODS = the first six (the ones sumy rates)
    sumy_ranking(sentences, method) -> list[(index, rating)]   every sentence, best first
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from bot.corpus.segment import IndonesianTokenizer
from bot.nlp.language import stem, stop_words
from bot.nlp.textvec import words

METHODS: tuple[str, ...] = ("lexrank", "lsa", "textrank", "luhn", "kl", "sumbasic", "lead", "news")
SUMY_METHODS: tuple[str, ...] = METHODS[:6]


class _WordsOnly(IndonesianTokenizer):
    """The corpus tokenizer, with each sentence's words memoised."""

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return words(sentence)


def _sumy_summarizer(method: str) -> Any:
    if method == "lexrank":
        from sumy.summarizers.lex_rank import LexRankSummarizer as cls
    elif method == "lsa":
        from sumy.summarizers.lsa import LsaSummarizer as cls
    elif method == "textrank":
        from sumy.summarizers.text_rank import TextRankSummarizer as cls
    elif method == "luhn":
        from sumy.summarizers.luhn import LuhnSummarizer as cls
    elif method == "kl":
        from sumy.summarizers.kl import KLSummarizer as cls
    elif method == "sumbasic":
        from sumy.summarizers.sum_basic import SumBasicSummarizer as cls
    else:  # pragma: no cover - guarded by callers
        raise ValueError(f"unknown sumy method {method!r}")
    summarizer = cls(stem)
    summarizer.stop_words = stop_words()
    return summarizer


def sumy_ranking(sentences: Sequence[str], method: str) -> list[tuple[int, float]]:
    """Every sentence's (index, rating) as sumy's `method` rates them, best first.

    sumy returns sentence objects (equal when their texts are equal); we pass a callable
    as the sentence count to read the full rating list with the sentences' order instead.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _WordsOnly()
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
    captured: list[tuple[int, float]] = []

    def capture(infos: list[Any]) -> list[Any]:
        captured.extend((info.order, float(info.rating)) for info in infos)
        return infos

    with warnings.catch_warnings():
        # LSA warns when a short text has fewer distinct words than sentences; it still ranks
        warnings.filterwarnings("ignore", message="Number of words", category=UserWarning)
        # LexRank's power method divides by a zero norm when no two sentences share a word
        warnings.filterwarnings("ignore", message="invalid value encountered", category=RuntimeWarning)
        _sumy_summarizer(method)(document, capture)
    if len(captured) < len(sentences):  # sumy gave up (e.g. no content words): fall back to order
        seen = {i for i, _ in captured}
        captured.extend((i, float("-inf")) for i in range(len(sentences)) if i not in seen)
    return captured
