"""The judged attribution set as data: articles, figure queries and the sources a careful reader expects.

The files live beside this module: `articles.jsonl` (the 100 IndoSum articles, verbatim,
sorted by id: the line number from 000 is the article's kabar id), `judged.jsonl` (one
figure query asked of one article a line) and `corpus.jsonl` (one figure query asked of
the whole corpus a line); README.md describes every field. `load()` reads them into
frozen dataclasses; `problems()` lists what is structurally wrong with them (unknown
values, missing fields, duplicate ids, a split that does not follow the rule). Checks that
need kabar's own parsing (a quote found once among the article's sentences, a figure that
parses, the two kinds of query agreeing) live with the scorers, which own that seam.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

STANCES = ("confirmed", "reported", "claimed", "denied", "estimated", "predicted", "alleged", "decided")
KINDS = ("person", "organization", "anonymous", "country", "document")
STRENGTHS = ("sentence", "neighbour")
SCOPES = ("figure", "event")
SPLITS = ("tune", "held-out")
#: the note of a mention whose speaker is a pronoun or "ujarnya" its own sentence does not name
SPEAKER_OUTSIDE = "speaker outside the sentence"


def split_for(article_id: str) -> str:
    """The split of an article: "tune" when the SHA-256 of its id is even, else "held-out"."""
    return "tune" if int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held-out"


@dataclass(frozen=True)
class JudgedArticle:
    """One IndoSum article as published in the dataset (paragraphs separated by blank lines)."""

    id: str
    source: str
    source_url: str
    category: str
    text: str

    def kabar_text(self) -> str:
        """The article in kabar's file format: one paragraph a line."""
        paragraphs = (" ".join(p.split("\n")).strip() for p in self.text.split("\n\n"))
        return "\n".join(p for p in paragraphs if p) + "\n"


@dataclass(frozen=True)
class ExpectedSource:
    """Someone who gives or stands behind a figure in one sentence."""

    name: str
    aliases: tuple[str, ...]
    kind: str  # one of KINDS
    strength: str  # "sentence": named in the figure's sentence; "neighbour": only from the sentences around it
    stance: str  # one of STANCES
    scope: str  # "figure": gives or confirms the number; "event": only what the number describes
    bodies: tuple[str, ...] = ()  # the body a person belongs to, shown as their organization (not an answer alone)


@dataclass(frozen=True)
class Mention:
    """One sentence of the article that states the queried figure."""

    quote: str  # verbatim, found once in the article
    sources: tuple[ExpectedSource, ...]  # empty: the article names no source for it
    must_not: tuple[str, ...]  # words that must not appear in a source label citing this sentence
    stance_unnamed: str | None = None  # the stance an unnamed answer should carry (only without sources)
    note: str | None = None  # SPEAKER_OUTSIDE: any unnamed answer is right (the speaker cannot be named from here)

    @property
    def speaker_outside(self) -> bool:
        return self.note == SPEAKER_OUTSIDE


@dataclass(frozen=True)
class Query:
    """A figure as a user would type it, asked of one article."""

    id: str
    article: str
    split: str
    figure: str
    mentions: tuple[Mention, ...]
    note: str | None = None


@dataclass(frozen=True)
class CorpusMention:
    """One sentence of one article of the corpus that states the queried figure."""

    article: str  # IndoSum id; the mention has that article's split
    mention: Mention


@dataclass(frozen=True)
class CorpusQuery:
    """A figure as a user would type it, asked of the whole corpus (every sentence stating it listed)."""

    id: str
    figure: str
    mentions: tuple[CorpusMention, ...]
    note: str | None = None


@dataclass(frozen=True)
class JudgedSet:
    articles: dict[str, JudgedArticle]  # by IndoSum id, in file order
    queries: tuple[Query, ...]
    corpus: tuple[CorpusQuery, ...] = ()

    def in_split(self, split: str | None) -> tuple[Query, ...]:
        """The queries of one split ("tune", "held-out"), or all of them for None or "all"."""
        if split in (None, "all"):
            return self.queries
        return tuple(q for q in self.queries if q.split == split)

    def kabar_id(self, article_id: str) -> str:
        """The article's kabar id: its line number in articles.jsonl from 000."""
        return f"{list(self.articles).index(article_id):03d}"


def _lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _source(raw: dict) -> ExpectedSource:
    return ExpectedSource(
        name=raw["name"],
        aliases=tuple(raw["aliases"]),
        kind=raw["kind"],
        strength=raw["strength"],
        stance=raw["stance"],
        scope=raw["scope"],
        bodies=tuple(raw.get("bodies", ())),
    )


def read_mention(raw: dict) -> Mention:
    return Mention(
        quote=raw["quote"],
        sources=tuple(_source(s) for s in raw["sources"]),
        must_not=tuple(raw["must_not"]),
        stance_unnamed=raw.get("stance_unnamed"),
        note=raw.get("note"),
    )


def load(directory: Path = HERE) -> JudgedSet:
    """Read `articles.jsonl`, `judged.jsonl` and `corpus.jsonl` (when present) from `directory`."""
    articles = {}
    for raw in _lines(directory / "articles.jsonl"):
        articles[raw["id"]] = JudgedArticle(raw["id"], raw["source"], raw["source_url"], raw["category"], raw["text"])
    queries = tuple(
        Query(
            id=raw["id"],
            article=raw["article"],
            split=raw["split"],
            figure=raw["figure"],
            mentions=tuple(read_mention(m) for m in raw["mentions"]),
            note=raw.get("note"),
        )
        for raw in _lines(directory / "judged.jsonl")
    )
    corpus = tuple(
        CorpusQuery(
            id=raw["id"],
            figure=raw["figure"],
            note=raw.get("note"),
            mentions=tuple(CorpusMention(m["article"], read_mention(m)) for m in raw["mentions"]),
        )
        for raw in _lines(directory / "corpus.jsonl")
    )
    return JudgedSet(articles=articles, queries=queries, corpus=corpus)


def _source_problems(where: str, source: ExpectedSource) -> list[str]:
    found = []
    for field, value, allowed in (
        ("kind", source.kind, KINDS),
        ("strength", source.strength, STRENGTHS),
        ("stance", source.stance, STANCES),
        ("scope", source.scope, SCOPES),
    ):
        if value not in allowed:
            found.append(f"{where}: {field} {value!r} is not one of {', '.join(allowed)}")
    if not source.name.strip() or source.name not in source.aliases:
        found.append(f"{where}: the canonical name must be non-empty and among its aliases")
    if any(not alias.strip() for alias in (*source.aliases, *source.bodies)):
        found.append(f"{where}: an empty alias or body")
    return found


def mention_problems(where: str, mention: Mention) -> list[str]:
    found = []
    if not mention.quote.strip():
        found.append(f"{where}: empty quote")
    if mention.sources and mention.stance_unnamed is not None:
        found.append(f"{where}: stance_unnamed is only for a mention without sources")
    if not mention.sources and mention.stance_unnamed not in STANCES:
        found.append(f"{where}: a mention without sources needs stance_unnamed, one of {', '.join(STANCES)}")
    for n, source in enumerate(mention.sources, 1):
        found += _source_problems(f"{where} source {n}", source)
    if mention.speaker_outside and mention.sources:
        found.append(f"{where}: a speaker outside the sentence, yet sources named")
    if any(not word.strip() for word in mention.must_not):
        found.append(f"{where}: an empty must_not word")
    if any(len(word.strip()) == 1 for word in mention.must_not):
        found.append(f"{where}: a one-letter must_not word (a word list split into letters?)")
    return found


def _common_problems(
    query: Query | CorpusQuery, places: list[tuple[str, Mention]], judged: JudgedSet, seen: set[str]
) -> list[str]:
    """Problems any query can have: an id seen before, an empty figure, no mention, an unknown
    article, the same quote twice in one article, a malformed mention."""
    where = query.id
    found = []
    if query.id in seen:
        found.append(f"{where}: duplicate id")
    seen.add(query.id)
    if not query.figure.strip():
        found.append(f"{where}: empty figure")
    if not places:
        found.append(f"{where}: no mentions")
    for article in dict.fromkeys(a for a, _ in places):
        if article not in judged.articles:
            found.append(f"{where}: article {article!r} is not in articles.jsonl")
    quotes = [(a, m.quote) for a, m in places]
    if len(set(quotes)) != len(quotes):
        found.append(f"{where}: the same quote twice")
    for n, (_, mention) in enumerate(places, 1):
        found += mention_problems(f"{where} mention {n}", mention)
    return found


def _query_problems(judged: JudgedSet, seen: set[str]) -> list[str]:
    found = []
    for query in judged.queries:
        found += _common_problems(query, [(query.article, m) for m in query.mentions], judged, seen)
        if query.split != split_for(query.article):
            found.append(f"{query.id}: split {query.split!r}, but the rule gives {split_for(query.article)!r}")
    for split in SPLITS if judged.queries else ():
        if not judged.in_split(split):
            found.append(f"no query in split {split!r}")
    return found


def _corpus_problems(judged: JudgedSet, seen: set[str]) -> list[str]:
    found = []
    for query in judged.corpus:
        found += _common_problems(query, [(m.article, m.mention) for m in query.mentions], judged, seen)
    if judged.corpus and not {split_for(m.article) for q in judged.corpus for m in q.mentions} >= set(SPLITS):
        found.append("the corpus queries cite mentions of one split only")
    return found


def problems(judged: JudgedSet) -> list[str]:
    """Structural problems of the set, one line each (empty when it is sound)."""
    found = []
    ids = list(judged.articles)
    if ids != sorted(ids):
        found.append("articles.jsonl is not sorted by id (the line number is the article's kabar id)")
    seen: set[str] = set()
    found += _query_problems(judged, seen)
    found += _corpus_problems(judged, seen)
    return found


__all__ = [
    "KINDS",
    "SCOPES",
    "SPEAKER_OUTSIDE",
    "SPLITS",
    "STANCES",
    "STRENGTHS",
    "CorpusMention",
    "CorpusQuery",
    "ExpectedSource",
    "JudgedArticle",
    "JudgedSet",
    "Mention",
    "Query",
    "load",
    "mention_problems",
    "problems",
    "read_mention",
    "split_for",
]
