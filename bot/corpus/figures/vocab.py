"""The word lists behind figure reading, loaded once from the files in `data/`.

Every file is UTF-8 text, one entry a line, fields separated by a tab; blank lines and
lines starting with `#` are comments. `read_rows` refuses a line with the wrong number of
fields, an empty field, a field with spaces around it, or a key seen before, naming the
file and the line, so a broken list stops the import instead of silently reading less.

The tables below are read-only views built from those files; the other modules of this
package import them by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType

_PACKAGE = __name__.rpartition(".")[0]

L = r"[^\W\d_]"  # one letter (any script), for the patterns built from these lists


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def trie(words: Iterable[str]) -> str:
    """The same alternation as a prefix tree ("se(?:puluh|ribu)|satu"): fewer branches to try."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    parts = []
    for first in sorted(by_first):
        rests = by_first[first]
        longer = [r for r in rests if r]
        if not longer:
            parts.append(re.escape(first))
            continue
        inner = trie(longer)
        parts.append(re.escape(first) + f"(?:{inner})" + ("?" if "" in rests else ""))
    return "|".join(parts)


#: every data file and (number of fields, how many of them form the unique key)
DATA_FILES: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "number_words.tsv": (3, 1),
        "scales.tsv": (3, 3),
        "vague_english.tsv": (2, 1),
        "qualifiers.tsv": (2, 1),
        "currencies.tsv": (3, 1),
        "currency_symbols.tsv": (2, 1),
        "units.tsv": (2, 1),
        "not_units.txt": (1, 1),
        "context_words.tsv": (2, 2),
        "months.tsv": (2, 1),
        "unit_groups.tsv": (3, 1),
        "idioms.txt": (1, 1),
    }
)


def parse_rows(name: str, text: str, fields: int, key: int) -> list[tuple[str, ...]]:
    """The rows of one data file's text; ValueError("name:line: why") on a malformed line.

    A row has `fields` fields, or one fewer when the last is optional (left empty for a
    word that needs no value, such as "beberapa"). Its first `key` fields never repeat.
    """
    rows: list[tuple[str, ...]] = []
    seen: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = tuple(line.split("\t"))
        where = f"{name}:{number}"
        if len(parts) not in (fields, fields - 1) or len(parts) < key:
            raise ValueError(f"{where}: expected {fields} tab-separated fields, found {len(parts)}")
        for part in parts:
            if not part:
                raise ValueError(f"{where}: an empty field")
            if part != part.strip() or "  " in part:
                raise ValueError(f"{where}: stray spaces in {part!r}")
        ident = tuple(p.lower() for p in parts[:key])
        if ident in seen:
            raise ValueError(f"{where}: {' '.join(ident)!r} repeats line {seen[ident]}")
        seen[ident] = number
        rows.append(parts + ("",) * (fields - len(parts)))
    return rows


def read_rows(name: str) -> list[tuple[str, ...]]:
    """The rows of `data/<name>` (see `parse_rows`)."""
    fields, key = DATA_FILES[name]
    text = resources.files(_PACKAGE).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return parse_rows(name, text, fields, key)


def _by_kind(rows: list[tuple[str, ...]], kind: str, column: int = 1) -> list[tuple[str, ...]]:
    return [row for row in rows if row[column] == kind]


def _frozen(pairs: object) -> Mapping:
    return MappingProxyType(dict(pairs))  # type: ignore[call-overload]


# --- number words --------------------------------------------------------------------

_NUMBER_ROWS = read_rows("number_words.tsv")
UNITS: Mapping[str, int] = _frozen((w, int(v)) for w, _, v in _by_kind(_NUMBER_ROWS, "unit"))
#: "se-" words: "one" glued to a scale word
SE_WORDS: Mapping[str, str] = _frozen((w, v) for w, _, v in _by_kind(_NUMBER_ROWS, "se"))
TEEN = frozenset(w for w, *_ in _by_kind(_NUMBER_ROWS, "teen"))
TENS = frozenset(w for w, *_ in _by_kind(_NUMBER_ROWS, "tens"))
HUNDREDS = frozenset(w for w, *_ in _by_kind(_NUMBER_ROWS, "hundreds"))
SMALL_SCALES = TEEN | TENS | HUNDREDS
BIG_SCALES: Mapping[str, int] = _frozen((w, int(v)) for w, _, v in _by_kind(_NUMBER_ROWS, "big"))
FRACTIONS: Mapping[str, str] = _frozen((w, v) for w, _, v in _by_kind(_NUMBER_ROWS, "fraction"))
ZERO_WORDS = frozenset(w for w, *_ in _by_kind(_NUMBER_ROWS, "zero"))
VAGUE_MAGNITUDE: Mapping[str, int] = _frozen((w, int(v)) for w, _, v in _by_kind(_NUMBER_ROWS, "vague"))
FEW_WORDS = frozenset(w for w, *_ in _by_kind(_NUMBER_ROWS, "few"))
#: "beberapa ratus" = 10**2: the powers of the scales a "few" word takes
FEW_MAGNITUDE: Mapping[str, int] = _frozen([*((w, 1) for w in TENS), *((w, 2) for w in HUNDREDS), *BIG_SCALES.items()])
#: words that can open a number phrase
NUMBER_STARTS = frozenset([*UNITS, *SE_WORDS, *FRACTIONS, *ZERO_WORDS])
#: words that can continue one
NUMBER_PARTS = frozenset([*NUMBER_STARTS, *SMALL_SCALES, *BIG_SCALES])

# --- scales after digits ---------------------------------------------------------------

_SCALE_ROWS = read_rows("scales.tsv")
TEXT_MULTIPLIERS: Mapping[str, int] = _frozen((w, int(p)) for w, p, _ in _by_kind(_SCALE_ROWS, "text", 2))
QUERY_MULTIPLIERS: Mapping[str, int] = _frozen(
    [*TEXT_MULTIPLIERS.items(), *((w, int(p)) for w, p, _ in _by_kind(_SCALE_ROWS, "query", 2))]
)
APPROX_MULTIPLIERS: Mapping[str, int] = _frozen((w, int(p)) for w, p, _ in _by_kind(_SCALE_ROWS, "approx", 2))
MONEY_LETTERS: Mapping[str, int] = _frozen((w, int(p)) for w, p, _ in _by_kind(_SCALE_ROWS, "money", 2))

# --- vague quantities and qualifiers -----------------------------------------------------

VAGUE_ENGLISH: Mapping[str, str] = _frozen(read_rows("vague_english.tsv"))
QUALIFIERS: Mapping[str, str] = _frozen(read_rows("qualifiers.tsv"))

# --- currencies and units ----------------------------------------------------------------

_CURRENCY_ROWS = read_rows("currencies.tsv")
#: every way of writing a currency -> its code
CURRENCIES: Mapping[str, str] = _frozen((s, c) for s, c, _ in _CURRENCY_ROWS)
#: the ways written before an amount
CURRENCY_PREFIXES = tuple(s for s, _, where in _CURRENCY_ROWS if where in ("before", "both"))
MONEY_UNITS = frozenset(CURRENCIES.values())
CURRENCY_SYMBOLS: Mapping[str, str] = _frozen(read_rows("currency_symbols.tsv"))
ATTACHED_UNITS: Mapping[str, str] = _frozen(read_rows("units.tsv"))
NOT_UNITS = frozenset(w for (w,) in read_rows("not_units.txt"))

# --- context words -----------------------------------------------------------------------

_CONTEXT_ROWS = read_rows("context_words.tsv")


def _role(role: str) -> frozenset[str]:
    return frozenset(w for w, r in _CONTEXT_ROWS if r == role)


DESIGNATION_WORDS = _role("designation")
NAMING_WORDS = _role("names")
TAHUN_WORDS = _role("tahun")
YEAR_WORDS = _role("year")
YEAR_PAIR_WORDS = _role("year_pair")
QUALIFIER_LINKS = _role("qualifier_link")
COMPARATIVES = _role("comparative")
CLOCK_WORDS = _role("clock")
ERA_WORDS = _role("era")
PERCENT_WORDS = _role("percent")
DECIMAL_WORDS = _role("decimal")
MINUS_WORDS = _role("minus")

#: words that are never the thing counted: number words, scales, percent ("dua tiga hari")
NEVER_UNITS = frozenset([*NUMBER_PARTS, *VAGUE_MAGNITUDE, *FEW_WORDS, *TEXT_MULTIPLIERS, *PERCENT_WORDS])

_MONTH_ROWS = read_rows("months.tsv")
MONTH_NAMES = tuple(w for w, _ in _by_kind(_MONTH_ROWS, "name"))
MONTH_STEMS = tuple(w for w, _ in _by_kind(_MONTH_ROWS, "stem"))

# --- unit groups and idioms --------------------------------------------------------------

_GROUP_ROWS = read_rows("unit_groups.tsv")
#: a unit or counted noun -> the group of words naming the same thing
UNIT_GROUPS: Mapping[str, str] = _frozen((w, g) for w, g, _ in _GROUP_ROWS)
#: a group -> measure, count or classifier
GROUP_KINDS: Mapping[str, str] = _frozen((g, k) for _, g, k in _GROUP_ROWS)


def parse_idiom(line: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """ "salah [satu]" -> ("satu", ("salah",), ()): the number words, the words before and after."""
    head, bracket, rest = line.partition("[")
    number, closing, tail = rest.partition("]")
    if not bracket or not closing or "[" in tail or "]" in tail or not number.strip():
        raise ValueError(f"idioms.txt: {line!r} needs its number words in one pair of [brackets]")
    return " ".join(number.split()), tuple(head.split()), tuple(tail.split())


def _idioms() -> Mapping[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    found: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for (line,) in read_rows("idioms.txt"):
        number, before, after = parse_idiom(line.lower())
        found.setdefault(number, []).append((before, after))
    return _frozen((k, tuple(v)) for k, v in found.items())


#: number words -> the (words before, words after) that make them an idiom, not a quantity
IDIOMS = _idioms()
