"""Which candidate sentences tell the same fact, so a fact told by several outlets is one item.

Pure and synchronous. `fact_clusters` groups a topic's candidates by complete linkage over
`linked`, which asks `same_fact` for sentences of different articles and allows only near
repeats (or one source's confirmation told twice) inside one article.

Public API:
    Support                          what a sentence says beyond its words: figures, names, stance, sources
    supports(texts) -> list[Support]  (names and phrases are "rare" relative to these texts)
    claim_of(text) -> (stance, actor keys)
    same_fact(a, b, support_a, support_b) -> bool     a, b: TF-IDF vectors of the two sentences
    linked(articles, vectors, support, i, j) -> bool
    fact_clusters(articles, vectors, support) -> list[list[int]]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from bot.nlp.aliases import load_aliases
from bot.nlp.language import content_stems, is_content_word
from bot.nlp.textvec import cosine, figure_keys, folded, stems, words

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


@lru_cache(maxsize=16384)
def _capitalised(text: str) -> tuple[tuple[str, str], ...]:
    """(lower-cased word, canonical stem) for each capitalised content word of `text`."""
    out = []
    for word in folded(text):
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
class Support:
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


def same_fact(a: dict[str, float], b: dict[str, float], support_a: Support, support_b: Support) -> bool:
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
    similarity = cosine(a, b)
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


def _shared_names(a: Support, b: Support) -> int:
    """How many names two sentences share, a multi-word name counting once ("Kim Jong Un" is one)."""
    shared = a.names & b.names
    if not shared:
        return 0
    return min(sum(1 for run in side.runs if run & shared) or len(shared) for side in (a, b))


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")


@lru_cache(maxsize=16384)
def _name_runs(text: str) -> tuple[frozenset[str], ...]:
    """Stems of each run of capitalised words; punctuation ends a run ("NATO, Mark Rutte" is two)."""
    runs = (frozenset(content_stems(load_aliases().fold(words(m.group())))) for m in _NAME_RUN.finditer(text))
    return tuple(run for run in runs if run)


def supports(texts: Sequence[str]) -> list[Support]:
    """Each text's exact figures and rare names (rare among these texts)."""
    lower_forms = {w for t in texts for w in words(t) if w.islower()}
    names = [_names(t, lower_forms) for t in texts]
    name_df = Counter(n for ns in names for n in ns)
    rare = {n for n, d in name_df.items() if d <= max(1.0, RARE_NAME_SHARE * len(texts))}
    # phrases: two adjacent content stems, not both parts of a name ("Korea Utara")
    phrases = [frozenset(p for p in _phrases(t) if not (p[0] in names[i] and p[1] in names[i])) for i, t in enumerate(texts)]
    phrase_df = Counter(p for ps in phrases for p in ps)
    rare_phrase = {p for p, d in phrase_df.items() if d <= max(2.0, RARE_NAME_SHARE * len(texts))}
    out = []
    for i, text in enumerate(texts):
        stance, actors = claim_of(text)
        out.append(
            Support(figure_keys(text), names[i] & rare, stance, actors, phrases[i] & rare_phrase, _terms(text),
                    _name_runs(text))
        )
    return out


@lru_cache(maxsize=16384)
def _terms(text: str) -> frozenset[str]:
    return frozenset(content_stems([w for w in folded(text) if w.islower() and w.isalpha()]))


@lru_cache(maxsize=16384)
def _phrases(text: str) -> frozenset[tuple[str, str]]:
    found = stems(text)
    return frozenset(zip(found, found[1:]))


_NONE: frozenset[Any] = frozenset()


def linked(
    articles: Sequence[str], vectors: Sequence[dict[str, float]], support: Sequence[Support], i: int, j: int
) -> bool:
    """True when candidates i and j (of `articles[i]`, `articles[j]`) may be one item."""
    # within one article only a near-repeat, or the same source's confirmation (denial)
    # told twice, merges: shared names and figures there are the article's subject
    if articles[i] == articles[j]:
        a, b = support[i], support[j]
        if cosine(vectors[i], vectors[j]) >= MERGE_COSINE_SAME_ARTICLE:
            return same_fact(vectors[i], vectors[j], Support(_NONE, _NONE, a.stance), Support(_NONE, _NONE, b.stance))
        return (
            a.stance == b.stance
            and a.stance in ("confirmed", "denied")
            and bool(a.actors & b.actors)
            and same_fact(vectors[i], vectors[j], a, b)
        )
    return same_fact(vectors[i], vectors[j], support[i], support[j])


def fact_clusters(
    articles: Sequence[str], vectors: Sequence[dict[str, float]], support: Sequence[Support]
) -> list[list[int]]:
    """Group candidates that tell the same fact (complete linkage over `same_fact`).

    Pairs are joined most similar first, and two groups join only when every pair across
    them tells the same fact, so a chain A~B~C never merges A with an unrelated C.
    """
    count = len(articles)
    joined: set[tuple[int, int]] = set()
    pairs: list[tuple[float, int, int]] = []
    for i in range(count):
        for j in range(i + 1, count):
            if linked(articles, vectors, support, i, j):
                joined.add((i, j))
                pairs.append((cosine(vectors[i], vectors[j]), i, j))
    group = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        if all((min(x, y), max(x, y)) in joined for x in members[gi] for y in members[gj]):
            for x in members[gj]:
                group[x] = gi
            members[gi].extend(members.pop(gj))
    return [sorted(m) for m in members.values()]

