"""Merge precision and recall on judged sentence pairs (eval/merges/pairs*.tsv).

Each pair was judged by hand: "same" when the two sentences tell the same fact (the same
happening, figures and source), else "different". A pair is merged here when
`bot.nlp.facts.same_fact` says so, as if the sentences came from two outlets; TF-IDF
weights are computed over all the sentences of one part of one file. The baseline,
measured in the same run, merges on shared words alone (cosine >= 0.4, the old bar). The
rules were tuned on the "dev" part only; "heldout" was never used for tuning.

    .venv/bin/python bench/merges.py                # both parts, each file and together
    .venv/bin/python bench/merges.py --part dev     # the tuning part only
    .venv/bin/python bench/merges.py --errors       # also list the tuning part's mistakes
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.merges.score import BASELINE_COSINE, PAIRS, judge_by_file, load, score


def report(label: str, rows: list[dict[str, str]], *, errors: bool) -> None:
    started = time.perf_counter()
    judged = judge_by_file(rows)
    took = time.perf_counter() - started
    same = sum(1 for r in rows if r["label"] == "same")
    for name, k in (("same_fact", 1), (f"cosine >= {BASELINE_COSINE} (baseline)", 2)):
        p, r, f, merged = score([(row[k], row[0]["label"] == "same") for row in judged])
        print(f"{label:<18} {len(rows):>5} {same:>4}   {name:<22} {merged:>6} {p:>9.2f} {r:>6.2f} {f:>5.2f}")
    print(
        f"{'':<18} {'':>5} {'':>4}   ({took * 1000 / max(1, len(rows)):.2f} ms per pair with its share of the set-up)"
    )
    if errors:
        for row, merged, _ in judged:
            if merged != (row["label"] == "same"):
                kind = "merged, judged different" if merged else "kept apart, judged same"
                print(f"  {row['id']} {kind}:\n    {row['text_a']}\n    {row['text_b']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, nargs="+", default=PAIRS)
    parser.add_argument("--part", choices=("dev", "heldout", "both"), default="both")
    parser.add_argument("--errors", action="store_true", help="list the tuning part's wrong decisions")
    args = parser.parse_args()
    rows = [row for path in args.pairs for row in load(path)]
    print(f"{len(rows)} judged pairs from {', '.join(p.name for p in args.pairs)}")
    print(
        f"{'part (file)':<18} {'pairs':>5} {'same':>4}   {'rule':<22} {'merged':>6} {'precision':>9} {'recall':>6} {'F1':>5}"
    )
    for part in ("dev", "heldout") if args.part == "both" else (args.part,):
        chosen = [r for r in rows if r["part"] == part]
        files = sorted({r["file"] for r in chosen})
        if len(files) > 1:
            for name in files:
                report(f"{part} ({name})", [r for r in chosen if r["file"] == name], errors=False)
        report(f"{part} (all)", chosen, errors=args.errors and part == "dev")


if __name__ == "__main__":
    main()
