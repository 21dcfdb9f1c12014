"""Finding figures in text: `find_figures(text)` and the scanner a query goes through.

A Figure holds:
    value      the exact number; for a vague quantity the lower bound of its order of
               magnitude (ribuan -> 1000, puluhan ribu -> 10000), `vague=True` and
               `magnitude` the power of ten (3, 4). Exact figures have `magnitude=None`.
    text/start/end
               the number phrase itself: currency prefix, digits or number words, scale
               word (ribu, juta, "rb", "k") and percent sign or word. The qualifier and the
               counted noun are NOT inside the span, so `text[f.start:f.end] == f.text`.
    qualifier  in English (see `context`); a trailing "lebih" as in "10.000 lebih" is
               "more than"; "10 ribuan" and "10.000-an" are "about" 10,000.
    unit       see `units`.

Scales after digits: ribu/rb/k, juta/jt, miliar/milyar, triliun (and M/T after "Rp":
"Rp 5 M" is 5 miliar). Vague words: belasan, puluhan, ratusan, ribuan, jutaan,
miliaran, triliunan, optionally followed by a scale ("puluhan ribu" = 10**4), and
"beberapa" + scale ("beberapa ribu" = 10**3).

Ranges: in "3-4 ribu", "3-9 tahun", "20-30 persen" both ends are figures and what
follows the second (scale word, percent, noun) applies to the first too (its `text`
stays its own surface, "USD 3", with value 3000); a dash pair with nothing countable
after it ("menang 3-1", "21-13") is a score, and "21-28 Mei" a date range.

Not figures, besides what `context.not_a_count` rules out: dates ("27/2/2025",
"2024-10-28"), clock times ("pukul 10.30", "10.30 WIB", "10:30"), ordinals ("ke-979"),
designations ("KN-23", "F-16", "G7", "COVID-19", "roda dua"), phone numbers and codes
with leading zeros, digits inside words, negative numbers ("suhu -5 derajat"),
"sejumlah", "beberapa" alone, "satu-satunya", and idioms (`data/idioms.txt`: "salah
satu", "empat mata", "seribu satu alasan", "kaki lima"). Numbers written in several parts
("lima juta kurang seratus ribu", "dua koma lima persen", "2 juta 500 ribu") are read
whole (see `compose`). A query goes through the same scanner with the
year/date/designation rules off (a user who asks for "2022" means 2022) and English
scales on ("10k", "1.5m", "2 million").

Everything is a few precompiled regular expressions and a left-to-right scan.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from bot.corpus.figures.compose import decimals_after, minus_after, parts_after, scale_after
from bot.corpus.figures.context import (
    MORE_AFTER_RE,
    PERCENT_AFTER_RE,
    TIME_AFTER_RE,
    Before,
    idiom_end,
    month_after,
    not_a_count,
    unit_after,
)
from bot.corpus.figures.numbers import parse_digits, to_float, words_value
from bot.corpus.figures.units import currency_before, is_money
from bot.corpus.figures.vocab import (
    ATTACHED_UNITS,
    BIG_SCALES,
    DECIMAL_WORDS,
    FEW_MAGNITUDE,
    FEW_WORDS,
    MINUS_WORDS,
    MONEY_LETTERS,
    NUMBER_PARTS,
    NUMBER_STARTS,
    QUERY_MULTIPLIERS,
    TEXT_MULTIPLIERS,
    VAGUE_MAGNITUDE,
    ZERO_WORDS,
    L,
    trie,
)
from bot.models import Figure


# A candidate is a run of digits (digits glued to letters, "G7", are rejected by the digit
# reader, which also finds a glued currency: "Rp5", "RM5") or, at a word boundary, a vague
# quantity or number words. Every branch opens with its own first character, so the regex
# engine skips the positions no figure can start at; the group that matched says which
# kind it is (v: vague, w: number words, none: digits).
def _word_branch(first: str) -> str:
    """The regex branch for the vague quantities and number words that start with `first`."""

    def rests(words: object) -> list[str]:
        return [w[1:] for w in words if w[0] == first]  # type: ignore[attr-defined]

    kinds = []
    if vague := rests(VAGUE_MAGNITUDE):
        kinds.append(rf"(?:{trie(vague)})\b(?:\s+(?:{trie(BIG_SCALES)})\b)?")
    if few := rests(FEW_WORDS):
        kinds.append(rf"(?:{trie(few)})\s+(?:{trie(FEW_MAGNITUDE)})\b")
    branch = []
    if kinds:
        branch.append(rf"(?P<v{ord(first)}>{'|'.join(kinds)})")
    if starts := rests(NUMBER_STARTS):
        branch.append(rf"(?P<w{ord(first)}>(?:{trie(starts)})\b(?:\s+(?:{trie(NUMBER_PARTS)})\b)*)")
    return rf"{re.escape(first)}(?<!\w{re.escape(first)})(?:{'|'.join(branch)})"


_CANDIDATE_PATTERN = "|".join(
    [
        *(rf"{digit}[0-9]*(?:[.,][0-9]+)*" for digit in "0123456789"),
        *(_word_branch(first) for first in sorted({w[0] for w in (*VAGUE_MAGNITUDE, *FEW_WORDS, *NUMBER_STARTS)})),
    ]
)
_PART_WORDS = tuple(sorted(DECIMAL_WORDS | MINUS_WORDS))
#: run on the lower-cased text, which keeps every character where it was
_CANDIDATE_RE = re.compile(_CANDIDATE_PATTERN)
#: when a text has no number word in it, only digits need looking for
_DIGITS_ONLY_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_DIGIT_RE = re.compile(r"[0-9]")


def _word_stems(words: frozenset[str]) -> tuple[str, ...]:
    """The words no other word contains: every number word holds one of them."""
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


#: every number word and vague word contains one of these (a cheap test before the regex);
#: a zero word needs none: it is a figure only with a digit word after it ("nol koma lima")
_STEMS = _word_stems((NUMBER_PARTS - ZERO_WORDS) | frozenset(VAGUE_MAGNITUDE))


def _may_hold_number_word(lowered: str) -> bool:
    return any(stem in lowered for stem in _STEMS)


_WORD_TOKEN_RE = re.compile(r"\S+")
_ATTACHED_RE = re.compile(rf"{L}+")
_MULTIPLIER_AFTER_RE = re.compile(rf"\s*({L}+)(?!{L})")
_RANGE_AFTER_RE = re.compile(r"[-–][0-9]+(?:[.,][0-9]+)*(?![0-9]|[.,][0-9]|\w)")
_PHONE_RE = re.compile(r"(?:\+\d{1,3}|\(0\d{1,4}\)|0\d{1,4})(?:[ .-]?\d{2,5}){2,}")
_DASH_DATE_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}-\d{1,2}-\d{4}(?!\d)")
_GLUED_RE = re.compile(r"(?:\w|[.,/:-](?=\w))*")

_CONTEXT = 48  # characters of left context examined for qualifiers, currencies, years
_SHORT = 48  # a text this short (a query) goes straight to the full regex: no cheaper test first


def find_figures(text: str) -> list[Figure]:
    """Every quantity in `text`, left to right (see the module docstring for the rules)."""
    if not text:
        return []
    return scan(text, query=False)


def scan(text: str, query: bool) -> list[Figure]:
    """The figures of `text`; `query` reads it as a user's query (see the module docstring)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: keep such a character as it is
        lowered = "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)
    if len(text) <= _SHORT or _may_hold_number_word(lowered):
        candidates = _CANDIDATE_RE
    elif _DIGIT_RE.search(lowered):
        candidates = _DIGITS_ONLY_RE
    else:
        return []
    parts = False  # whether the text has "koma" or "kurang", for a number written in parts
    for word in _PART_WORDS:
        if word in lowered:
            parts = True
            break
    figures: list[Figure] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = candidates.search(lowered, pos)
        if m is None:
            break
        start, pos = m.span()
        kind = m.lastgroup
        if kind is None:
            fig, resume = _digits_figure(text, start, pos, query, parts)
        elif kind[0] == "v":
            fig, resume = _vague_figure(text, start, pos)
        else:
            fig, resume = _words_figure(text, start, m.group(), query, parts)
        if resume is not None:
            pos = max(resume, start + 1)
        if fig is not None:
            if fig.unit is None and figures and _ends_a_money_range(text, figures[-1], fig):
                fig = replace(fig, unit=figures[-1].unit)  # USD 3-4 ribu: both ends are dollars
            figures.append(fig)
    return figures


def _ends_a_money_range(text: str, first: Figure, second: Figure) -> bool:
    return is_money(first.unit) and text[first.end : second.start] in ("-", "–")


def _finish(
    text: str,
    start: int,
    end: int,
    value: float,
    *,
    before: Before,
    unit: str | None,
    vague: bool = False,
    magnitude: int | None = None,
    approximate: bool = False,
) -> Figure:
    """Percent sign, trailing "lebih", qualifier and counted noun around a number."""
    pct = PERCENT_AFTER_RE.match(text, end)
    if pct:
        end = pct.end()
        unit = "%"
    qualifier = before.qualifier() or ("about" if approximate else None)
    after = end
    more = MORE_AFTER_RE.match(text, end)
    if more:
        after = more.end()
        if qualifier is None:
            qualifier = "more than"
    if unit is None:
        unit = unit_after(text, after)
    return Figure(
        value=value,
        text=text[start:end],
        start=start,
        end=end,
        qualifier=qualifier,
        vague=vague,
        magnitude=magnitude,
        unit=unit,
    )


def _digits_figure(text: str, s: int, e: int, query: bool, parts: bool) -> tuple[Figure | None, int | None]:
    raw = text[s:e]
    prev = text[s - 1] if s else " "
    nxt = text[e] if e < len(text) else " "
    if prev.isdigit() or (prev in ".," and s >= 2 and text[s - 2].isalnum()):
        return None, _skip_glued(text, e)  # the tail of "US23,4" or of another script's number
    if prev in "-−" and (s < 2 or text[s - 2].isspace() or text[s - 2] in "(["):
        return None, _skip_glued(text, e)  # a negative number (suhu -5 derajat) is not a count

    # phone numbers, codes and dash dates are skipped as a whole
    if raw[0] == "0" or prev in "+(":
        phone = _PHONE_RE.match(text, s - 1 if prev in "+(" else s)
        if phone and phone.end() > e:
            return None, phone.end()
    if nxt == "-":
        dash_date = _DASH_DATE_RE.match(text, s)
        if dash_date:
            return None, dash_date.end()
    if raw[0] == "0" and len(raw) > 1 and raw[1] not in ".,":
        return None, None  # 007, 05: codes, not counts
    if prev in "/:#@+" or (nxt in "/:" and e + 1 < len(text) and text[e + 1].isdigit()):
        return None, _skip_glued(text, e)  # 27/2/2025, 10:30, 3/4

    head = text[max(0, s - _CONTEXT) : s]
    start = s
    unit: str | None = None
    cur = currency_before(head)
    if cur is not None:
        start = s - (len(head) - cur[0])
        unit = cur[1]
        head = head[: cur[0]]
    elif prev.isalpha() or prev == "_":
        return None, _skip_glued(text, e)  # glued to letters
    elif prev in "-–" and s >= 2 and text[s - 2].isalpha():
        return None, _skip_glued(text, e)  # KN-23, F-16, ke-979

    value = parse_digits(raw)
    if value is None:
        return None, None

    end = e
    power: int | None = None  # the scale the digits are multiplied by
    approximate = False
    glued = _ATTACHED_RE.match(text, e)
    if glued:
        suffix = glued.group(0).lower()
        table = QUERY_MULTIPLIERS if query else TEXT_MULTIPLIERS
        if unit == "rp" and suffix in MONEY_LETTERS:
            power, end = MONEY_LETTERS[suffix], glued.end()
        elif suffix in table:
            power, end = table[suffix], glued.end()
        elif suffix == "an" and not raw.isdigit():
            end = glued.end()  # 2.000an: about 2,000 (but 1990an is a decade)
            approximate = True
        elif (
            suffix in ATTACHED_UNITS
            and not (query and suffix in QUERY_MULTIPLIERS)
            and not (len(suffix) == 1 and glued.group(0).isupper())  # 5G, 3D
        ):
            unit = unit or ATTACHED_UNITS[suffix]
            end = glued.end()
        else:
            return None, glued.end()  # 4WD, 19th
    elif nxt in "-–" and text[e + 1 : e + 3].lower() == "an" and not (e + 3 < len(text) and text[e + 3].isalpha()):
        if raw.isdigit():
            return None, e + 3  # 1990-an, 80-an: decades
        end = e + 3  # 10.000-an: about 10,000
        approximate = True
    elif nxt in "-–":
        span = _RANGE_AFTER_RE.match(text, e)
        if span:
            # "3-4 ribu", "3-9 tahun", "20-30 persen" are ranges: what follows the
            # second number applies to the first; "3-1", "21-13" (scores) and
            # "21-28 Mei" (dates) are not quantities at all.
            r_end = span.end()
            if not query and month_after(text, r_end):
                return None, r_end
            mult = _MULTIPLIER_AFTER_RE.match(text, r_end)
            power = TEXT_MULTIPLIERS.get(mult.group(1).lower()) if mult else None
            if power is not None and mult is not None:
                unit = unit or unit_after(text, mult.end())
            elif PERCENT_AFTER_RE.match(text, r_end):
                unit = "%"
            elif unit is None:
                unit = unit_after(text, r_end)
                if unit is None and not query:
                    return None, r_end
    if end == e and power is None:
        power, end, approximate = scale_after(text, e, unit, query)
    if power is not None:
        value *= Decimal(10) ** power
        if end > e and text[end + 1 : end + 2].isdigit():
            more = parts_after(text, end, value, power)  # 2 juta 500 ribu
            if more is not None:
                value, end = more
    elif parts and end == e and raw.isdigit():
        spoken = decimals_after(text, e, value)  # 2 koma 5
        if spoken is not None:
            value, end, power = spoken[0], spoken[1], 0

    before = Before(head)
    if not query:
        if before.last() == "pukul" or (before.last() == "jam" and not raw.isdigit()):
            return None, None  # pukul 10.30, jam 10.30
        if raw.isdigit() and power is None and unit is None:
            if not_a_count(text, e, raw, before):
                return None, None
        elif "." in raw and TIME_AFTER_RE.match(text, e):
            return None, None  # 10.30 WIB

    less = minus_after(text, end, value) if parts else None  # 5 juta kurang 100 ribu
    if less is not None:
        value, end = less
    number = to_float(value)
    if number is None:
        return None, None
    fig = _finish(text, start, end, number, before=before, unit=unit, approximate=approximate)
    return fig, end


def _skip_glued(text: str, e: int) -> int:
    """Resume after the rest of a glued token (digits and letters) such as "Su-34M"."""
    m = _GLUED_RE.match(text, e)
    return m.end() if m else e


def _vague_figure(text: str, s: int, e: int) -> tuple[Figure | None, int | None]:
    phrase = " ".join(text[s:e].lower().split())
    first, _, second = phrase.partition(" ")
    if first in FEW_WORDS:
        magnitude = FEW_MAGNITUDE[second]
    else:
        magnitude = VAGUE_MAGNITUDE[first] + (BIG_SCALES[second] if second else 0)
    before = Before(text[max(0, s - _CONTEXT) : s])
    fig = _finish(
        text,
        s,
        e,
        float(10**magnitude),
        before=before,
        unit=None,
        vague=True,
        magnitude=magnitude,
    )
    return fig, e


def _words_figure(text: str, s: int, phrase: str, query: bool, parts: bool) -> tuple[Figure | None, int | None]:
    spans = [(m.start() + s, m.end() + s) for m in _WORD_TOKEN_RE.finditer(phrase)]
    first_end = spans[0][1]
    prev = text[s - 1] if s else " "
    if prev in "-–":
        return None, first_end  # ke-tiga
    before = Before(text[max(0, s - _CONTEXT) : s])
    if not query and before.names_with_a_number_word():
        return None, first_end  # roda dua, nomor satu, nomor urut enam
    tokens = [text[a:b] for a, b in spans]
    parsed = words_value(tokens)
    if parsed is None:
        if tokens[0].lower() not in ZERO_WORDS:
            return None, first_end
        parsed = (Decimal(0), 1)  # nol: a figure only with decimals after it
    value, used = parsed
    end = spans[used - 1][1]
    if end < len(text) and text[end] in "-–":
        return None, _skip_glued(text, end)  # satu-satunya, dua-duanya
    idiom = idiom_end(text, s, end, before)
    if idiom is not None:
        return None, idiom  # empat mata, seribu satu alasan, salah satu, satu per satu
    if value < 1000 and value == value.to_integral_value():
        spoken = decimals_after(text, end, value) if parts else None  # dua koma lima
        if spoken is not None:
            value, end = spoken
        elif not value:
            return None, end
    if not query and value <= 31 and month_after(text, end):
        return None, end  # dua puluh Juni
    less = minus_after(text, end, value) if parts else None  # lima juta kurang seratus ribu
    if less is not None:
        value, end = less
    number = to_float(value)
    if number is None:
        return None, end
    fig = _finish(text, s, end, number, before=before, unit=None)
    if not query and text[s].isupper() and fig.unit is None and before.follows_a_name():
        return None, end  # Kelapa Dua, Mangga Dua: part of a name
    return fig, end
