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
)


def _prefix_pattern(surface: str) -> str:
    if not surface[0].isalpha():
        return re.escape(surface)
    letters = surface.rstrip("$")
    if letters != surface:
        gap = r"\s?" if len(letters) > 1 else ""
        return rf"(?<!{L}){re.escape(letters)}{gap}\$"
    return rf"(?<!{L}){re.escape(surface)}"


_PREFIXES = sorted(CURRENCY_PREFIXES, key=lambda s: (-len(s), s))
#: a currency written right before a number, searched at the end of the text before it
CURRENCY_BEFORE_RE = re.compile(
    rf"(?:{'|'.join(_prefix_pattern(s) for s in _PREFIXES)})\.?\s?$", re.IGNORECASE
)
#: the same, at the start of a figure's text ("US$ 3 juta" -> "US$")
_CURRENCY_START_RE = re.compile(
    rf"(?:{'|'.join(_prefix_pattern(s) for s in _PREFIXES)})\.?\s?(?=[0-9])", re.IGNORECASE
)
#: currency codes that may be glued to the digits ("Rp5", "RM5", "USD5")
GLUED_PREFIXES = tuple(s for s in _PREFIXES if s.isalpha())

#: currency names of several words after an amount ("dolar Singapura"), by their first word
_PHRASES = sorted((s for s in CURRENCIES if " " in s), key=lambda s: (-len(s), s))
_PHRASE_HEADS = frozenset(s.split()[0] for s in _PHRASES)
_SPACE = r"\s+"
_PHRASE_AFTER_RE = re.compile(
    r"[ \t]+(" + "|".join(_SPACE.join(map(re.escape, p.split())) for p in _PHRASES) + rf")(?!{L})",
    re.IGNORECASE,
)


def currency_code(written: str) -> str:
    """The code of a currency as written before an amount ("US $" -> "usd", "Rp." -> "rp")."""
    symbol = "".join(written.split()).rstrip(".").lower()
    return CURRENCIES.get(symbol, symbol)


def currency_after(text: str, pos: int, word: str) -> str | None:
    """The currency named by `word` right after `pos` ("dolar" + "Singapura" -> "sgd"), or None."""
    code = CURRENCIES.get(word)
    if word in _PHRASE_HEADS:
        phrase = _PHRASE_AFTER_RE.match(text, pos)
        if phrase:
            return CURRENCIES[" ".join(phrase.group(1).lower().split())]
    return code


def is_money(unit: str | None) -> bool:
    """Whether a figure's unit is a currency."""
    return unit in MONEY_UNITS


def written_currency(text: str) -> str | None:
    """The currency as the figure's text writes it before the digits ("US$ 3 juta" -> "US$")."""
    m = _CURRENCY_START_RE.match(text)
    return "".join(m.group(0).split()).rstrip(".") if m else None


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
