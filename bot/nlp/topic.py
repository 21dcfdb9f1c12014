"""A topic across articles: the sentences retrieved for it summarised into a few distinct, cited facts.

Pure and synchronous. Candidates that tell the same fact are grouped first
(`bot.nlp.facts`), so a fact told by several outlets is one item citing all of them; the
groups are rated with one of the methods of `bot.nlp.ranking` and chosen for relevance,
readability and coverage of several articles (`bot.nlp.choosing`). Each item is shown so
that it reads on its own (`bot.nlp.standalone`): by the sentence of its group that does,
else with a marked change ("[…] Pentagon ...", "[Febri Diansyah] menyatakan ...") or after
the sentence it needs.

Public API:
    Candidate(article, sentence, text, position=0.0, context=())
        `context`: the sentences before it in its article, nearest last (needed only for a
        sentence that opens by pointing back; see bot.nlp.backrefs.back_reference)
    SummaryPick(main, also, shown, before, named); `.text` is the item as shown
    TopicSummary(items, keywords, words_in, words_out); `.reduction` = words_out / words_in
    summarize_topic(candidates, n=5, method="lexrank", query_terms=(), names=()) -> TopicSummary
        names: the topic's other names ("Joko Widodo" for "Jokowi"); a sentence naming one
        names the topic as well as one naming the query's words

Methods: sumy's rank the candidates by their own rating (with a small nudge for sentences
that contain the query's stems); "lead" ranks by relative position in the article; "news"
uses LexRank's rating, normalised, minus half the relative position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.nlp.choosing import choose, query_fit, query_stems, rate, unreadable
from bot.nlp.facts import fact_clusters, linked, supports
from bot.nlp.keywords import keywords
from bot.nlp.language import stem
from bot.nlp.ranking import METHODS
from bot.nlp.standalone import readable
from bot.nlp.textvec import cosine, stems, tfidf_vectors, word_count

# Ranking (sumy) and fact grouping are quadratic in the number of sentences: only the
# first TOPIC_RANK_LIMIT candidates (in the caller's order, i.e. retrieval rank) are
# ranked and grouped; the rest can still join a chosen item's `also` list.
TOPIC_RANK_LIMIT = 40
_RANK_LIMIT_BY_METHOD = {"kl": 25}  # sumy's KL-Sum is far slower per sentence than the others


@dataclass(frozen=True)
class Candidate:
    """A sentence retrieved for a topic: its article, 1-based sentence index, text and relative position.

    `position` is the sentence's relative position in its article, 0.0 for the lead;
    `context` the sentences before it in its article (nearest last), when known.
    """

    article: str
    sentence: int
    text: str
    position: float = 0.0
    context: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class SummaryPick:
    """One summary item: the sentence shown, the sentences elsewhere that say the same, and
    how it is shown: `shown` is its text as shown (with any marked change), `before` the
    sentence of its article shown before it when it needs that one, `named` whether a name
    was inserted for a pronoun."""

    main: Candidate
    also: list[Candidate] = field(default_factory=list)
    shown: str = ""
    before: Candidate | None = None
    named: bool = False  # `shown` has a name inserted for a pronoun, in brackets

    @property
    def text(self) -> str:
        """What the item says, as shown: the sentence before it (if any), then its own text."""
        own = self.shown or self.main.text
        return f"{self.before.text} {own}" if self.before else own


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


def _unique(candidates: Sequence[Candidate]) -> list[Candidate]:
    unique: list[Candidate] = []
    seen: set[tuple[str, int]] = set()
    for c in candidates:
        if (c.article, c.sentence) not in seen and c.text.strip():
            seen.add((c.article, c.sentence))
            unique.append(c)
    return unique


def summarize_topic(
    candidates: Sequence[Candidate],
    n: int = 5,
    method: str = "lexrank",
    query_terms: Sequence[str] = (),
    names: Sequence[str] = (),
) -> TopicSummary:
    """Summarise sentences retrieved from several articles into at most `n` distinct facts.

    Candidates that tell the same fact are grouped first; each group is one item, shown by
    its best sentence: one that reads on its own and names the whole query (its words in
    a row first) before the others, then by the method's rating. When some sentences have
    a multi-word query's words in a row, sentences with them scattered are left out.
    Items come from several articles before one article gives a second, and a fact that
    restates one already chosen is dropped. Items are returned in reading order: the facts
    outlets lead with first (an item is as early as the smallest relative position of its
    sentences), items shown from one article kept together. Keywords are the most
    widespread stems among the candidates, leaving out the query's own words.
    """
    method = method.lower()
    if method not in METHODS:
        raise ValueError(f"unknown summary method {method!r}; choose one of {', '.join(METHODS)}")
    unique = _unique(candidates)
    words_in = sum(word_count(c.text) for c in unique)
    if not unique or n < 1:
        return TopicSummary(items=[], keywords=[], words_in=words_in, words_out=0)

    texts = [c.text for c in unique]
    stem_lists = [stems(t) for t in texts]
    vectors = tfidf_vectors(stem_lists)
    support = supports(texts)
    articles = [c.article for c in unique]
    head = min(len(unique), _RANK_LIMIT_BY_METHOD.get(method, TOPIC_RANK_LIMIT))
    clusters = fact_clusters(articles[:head], vectors[:head], support[:head])
    query = set(query_stems(query_terms)) | {stem(t) for t in query_terms if t.strip()}
    positions = [c.position for c in unique[:head]]
    scores = rate(texts[:head], positions, method, query)
    forms = [query_terms, *(name.split() for name in names)]
    fits = [max(fit) for fit in zip(*(query_fit(texts[:head], form) for form in forms))]
    shown = [readable(c.text, c.context) for c in unique[:head]]
    # 0 reads on its own, 1 after the sentence before it, 2 leans on something not shown,
    # 3 a piece of a quotation, a bare headline or a footer
    tiers = [3 if broken else s.tier for broken, s in zip(unreadable(texts, [c.position for c in unique]), shown)]

    def rank_key(i: int) -> tuple[int, int, float, str, int]:
        # a sentence that reads on its own and names the whole topic first, then the method's rating
        return (tiers[i], -fits[i], -scores[i], unique[i].article, unique[i].sentence)

    # a fact is shown by its best sentence that reads on its own; it is as important as the
    # best-rated of its sentences, whichever is shown
    def fact_key(cluster: list[int]) -> tuple[int, int, float, str, int]:
        shown_first = cluster[0]
        return (tiers[shown_first], -fits[shown_first], -max(scores[i] for i in cluster), *rank_key(shown_first)[3:])

    ranked = sorted((sorted(cluster, key=rank_key) for cluster in clusters), key=fact_key)
    if max(fits, default=0) == 2 and len(set(query_stems(query_terms))) > 1:
        # some sentences name the topic as written: the ones with its words scattered are off topic
        ranked = [cluster for cluster in ranked if fits[cluster[0]] == 2]
    chosen = choose(ranked, n, articles, vectors, support, tiers, fits)
    mains = [cluster[0] for cluster in chosen]
    members = {cluster[0]: cluster[1:] for cluster in chosen}
    _join_tail(unique, head, mains, members, articles, vectors, support)
    _reading_order(unique, mains, members)

    items = []
    words_out = 0
    shown_refs = {(unique[m].article, unique[m].sentence) for m in mains}
    for m in mains:
        main, how = unique[m], shown[m]
        before = Candidate(main.article, main.sentence - 1, how.before, main.position) if how.before else None
        if before is not None and (before.article, before.sentence) in shown_refs:
            before = None  # the sentence it needs is the item just before it (items of one article stay together)
        items.append(
            SummaryPick(
                main=main,
                also=sorted((unique[j] for j in members[m]), key=lambda c: (c.article, c.sentence)),
                shown=how.text,
                before=before,
                named=how.named,
            )
        )
        words_out += word_count(main.text)
    return TopicSummary(
        items=items, keywords=keywords(texts, stem_lists, query), words_in=words_in, words_out=words_out
    )


def _join_tail(
    unique: Sequence[Candidate],
    head: int,
    mains: list[int],
    members: dict[int, list[int]],
    articles: Sequence[str],
    vectors: Sequence[dict[str, float]],
    support: Sequence,
) -> None:
    """Candidates beyond the ranked head join the item whose every ranked sentence tells the
    same fact (as grouping does), the closest on average when several do. Only the ranked
    members count: comparing with every sentence joined so far would grow quadratically
    when many outlets repeat one sentence."""
    ranked_members = {m: [x for x in [m, *members[m]] if x < head] for m in mains}

    def mean_cosine(j: int, group: list[int]) -> float:
        return sum(cosine(vectors[j], vectors[x]) for x in group) / len(group)

    home_of: dict[str, int | None] = {}
    for j in range(head, len(unique)):
        if unique[j].text not in home_of:
            homes = [m for m in mains if all(linked(articles, vectors, support, j, x) for x in ranked_members[m])]
            home_of[unique[j].text] = max(homes, key=lambda m: mean_cosine(j, ranked_members[m])) if homes else None
        best = home_of[unique[j].text]  # the same sentence syndicated elsewhere joins the same item
        if best is not None:
            members[best].append(j)


def _reading_order(unique: Sequence[Candidate], mains: list[int], members: dict[int, list[int]]) -> None:
    """Sort `mains` in reading order: the facts outlets lead with first (an item is as early as
    its earliest sentence, relative to its article); items shown from one article stay
    together, so "Salah satunya, ..." follows the sentence it continues."""
    lead = {m: min(unique[x].position for x in [m, *members[m]]) for m in mains}
    article_lead: dict[str, float] = {}
    for m in mains:
        article_lead[unique[m].article] = min(lead[m], article_lead.get(unique[m].article, lead[m]))
    mains.sort(key=lambda m: (article_lead[unique[m].article], unique[m].article, lead[m], unique[m].sentence))
