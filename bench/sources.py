"""What a command pays to learn whether its sources changed, at 1,000 and at 100,000 articles.

    python bench/sources.py [--sizes 1000 100000] [--repeat 7] [--keep DIR]

For each size it builds a synthetic corpus (bench/corpus.py), indexes it once, dates the
folder's listing back (as if nothing had changed for a while), then times:

- `kabar search kursk` as a whole process (interpreter start, settings, the cheap check of
  the sources, the search, the answer), median of `--repeat` runs;
- the cheap check alone, in process (`Kabar.ensure_indexed` with nothing changed);
- a full check with nothing changed (`kabar index`: every file stat-ed, none read);
- a full check that reads and hashes every file (`kabar index --reread`): what every
  command paid before sources were explicit, since each one re-indexed KABAR_SEEDS_DIR;
- the cheap check right after one file was added (the folder is then listed again).

It prints one row per size and the ratio of the largest size to the smallest, measured in
the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import build_corpus

from bot.config import Settings
from bot.service import Kabar

LONG_AGO = 1_700_000_000


def whole_process(args: list[str], env: dict[str, str], repeat: int) -> float:
    """Median wall time of `python -m bot ARGS` (seconds)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "bot", *args], env=env, cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"kabar {' '.join(args)} failed: {done.stderr.strip()}")
    return statistics.median(times)


async def in_process(settings: Settings, folder: Path, repeat: int) -> tuple[float, float]:
    """(median cheap check with nothing changed, cheap check after one file was added), seconds."""
    async with Kabar(settings) as kabar:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            report = await kabar.ensure_indexed()
            times.append(time.perf_counter() - started)
            assert report is None, "the folder was not meant to have changed"
        extra = folder / "9999999_0000000000000000.txt"
        extra.write_text("Berita Baru\nSebuah berita baru tentang Kursk pada Senin.\n", encoding="utf-8")
        started = time.perf_counter()
        report = await kabar.ensure_indexed()
        changed = time.perf_counter() - started
        assert report is not None and report.added == ("9999999",)
        extra.unlink()
        await kabar.index()
    return statistics.median(times), changed


def measure(size: int, work: Path, repeat: int) -> dict[str, float]:
    folder = work / f"corpus-{size}"
    if not folder.exists():
        folder.mkdir(parents=True)
        build_corpus(folder, size)
    env = dict(os.environ, KABAR_SEEDS_DIR=str(folder), KABAR_DB=str(work / f"kabar-{size}.db"), PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "index", "--json"], env=env, cwd=ROOT, check=True, capture_output=True)
    first_index = time.perf_counter() - started
    os.utime(folder, (LONG_AGO, LONG_AGO))
    whole_process(["index", "--json"], env, 1)  # records the dated token
    settings = Settings(_env_file=None, seeds_dir=folder, db=work / f"kabar-{size}.db")
    cheap, changed = asyncio.run(in_process(settings, folder, repeat))
    os.utime(folder, (LONG_AGO, LONG_AGO))
    whole_process(["index", "--json"], env, 1)
    return {
        "first index s": first_index,
        "full check s": whole_process(["index", "--json"], env, max(1, repeat // 3)),
        "reread check s": whole_process(["index", "--reread", "--json"], env, max(1, repeat // 3)),
        "search process s": whole_process(["search", "kursk"], env, repeat),
        "cheap check ms": cheap * 1000,
        "after a change ms": changed * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the corpora and databases in this folder")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="kabar-sources-"))
    work.mkdir(parents=True, exist_ok=True)
    whole_process(["--help"], dict(os.environ, PYTHONPATH=str(ROOT)), 3)  # warm the interpreter's files first
    try:
        rows = {size: measure(size, work, args.repeat) for size in args.sizes}
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    columns = list(next(iter(rows.values())))
    print(f"{'articles':>9}  " + "  ".join(f"{c:>18}" for c in columns))
    for size, row in rows.items():
        print(f"{size:>9,}  " + "  ".join(f"{row[c]:>18.3f}" for c in columns))
    small, large = rows[min(rows)], rows[max(rows)]
    print(
        f"{max(rows) // min(rows)}x the articles: "
        + ", ".join(f"{c} x{large[c] / small[c]:.2f}" for c in columns if small[c] > 0)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
