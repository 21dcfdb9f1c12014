"""A topic across articles: the sentences retrieved for it summarised into a few distinct, cited facts.

Pure and synchronous. Candidates that tell the same fact are grouped first
(`bot.nlp.facts`), so a fact told by several outlets is one item citing all of them; the
groups are ranked with one of the methods of `bot.nlp.ranking` and the best kept.

Public API:
    Candidate(article: str, sentence: int, text: str, position: float)
    SummaryPick(main: Candidate, also: list[Candidate])
    TopicSummary(items: list[SummaryPick], keywords: list[str], words_in: int, words_out: int)
        `.reduction` = words_out / words_in
    summarize_topic(candidates: Sequence[Candidate], n: int = 5, method: str = "lexrank",
                    query_terms: Sequence[str] = ()) -> TopicSummary

Methods: sumy's rank the candidates by their own rating (with a small nudge for sentences
that contain the query's stems); "lead" ranks by relative position in the article; "news"
uses LexRank's rating, normalised, minus half the relative position.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from bot.nlp.facts import fact_clusters, linked, supports
from bot.nlp.language import content_stems, stem, stop_words
from bot.nlp.ranking import METHODS, sumy_ranking
from bot.nlp.textvec import cosine, folded, stems, tfidf_vectors, word_count, words

# Shorter sentences are headlines or pieces of quotations: shown only when nothing else is left.
FRAGMENT_WORDS = 5
# The same sentence closing this many articles, never in their first half, is a footer.
BOILERPLATE_ARTICLES = 3
BOILERPLATE_POSITION = 0.5

# Ranking (sumy) and fact grouping are quadratic in the number of sentences: only the
# first TOPIC_RANK_LIMIT candidates (in the caller's order, i.e. retrieval rank) are
# ranked and grouped; the rest can still join a chosen item's `also` list.
TOPIC_RANK_LIMIT = 40
_RANK_LIMIT_BY_METHOD = {"kl": 25}  # sumy's KL-Sum is far slower per sentence than the others


@dataclass(frozen=True)
class Candidate:
    """A sentence retrieved for a topic: its article, 1-based sentence index, text and relative position.

    `position` is the sentence's relative position in its article, 0.0 for the lead.
    """

    article: str
    sentence: int
    text: str
    position: float = 0.0


@dataclass(frozen=True)
class SummaryPick:
    """One summary item: the sentence shown and the sentences elsewhere that say the same."""

    main: Candidate
    also: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True)
class TopicSummary:
    """A multi-document summary: items in reading order, keywords and word counts."""

    items: list[SummaryPick]
    keywords: list[str]
    words_in: int
    words_out: int

    @property
    def reduction(self) -> float:
        """Share of the candidates' words kept in the summary (0..1)."""
        return self.words_out / self.words_in if self.words_in else 0.0


def _topic_scores(texts: Sequence[str], candidates: Sequence[Candidate], method: str, query: set[str]) -> list[float]:
    count = len(texts)
    if method == "lead":
        # lead sentences first; ties broken by retrieval order
        return [-c.position - i * 1e-6 for i, c in enumerate(candidates)]
    if method == "news":
        ranking = sumy_ranking(texts, "lexrank")
        base = {i: r for i, r in ranking}
        finite = [r for r in base.values() if math.isfinite(r)] or [0.0]
        top = max(finite) or 1.0
        return [
            (base[i] / top if math.isfinite(base[i]) else 0.0) - 0.5 * candidates[i].position
            for i in range(count)
        ]
    ranking = sumy_ranking(texts, method)
    # turn sumy's order into a score: rank 0 is best
    rank = {i: r for r, (i, _) in enumerate(ranking)}
    scores = [-float(rank[i]) for i in range(count)]
    if query:
        for i, text in enumerate(texts):  # a small nudge for sentences that name the topic
            if query & set(stems(text)):
                scores[i] += 0.5
    return scores


def summarize_topic(
    candidates: Sequence[Candidate],
    n: int = 5,
    method: str = "lexrank",
    query_terms: Sequence[str] = (),
) -> TopicSummary:
    """Summarise sentences retrieved from several articles into at most `n` distinct facts.

    Candidates that tell the same fact (see `same_fact`) are grouped first; each group is
    one item, shown by its best-ranked sentence (ranked with `method`) with the others in
    `also`; the `n` groups whose best sentence ranks highest are kept. Sentences that name
    the whole query (its words in a row first) and read on their own (not a piece of a
    quotation, not "Namun hal itu ...", not a bare headline or an outlet's footer) rank
    before the others; when some sentences have a multi-word query's words in a row,
    sentences with them scattered are left out. Items are returned in reading order: the
    facts outlets lead with first (an item is as early as the smallest relative position
    of its sentences), items shown from one article kept together. Keywords are the most
    widespread stems among the candidates (shown in their most common surface form),
    leaving out the query's own words.
    """
    method = method.lower()
    if method not in METHODS:
        raise ValueError(f"unknown summary method {method!r}; choose one of {', '.join(METHODS)}")
    unique: list[Candidate] = []
    seen: set[tuple[str, int]] = set()
    for c in candidates:
        if (c.article, c.sentence) not in seen and c.text.strip():
            seen.add((c.article, c.sentence))
            unique.append(c)
    words_in = sum(word_count(c.text) for c in unique)
    if not unique or n < 1:
        return TopicSummary(items=[], keywords=[], words_in=words_in, words_out=0)

    texts = [c.text for c in unique]
    stem_lists = [stems(t) for t in texts]
    vectors = tfidf_vectors(stem_lists)
    support = supports(texts)
    head = min(len(unique), _RANK_LIMIT_BY_METHOD.get(method, TOPIC_RANK_LIMIT))
    articles = [c.article for c in unique]
    clusters = fact_clusters(articles[:head], vectors[:head], support[:head])
    query = set(_query_stems(query_terms))
    query |= {stem(t) for t in query_terms if t.strip()}

    scores = [0.0] if head == 1 else _topic_scores(texts[:head], unique[:head], method, query)

    fit = _query_fit(texts[:head], query_terms)
    boilerplate = _boilerplate(unique)
    broken = [_fragment(t) or t in boilerplate for t in texts[:head]]

    def rank_key(i: int) -> tuple[bool, int, float, str, int]:
        # a sentence that reads on its own and names the whole topic first, then the method's rating
        return (broken[i], -fit[i], -scores[i], unique[i].article, unique[i].sentence)

    # a fact's importance is that of its best-ranked sentence, which is the one shown
    ranked = sorted((sorted(cluster, key=rank_key) for cluster in clusters), key=lambda c: rank_key(c[0]))
    if max(fit, default=0) == 2 and len(set(_query_stems(query_terms))) > 1:
        # some sentences name the topic as written: the ones with its words scattered are off topic
        ranked = [cluster for cluster in ranked if fit[cluster[0]] == 2]
    chosen = ranked[:n]
    mains = [cluster[0] for cluster in chosen]
    members = {cluster[0]: cluster[1:] for cluster in chosen}

    def meancosine(j: int, group: list[int]) -> float:
        return sum(cosine(vectors[j], vectors[x]) for x in group) / len(group)

    ranked_members = {m: [x for x in [m, *members[m]] if x < head] for m in mains}
    home_of: dict[str, int | None] = {}
    for j in range(head, len(unique)):
        # beyond the ranked head: join the item whose every sentence tells the same fact
        # (as grouping does), the closest on average when several do
        # (only the ranked members count: comparing with every sentence joined so far
        # would grow quadratically when many outlets repeat one sentence)
        if unique[j].text not in home_of:
            homes = [m for m in mains if all(linked(articles, vectors, support, j, x) for x in ranked_members[m])]
            home_of[unique[j].text] = max(homes, key=lambda m: meancosine(j, ranked_members[m])) if homes else None
        best = home_of[unique[j].text]  # the same sentence syndicated elsewhere joins the same item
        if best is not None:
            members[best].append(j)

    # reading order: the facts outlets lead with first (an item is as early as its earliest
    # sentence, relative to its article); items shown from one article stay together, so
    # "Salah satunya, ..." follows the sentence it continues
    lead = {m: min(unique[x].position for x in [m, *members[m]]) for m in mains}
    article_lead: dict[str, float] = {}
    for m in mains:
        article_lead[unique[m].article] = min(lead[m], article_lead.get(unique[m].article, lead[m]))
    mains.sort(key=lambda m: (article_lead[unique[m].article], unique[m].article, lead[m], unique[m].sentence))
    items = [
        SummaryPick(
            main=unique[m],
            also=sorted((unique[j] for j in members[m]), key=lambda c: (c.article, c.sentence)),
        )
        for m in mains
    ]
    words_out = sum(word_count(unique[m].text) for m in mains)
    return TopicSummary(
        items=items,
        keywords=_keywords(texts, stem_lists, query),
        words_in=words_in,
        words_out=words_out,
    )


def _query_stems(query_terms: Sequence[str]) -> list[str]:
    return list(stems(" ".join(query_terms)))


def _query_fit(texts: Sequence[str], query_terms: Sequence[str]) -> list[int]:
    """How well each text names the topic: 2 the query's words in a row, 1 all of them, 0 fewer.

    FTS retrieval matches the words of "piala dunia" one by one; "Piala Thomas ... kejuaraan
    dunia" has both and is about something else.
    """
    wanted = _query_stems(query_terms)
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


def _boilerplate(candidates: Sequence[Candidate]) -> set[str]:
    """Texts closing BOILERPLATE_ARTICLES or more articles word for word ("DailySocial.id adalah
    portal berita ..."): an outlet's footer, not news. Syndicated news repeats its lead, not its end."""
    where: dict[str, list[float]] = {}
    for c in candidates:
        where.setdefault(c.text, []).append(c.position)
    return {
        text
        for text, positions in where.items()
        if len(positions) >= BOILERPLATE_ARTICLES and min(positions) >= BOILERPLATE_POSITION
    }


# "Namun hal itu dibantah ...", "Hal ini ...": the sentence stands on the one before it.
_LEANS_BACK = re.compile(r"^\W*(?:\w+\W+){0,2}?hal\s+(?:itu|ini|tersebut)\b", re.IGNORECASE)


@lru_cache(maxsize=16384)
def _fragment(text: str) -> bool:
    """True for a sentence that does not read on its own: a piece of a longer quotation (its
    quotation marks do not pair up), one that opens on "hal itu" (what the sentence before
    said), or one under FRAGMENT_WORDS words."""
    straight = text.count('"')
    return (
        straight % 2 == 1
        or text.count("“") != text.count("”")
        or bool(_LEANS_BACK.match(text))
        or word_count(text) < FRAGMENT_WORDS
    )


@lru_cache(maxsize=16384)
def _surfaces(text: str) -> tuple[tuple[str, str], ...]:
    """(canonical stem, surface word) for each content word of `text` that has a letter."""
    stops = stop_words()
    pairs = []
    for word in folded(text):
        lowered = word.lower()
        if lowered in stops or len(lowered) < 2 or not any(ch.isalpha() for ch in lowered):
            continue
        pairs.extend((key, word) for key in content_stems([word]))
    return tuple(pairs)


def _keywords(
    texts: Sequence[str], stem_lists: Sequence[Sequence[str]], query: set[str], limit: int = 8
) -> list[str]:
    spread: Counter[str] = Counter()
    total: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    for text, found in zip(texts, stem_lists):
        spread.update(set(found))
        total.update(found)
        for key, word in _surfaces(text):
            surfaces.setdefault(key, Counter())[word] += 1
    ranked = sorted(
        (s for s in spread if s not in query and s in surfaces and any(ch.isalpha() for ch in s)),
        key=lambda s: (-spread[s], -total[s], s),
    )
    return [surfaces[s].most_common(1)[0][0] for s in ranked[:limit]]
