"""Which figures of a sentence a figure query matches: the value, never a label, a score or a document number.

The figure reader finds every number; a claim is about a quantity. "Model 3", "tersangka
2", "putaran dua", "nomor 2268", "Pasal 27", "KM 21" name something with a number that
follows its noun (`data/label_nouns.txt`), "2-2" and "3-4-3" are scores and formations,
"2268 K / 30/MEM / 2017" is a document's number: none of them is what a source confirmed.
"""

from __future__ import annotations

import re

from bot.corpus.figures.query import figures_match
from bot.corpus.figures.vocab import GROUP_KINDS, UNIT_GROUPS
from bot.models import Figure
from bot.nlp import vocab

_LABEL_NOUNS = vocab.words("label_nouns")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][\w.'-]*)\s*$")
_SCORE_RE = re.compile(r"\d\s*[-–]\s*\d")
_NUMBER_OF_RE = re.compile(r"^\s*(?:[A-Z]{1,4}\s*)?/")
_TIME_AFTER_RE = re.compile(r"\s*[a-z]+\s+(?:ini|itu|lalu|depan|mendatang|kemarin)\b")
_SCALED_RE = re.compile(r"(?i)\d\s*(?:ribu|juta|miliar|milyar|triliun|thousand|million|billion|trillion)\b")


def same_figure(text: str, found: Figure, wanted: Figure) -> bool:
    """Does `found`, read in `text`, state the queried figure? The same exact value (any
    notation, the query's unit narrowing it) and a quantity, not a label; for a vague
    query ("puluhan ribu") the same vague quantity."""
    if wanted.vague:
        return found.vague and found.value == wanted.value and found.magnitude == wanted.magnitude
    return figures_match(found, wanted) and not is_label(text, found)


def is_label(text: str, figure: Figure) -> bool:
    """Is the figure a label, a score or a document's number rather than a quantity?"""
    start, end = _span(text, figure)
    if start is None or end is None:
        return False
    if _SCALED_RE.search(figure.text or ""):
        return False  # "terminal 20 juta penumpang": a number with a scale word counts, it names nothing
    if _SCORE_RE.search(text[max(0, start - 2) : end + 3]) and not figure.unit:
        return True  # "2-2", "3-4 - 3", a score or a formation
    if _NUMBER_OF_RE.match(text[end:]):
        return True  # "2268 K / 30/MEM / 2017": the number of a decree
    before = _WORD_BEFORE_RE.search(text[:start])
    if before is None or figure.unit in ("%",) or ((figure.unit or "").isalpha() and len(figure.unit or "") <= 3):
        return False
    word = before.group(1)
    if word.lower() in _LABEL_NOUNS:
        # "tersangka 2" names a suspect; "terdakwa 25 tahun penjara" measures a sentence
        measured = GROUP_KINDS.get(UNIT_GROUPS.get(figure.unit or "", ""), "") in ("measure", "classifier")
        return not measured or _TIME_AFTER_RE.match(text, end) is not None  # "Model 3 tahun ini": this year
    # "Model 3", "Galaxy S8": a capitalised product name then its number, nothing counted after it
    return word[:1].isupper() and not word.isupper() and figure.unit is None and not _qualifies(text, start)


def _qualifies(text: str, start: int) -> bool:
    """A word before the number that makes it a quantity anyway ("Sebanyak 10", "Hingga 5")."""
    before = _WORD_BEFORE_RE.search(text[:start])
    return before is not None and before.group(1).lower() in (
        "sebanyak",
        "sekitar",
        "hingga",
        "mencapai",
        "lebih",
        "kurang",
        "hampir",
        "setidaknya",
        "sedikitnya",
        "total",
        "ada",
        "hanya",
    )


def _span(text: str, figure: Figure) -> tuple[int | None, int | None]:
    if 0 <= figure.start < figure.end <= len(text) and text[figure.start : figure.end] == figure.text:
        return figure.start, figure.end
    idx = text.find(figure.text) if figure.text else -1
    return (idx, idx + len(figure.text)) if idx >= 0 else (None, None)
