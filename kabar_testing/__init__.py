"""Helpers the tests and the benchmarks share, kept out of the installed `bot` package.

    kabar_testing.rouge       ROUGE-1/2/L between a summary and a reference (bench/summary_eval.py)
    kabar_testing.synthetic   random-weight Argos packages built on the spot (needs numpy: the test extra)

Importable from the repository root (pytest's rootdir, and the benchmarks put it on sys.path).
"""
