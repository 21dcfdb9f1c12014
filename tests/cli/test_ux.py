"""Rough edges a new user meets at the terminal: the chat prompt, file input, and consistent layouts."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from bot.cli.answers import QUIT_HELP, chat_loop, prompt_line
from bot.config import Settings
from bot.models import Answer, AnswerItem, Citation


async def test_ctrl_c_at_the_prompt_leaves_at_once_from_the_reading_thread(settings: Settings, capsys) -> None:
    # Reading in a worker thread left Ctrl-C waiting for Enter: the prompt must be read where
    # the interrupt lands.
    seen: list[threading.Thread] = []

    def read() -> str:
        seen.append(threading.current_thread())
        raise KeyboardInterrupt

    await asyncio.wait_for(chat_loop(settings, read=read), 30)
    assert seen == [threading.main_thread()]


async def test_ctrl_d_after_a_command_ends_the_chat(settings: Settings, capsys) -> None:
    lines = iter(["/articles\n"])

    def read() -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    await asyncio.wait_for(chat_loop(settings, read=read), 30)
    assert "003  Aliansi Menguat!" in capsys.readouterr().out


def test_chat_help_says_how_to_leave(kabar) -> None:
    code, out, _ = kabar("chat", input="/help\n")
    assert code == 0
    assert "/summary <topic>" in out
    assert QUIT_HELP in out and "/quit" in QUIT_HELP


def test_ask_without_a_figure_gives_a_figure_example(kabar) -> None:
    code, _, err = kabar("ask", "/who-confirmed")
    assert code == 2
    assert "/who-confirmed 10000" in err and "kursk" not in err


def test_summarize_names_the_file_it_summarised(kabar, seeds_dir: Path) -> None:
    path = next(seeds_dir.glob("003_*.txt"))
    code, out, _ = kabar("summarize", str(path))
    assert code == 0
    assert out.splitlines()[0] == f"Summary: {path.name}"
    code, out, _ = kabar("summarize", "-", "--json", input=path.read_text(encoding="utf-8"))
    assert code == 0 and '"query": "standard input"' in out


def test_summarize_non_utf8_stdin_says_standard_input(kabar) -> None:
    code, out, err = kabar("summarize", "-", input=b"Tentara tiba hari S\xe9nin.")
    assert code == 2 and out == ""
    assert "Standard input is not UTF-8 text" in err
    assert "- is not" not in err


def test_translate_command_uses_the_same_layout_as_the_chat(kabar, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.service import Kabar

    c = Citation(
        article="003",
        sentence=1,
        text="Pasukan tiba.",
        text_en="Troops arrived.",
        provenance="argos translate-id_en 1.0",
    )

    async def fake_translate(self, ref: str, lang: str = "en") -> Answer:
        return Answer(
            command="translate",
            query=ref,
            items=(AnswerItem(text=c.text, citations=(c,)),),
            notes=("Judul — 1 sentences, en beside the original.",),
            meta={"article": "003", "title": "Judul"},
        )

    monkeypatch.setattr(Kabar, "translate", fake_translate)
    code, out, _ = kabar("translate", "003")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "003 — Judul"
    assert lines[2].strip() == "1. Troops arrived."  # English first
    assert lines[3].strip() == "id: Pasukan tiba."  # the original under it
    assert "argos translate-id_en 1.0" in out


def test_ctrl_c_interrupts_the_prompt_even_under_asyncio_s_own_handler() -> None:
    # asyncio.run installs a SIGINT handler that only cancels the main task; a prompt blocked
    # in input() never sees that, so the prompt must raise KeyboardInterrupt itself.
    previous = signal.signal(signal.SIGINT, lambda *_: None)
    try:

        def ask(prompt: str) -> str:
            assert prompt == "kabar> "
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
            return "not interrupted"

        started = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            prompt_line(ask)
        assert time.monotonic() - started < 4
        # and the handler in place before is back afterwards
        assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)


def test_index_of_a_missing_or_wrong_folder_blames_the_argument_not_the_setting(
    kabar, seeds_dir: Path, tmp_path: Path
) -> None:
    code, _, err = kabar("index", str(tmp_path / "nowhere"))
    assert code == 2
    assert "does not exist" in err and "KABAR_SEEDS_DIR" not in err
    a_file = next(seeds_dir.glob("003_*.txt"))
    code, _, err = kabar("index", str(a_file))
    assert code == 2
    assert "is a file, not a folder" in err


def test_index_summary_counts_the_warnings_it_printed(kabar, seeds_dir: Path) -> None:
    (seeds_dir / "notes.txt").write_text("hello", encoding="utf-8")
    (seeds_dir / "009_0000000000000000.txt").write_bytes(b"Judul\nHari S\xe9nin.\n")
    code, out, err = kabar("index")
    assert code == 0
    assert err.count("warning:") == 2
    assert "2 warnings above." in out


def test_models_remove_takes_json_like_every_other_command(kabar, monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    from types import SimpleNamespace

    from bot.translate import packages

    asked: list[tuple[str, str]] = []

    def fake_remove(models_dir: Path, src: str, tgt: str):
        asked.append((src, tgt))
        return [
            SimpleNamespace(
                name="translate-id_en",
                version="1.0",
                path=Path(models_dir) / "p",
                as_dict=lambda: {"name": "translate-id_en", "from": src, "to": tgt},
            )
        ]

    monkeypatch.setattr(packages, "remove", fake_remove)
    code, out, _ = kabar("models", "remove", "id", "en", "--json")
    assert code == 0 and asked == [("id", "en")]
    data = json.loads(out)
    assert data["removed"] == [{"name": "translate-id_en", "from": "id", "to": "en"}]


def test_ask_help_documents_the_key_value_options(kabar) -> None:
    code, out, _ = kabar("ask", "--help")
    assert code == 0
    for option in ("sentences:", "method:", "lang:", "explain:"):
        assert option in out


def test_brackets_in_articles_and_input_print_verbatim_never_as_markup(kabar, seeds_dir: Path) -> None:
    (seeds_dir / "007_0123456789abcdef.txt").write_text(
        "Judul [red]Merah[/red] dan [/x] aneh\nKata pejabat [Reuters] hari ini bahwa 5.000 tentara tiba di Kursk.\n",
        encoding="utf-8",
    )
    code, out, _ = kabar("articles")
    assert code == 0
    assert "007  Judul [red]Merah[/red] dan [/x] aneh  (unknown outlet, 1 sentence)" in out
    code, out, _ = kabar("show", "007")
    assert code == 0 and "[/x] aneh" in out and "[Reuters]" in out
    code, out, _ = kabar("search", "Reuters")
    assert code == 0 and "[007·1] Kata pejabat [Reuters]" in out
    code, _, err = kabar("show", "[/x]")
    assert code == 4
    assert "No article '[/x]'" in err and "Traceback" not in err


def test_search_prints_exactly_what_the_chat_search_prints(kabar) -> None:
    code, direct, _ = kabar("search", "kursk")
    assert code == 0
    code, chat, _ = kabar("ask", "/search kursk")
    assert code == 0
    assert direct == chat
    assert max(len(line) for line in direct.splitlines()) <= 100


def test_a_non_utf8_env_file_is_a_config_error_not_a_traceback(kabar, tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"KABAR_DB=\xff\xfe.db\n")
    code, out, err = kabar("articles")
    assert code == 78
    assert ".env file is not UTF-8" in err and "Traceback" not in err + out


def test_an_unknown_log_level_is_a_config_error_not_a_traceback(kabar, monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    monkeypatch.setenv("KABAR_LOG_LEVEL", "LOUD")
    root = logging.getLogger()
    monkeypatch.setattr(root, "_kabar_configured", False, raising=False)
    code, _, err = kabar("articles")
    assert code == 78
    assert "KABAR_LOG_LEVEL: log level 'LOUD' is not one of" in err


def test_an_unexpected_error_points_to_the_log_file_where_it_really_is(
    kabar, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import logging

    from bot.service import Kabar

    async def broken(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Kabar, "articles", broken)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(root, "_kabar_configured", False, raising=False)
    code, out, err = kabar("articles")
    assert code == 70 and out == ""
    expected = tmp_path / "state" / "kabar.log"
    assert str(expected) in err.replace("\n", "")
    assert "boom" in expected.read_text(encoding="utf-8")
    for handler in root.handlers:
        handler.close()


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (("show", "--help"), "kabar show [OPTIONS] {ID}"),
        (("ask", "--help"), "kabar ask [OPTIONS] {COMMAND}"),
        (("translate", "--help"), "kabar translate [OPTIONS] [ID]"),
        (("index", "--help"), "kabar index [OPTIONS] [DIR]"),
        (("summarize", "--help"), "kabar summarize [OPTIONS] {PATH|-}"),
        (("models", "remove", "--help"), "kabar models remove [OPTIONS] {FROM} {TO}"),
    ],
)
def test_usage_lines_name_arguments_as_the_readme_does(kabar, args: tuple[str, ...], usage: str) -> None:
    code, out, _ = kabar(*args)
    assert code == 0
    assert usage in " ".join(out.split())
