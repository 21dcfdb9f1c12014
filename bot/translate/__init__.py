"""Argos package management and batched CTranslate2 decoding; the only argostranslate user.

    api.py        Translations: the façade the service holds (cache, guard, reviewed lines)
    packages.py   the packages folder: install (file or index), list, remove, validate
    engine.py     one loaded package: SentencePiece + CTranslate2, length-sorted batches
    fidelity.py   figures kept across the translation, echoes, empty output
    reviewed.py   translations/<id>.<lang>.txt and translations/glossary.tsv
    synthetic.py  random-weight packages for tests and benchmarks

Only `argostranslate.package` is ever imported (lazily, after ARGOS_PACKAGES_DIR is set);
`argostranslate.translate` would pull in torch and its sentence splitters download models.
"""
