"""Benchmark of `find_claims`: attribution and grouping, against figure matching alone.

Usage: python bench/claims.py [--articles N] [--repeat R] [--figure 10000]

Reads the five seeds and repeats them as N articles (default 1,000, ids made unique),
then times in the same run:
  baseline  the least who-confirmed has to do: scan every sentence's figures for the
            value asked (no attribution, no grouping);
  claims    `find_claims` on the same articles (matching, attribution of each matching
            sentence, alias resolution, grouping).
  distinct  `find_claims` again with every sentence made unique (a marker appended after
            its final stop), so that no attribution is reused between copies; `find_claims`
            attributes each repeated sentence context once per call, which the plain
            repetition of the seeds would otherwise flatter.
Prints milliseconds per call, per article, and the ratio to the baseline. Best of R runs.
The service only hands `find_claims` the articles whose figures match, so N here is the
number of matching articles, not the corpus size.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.corpus.figures.query import figures_match, parse_figure
from bot.corpus.reader import read_article
from bot.models import Sentence
from bot.nlp.claims import find_claims


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--figure", default="10000")
    args = parser.parse_args()

    seeds = [read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    articles = [(f"{i:05d}", seeds[i % len(seeds)].sentences) for i in range(args.articles)]
    distinct = [
        (aid, tuple(Sentence(s.index, s.paragraph, f"{s.text} #{aid}", s.figures) for s in ss)) for aid, ss in articles
    ]
    figure = parse_figure(args.figure)
    if figure is None:
        raise SystemExit(f"{args.figure!r} is not a figure")

    def baseline() -> int:
        return sum(1 for _, ss in articles for s in ss for f in s.figures if figures_match(f, figure))

    report = find_claims(articles, figure)
    base = _best(baseline, args.repeat)
    claims = _best(lambda: find_claims(articles, figure), args.repeat)
    unique = _best(lambda: find_claims(distinct, figure), args.repeat)
    seeds_only = _best(lambda: find_claims([(a.id, a.sentences) for a in seeds], figure), args.repeat)

    print(
        f"figure {args.figure}: {baseline()} matching sentences in {len(articles)} articles; "
        f"{len(report.groups)} source groups, {len(report.related)} related"
    )
    print(f"baseline (figure scan)  {base * 1000:9.2f} ms   {base / len(articles) * 1e6:8.1f} µs/article")
    print(f"find_claims             {claims * 1000:9.2f} ms   {claims / len(articles) * 1e6:8.1f} µs/article")
    print(f"ratio claims/baseline   {claims / base:9.1f}x")
    print(f"find_claims, distinct  {unique * 1000:9.2f} ms   {unique / len(articles) * 1e6:8.1f} µs/article")
    print(f"ratio distinct/baseline {unique / base:9.1f}x")
    print(f"find_claims, 5 seeds    {seeds_only * 1000:9.2f} ms")


if __name__ == "__main__":
    main()
