"""Topic summaries a reader can trust: `/summary` on the judged topic set in `eval/summary/`.

Usage: python bench/summary_topics.py [--split tune|held-out|all] [--verbose] [--merges]

The 100 IndoSum articles are indexed by kabar's own service in a temporary folder and each
judged topic is asked as the chat line `/summary TOPIC` (`eval/summary/ask.py`). Printed
per split (rules in `eval/summary/README.md`):

  items that are boilerplate      shown sentence (or a near-identical one) in 3+ articles
  items pointing at what is not shown   "Ia ...", "Setelah itu, ...", "Kapal tersebut ...",
                                  a quotation whose speaker is only "-nya"
  items from off-topic articles   neither expected nor related to the topic
  topics on several articles answered from one
  expected articles cited
  no-match topics answered with items
  "also reported by" pairs        judged same / different / unjudged
  p50 / p95 seconds per answer

`--verbose` lists every failure of the splits asked for; `--merges` lists the "also reported
by" pairs so that a reader can judge them (judgements go into topics.jsonl). Tune on
`tune` only: held-out failures are never listed, only counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.summary.ask import ask_topics, corpus_sentences
from eval.summary.score import Recurrence, Tally, score_answer
from eval.summary.topics import load

ROWS = (
    ("items that are boilerplate (3+ articles)", "boilerplate", "items"),
    ("items pointing at what is not shown", "dangling", "items"),
    ("items from off-topic articles", "off_topic", "items"),
    ("topics on 2+ articles answered from one", "one_article", "multi"),
    ("expected articles cited", "expected_cited", "expected"),
    ("no-match topics answered with items", "no_match_answered", "no_match"),
    ("'also reported by' pairs judged different", "merge_different", "merge_pairs"),
    ("'also reported by' pairs judged same", "merge_same", "merge_pairs"),
    ("'also reported by' pairs not judged", "merge_unjudged", "merge_pairs"),
)


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile (nearest rank) of `values`; 0.0 when there are none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def _cells(tallies: dict[str, Tally], cell) -> str:
    return "  ".join(f"{cell(t):>16}" for t in tallies.values())


def report(tallies: dict[str, Tally]) -> str:
    width = max(len(row[0]) for row in ROWS)
    lines = [f"{'':{width}}  " + "  ".join(f"{name:>16}" for name in tallies)]
    lines.append(
        f"{'topics / answered / items':{width}}  "
        + _cells(tallies, lambda t: f"{t['topics']} / {t['answered']} / {t['items']}")
    )
    for label, count, total in ROWS:
        lines.append(
            f"{label:{width}}  " + _cells(tallies, lambda t, count=count, total=total: f"{t[count]} / {t[total]}")
        )
    lines.append(
        f"{'p50 / p95 ms per answer':{width}}  "
        + _cells(
            tallies, lambda t: f"{percentile(t.seconds, 0.5) * 1000:.0f} / {percentile(t.seconds, 0.95) * 1000:.0f}"
        )
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "held-out", "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="list every failure (never the held-out ones)")
    parser.add_argument("--merges", action="store_true", help="list the 'also reported by' pairs (tune only)")
    args = parser.parse_args()
    topics = load()
    splits = ("tune", "held-out") if args.split == "all" else (args.split,)
    asked_topics = [t for t in topics if t.split in splits]
    started = time.perf_counter()
    asked = ask_topics(asked_topics)
    recurrence = Recurrence(corpus_sentences())
    tallies = {split: Tally() for split in splits}
    if len(splits) > 1:
        tallies["all"] = Tally()
    for topic in asked_topics:
        for name in (topic.split, "all"):
            if name in tallies:
                score_answer(topic, asked[topic.id].answer.items, recurrence, tallies[name])
                tallies[name].seconds.append(asked[topic.id].seconds)
    print(
        f"judged topic set: {len(asked_topics)} topics over 100 IndoSum articles through the service "
        f"({time.perf_counter() - started:.1f} s)"
    )
    print(report(tallies))
    for name in splits:
        tally = tallies[name]
        if name == "held-out":
            if args.verbose or args.merges:
                print(
                    f"\nheld-out: {len(tally.failures)} failures and {len(tally.merges)} pairs, not listed "
                    "(never tune on these)"
                )
            continue
        if args.verbose:
            print(f"\nfailures in {name}:")
            for topic, what, detail in tally.failures:
                print(f"  {topic}  {what}: {detail}")
        if args.merges:
            print(f"\n'also reported by' pairs in {name}:")
            for topic, label, shown, also, texts in tally.merges:
                print(f"  {topic}  [{label}] {shown} ~ {also}\n      {texts}")


if __name__ == "__main__":
    main()
