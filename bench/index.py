"""Benchmark: index the realistic corpus, then search it; compare with a plain sqlite3 bulk insert.

    python bench/index.py [--n 10000] [--seed 7] [--repeat 20] [--keep DIR]

Builds N articles of the realistic corpus (bench/corpus.py), indexes them into a fresh
database with the real reader and `index_folder`, and prints articles/s, sentences/s,
the database size, a second (unchanged) run, and search latency p50/p95 over word and
figure queries. In the same run it times a plain `sqlite3` executemany of the very same
sentence rows into a bare table (the baseline) and into a table with the same FTS5
index and triggers, and prints the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import build_corpus
from timing import percentile

from bot.indexing import index_folder
from bot.store.articles import ArticleStore
from bot.store.db import Database
from bot.store.search import SentenceSearch

WORD_QUERIES = [
    "kursk",
    "korea utara",
    "pentagon",
    "rutte",
    "sabrina singh",
    "drone",
    "intelijen korea selatan",
    "pasukan rusia ukraina",
    "kim jong un",
    "zelensky",
    "belgorod",
]
FIGURE_QUERIES = ["10000", "10.000", "10 ribu", "tentara 10000", "11000"]

FTS_SCHEMA = """
CREATE TABLE sentences (rowid INTEGER PRIMARY KEY, article TEXT, idx INTEGER, paragraph INTEGER, text TEXT);
CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content='sentences', content_rowid='rowid',
                                               tokenize="unicode61 remove_diacritics 2");
CREATE TRIGGER t AFTER INSERT ON sentences BEGIN INSERT INTO sentences_fts (rowid, text)
VALUES (new.rowid, new.text); END;
"""


def db_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def plain_insert(rows: list[tuple], path: Path, schema: str) -> float:
    """Seconds for one executemany of `rows` into a fresh database with `schema`, one transaction."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.executescript(schema)
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO sentences (article, idx, paragraph, text) VALUES (?,?,?,?)", rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


async def bench(n: int, seed: int, repeat: int, keep: Path | None) -> None:
    work = Path(tempfile.mkdtemp(prefix="kabar-bench-"))
    try:
        corpus_dir = keep or work / "corpus"
        started = time.perf_counter()
        if keep is None or not any(corpus_dir.glob("*.txt")):
            build_corpus(corpus_dir, n, seed=seed)
        files = sorted(corpus_dir.glob("*.txt"))
        size = sum(p.stat().st_size for p in files)
        print(
            f"corpus      {len(files):,} articles, {size / 1e6:.1f} MB ({time.perf_counter() - started:.1f} s to build)"
        )

        db_path = work / "db" / "kabar.db"
        db = await Database.open(db_path)
        report = await index_folder(db, corpus_dir)
        sentences = (await db.fetchone("SELECT count(*) FROM sentences"))[0]
        figures = (await db.fetchone("SELECT count(*) FROM figures"))[0]
        articles = await ArticleStore(db).count()
        if report.warnings:
            print(f"warnings    {len(report.warnings)} (first: {report.warnings[0]})")
        print(
            f"index       {articles:,} articles, {sentences:,} sentences, {figures:,} figures in {report.seconds:.2f} s"
        )
        print(
            f"            {len(report.added) / report.seconds:,.0f} articles/s   "
            f"{sentences / report.seconds:,.0f} sentences/s   (target >= 1,000 articles/s)"
        )
        again = await index_folder(db, corpus_dir)
        print(
            f"re-index    {again.unchanged:,} unchanged, {len(again.added) + len(again.updated)} parsed "
            f"in {again.seconds:.2f} s ({again.unchanged / max(again.seconds, 1e-9):,.0f} files/s checked)"
        )

        search = SentenceSearch(db)
        latencies: dict[str, list[float]] = {}
        found: dict[str, int] = {}
        for query in WORD_QUERIES + FIGURE_QUERIES:
            found[query] = len(await search.search(query, limit=20))  # warm up
            for _ in range(repeat):
                t0 = time.perf_counter()
                await search.search(query, limit=20)
                latencies.setdefault(query, []).append((time.perf_counter() - t0) * 1000)
        await db.close()
        print(f"db size     {db_size(db_path) / 1e6:.1f} MB ({db_size(db_path) / size:.1f}x the corpus)")

        every = [ms for values in latencies.values() for ms in values]
        words = [ms for q in WORD_QUERIES for ms in latencies[q]]
        figs = [ms for q in FIGURE_QUERIES for ms in latencies[q]]
        print(
            f"search      p50 {percentile(every, 0.5):.2f} ms   p95 {percentile(every, 0.95):.2f} ms   "
            f"max {max(every):.2f} ms   ({len(every)} searches, limit 20; target p95 < 20 ms)"
        )
        print(f"            words p95 {percentile(words, 0.95):.2f} ms   figures p95 {percentile(figs, 0.95):.2f} ms")
        for query, values in latencies.items():
            print(
                f"            {query!r:28} {found[query]:3} hits   p50 {statistics.median(values):6.2f} ms   "
                f"p95 {percentile(values, 0.95):6.2f} ms"
            )

        conn = sqlite3.connect(db_path)
        rows = conn.execute("SELECT article, idx, paragraph, text FROM sentences ORDER BY rowid").fetchall()
        conn.close()
        plain = plain_insert(rows, work / "plain.db", FTS_SCHEMA.split(";")[0] + ";")
        with_fts = plain_insert(rows, work / "plain_fts.db", FTS_SCHEMA)
        print(
            f"baseline    plain sqlite3 executemany of the same {len(rows):,} sentence rows: {plain:.2f} s "
            f"({len(rows) / plain:,.0f} sentences/s)"
        )
        print(
            f"            the same into a table with the FTS5 index and trigger: {with_fts:.2f} s "
            f"({len(rows) / with_fts:,.0f} sentences/s)"
        )
        print(
            f"ratio       kabar index time / plain insert = {report.seconds / plain:.1f}x   "
            f"/ insert with FTS5 = {report.seconds / with_fts:.1f}x   "
            "(kabar also hashes, reads, parses and stores articles, paragraphs and figures)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of each query")
    parser.add_argument("--keep", type=Path, help="reuse (or create) the corpus in this folder")
    args = parser.parse_args(argv)
    asyncio.run(bench(args.n, args.seed, args.repeat, args.keep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
