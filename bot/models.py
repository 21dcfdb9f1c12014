"""The domain's value objects: articles, sentences, figures, citations, answers, digest settings.

Frozen dataclasses only; no I/O and no behaviour beyond small derived views and the
answers' own serialised form (`Answer.to_dict()` / `Answer.from_dict()`: plain, JSON-ready
data, the form the answer cache stores and the `--json` contract shows).
Sentence indexes are 1-based within an article (the numbers users see and cite).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any


@dataclass(frozen=True)
class Figure:
    """A quantity found in a sentence (or parsed from a query).

    `value` is the exact number (10000.0 for "10.000", 2.5 for "2,5"). For a vague
    quantity ("puluhan ribu", "ribuan") `vague` is True and `value` is the lower
    bound of its order of magnitude (10000 for "puluhan ribu", 1000 for "ribuan");
    `magnitude` is that order of magnitude as a power of ten.
    `qualifier` is one of: about, more than, less than, almost, as many as,
    at least, up to (or None).
    """

    value: float
    text: str
    start: int = 0
    end: int = 0
    qualifier: str | None = None
    vague: bool = False
    magnitude: int | None = None
    unit: str | None = None

    def matches(self, other: Figure) -> bool:
        """True when both are exact and have the same value."""
        return not self.vague and not other.vague and self.value == other.value


@dataclass(frozen=True)
class Removal:
    """Something kept out of an article's body, and why.

    The reader's removals name the file line. Boilerplate learned from the corpus (a
    sentence recurring across different stories) stays a numbered sentence: it names
    that `sentence` (line 0) and the `reason`, and is kept out of every answer.
    """

    kind: str  # cross-link | editor | byline | disclaimer | subheading | dateline | title | boilerplate | separator
    text: str
    line: int  # 1-based line number in the file (0: not a line the reader removed)
    sentence: int | None = None  # the learned boilerplate's sentence index
    reason: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph after cleaning; `heading` is the sub-heading above it, if any."""

    index: int  # 1-based
    text: str
    heading: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body, as cited."""

    index: int  # 1-based within the article
    paragraph: int  # 1-based paragraph index
    text: str
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Article:
    """An Indonesian news article read from `NNN_<hash>.txt`."""

    id: str  # "003"
    key: str  # "003_89031a1fd86b0abb"
    title: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    content_hash: str
    path: str = ""
    title_derived: bool = False
    outlet: str | None = None
    dateline: str | None = None
    editor: str | None = None
    removed: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)


@dataclass(frozen=True)
class Citation:
    """Where a piece of an answer comes from: one sentence of one article."""

    article: str  # article id, "003"
    sentence: int  # 1-based sentence index
    text: str  # the original Indonesian sentence
    text_en: str | None = None
    provenance: str | None = None  # e.g. "argos translate-id_en 1.9 (cached)", "reviewed"
    flags: tuple[str, ...] = ()  # e.g. "figure-mismatch", "untranslated", "glossary"

    @property
    def ref(self) -> str:
        return f"{self.article}·{self.sentence}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "sentence": self.sentence,
            "text": self.text,
            "text_en": self.text_en,
            "provenance": self.provenance,
            "flags": list(self.flags),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Citation:
        return cls(
            article=str(data["article"]),
            sentence=int(data["sentence"]),
            text=data["text"],
            text_en=data.get("text_en"),
            provenance=data.get("provenance"),
            flags=tuple(data.get("flags") or ()),
        )


@dataclass(frozen=True)
class AnswerItem:
    """One line of an answer with the citations that back it.

    `fields` holds command-specific data (who-confirmed: who, role, organization,
    stance, cue, figure); it is flattened into the item in JSON output.
    """

    text: str
    citations: tuple[Citation, ...] = ()
    text_en: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def citing(cls, article: str, sentence: int, text: str) -> AnswerItem:
        """An answer line that is one sentence, citing itself."""
        return cls(text=text, citations=(Citation(article=article, sentence=sentence, text=text),))

    #: the keys of an item's own; every other key of its dict is one of its `fields`
    OWN_KEYS = ("text", "text_en", "citations")

    def to_dict(self) -> dict[str, Any]:
        """Plain data with the fields flattened into the item."""
        data: dict[str, Any] = {"text": self.text, "text_en": self.text_en}
        data.update({key: plain_data(value) for key, value in self.fields.items()})
        data["citations"] = [c.to_dict() for c in self.citations]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerItem:
        """The inverse of `to_dict` (fields come back as plain data)."""
        return cls(
            text=data["text"],
            text_en=data.get("text_en"),
            citations=tuple(Citation.from_dict(c) for c in data.get("citations", ())),
            fields={k: v for k, v in data.items() if k not in cls.OWN_KEYS},
        )


@dataclass(frozen=True)
class Answer:
    """What a command returns to every adapter; presenters only format it."""

    command: str  # "summary" | "who-confirmed" | "translate" | ...
    query: str
    items: tuple[AnswerItem, ...] = ()
    notes: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    #: the keys of an answer's own; every other key of its dict is one of its `meta` entries
    OWN_KEYS = ("command", "query", "items", "notes")

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data: the items' fields and the meta entries flattened in."""
        data: dict[str, Any] = {
            "command": self.command,
            "query": self.query,
            "items": [item.to_dict() for item in self.items],
            "notes": list(self.notes),
        }
        for key, value in self.meta.items():
            data.setdefault(key, plain_data(value))
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        """The inverse of `to_dict` (item fields and meta entries come back as plain data)."""
        return cls(
            command=data["command"],
            query=data["query"],
            items=tuple(AnswerItem.from_dict(item) for item in data.get("items", ())),
            notes=tuple(data.get("notes", ())),
            meta={k: v for k, v in data.items() if k not in cls.OWN_KEYS},
        )


@dataclass(frozen=True)
class GuildSettings:
    """One server's digest settings; None fields fall back to the Settings defaults."""

    guild_id: int
    channel_id: int | None = None
    digest_time: str | None = None
    digest_tz: str | None = None
    enabled: bool = True
    configured_by: int | None = None
    configured_in: int | None = None
    needs_attention: str | None = None
    updated_at: str = ""


@dataclass(frozen=True)
class DigestClaim:
    """One channel's digest for one local date."""

    channel_id: int
    local_date: str
    state: str
    claimed_at: str
    guild_id: int | None = None
    finished_at: str | None = None
    message_id: int | None = None
    watermark: str | None = None
    articles: int = 0
    detail: str | None = None


@dataclass(frozen=True)
class ArticleInfo:
    """An indexed article as listed (no body)."""

    id: str
    key: str
    title: str
    outlet: str | None
    sentences: int
    words: int
    indexed_at: str  # ISO-8601 UTC timestamp of the (re)index that stored it
    path: str = ""


@dataclass(frozen=True)
class SearchHit:
    """A sentence found by search, with its article."""

    article: str  # article id
    sentence: int  # 1-based sentence index
    text: str
    title: str = ""
    score: float = 0.0
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Source:
    """A place kabar indexes articles from: a folder (feeds to come), recorded in the store."""

    id: int
    kind: str  # "folder"
    location: str  # the folder's absolute path
    added_at: str
    checked_at: str | None = None  # the last full check (ISO-8601 UTC), None before the first
    state: str = "new"  # new | ok | missing | unreadable | empty (a problem keeps its articles)
    detail: str | None = None  # the problem, in words
    articles: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class Skipped:
    """An entry of a source that is not indexed, and why (kept until the next full check)."""

    name: str  # the entry's file name as found in the folder
    reason: str  # "it is a link to a file outside the source folder"
    id: str | None = None  # the article id its name carries, if any
    source: str = ""  # the source's location

    @property
    def line(self) -> str:
        """ "NAME: skipped, REASON" (the form `kabar index` prints)."""
        return f"{self.name}: skipped, {self.reason}"


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0
    warnings: tuple[str, ...] = ()  # per-file and per-source problems; they never stop the run
    seconds: float = 0.0
    skipped: tuple[Skipped, ...] = ()  # entries not indexed, each with its reason (also in warnings)
    sources: tuple[str, ...] = ()  # the locations checked
    kept: tuple[str, ...] = ()  # sources that could not be used and whose articles were kept (also in warnings)
    newly_skipped: tuple[Skipped, ...] = ()  # skipped now, not at the source's previous check


@dataclass(frozen=True)
class TranslationRun:
    """What translating every indexed article did (`kabar translate --all`)."""

    articles: int = 0
    sentences: int = 0
    decoded: int = 0  # decoded by a model now; the rest came from the cache
    flagged: int = 0
    exported: tuple[str, ...] = ()  # the review files written (with export)


def plain_data(value: Any) -> Any:
    """Dataclasses (answers too), tuples, sets and paths as JSON-ready dicts, lists and strings."""
    if isinstance(value, (Answer, AnswerItem, Citation)):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain_data(v) for v in value]
    if isinstance(value, PurePath):
        return str(value)
    return value
