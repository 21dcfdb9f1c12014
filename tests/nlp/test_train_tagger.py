"""scripts/train_tagger.py rebuilds a working model offline from a corpus file or a wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from bot.nlp.tagging import PosTagger

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "train_tagger.py"
SAMPLE = ROOT / "tests" / "data" / "postag_heldout.tsv"


def _train(tmp_path: Path, *source: str) -> tuple[str, Path]:
    model = tmp_path / "model.crfsuite"
    out = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            *source,
            "--out",
            str(model),
            "--max-iterations",
            "5",
            "--sample",
            str(tmp_path / "sample.tsv"),
            "--sample-size",
            "20",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=240,
    )
    return out.stdout, model


def test_trains_from_a_corpus_file(tmp_path: Path) -> None:
    stdout, model = _train(tmp_path, "--corpus", str(SAMPLE))
    assert "differs from nlp-id" in stdout  # the sample is not the whole corpus
    assert "held-out:" in stdout and "NNP" in stdout
    tagger = PosTagger.load(model)
    assert set(tagger.labels) >= {"NNP", "NN", "VB", "SYM"}
    assert len(tagger.tag(["Budi", "makan", "nasi", "."])) == 4
    sample = (tmp_path / "sample.tsv").read_text(encoding="utf-8")
    assert sample.startswith("# Held-out sentences of the nlp-id POS corpus")
    assert "MIT licence" in sample and sample.count("\n\n") == 20


def test_trains_from_a_wheel(tmp_path: Path) -> None:
    wheel = tmp_path / "nlp_id-0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("nlp_id/data/dataset_postag.txt", SAMPLE.read_text(encoding="utf-8"))
    stdout, model = _train(tmp_path, "--wheel", str(wheel))
    assert "held-out:" in stdout
    assert PosTagger.load(model).tag(["Ia", "."])
