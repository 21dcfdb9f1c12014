"""Measure 3-sentence extractive summaries on labelled Indonesian news (IndoSum sample).

For every method (lead-3 baseline, sumy's LexRank/TextRank/LSA/Luhn/KL/SumBasic, our
"news" method, and the dataset's gold extractive indices as an upper reference) it
prints ROUGE-1/2/L F1 against `reference_summary_sentences`, averaged per article, and
the difference to lead-3 measured in the same run. ROUGE: lower-cased, `\\w+` tokens,
no stemming, no stop-word removal; ROUGE-L is the LCS of the joined summary sentences
(`bot.nlp.rouge`).

Three runs: A feeds the dataset's own `sentences` (segmentation differences cannot blur
the comparison); B feeds our own segmentation of `text` (paragraphs split on blank
lines, then `bot.corpus.segment.split_sentences`); C feeds what `kabar summarize` uses,
the article reader's sentences (datelines and cross-links removed). Gold indices only
exist for A.

Then a cross-validation of the "news" weights: split the articles in two halves at
random, tune the weights on one half by coordinate ascent on ROUGE-1, report the gain
over lead-3 on the other half; repeated for several splits, both directions.

    python bench/summary_eval.py [--data PATH] [--splits 3] [--no-cv]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.corpus.reader import parse_article
from bot.corpus.segment import split_sentences
from bot.nlp.summarize import NewsWeights, news_features, pick_news, summarize_sentences
from kabar_testing.evaldata import eval_file, require
from kabar_testing.rouge import RougeScores, mean_scores, rouge_n, rouge_scores, tokenize

DEFAULT_DATA = eval_file("indosum_public_100.jsonl")
METHODS = ("lead", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "news")
N = 3


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def own_sentences(text: str) -> list[str]:
    """Our segmentation of `text`: split_sentences, which also ends a sentence at every blank line."""
    return split_sentences(text)


def reader_sentences(text: str) -> list[str]:
    """What `kabar summarize` feeds the summariser: the article reader's sentences (datelines removed)."""
    return [s.text for s in parse_article(text, "input").sentences]


def score_run(rows: list[dict], sentences_of, with_gold: bool) -> dict[str, tuple[RougeScores, float]]:
    results: dict[str, tuple[RougeScores, float]] = {}
    for method in METHODS:
        started = time.perf_counter()
        scores = []
        for row in rows:
            sentences = sentences_of(row)
            chosen = summarize_sentences(sentences, N, method)
            scores.append(rouge_scores([sentences[i] for i in chosen], row["reference_summary_sentences"]))
        results[method] = (mean_scores(scores), time.perf_counter() - started)
    if with_gold:
        scores = [
            rouge_scores(
                [row["sentences"][i] for i in row["gold_extractive_indices"]], row["reference_summary_sentences"]
            )
            for row in rows
        ]
        results["gold (oracle)"] = (mean_scores(scores), 0.0)
    return results


def print_table(title: str, results: dict[str, tuple[RougeScores, float]], count: int) -> None:
    lead = results["lead"][0]
    print(f"\n{title}  ({count} articles, {N} sentences; F1 x 100)")
    print(f"{'method':<15}{'R-1':>8}{'R-2':>8}{'R-L':>8}{'dR-1 vs lead-3':>17}{'ms/article':>12}")
    for name, (s, seconds) in results.items():
        label = "lead-3" if name == "lead" else name
        print(
            f"{label:<15}{100 * s.rouge1:8.2f}{100 * s.rouge2:8.2f}{100 * s.rougeL:8.2f}"
            f"{100 * (s.rouge1 - lead.rouge1):+17.2f}{1000 * seconds / max(1, count):12.1f}"
        )


# ----------------------------------------------------------------------------- cross-validation

TUNED = ("centrality", "lead_similarity", "quote", "attribution", "short")
STEPS = (-0.5, -0.25, -0.1, 0.1, 0.25, 0.5)


def cross_validate(rows: list[dict], splits: int) -> None:
    feats = [news_features(row["sentences"]) for row in rows]
    refs = [[t for s in row["reference_summary_sentences"] for t in tokenize(s)] for row in rows]
    toks = [[tokenize(s) for s in row["sentences"]] for row in rows]

    def r1(k: int, chosen: list[int]) -> float:
        return rouge_n([t for i in chosen for t in toks[k][i]], refs[k], 1)

    lead = [r1(k, list(range(min(N, len(toks[k]))))) for k in range(len(rows))]

    def gain(weights: NewsWeights, subset: list[int]) -> float:
        return mean(r1(k, pick_news(feats[k], N, weights)) - lead[k] for k in subset)

    def tune(subset: list[int]) -> NewsWeights:
        # a coarse grid over the five weights, then coordinate ascent from its best point
        best, best_gain = NewsWeights(), float("-inf")
        for values in itertools.product((0.0, 0.5, 1.0), repeat=len(TUNED)):
            trial = replace(NewsWeights(), **dict(zip(TUNED, values)))
            value = gain(trial, subset)
            if value > best_gain + 1e-9:
                best, best_gain = trial, value
        for _ in range(2):
            for name in TUNED:
                for step in STEPS:
                    trial = replace(best, **{name: max(0.0, getattr(best, name) + step)})
                    value = gain(trial, subset)
                    if value > best_gain + 1e-9:
                        best, best_gain = trial, value
        return best

    print(f"\nCross-validation of the 'news' weights ({splits} random half splits x 2 directions)")
    print("tuned on one half (grid {0, .5, 1} then coordinate ascent on ROUGE-1), reported on the other")
    held_out, defaults_half = [], []
    indices = list(range(len(rows)))
    for seed in range(splits):
        shuffled = indices[:]
        random.Random(seed).shuffle(shuffled)
        half = len(shuffled) // 2
        for train, test in ((shuffled[:half], shuffled[half:]), (shuffled[half:], shuffled[:half])):
            weights = tune(train)
            tuned = {k: round(v, 2) for k, v in asdict(weights).items() if k in TUNED}
            g_train, g_test = gain(weights, train), gain(weights, test)
            g_default = gain(NewsWeights(), test)
            held_out.append(g_test)
            defaults_half.append(g_default)
            print(
                f"  split {seed}: train dR-1 {100 * g_train:+.2f}  held-out dR-1 {100 * g_test:+.2f}"
                f"  (default weights on that half {100 * g_default:+.2f})  {tuned}"
            )
    print(
        f"  mean held-out dR-1 of tuned weights {100 * mean(held_out):+.2f} (min {100 * min(held_out):+.2f});"
        f" default weights per half: mean {100 * mean(defaults_half):+.2f}, min {100 * min(defaults_half):+.2f}"
    )
    print(f"  default weights: {dict(asdict(NewsWeights()).items())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--splits", type=int, default=3)
    parser.add_argument("--no-cv", action="store_true")
    args = parser.parse_args()
    require(args.data, "bench/summary_eval.py", "IndoSum articles with reference summaries, one JSON object a line")
    rows = load(args.data)
    print("ROUGE: lower-cased \\w+ tokens, no stemming; F1 per article, averaged.")
    print_table("A. dataset segmentation (`sentences`)", score_run(rows, lambda r: r["sentences"], True), len(rows))
    print_table("B. our segmentation of `text`", score_run(rows, lambda r: own_sentences(r["text"]), False), len(rows))
    print_table(
        "C. the article reader on `text` (as `kabar summarize`)",
        score_run(rows, lambda r: reader_sentences(r["text"]), False),
        len(rows),
    )
    if not args.no_cv:
        cross_validate(rows, args.splits)


if __name__ == "__main__":
    main()
