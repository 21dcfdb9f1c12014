"""Sentence words and vectors shared by the summaries: words, canonical stems, TF-IDF, cosine, figures.

Every function is pure and memoised per text (a topic query re-reads the same sentences
often). Known names are folded to one spelling before stemming (`bot.nlp.aliases`:
"Korut" counts as "Korea Utara", "KPK" as "Komisi Pemberantasan Korupsi"), and a compound
of two names ("Rusia-Ukraina") counts as both names.

Public API:
    words(text) -> tuple[str, ...]          the corpus splitter's words
    folded(text) -> tuple[str, ...]         words with known names in their canonical form
    stems(text) -> tuple[str, ...]          canonical content stems of the folded words
    word_count(text) -> int
    tfidf_vectors(stem_lists) -> list[dict[str, float]]   unit-length log-TF * IDF over the lists
    cosine(a, b) -> float
    figure_keys(text) -> frozenset[float]   exact quantities of 100 or more
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from bot.corpus.figures.scan import find_figures
from bot.corpus.segment import split_words
from bot.nlp.aliases import load_aliases
from bot.nlp.language import content_stems


@lru_cache(maxsize=16384)
def words(text: str) -> tuple[str, ...]:
    """The words of `text` as the corpus splitter cuts them."""
    return tuple(split_words(text))


def _split_compounds(tokens: Sequence[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        parts = token.split("-")
        if len(parts) == 2 and all(p[:1].isupper() and p[1:].islower() and len(p) > 1 for p in parts):
            out.extend(parts)  # "Rusia-Ukraina": both countries; "Suk-yeol" stays one word
        else:
            out.append(token)
    return out


@lru_cache(maxsize=16384)
def folded(text: str) -> tuple[str, ...]:
    """The words of `text`, each known name written as its canonical name's words."""
    return tuple(load_aliases().fold(_split_compounds(words(text))))


@lru_cache(maxsize=16384)
def stems(text: str) -> tuple[str, ...]:
    """Canonical stems of the content words of `text` (names folded first)."""
    return tuple(content_stems(folded(text)))


@lru_cache(maxsize=16384)
def word_count(text: str) -> int:
    return len(words(text))


def tfidf_vectors(stem_lists: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length log-TF · IDF vectors, IDF computed over the given sentences."""
    count = len(stem_lists)
    df = Counter(s for lst in stem_lists for s in set(lst))
    idf = {s: math.log((count + 1) / (d + 0.5)) for s, d in df.items()}
    vectors = []
    for lst in stem_lists:
        weights = {s: (1 + math.log(c)) * idf[s] for s, c in Counter(lst).items()}
        norm = math.sqrt(sum(v * v for v in weights.values()))
        vectors.append({s: v / norm for s, v in weights.items()} if norm else {})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


@lru_cache(maxsize=16384)
def figure_keys(text: str) -> frozenset[float]:
    """Exact quantities of 100 or more in `text`, as values ("10.000", "10,000", "10 ribu" -> 10000.0).

    Read with `bot.corpus.figures.scan.find_figures` (years, dates and times are not figures);
    vague quantities ("puluhan ribu") and small numbers are too common to say two
    sentences tell the same fact, so they are left out.
    """
    return frozenset(f.value for f in find_figures(text) if not f.vague and f.value >= 100)
