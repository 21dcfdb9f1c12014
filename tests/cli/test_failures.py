"""Failures a careful operator can cause, each one clear line (plus its hint) and an exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def closed_stdin(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """Run `python -m bot ARGS` as `kabar ARGS <&-` (standard input closed, as `make run <&-`)."""
    command = " ".join([sys.executable, "-m", "bot", *args]) + " <&-"
    return subprocess.run(["sh", "-c", command], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def env(tmp_path: Path, seeds_dir: Path) -> dict[str, str]:
    return dict(
        os.environ, KABAR_SEEDS_DIR=str(seeds_dir), KABAR_DB=str(tmp_path / "state" / "k.db"), PYTHONPATH=str(ROOT)
    )


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        ([], "error: Standard input is closed: the chat has no commands to read."),
        (["chat"], "error: Standard input is closed: the chat has no commands to read."),
        (["summarize", "-"], "error: Standard input is closed: there is no text to summarise."),
    ],
)
def test_closed_standard_input(env: dict[str, str], tmp_path: Path, args: list[str], first_line: str) -> None:
    done = closed_stdin(args, env, tmp_path)
    assert done.returncode == 66, done.stderr
    assert done.stderr.splitlines()[0] == first_line
    assert len(done.stderr.splitlines()) == 2 and done.stderr.splitlines()[1].startswith("hint: ")
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_piped_chat_still_reads_its_commands(kabar) -> None:
    code, out, err = kabar("chat", input="/search kursk\n")
    assert code == 0 and "kabar> /search kursk" in out and "Kursk" in out and err == ""


async def test_discord_unreachable_is_one_line_with_exit_69(kabar, monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    from tests.discord_app.standin import DiscordStandIn, pointed_at

    gone = DiscordStandIn(token="a-token")
    await gone.start()
    await gone.close()  # nothing listens on its port any more: every connection is refused
    monkeypatch.setenv("KABAR_DISCORD_TOKEN", "a-token")
    with pointed_at(gone):
        code, out, err = await asyncio.to_thread(kabar, "run")
    lines = err.splitlines()
    assert code == 69 and out == ""
    assert lines[0].startswith("Starting the Discord bot (log: ")
    assert lines[1] == "error: Cannot reach Discord (Connection refused)."
    assert lines[2].startswith("hint: check the network connection") and len(lines) == 3
    assert "a-token" not in err


def test_an_error_outside_any_command_is_still_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path, seeds_dir: Path
) -> None:
    import bot.cli.corpus
    from bot.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("while printing the listing")

    monkeypatch.setattr(bot.cli.corpus, "counted", broken)  # fails after the command's own run()
    monkeypatch.setenv("KABAR_SEEDS_DIR", str(seeds_dir))
    monkeypatch.setenv("KABAR_DB", str(tmp_path / "state" / "k.db"))
    monkeypatch.setattr(sys, "argv", ["kabar", "articles"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 70
    err = capsys.readouterr().err
    assert err == f"Sorry, something went wrong inside kabar. The details are in {tmp_path / 'state' / 'kabar.log'}.\n"
    assert "while printing the listing" in (tmp_path / "state" / "kabar.log").read_text(encoding="utf-8")
