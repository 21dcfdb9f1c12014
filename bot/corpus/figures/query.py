"""A user's figure, and which figures in the articles it stands for.

`read_figure_query(text)` is what `/who-confirmed` asks for: one figure in any notation
("10000", "10k", "10.000", "10 ribu", "sepuluh ribu", "sekitar 10.000 tentara",
"puluhan ribu", "15 persen", "US$ 3 juta", "Rp 5 M"), read with the article scanner with
the year/date/designation rules off and English scales on. Input it cannot read as one
figure raises `QueryError` with a message that says why: a sign ("-5", "+5"), another
base ("0x10", "0b1"), scientific notation ("1e3"), a range ("5-10"), several figures, or
no figure at all. `parse_figure(query)` is the lenient reader behind `kabar search`: the
first figure or None.

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
import unicodedata
from decimal import Decimal, InvalidOperation

from bot.corpus.figures.render import figure_label, format_figure
from bot.corpus.figures.scan import scan
from bot.corpus.figures.units import units_agree, units_related
from bot.errors import QueryError
from bot.models import Figure

_SPACE_GROUPED_RE = re.compile(r"\s*([1-9][0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+)\s*")
_SIGN_RE = re.compile(r"(?:^|(?<=[\s(\[$€£¥]))(?<![0-9]\s)([+\-−–—±])\s*(?=[0-9])")
_RADIX_RE = re.compile(r"(?<![0-9A-Za-z.,])0([xXbBoO])[0-9A-Za-z]*")
_EXPONENT_RE = re.compile(r"(?<![0-9A-Za-z.,])([0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+)(?![0-9A-Za-z])")
_ODD_GROUPING_RE = re.compile(r"[0-9][_'’][0-9]")
_RANGE_RE = re.compile(r"[0-9]\s*(?:-|–|—|\.\.)\s*[0-9]")
_PERCENT_FIRST_RE = re.compile(r"%\s*[0-9]")
_LONG_DIGITS_RE = re.compile(r"[0-9]{19,}")
_BASES = {"x": "hexadecimal", "b": "binary", "o": "octal"}
_EXAMPLE = "Try a number such as 10000, 10.000, 10k, 10 ribu, 15 persen or US$ 3 juta."


def parse_figure(query: str) -> Figure | None:
    """The first figure in a user's query, parsed like article text plus English scales.

    A query that is only digits grouped by spaces ("10 000") is read as one number.
    """
    if not query or not query.strip():
        return None
    spaced = _SPACE_GROUPED_RE.fullmatch(query)
    if spaced:
        digits = "".join(spaced.group(1).split())
        return Figure(value=float(digits), text=spaced.group(1), start=spaced.start(1), end=spaced.end(1))
    found = scan(query, query=True)
    return found[0] if found else None


def read_figure_query(text: str) -> Figure:
    """The one figure a `/who-confirmed` query asks for; QueryError saying why when there is none."""
    query = " ".join((text or "").split())
    shown = query if len(query) <= 40 else query[:39] + "…"
    if not query:
        raise QueryError(f"Give a figure to look for. {_EXAMPLE}")
    _refuse_odd_notation(query, shown)
    figure = parse_figure(query)
    if figure is None:
        raise QueryError(f"{shown!r} is not a figure. {_EXAMPLE}")
    if _SPACE_GROUPED_RE.fullmatch(query):
        return figure
    if _RANGE_RE.search(query):
        raise QueryError(f"{shown!r} is a range; ask for one figure at a time, for example {figure.text}.")
    values = list(dict.fromkeys((f.value, f.vague) for f in scan(query, query=True)))
    if len(values) > 1:
        listed = ", ".join(figure_label(f, qualifier=False) for f in scan(query, query=True)[:4])
        raise QueryError(f"{shown!r} holds several figures ({listed}); ask for one at a time.")
    return figure


def _refuse_odd_notation(query: str, shown: str) -> None:
    """QueryError for a notation the news never uses and the scanner would misread."""
    if any(unicodedata.category(ch) in ("Nd", "No") and not "0" <= ch <= "9" for ch in query):
        raise QueryError(f"{shown!r} uses digits other than 0-9; write the figure with 0-9, for example 10000.")
    sign = _SIGN_RE.search(query)
    if sign:
        raise QueryError(
            f"{shown!r} has a sign ({sign.group(1)}): figures are looked up as the news writes them, "
            f"without + or -. Ask for {_without_sign(query, sign)} instead."
        )
    radix = _RADIX_RE.search(query)
    if radix:
        raise QueryError(
            f"{shown!r} looks like a {_BASES[radix.group(1).lower()]} number; write the figure in "
            f"ordinary decimal digits{_in_decimal(radix.group(0))}."
        )
    exponent = _EXPONENT_RE.search(query)
    if exponent:
        raise QueryError(f"{shown!r} is in scientific notation; write the figure out{_spelled(exponent.group(1))}.")
    if _ODD_GROUPING_RE.search(query):
        raise QueryError(f"{shown!r} groups digits with _ or '; write 10000 or 10.000 instead.")
    if _PERCENT_FIRST_RE.search(query):
        raise QueryError(f"{shown!r} puts % before the number; write 15% or 15 persen.")
    if _LONG_DIGITS_RE.search(query):
        raise QueryError(f"{shown!r} is longer than any figure in the news; ask for at most 18 digits.")


def _without_sign(query: str, sign: re.Match[str]) -> str:
    rest = query[sign.end() :]
    return (rest.split() or ["the number itself"])[0]


def _in_decimal(written: str) -> str:
    try:
        value = int(written, 0) if len(written) <= 20 else None
    except ValueError:
        value = None
    return "" if value is None else f" ({written} is {value:,})"


def _spelled(written: str) -> str:
    try:
        value = Decimal(written.replace(",", "."))
    except InvalidOperation:
        return ""
    if not value.is_finite() or abs(value.adjusted()) > 15:
        return ""
    return f" ({written} is {format_figure(float(value))})"


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
    left = [
        f.unit or "no unit" for f in figures if figures_match(f, wanted, units=False) and not figures_match(f, wanted)
    ]
    return list(dict.fromkeys(left))
