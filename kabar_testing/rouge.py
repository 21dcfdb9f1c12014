"""ROUGE-1, ROUGE-2 and ROUGE-L F1 between a candidate summary and a reference.

Our own small implementation, used to measure summaries (see `bench/summary_eval.py`).
Text is lower-cased and tokenised on word characters (`\\w+`, Unicode-aware); there is
no stemming and no stop-word removal. ROUGE-N counts clipped n-gram overlaps; ROUGE-L
is the longest common subsequence of the two token streams (each summary's sentences
joined in order). Scores are in [0, 1]; an empty side scores 0.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class RougeScores:
    """F1 of ROUGE-1, ROUGE-2 and ROUGE-L for one candidate/reference pair."""

    rouge1: float
    rouge2: float
    rougeL: float


def tokenize(text: str) -> list[str]:
    """Lower-cased word-character tokens of `text` (no stemming)."""
    return _WORD.findall(text.lower())


def _as_tokens(summary: str | Sequence[str]) -> list[str]:
    if isinstance(summary, str):
        return tokenize(summary)
    tokens: list[str] = []
    for sentence in summary:
        tokens.extend(tokenize(sentence))
    return tokens


def _f1(overlap: int, candidate_total: int, reference_total: int) -> float:
    if overlap == 0 or candidate_total == 0 or reference_total == 0:
        return 0.0
    precision = overlap / candidate_total
    recall = overlap / reference_total
    return 2 * precision * recall / (precision + recall)


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1 of two token lists (clipped n-gram counts)."""
    cand = _ngrams(candidate, n)
    ref = _ngrams(reference, n)
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of two token lists (O(len(a)·len(b)))."""
    if not a or not b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, start=1):
            if token == other:
                current[j] = previous[j - 1] + 1
            else:
                current[j] = max(previous[j], current[j - 1])
        previous = current
    return previous[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1 of two token lists (LCS-based)."""
    return _f1(lcs_length(candidate, reference), len(candidate), len(reference))


def rouge_scores(candidate: str | Sequence[str], reference: str | Sequence[str]) -> RougeScores:
    """ROUGE-1/2/L F1 of a candidate against a reference; each is a text or a list of sentences."""
    cand = _as_tokens(candidate)
    ref = _as_tokens(reference)
    return RougeScores(rouge_n(cand, ref, 1), rouge_n(cand, ref, 2), rouge_l(cand, ref))


def mean_scores(scores: Iterable[RougeScores]) -> RougeScores:
    """Per-pair F1 averaged over pairs (macro average); zeros when there are none."""
    items = list(scores)
    if not items:
        return RougeScores(0.0, 0.0, 0.0)
    count = len(items)
    return RougeScores(
        sum(s.rouge1 for s in items) / count,
        sum(s.rouge2 for s in items) / count,
        sum(s.rougeL for s in items) / count,
    )
