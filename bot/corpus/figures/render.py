"""Figures in English: `format_figure` for a value, `describe_figure` for a figure.

`format_figure(10000.0)` is "10,000" (comma grouping, only the decimals it needs);
`describe_figure` adds the qualifier, the percent sign or the currency, or gives the
English for a vague quantity: "about 10,000", "tens of thousands", "20%", "Rp 5,000".
"""

from __future__ import annotations

from bot.corpus.figures.numbers import figure_key
from bot.corpus.figures.units import currency_symbol, is_money
from bot.corpus.figures.vocab import VAGUE_ENGLISH
from bot.models import Figure


def format_figure(value: float) -> str:
    """English rendering with comma grouping and only the decimals it needs ("10,000", "2.5")."""
    key = figure_key(value)
    sign = ""
    if key.startswith("-"):
        sign, key = "-", key[1:]
    whole, dot, frac = key.partition(".")
    grouped = f"{int(whole):,}"
    return sign + grouped + (dot + frac if frac else "")


def describe_figure(figure: Figure) -> str:
    """English words for a figure, qualifier first: "about 10,000", "tens of thousands"."""
    if figure.vague:
        key = " ".join(figure.text.lower().split())
        words = VAGUE_ENGLISH.get(key) or f"on the order of {format_figure(figure.value)}"
    else:
        words = format_figure(figure.value)
        if figure.unit == "%":
            words += "%"
        elif figure.unit is not None and is_money(figure.unit):
            words = f"{currency_symbol(figure.unit)} {words}"
    if figure.qualifier:
        words = f"{figure.qualifier} {words}"
    return words
