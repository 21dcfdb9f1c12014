"""Numbers as written: digit notation and Indonesian number words to exact values.

Digit notation: "." groups thousands and "," marks decimals in Indonesian, but English
"10,000" also appears. A separator followed by exactly three digits groups thousands
("10.000", "10,000", "1.500"); any other single separator is a decimal ("2,5", "1.5",
"10.30"); a mix uses the last one as the decimal mark ("1.234,5", "1,234.5"); anything
else ("1.2.3", "192.168.1.1") is not a number.

Number words: satu..sembilan, sepuluh, sebelas, "dua belas", "dua puluh lima", seratus,
"dua ratus lima puluh", seribu, "tiga juta lima ratus ribu", sejuta, miliar/milyar,
triliun, and setengah ("satu setengah juta" = 1,500,000); the words are in
`data/number_words.tsv`.

Values are Decimals while they are built (no binary rounding of "0,1" or of large
scales) and become floats at the end (`to_float`); `figure_key` is the notation-free key
the store indexes exact values by.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from bot.corpus.figures.vocab import BIG_SCALES, FRACTIONS, HUNDREDS, SE_WORDS, SMALL_SCALES, TENS, UNITS

_SEPARATOR_RE = re.compile(r"[.,]")
_THREE_DIGITS_RE = re.compile(r"\d{3}")


def parse_digits(raw: str) -> Decimal | None:
    """The value of a digit string with "." and "," separators, or None if it is not a number."""
    if "." not in raw and "," not in raw:
        return Decimal(raw)
    groups = _SEPARATOR_RE.split(raw)
    seps = [c for c in raw if c in ".,"]
    head = groups[0]
    if len(set(seps)) == 1:
        if len(seps) == 1:
            tail = groups[1]
            if len(tail) == 3 and head != "0" and not head.startswith("0") and len(head) <= 3:
                return Decimal(head + tail)
            return Decimal(f"{head}.{tail}")
        # several of one kind: only thousands groups make sense
        if 1 <= len(head) <= 3 and not head.startswith("0") and all(_THREE_DIGITS_RE.fullmatch(g) for g in groups[1:]):
            return Decimal("".join(groups))
        return None
    # both kinds: the last separator is the decimal mark and appears once
    decimal_mark = seps[-1]
    if seps.count(decimal_mark) != 1:
        return None
    thousands = groups[:-1]
    if not (1 <= len(thousands[0]) <= 3) or thousands[0].startswith("0"):
        return None
    if not all(_THREE_DIGITS_RE.fullmatch(g) for g in thousands[1:]):
        return None
    return Decimal("".join(thousands) + "." + groups[-1])


def words_value(tokens: list[str]) -> tuple[Decimal, int] | None:
    """Value of Indonesian number words and how many tokens it used (the longest valid prefix)."""
    total = Decimal(0)
    group = Decimal(0)
    pending: Decimal | None = None
    last_big = 99
    best: tuple[Decimal, int] | None = None
    for used, tok in enumerate(tokens, start=1):
        word = tok.lower()
        scale: str | None = None
        if word in SE_WORDS:
            if pending is not None:
                break
            pending = Decimal(1)
            scale = SE_WORDS[word]
        elif word in UNITS:
            if pending is not None:
                break
            pending = Decimal(UNITS[word])
        elif word in FRACTIONS:
            if group or total:
                break
            fraction = Decimal(FRACTIONS[word])
            if pending is None:
                pending = fraction
            elif pending == pending.to_integral_value():
                pending += fraction
            else:
                break
        else:
            scale = word
        if scale is not None:
            if scale in SMALL_SCALES:
                if pending is None or pending != pending.to_integral_value():
                    break
                if scale in HUNDREDS:
                    if group:
                        break
                    group = pending * 100
                elif scale in TENS:
                    if group % 100:
                        break
                    group += pending * 10
                else:  # teen: belas
                    if group % 100:
                        break
                    group += pending + 10
                pending = None
            else:
                power = BIG_SCALES.get(scale)
                if power is None:
                    break
                amount = group + (pending or 0)
                if not amount or power >= last_big:
                    break
                total += amount * (Decimal(10) ** power)
                group = Decimal(0)
                pending = None
                last_big = power
        value = total + group + (pending or 0)
        if value:
            best = (value, used)
    return best


def to_float(value: Decimal) -> float | None:
    """The float of a Decimal, or None when it overflows or is not finite."""
    try:
        result = float(value)
    except (OverflowError, InvalidOperation):
        return None
    return result if math.isfinite(result) else None


def figure_key(value: float) -> str:
    """A canonical string for an exact value: no grouping, no trailing zeros ("10000", "2.5")."""
    d = Decimal(repr(float(value)))
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")
