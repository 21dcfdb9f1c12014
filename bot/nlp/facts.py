"""Which candidate sentences tell the same fact, so a fact told by several outlets is one item.

Two sentences are one fact only when they agree on what happened, not merely share words
(`same_fact`): nothing they both state about the happening disagrees (`bot.nlp.happening`:
the same exact figures, or none; the same polarity; the same marks on a shared event
word, "akan" / "sudah" / "bisa"; the same year and month where both give one), no denial
set against a non-denial, and the same source whenever either names one ("Pentagon
membenarkan ..." is not "Korea Utara mengirim ..." told by nobody, nor what a Western
diplomat said), even when the wording is nearly the same; the same people or bodies
acting; and wording close enough for the case: a near repeat needs two content words in
common, and a statement (or an unsourced sentence) shares at least half of the shorter
one's content words with the other, so one speaker saying two things about one subject
stays two items. A sentence whose content is only a
pointer to the sentence before it ("Namun hal itu dibantah oleh Kremlin") says nothing
that could be compared, and joins nothing but a near repeat.

The thresholds are set on the tuning part of the judged pairs in eval/merges/ and checked
on its held-out part (`bench/merges.py` prints both).

Public API:
    Support                          what a sentence says beyond its words
    supports(texts) -> Supports                       (a sequence of Support, worked out when first read)
    same_fact(a, b, support_a, support_b) -> bool     a, b: TF-IDF vectors of the two sentences
    linked(articles, vectors, support, i, j) -> bool  same_fact, or a near repeat inside one article
    fact_clusters(articles, vectors, support) -> list[list[int]]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.nlp.aliases import fold_word, load_aliases
from bot.nlp.backrefs import back_reference
from bot.nlp.happening import Happening, conflict, happening
from bot.nlp.language import content_stems
from bot.nlp.textvec import cosine, folded, words
from bot.nlp.voices import Voice, same_voice, voice_of

#: at this cosine two sentences are the same sentence told twice (only figures and denials still count)
NEAR_REPEAT = 0.8
#: the same named source, confirming (or denying) in both: the wording may differ a lot
#: ("membenarkan pengiriman 10,000 prajurit" / "mengonfirmasi ... 10.000 tentara dikirim")
SAME_SOURCE_FIRM = 0.2
#: ... or, when they share fewer than SHARED_TERMS lower-case words, this close
SAME_SOURCE_FIRM_WORDS = 0.4
#: the same named source saying something in both: close wording with a phrase in common
#: ("eskalasi signifikan"), or closer wording still
SAME_SOURCE = 0.3
SAME_SOURCE_NO_PHRASE = 0.5
#: nobody named in either: only a close restatement is the same fact
UNSOURCED = 0.65
#: inside one article two sentences are one item only when nearly repeated
SAME_ARTICLE = 0.6
#: a statement told twice shares at least this part of the shorter one's content words
COVER = 0.5
#: a sentence pointing back with fewer content words than this has no content of its own
HOLLOW_TERMS = 4
#: below a near repeat, two sentences share at least this many lower-case content words (what happens)
SHARED_TERMS = 2

_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")


@dataclass(frozen=True)
class Support:
    """What a sentence says beyond its words: what happened, who stands behind it, who acts."""

    happening: Happening
    voice: Voice
    actors: tuple[frozenset[str], ...] = ()  # name words of each person or body named (not places)
    hollow: bool = False  # points back and has next to no content of its own
    phrases: frozenset[tuple[str, str]] = frozenset()  # adjacent lower-case content stems
    terms: frozenset[str] = frozenset()  # lower-case content stems: what happens, not who


@lru_cache(maxsize=16384)
def _terms(text: str) -> frozenset[str]:
    """Stems of the lower-case content words: what happens, not who.

    The first word counts when only its position capitalises it ("Kedatangan tentara ...").
    """
    found = list(folded(text))
    if found and found[0][:1].isupper() and load_aliases().lookup(found[0]) is None:
        found[0] = found[0].lower()
    return frozenset(content_stems([w for w in found if w.islower() and w.replace("-", "").isalpha()]))


@lru_cache(maxsize=16384)
def _actors(text: str) -> tuple[frozenset[str], ...]:
    """The people and bodies a sentence names (capitalised runs, known places left out)."""
    table = load_aliases()
    found = []
    for m in _NAME_RUN.finditer(text):
        run = words(m.group())
        if m.start() == 0 and len(run) == 1:
            continue  # a capitalised first word is usually just the sentence's first word
        for span in table.spans(run) or (None,):
            if span is not None and span.alias.kind in ("place", "role", "term"):
                continue
            part = run if span is None else run[span.start : span.end]
            name = frozenset(fold_word(w) for w in part) | ({f"key:{span.alias.key}"} if span else set())
            found.append(name)
    return tuple(found)


@lru_cache(maxsize=16384)
def _phrases(text: str) -> frozenset[tuple[str, str]]:
    keyed = [(stem, word.islower()) for word in folded(text) for stem in content_stems([word])]
    return frozenset((a, b) for (a, lower_a), (b, lower_b) in itertools.pairwise(keyed) if lower_a and lower_b)


@lru_cache(maxsize=16384)
def _support(text: str) -> Support:
    back = back_reference(text)
    hollow = back is not None and back.kind != "connective" and len(_terms(text)) < HOLLOW_TERMS
    return Support(happening(text), voice_of(text), _actors(text), hollow, _phrases(text), _terms(text))


class Supports(Sequence[Support]):
    """The Support of each text, worked out when first asked for (most candidates of a large
    topic are only ever compared by their words)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = list(texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Supports(self._texts[index])
        return _support(self._texts[index])


def supports(texts: Sequence[str]) -> Supports:
    """Each text's Support (computed lazily, cached per text)."""
    return Supports(texts)


def _same_name(a: frozenset[str], b: frozenset[str]) -> bool:
    keys = {w for w in a | b if w.startswith("key:")}
    if keys and (a & keys) and (b & keys):
        return bool(a & b & keys)
    plain_a = {w for w in a if not w.startswith("key:")}
    plain_b = {w for w in b if not w.startswith("key:")}
    return plain_a <= plain_b or plain_b <= plain_a


def _same_actors(a: Support, b: Support) -> bool:
    """Everyone one sentence names as acting is named by the other too (when both name anyone)."""
    if not a.actors or not b.actors:
        return True
    return all(any(_same_name(x, y) for y in b.actors) for x in a.actors) or all(
        any(_same_name(y, x) for x in a.actors) for y in b.actors
    )


def same_fact(a: dict[str, float], b: dict[str, float], support_a: Support, support_b: Support) -> bool:
    """True when two sentences (TF-IDF vectors `a`, `b`) tell the same fact (see the module docstring)."""
    if (support_a.voice.stance == "denied") != (support_b.voice.stance == "denied"):
        return False
    if conflict(support_a.happening, support_b.happening) is not None:
        return False
    va, vb = support_a.voice, support_b.voice
    if (va.named or vb.named) and (not same_voice(va, vb) or va.stance != vb.stance):
        return False
    similarity = cosine(a, b)
    shared = support_a.terms & support_b.terms
    shared_terms = len(shared) >= SHARED_TERMS
    if similarity >= NEAR_REPEAT:
        return shared_terms  # the same few words ("tak tahu apa-apa" / "enggak apa-apa") are not a fact
    if support_a.hollow or support_b.hollow or va.unresolved or vb.unresolved:
        return False
    if va.named or vb.named:
        if va.stance in ("confirmed", "denied"):
            return similarity >= SAME_SOURCE_FIRM and (shared_terms or similarity >= SAME_SOURCE_FIRM_WORDS)
        shared_phrase = bool(support_a.phrases & support_b.phrases)
        close = similarity >= (SAME_SOURCE if shared_phrase else SAME_SOURCE_NO_PHRASE)
        return shared_terms and close and _covered(shared, support_a, support_b)
    return (
        shared_terms
        and similarity >= UNSOURCED
        and _covered(shared, support_a, support_b)
        and _same_actors(support_a, support_b)
    )


def _covered(shared: frozenset[str], a: Support, b: Support) -> bool:
    """At least half of the shorter sentence's content words are in the other: one speaker
    saying two things about one subject shares a few of them, not half."""
    return len(shared) >= COVER * min(len(a.terms), len(b.terms))


def linked(
    articles: Sequence[str], vectors: Sequence[dict[str, float]], support: Sequence[Support], i: int, j: int
) -> bool:
    """True when candidates i and j (of `articles[i]`, `articles[j]`) may be one item."""
    if cosine(vectors[i], vectors[j]) < SAME_SOURCE_FIRM:
        return False  # below every bar: no need to read who said what
    if articles[i] == articles[j]:
        # within one article: a near repeat, or one source's confirmation (denial) told twice
        a, b = support[i], support[j]
        firm = a.voice.stance in ("confirmed", "denied") and a.voice.named and b.voice.named
        if cosine(vectors[i], vectors[j]) < SAME_ARTICLE and not firm:
            return False
    return same_fact(vectors[i], vectors[j], support[i], support[j])


def fact_clusters(
    articles: Sequence[str], vectors: Sequence[dict[str, float]], support: Sequence[Support]
) -> list[list[int]]:
    """Group candidates that tell the same fact (complete linkage over `linked`).

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
