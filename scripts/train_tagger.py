#!/usr/bin/env python3
"""Rebuild kabar's part-of-speech model (bot/nlp/data/pos_tagger.crfsuite) from the nlp-id corpus.

Data: `nlp_id/data/dataset_postag.txt` from the `nlp-id` wheel on PyPI: about 32,800
sentences of Indonesian news from kumparan, one `word<TAB>TAG` line per token, tagged with
NNP for proper nouns. Licence: MIT, "Copyright (c) 2025 kumparan.com" (the wheel's
LICENSE file; repeated in bot/nlp/data/NOTICE). nlp-id itself is never installed: its exact
version pins must not enter kabar's environment. The script reads the corpus file out of
the wheel's zip.

Usage:
    python scripts/train_tagger.py                     # pip download the wheel into a temp dir
    python scripts/train_tagger.py --wheel nlp_id-0.1.23.0-py3-none-any.whl
    python scripts/train_tagger.py --corpus dataset_postag.txt
    python scripts/train_tagger.py --sample tests/data/postag_heldout.tsv   # also write the test sample

Method: repeated sentences are dropped, every 10th distinct sentence is held out, the rest
are aligned to kabar's tokens (`bot.nlp.tagcorpus.align`), a CRF (L-BFGS, L1 + L2 regularisation; L1 keeps the model small) is
trained on the rest with the features of `bot.nlp.tagging.token_features`, and the held-out
accuracy is printed overall and per tag.

What the features are worth, measured on the held-out part (100 iterations; all runs on
the same split): word and neighbour words and shapes alone 97.1% of tags right; with
two/three-letter prefixes and suffixes 98.05% (verbs 95.9 -> 98.4 F1, and capitalised
sentence openers taken for names 48 -> 22 of 2,094); shapes marked as sentence or quote
openers ("S=") raise NNP precision 98.38 -> 98.52% and cut capitalised common words after
a full stop taken for names 73 -> 60 of 662; the word pairs 98.3%. A second word of
context each side, four-letter affixes and a word-length feature added nothing (<0.05
points) and cost time. c1 0.1 / 0.25 / 0.5 changed accuracy by <0.1 point; 0.5 gives the
smallest model (1.3 MB). 200 iterations instead of 100 changed nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pycrfsuite

from bot.nlp.tagcorpus import align, read_sentences, score, split
from bot.nlp.tagging import MODEL_NAME, PosTagger, token_features
from kabar_testing.nlpid import NLP_ID_VERSION, corpus_from_wheel, download_wheel

#: sha256 of dataset_postag.txt in nlp-id 0.1.23.0 (the committed model's source)
CORPUS_SHA256 = "c2b6ef45dc1c5ddb8df0a6b2e0cf28270a9ff0a7518f71c9a60a5e0dbf8aa9b0"
TAGS_OF_INTEREST = ("NNP", "NN", "VB", "JJ", "ADV", "IN", "PR", "NUM", "FW", "SYM")
SAMPLE_HEADER = (
    "# Held-out sentences of the nlp-id POS corpus (nlp_id/data/dataset_postag.txt in nlp-id\n"
    "# 0.1.23.0, kumparan news), as held out by scripts/train_tagger.py: never used in training.\n"
    "# MIT licence, Copyright (c) 2025 kumparan.com; the full text is in tests/data/NOTICE.\n"
)


def download_corpus(version: str) -> str:
    with tempfile.TemporaryDirectory(prefix="nlp-id-") as tmp:
        return corpus_from_wheel(download_wheel(Path(tmp), version))


def train(xs, ys, model: Path, args: argparse.Namespace) -> tuple[float, float]:
    """Train and write the model; (wall seconds, CPU seconds)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys):
        trainer.append(x, y)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.max_iterations,
            "feature.minfreq": args.min_freq,
            "feature.possible_transitions": True,
        }
    )
    model.parent.mkdir(parents=True, exist_ok=True)
    t0, c0 = time.perf_counter(), time.process_time()
    trainer.train(str(model))
    return time.perf_counter() - t0, time.process_time() - c0


def report(tagger: PosTagger, test: list[list[tuple[str, str]]]) -> None:
    words = [[w for w, _ in s] for s in test]
    gold = [[t for _, t in s] for s in test]
    t0 = time.perf_counter()
    pred = [tagger.tag(ws) for ws in words]
    elapsed = time.perf_counter() - t0
    result = score(gold, pred)
    print(
        f"\nheld-out: {len(test)} sentences, {result.tokens} tokens, "
        f"accuracy {result.accuracy:.4f} ({result.tokens / elapsed:,.0f} tokens/s)"
    )
    print(f"  {'tag':<5} {'gold':>6} {'prec':>6} {'recall':>6} {'F1':>6}")
    for tag in TAGS_OF_INTEREST:
        print(
            f"  {tag:<5} {result.gold[tag]:>6} {result.precision(tag):>6.3f} "
            f"{result.recall(tag):>6.3f} {result.f1(tag):>6.3f}"
        )
    # the case attribution cares about: a capitalised first word that is not a name
    first = [(g[0], p[0]) for g, p, ws in zip(gold, pred, words) if ws[0][:1].isupper()]
    common = [p for g, p in first if g != "NNP"]
    names = [p for g, p in first if g == "NNP"]
    print(
        f"  capitalised first words: {len(common)} not names, "
        f"{sum(p == 'NNP' for p in common) / max(1, len(common)):.3f} of them tagged NNP; "
        f"{len(names)} names, {sum(p == 'NNP' for p in names) / max(1, len(names)):.3f} tagged NNP"
    )


def write_sample(path: Path, sentences: list[list[tuple[str, str]]]) -> None:
    """The first held-out sentences, in the corpus format, for the tests."""
    lines = [SAMPLE_HEADER]
    for sentence in sentences:
        lines.extend(f"{w}\t{t}\n" for w, t in sentence)
        lines.append("\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {len(sentences)} held-out sentences to {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--corpus", type=Path, help="dataset_postag.txt already extracted")
    src.add_argument("--wheel", type=Path, help="an nlp-id wheel already downloaded")
    ap.add_argument("--version", default=NLP_ID_VERSION, help="nlp-id version to download")
    ap.add_argument("--out", type=Path, default=ROOT / "bot" / "nlp" / "data" / MODEL_NAME)
    ap.add_argument("--c1", type=float, default=0.5, help="L1 coefficient (sparser, smaller model)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 coefficient")
    ap.add_argument("--max-iterations", type=int, default=100)
    ap.add_argument("--min-freq", type=float, default=1, help="drop features seen fewer times")
    ap.add_argument("--sample", type=Path, help="also write held-out sentences here (for the tests)")
    ap.add_argument("--sample-size", type=int, default=1500)
    args = ap.parse_args()

    if args.corpus:
        text = args.corpus.read_text(encoding="utf-8")
    elif args.wheel:
        text = corpus_from_wheel(args.wheel)
    else:
        text = download_corpus(args.version)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != CORPUS_SHA256:
        print(f"note: corpus sha256 {digest[:12]}… differs from nlp-id {NLP_ID_VERSION}'s")

    raw = read_sentences(text)
    parts = split(raw)
    train_set = parts.train
    test_set = [align(s) for s in parts.held_out]
    print(
        f"corpus: {len(raw)} sentences, {sum(map(len, raw))} tokens, {parts.duplicates} repeats dropped; "
        f"train {len(train_set)} sentences ({sum(map(len, train_set))} tokens), "
        f"held out {len(test_set)} ({sum(map(len, test_set))} tokens)"
    )

    if args.sample:
        write_sample(args.sample, parts.held_out[: args.sample_size])

    t0 = time.perf_counter()
    xs = [token_features([w for w, _ in s]) for s in train_set]
    ys = [[t for _, t in s] for s in train_set]
    print(f"features: {time.perf_counter() - t0:.1f} s")
    wall, cpu = train(xs, ys, args.out, args)
    size = args.out.stat().st_size
    print(
        f"trained in {wall:.0f} s ({cpu:.0f} s CPU; c1 {args.c1}, c2 {args.c2}, {args.max_iterations} iterations); "
        f"model {args.out} {size / 1e6:.2f} MB"
    )
    report(PosTagger.load(args.out), test_set)


if __name__ == "__main__":
    main()
