"""Speed and memory of the part-of-speech tagger (`bot.nlp.tagging`), against tokenising alone.

Usage:  python bench/tagger.py [--repeat R] [--query-sentences N]

Text: the sentences of the five seed articles (kabar's own reader) and the held-out corpus
sample committed for the tests (`tests/data/postag_heldout.tsv`, its tokens joined by
spaces). The model is loaded once; every figure is the median of R runs, in CPU time of the
bench process unless marked wall (wall time on a shared machine includes other work).

Printed, each against a baseline measured in the same run:
  tokenise   `token_spans` alone (the baseline: what any use of the text costs);
  features   tokenising plus `token_features` (the Python part of tagging);
  tag_text   the whole `PosTagger.tag_text` (tokens, features, CRF decoding, offsets);
  query      one `/who-confirmed` worth of tagging: N sentences (default 240 = 40 articles
             times a figure sentence and five neighbours), with its p95 over the runs;
  threads    the same sentences tagged by one thread, by two threads sharing one tagger
             (its lock), and by two threads with a tagger each: crfsuite keeps the GIL,
             so two threads never beat one, and the lock is not what they wait for;
  load       `PosTagger.load()` in a warm process, and a cold process that imports the
             tagger and loads the model, against one that imports the word splitter only
             (wall time and peak RSS of each process).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.corpus.reader import read_article
from bot.corpus.segment import token_spans
from bot.nlp.tagcorpus import read_sentences
from bot.nlp.tagging import PosTagger, token_features

SAMPLE = ROOT / "tests" / "data" / "postag_heldout.tsv"

#: a child process reports its own peak RSS from /proc (getrusage's ru_maxrss would carry
#: the parent's peak over fork and exec on Linux)
_COLD = """
import json, sys, time
sys.path.insert(0, {root!r})
{body}
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(json.dumps({{"cpu": time.process_time(), "rss": int(hwm[0].split()[1]) if hwm else 0}}))
"""
_BASELINE_BODY = "from bot.corpus.segment import token_spans"
_TAGGER_BODY = "from bot.nlp.tagging import default_tagger\ndefault_tagger()"


def sentences() -> list[str]:
    seeds = [s.text for p in sorted((ROOT / "seeds").glob("*.txt")) for s in read_article(p).sentences]
    held = [" ".join(w for w, _ in s) for s in read_sentences(SAMPLE.read_text(encoding="utf-8"))]
    return seeds + held


def median_time(fn, repeat: int) -> tuple[float, list[float]]:
    """Median CPU seconds of this process over `repeat` runs, and the wall seconds of each run.

    CPU time is what the tagger costs; wall time on a shared machine adds other people's work.
    """
    cpu, wall = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - t0)
    return statistics.median(cpu), wall


def p95(runs: list[float]) -> float:
    ordered = sorted(runs)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def cold(body: str, repeat: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds of a fresh interpreter running `body`, and its peak RSS in KiB."""
    code = _COLD.format(root=str(ROOT), body=body)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        child = json.loads(out.stdout)
        runs.append((wall, child["cpu"], child["rss"]))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), max(r[2] for r in runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--query-sentences", type=int, default=240)
    args = ap.parse_args()

    texts = sentences()
    tokens = sum(len(token_spans(t)) for t in texts)
    tagger = PosTagger.load()
    print(
        f"{len(texts)} sentences, {tokens} tokens ({tokens / len(texts):.1f} per sentence); "
        f"model {tagger!r}; median of {args.repeat} runs\n"
    )

    def tokenise() -> None:
        for t in texts:
            token_spans(t)

    def features() -> None:
        for t in texts:
            token_features([t[a:b] for a, b in token_spans(t)])

    def tag_all() -> None:
        for t in texts:
            tagger.tag_text(t)

    rows = [
        (name, median_time(fn, args.repeat)[0])
        for name, fn in (("tokenise", tokenise), ("features", features), ("tag_text", tag_all))
    ]
    base = rows[0][1]
    print(f"{'CPU time':10} {'tokens/s':>11} {'ms/sentence':>12} {'x tokenise':>11}")
    for name, sec in rows:
        print(f"{name:10} {tokens / sec:>11,.0f} {sec / len(texts) * 1e3:>12.4f} {sec / base:>11.1f}")

    query = texts[: args.query_sentences]
    q_tokens = sum(len(token_spans(t)) for t in query)
    q_cpu, q_wall = median_time(lambda: [tagger.tag_text(t) for t in query], max(args.repeat, 20))
    q_base, _ = median_time(lambda: [token_spans(t) for t in query], max(args.repeat, 20))
    print(
        f"\nquery: {len(query)} sentences ({q_tokens} tokens) tagged in {q_cpu * 1e3:.1f} ms CPU "
        f"(tokenising alone {q_base * 1e3:.2f} ms, {q_cpu / max(q_base, 1e-9):.0f}x); wall median "
        f"{statistics.median(q_wall) * 1e3:.1f} ms, p95 {p95(q_wall) * 1e3:.1f} ms"
    )

    half = len(query) // 2
    parts = (query[:half], query[half:])

    def one_thread() -> None:
        for part in parts:
            for t in part:
                tagger.tag_text(t)

    own = [PosTagger.load(), PosTagger.load()]

    def two_threads(taggers: list[PosTagger]) -> None:
        workers = [threading.Thread(target=lambda p=p, g=g: [g.tag_text(t) for t in p]) for p, g in zip(parts, taggers)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()

    runs: dict[str, list[float]] = {"one": [], "shared": [], "own": []}
    for _ in range(args.repeat):  # interleaved, so that load on the machine hits all alike
        runs["one"].append(median_time(one_thread, 1)[1][0])
        runs["shared"].append(median_time(lambda: two_threads([tagger, tagger]), 1)[1][0])
        runs["own"].append(median_time(lambda: two_threads(own), 1)[1][0])
    one, shared, mine = (statistics.median(runs[k]) for k in ("one", "shared", "own"))
    print(
        f"threads (wall): one thread {one * 1e3:.1f} ms; two threads sharing one tagger {shared * 1e3:.1f} ms "
        f"({shared / one:.2f}x); two threads with a tagger each {mine * 1e3:.1f} ms ({mine / one:.2f}x)"
    )

    tracemalloc.start()
    for t in query:
        tagger.tag_text(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"python heap peak while tagging the query: {peak / 1024:.0f} KiB")

    load, _ = median_time(PosTagger.load, args.repeat)
    print(f"\nload (warm process): {load * 1e3:.2f} ms CPU")
    b_wall, b_cpu, b_rss = cold(_BASELINE_BODY, 5)
    t_wall, t_cpu, t_rss = cold(_TAGGER_BODY, 5)
    print(
        f"cold process, import word splitter only: {b_cpu * 1e3:.0f} ms CPU ({b_wall * 1e3:.0f} ms wall), "
        f"peak RSS {b_rss / 1024:.1f} MiB"
    )
    print(
        f"cold process, import tagger + load model: {t_cpu * 1e3:.0f} ms CPU ({t_wall * 1e3:.0f} ms wall), "
        f"peak RSS {t_rss / 1024:.1f} MiB (+{(t_cpu - b_cpu) * 1e3:.0f} ms CPU, +{(t_rss - b_rss) / 1024:.1f} MiB)"
    )


if __name__ == "__main__":
    main()
