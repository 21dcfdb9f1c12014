"""Well-known names and their other forms (`data/aliases.tsv`): loading, folding in text, query variants.

The data file lists people, bodies, places, titles and terms of Indonesian news, each
with a stable key, a kind, the canonical name, its other forms ("Jokowi" for "Joko
Widodo", "KPK" for "Komisi Pemberantasan Korupsi", "Korut" for "Korea Utara") and its
English name. It is read once per path and shared; a malformed line is a packaging bug
and raises `AliasFileError` naming the file and line.

How a form is recognised (`AliasTable.fold`, `AliasTable.spans`): words are compared
lower-cased with diacritics folded, the longest form first, so "Listyo Sigit Prabowo"
is one person and never "Listyo Sigit" + "Prabowo". In article text a form written in
capitals ("AS", "MA") only matches capitals, a capitalised form only matches a
capitalised word ("Puan" the name, not "puan"), and a one-word surname form ("Biden")
does not match after another capitalised word ("Jill Biden" is someone else). In user
queries case is ignored, except for two-letter acronyms, and English names match too.

Public API:
    KINDS = ("person", "organization", "place", "role", "term")
    Alias(key, kind, canonical, forms, english)       one entry; `.names` = canonical + forms
    AliasTable.entries, .get(key) -> Alias | None
    AliasTable.lookup(name) -> Alias | None           any form, canonical or English name
    AliasTable.fold(words) -> list[str]               words with each known form replaced by the canonical's words
    AliasTable.spans(words, *, query=False) -> list[Span]   where known forms occur
    AliasTable.query_variants(query, limit=8) -> list[str]  the query with its names written in their other forms
    load_aliases(path=None) -> AliasTable             cached per path; default: the packaged file
    parse_aliases(text, source="aliases.tsv") -> AliasTable
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bot.corpus.segment import split_words
from bot.errors import DataFileError

KINDS: tuple[str, ...] = ("person", "organization", "place", "role", "term")
DATA_FILE = "aliases.tsv"
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SEPARATOR = " | "


class AliasFileError(DataFileError):
    """The alias data file has a malformed line (a packaging bug, never a user's doing)."""


@dataclass(frozen=True)
class Alias:
    """One entry: a name with its kind, other forms and English name(s)."""

    key: str
    kind: str
    canonical: str
    forms: tuple[str, ...] = ()
    english: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and its other forms (the Indonesian ways to write it)."""
        return (self.canonical, *self.forms)


@dataclass(frozen=True)
class Span:
    """A known form found in a word list: words[start:end] name `alias`."""

    start: int
    end: int
    alias: Alias


@dataclass(frozen=True)
class _Form:
    alias: Alias
    acronym: bool  # written in capitals: matches capitals only (in text)
    capitalised: bool  # its first word is capitalised: matches a capitalised word (in text)
    surname: bool  # one word that ends a longer name of a person
    english: bool  # an English name: only matched in queries


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """A word lower-cased with its diacritics removed ("Erdoğan" -> "erdogan")."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _key_of(name: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in split_words(name))


@dataclass(frozen=True)
class AliasTable:
    """The parsed alias file with its look-up indexes."""

    entries: tuple[Alias, ...]
    _forms: dict[tuple[str, ...], _Form] = field(repr=False, default_factory=dict)
    _firsts: frozenset[str] = field(repr=False, default=frozenset())
    _longest: int = field(repr=False, default=1)
    _keys: dict[str, Alias] = field(repr=False, default_factory=dict)

    def get(self, key: str) -> Alias | None:
        """The entry with this key."""
        return self._keys.get(key)

    def lookup(self, name: str) -> Alias | None:
        """The entry one of whose names (canonical, other form or English) is `name`."""
        found = self._forms.get(_key_of(name))
        return found.alias if found else None

    def spans(self, words: Sequence[str], *, query: bool = False) -> list[Span]:
        """Known forms among `words`, longest first and left to right, not overlapping."""
        found: list[Span] = []
        folded = [fold_word(w) for w in words]
        i = 0
        while i < len(words):
            match = None
            if folded[i] in self._firsts:
                for size in range(min(self._longest, len(words) - i), 0, -1):
                    form = self._forms.get(tuple(folded[i : i + size]))
                    if form is not None and _accepts(form, words, i, size, query):
                        match = Span(i, i + size, form.alias)
                        break
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.end
        return found

    def fold(self, words: Sequence[str]) -> list[str]:
        """`words` with every known form replaced by the words of its canonical name."""
        out: list[str] = []
        at = 0
        for span in self.spans(words):
            out.extend(words[at : span.start])
            out.extend(_canonical_words(span.alias.canonical))
            at = span.end
        out.extend(words[at:])
        return out

    def query_variants(self, query: str, limit: int = 8) -> list[str]:
        """The query rewritten with its known names in their other Indonesian forms.

        "Jokowi" -> ["Joko Widodo"]; "north korea" -> ["Korea Utara", "Korut", ...]; a query
        naming several known names gives their combinations, at most `limit`. The query
        itself is not in the list; a query with no known name gives [].
        """
        words = split_words(query)
        spans = self.spans(words, query=True)
        if not spans:
            return []
        others: list[list[str]] = []
        for span in spans:
            said = _key_of(" ".join(words[span.start : span.end]))
            others.append([n for n in span.alias.names if _key_of(n) != said])
        variants: list[str] = []
        seen = {_key_of(query)}
        # one name rewritten before two: the variants closest to the query come first
        for changed in range(1, len(spans) + 1):
            for which in itertools.combinations(range(len(spans)), changed):
                for names in itertools.product(*(others[k] for k in which)):
                    rewrite = dict(zip(which, names))
                    parts: list[str] = []
                    at = 0
                    for k, span in enumerate(spans):
                        parts.extend(words[at : span.start])
                        parts.extend([rewrite[k]] if k in rewrite else words[span.start : span.end])
                        at = span.end
                    parts.extend(words[at:])
                    text = " ".join(parts)
                    if _key_of(text) not in seen:
                        seen.add(_key_of(text))
                        variants.append(text)
                    if len(variants) >= limit:
                        return variants
        return variants


@lru_cache(maxsize=4096)
def _canonical_words(name: str) -> tuple[str, ...]:
    return tuple(split_words(name))


def _accepts(form: _Form, words: Sequence[str], start: int, size: int, query: bool) -> bool:
    first = words[start]
    if query:
        # two-letter acronyms ("AS", "MA") are common words in lower case
        return not (form.acronym and len(first) <= 2 and not first.isupper())
    if form.english:
        return False
    if form.acronym:
        return all(w.isupper() or not w.isalpha() for w in words[start : start + size])
    if form.capitalised and not first[:1].isupper():
        return False
    return not (form.surname and start > 0 and words[start - 1][:1].isupper())


def _is_acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(_SEPARATOR.strip()) if part.strip())


def parse_aliases(text: str, source: str = DATA_FILE) -> AliasTable:
    """Parse the alias file format (see the file's header); raise AliasFileError on a bad line."""
    entries: list[Alias] = []
    keys: dict[str, Alias] = {}
    forms: dict[tuple[str, ...], _Form] = {}
    where: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue

        def fail(why: str, number: int = number, line: str = line) -> AliasFileError:
            return AliasFileError(f"{source}:{number}: {why}: {line.strip()[:80]!r}")

        cells = line.split("\t")
        if len(cells) != 5:
            raise fail(f"expected 5 tab-separated columns, found {len(cells)}")
        key, kind, canonical, others, english = (c.strip() for c in cells)
        if not _KEY.match(key):
            raise fail("the key must be lower-case ascii letters, digits and '-'")
        if key in keys:
            raise fail(f"duplicate key {key!r}")
        if kind not in KINDS:
            raise fail(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        if not split_words(canonical):
            raise fail("the canonical name is empty")
        alias = Alias(key, kind, canonical, _split_list(others), _split_list(english))
        surnames = {_key_of(n)[-1] for n in alias.names if len(_key_of(n)) > 1} if kind == "person" else set()
        named: set[tuple[str, ...]] = set()
        for name, is_english in [*((n, False) for n in alias.names), *((n, True) for n in alias.english)]:
            form_key = _key_of(name)
            if not form_key:
                raise fail(f"the name {name!r} has no words")
            if form_key in named:
                if not is_english:
                    raise fail(f"{name!r} is listed twice in this entry")
                continue
            named.add(form_key)
            if form_key in forms:
                raise fail(f"{name!r} already belongs to {forms[form_key].alias.key!r} (line {where[form_key]})")
            forms[form_key] = _Form(
                alias,
                acronym=_is_acronym(name),
                capitalised=name[:1].isupper(),
                surname=len(form_key) == 1 and form_key[0] in surnames,
                english=is_english,
            )
            where[form_key] = number
        entries.append(alias)
        keys[key] = alias
    return AliasTable(
        entries=tuple(entries),
        _forms=forms,
        _firsts=frozenset(k[0] for k in forms),
        _longest=max((len(k) for k in forms), default=1),
        _keys=keys,
    )


@lru_cache(maxsize=8)
def load_aliases(path: str | Path | None = None) -> AliasTable:
    """The alias table from `path` (default: the packaged `bot/nlp/data/aliases.tsv`), read once."""
    if path is None:
        text = resources.files("bot.nlp").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
        return parse_aliases(text, DATA_FILE)
    file = Path(path)
    return parse_aliases(file.read_text(encoding="utf-8"), str(file))


__all__ = ["KINDS", "Alias", "AliasFileError", "AliasTable", "Span", "fold_word", "load_aliases", "parse_aliases"]
