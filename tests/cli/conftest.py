"""The `kabar` fixture: the command line run in-process against a private database and seeds copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import build_app


@pytest.fixture
def kabar(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds_dir: Path):
    """Run `kabar ARGS...` in-process (cwd: the test's folder); returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("KABAR_SEEDS_DIR", str(seeds_dir))
    monkeypatch.setenv("KABAR_DB", str(tmp_path / "state" / "kabar.db"))
    monkeypatch.setenv("KABAR_MODELS_DIR", str(tmp_path / "state" / "models"))
    monkeypatch.chdir(tmp_path)
    app = build_app()

    def call(*args: str, input: str | bytes | None = None):
        result = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return call
