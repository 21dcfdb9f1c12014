"""What reaches the terminal: text as written (no emoji codes, no markup, no escape sequences), one line per failure."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

ARTICLE = (
    "Isi Berkas Sandi Bocor :fire: di Forum\n"
    "Peretas menulis root:x:0:0 dan :fire: serta [bold]tebal[/bold] di forum itu pada Senin.\n"
    "Polisi menyelidiki kebocoran :x: tersebut.\n"
)


def test_article_text_prints_as_written(kabar, seeds_dir: Path) -> None:
    (seeds_dir / "007_0000000000000007.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = kabar("show", "007")
    assert code == 0
    assert "root:x:0:0 dan :fire: serta [bold]tebal[/bold]" in out and "kebocoran :x: tersebut" in out
    assert "❌" not in out and "🔥" not in out
    code, out, _ = kabar("search", "peretas")
    assert "root:x:0:0" in out and "❌" not in out
    code, out, _ = kabar("articles")
    assert "Isi Berkas Sandi Bocor :fire: di Forum" in out


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),  # ESC: clear the screen
        ("\x9b31m", "\\x9b31m"),  # CSI: red text on 8-bit terminals
        ("\u202e", "\\u202e"),  # right-to-left override: the name would read backwards
        ("\x07", "\\x07"),  # the bell
    ],
)
def test_control_characters_in_names_are_escaped(kabar, seeds_dir: Path, raw: str, shown: str) -> None:
    name = f"008_a{raw}b.txt"
    (seeds_dir / name).write_text("Judul\nKalimat.\n", encoding="utf-8")
    code, out, err = kabar("index")
    assert code == 0
    assert raw not in err and raw not in out
    assert f"warning: 008_a{shown}b.txt: skipped, the name is not NNN_<hash>.txt" in err
    code, out, _ = kabar("articles", "--skipped")
    assert raw not in out and shown in out
    code, out, _ = kabar("articles", "--skipped", "--json")  # the data keeps the real name, safely escaped
    assert raw not in out
    assert json.loads(out)[0]["name"] == name


def test_an_unexpected_error_is_one_line_on_screen_with_the_log_path(
    kabar, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from bot.service import Kabar

    async def broken(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Kabar, "articles", broken)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    monkeypatch.setattr(logging.getLogger(), "_kabar_configured", False)
    code, out, err = kabar("articles")
    log = tmp_path / "state" / "kabar.log"
    assert code == 70 and out == ""
    assert err == f"Sorry, something went wrong inside kabar. The details are in {log}.\n"
    assert "Traceback" in log.read_text(encoding="utf-8") and "boom" in log.read_text(encoding="utf-8")


def test_a_failing_reader_never_prints_a_traceback(kabar, monkeypatch: pytest.MonkeyPatch, seeds_dir: Path) -> None:
    import bot.indexing

    def exploding(data, name, path):
        raise ZeroDivisionError("deep inside the parser")

    monkeypatch.setattr(bot.indexing, "article_from_bytes", exploding)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    monkeypatch.setattr(logging.getLogger(), "_kabar_configured", False)
    code, out, err = kabar("index")
    assert code == 0 and "Traceback" not in err and "Traceback" not in out
    assert err.count("warning:") == 5
    assert "skipped, it cannot be parsed (ZeroDivisionError: deep inside the parser)" in err
