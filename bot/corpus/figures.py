"""Quantities in Indonesian text: finding, normalising and matching figures.

Public API (other modules rely on these names):
    find_figures(text: str) -> list[Figure]
        Every quantity in a sentence, with value, qualifier, vagueness, span and unit.
    parse_figure(query: str) -> Figure | None
        A user's figure ("10000", "10k", "10.000", "10 ribu", "sepuluh ribu").
    format_figure(value: float) -> str
        The canonical English rendering ("10,000", "2.5").
"""
