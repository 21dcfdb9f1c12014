"""Rating a topic's candidate sentences and choosing the facts to show: relevance, readability, coverage.

Pure and synchronous. `rate` scores candidates with one of the methods of
`bot.nlp.ranking`; `query_fit` says how well each names the topic; `unreadable` flags what
does not read on its own at all (a piece of a quotation, a bare headline, a footer);
`choose` picks the facts to show, best first, so that:
- sentences that read on their own come before those needing the sentence before them,
  and what does not read on its own at all is shown only when nothing else is;
- sentences naming the whole topic come first;
- several articles are heard before any article gives a second item (coverage);
- a fact that restates one already chosen is dropped: close wording from the same source
  (or from nobody named), or the same source confirming (denying) the same thing, or saying it with a
  phrase in common ("eskalasi signifikan"), in other words.

Public API:
    rate(texts, positions, method, query) -> list[float]
    query_stems(query_terms) -> list[str]
    query_fit(texts, query_terms) -> list[int]
    unreadable(texts, positions) -> list[bool]
    choose(ranked, n, articles, vectors, support, tiers, fits) -> list[list[int]]
        tiers: 0 reads on its own, 1 with the sentence before it, 2 leans on something not
        shown, 3 a fragment or footer
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from bot.nlp.facts import SHARED_TERMS, Support
from bot.nlp.ranking import sumy_ranking
from bot.nlp.textvec import cosine, stems, word_count
from bot.nlp.voices import same_voice

# Shorter sentences are headlines or pieces of quotations: shown only when nothing else is left.
FRAGMENT_WORDS = 5
# The same sentence closing this many articles, never in their first half, is a footer
# (the corpus-wide check at indexing time catches near-identical ones; this catches any
# that reach a summary another way).
BOILERPLATE_ARTICLES = 3
BOILERPLATE_POSITION = 0.5
# Sentences of this tier or worse (leaning on something not shown, fragments) are shown
# only when no other sentence is left.
UNREADABLE_TIER = 2
# A fact this close to one already chosen restates it (when both name the same source, or neither does).
RESTATEMENT = 0.5


def rate(texts: Sequence[str], positions: Sequence[float], method: str, query: set[str]) -> list[float]:
    """Each text's score under `method` (higher is better)."""
    count = len(texts)
    if count == 1:
        return [0.0]
    if method == "lead":
        # lead sentences first; ties broken by retrieval order
        return [-positions[i] - i * 1e-6 for i in range(count)]
    if method == "news":
        base = dict(sumy_ranking(texts, "lexrank"))
        finite = [r for r in base.values() if math.isfinite(r)] or [0.0]
        top = max(finite) or 1.0
        return [(base[i] / top if math.isfinite(base[i]) else 0.0) - 0.5 * positions[i] for i in range(count)]
    ranking = sumy_ranking(texts, method)
    # turn sumy's order into a score: rank 0 is best
    rank = {i: r for r, (i, _) in enumerate(ranking)}
    scores = [-float(rank[i]) for i in range(count)]
    if query:
        for i, text in enumerate(texts):  # a small nudge for sentences that name the topic
            if query & set(stems(text)):
                scores[i] += 0.5
    return scores


def query_stems(query_terms: Sequence[str]) -> list[str]:
    return list(stems(" ".join(query_terms)))


def query_fit(texts: Sequence[str], query_terms: Sequence[str]) -> list[int]:
    """How well each text names the topic: 2 the query's words in a row, 1 all of them, 0 fewer.

    FTS retrieval matches the words of "piala dunia" one by one; "Piala Thomas ... kejuaraan
    dunia" has both and is about something else.
    """
    wanted = query_stems(query_terms)
    if not wanted:
        return [0] * len(texts)
    fits = []
    for text in texts:
        found = stems(text)
        if not set(wanted) <= set(found):
            fits.append(0)
        elif len(wanted) == 1 or any(
            tuple(found[k : k + len(wanted)]) == tuple(wanted) for k in range(len(found) - len(wanted) + 1)
        ):
            fits.append(2)
        else:
            fits.append(1)
    return fits


@lru_cache(maxsize=16384)
def _fragment(text: str) -> bool:
    """A piece of a longer quotation (its quotation marks do not pair up), or a bare headline."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”") or word_count(text) < FRAGMENT_WORDS


def unreadable(texts: Sequence[str], positions: Sequence[float]) -> list[bool]:
    """True for what does not read on its own at all: fragments, and one text closing
    BOILERPLATE_ARTICLES articles word for word (a footer; syndicated news repeats its lead)."""
    where: dict[str, list[float]] = {}
    for text, position in zip(texts, positions):
        where.setdefault(text, []).append(position)
    footers = {t for t, p in where.items() if len(p) >= BOILERPLATE_ARTICLES and min(p) >= BOILERPLATE_POSITION}
    return [_fragment(t) or t in footers for t in texts]


def _restates(i: int, j: int, vectors: Sequence[dict[str, float]], support: Sequence[Support]) -> bool:
    """Whether fact i says again what fact j says (leaving it out loses nothing but a citation)."""
    a, b = support[i].voice, support[j].voice
    if a.named and b.named and same_voice(a, b) and a.stance == b.stance:
        # the same source confirming (denying) the same thing, or saying it in the same words
        firm = a.stance in ("confirmed", "denied")
        if len(support[i].terms & support[j].terms) >= SHARED_TERMS and (
            firm or support[i].phrases & support[j].phrases
        ):
            return True
    # a source named by one and not the other is a difference worth showing
    compatible = same_voice(a, b) if a.named and b.named else not (a.named or b.named)
    return compatible and cosine(vectors[i], vectors[j]) >= RESTATEMENT


def choose(
    ranked: Sequence[list[int]],
    n: int,
    articles: Sequence[str],
    vectors: Sequence[dict[str, float]],
    support: Sequence[Support],
    tiers: Sequence[int],
    fits: Sequence[int],
) -> list[list[int]]:
    """Up to `n` of the `ranked` facts (clusters, best first, each led by the sentence shown)."""
    order = {id(cluster): k for k, cluster in enumerate(ranked)}
    pool = list(ranked)
    uses: Counter[str] = Counter()
    picked: list[list[int]] = []
    while pool and len(picked) < n:
        best = min(pool, key=lambda c: (tiers[c[0]], -fits[c[0]], uses[articles[c[0]]], order[id(c)]))
        pool.remove(best)
        if picked and tiers[best[0]] >= UNREADABLE_TIER:
            break  # what does not read on its own is shown only when nothing else is
        if any(_restates(best[0], other[0], vectors, support) for other in picked):
            continue
        picked.append(best)
        uses[articles[best[0]]] += 1
    return picked
