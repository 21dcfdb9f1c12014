"""Boilerplate learned from the corpus: sentences that recur, near-identical, across different stories.

An outlet's footer ("DailySocial.id adalah portal berita startup ..."), a subscription
plea or a standard disclaimer ends many articles that tell different stories; news does
not. A sentence is boilerplate when its print recurs in at least MIN_STORIES different
stories. Syndicated copies of one story (the same lead sentence or the same title) count
once, so a story told by three outlets is not boilerplate.

Two prints per sentence find near-identical text:
- `exact`: its words lower-cased, diacritics and punctuation dropped, every number (with
  its separators) 0, so "diunduh 1.200 kali" and "diunduh 35 kali" print alike;
- `skeleton`: only its words written in lower case, for long sentences that are mostly
  such words, so a footer that names the article's own subject still matches.

Pure: the store keeps the prints (`bot.store.boilerplate`) and calls `learn`.

Public API:
    MIN_WORDS, MIN_STORIES
    sentence_prints(text) -> Prints(exact, skeleton)    empty strings when too short
    print_hash(print) -> int                         a print as a signed 64-bit integer; 0 for ''
    sentence_hashes(text) -> (exact, skeleton | None)   both prints hashed, as a sentence row stores them
    title_print(title) -> str
    Occurrence(print_kind, print, article, sentence, outlet)
    learn(occurrences, story_keys) -> dict[(article, sentence), Learned]
    with_learned(article, learned) -> Article        its learned boilerplate listed among its removals
    without_boilerplate(article) -> Article          those sentences dropped (the others keep their numbers)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.models import Article, Removal

#: shorter sentences are not judged ("Baca juga", datelines and bylines are the reader's job)
MIN_WORDS = 4
#: a print in this many different stories makes its sentences boilerplate
MIN_STORIES = 3
#: the skeleton print needs this many lower-case words, making up this share of the sentence
SKELETON_WORDS = 8
SKELETON_SHARE = 0.6

_TOKEN = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")


@dataclass(frozen=True)
class Prints:
    exact: str
    skeleton: str


@dataclass(frozen=True)
class Occurrence:
    """A sentence whose print recurs: which print, where, and its article's outlet (None: unknown)."""

    kind: str  # "exact" | "skeleton"
    print: str
    article: str
    sentence: int
    outlet: str | None = None


@dataclass(frozen=True)
class Learned:
    """Why a sentence is boilerplate: in how many different stories it recurs, and from which outlet."""

    stories: int
    outlet: str | None  # the one outlet of every article carrying it, when there is one

    def reason(self) -> str:
        where = f" of {self.outlet}" if self.outlet else ""
        return f"recurs in {self.stories} different articles{where}"


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sentence_prints(text: str) -> Prints:
    """The exact and skeleton prints of a sentence ('' when it is too short for either)."""
    tokens = _TOKEN.findall(_NUMBER.sub("0", text))
    exact = " ".join(_fold(t) for t in tokens) if len(tokens) >= MIN_WORDS else ""
    lower = [_fold(t) for t in tokens if t.isalpha() and t.islower() and len(t) >= 3]
    skeleton = ""
    if len(lower) >= SKELETON_WORDS and len(lower) >= SKELETON_SHARE * len(tokens):
        skeleton = " ".join(lower)
    return Prints(exact, skeleton)


def print_hash(value: str) -> int:
    """A print as a signed 64-bit integer (what SQLite stores); 0 only for the empty print."""
    if not value:
        return 0
    number = int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), "big", signed=True)
    return number or 1


def sentence_hashes(text: str) -> tuple[int, int | None]:
    """The hashed prints of a sentence: (exact, skeleton); exact is 0 when too short to judge."""
    prints = sentence_prints(text)
    return print_hash(prints.exact), (print_hash(prints.skeleton) if prints.skeleton else None)


def title_print(title: str) -> str:
    """A title's print (story identity for syndicated copies); its numbers are kept."""
    return " ".join(_fold(t) for t in _TOKEN.findall(title))


def _stories(articles: Sequence[str], story_keys: Mapping[str, Iterable[str]]) -> int:
    """How many different stories `articles` tell: articles sharing a lead or title print are one."""
    parent = {a: a for a in articles}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    owner: dict[str, str] = {}
    for article in articles:
        for key in story_keys.get(article, ()):
            if not key:
                continue
            if key in owner:
                parent[root(article)] = root(owner[key])
            else:
                owner[key] = article
    return len({root(a) for a in articles})


def learn(
    occurrences: Iterable[Occurrence], story_keys: Mapping[str, Iterable[str]], min_stories: int = MIN_STORIES
) -> dict[tuple[str, int], Learned]:
    """The boilerplate sentences among `occurrences` (any sentence whose print may recur).

    `story_keys` maps an article to the keys that identify its story ("title:<print>",
    "exact:<print of its first sentence>"). A print carried by at least `min_stories` different stories marks every
    sentence that carries it; the reason names the outlet when they all share one.
    """
    groups: dict[tuple[str, str], list[Occurrence]] = {}
    for occ in occurrences:
        if occ.print:
            groups.setdefault((occ.kind, occ.print), []).append(occ)
    found: dict[tuple[str, int], Learned] = {}
    for group in groups.values():
        articles = sorted({o.article for o in group})
        if len(articles) < min_stories:
            continue
        itself = f"{group[0].kind}:{group[0].print}"  # a recurring first sentence says nothing of the story
        keys = {a: [k for k in story_keys.get(a, ()) if k != itself] for a in articles}
        stories = _stories(articles, keys)
        if stories < min_stories:
            continue
        outlets = {o.outlet for o in group}
        outlet = next(iter(outlets)) if len(outlets) == 1 else None
        for occ in group:
            key = (occ.article, occ.sentence)
            if key not in found or found[key].stories < stories:
                found[key] = Learned(stories, outlet)
    return found


def with_learned(article: Article, learned: Mapping[int, Learned]) -> Article:
    """`article` with its learned boilerplate sentences (index -> why) listed among its removals."""
    extra = tuple(
        Removal("boilerplate", s.text, 0, sentence=s.index, reason=learned[s.index].reason())
        for s in article.sentences
        if s.index in learned
    )
    return replace(article, removed=article.removed + extra) if extra else article


def without_boilerplate(article: Article) -> Article:
    """`article` without the sentences listed as learned boilerplate; the others keep their numbers."""
    learned = {r.sentence for r in article.removed if r.sentence is not None}
    if not learned:
        return article
    return replace(article, sentences=tuple(s for s in article.sentences if s.index not in learned))
