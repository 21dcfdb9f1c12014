"""Benchmark of figure finding: `find_figures` over seed sentences, against a naive baseline.

Usage: python bench/figures.py [--articles N] [--repeat R]

Builds the sentences of N synthetic articles (default 10,000) by cycling the seed
sentences (with their figures rewritten in other notations, so that the mix of
digits, words, dates and years stays like the seeds'), runs `find_figures` on every
one, and in the same run times the baseline: a single `re.findall` of digit runs,
the least any figure finder has to do. Prints sentences/s, articles/s for this step
alone and the ratio to the baseline. Timings are the best of R runs.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.corpus.figures.query import parse_figure
from bot.corpus.figures.scan import find_figures
from bot.corpus.segment import split_sentences

_NAIVE = re.compile(r"\d+(?:[.,]\d+)*")
_NOTATIONS = ("10.000", "10,000", "10000", "10 ribu", "sepuluh ribu", "10rb", "puluhan ribu")


def seed_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences.extend(split_sentences(line))
    return sentences


def corpus(articles: int, seeds: list[str], per_article: int) -> list[str]:
    rng = random.Random(7)
    out = []
    for i in range(articles * per_article):
        s = seeds[i % len(seeds)]
        if "10.000" in s and rng.random() < 0.5:
            s = s.replace("10.000", rng.choice(_NOTATIONS))
        out.append(s)
    return out


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    seeds = seed_sentences()
    per_article = max(1, round(len(seeds) / 5))
    sentences = corpus(args.articles, seeds, per_article)
    n = len(sentences)

    def naive() -> None:
        for s in sentences:
            _NAIVE.findall(s)

    found = 0

    def ours() -> None:
        nonlocal found
        found = 0
        for s in sentences:
            found += len(find_figures(s))

    queries = ["10000", "10k", "10.000", "10,000", "10 ribu", "sepuluh ribu", "1.5m", "2,5"] * 1000

    def parse() -> None:
        for q in queries:
            parse_figure(q)

    t_naive = best_of(args.repeat, naive)
    t_ours = best_of(args.repeat, ours)
    t_parse = best_of(args.repeat, parse)
    print(f"articles               {args.articles:,} ({per_article} sentences each, {n:,} sentences)")
    print(f"figures found          {found:,}")
    print(f"baseline re.findall    {t_naive:.3f} s  {n / t_naive:,.0f} sentences/s")
    print(f"find_figures           {t_ours:.3f} s  {n / t_ours:,.0f} sentences/s  {1e6 * t_ours / n:.2f} us/sentence")
    print(f"  articles/s (this step only)  {args.articles / t_ours:,.0f}")
    print(f"  ratio to baseline            {t_ours / t_naive:.1f}x the naive digit scan")
    print(f"parse_figure           {1e6 * t_parse / len(queries):.2f} us/query")


if __name__ == "__main__":
    main()
