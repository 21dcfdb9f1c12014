"""Attribution quality of `/who-confirmed` on the judged set in `eval/attribution/`.

Usage: python bench/attribution.py [--split tune|tune2|held-out|all] [--verbose] [--corpus | --sentences] [--data DIR]

Per article: every judged query (an IndoSum article and a figure as a user would type it)
is asked of kabar through `find_claims` / `claim_items`, and the answer items are scored
against the judged mentions (rules in `eval/attribution/README.md` and
`eval/attribution/score.py`). With `--corpus`, the corpus-wide queries follow: the 100
articles are indexed by kabar's own service and each figure is asked with
`who_confirmed`, as a user asks it; every item is scored against every sentence of the
corpus that states the figure (`eval/attribution/corpus_score.py`). With `--sentences`,
the sentence set instead of the articles: single news sentences of the nlp-id corpus,
each read as an article of one sentence and scored like a per-article query
(`eval/attribution/sentences.py`). Printed per split (tune, held-out, all):

  named precision      items naming a source whose label matches an expected source of
                       every figure sentence they cite, with no forbidden word
  ... with clean labels   and whose who / organization are exactly names of that source,
                       with no phrase mixing Indonesian and English
  recall               expected sources found, apart for those named in the sentence
                       and those clear only from neighbouring sentences
  stance / scope       on the sources found; stance also on the non-"reported" ones
  no source named      sentences with no source shown unnamed, with the right stance
  citations            figure sentences cited by some item

`--verbose` lists every failure (query, what, expected, got). Tune rules on `tune` only;
`held-out` is for reporting. In the corpus section a named item citing sentences of both
splits counts in "all" only. The sentence set never lists its held-out failures, and
`--sentences --split tune` does not even read the held-out file.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.attribution.judged import HERE, load
from eval.attribution.score import MEASURES, Tally, score

EXTRA = (
    ("named items with a forbidden word", "must_not_hits"),
    ("named items citing no figure sentence", "stray_named"),
    ("right items whose who carries other words", "who_extra"),
    ("found sources whose item has no scope", "scope_missing"),
)
CORPUS_EXTRA = (
    *EXTRA[:3],
    ("named items naming another sentence's source", "other_source_hits"),
    ("cited sentences not stating the figure (noise)", "noise_sentences"),
    ("items citing such a sentence", "noise_items"),
    ("listed sentences shown only as related", "related_exact"),
    ("listed sentences in articles not read", "not_read"),
    ("articles read that state no listed figure", "read_idle"),
)
SENTENCE_EXTRA = (*EXTRA, ("speaker outside the sentence, answered unnamed", "outside_right", "outside_total"))


def _percent(tally: Tally, right: str, total: str) -> str:
    rate = tally.rate(right, total)
    return f"{tally[right]:4d}/{tally[total]:<4d} {rate * 100:5.1f}%" if rate is not None else f"{'—':>10}"


def report(
    tallies: dict[str, Tally], verbose: bool, extra: tuple[tuple[str, ...], ...] = EXTRA, unlisted: tuple[str, ...] = ()
) -> str:
    """The measures per split, then `extra` rows (label and count, or label, right and total);
    with `verbose` the failures of each split but those in `unlisted`."""
    order = [name for name in ("tune", "tune2", "held-out", "all") if name in tallies]
    width = max(len(row[0]) for row in (*MEASURES, *extra))
    lines = [f"{'':{width}}  " + "  ".join(f"{name:>17}" for name in order)]
    lines.append(
        f"{'queries / mentions':{width}}  "
        + "  ".join(f"{tallies[n]['queries']:>8d} / {tallies[n]['mentions']:<6d}" for n in order)
    )
    for label, right, total in MEASURES:
        lines.append(f"{label:{width}}  " + "  ".join(f"{_percent(tallies[n], right, total):>17}" for n in order))
    for label, *keys in extra:
        cells = (_percent(tallies[n], *keys) if len(keys) == 2 else f"{tallies[n][keys[0]]:d}" for n in order)
        lines.append(f"{label:{width}}  " + "  ".join(f"{cell:>17}" for cell in cells))
    if verbose:
        lines += _failures(tallies, order, unlisted)
    return "\n".join(lines)


def _failures(tallies: dict[str, Tally], order: list[str], unlisted: tuple[str, ...] = ()) -> list[str]:
    """Failures split by split; under "all" only those no split holds (an item citing both splits).
    The failures of an `unlisted` split are counted out but not shown."""
    lines = []
    left = Counter(tallies["all"].failures) if "all" in tallies else Counter()
    for name in order:
        if name == "all":
            continue
        left.subtract(tallies[name].failures)
        if name in unlisted:
            lines.append(
                f"\nfailures in {name}: {len(tallies[name].failures)}, not listed (these sentences stay unseen)"
            )
            continue
        lines.append(f"\nfailures in {name}:" + ("  (report only: never tune on these)" if name == "held-out" else ""))
        lines += _lines(tallies[name].failures)
    rest = [f for f in (tallies["all"].failures if "all" in tallies else []) if left[f] > 0 and not left.subtract([f])]
    if rest or order == ["all"]:
        lines.append("\nfailures in all" + ("" if order == ["all"] else " only (citing both splits, or no split):"))
        lines += _lines(rest if order != ["all"] else tallies["all"].failures)
    return lines


def _lines(failures: list) -> list[str]:
    return [
        f"  {f.query} {f.what:<11} expected {f.expected}\n  {'':{len(f.query)}} {'':<11} got      {f.got}"
        for f in failures
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=("tune", "tune2", "held-out", "all"),
        default="all",
        help="tune2: the sentence set's second tune batch (with --sentences only)",
    )
    parser.add_argument("--verbose", action="store_true", help="list every failure")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--corpus", action="store_true", help="also ask the corpus-wide queries through the service")
    which.add_argument("--sentences", action="store_true", help="score the sentence set instead of the articles")
    parser.add_argument(
        "--data", type=Path, default=HERE, help="folder with articles.jsonl, judged.jsonl, corpus.jsonl"
    )
    args = parser.parse_args()
    if args.sentences:
        sentences(args)
        return
    if args.split == "tune2":
        parser.error("--split tune2 is a batch of the sentence set: add --sentences")

    judged = load(args.data)
    started = time.perf_counter()
    tallies = score(judged, split=None if args.split == "all" else args.split)
    if args.split != "all":
        tallies = {args.split: tallies[args.split]}
    elapsed = time.perf_counter() - started
    print(
        f"judged attribution set, per article: {len(judged.in_split(args.split))} queries, "
        f"{len({q.article for q in judged.in_split(args.split)})} articles ({elapsed:.1f} s)"
    )
    print(report(tallies, args.verbose))
    if args.corpus:
        from eval.attribution.corpus_score import score_corpus

        started = time.perf_counter()
        corpus = score_corpus(judged)
        if args.split != "all":
            corpus = {args.split: corpus[args.split]}
        elapsed = time.perf_counter() - started
        print(
            f"\ncorpus-wide: {len(judged.corpus)} queries over all {len(judged.articles)} articles through the "
            f"service ({elapsed:.1f} s); a named item citing both splits counts in 'all' only"
        )
        print(report(corpus, args.verbose, CORPUS_EXTRA))


def sentences(args: argparse.Namespace) -> None:
    """The sentence set per split; its held-out failures are never listed."""
    from eval.attribution.sentences import BATCHES, as_judged, load_sentences

    items = load_sentences(args.data, tuple(BATCHES) if args.split == "all" else (args.split,))
    started = time.perf_counter()
    tallies = score(as_judged(items))
    if args.split != "all":
        tallies = {args.split: tallies[args.split]}
    elapsed = time.perf_counter() - started
    counts = Counter(item.group for item in items)
    print(
        f"sentence set (nlp-id news sentences, each read as an article of one sentence): {len(items)} sentences, "
        + ", ".join(f"{batch} {counts[batch]}" for batch in BATCHES if counts[batch])
        + f" ({elapsed:.1f} s)"
    )
    print(report(tallies, args.verbose, SENTENCE_EXTRA, unlisted=("held-out",)))


if __name__ == "__main__":
    main()
