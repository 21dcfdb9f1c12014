"""Merge precision and recall on judged sentence pairs (eval/merges/pairs.tsv).

Each pair was judged by hand: "same" when the two sentences tell the same fact (the same
happening, figures and source), else "different". A pair is merged here when
`bot.nlp.facts.same_fact` says so, as if the sentences came from two outlets; TF-IDF
weights are computed over all the sentences of the part. The baseline, measured in the
same run, merges on shared words alone (cosine >= 0.4, the old bar). The thresholds were
tuned on the "dev" part only; "heldout" was never used for tuning.

    .venv/bin/python bench/merges.py            # both parts
    .venv/bin/python bench/merges.py --errors   # also list the tuning part's mistakes
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.nlp.facts import same_fact, supports
from bot.nlp.textvec import cosine, stems, tfidf_vectors

PAIRS = ROOT / "eval" / "merges" / "pairs.tsv"
BASELINE_COSINE = 0.4


def load(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]


def score(decisions: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(1 for merged, same in decisions if merged and same)
    fp = sum(1 for merged, same in decisions if merged and not same)
    fn = sum(1 for merged, same in decisions if not merged and same)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fp


def judge(rows: list[dict[str, str]]) -> list[tuple[dict[str, str], bool, bool]]:
    """(row, merged by same_fact, merged by the baseline) for every pair."""
    texts = list(dict.fromkeys(t for r in rows for t in (r["text_a"], r["text_b"])))
    index = {t: k for k, t in enumerate(texts)}
    vectors = tfidf_vectors([stems(t) for t in texts])
    support = supports(texts)
    out = []
    for r in rows:
        i, j = index[r["text_a"]], index[r["text_b"]]
        merged = same_fact(vectors[i], vectors[j], support[i], support[j])
        out.append((r, merged, cosine(vectors[i], vectors[j]) >= BASELINE_COSINE))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--errors", action="store_true", help="list the tuning part's wrong decisions")
    args = parser.parse_args()
    rows = load(args.pairs)
    print(f"{len(rows)} judged pairs from {args.pairs.relative_to(ROOT) if args.pairs.is_relative_to(ROOT) else args.pairs}")
    print(f"{'part':<8} {'pairs':>5} {'same':>4}   {'rule':<22} {'merged':>6} {'precision':>9} {'recall':>6} {'F1':>5}")
    for part in ("dev", "heldout"):
        chosen = [r for r in rows if r["part"] == part]
        started = time.perf_counter()
        judged = judge(chosen)
        took = time.perf_counter() - started
        same = sum(1 for r in chosen if r["label"] == "same")
        for name, k in (("same_fact", 1), (f"cosine >= {BASELINE_COSINE} (baseline)", 2)):
            p, r, f, merged = score([(row[k], row[0]["label"] == "same") for row in judged])
            print(f"{part:<8} {len(chosen):>5} {same:>4}   {name:<22} {merged:>6} {p:>9.2f} {r:>6.2f} {f:>5.2f}")
        print(f"{'':<8} {'':>5} {'':>4}   ({took * 1000 / max(1, len(chosen)):.2f} ms per pair with its share of the set-up)")
        if args.errors and part == "dev":
            for row, merged, _ in judged:
                if merged != (row["label"] == "same"):
                    kind = "merged, judged different" if merged else "kept apart, judged same"
                    print(f"  {row['id']} {kind}:\n    {row['text_a']}\n    {row['text_b']}")


if __name__ == "__main__":
    main()
