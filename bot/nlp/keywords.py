"""A topic's keywords: the most widespread content stems among its sentences, in their commonest spelling.

Public API:
    keywords(texts, stem_lists, leave_out, limit=8) -> list[str]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from bot.nlp.language import content_stems, stop_words
from bot.nlp.textvec import folded


@lru_cache(maxsize=16384)
def _surfaces(text: str) -> tuple[tuple[str, str], ...]:
    """(canonical stem, surface word) for each content word of `text` that has a letter."""
    stops = stop_words()
    pairs: list[tuple[str, str]] = []
    for word in folded(text):
        lowered = word.lower()
        if lowered in stops or len(lowered) < 2 or not any(ch.isalpha() for ch in lowered):
            continue
        pairs.extend((key, word) for key in content_stems([word]))
    return tuple(pairs)


def keywords(
    texts: Sequence[str], stem_lists: Sequence[Sequence[str]], leave_out: set[str], limit: int = 8
) -> list[str]:
    """The stems found in most of `texts` (then most often), leaving out `leave_out` (the query's)."""
    spread: Counter[str] = Counter()
    total: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    for text, found in zip(texts, stem_lists):
        spread.update(set(found))
        total.update(found)
        for key, word in _surfaces(text):
            surfaces.setdefault(key, Counter())[word] += 1
    ranked = sorted(
        (s for s in spread if s not in leave_out and s in surfaces and any(ch.isalpha() for ch in s)),
        key=lambda s: (-spread[s], -total[s], s),
    )
    return [surfaces[s].most_common(1)[0][0] for s in ranked[:limit]]
