"""Who stands behind a sentence, as the summaries need it: the one place they call the attribution code.

`voice_of(text)` reads a sentence's reporting cues and named sources with
`bot.nlp.attribution` (`find_cues`, `sources_in`) and keeps what deciding "the same
fact" needs: the stance and who is named. `speaker_before(sentences)` names the person an
opening pronoun stands for, using `attribute` on the sentence and those before it.

Public API:
    Voice(stance, people, bodies, unresolved)
    voice_of(text) -> Voice
    same_voice(a, b) -> bool
    speaker_before(sentences: Sequence[str]) -> str | None
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.models import Sentence
from bot.nlp.aliases import fold_word, load_aliases

_QUOTES = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class Voice:
    """Who stands behind a sentence.

    `stance`: "denied" when any cue denies ("membantah", "menepis"), else "confirmed" when
    any confirms, else "reported" when it has any cue, else None. `people`: each named
    person's name words (folded: "Mark Rutte" -> {"mark", "rutte"}); `bodies`: organisation
    and country keys ("pentagon", "country:Ukraine"). `unresolved`: someone speaks who is
    not named here (a pronoun, or a quotation with no speaker in the sentence).
    """

    stance: str | None = None
    people: tuple[frozenset[str], ...] = ()
    bodies: frozenset[str] = frozenset()
    unresolved: bool = False

    @property
    def named(self) -> bool:
        return bool(self.people or self.bodies)


def _person(name: str) -> frozenset[str]:
    entry = load_aliases().lookup(name)
    words = frozenset(fold_word(w) for w in name.split() if w)
    if entry is not None and entry.kind == "person":
        return words | {f"key:{entry.key}"}
    return words


@lru_cache(maxsize=16384)
def voice_of(text: str) -> Voice:
    """The stance of a sentence's reporting cues and the people and bodies it names as sources."""
    from bot.nlp.attribution import find_cues, sources_in

    stances = {cue.stance for cue in find_cues(text)}
    stance = None
    if stances:
        stance = "denied" if "denied" in stances else "confirmed" if "confirmed" in stances else "reported"
    people: list[frozenset[str]] = []
    bodies: set[str] = set()
    pronoun = False
    for source in sources_in(text) if stances or _QUOTES.search(text) else ():
        if source.kind == "pronoun":
            pronoun = True
        elif source.kind in ("document", "medium", "reporter"):
            continue
        elif source.who:
            people.append(_person(source.who))
            if source.org_key and not source.speaks_for_org:
                continue
            if source.org_key:
                bodies.add(source.org_key)
        elif source.org_key:
            bodies.add(source.org_key)
    quoted_alone = bool(_QUOTES.search(text)) and not people and not bodies
    return Voice(stance, tuple(people), frozenset(bodies), unresolved=pronoun or quoted_alone)


def _same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    keys_a = {w for w in a if w.startswith("key:")}
    keys_b = {w for w in b if w.startswith("key:")}
    if keys_a and keys_b:
        return bool(keys_a & keys_b)
    plain_a, plain_b = a - keys_a, b - keys_b
    return bool(plain_a and plain_b) and (plain_a <= plain_b or plain_b <= plain_a)


def same_voice(a: Voice, b: Voice) -> bool:
    """True when both name the same source: the same person ("Rutte" is "Mark Rutte"), or,
    when one of them names no person, the same body. Two people of one body are two voices."""
    if a.people and b.people:
        return any(_same_person(x, y) for x in a.people for y in b.people)
    return bool(a.bodies & b.bodies)


def speaker_before(sentences: Sequence[str], *, speech: bool = False) -> str | None:
    """The person the last sentence's opening pronoun stands for, named in the sentences before it.

    The attribution code resolves a pronoun that is the source of a reporting cue ("Ia
    menyatakan ..."). With `speech` (the pronoun is a speaker by its form: "Menurutnya",
    '"...," katanya'), the nearest sentence before that names a source is used when that
    source is a person. None when nobody is found, or only a body: no name beats a wrong one.
    """
    from bot.nlp.attribution import attribute

    if not sentences:
        return None
    found = attribute([Sentence(k + 1, 1, text) for k, text in enumerate(sentences)], len(sentences) - 1)
    if found.source is not None and found.borrowed:
        return found.who if found.source.kind == "person" else None
    if not speech or (found.source is not None and found.source.kind != "pronoun"):
        return None
    for text in reversed(sentences[:-1]):
        before = attribute([Sentence(1, 1, text)], 0)
        if before.source is not None and before.source.kind != "pronoun":
            return before.who if before.source.kind == "person" else None
    return None


__all__ = ["Voice", "same_voice", "speaker_before", "voice_of"]
