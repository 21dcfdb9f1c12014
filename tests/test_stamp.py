"""The engine stamp that keys cached answers: which files it covers, and that it follows them."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.stamp as stamp_module
from bot import __version__


def test_stamp_covers_the_engine_its_data_and_the_answer_format() -> None:
    names = {p.relative_to(stamp_module._PACKAGE).as_posix() for p in stamp_module._sources()}
    assert {
        "nlp/attribution/engine.py",
        "nlp/data/cues.tsv",
        "nlp/data/pos_tagger.crfsuite",
        "corpus/figures/scan.py",
        "models.py",
        "present/json.py",
    } <= names
    assert not any(n.startswith(("discord_app/", "cli")) for n in names)


def test_stamp_changes_with_any_covered_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "nlp" / "data" / "cues.tsv"
    table.parent.mkdir(parents=True)
    table.write_text("pattern\tlemma\n", encoding="utf-8")
    monkeypatch.setattr(stamp_module, "_PACKAGE", tmp_path)
    monkeypatch.setattr(stamp_module, "_sources", lambda: [table])
    before = stamp_module.engine_stamp.__wrapped__()
    table.write_text("pattern\tlemma\nmenaksir\tmenaksir\n", encoding="utf-8")
    after = stamp_module.engine_stamp.__wrapped__()
    assert before != after
    assert before.startswith(__version__ + "+") and after.startswith(__version__ + "+")
