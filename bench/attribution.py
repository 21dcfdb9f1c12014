"""Attribution quality of `/who-confirmed` on the judged set in `eval/attribution/`.

Usage: python bench/attribution.py [--split tune|held-out|all] [--verbose] [--data DIR]

Every judged query (an IndoSum article and a figure as a user would type it) is asked of
kabar through `find_claims` / `claim_items`, and the answer items are scored against the
judged mentions (rules in `eval/attribution/README.md` and `eval/attribution/score.py`).
Printed per split (tune, held-out, all):

  named precision      items naming a source whose label matches an expected source of
                       every figure sentence they cite, with no forbidden word
  recall               expected sources found, apart for those named in the sentence
                       and those clear only from neighbouring sentences
  stance / scope       on the sources found; stance also on the non-"reported" ones
  no source named      sentences with no source shown unnamed, with the right stance
  citations            figure sentences cited by some item

`--verbose` lists every failure (query, what, expected, got). Tune rules on `tune` only;
`held-out` is for reporting.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.attribution.judged import HERE, load  # noqa: E402
from eval.attribution.score import MEASURES, Tally, score  # noqa: E402


def _percent(tally: Tally, right: str, total: str) -> str:
    rate = tally.rate(right, total)
    return f"{tally[right]:4d}/{tally[total]:<4d} {rate * 100:5.1f}%" if rate is not None else f"{'—':>10}"


def report(tallies: dict[str, Tally], verbose: bool) -> str:
    order = [name for name in ("tune", "held-out", "all") if name in tallies]
    width = max(len(label) for label, _, _ in MEASURES)
    lines = [f"{'':{width}}  " + "  ".join(f"{name:>17}" for name in order)]
    lines.append(f"{'queries / mentions':{width}}  " + "  ".join(
        f"{tallies[n]['queries']:>8d} / {tallies[n]['mentions']:<6d}" for n in order))
    for label, right, total in MEASURES:
        lines.append(f"{label:{width}}  " + "  ".join(f"{_percent(tallies[n], right, total):>17}" for n in order))
    extra = (("named items with a forbidden word", "must_not_hits"),
             ("named items citing no figure sentence", "stray_named"),
             ("right items whose who carries other words", "who_extra"),
             ("found sources whose item has no scope", "scope_missing"))
    for label, key in extra:
        lines.append(f"{label:{width}}  " + "  ".join(f"{tallies[n][key]:>17d}" for n in order))
    if verbose:
        for name in order:
            if name == "all" and len(order) > 1:
                continue
            lines.append(f"\nfailures in {name}:" + ("  (report only: never tune on these)" if name == "held-out" else ""))
            for f in tallies[name].failures:
                lines.append(f"  {f.query} {f.what:<11} expected {f.expected}\n  {'':{len(f.query)}} {'':<11} got      {f.got}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "held-out", "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="list every failure")
    parser.add_argument("--data", type=Path, default=HERE, help="folder with articles.jsonl and judged.jsonl")
    args = parser.parse_args()

    judged = load(args.data)
    started = time.perf_counter()
    tallies = score(judged, split=None if args.split == "all" else args.split)
    if args.split != "all":
        tallies = {args.split: tallies[args.split]}
    elapsed = time.perf_counter() - started
    print(f"judged attribution set: {len(judged.in_split(args.split))} queries, "
          f"{len({q.article for q in judged.in_split(args.split)})} articles ({elapsed:.1f} s)")
    print(report(tallies, args.verbose))


if __name__ == "__main__":
    main()
