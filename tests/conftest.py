"""Fixtures shared by every test: the seed corpus and isolated Settings.

Nothing here touches the network or the user's own .kabar folder: each test gets a
temporary database, models folder and copy of the seeds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the developer's environment and .env out of every test."""
    import os

    for name in list(os.environ):
        if name.startswith("KABAR_") or name in {"DISCORD_TOKEN", "ARGOS_PACKAGES_DIR"}:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(autouse=True)
def _restored_logging():
    """Each test leaves the root logger as it found it: a command's `setup_logging` (log file,
    stderr handler bound to a test's captured stream, DEBUG level) must not outlive its test."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    configured = getattr(root, "_kabar_configured", False)
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    root._kabar_configured = configured  # type: ignore[attr-defined]


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled seeds that a test may change."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def settings(tmp_path: Path, seeds_dir: Path) -> Settings:
    """Settings pointing at temporary state and the copied seeds; no .env is read."""
    return Settings(
        _env_file=None,
        seeds_dir=seeds_dir,
        db=tmp_path / "state" / "kabar.db",
        models_dir=tmp_path / "state" / "argos-packages",
        translations_dir=tmp_path / "translations",
    )
