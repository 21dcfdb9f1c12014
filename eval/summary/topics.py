"""The judged topic set for `/summary` as data: topics a user would type and the articles a reader expects.

`topics.jsonl` beside this module holds one topic a line (README.md describes every
field); the articles are the 100 public IndoSum articles of `eval/attribution/articles.jsonl`,
known by their kabar id (the line number from 000). `load()` reads the topics into frozen
dataclasses; `problems()` lists what is structurally wrong with them (unknown values,
unknown articles, an article both expected and related, a split that does not follow the
rule, a merge judgement that is not well formed).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / "attribution" / "articles.jsonl"

SPLITS = ("tune", "held-out")
LANGS = ("id", "en")
KINDS = ("person", "organization", "place", "event", "term")
LABELS = ("same", "different")


def split_for(topic: str) -> str:
    """The split of a topic: "tune" when the SHA-256 of its lower-cased text is even, else "held-out"."""
    return "tune" if int(hashlib.sha256(topic.lower().encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held-out"


@dataclass(frozen=True)
class Merge:
    """A judged "also reported by" pair: the shown sentence and one sentence of another article
    listed with it, as `article:sentence` (kabar ids, 1-based sentence numbers)."""

    shown: str
    also: str
    label: str  # "same": one fact; "different": two facts wrongly shown as one
    note: str | None = None


@dataclass(frozen=True)
class Topic:
    """A topic as a user types it, with the articles a careful reader expects a summary to draw on.

    `expected`: articles about the topic (a summary of a topic matched in several should
    cite more than one of them); `related`: articles that mention it in passing (an item from
    one is on topic); any other article is off topic.
    """

    id: str
    topic: str
    lang: str
    kind: str
    split: str
    expected: tuple[str, ...]
    related: tuple[str, ...] = ()
    merges: tuple[Merge, ...] = ()
    note: str | None = None

    @property
    def matched(self) -> tuple[str, ...]:
        """Every article that is on topic, expected first."""
        return (*self.expected, *self.related)


def _topic(raw: dict) -> Topic:
    return Topic(
        id=raw["id"],
        topic=raw["topic"],
        lang=raw["lang"],
        kind=raw["kind"],
        split=raw["split"],
        expected=tuple(raw.get("expected", ())),
        related=tuple(raw.get("related", ())),
        merges=tuple(Merge(m["shown"], m["also"], m["label"], m.get("note")) for m in raw.get("merges", ())),
        note=raw.get("note"),
    )


def load(path: Path = HERE / "topics.jsonl") -> tuple[Topic, ...]:
    """Every topic of the file, in file order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(_topic(json.loads(line)) for line in lines if line.strip())


def in_split(topics: tuple[Topic, ...], split: str | None) -> tuple[Topic, ...]:
    """The topics of one split, or all of them for None or "all"."""
    return topics if split in (None, "all") else tuple(t for t in topics if t.split == split)


def article_count(path: Path = ARTICLES) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def _place(ref: str, known: set[str]) -> bool:
    article, _, sentence = ref.partition(":")
    return article in known and sentence.isdigit() and int(sentence) >= 1


def problems(topics: tuple[Topic, ...], articles: int | None = None) -> list[str]:
    """What is structurally wrong with the topic set (empty when nothing is)."""
    known = {f"{n:03d}" for n in range(article_count() if articles is None else articles)}
    found = []
    seen: set[str] = set()
    for t in topics:
        where = f"{t.id} {t.topic!r}"
        if t.id in seen:
            found.append(f"{where}: duplicate id")
        seen.add(t.id)
        if t.lang not in LANGS or t.kind not in KINDS:
            found.append(f"{where}: unknown lang {t.lang!r} or kind {t.kind!r}")
        if t.split != split_for(t.topic):
            found.append(f"{where}: split {t.split!r}, the rule says {split_for(t.topic)!r}")
        if not t.topic.strip():
            found.append(f"{where}: empty topic")
        for article in t.matched:
            if article not in known:
                found.append(f"{where}: unknown article {article!r}")
        if len(set(t.matched)) != len(t.matched):
            found.append(f"{where}: an article is listed twice")
        for m in t.merges:
            if m.label not in LABELS or not (_place(m.shown, known) and _place(m.also, known)):
                found.append(f"{where}: merge {m} is not well formed")
    topics_seen = [t.topic.lower() for t in topics]
    if len(set(topics_seen)) != len(topics_seen):
        found.append("a topic is listed twice")
    return found
