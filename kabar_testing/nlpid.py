"""Fetching nlp-id's POS-tagged kumparan corpus: the wheel downloaded (never installed), the file read out of it.

Shared by the tagger's training script and the attribution sentence set, which must read the
same file of the same release.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

NLP_ID_VERSION = "0.1.23.0"
CORPUS_MEMBER = "nlp_id/data/dataset_postag.txt"


def corpus_from_wheel(wheel: Path) -> str:
    """The corpus file read out of an nlp-id wheel."""
    with zipfile.ZipFile(wheel) as zf:
        return zf.read(CORPUS_MEMBER).decode("utf-8")


def download_wheel(folder: Path, version: str = NLP_ID_VERSION) -> Path:
    """The nlp-id wheel of `version` in `folder`, fetched with `pip download --no-deps` when absent."""
    pattern = f"nlp_id-{version}-*.whl"
    wheels = sorted(folder.glob(pattern))
    if not wheels:
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
        print("fetching the corpus:", " ".join([*cmd[2:], f"nlp-id=={version}"]), file=sys.stderr)
        subprocess.run([*cmd, f"nlp-id=={version}", "-d", str(folder)], check=True)
        wheels = sorted(folder.glob(pattern))
    if len(wheels) != 1:
        raise SystemExit(f"expected one nlp-id {version} wheel in {folder}, found {wheels}")
    return wheels[0]
