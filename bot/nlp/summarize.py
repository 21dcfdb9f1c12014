"""Extractive summaries: one article (`summarize_sentences`) and a topic across articles (`summarize_topic`).

Pure and synchronous: no I/O, no database, no asyncio. sumy's algorithms are fed with
sumy document objects we build ourselves from our own word splitter, PySastrawi's
stemmer and an Indonesian stop-word list (`bot.nlp.language`), so sumy never reaches
for NLTK data. sumy is imported lazily, inside the functions that need it.

Public API:
    METHODS = ("lexrank", "lsa", "textrank", "luhn", "kl", "sumbasic", "lead", "news")
    SINGLE_METHODS = METHODS
    summarize_sentences(sentences: Sequence[str], n: int = 3, method: str = "news",
                        weights: NewsWeights | None = None) -> list[int]
        0-based indices of the chosen sentences, in original order, distinct, at most n.
    Candidate(article: str, sentence: int, text: str, position: float)
    SummaryPick(main: Candidate, also: list[Candidate])
    TopicSummary(items: list[SummaryPick], keywords: list[str], words_in: int, words_out: int)
        `.reduction` = words_out / words_in
    summarize_topic(candidates: Sequence[Candidate], n: int = 5, method: str = "lexrank",
                    query_terms: Sequence[str] = ()) -> TopicSummary
    NewsWeights   the handful of weights of the "news" method (defaults tuned on IndoSum)
    news_features(sentences) -> NewsFeatures; pick_news(features, n, weights) -> list[int]
        the "news" method in two steps, so a benchmark can tune weights cheaply

The "news" method: a news article puts its key facts first, so sentence i starts from a
position prior -log(1 + i); it gains for being central to the article (cosine to the
article's TF-IDF centroid) and for echoing the lead sentence, and loses for being
inside a quotation, for carrying a speech attribution ("..., kata X"), and for being
very short. The top sentences are taken greedily, skipping near-duplicates.

Topics: sumy's methods rank the candidates by their own rating (with a small nudge for
sentences that contain the query's stems); "lead" ranks by relative position in the
article; "news" uses LexRank's rating, normalised, minus half the relative position.
Sentences that tell the same fact are grouped first (see `same_fact`), so a fact told
by several outlets is one item citing all of them.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Sequence

from bot.corpus.figures.scan import find_figures
from bot.corpus.segment import IndonesianTokenizer, split_words
from bot.nlp.language import content_stems, is_content_word, stem, stop_words

METHODS: tuple[str, ...] = ("lexrank", "lsa", "textrank", "luhn", "kl", "sumbasic", "lead", "news")
SINGLE_METHODS: tuple[str, ...] = METHODS

# Merging across articles: two sentences tell the same fact when their canonical stems
# (IDF-weighted over the candidates) have a cosine of at least MERGE_COSINE; of at
# least MERGE_COSINE_FIGURE when they share an exact figure; of at least
# MERGE_COSINE_NAMES when they share two rare names (found in at most RARE_NAME_SHARE of
# the candidates). Chosen on the seeds: the Pentagon's 10,000 (000/001, cosine 0.32,
# same figure) and Rutte's confirmation (000/001/004, 0.30-0.40, "Mark Rutte", "NATO")
# merge, while unrelated sentences of the one story reach 0.2-0.3 sharing a single
# name (Kursk, NATO: the Kremlin's denial vs Rutte's confirmation is 0.21) and stay apart.
MERGE_COSINE = 0.4
MERGE_COSINE_FIGURE = 0.15
MERGE_COSINE_NAMES = 0.28
RARE_NAME_SHARE = 0.25
# The same source (person's surname or organisation) behind both sentences lowers the bar
# to MERGE_COSINE_ACTOR (Rutte calling it an "eskalasi signifikan" in 001 and 004: 0.40);
# within one article two sentences are one fact only when nearly repeated.
MERGE_COSINE_ACTOR = 0.25
# A short sentence whose figure and lower-case words all recur in a longer one is the same
# fact whatever the cosine ("Korea Utara mengirim 10.000 pasukan ke Rusia." in a long lead).
FIGURE_TERMS_COVERED = 2 / 3
MERGE_COSINE_SAME_ARTICLE = 0.6

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

_QUOTE_CHARS = '"“”'
_ATTRIBUTION = re.compile(
    r"[,\"”]\s*(kata|ujar|tutur|ucap|jelas|ungkap|imbuh|tambah|lanjut|terang|papar|tegas|sebut)(nya)?\b",
    re.IGNORECASE,
)
# Common Indonesian news abbreviations, so "Korut" and "Korea Utara" count as the same words.
_ALIASES = {
    "korut": ("korea", "utara"),
    "korsel": ("korea", "selatan"),
    "sekjen": ("sekretaris", "jenderal"),
    "as": ("amerika", "serikat"),
    "rusia-ukraina": ("rusia", "ukraina"),
}


# --------------------------------------------------------------------------- data


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


# --------------------------------------------------------------------------- words


# Per-sentence word work is memoised: a topic query re-reads the same sentences often.
@lru_cache(maxsize=16384)
def _split_words(text: str) -> tuple[str, ...]:
    return tuple(split_words(text))


def _expand(words: Sequence[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        alias = _ALIASES.get(word.lower())
        if alias:
            out.extend(alias)
        else:
            out.append(word)
    return out


@lru_cache(maxsize=16384)
def _expanded(text: str) -> tuple[str, ...]:
    return tuple(_expand(_split_words(text)))


@lru_cache(maxsize=16384)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(content_stems(_expanded(text)))


@lru_cache(maxsize=16384)
def _word_count(text: str) -> int:
    return len(_split_words(text))


def _tfidf_vectors(stem_lists: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length log-TF · IDF vectors, IDF computed over the given sentences."""
    count = len(stem_lists)
    df = Counter(s for stems in stem_lists for s in set(stems))
    idf = {s: math.log((count + 1) / (d + 0.5)) for s, d in df.items()}
    vectors = []
    for stems in stem_lists:
        weights = {s: (1 + math.log(c)) * idf[s] for s, c in Counter(stems).items()}
        norm = math.sqrt(sum(v * v for v in weights.values()))
        vectors.append({s: v / norm for s, v in weights.items()} if norm else {})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


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


@lru_cache(maxsize=16384)
def figure_keys(text: str) -> frozenset[float]:
    """Exact quantities of 100 or more in `text`, as values ("10.000", "10,000", "10 ribu" -> 10000.0).

    Read with `bot.corpus.figures.scan.find_figures` (years, dates and times are not figures);
    vague quantities ("puluhan ribu") and small numbers are too common to say two
    sentences tell the same fact, so they are left out.
    """
    return frozenset(f.value for f in find_figures(text) if not f.vague and f.value >= 100)


# --------------------------------------------------------------------------- sumy


class _WordsOnly(IndonesianTokenizer):
    """The corpus tokenizer, with each sentence's words memoised."""

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return _split_words(sentence)


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


def _sumy_ranking(sentences: Sequence[str], method: str) -> list[tuple[int, float]]:
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
        _sumy_summarizer(method)(document, capture)
    if len(captured) < len(sentences):  # sumy gave up (e.g. no content words): fall back to order
        seen = {i for i, _ in captured}
        captured.extend((i, float("-inf")) for i in range(len(sentences)) if i not in seen)
    return captured


# --------------------------------------------------------------------------- single document


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
    vectors = _tfidf_vectors([_stems(s) for s in sentences])
    centroid: Counter[str] = Counter()
    for vector in vectors:
        centroid.update(vector)
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    centre = {k: v / norm for k, v in centroid.items()}
    return NewsFeatures(
        centrality=tuple(_cosine(v, centre) for v in vectors),
        lead_similarity=tuple(_cosine(v, vectors[0]) if i else 0.0 for i, v in enumerate(vectors)),
        quote=tuple(_quote_shares(sentences)),
        attribution=tuple(bool(_ATTRIBUTION.search(s)) for s in sentences),
        words=tuple(_word_count(s) for s in sentences),
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
        if vectors is not None and any(_cosine(vectors[i], vectors[j]) > redundancy for j in chosen):
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
        ranking = _sumy_ranking(kept, method)
        local = sorted(i for i, _ in ranking[:n])
    return [usable[i] for i in local]


# --------------------------------------------------------------------------- topics


def _topic_scores(texts: Sequence[str], candidates: Sequence[Candidate], method: str, query: set[str]) -> list[float]:
    count = len(texts)
    if method == "lead":
        # lead sentences first; ties broken by retrieval order
        return [-c.position - i * 1e-6 for i, c in enumerate(candidates)]
    if method == "news":
        ranking = _sumy_ranking(texts, "lexrank")
        base = {i: r for i, r in ranking}
        finite = [r for r in base.values() if math.isfinite(r)] or [0.0]
        top = max(finite) or 1.0
        return [
            (base[i] / top if math.isfinite(base[i]) else 0.0) - 0.5 * candidates[i].position
            for i in range(count)
        ]
    ranking = _sumy_ranking(texts, method)
    # turn sumy's order into a score: rank 0 is best
    rank = {i: r for r, (i, _) in enumerate(ranking)}
    scores = [-float(rank[i]) for i in range(count)]
    if query:
        for i, text in enumerate(texts):  # a small nudge for sentences that name the topic
            if query & set(_stems(text)):
                scores[i] += 0.5
    return scores


@lru_cache(maxsize=16384)
def _capitalised(text: str) -> tuple[tuple[str, str], ...]:
    """(lower-cased word, canonical stem) for each capitalised content word of `text`."""
    out = []
    for word in _expanded(text):
        if word[:1].isupper() and is_content_word(word) and any(ch.isalpha() for ch in word):
            out.extend((word.lower(), key) for key in content_stems([word]))
    return tuple(out)


def _names(text: str, lower_forms: set[str]) -> frozenset[str]:
    """Canonical stems of the names in `text`: capitalised words never seen in lower case.

    `lower_forms` holds every word written in lower case anywhere in the texts compared, so
    "Keterlibatan" at a sentence start is not a name when "keterlibatan" occurs elsewhere.
    """
    return frozenset(key for lowered, key in _capitalised(text) if lowered not in lower_forms)


@dataclass(frozen=True)
class _Support:
    figures: frozenset[float]
    names: frozenset[str]
    stance: str | None = None  # "denied", "confirmed", "reported" or None (no reporting cue)
    actors: frozenset[str] = frozenset()  # who stands behind the sentence: "rutte", "nato", "kremlin"
    phrases: frozenset[tuple[str, str]] = frozenset()  # rare adjacent content stems: ("eskalasi", "signifikan")
    terms: frozenset[str] = frozenset()  # stems of its lower-case content words: what happens, not who
    runs: tuple[frozenset[str], ...] = ()  # the stems of each multi-word name ("Kim Jong Un")


@lru_cache(maxsize=16384)
def claim_of(text: str) -> tuple[str | None, frozenset[str]]:
    """The stance of a sentence's reporting cues and the keys of the sources it names.

    Stance is "denied" when any cue denies ("membantah", "menepis"; "tidak menyangkal"
    is not a denial), else "confirmed" when any cue confirms ("membenarkan",
    "mengonfirmasi"), else "reported" when it has any cue, else None. Actor keys are a
    person's surname, else an organisation's key ("Sekjen NATO, Mark Rutte" -> rutte);
    countries are left out: a country stands behind too many different statements.
    """
    from bot.nlp.attribution import find_cues, sources_in

    stances = {cue.stance for cue in find_cues(text)}
    if not stances:
        return None, frozenset()
    stance = "denied" if "denied" in stances else "confirmed" if "confirmed" in stances else "reported"
    actors: set[str] = set()
    for source in sources_in(text):
        if source.kind in ("pronoun", "document", "medium"):
            continue
        if source.who:  # a person speaks for themself: two spokespeople of one ministry differ
            actors.add(source.who.split()[-1].lower())
        elif source.org_key and not source.org_key.startswith("country:"):
            actors.add(source.org_key)
    return stance, frozenset(actors)


def same_fact(a: dict[str, float], b: dict[str, float], support_a: _Support, support_b: _Support) -> bool:
    """True when two sentences tell the same fact.

    `a`/`b` are IDF-weighted stem vectors; `support_*` their exact figures, rare names,
    stance and actors. Never the same fact: a denial and anything that is not a denial,
    or two sentences with exact figures none of which they share. The same source
    confirming (or denying) in both is the same fact whatever the wording ("Pentagon
    membenarkan ..." / "Pentagon mengonfirmasi ..."); the same source saying anything at
    all needs MERGE_COSINE_ACTOR or a rare phrase in common ("eskalasi signifikan"). Otherwise a cosine of MERGE_COSINE is enough on its
    own; a shared figure with two shared lower-case words (what happens to it: "dikirim",
    "tentara") lowers the bar to MERGE_COSINE_FIGURE, two shared rare names
    ("Mark Rutte") to MERGE_COSINE_NAMES.
    """
    if (support_a.stance == "denied") != (support_b.stance == "denied"):
        return False
    shared_figure = bool(support_a.figures & support_b.figures)
    if support_a.figures and support_b.figures and not shared_figure:
        return False
    similarity = _cosine(a, b)
    same_actor = bool(support_a.actors & support_b.actors)
    if same_actor and support_a.stance == support_b.stance and support_a.stance in ("confirmed", "denied"):
        return True
    if same_actor and (similarity >= MERGE_COSINE_ACTOR or support_a.phrases & support_b.phrases):
        return True
    if similarity >= MERGE_COSINE:
        return True
    if shared_figure:  # the same figure and the same thing happening to it (not only "10.000 tentara")
        common = len(support_a.terms & support_b.terms)
        shorter = min(len(support_a.terms), len(support_b.terms))
        if common >= 2 and (similarity >= MERGE_COSINE_FIGURE or common >= FIGURE_TERMS_COVERED * shorter):
            return True
    return similarity >= MERGE_COSINE_NAMES and _shared_names(support_a, support_b) >= 2


def _shared_names(a: _Support, b: _Support) -> int:
    """How many names two sentences share, a multi-word name counting once ("Kim Jong Un" is one)."""
    shared = a.names & b.names
    if not shared:
        return 0
    return min(sum(1 for run in side.runs if run & shared) or len(shared) for side in (a, b))


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")


@lru_cache(maxsize=16384)
def _name_runs(text: str) -> tuple[frozenset[str], ...]:
    """Stems of each run of capitalised words; punctuation ends a run ("NATO, Mark Rutte" is two)."""
    runs = (frozenset(content_stems(_expand(_split_words(m.group())))) for m in _NAME_RUN.finditer(text))
    return tuple(run for run in runs if run)


def _supports(texts: Sequence[str]) -> list[_Support]:
    """Each text's exact figures and rare names (rare among these texts)."""
    lower_forms = {w for t in texts for w in _split_words(t) if w.islower()}
    names = [_names(t, lower_forms) for t in texts]
    name_df = Counter(n for ns in names for n in ns)
    rare = {n for n, d in name_df.items() if d <= max(1.0, RARE_NAME_SHARE * len(texts))}
    # phrases: two adjacent content stems, not both parts of a name ("Korea Utara")
    phrases = [frozenset(p for p in _phrases(t) if not (p[0] in names[i] and p[1] in names[i])) for i, t in enumerate(texts)]
    phrase_df = Counter(p for ps in phrases for p in ps)
    rare_phrase = {p for p, d in phrase_df.items() if d <= max(2.0, RARE_NAME_SHARE * len(texts))}
    supports = []
    for i, text in enumerate(texts):
        stance, actors = claim_of(text)
        supports.append(
            _Support(figure_keys(text), names[i] & rare, stance, actors, phrases[i] & rare_phrase, _terms(text),
                     _name_runs(text))
        )
    return supports


@lru_cache(maxsize=16384)
def _terms(text: str) -> frozenset[str]:
    return frozenset(content_stems([w for w in _expanded(text) if w.islower() and w.isalpha()]))


@lru_cache(maxsize=16384)
def _phrases(text: str) -> frozenset[tuple[str, str]]:
    stems = _stems(text)
    return frozenset(zip(stems, stems[1:]))


_NONE: frozenset[Any] = frozenset()


def _linked(
    unique: Sequence[Candidate], vectors: Sequence[dict[str, float]], support: Sequence[_Support], i: int, j: int
) -> bool:
    # within one article only a near-repeat, or the same source's confirmation (denial)
    # told twice, merges: shared names and figures there are the article's subject
    if unique[i].article == unique[j].article:
        a, b = support[i], support[j]
        if _cosine(vectors[i], vectors[j]) >= MERGE_COSINE_SAME_ARTICLE:
            return same_fact(vectors[i], vectors[j], _Support(_NONE, _NONE, a.stance), _Support(_NONE, _NONE, b.stance))
        return (
            a.stance == b.stance
            and a.stance in ("confirmed", "denied")
            and bool(a.actors & b.actors)
            and same_fact(vectors[i], vectors[j], a, b)
        )
    return same_fact(vectors[i], vectors[j], support[i], support[j])


def _fact_clusters(
    unique: Sequence[Candidate], vectors: Sequence[dict[str, float]], support: Sequence[_Support]
) -> list[list[int]]:
    """Group candidates that tell the same fact (complete linkage over `same_fact`).

    Pairs are joined most similar first, and two groups join only when every pair across
    them tells the same fact, so a chain A~B~C never merges A with an unrelated C.
    """
    count = len(unique)
    linked: set[tuple[int, int]] = set()
    pairs: list[tuple[float, int, int]] = []
    for i in range(count):
        for j in range(i + 1, count):
            if _linked(unique, vectors, support, i, j):
                linked.add((i, j))
                pairs.append((_cosine(vectors[i], vectors[j]), i, j))
    group = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        if all((min(x, y), max(x, y)) in linked for x in members[gi] for y in members[gj]):
            for x in members[gj]:
                group[x] = gi
            members[gi].extend(members.pop(gj))
    return [sorted(m) for m in members.values()]


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
    words_in = sum(_word_count(c.text) for c in unique)
    if not unique or n < 1:
        return TopicSummary(items=[], keywords=[], words_in=words_in, words_out=0)

    texts = [c.text for c in unique]
    stem_lists = [_stems(t) for t in texts]
    vectors = _tfidf_vectors(stem_lists)
    support = _supports(texts)
    head = min(len(unique), _RANK_LIMIT_BY_METHOD.get(method, TOPIC_RANK_LIMIT))
    clusters = _fact_clusters(unique[:head], vectors[:head], support[:head])
    query = set(content_stems(_expand([w for term in query_terms for w in _split_words(term)])))
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

    def mean_cosine(j: int, group: list[int]) -> float:
        return sum(_cosine(vectors[j], vectors[x]) for x in group) / len(group)

    ranked_members = {m: [x for x in [m, *members[m]] if x < head] for m in mains}
    home_of: dict[str, int | None] = {}
    for j in range(head, len(unique)):
        # beyond the ranked head: join the item whose every sentence tells the same fact
        # (as grouping does), the closest on average when several do
        # (only the ranked members count: comparing with every sentence joined so far
        # would grow quadratically when many outlets repeat one sentence)
        if unique[j].text not in home_of:
            homes = [m for m in mains if all(_linked(unique, vectors, support, j, x) for x in ranked_members[m])]
            home_of[unique[j].text] = max(homes, key=lambda m: mean_cosine(j, ranked_members[m])) if homes else None
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
    words_out = sum(_word_count(unique[m].text) for m in mains)
    return TopicSummary(
        items=items,
        keywords=_keywords(texts, stem_lists, query),
        words_in=words_in,
        words_out=words_out,
    )


def _query_stems(query_terms: Sequence[str]) -> list[str]:
    return content_stems(_expand([w for term in query_terms for w in _split_words(term)]))


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
        stems = _stems(text)
        if not set(wanted) <= set(stems):
            fits.append(0)
        elif len(wanted) == 1 or any(
            tuple(stems[k : k + len(wanted)]) == tuple(wanted) for k in range(len(stems) - len(wanted) + 1)
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
        or _word_count(text) < FRAGMENT_WORDS
    )


@lru_cache(maxsize=16384)
def _surfaces(text: str) -> tuple[tuple[str, str], ...]:
    """(canonical stem, surface word) for each content word of `text` that has a letter."""
    stops = stop_words()
    pairs = []
    for word in _expanded(text):
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
    for text, stems in zip(texts, stem_lists):
        spread.update(set(stems))
        total.update(stems)
        for key, word in _surfaces(text):
            surfaces.setdefault(key, Counter())[word] += 1
    ranked = sorted(
        (s for s in spread if s not in query and s in surfaces and any(ch.isalpha() for ch in s)),
        key=lambda s: (-spread[s], -total[s], s),
    )
    return [surfaces[s].most_common(1)[0][0] for s in ranked[:limit]]
