"""Sentences that open by pointing back at what came before them ("Ia menyatakan ...", "Laporan ini ...").

A summary item is read without the sentence before it, so an opening that refers back
leaves the reader asking "who?" or "what?". `back_reference` says whether a sentence opens
that way and how: a connective that can be left out ("Selain itu, ..."), a subject pronoun
("Ia", "Mereka", "Menurutnya"), or a word pointing at something said before early in the
sentence ("Laporan ini", "Namun hal itu", "Dalam kesempatan tersebut", "Di sana", "peran
mereka"; not a pronoun after a name of the same sentence: "Lee mengatakan bahwa dia ..."). The
word lists are data (`data/backrefs.tsv`), read once.

Public API:
    BackReference(kind, start, end, connective_end)
        kind: "connective" | "pronoun" | "referent"; text[start:end] is the pointing words;
        text[:connective_end] is a leading connective with its comma (0 when there is none)
    back_reference(text) -> BackReference | None
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.nlp.language import root_words, stem
from bot.nlp.vocab import VocabularyError, table

#: a word pointing back counts when it is among the sentence's first REFERENT_WINDOW words
REFERENT_WINDOW = 7
#: "ini" after these means now, not "the thing said before" ("hari ini", "saat ini")
_TIME_WORDS = frozenset(
    "hari saat kali tahun pekan minggu bulan malam pagi siang sore sejauh selama musim abad era masa detik"
    " sampai hingga baru-baru".split()
)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LEAD = re.compile(r"^[\s\"“”'‘’(\[–—-]*")


@dataclass(frozen=True)
class BackReference:
    """How a sentence opens by pointing back (see the module docstring)."""

    kind: str
    start: int
    end: int
    connective_end: int = 0


@dataclass(frozen=True)
class _Lists:
    connectives: tuple[tuple[str, ...], ...]  # longest first
    pronouns: frozenset[str]
    referents: tuple[tuple[str, ...], ...]
    adverbs: frozenset[str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    found: dict[str, list[tuple[str, ...]]] = {"connective": [], "pronoun": [], "referent": [], "adverb": []}
    for words, kind in table("backrefs").rows:
        if kind not in found:
            raise VocabularyError(f"backrefs.tsv: {words!r} has an unknown kind {kind!r}")
        found[kind].append(tuple(words.split()))
    return _Lists(
        connectives=tuple(sorted(found["connective"], key=len, reverse=True)),
        pronouns=frozenset(w[0] for w in found["pronoun"]),
        referents=tuple(found["referent"]),
        adverbs=frozenset(w[0] for w in found["adverb"]),
    )


def _words(text: str, start: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, start))


@lru_cache(maxsize=16384)
def back_reference(text: str) -> BackReference | None:
    """How `text` opens by pointing back at an earlier sentence, or None when it reads on its own."""
    lists = _lists()
    begin = _LEAD.match(text).end()  # type: ignore[union-attr]
    words = _words(text, begin)
    if not words:
        return None
    lowered = [w.group().lower() for w in words]
    connective_end = 0
    skip = 0
    for phrase in lists.connectives:
        if tuple(lowered[: len(phrase)]) == phrase:
            skip = len(phrase)
            end = words[skip - 1].end()
            tail = re.match(r"\s*,?\s*", text[end:])
            connective_end = end + (tail.end() if tail else 0)
            break
    rest = words[skip:]
    low = lowered[skip:]
    if rest and (low[0] in lists.pronouns or _possessive(low[0], lists)):
        return BackReference("pronoun", rest[0].start(), rest[0].end(), connective_end)
    for k in range(min(REFERENT_WINDOW, len(low))):
        if k and low[k] in lists.pronouns and not _named(rest[:k]):  # "Namun keberadaan dan peran mereka ..."
            return BackReference("referent", rest[0].start(), rest[k].end(), connective_end)
        for phrase in lists.referents:
            if tuple(low[k : k + len(phrase)]) != phrase:
                continue
            if len(phrase) == 1 and phrase[0] == "ini" and k > 0 and low[k - 1] in _TIME_WORDS:
                continue
            return BackReference("referent", rest[0].start(), rest[k + len(phrase) - 1].end(), connective_end)
    if connective_end:
        return BackReference("connective", words[0].start(), words[skip - 1].end(), connective_end)
    return None


def _named(words: list[re.Match[str]]) -> bool:
    """Whether a name comes among `words` (so a pronoun after them can stand for it: "Lee
    mengatakan bahwa dia ..."): a capitalised word past the first, or a first word that is
    not an Indonesian word ("Lee", not "Keberadaan")."""
    for k, match in enumerate(words):
        word = match.group()
        if word[:1].isupper() and (k or stem(word.lower()) not in root_words()):
            return True
    return False


def _possessive(word: str, lists: _Lists) -> bool:
    """An opening word with -nya pointing back ("Pendirinya", "Menurutnya"): not an adverb
    ("Sebelumnya"), and what is left without -nya is a word ("Ditanya" is not "dita" + -nya)."""
    if not word.endswith("nya") or len(word) <= 5 or word in lists.adverbs:
        return False
    return stem(word[:-3]) in root_words()


__all__ = ["BackReference", "back_reference"]
