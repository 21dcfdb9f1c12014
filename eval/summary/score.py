"""Scoring `/summary` answers on the judged topic set the way a careful reader reads them.

Pure: an answer (kabar's `Answer`) and its topic go in, counts and listed failures come out.
What is counted (rules in README.md):

- boilerplate: an item whose shown sentence, or a near-identical one (same words with
  numbers as 0, or 80% of the word set shared), occurs in RECURRING or more of the 100
  articles (`Recurrence`, built from the articles as kabar's reader cuts them);
- dangling: an item that opens by pointing back at something not shown (`Openings`: the
  connectives, pronouns and referents of bot/nlp/data/backrefs.tsv read as data, plus
  `openings.tsv`; a quotation whose speaker is only "-nya" or a pronoun). An item shown
  after the sentence it needs (as its own first sentence, or as the item just before it) is
  judged by that sentence; a marked insertion ("[Rutte]",
  "[…] Pentagon ...") counts as resolved;
- off topic: an item shown from an article that is neither expected nor related;
- one article only: a topic on which two or more articles are judged on topic, answered
  from a single article; expected articles cited (anywhere in the answer) are counted too;
- merges: every "also reported by" pair (the shown sentence, a sentence of another article
  listed with it), judged `same` / `different` in the data or left unjudged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from eval.summary.topics import HERE, Topic

ROOT = HERE.parents[1]
BACKREFS = ROOT / "bot" / "nlp" / "data" / "backrefs.tsv"
#: a sentence found (near-identical) in this many articles is boilerplate when shown
RECURRING = 3
NEAR_SHARE = 0.8
NEAR_MIN_WORDS = 5
REFERENT_WINDOW = 4

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_SPEAKER_NYA = re.compile(
    r"\b(kata|ujar|tutur|ucap|jelas|ungkap|imbuh|tambah|lanjut|terang|papar|tegas|sebut|pungkas)nya\b", re.IGNORECASE
)
_PRONOUN_SPEAKER = re.compile(r"[,.!?]\s*[\"”]\s*(ia|dia|mereka|beliau)\b", re.IGNORECASE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_of(text: str) -> list[str]:
    """Lower-cased words, numbers as 0."""
    return _WORD.findall(_fold(_NUMBER.sub("0", text)))


class Recurrence:
    """In how many articles a sentence occurs, near-identical (see the module docstring)."""

    def __init__(self, sentences: Mapping[str, Sequence[str]]) -> None:
        self._exact: dict[str, set[str]] = {}
        self._sets: list[tuple[str, frozenset[str]]] = []
        for article, texts in sentences.items():
            for text in texts:
                words = words_of(text)
                self._exact.setdefault(" ".join(words), set()).add(article)
                if len(words) >= NEAR_MIN_WORDS:
                    self._sets.append((article, frozenset(words)))

    def articles(self, text: str) -> set[str]:
        words = words_of(text)
        found = set(self._exact.get(" ".join(words), ()))
        if len(words) >= NEAR_MIN_WORDS:
            mine = frozenset(words)
            for article, other in self._sets:
                if article not in found and len(mine & other) >= NEAR_SHARE * len(mine | other):
                    found.add(article)
        return found


@dataclass(frozen=True)
class Openings:
    connectives: tuple[tuple[str, ...], ...]
    pronouns: frozenset[str]
    referents: tuple[tuple[str, ...], ...]
    time_words: frozenset[str]
    adverbs: frozenset[str]

    def dangling(self, text: str) -> str | None:
        """Why `text` opens by pointing at something not shown, or None when it reads on its own."""
        text = text.lstrip()
        if text.startswith("[…]"):
            text = text[len("[…]") :]
        elif text.startswith("["):
            return None  # a name inserted for the pronoun, marked
        if _SPEAKER_NYA.search(text) or _PRONOUN_SPEAKER.search(text):
            found = _SPEAKER_NYA.search(text) or _PRONOUN_SPEAKER.search(text)
            return f"quotation without its speaker ({found.group().strip(',.!? ')})"  # type: ignore[union-attr]
        low = words_of(text)
        if not low or text.lstrip()[:1] in "\"“'‘":
            return None  # a quotation: its speaker is what it needs (checked above)
        for phrase in self.connectives:
            if tuple(low[: len(phrase)]) == phrase:
                return f"opens with the connective {' '.join(phrase)!r}"
        if low[0] in self.pronouns:
            return f"opens with the pronoun {low[0]!r}"
        if low[0].endswith("nya") and len(low[0]) >= 6 and low[0] not in self.adverbs:
            return f"opens with {low[0]!r}"
        for k in range(min(REFERENT_WINDOW, len(low))):
            for phrase in self.referents:
                if tuple(low[k : k + len(phrase)]) != phrase:
                    continue
                if phrase == ("ini",) and k and low[k - 1] in self.time_words:
                    continue
                return f"points back with {' '.join(low[: k + len(phrase)])!r}"
        return None


def _rows(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and line != "words\tkind":
            words, kind = line.split("\t")
            rows.append((words, kind))
    return rows


@lru_cache(maxsize=1)
def openings() -> Openings:
    found: dict[str, list[tuple[str, ...]]] = {}
    for words, kind in [*_rows(BACKREFS), *_rows(HERE / "openings.tsv")]:
        found.setdefault(kind, []).append(tuple(words.split()))
    return Openings(
        connectives=tuple(sorted(found["connective"], key=len, reverse=True)),
        pronouns=frozenset(w[0] for w in found["pronoun"]),
        referents=tuple(found["referent"]),
        time_words=frozenset(w[0] for w in found["time"]),
        adverbs=frozenset(w[0] for w in found["adverb"]),
    )


@dataclass(frozen=True)
class Cited:
    article: str
    sentence: int
    text: str

    @property
    def ref(self) -> str:
        return f"{self.article}:{self.sentence}"


@dataclass(frozen=True)
class ItemView:
    """An answer item as a reader sees it: its text, the sentence it shows, the sentence shown
    before it (when it needs one) and the sentences of other places listed with it."""

    text: str
    main: Cited
    before: Cited | None
    also: tuple[Cited, ...]


def view(item: object) -> ItemView:
    """An AnswerItem (or its JSON form) read as [before?, shown, also...] citations."""
    if isinstance(item, Mapping):
        text, raw = item["text"], item.get("citations", ())
        cites = [Cited(c["article"], int(c["sentence"]), c["text"]) for c in raw]
    else:
        text = item.text  # type: ignore[attr-defined]
        cites = [Cited(c.article, c.sentence, c.text) for c in item.citations]  # type: ignore[attr-defined]
    first = cites[0]
    if (
        len(cites) > 1
        and cites[1].article == first.article
        and cites[1].sentence == first.sentence + 1
        and text.startswith(first.text + " ")
    ):
        return ItemView(text, cites[1], first, tuple(cites[2:]))
    return ItemView(text, first, None, tuple(cites[1:]))


@dataclass
class Tally:
    """Counts of one split and the failures behind them (topic id, what, detail)."""

    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    merges: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # topic, label, shown, also, texts
    seconds: list[float] = field(default_factory=list)

    def __getitem__(self, key: str) -> int:
        return self.counts[key]

    def fail(self, topic: Topic, what: str, detail: str) -> None:
        self.counts[what] += 1
        self.failures.append((f"{topic.id} {topic.topic}", what, detail))


def score_answer(topic: Topic, items: Sequence[object], recurrence: Recurrence, tally: Tally) -> None:
    """Count one topic's answer into `tally`."""
    views = [view(item) for item in items]
    tally.counts["topics"] += 1
    tally.counts["items"] += len(views)
    tally.counts["answered"] += bool(views)
    on_topic = set(topic.matched)
    for k, v in enumerate(views):
        where = f"{v.main.ref} {v.text[:110]!r}"
        if len(recurrence.articles(v.main.text)) >= RECURRING:
            tally.fail(topic, "boilerplate", f"{where} (in {len(recurrence.articles(v.main.text))} articles)")
        previous = views[k - 1].main if k else None
        after_it = previous is not None and (previous.article, previous.sentence + 1) == (
            v.main.article,
            v.main.sentence,
        )
        why = None if after_it else openings().dangling(v.before.text if v.before else v.text)
        if why:
            tally.fail(topic, "dangling", f"{where}: {why}")
        if v.main.article not in on_topic:
            tally.fail(topic, "off_topic", where)
        for other in v.also:
            if other.article == v.main.article:
                continue
            judged = {(m.shown, m.also): m.label for m in topic.merges}.get((v.main.ref, other.ref), "unjudged")
            tally.counts[f"merge_{judged}"] += 1
            tally.counts["merge_pairs"] += 1
            tally.merges.append(
                (
                    f"{topic.id} {topic.topic}",
                    judged,
                    v.main.ref,
                    other.ref,
                    f"{v.main.text[:100]!r}\n      ~ {other.text[:100]!r}",
                )
            )
    shown = {v.main.article for v in views}
    cited = shown | {c.article for v in views for c in v.also}
    if len(on_topic) >= 2:
        tally.counts["multi"] += 1
        if len(shown) < 2:
            tally.fail(topic, "one_article", f"{len(on_topic)} articles on topic, items from {sorted(shown) or 'none'}")
    tally.counts["expected"] += len(topic.expected)
    tally.counts["expected_cited"] += len(set(topic.expected) & cited)
    if not on_topic:
        tally.counts["no_match"] += 1
        tally.counts["no_match_answered"] += bool(views)
