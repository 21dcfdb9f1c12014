"""Generated hostile command arguments: each gets an answer or one clear error with its exit code, never a
traceback or raw control characters, and the articles stay searchable afterwards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bot.cli import build_app

#: exit codes a command may end with: answered, error, query, model, unknown article, no input
EXPECTED_CODES = {0, 1, 2, 3, 4, 66}

HOSTILE_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(st.sampled_from(list("0123456789.,-+xXeE_ ")), max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "-",
            "--",
            "--json",
            "-n",
            "3",
            "0003",
            "-5",
            "0x10",
            "1e400",
            "nan",
            "inf",
            "99999999999999999999999",
            ":x: :fire:",
            "[bold]x[/bold]",
            "\x1b[2J",
            "\u202e",
            "\udcff\udcfe",
            "/etc/passwd",
            "../../../etc/passwd",
            "003_89031a1fd86b0abb.txt",
            "'; DROP TABLE articles; --",
            'kursk AND NEAR("x"',
            "NOT *",
            "\x00",
            "a" * 5000,
        ]
    ),
    st.text(st.characters(whitelist_categories=("Cc", "Cf", "Cs", "Zs", "So")), max_size=20),
)

COMMANDS = st.one_of(
    HOSTILE_TEXT.map(lambda t: ["show", t]),
    HOSTILE_TEXT.map(lambda t: ["show", t, "--raw"]),
    HOSTILE_TEXT.map(lambda t: ["search", t]),
    st.tuples(HOSTILE_TEXT, HOSTILE_TEXT).map(lambda t: ["search", t[0], "--limit", t[1]]),
    HOSTILE_TEXT.map(lambda t: ["ask", t]),
    HOSTILE_TEXT.map(lambda t: ["ask", f"/summary {t}"]),
    HOSTILE_TEXT.map(lambda t: ["ask", f"/who-confirmed {t}"]),
    HOSTILE_TEXT.map(lambda t: ["ask", f"/translate {t}"]),
    HOSTILE_TEXT.map(lambda t: ["ask", f"/summary kursk sentences:{t}"]),
    HOSTILE_TEXT.map(lambda t: ["ask", f"/summary kursk method:{t}"]),
    HOSTILE_TEXT.map(lambda t: ["translate", t]),
    HOSTILE_TEXT.map(lambda t: ["translate", "003", "--lang", t]),
    HOSTILE_TEXT.map(lambda t: ["digest", "--since", t]),
    HOSTILE_TEXT.map(lambda t: ["summarize", f"nowhere/{t}"]),
    HOSTILE_TEXT.map(lambda t: ["index", f"nowhere/{t}"]),
    HOSTILE_TEXT.map(lambda t: ["sources", "remove", f"nowhere/{t}"]),
    HOSTILE_TEXT.map(lambda t: ["models", "remove", t, "en"]),
    HOSTILE_TEXT.map(lambda t: ["articles", t]),
    HOSTILE_TEXT.map(lambda t: ["feeds", "add", t]),
    st.tuples(HOSTILE_TEXT, HOSTILE_TEXT).map(
        lambda t: ["feeds", "add", f"https://contoh.invalid/{t[0]}", "--outlet", t[1]]
    ),
    HOSTILE_TEXT.map(lambda t: ["feeds", "remove", t]),
    HOSTILE_TEXT.map(lambda t: ["feeds", "remove", f"https://contoh.invalid/{t}"]),
    HOSTILE_TEXT.map(lambda t: ["show", f"https://contoh.invalid/{t}"]),
)


@pytest.fixture
def cli(kabar, tmp_path: Path):
    """The `kabar` fixture with models in a private folder; the seeds are indexed once first."""
    code, _, _ = kabar("index")
    assert code == 0
    return kabar


def check(args: list[str], code: int, out: str, err: str) -> None:
    assert code in EXPECTED_CODES, (args, code, err)
    assert "Traceback" not in out + err, args
    for raw in ("\x1b", "\x9b", "\u202e", "\x07"):
        assert raw not in out and raw not in err, (args, raw)
    if code == 0:
        assert out.strip(), args
        return
    lines = err.splitlines()  # the parser's own refusals look the same: error, then the usage as a hint
    assert lines and lines[0].startswith("error: ") and len(lines[0]) > len("error: "), (args, err)
    assert len(lines) <= 2 and (len(lines) == 1 or lines[1].startswith("hint: ")), (args, err)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(COMMANDS)
def test_hostile_arguments_get_one_clear_answer(cli, args: list[str]) -> None:
    args = [a.replace("\x00", "") for a in args]  # a real argument can never hold NUL
    check(args, *cli(*args))


def test_the_articles_remain_searchable_after_hostile_arguments(cli) -> None:
    for args in (
        ["show", "\udcff"],
        ["ask", "/summary \x1b[2J"],
        ["search", "'; DROP TABLE articles; --"],
        ["ask", "/who-confirmed 1e400"],
        ["index", "nowhere/\u202e"],
        ["sources", "remove", "/"],
    ):
        check(args, *cli(*args))
    code, out, _ = cli("search", "10000", "--json")
    assert code == 0 and {h["article"] for h in json.loads(out)} == {"000", "001", "002", "003", "004"}
    code, out, _ = cli("sources", "--json")
    assert [s["articles"] for s in json.loads(out)] == [5]


def test_usage_errors_are_one_clear_line_too() -> None:
    result = CliRunner().invoke(build_app(), ["show", "--\x1b[2J"])
    assert result.exit_code == 2 and "\x1b" not in result.output
    assert result.stderr.splitlines() == [
        "error: No such option: --\\x1b[2J",
        "hint: Usage: kabar show [OPTIONS] {ID} (`kabar show --help` says more)",
    ]
