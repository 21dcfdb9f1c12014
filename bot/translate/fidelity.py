"""The fidelity guard: flag a translation that lost or changed a figure, echoed its input, or is empty.

The Indonesian side's figures come from `bot.corpus.figures.scan.find_figures` (one notion of
a figure for the whole project). The English side is read here with `english_values`,
which is deliberately generous: every plausible reading of a number counts ("10.000"
is both 10000 and 10.0, "10,000" and "10 thousand" and "ten thousand" are 10000,
"1.5 million" is 1500000, "tens of thousands" is a vague 10000). A source figure is
kept when one of those readings equals its value; qualifiers ("more than", "about")
need not match. A vague source figure ("puluhan ribu") is kept by any English figure
of the same order of magnitude.

Public API:
    english_values(text: str) -> set[float]             # every reading of every number
    english_vague(text: str) -> set[int]                # orders of magnitude said vaguely
    check(source: str, output: str, figures=None) -> tuple[str, ...]
        flags such as "figure-mismatch: 10,000 missing", "untranslated", "empty"
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from bot.corpus.figures.render import format_figure
from bot.corpus.figures.scan import find_figures
from bot.models import Figure

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
    "dozen": 12,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
_VAGUE = {
    "dozens": 10,
    "tens": 10,
    "scores": 10,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_GROUPED = re.compile(r"^\d{1,3}([.,])\d{3}(?:\1\d{3})*$")


def _number_readings(token: str) -> set[float]:
    """Every value a written number may mean: "10.000" -> {10000, 10.0}; "2,5" -> {2.5, 25}."""
    readings: set[float] = set()
    plain = token.replace(",", "").replace(".", "")
    if _GROUPED.match(token):
        readings.add(float(plain))
    if "," in token and "." in token:
        # "1,234.5" (English) or "1.234,5" (Indonesian/European)
        last = max(token.rfind(","), token.rfind("."))
        whole, frac = token[:last], token[last + 1 :]
        readings.add(float(re.sub(r"[.,]", "", whole) + "." + frac))
    elif token.count(",") + token.count(".") == 1:
        readings.add(float(token.replace(",", ".")))
    elif "," not in token and "." not in token:
        readings.add(float(token))
    else:
        readings.add(float(plain))
    return readings


def _words(text: str) -> list[str]:
    normal = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    # "10k", "2.5m", "3bn" -> "10 k", "2.5 m", "3 bn"
    normal = re.sub(r"(\d)(k|m|mn|bn|b|tn)\b", r"\1 \2", normal)
    normal = re.sub(r"(\d)-(?=[a-z])", r"\1 ", normal)  # "10-thousand", "5-year"
    return _TOKEN.findall(normal)


def english_values(text: str) -> set[float]:
    """All values the numbers in an English text may stand for, scaled by following words."""
    words = _words(text)
    values: set[float] = set()
    i = 0
    while i < len(words):
        word = words[i]
        if word[0].isdigit():
            base = _number_readings(word)
            values |= base
            j = i + 1
            scale = 1
            while j < len(words) and words[j] in _SCALES and words[j] not in ("a", "an"):
                scale *= _SCALES[words[j]]
                j += 1
            if scale != 1:
                values |= {b * scale for b in base}
            i = max(j, i + 1)
            continue
        if word in _UNITS or word in _TENS or (word in _SCALES and len(word) > 2):
            total, current, j, seen = 0, 0, i, False
            while j < len(words):
                w = words[j]
                if w in _UNITS and not (w in ("a", "an") and seen):
                    current += _UNITS[w]
                elif w in _TENS:
                    current += _TENS[w]
                elif w in _SCALES and len(w) > 2:
                    scale = _SCALES[w]
                    current = max(current, 1) * scale
                    if scale >= 1000:
                        total += current
                        current = 0
                elif w == "and" and seen and j + 1 < len(words) and (words[j + 1] in _UNITS or words[j + 1] in _TENS):
                    pass
                else:
                    break
                seen = True
                j += 1
            value = total + current
            # a bare "a"/"an" is an article, not the number one
            if seen and not (j == i + 1 and word in ("a", "an")):
                values.add(float(value))
            i = max(j, i + 1)
            continue
        i += 1
    return values


def english_vague(text: str) -> set[int]:
    """Orders of magnitude said vaguely: "tens of thousands" -> {4}, "hundreds" -> {2}."""
    words = _words(text)
    found: set[int] = set()
    for i, word in enumerate(words):
        if word not in _VAGUE:
            continue
        value = _VAGUE[word]
        j = i + 1
        while j + 1 < len(words) and words[j] == "of" and words[j + 1] in _VAGUE:
            value *= _VAGUE[words[j + 1]]
            j += 2
        found.add(round(math.log10(value)))
    return found


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _kept(figure: Figure, values: set[float], vague: set[int]) -> bool:
    if figure.vague:
        magnitude = (
            figure.magnitude
            if figure.magnitude is not None
            else (round(math.log10(figure.value)) if figure.value > 0 else 0)
        )
        if magnitude in vague:
            return True
        return any(v > 0 and math.floor(math.log10(v) + 1e-9) == magnitude for v in values)
    return any(_close(figure.value, v) for v in values)


_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


def _echoes(source: str, output: str) -> bool:
    """True when the output is (nearly) the source again: most of its words are source words."""
    src = [w.lower() for w in _WORD.findall(source)]
    out = [w.lower() for w in _WORD.findall(output)]
    if not out:
        return False
    if " ".join(out) == " ".join(src) and len(out) >= 2:
        return True
    if len(out) < 4:
        return False
    vocabulary = set(src)
    shared = sum(1 for w in out if w in vocabulary)
    return shared / len(out) >= 0.8


def check(source: str, output: str, figures: Sequence[Figure] | None = None) -> tuple[str, ...]:
    """Flags for one translated sentence (empty tuple when it passes)."""
    if not output or not output.strip():
        return ("empty",) if source.strip() else ()
    flags: list[str] = []
    wanted = list(figures) if figures is not None else find_figures(source)
    if wanted:
        values = english_values(output)
        vague = english_vague(output)
        for figure in wanted:
            if not _kept(figure, values, vague):
                shown = (
                    (figure.text.strip() or format_figure(figure.value))
                    if figure.vague
                    else format_figure(figure.value)
                )
                flags.append(f"figure-mismatch: {shown} missing")
    if _echoes(source, output):
        flags.append("untranslated")
    return tuple(dict.fromkeys(flags))
