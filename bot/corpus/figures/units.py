"""Currencies and units of a figure: how they are written, what they name, which agree.

A figure's `unit` is "%" for a percentage, a currency code ("rp", "usd", "sgd", "myr",
...) for money, a unit code for a measure glued to the digits ("5km" -> "km"), and
otherwise the counted noun after it ("10.000 tentara" -> "tentara").

Currencies (`data/currencies.tsv`) are written before the amount ("Rp 5 miliar", "US$ 3
juta", "RM 2 juta", "S$ 1 juta") or as words after it ("5 miliar rupiah", "3 juta dolar
AS", "2 juta dolar Singapura", "1 juta ringgit"). A bare "dolar" is the US dollar.

`units_agree(found, wanted)`: whether a figure found in an article may stand for a
query's figure, given their units. The query's unit narrows: a percentage matches only
percentages, money only the same currency, a measure only the same measure ("5 km" =
"5 kilometer", `data/unit_groups.tsv`), a counted noun the same group ("tentara" =
"pasukan" = "prajurit"), a general counting word ("orang", "unit") or no noun at all; a
query without a unit matches every unit.
"""

from __future__ import annotations

import re

from bot.corpus.figures.vocab import (
    CURRENCIES,
    CURRENCY_PREFIXES,
    CURRENCY_SYMBOLS,
    GROUP_KINDS,
    MONEY_UNITS,
    UNIT_GROUPS,
    L,
    trie,
)

_LETTERS = sorted(p for p in CURRENCY_PREFIXES if p.isalpha())  # rp, usd, rm ...
_DOLLARS = sorted(p[:-1] for p in CURRENCY_PREFIXES if p[:-1].isalpha() and p.endswith("$"))  # us, hk, s ...
_SIGNS = sorted(p for p in CURRENCY_PREFIXES if not p[0].isalpha())  # $, €, £ ...
# "US$", "US $", "Rp", "Rp.", "RM", "€": the letters as a prefix tree, each at the start of a word
_WRITTEN = (
    rf"(?<!{L})(?:(?:{trie(_LETTERS)})|(?:{trie(d for d in _DOLLARS if len(d) > 1)})\s?\$"
    rf"|(?:{trie(d for d in _DOLLARS if len(d) == 1)})\$)(?!{L})|(?:{trie(_SIGNS)})"
)
_BEFORE_RE = re.compile(rf"(?:{_WRITTEN})\.?\s?$", re.IGNORECASE)
_AT_START_RE = re.compile(rf"(?:{_WRITTEN})\.?\s?(?=[0-9])", re.IGNORECASE)


def _written(m: re.Match[str]) -> str:
    return "".join(m.group(0).split()).rstrip(".")


def currency_before(head: str) -> tuple[int, str] | None:
    """A currency written at the end of `head`, right before a number: (where it starts, code)."""
    m = _BEFORE_RE.search(head, max(0, len(head) - 8))
    return None if m is None else (m.start(), CURRENCIES[_written(m).lower()])


#: currency names of several words after an amount ("dolar Singapura"), by their first word
_PHRASES = sorted((s for s in CURRENCIES if " " in s), key=lambda s: (-len(s), s))
_PHRASE_HEADS = frozenset(s.split()[0] for s in _PHRASES)
_SPACE = r"\s+"
_PHRASE_AFTER_RE = re.compile(
    r"[ \t]+(" + "|".join(_SPACE.join(map(re.escape, p.split())) for p in _PHRASES) + rf")(?!{L})",
    re.IGNORECASE,
)


def currency_after(text: str, pos: int, word: str) -> str:
    """The code of the currency `word` names right after `pos` ("dolar" + "Singapura" -> "sgd")."""
    if word in _PHRASE_HEADS:
        phrase = _PHRASE_AFTER_RE.match(text, pos)
        if phrase:
            return CURRENCIES[" ".join(phrase.group(1).lower().split())]
    return CURRENCIES[word]


def is_money(unit: str | None) -> bool:
    """Whether a figure's unit is a currency."""
    return unit in MONEY_UNITS


def written_currency(text: str) -> str | None:
    """The currency as the figure's text writes it before the digits ("US $3 juta" -> "US$")."""
    m = _AT_START_RE.match(text)
    return None if m is None else _written(m)


def currency_symbol(code: str) -> str:
    """How money in this currency is labelled when the text gave no symbol ("rp" -> "Rp")."""
    return CURRENCY_SYMBOLS.get(code, code.upper())


def _kind(unit: str) -> str:
    if unit == "%":
        return "percent"
    if unit in MONEY_UNITS:
        return "money"
    return GROUP_KINDS.get(UNIT_GROUPS.get(unit, unit), "count")


def units_agree(found: str | None, wanted: str | None) -> bool:
    """Whether a figure with unit `found` may stand for a query's figure with unit `wanted`."""
    if wanted is None or found == wanted:
        return True
    want = _kind(wanted)
    if want in ("percent", "money"):
        return False
    if found is None:
        return True
    have = _kind(found)
    if have in ("percent", "money"):
        return False
    if UNIT_GROUPS.get(found, found) == UNIT_GROUPS.get(wanted, wanted):
        return True
    if want == "classifier":
        return have in ("count", "classifier")
    return want == "count" and have == "classifier"


def units_related(a: str | None, b: str | None) -> bool:
    """Whether two figures' units could describe the same thing (either may be the query)."""
    return units_agree(a, b) or units_agree(b, a)
