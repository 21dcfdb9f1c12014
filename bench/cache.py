"""The answer cache under load: 2,000 distinct questions, a corpus change, the next answer.

    python bench/cache.py [--n 1000] [--questions 2000] [--cap-mb 8] [--keep DIR]

Indexes N articles of the realistic corpus (bench/corpus.py), then asks `--questions`
distinct /summary questions through the service with the cache capped at `--cap-mb`,
adds one article and re-indexes (every cached answer is now stale), and asks one more.
Prints: the database file before and after the questions (growth against the cap), the
cached rows and bytes, the longest write transaction on the answer path (the bar is
50 ms), the first answer after the change (the bar is 1 s), and how long the background
clean-up takes to remove the stale rows and hand their pages back.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import build_corpus
from timing import CacheSpy, timed

from bot.config import Settings
from bot.service import Kabar


def file_bytes(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.stat().st_size


def topics(db: Path, count: int, rng: random.Random) -> list[str]:
    with sqlite3.connect(db) as conn:
        words = [w for (w,) in conn.execute("SELECT term FROM spelling_terms WHERE length(term) >= 5")]
    rng.shuffle(words)
    return words[:count]


@contextlib.contextmanager
def longest_write(kabar):
    """Records the longest write transaction while the block runs (seconds, in a one-item list)."""
    longest = [0.0]
    real = kabar.db.transaction

    @contextlib.asynccontextmanager
    async def timed_transaction():
        started = time.perf_counter()
        async with real() as db:
            yield db
        longest[0] = max(longest[0], time.perf_counter() - started)

    kabar.db.transaction = timed_transaction
    try:
        yield longest
    finally:
        kabar.db.transaction = real


async def bench(n: int, questions: int, cap_mb: int, work: Path) -> None:
    corpus = work / "corpus"
    if not corpus.is_dir():
        build_corpus(corpus, n)
    db_path = work / "kabar.db"
    settings = Settings(
        _env_file=None, seeds_dir=corpus, db=db_path, models_dir=work / "models", answer_cache_mb=cap_mb
    )
    async with Kabar(settings) as kabar:
        await kabar.index()
        await kabar.warm_up()
        before = file_bytes(db_path)
        asked = topics(db_path, questions, random.Random(7))
        started = time.perf_counter()
        with longest_write(kabar) as longest, CacheSpy(kabar) as spy:
            for topic in asked:
                await kabar.summary(topic)
        spent = time.perf_counter() - started
        rows = (await kabar.db.fetchone("SELECT count(*) FROM answer_cache"))[0]
        after = file_bytes(db_path)
        print(
            f"{len(asked):,} distinct questions in {spent:.0f} s ({spy.hits} served from the cache); "
            f"{rows:,} answers cached, {await kabar._answers.size() / 2**20:.1f} MB counted (cap {cap_mb} MB)"
        )
        print(
            f"database file: {before / 2**20:.1f} MB before, {after / 2**20:.1f} MB after: "
            f"grew {(after - before) / 2**20:.1f} MB (bar: no more than the cap, {cap_mb} MB)"
        )
        print(f"longest write transaction while answering: {longest[0] * 1000:.1f} ms (bar 50 ms)")

        extra = corpus / f"{n:0{max(3, len(str(n)))}d}_00000000000000ff.txt"
        extra.write_text("Judul baru\nPasukan tiba di perbatasan pada Selasa malam.\n", encoding="utf-8")
        await kabar.index()
        with longest_write(kabar) as longest:
            first = await timed(lambda: kabar.summary(asked[0]))
        print(
            f"after a corpus change ({rows:,} stale answers): the next answer took {first:.0f} ms (bar 1,000 ms); "
            f"longest write {longest[0] * 1000:.1f} ms"
        )
        started = time.perf_counter()
        cleaning = kabar._cached_answers.cleaning
        removed = await cleaning if cleaning else 0
        print(
            f"background clean-up: {removed:,} stale answers removed in {time.perf_counter() - started:.1f} s; "
            f"file now {file_bytes(db_path) / 2**20:.1f} MB"
        )
        extra.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--cap-mb", type=int, default=8)
    parser.add_argument("--keep", type=Path, help="keep the corpus and database here")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="kabar-cache-"))
    try:
        asyncio.run(bench(args.n, args.questions, args.cap_mb, work))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
