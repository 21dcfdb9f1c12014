"""A user's figure and which figures in the articles it stands for.

`parse_figure(query)` reads the first figure of a query ("10000", "10k", "10.000",
"10 ribu", "sepuluh ribu", "sekitar 10.000 tentara", "puluhan ribu") with the article
scanner, with the year/date/designation rules off and English scales on.

`figures_match(found, wanted)` is the same exact value in any notation, with
percentages and different currencies kept apart; `figures_related(a, b)` pairs a vague
quantity with a value it could stand for ("puluhan ribu" and 10000, "ribuan" and
10000): the value lies within two orders of magnitude from the vague quantity's lower
bound (`10**m <= v < 10**(m+2)`).
"""

from __future__ import annotations

import math
import re

from bot.corpus.figures.scan import scan
from bot.corpus.figures.units import is_money
from bot.models import Figure

_SPACE_GROUPED_RE = re.compile(r"\s*([1-9][0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+)\s*")


def parse_figure(query: str) -> Figure | None:
    """The first figure in a user's query, parsed like article text plus English scales.

    A query that is only digits grouped by spaces ("10 000") is read as one number.
    """
    if not query or not query.strip():
        return None
    spaced = _SPACE_GROUPED_RE.fullmatch(query)
    if spaced:
        digits = "".join(spaced.group(1).split())
        return Figure(
            value=float(digits), text=spaced.group(1), start=spaced.start(1), end=spaced.end(1)
        )
    found = scan(query, query=True)
    return found[0] if found else None


def figures_match(a: Figure, b: Figure) -> bool:
    """Same exact value in any notation; percentages and different currencies kept apart."""
    if a.vague or b.vague:
        return False
    if a.unit is not None and b.unit is not None:
        if (a.unit == "%") != (b.unit == "%"):
            return False
        if is_money(a.unit) and is_money(b.unit) and a.unit != b.unit:
            return False
    return math.isclose(a.value, b.value, rel_tol=1e-12, abs_tol=0.0)


def figures_related(a: Figure, b: Figure) -> bool:
    """A vague quantity and a value it could stand for (or two vague ones of similar size)."""
    if a.vague == b.vague:
        if a.vague:
            return abs((a.magnitude or 0) - (b.magnitude or 0)) <= 1
        return False
    vague, exact = (a, b) if a.vague else (b, a)
    if exact.value <= 0:
        return False
    low = vague.value
    return low <= exact.value < low * 100
