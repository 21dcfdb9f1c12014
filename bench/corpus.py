"""A synthetic corpus for benchmarks: N article files recombined from the seed paragraphs.

    python bench/corpus.py OUT_DIR [--n 10000] [--seed 7]

`build_corpus(directory, n)` writes `NNNNN_<hash>.txt` files (the id is zero-padded to
the width of `n`, at least three digits; the hash is the first 16 hex digits of the
file's sha256). Each file has a headline (or, like 001 and 004, opens straight with a
datelined paragraph), 3 to 9 body lines drawn from the seeds, and now and then a
sub-heading, a `Baca Juga:` cross-link and an `Editor:` line, so the real reader does
its real work. The same `n` and `seed` always give the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")
_DATELINE = re.compile(r"^[A-Z][A-Z.]+(?:\.CO\.ID|\.COM)\s*[-–—]")


@dataclass(frozen=True)
class SeedParts:
    """The seed lines sorted by what they are."""

    titles: tuple[str, ...]
    openers: tuple[str, ...]  # datelined first paragraphs
    paragraphs: tuple[str, ...]
    headings: tuple[str, ...]
    crosslinks: tuple[str, ...]
    editors: tuple[str, ...]


def seed_parts(seeds_dir: Path = SEEDS) -> SeedParts:
    """Classify every line of every seed file (plain heuristics; only for recombination)."""
    titles, openers, paragraphs, headings, crosslinks, editors = [], [], [], [], [], []
    files = sorted(seeds_dir.glob("*.txt"))
    if not files:
        raise SystemExit(f"no seed articles in {seeds_dir}")
    for path in files:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for number, line in enumerate(lines):
            lowered = line.lower()
            if lowered.startswith("baca juga"):
                # keep only the link title: real text that runs on after it stays a paragraph elsewhere
                crosslinks.append(line.split(":", 1)[0] + ": " + " ".join(line.split(":", 1)[1].split()[:8]))
            elif lowered.startswith("editor"):
                editors.append(line)
            elif "artificial intelligence" in lowered or lowered.startswith("artikel ini"):
                continue
            elif _DATELINE.match(line):
                openers.append(line)
            elif not _SENTENCE_END.search(line) and len(line) < 120:
                (titles if number == 0 else headings).append(line)
            else:
                paragraphs.append(line)
    return SeedParts(*(tuple(items) for items in (titles, openers, paragraphs, headings, crosslinks, editors)))


def compose(rng: random.Random, parts: SeedParts) -> str:
    """One synthetic article's text."""
    lines: list[str] = []
    if parts.titles and (not parts.openers or rng.random() < 0.7):
        lines.append(rng.choice(parts.titles))
    elif parts.openers:
        lines.append(rng.choice(parts.openers))
    body = rng.sample(parts.paragraphs, k=min(len(parts.paragraphs), rng.randint(3, 9)))
    for i, paragraph in enumerate(body):
        if i and parts.headings and rng.random() < 0.15:
            lines.append(rng.choice(parts.headings))
        lines.append(paragraph)
        if parts.crosslinks and rng.random() < 0.1:
            lines.append(rng.choice(parts.crosslinks))
    if parts.editors and rng.random() < 0.5:
        lines.append(rng.choice(parts.editors))
    return "\n".join(lines) + "\n"


def build_corpus(directory: Path, n: int = 10_000, *, seed: int = 7, seeds_dir: Path = SEEDS) -> list[Path]:
    """Write `n` synthetic articles into `directory` (created if needed); return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    parts = seed_parts(seeds_dir)
    rng = random.Random(seed)
    width = max(3, len(str(n)))
    paths = []
    for i in range(n):
        data = compose(rng, parts).encode("utf-8")
        path = directory / f"{i:0{width}d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = build_corpus(args.out, args.n, seed=args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths):,} articles ({size / 1e6:.1f} MB) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
