"""Latency of /summary and /who-confirmed on a large realistic corpus, cold and cached.

    python bench/answers.py [--n 10000] [--seed 7] [--keep DIR]

Builds N articles (bench/corpus.py), indexes them, then asks each question through the
same service the terminal and Discord use:

- cold: the answer cache was asked and missed (retrieval, ranking or claim extraction
  all ran). A question that only differs in notation from an earlier one ("10.000"
  after "10000") is served from the cache: it is counted apart, never as cold.
- cached: the same question again (served from the SQLite answer cache).

The baseline measured in the same run is a bare FTS search for the same topic (what
any answer costs at least). Prints p50/p95/max per command and the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import build_corpus
from timing import CacheSpy, percentile, timed

from bot.config import Settings
from bot.service import Kabar

TOPICS = [
    "kursk",
    "pentagon",
    "nato",
    "korea utara",
    "rutte",
    "kremlin",
    "ukraina",
    "putin",
    "pyongyang",
    "amunisi",
    "rudal balistik",
    "pakta pertahanan",
    "intelijen",
    "zelensky",
    "yoon suk-yeol",
    "biden",
    "eskalasi",
    "indo-pasifik",
    "kim jong un",
    "washington",
    "moskow",
    "donetsk",
    "sanksi",
    "drone",
]
FIGURES = ["10000", "10.000", "10 ribu", "2,5", "18", "enam", "tiga", "979", "100", "2022", "10k", "5"]


def line(name: str, values: list[float]) -> str:
    return (
        f"  {name:<28} n={len(values):<3} p50 {percentile(values, 0.5):7.1f} ms   "
        f"p95 {percentile(values, 0.95):7.1f} ms   max {max(values):7.1f} ms"
    )


async def cold(kabar, calls) -> tuple[list[float], int]:
    """Timings of the calls the cache missed, and how many it served instead."""
    times, served = [], 0
    for call in calls:
        with CacheSpy(kabar) as spy:
            ms = await timed(call)
        if spy.hits:
            served += 1
        else:
            times.append(ms)
    return times, served


async def bench(n: int, seed: int, keep: Path | None) -> None:
    work = keep or Path(tempfile.mkdtemp(prefix="kabar-answers-"))
    try:
        await run(n, seed, work, fresh=keep is None)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)  # the corpus and database are ~100 MB at 10k


async def run(n: int, seed: int, work: Path, fresh: bool) -> None:
    corpus = work / "corpus"
    if not corpus.exists() or not any(corpus.iterdir()):
        corpus.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        build_corpus(corpus, n, seed=seed)
        print(
            f"built {n} articles in {time.perf_counter() - start:.1f} s -> {corpus if not fresh else 'a temporary folder'}"
        )
    settings = Settings(_env_file=None, seeds_dir=corpus, db=work / "kabar.db", models_dir=work / "models")
    async with Kabar(settings) as kabar:
        start = time.perf_counter()
        report = await kabar.index()
        print(
            f"indexed: {len(report.added)} added, {report.unchanged} unchanged in {time.perf_counter() - start:.1f} s"
        )
        await kabar.db.execute("DELETE FROM answer_cache")  # cold means cold, even with --keep
        await kabar.warm_up()  # load sumy and the stemmer once, as the bot does at start-up

        baseline = [await timed(lambda t=t: kabar.search(t, limit=400)) for t in TOPICS]
        summary_cold, summary_served = await cold(kabar, [lambda t=t: kabar.summary(t) for t in TOPICS])
        summary_cached = [await timed(lambda t=t: kabar.summary(t)) for t in TOPICS]
        who_cold, who_served = await cold(kabar, [lambda f=f: kabar.who_confirmed(f) for f in FIGURES])
        who_cached = [await timed(lambda f=f: kabar.who_confirmed(f)) for f in FIGURES]

        sample = await kabar.who_confirmed("10000")
        print(f"/who-confirmed 10000 on {n} articles: {len(sample.items)} source groups; notes: {sample.notes[:1]}")

    print(f"\nanswer latency over {n} articles (in-process, through the service)")
    print(line("baseline: FTS search", baseline))
    print(line("/summary cold", summary_cold))
    print(line("/summary cached", summary_cached))
    print(line("/who-confirmed cold", who_cold))
    print(line("/who-confirmed cached", who_cached))
    print(
        f"first asks served from the cache (another notation of an earlier question), left out of cold: "
        f"/summary {summary_served}, /who-confirmed {who_served}"
    )
    p95 = {
        k: percentile(v, 0.95)
        for k, v in {
            "summary_cold": summary_cold,
            "summary_cached": summary_cached,
            "who_cold": who_cold,
            "who_cached": who_cached,
            "baseline": baseline,
        }.items()
    }
    print(
        f"\nratios (p50): /summary cold / search {statistics.median(summary_cold) / statistics.median(baseline):.1f}x, "
        f"cold / cached {statistics.median(summary_cold) / statistics.median(summary_cached):.0f}x; "
        f"/who-confirmed cold / cached {statistics.median(who_cold) / statistics.median(who_cached):.0f}x"
    )
    verdict = all(p95[k] < 200 for k in ("summary_cold", "summary_cached", "who_cold", "who_cached"))
    print(f"target p95 < 200 ms for both commands, cold and cached: {'met' if verdict else 'NOT met'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="reuse/keep the corpus and database in this folder")
    args = parser.parse_args(argv)
    asyncio.run(bench(args.n, args.seed, args.keep))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
