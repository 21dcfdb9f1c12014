"""Single-article extractive summaries: `summarize_sentences` and the "news" method.

Pure and synchronous: no I/O, no database, no asyncio. The sumy methods rank through
`bot.nlp.ranking`; "lead" takes the first sentences; "news" is ours (below). A topic
across articles is summarised by `bot.nlp.topic`.

Public API:
    METHODS = ("lexrank", "lsa", "textrank", "luhn", "kl", "sumbasic", "lead", "news")
    SINGLE_METHODS = METHODS
    summarize_sentences(sentences: Sequence[str], n: int = 3, method: str = "news",
                        weights: NewsWeights | None = None) -> list[int]
        0-based indices of the chosen sentences, in original order, distinct, at most n.
    NewsWeights   the handful of weights of the "news" method (defaults tuned on IndoSum)
    news_features(sentences) -> NewsFeatures; pick_news(features, n, weights) -> list[int]
        the "news" method in two steps, so a benchmark can tune weights cheaply

The "news" method: a news article puts its key facts first, so sentence i starts from a
position prior -log(1 + i); it gains for being central to the article (cosine to the
article's TF-IDF centroid) and for echoing the lead sentence, and loses for being
inside a quotation, for carrying a speech attribution ("..., kata X"), and for being
very short. The top sentences are taken greedily, skipping near-duplicates.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.nlp.ranking import METHODS, sumy_ranking
from bot.nlp.textvec import cosine, stems, tfidf_vectors, word_count

SINGLE_METHODS: tuple[str, ...] = METHODS

_QUOTE_CHARS = '"“”'
_ATTRIBUTION = re.compile(
    r"[,\"”]\s*(kata|ujar|tutur|ucap|jelas|ungkap|imbuh|tambah|lanjut|terang|papar|tegas|sebut)(nya)?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NewsWeights:
    """The few weights of the "news" method; defaults tuned on IndoSum (see bench/summary_eval.py)."""

    position: float = 1.0  # weight of -log(1 + index)
    centrality: float = 0.25  # cosine to the article centroid
    lead_similarity: float = 0.5  # cosine to the first sentence (for later sentences)
    quote: float = 1.0  # share of the sentence inside quotation marks
    attribution: float = 1.0  # ", kata X" / "ujarnya" style speech tags
    short: float = 0.5  # sentences under `short_words` words
    short_words: int = 8
    redundancy: float = 0.7  # skip a sentence this similar to one already chosen


def _quote_shares(sentences: Sequence[str]) -> list[float]:
    """Share of each sentence's letters that stand inside quotation marks.

    The quote state carries over sentence boundaries: a quotation often spans sentences.
    """
    inside = False
    shares = []
    for sentence in sentences:
        total = quoted = 0
        for ch in sentence:
            if ch in _QUOTE_CHARS:
                if ch == "“":
                    inside = True
                elif ch == "”":
                    inside = False
                else:
                    inside = not inside
                continue
            if ch.isalnum():
                total += 1
                quoted += inside
        shares.append(quoted / total if total else 0.0)
    return shares


@dataclass(frozen=True)
class NewsFeatures:
    """Per-sentence features of one article for the "news" method (computed once, scored many times)."""

    centrality: tuple[float, ...]  # cosine to the article's TF-IDF centroid
    lead_similarity: tuple[float, ...]  # cosine to the first sentence (0 for the first)
    quote: tuple[float, ...]  # share of letters inside quotation marks
    attribution: tuple[bool, ...]  # carries a speech tag (", kata X")
    words: tuple[int, ...]
    vectors: tuple[dict[str, float], ...] = field(repr=False, default=())


def news_features(sentences: Sequence[str]) -> NewsFeatures:
    """Compute the "news" method's features for an article's sentences."""
    vectors = tfidf_vectors([stems(s) for s in sentences])
    centroid: Counter[str] = Counter()
    for vector in vectors:
        centroid.update(vector)
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    centre = {k: v / norm for k, v in centroid.items()}
    return NewsFeatures(
        centrality=tuple(cosine(v, centre) for v in vectors),
        lead_similarity=tuple(cosine(v, vectors[0]) if i else 0.0 for i, v in enumerate(vectors)),
        quote=tuple(_quote_shares(sentences)),
        attribution=tuple(bool(_ATTRIBUTION.search(s)) for s in sentences),
        words=tuple(word_count(s) for s in sentences),
        vectors=tuple(vectors),
    )


def news_scores(features: NewsFeatures, weights: NewsWeights | None = None) -> list[float]:
    """The "news" method's score of every sentence (higher is better)."""
    w = weights or NewsWeights()
    scores = []
    for i in range(len(features.words)):
        score = -w.position * math.log1p(i)
        score += w.centrality * features.centrality[i]
        score += w.lead_similarity * features.lead_similarity[i]
        score -= w.quote * features.quote[i]
        if features.attribution[i]:
            score -= w.attribution
        if features.words[i] < w.short_words:
            score -= w.short
        scores.append(score)
    return scores


def pick_news(features: NewsFeatures, n: int, weights: NewsWeights | None = None) -> list[int]:
    """Indices chosen by the "news" method from precomputed features, in original order."""
    w = weights or NewsWeights()
    return _pick_by_scores(news_scores(features, w), n, features.vectors, w.redundancy)


def _pick_by_scores(
    scores: Sequence[float], n: int, vectors: Sequence[dict[str, float]] | None, redundancy: float
) -> list[int]:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    for i in order:
        if vectors is not None and any(cosine(vectors[i], vectors[j]) > redundancy for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == n:
            break
    if len(chosen) < n:  # everything left was redundant: fill in score order
        for i in order:
            if i not in chosen:
                chosen.append(i)
                if len(chosen) == n:
                    break
    return sorted(chosen)


def summarize_sentences(
    sentences: Sequence[str], n: int = 3, method: str = "news", weights: NewsWeights | None = None
) -> list[int]:
    """Choose up to `n` sentences; returns their 0-based indices in original order.

    `method` is one of METHODS. Fewer sentences than `n` returns them all; `n < 1` or no
    sentences returns []. Blank sentences are never chosen while others remain.
    """
    method = method.lower()
    if method not in METHODS:
        raise ValueError(f"unknown summary method {method!r}; choose one of {', '.join(METHODS)}")
    texts = [s if isinstance(s, str) else str(s) for s in sentences]
    usable = [i for i, s in enumerate(texts) if s.strip()]
    if n < 1 or not usable:
        return []
    if len(usable) <= n:
        return usable
    kept = [texts[i] for i in usable]
    if method == "lead":
        local = list(range(n))
    elif method == "news":
        local = pick_news(news_features(kept), n, weights)
    else:
        ranking = sumy_ranking(kept, method)
        local = sorted(i for i, _ in ranking[:n])
    return [usable[i] for i in local]


__all__ = [
    "METHODS",
    "SINGLE_METHODS",
    "NewsFeatures",
    "NewsWeights",
    "news_features",
    "news_scores",
    "pick_news",
    "summarize_sentences",
]
