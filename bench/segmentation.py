"""Sentence-boundary quality and speed of `bot.corpus.segment` against a naive regex split.

Usage:  python bench/segmentation.py [PATH.jsonl] [--worst N] [--show-errors N]

Data: `../shared/eval/indosum_public_100.jsonl` (beside the checkout; KABAR_EVAL_DIR names another folder) by default (one article per line,
`text` with paragraphs separated by blank lines, `sentences` = the dataset's own
segmentation of `text`).

Method. Every article's `text` is cut into paragraphs on blank lines and each
paragraph is segmented on its own (as the article reader does). A boundary is the
position where a sentence ends, measured as the number of non-whitespace characters
before it, counted from the start of the article; counting only non-whitespace
characters makes the figure independent of how either side normalises spaces. The
gold boundaries come from the `sentences` field the same way (the script checks that
the gold sentences cover the text's characters in order). Paragraph ends are
boundaries every method finds for free, so the headline figures are over the
*internal* boundaries only (those inside a paragraph); figures that count paragraph
ends too are printed on the second line of each block. Precision, recall and F1 are
micro-averaged over all articles. The baseline, measured in the same run, splits on
`[.!?]` followed by whitespace.

Where kabar and the labels disagree on purpose (the labels' own quirks, seen in the
sample; every remaining difference is printed under "worst articles"):
- A quoted question or statement followed by a lower-case attribution
  (`"...sembunyikan?" tulis deskripsi tersebut.`, `"...tersebut." kata Russo.`) is one
  sentence in kabar, as Indonesian orthography has it; the labels cut before the
  attribution, leaving sentences such as "kata Russo." that cite nobody.
- `PT. Charoen Pokphand` stays whole; the labels cut after "PT.".
- `vitamin C. Namun ...` is cut; the labels keep it as one sentence.
- Sentences inside a long quotation that end in a closing single quote
  (`...Beyonce?’ Dan ...`) are cut; the labels keep the quotation whole there,
  though they cut inside quotations elsewhere.
- A list marker at the start of a paragraph (`1. Banyak nutrisi`) is its own segment,
  as in the labels; the article reader then joins it to the item it numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.corpus.segment import split_sentences
from kabar_testing.evaldata import eval_file, require

DEFAULT = eval_file("indosum_public_100.jsonl")
_NAIVE = re.compile(r"(?<=[.!?])\s+")
_WS = re.compile(r"\s+")


def naive_split(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _NAIVE.split(text)) if s]


def _ends(pieces: list[str], offset: int = 0) -> list[int]:
    out, n = [], offset
    for piece in pieces:
        n += len(_WS.sub("", piece))
        out.append(n)
    return out


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def boundaries(text: str, splitter) -> tuple[set[int], set[int]]:
    """(all sentence ends, paragraph ends) in non-whitespace character offsets."""
    ends: set[int] = set()
    para_ends: set[int] = set()
    offset = 0
    for para in _paragraphs(text):
        pieces = splitter(para)
        ends.update(_ends(pieces, offset))
        offset += len(_WS.sub("", para))
        para_ends.add(offset)
    return ends, para_ends


def gold_boundaries(row: dict) -> set[int]:
    gold = _ends(row["sentences"])
    total = len(_WS.sub("", row["text"]))
    if gold and gold[-1] != total:
        raise SystemExit(f"gold sentences of {row['id']} do not cover its text")
    return set(gold)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def context(text: str, nonws_offset: int, width: int = 45) -> str:
    """The text around a boundary given in non-whitespace offsets, with `‖` at the cut."""
    count = 0
    for i, ch in enumerate(text):
        if count == nonws_offset:
            pos = i
            break
        if not ch.isspace():
            count += 1
    else:
        pos = len(text)
    left = _WS.sub(" ", text[max(0, pos - width) : pos])
    right = _WS.sub(" ", text[pos : pos + width])
    return f"…{left}‖{right.lstrip()}…"


def evaluate(rows: list[dict], splitter) -> dict:
    tot = {"tp": 0, "fp": 0, "fn": 0, "tp_all": 0, "fp_all": 0, "fn_all": 0}
    per_article = []
    for row in rows:
        gold = gold_boundaries(row)
        pred, para_ends = boundaries(row["text"], splitter)
        g_int, p_int = gold - para_ends, pred - para_ends
        tp, fp, fn = len(g_int & p_int), len(p_int - g_int), len(g_int - p_int)
        tot["tp"] += tp
        tot["fp"] += fp
        tot["fn"] += fn
        tot["tp_all"] += len(gold & pred)
        tot["fp_all"] += len(pred - gold)
        tot["fn_all"] += len(gold - pred)
        per_article.append((fp + fn, row, sorted(p_int - g_int), sorted(g_int - p_int)))
    tot["per_article"] = per_article
    return tot


def timing(rows: list[dict], splitter, repeat: int = 3) -> float:
    paras = [p for row in rows for p in _paragraphs(row["text"])]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for p in paras:
            splitter(p)
        best = min(best, time.perf_counter() - t0)
    return best / len(paras) * 1e6


def reader_timing(rows: list[dict], repeat: int = 3) -> None:
    """Whole-article reading (clean-up, metadata, segmentation, figures) against segmentation alone."""
    from bot.corpus.reader import parse_article

    texts = [row["text"] for row in rows]
    seg_best = read_best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            for para in _paragraphs(text):
                split_sentences(para)
        seg_best = min(seg_best, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for number, text in enumerate(texts):
            parse_article(text, f"{number:03d}_bench")
        read_best = min(read_best, time.perf_counter() - t0)
    n = len(texts)
    print(
        f"\nreader: {read_best / n * 1e3:.2f} ms per article with figures ({n / read_best:.0f} articles/s on one core); "
        f"segmentation alone {seg_best / n * 1e3:.2f} ms per article ({read_best / seg_best:.1f}x)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--worst", type=int, default=5, help="articles with most errors to list")
    ap.add_argument("--show-errors", type=int, default=6, help="errors shown per listed article")
    args = ap.parse_args()
    require(args.path, "bench/segmentation.py", "IndoSum articles with gold sentences, one JSON object a line")
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    n_par = sum(len(_paragraphs(r["text"])) for r in rows)
    n_sent = sum(len(r["sentences"]) for r in rows)
    print(f"{len(rows)} articles, {n_par} paragraphs, {n_sent} gold sentences ({args.path.name})")
    results = {}
    for name, fn in (("naive [.!?]+\\s", naive_split), ("kabar segment", split_sentences)):
        res = evaluate(rows, fn)
        p, r, f = prf(res["tp"], res["fp"], res["fn"])
        pa, ra, fa = prf(res["tp_all"], res["fp_all"], res["fn_all"])
        us = timing(rows, fn)
        results[name] = (f, us, res)
        print(f"\n{name}")
        print(
            f"  internal boundaries: P {p:.4f}  R {r:.4f}  F1 {f:.4f}"
            f"   (tp {res['tp']}, fp {res['fp']}, fn {res['fn']})"
        )
        print(f"  all boundaries:      P {pa:.4f}  R {ra:.4f}  F1 {fa:.4f}")
        print(f"  speed: {us:.1f} µs per paragraph (best of 3)")
    (f0, us0, base), (f1, us1, res) = results.values()
    ratio = (res["fp"] + res["fn"]) / max(1, base["fp"] + base["fn"])
    print(f"\nF1 gain over naive: {f1 - f0:+.4f}; errors relative to naive: {ratio:.2f}x; time: {us1 / us0:.1f}x naive")
    reader_timing(rows)
    errors = [e for e in res["per_article"] if e[0]]
    print(
        f"articles with any error: {len(errors)} of {len(rows)}; "
        f"median errors among them: {statistics.median([e[0] for e in errors]) if errors else 0}"
    )
    print(f"\nworst {args.worst} articles for kabar segment (‖ marks the boundary):")
    for _count, row, fps, fns in sorted(errors, key=lambda e: -e[0])[: args.worst]:
        print(f"- {row['id'][:60]} ({row['source']}): {len(fps)} false, {len(fns)} missed")
        shown = [("false ", b) for b in fps] + [("missed", b) for b in fns]
        for kind, b in shown[: args.show_errors]:
            print(f"    {kind} {context(row['text'], b)}")


if __name__ == "__main__":
    main()
