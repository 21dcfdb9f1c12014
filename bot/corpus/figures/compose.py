"""Scale words after digits, and numbers written in several parts ("X kurang Y", "N koma D").

`scale_after` reads the scale after digits: ribu/rb/k, juta/jt, miliar/milyar, triliun,
English scales in a query ("1.5m", "2 bn"), "-an" forms meaning "about" ("10 ribuan"),
and capital letters after money ("Rp 5 M" is 5 miliar, in a query too). The rest reads
what may follow a number:

    lima juta kurang seratus ribu   4,900,000  (a number less a smaller one)
    Rp 5 juta kurang 100 ribu       4,900,000
    dua koma lima persen            2.5%       (the decimal mark said as a word)
    2 koma 5 juta                   2,500,000
    nol koma tiga                   0.3
    2 juta 500 ribu                 2,500,000  (scaled parts, each smaller than the last)

The scanner reads the first number; these functions read what may follow it and return
the new value and where the figure now ends, or None when nothing follows. The words
("kurang", "koma", the digit words) are in `data/context_words.tsv` and
`data/number_words.tsv`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.corpus.figures.numbers import parse_digits, words_value
from bot.corpus.figures.vocab import (
    APPROX_MULTIPLIERS,
    DECIMAL_WORDS,
    MINUS_WORDS,
    MONEY_LETTERS,
    NUMBER_PARTS,
    NUMBER_STARTS,
    QUERY_MULTIPLIERS,
    TEXT_MULTIPLIERS,
    UNITS,
    ZERO_WORDS,
    L,
    alternation,
)

_DECIMAL_RE = re.compile(rf"\s+(?:{alternation(DECIMAL_WORDS)})\s+", re.IGNORECASE)
_MINUS_RE = re.compile(rf"\s+(?:{alternation(MINUS_WORDS)})\s+", re.IGNORECASE)
_DIGITS_AT_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*(?![0-9]|[.,][0-9])")
_WORDS_AT_RE = re.compile(
    rf"(?:{alternation(NUMBER_STARTS)})(?!{L})(?:\s+(?:{alternation(NUMBER_PARTS)})(?!{L}))*", re.IGNORECASE
)
_DIGIT_WORD_RE = re.compile(rf"\s*({alternation([*UNITS, *ZERO_WORDS])})(?!{L})", re.IGNORECASE)
_SCALE_AFTER_RE = re.compile(rf"\s*({L}+)(?!{L})")  # also a scale glued to the digits
_WORD_TOKEN_RE = re.compile(r"\S+")
_DIGIT_VALUES = {**{w: str(v) for w, v in UNITS.items()}, **dict.fromkeys(ZERO_WORDS, "0")}


#: a money scale is written in capitals after an amount ("Rp 5 M", "Rp 3 T", "Rp 2 Jt")
_MONEY_LETTER_AFTER_RE = re.compile(
    rf"\s?({alternation({v for w in MONEY_LETTERS for v in (w.upper(), w.capitalize())})})(?!{L})"
)


def scale_after(text: str, e: int, unit: str | None, query: bool) -> tuple[int | None, int, bool]:
    """A scale word after the digits: its power, where it ends, and whether it means "about"."""
    if unit == "rp":  # Rp 5 M is 5 miliar, in a query too (where a bare "5 M" is 5 million)
        money = _MONEY_LETTER_AFTER_RE.match(text, e)
        if money:
            return MONEY_LETTERS[money.group(1).lower()], money.end(), False
    mult = _SCALE_AFTER_RE.match(text, e)
    if mult:
        word = mult.group(1).lower()
        table = QUERY_MULTIPLIERS if query else TEXT_MULTIPLIERS
        if word in table and (query or word != "k"):
            return table[word], mult.end(), False
        if word in APPROX_MULTIPLIERS:
            return APPROX_MULTIPLIERS[word], mult.end(), True
    if unit is not None:
        money = _MONEY_LETTER_AFTER_RE.match(text, e)
        if money:
            return MONEY_LETTERS[money.group(1).lower()], money.end(), False
    return None, e, False


def scale_at(text: str, pos: int) -> tuple[int, int] | None:
    """A scale word right at `pos` ("juta" -> power 6) and where it ends, or None."""
    m = _SCALE_AFTER_RE.match(text, pos)
    if m is None:
        return None
    power = TEXT_MULTIPLIERS.get(m.group(1).lower())
    return (power, m.end()) if power is not None else None


def number_at(text: str, pos: int) -> tuple[Decimal, int] | None:
    """A number starting at `pos`: digits with an optional scale, or number words."""
    m = _DIGITS_AT_RE.match(text, pos)
    if m is not None:
        value = parse_digits(m.group(0))
        end = m.end()
        if value is None or (end < len(text) and text[end].isalpha() and scale_at(text, end) is None):
            return None
        scale = scale_at(text, end)
        if scale is not None:
            value *= Decimal(10) ** scale[0]
            end = scale[1]
        return value, end
    m = _WORDS_AT_RE.match(text, pos)
    if m is None:
        return None
    tokens = [(t.start() + pos, t.end() + pos) for t in _WORD_TOKEN_RE.finditer(m.group(0))]
    parsed = words_value([text[a:b] for a, b in tokens])
    if parsed is None:
        return None
    return parsed[0], tokens[parsed[1] - 1][1]


def minus_after(text: str, end: int, value: Decimal) -> tuple[Decimal, int] | None:
    """ "lima juta | kurang seratus ribu": the value less a smaller number, and its new end."""
    m = _MINUS_RE.match(text, end)
    if m is None:
        return None
    less = number_at(text, m.end())
    if less is None or not 0 < less[0] < value:
        return None
    return value - less[0], less[1]


def decimals_after(text: str, end: int, whole: Decimal) -> tuple[Decimal, int] | None:
    """ "dua | koma lima juta": the whole number with its spoken decimals (and scale)."""
    m = _DECIMAL_RE.match(text, end)
    if m is None:
        return None
    pos = m.end()
    digits = _DIGITS_AT_RE.match(text, pos)
    if digits is not None and digits.group(0).isdigit():
        places, pos = digits.group(0), digits.end()
        if pos < len(text) and text[pos].isalpha() and scale_at(text, pos) is None:
            return None
    else:
        said = []
        while (word := _DIGIT_WORD_RE.match(text, pos)) is not None:
            said.append(_DIGIT_VALUES[word.group(1).lower()])
            pos = word.end()
        if not said:
            return None
        places = "".join(said)
    value = whole + Decimal("0." + places)
    scale = scale_at(text, pos)
    if scale is not None:
        value *= Decimal(10) ** scale[0]
        pos = scale[1]
    return value, pos


def parts_after(text: str, end: int, value: Decimal, power: int) -> tuple[Decimal, int] | None:
    """ "2 juta | 500 ribu": further parts with smaller scales added to a scaled number."""
    found = None
    while True:
        m = _DIGITS_AT_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        if m is None or not m.group(0).isdigit() or len(m.group(0)) > 3:
            return found
        scale = scale_at(text, m.end())
        if scale is None or scale[0] >= power:
            return found
        value += Decimal(m.group(0)) * Decimal(10) ** scale[0]
        end, power = scale[1], scale[0]
        found = (value, end)
