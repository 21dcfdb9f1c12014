"""`kabar --version`: the release and the engine stamp, exit 0, nothing opened."""

from __future__ import annotations

from pathlib import Path

from bot import __version__
from bot.stamp import engine_stamp


def test_version_prints_the_release_and_the_engine_stamp(kabar, tmp_path: Path) -> None:
    code, out, err = kabar("--version")
    assert code == 0 and err == ""
    assert out == f"kabar {engine_stamp()}\n"
    assert out.startswith(f"kabar {__version__}+")
    assert not (tmp_path / "state").exists()  # no database, no log: nothing but the version


def test_version_comes_before_any_command(kabar) -> None:
    code, out, _ = kabar("--version", "articles")
    assert code == 0 and out == f"kabar {engine_stamp()}\n"
