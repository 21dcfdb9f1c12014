"""What a sentence says happened, as deciding "the same fact" needs it: figures, polarity, marks, time.

Shared words do not make two sentences one fact; what happened must agree. This module
reads, for one sentence:

- `figures`: its exact figures (`fact_figures`, `bot.corpus.figures.scan`), each with its
  kind: a percentage, a sum of money or a count ("4,2 persen" is not "Rp 4,2 miliar";
  "Rp 9.000" is not "9.000 orang"; "10.000 tentara" is "10,000 prajurit"). Vague
  quantities ("puluhan ribu") are left out: they say how big, not what happened;
- `negated`: whether it denies anything ("tidak", "belum", "tanpa"; `data/event_markers.tsv`),
  leaving out phrases that do not ("tidak hanya ... tetapi juga": `data/not_negating.txt`);
- `marks`: for each lower-case content word, how it is marked by the words just before it
  (not, future, able, must, done, ongoing: "tak akan menyantap" is {not, future}); a
  reporting cue's words are left out ("saya dapat mengonfirmasi" says who tells);
- `kinds`: what kind of telling its reporting cues are (confirmed, denied, claimed,
  alleged, estimated, predicted, decided; `bot.nlp.voices.cues_of`);
- `years` and `months`: the years it states and the months of its dates (day and month:
  "Senin (28/10)", "29 Oktober"; two reports of one event often differ by a day).

`conflict(a, b)` names the first way two sentences disagree on what happened, or None.
Everything is symmetric in a and b.

Public API:
    Happening(figures, negated, marks, kinds, years, months)
    happening(text) -> Happening         (memoised per text)
    fact_figures(text) -> frozenset[tuple[float, str]]
    conflict(a: Happening, b: Happening) -> str | None
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.corpus.figures.scan import find_figures
from bot.corpus.figures.units import is_money
from bot.nlp import vocab
from bot.nlp.language import content_stems
from bot.nlp.textvec import words
from bot.nlp.voices import cues_of

#: how many words before an event word may mark it ("yang tak akan bisa menyantap"); the
#: look back stops at the word before that is itself a content word
MARK_WINDOW = 3
#: marks that change what happened; "done" and "ongoing" alone only say when
MODAL = frozenset({"not", "future", "able", "must"})

#: cue stances that say only that something was told, not what kind of telling it was
PLAIN_KINDS = frozenset({"reported", "unverified"})

_YEAR = re.compile(r"(?<![\d/.,-])(?:19|20)\d\d(?![\d/.,-]?\d)")
_DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})\s?/\s?(\d{1,2})(?![\d])")


@dataclass(frozen=True)
class Happening:
    """What one sentence says happened (see the module docstring)."""

    figures: frozenset[tuple[float, str]]
    negated: bool
    marks: tuple[tuple[str, frozenset[str]], ...]  # (content stem, its marks) for each marked stem
    kinds: frozenset[str]  # stances of its reporting cues that say what kind of telling it is
    years: frozenset[int]
    months: frozenset[int]  # of the dates it states: a day's difference is often the report's, not the event's


@cache
def _markers() -> dict[str, str]:
    return vocab.table("event_markers").mapping("mark")


@cache
def _not_negating() -> re.Pattern[str]:
    phrases = sorted(vocab.words("not_negating"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


@cache
def _months() -> dict[str, int]:
    names = vocab.word_list("calendar")[:12]  # the file lists the months first, in order
    return {name: k + 1 for k, name in enumerate(names)}


def fact_figures(text: str) -> frozenset[tuple[float, str]]:
    """(value, kind) of each exact figure in `text`: kind "%", "money" or "" (a count)."""
    found = set()
    for f in find_figures(text):
        if f.vague:
            continue
        found.add((f.value, "%" if f.unit == "%" else "money" if is_money(f.unit) else ""))
    return frozenset(found)


def _marks(tokens: list[str], cue_words: frozenset[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    markers = _markers()
    out: dict[str, set[str]] = {}
    for k, word in enumerate(tokens):
        if not word.islower() or word in markers or word in cue_words:
            continue  # a reporting cue ("dapat mengonfirmasi") says who tells, not what happened
        marks = set()
        for before in reversed(tokens[max(0, k - MARK_WINDOW) : k]):
            if before not in markers:
                break  # only the marks right in front of a word are its own
            marks.add(markers[before])
        if marks:
            for stem in content_stems([word]):
                out.setdefault(stem, set()).update(marks)
    return tuple(sorted((stem, frozenset(marks)) for stem, marks in out.items()))


def _months_of(text: str) -> frozenset[int]:
    """The months of the dates `text` states ("(28/10/2024)", "29 Oktober 2024" -> {10})."""
    found = {int(m) for d, m in _DAY_MONTH.findall(text) if 1 <= int(d) <= 31 and 1 <= int(m) <= 12}
    tokens = [w.lower() for w in words(text)]
    months = _months()
    for k, word in enumerate(tokens[1:], start=1):
        if word in months and tokens[k - 1].isdigit() and 1 <= int(tokens[k - 1]) <= 31:
            found.add(months[word])
    return frozenset(found)


@lru_cache(maxsize=16384)
def happening(text: str) -> Happening:
    """What `text` says happened."""
    plain = _not_negating().sub(" ", text)
    tokens = [w if w[:1].isupper() else w.lower() for w in words(plain)]
    markers = _markers()
    negated = any(markers.get(w.lower()) == "not" for w in tokens)
    cues = cues_of(text)
    cue_words = frozenset(w.lower() for cue in cues for w in words(cue.text))
    kinds = frozenset(str(cue.stance.value) for cue in cues) - PLAIN_KINDS
    years = frozenset(int(y) for y in _YEAR.findall(text))
    return Happening(fact_figures(text), negated, _marks(tokens, cue_words), kinds, years, _months_of(text))


def _modal(marks: frozenset[str]) -> frozenset[str]:
    return marks & MODAL


def conflict(a: Happening, b: Happening) -> str | None:
    """The first way `a` and `b` disagree on what happened ("figures", "polarity", "marks",
    "kind", "time"), or None when nothing they both state disagrees."""
    if a.figures != b.figures:
        return "figures"
    if a.negated != b.negated:
        return "polarity"
    marks_b = dict(b.marks)
    for stem, marks in a.marks:
        mine, theirs = _modal(marks), _modal(marks_b.get(stem, frozenset()))
        if mine and theirs and mine != theirs:
            return "marks"  # both mark the word, differently; one unmarked ("penutupan") says no more
    if a.kinds and b.kinds and a.kinds != b.kinds:
        return "kind"  # an estimate is not a decision, a claim not a confirmation
    if (a.years and b.years and not a.years & b.years) or (a.months and b.months and not a.months & b.months):
        return "time"
    return None


__all__ = ["Happening", "conflict", "fact_figures", "happening"]
