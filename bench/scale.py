"""How kabar scales: 1k, 10k and 100k articles (1M with --million), every cost measured on each.

    python bench/scale.py [--sizes 1000,10000,100000] [--million] [--work DIR] [--repeat 5]

For each size, in a child process of its own (so its peak RSS is its own), on the
realistic corpus of bench/corpus.py (built once per size under --work and reused):

- index: a fresh database through the service (`Kabar.index`, the real reader and
  workers): articles/s; and in the same run the bulk baseline, the very same rows
  (articles, sentences, figures) inserted into a fresh database with kabar's schema by
  plain executemany in one transaction, the FTS5 index built in one pass: kabar's speed
  as a share of it (the bar is 0.3x). Kabar's time also covers reading and parsing the
  files and its spelling index, which the baseline does not do.
- bytes per article: the database file over the number of articles, against the
  article text (the files' bytes; the bar is 2x).
- answers through the service, in process: `search` (1, 2, 4 and 20 words and a
  figure; not cached), `/summary` and `/who-confirmed` cold (every question a
  distinct cache key: the cache is asked and misses, which the bench counts and
  prints) and cached (the same questions again), the no-match case (eight words the
  corpus lacks) and twenty common words; p50 and p95 of each.
- whole processes: `kabar ask` for eight unknown words, /who-confirmed on the figure
  most articles hold, and a four-word search, median of --repeat runs.
- the learned-boilerplate refresh that follows every index and feed poll: with nothing
  changed, and after one article left the index.
- peak RSS of the process (and of its parse workers).

The corpus shapes come from the IndoSum sample if it is found (see bench/corpus.py for
where it is looked for); without it the seeds alone are used and the script says so.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import WHERE_SHAPES, build_corpus, find_shapes
from timing import CacheSpy, percentile, timed

TABLES = ("articles", "paragraphs", "sentences", "figures")  # the corpus rows, as far as the schema has them
SYLLABLES = ("zor", "vek", "quin", "xal", "jup", "wix", "fro", "gux", "plo", "dre", "kiv", "tos")


def files_bytes(folder: Path) -> int:
    return sum(entry.stat().st_size for entry in os.scandir(folder) if entry.name.endswith(".txt"))


def corpus_for(work: Path, n: int, seed: int) -> Path:
    folder = work / f"corpus-{n}"
    if not folder.is_dir() or sum(1 for _ in os.scandir(folder)) != n:
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        build_corpus(folder, n, seed=seed)
        print(f"  built {n:,} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return folder


def bulk_baseline(source_db: Path, work: Path) -> float:
    """Seconds to insert the same rows into kabar's schema in one transaction and build FTS5 in one pass.

    The rows are read in batches (a million articles do not fit in memory at once); only
    the inserts and the FTS build are timed.
    """
    from bot.store.db import migration_files

    target = work / "baseline.db"
    for leftover in work.glob("baseline.db*"):
        leftover.unlink()
    source = sqlite3.connect(source_db)
    tables = [t for t in TABLES if source.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (t,)).fetchone()]
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    for _, sql in migration_files():
        conn.executescript(sql)
    conn.execute("INSERT INTO sentences_fts_deferred (since) VALUES (1)")  # no trigger per row
    seconds = 0.0
    conn.execute("BEGIN")
    for table in tables:
        cursor = source.execute(f"SELECT * FROM {table}")
        while batch := cursor.fetchmany(50_000):
            started = time.perf_counter()
            conn.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(batch[0]))})", batch)
            seconds += time.perf_counter() - started
    started = time.perf_counter()
    conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")
    conn.execute("COMMIT")
    seconds += time.perf_counter() - started
    conn.close()
    source.close()
    for leftover in work.glob("baseline.db*"):
        leftover.unlink()
    return seconds


def pick_questions(db_path: Path, rng: random.Random, count: int) -> dict:
    """Topics, figures and word lists drawn from the indexed corpus itself (distinct questions)."""
    conn = sqlite3.connect(db_path)
    last = conn.execute("SELECT max(rowid) FROM sentences").fetchone()[0]
    names, words, counts = [], [], Counter()
    for _ in range(3000):
        text = conn.execute("SELECT text FROM sentences WHERE rowid = ?", (rng.randint(1, last),)).fetchone()
        for i, word in enumerate((text[0] if text else "").split()):
            word = word.strip(".,;:\"'“”()!?")
            if word.isalpha() and len(word) >= 5:
                (names if i and word[0].isupper() else words).append(word)
            if word.isalpha() and word.islower() and len(word) >= 3:
                counts[word] += 1
    sample = conn.execute("SELECT value, article FROM figures WHERE vague = 0 LIMIT 50000").fetchall()
    per_value: dict[float, set] = {}
    for value, article in sample:
        per_value.setdefault(value, set()).add(article)
    top = max(per_value, key=lambda v: len(per_value[v]), default=None)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    holding = conn.execute(
        "SELECT count(DISTINCT article) FROM figures WHERE value = ? AND vague = 0", (top,)
    ).fetchone()[0]
    conn.close()
    topics = list(dict.fromkeys(names + words))
    rng.shuffle(topics)
    figures = sorted(v for v in per_value if 1 <= v <= 1e7)
    return {
        "topics": topics[:count],
        "figures": [spelled(v) for v in rng.sample(figures, min(count, len(figures)))],
        "common": [w for w, _ in counts.most_common(200)],
        "names": names,
        "top_figure": (spelled(top), holding / max(1, articles)) if top is not None else None,
        "articles": articles,
    }


def spelled(value: float) -> str:
    """A figure as a user types it: 4400000, 2,5."""
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")


def unknown_words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(n))


async def measure(kabar, questions: dict, rng: random.Random, repeat: int) -> dict:
    """p50/p95 (ms) of every answer case, and the cache hits seen during cold runs."""
    topics, names, common = questions["topics"], questions["names"], questions["common"]
    searches = {
        "search 1-4 words and figures": (
            topics[:8]
            + [" ".join(rng.sample(names, 2)) for _ in range(4)]
            + [" ".join(rng.sample(common, 4)) for _ in range(4)]
            + questions["figures"][:4]
        ),
        "search 20 common words": [" ".join(rng.sample(common, 20)) for _ in range(4)],
    }
    out: dict[str, list[float]] = {}
    for name, queries in searches.items():
        out[name] = []
        for query in queries:
            await kabar.search(query)  # its pages in the cache, as for a bot that runs
            out[name] += [await timed(lambda q=query: kabar.search(q)) for _ in range(repeat)]
    cold_cases = {
        "summary": [lambda t=t: kabar.summary(t) for t in topics],
        "who-confirmed": [lambda f=f: kabar.who_confirmed(f) for f in questions["figures"]],
        "summary no-match (8 unknown words)": [
            lambda w=w: kabar.summary(w) for w in [unknown_words(rng, 8) for _ in topics[:20]]
        ],
        "summary 20 common words": [
            lambda w=w: kabar.summary(w) for w in [" ".join(rng.sample(common, 20)) for _ in topics[:20]]
        ],
    }
    for name, calls in cold_cases.items():
        with CacheSpy(kabar) as spy:
            out[f"{name} cold"] = [await timed(call) for call in calls]
        out[f"{name} cold: served from the cache"] = [float(spy.hits)]
        out[f"{name} cached"] = [await timed(call) for call in calls]
    if questions["top_figure"]:  # one question, asked cold again and again: its cached answer is dropped first
        figure, name = questions["top_figure"][0], "who-confirmed on the top figure cold"
        out[name] = []
        for _ in range(repeat):
            await kabar.db.execute("DELETE FROM answer_cache")
            out[name].append(await timed(lambda: kabar.who_confirmed(figure)))
    return out


def whole_process(env: dict, questions: dict, rng: random.Random, repeat: int) -> dict:
    top = questions["top_figure"][0] if questions["top_figure"] else "10000"
    cases = {
        "ask /summary 8 unknown words": lambda: ["ask", f"/summary {unknown_words(rng, 8)}"],
        "ask /who-confirmed on the top figure": lambda: ["ask", f"/who-confirmed {top}"],
        "search 4 words": lambda: ["search", " ".join(rng.sample(questions["common"], 4))],
    }
    out = {}
    for name, argv in cases.items():
        times = []
        for _ in range(repeat):
            with sqlite3.connect(env["KABAR_DB"]) as conn:  # every run a cold answer
                conn.execute("DELETE FROM answer_cache")
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "bot", *argv()], env=env, capture_output=True, check=False, cwd=ROOT)
            times.append(time.perf_counter() - started)
        out[name] = statistics.median(times)
    return out


async def boilerplate_refresh(db) -> dict:
    """Milliseconds of the learned-boilerplate refresh run after every index and feed poll:
    with nothing changed, and after one article left the index (its prints re-learned)."""
    from bot.store.boilerplate import BoilerplateStore

    store = BoilerplateStore(db)
    out = {}
    started = time.perf_counter()
    await store.refresh()
    out["nothing changed"] = 1000 * (time.perf_counter() - started)
    row = await db.fetchone("SELECT id FROM articles ORDER BY rowid DESC LIMIT 1")
    async with db.transaction():
        await db.execute("DELETE FROM articles WHERE id = ?", (row[0],))
    started = time.perf_counter()
    await store.refresh()
    out["one article removed"] = 1000 * (time.perf_counter() - started)
    return out


async def one_size(n: int, work: Path, seed: int, repeat: int) -> dict:
    from bot.config import Settings
    from bot.service import Kabar

    corpus = corpus_for(work, n, seed)
    db_dir = work / f"db-{n}"
    shutil.rmtree(db_dir, ignore_errors=True)
    settings = Settings(_env_file=None, seeds_dir=corpus, db=db_dir / "kabar.db", models_dir=work / "models")
    result: dict = {"n": n, "text_bytes": files_bytes(corpus)}
    async with Kabar(settings) as kabar:
        started = time.perf_counter()
        report = await kabar.index()
        result["index_seconds"] = time.perf_counter() - started
        result["indexed"] = len(report.added)
        await kabar.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        result["db_bytes"] = sum(p.stat().st_size for p in db_dir.glob("kabar.db*"))
        rng = random.Random(seed)
        questions = pick_questions(settings.db, rng, 40)
        result["top_figure"] = questions["top_figure"]
        await kabar.warm_up()
        result["latency"] = await measure(kabar, questions, rng, repeat)
        result["boilerplate_ms"] = await boilerplate_refresh(kabar.db)
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the baseline loads rows
    result["workers_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["baseline_seconds"] = bulk_baseline(settings.db, db_dir)
    env = {
        **os.environ,
        "KABAR_DB": str(settings.db),
        "KABAR_SEEDS_DIR": str(corpus),
        "KABAR_MODELS_DIR": str(work / "models"),
        "PYTHONPATH": str(ROOT),
    }
    result["process"] = whole_process(env, questions, rng, repeat)
    return result


def report(r: dict) -> None:
    n = r["n"]
    rate = r["indexed"] / r["index_seconds"]
    ratio = r["baseline_seconds"] / r["index_seconds"]
    per = r["db_bytes"] / n
    text = r["text_bytes"] / n
    print(f"\n== {n:,} articles ({r['text_bytes'] / 1e6:,.0f} MB of text)")
    print(
        f"index        {rate:,.0f} articles/s ({r['index_seconds']:.1f} s); bulk baseline {r['baseline_seconds']:.1f} s:"
        f" {ratio:.2f}x of it (bar >= 0.3x)"
    )
    print(f"storage      {per:,.0f} bytes/article, {per / text:.2f}x the article text ({text:,.0f} bytes) (bar <= 2x)")
    if r["top_figure"]:
        print(f"top figure   {r['top_figure'][0]} is in {100 * r['top_figure'][1]:.0f}% of the articles")
    for name, values in r["latency"].items():
        if name.endswith("cache"):
            print(f"  {name:44} {int(values[0])}")
        else:
            print(
                f"  {name:44} p50 {percentile(values, 0.5):7.1f} ms   p95 {percentile(values, 0.95):7.1f} ms   (n={len(values)})"
            )
    for name, ms in r.get("boilerplate_ms", {}).items():
        print(f"  boilerplate refresh, {name:25} {ms:7.1f} ms")
    for name, seconds in r["process"].items():
        print(f"  process: {name:35} {seconds:6.2f} s (median)")
    print(
        f"peak RSS     {r['rss_mb']:,.0f} MB indexing and answering (largest parse worker {r['workers_rss_mb']:,.0f} MB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--million", action="store_true", help="also 1,000,000 articles (hours, ~10 GB of disk)")
    parser.add_argument("--work", type=Path, help="keep corpora and databases here (default: a temporary folder)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        result = asyncio.run(one_size(args.one, args.work, args.seed, args.repeat))
        args.out.write_text(json.dumps(result), encoding="utf-8")
        return 0
    shapes = find_shapes()
    print(f"shapes: {shapes}" if shapes else f"shapes: the seeds only ({WHERE_SHAPES})")
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([1_000_000] if args.million else [])
    work = args.work or Path(tempfile.mkdtemp(prefix="kabar-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for n in sizes:
            out = work / f"result-{n}.json"
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--one",
                    str(n),
                    "--work",
                    str(work),
                    "--out",
                    str(out),
                    "--repeat",
                    str(args.repeat),
                    "--seed",
                    str(args.seed),
                ],
                check=True,
            )
            results.append(json.loads(out.read_text(encoding="utf-8")))
            report(results[-1])
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if len(results) > 1:
        base = results[0]["process"]
        print(f"\nwhole processes, extra seconds over {results[0]['n']:,} articles:")
        for r in results[1:]:
            print(f"  {r['n']:>9,}: " + "   ".join(f"{k} +{v - base[k]:.2f} s" for k, v in r["process"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
