"""Currencies and units of a figure: how they are written, and their codes.

A figure's `unit` is "%" for a percentage, a currency code ("rp", "usd", "sgd", "myr",
...) for money, a unit code for a measure glued to the digits ("5km" -> "km"), and
otherwise the counted noun after it ("10.000 tentara" -> "tentara"). The ways of writing
each currency are in `data/currencies.tsv`, the symbols used to label money in English
in `data/currency_symbols.tsv`.
"""

from __future__ import annotations

import re

from bot.corpus.figures.vocab import CURRENCIES, CURRENCY_PREFIXES, CURRENCY_SYMBOLS, MONEY_UNITS, L


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


def currency_code(written: str) -> str:
    """The code of a currency as written before an amount ("US $" -> "usd", "Rp." -> "rp")."""
    symbol = "".join(written.split()).rstrip(".").lower()
    return CURRENCIES.get(symbol, symbol)


def is_money(unit: str | None) -> bool:
    """Whether a figure's unit is a currency."""
    return unit in MONEY_UNITS


def currency_symbol(code: str) -> str:
    """How money in this currency is labelled in English ("rp" -> "Rp", "eur" -> "EUR")."""
    return CURRENCY_SYMBOLS.get(code, code.upper())
