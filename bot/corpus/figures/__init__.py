"""Quantities in Indonesian text: finding, reading, matching and labelling figures.

    vocab     the word lists in data/ (number words, scales, currencies ...), loaded once
    numbers   digit notation and number words to exact values; `figure_key`
    context   the words around a number: qualifier, counted noun, years and dates
    units     currencies and units: how they are written, their codes
    scan      `find_figures(text)`: every figure in a text
    query     `parse_figure(query)`, `figures_match`, `figures_related`
    render    `format_figure(value)`, `describe_figure(figure)`: figures in English

Import the names from the module that owns them; this package re-exports nothing.
"""
