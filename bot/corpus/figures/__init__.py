"""Quantities in Indonesian text: finding, reading, matching and labelling figures.

    vocab     the word lists in data/ (number words, scales, currencies, units, idioms ...), loaded once
    numbers   digit notation and number words to exact values; `figure_key`
    compose   numbers written in parts: "lima juta kurang seratus ribu", "dua koma lima"
    context   the words around a number: qualifier, counted noun, years, dates, idioms
    units     currencies and units: how they are written, which agree with a query's
    scan      `find_figures(text)`: every figure in a text
    query     `read_figure_query(text)` for /who-confirmed, `parse_figure`, `figures_match`,
              `figures_related`
    render    `figure_label(figure)`, the one English label of a figure; `figure_field`,
              `field_label` for answers as JSON; `format_figure(value)`

Import the names from the module that owns them; this package re-exports nothing.
"""
