"""A fresh clone has no ../shared/eval: the benches that need it say so in one line and exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("bench", ["bench/summary_eval.py", "bench/segmentation.py"])
def test_a_bench_without_its_data_says_where_to_put_it(bench: str, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    env = {**os.environ, "KABAR_EVAL_DIR": str(missing)}
    done = subprocess.run([sys.executable, bench], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    [line] = done.stdout.splitlines()
    assert line.startswith(f"{bench}: skipped, no {missing / 'indosum_public_100.jsonl'}")
    assert "KABAR_EVAL_DIR" in line
