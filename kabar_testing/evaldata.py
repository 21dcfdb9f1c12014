"""Where the benchmarks find evaluation data the repository does not ship (IndoSum articles).

The folder is `KABAR_EVAL_DIR` when set, else `../shared/eval` beside the checkout. A bench
whose file is missing prints one line saying where to put it and exits 0, so `make bench`
on a fresh clone runs every other bench.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = "KABAR_EVAL_DIR"


def eval_dir() -> Path:
    """The evaluation data folder (KABAR_EVAL_DIR, else ../shared/eval beside the checkout)."""
    given = os.environ.get(ENV)
    return Path(given) if given else ROOT.parent / "shared" / "eval"


def eval_file(name: str) -> Path:
    return eval_dir() / name


def require(path: Path, bench: str, what: str) -> None:
    """Exit 0 with one line when `path` is missing: which bench, what file, where to put it."""
    if path.is_file():
        return
    print(f"{bench}: skipped, no {path} ({what}; put it there, or set {ENV} to its folder)")
    sys.exit(0)
