"""A user's figure, and which figures in the articles it stands for.

`parse_figure(query)` reads the first figure of a query in any notation ("10000", "10k",
"10.000", "10 ribu", "sepuluh ribu", "sekitar 10.000 tentara", "puluhan ribu", "15
persen", "US$ 3 juta", "Rp 5 M") with the article scanner, with the year/date/
designation rules off and English scales on.

`figures_match(found, wanted)` is the same exact value in any notation, where the query's
unit narrows the match (see `units.units_agree`): "15 persen" is not "15 poin", "US$ 3
juta" is not "tiga juta penduduk", and a bare number matches every unit.
`figures_related(a, b)` pairs a vague quantity with a value it could stand for
("puluhan ribu" and 10000, "ribuan" and 10000): the value lies within two orders of
magnitude from the vague quantity's lower bound (`10**m <= v < 10**(m+2)`).
"""

from __future__ import annotations

import math
import re

from bot.corpus.figures.scan import scan
from bot.corpus.figures.units import units_agree, units_related
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


def figures_match(found: Figure, wanted: Figure, *, units: bool = True) -> bool:
    """Whether `found` (from an article) gives the query's figure `wanted`.

    Same exact value in any notation; with `units`, the query's unit narrows the match
    (`units.units_agree`). Vague quantities never match (see `figures_related`).
    """
    if found.vague or wanted.vague:
        return False
    if units and not units_agree(found.unit, wanted.unit):
        return False
    return math.isclose(found.value, wanted.value, rel_tol=1e-12, abs_tol=0.0)


def figures_related(a: Figure, b: Figure) -> bool:
    """A vague quantity and a value it could stand for (or two vague ones of similar size)."""
    if not units_related(a.unit, b.unit):
        return False
    if a.vague == b.vague:
        if a.vague:
            return abs((a.magnitude or 0) - (b.magnitude or 0)) <= 1
        return False
    vague, exact = (a, b) if a.vague else (b, a)
    if exact.value <= 0:
        return False
    low = vague.value
    return low <= exact.value < low * 100


def other_units(figures: list[Figure], wanted: Figure) -> list[str]:
    """The units of figures with the query's value that its unit left out ("poin", "no unit")."""
    if wanted.unit is None or wanted.vague:
        return []
    left = [f.unit or "no unit" for f in figures if figures_match(f, wanted, units=False)
            and not figures_match(f, wanted)]
    return list(dict.fromkeys(left))
