"""Figures in English: one label per figure, the same in text, Discord and JSON.

`figure_label(figure)` is how an answer shows a figure: the qualifier, the amount in
English notation, and the unit as the article wrote it for money and percentages:

    "about 10,000"   "25%"   "US$ 3 million"   "Rp 5 billion"   "RM 2.5 million"
    "€3 million"     "tens of thousands" (vague)   "more than 1,500"

Amounts of a million and more read as "3 million", "4.9 million", "1.25 billion" when
two decimals say them exactly; anything else keeps every digit ("3,999,000").
`figure_field(figure)` is the JSON object of a figure in an answer (value, text as
written, qualifier, vague, unit, label) and `field_label(field)` its label again for a
presenter that holds the JSON. `format_figure(value)` is the bare English notation
("10,000", "2.5").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from bot.corpus.figures.numbers import figure_key
from bot.corpus.figures.units import currency_symbol, is_money, written_currency
from bot.corpus.figures.vocab import VAGUE_ENGLISH
from bot.models import Figure

_SCALES = ((12, "trillion"), (9, "billion"), (6, "million"))
_TWO_PLACES = Decimal("0.01")


def format_figure(value: float) -> str:
    """English rendering with comma grouping and only the decimals it needs ("10,000", "2.5")."""
    key = figure_key(value)
    sign = ""
    if key.startswith("-"):
        sign, key = "-", key[1:]
    whole, dot, frac = key.partition(".")
    grouped = f"{int(whole):,}"
    return sign + grouped + (dot + frac if frac else "")


def _amount(value: float) -> str:
    """ "10,000", "2.5", "3 million", "4.9 million", "1,234,567"."""
    for power, word in _SCALES:
        if abs(value) >= 10**power:
            mantissa = Decimal(figure_key(value)).scaleb(-power)
            if mantissa == mantissa.quantize(_TWO_PLACES) and abs(mantissa) < 1000:
                return f"{format_figure(float(mantissa))} {word}"
            break
    return format_figure(value)


def _money(figure: Figure, amount: str) -> str:
    code = figure.unit or ""
    symbol = currency_symbol(code)
    written = written_currency(figure.text)
    if written and written.lower() != symbol.lower():
        symbol = written.upper() if written.isalpha() else written
    return f"{symbol} {amount}" if any(ch.isalpha() for ch in symbol) else f"{symbol}{amount}"


def figure_label(figure: Figure, *, qualifier: bool = True, noun: bool = False) -> str:
    """The figure as an answer shows it: "about 10,000", "US$ 3 million", "25%", "thousands".

    With `noun`, the counted noun or unit follows ("about 10,000 tentara", "5 km").
    """
    if figure.vague:
        key = " ".join(figure.text.lower().split())
        words = VAGUE_ENGLISH.get(key) or f"on the order of {format_figure(figure.value)}"
    else:
        words = _amount(figure.value)
        if figure.unit == "%":
            words += "%"
        elif is_money(figure.unit):
            words = _money(figure, words)
    if noun and figure.unit and figure.unit != "%" and not is_money(figure.unit):
        words += f" {figure.unit}"
    if qualifier and figure.qualifier:
        words = f"{figure.qualifier} {words}"
    return words


def figure_field(figure: Figure) -> dict[str, Any]:
    """The figure in an answer's JSON: value, text as written, qualifier, vague, unit and label."""
    return {
        "value": figure.value,
        "text": figure.text,
        "qualifier": figure.qualifier,
        "vague": figure.vague,
        "unit": figure.unit,
        "label": figure_label(figure),
    }


def field_label(field: object) -> str:
    """The label of a figure held as JSON (`figure_field`), rebuilt if an older answer lacks it."""
    if not isinstance(field, Mapping):
        return "" if field is None else str(field)
    if field.get("label"):
        return str(field["label"])
    try:
        value = float(field.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(field.get("text") or "")
    figure = Figure(
        value=value,
        text=str(field.get("text") or ""),
        qualifier=field.get("qualifier"),
        vague=bool(field.get("vague")),
        unit=field.get("unit"),
    )
    return figure_label(figure)
