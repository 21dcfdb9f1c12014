"""The chat syntax: what users type in the terminal chat and `kabar ask`."""

from __future__ import annotations

import pytest

from bot.commands import COMMANDS, help_lines, parse
from bot.errors import QueryError


@pytest.mark.parametrize(
    ("line", "name", "text", "options"),
    [
        ("/summary kursk", "summary", "kursk", {}),
        ("/summary korea utara 3", "summary", "korea utara", {"sentences": "3"}),
        ("/summary kursk sentences:2 method:lsa", "summary", "kursk", {"sentences": "2", "method": "lsa"}),
        ("/summary 10000", "summary", "10000", {}),
        ("/who-confirmed 10000", "who-confirmed", "10000", {}),
        ("/who-confirmed 10 ribu explain:yes", "who-confirmed", "10 ribu", {"explain": "yes"}),
        ("/WHO 10.000", "who-confirmed", "10.000", {}),
        ("/translate 003 lang:de", "translate", "003", {"lang": "de"}),
        ("  /translate   003_89031a1fd86b0abb  ", "translate", "003_89031a1fd86b0abb", {}),
        ("/help", "help", "", {}),
        ("/search http://x.y/a:b", "search", "http://x.y/a:b", {}),
    ],
)
def test_parse(line: str, name: str, text: str, options: dict[str, str]) -> None:
    cmd = parse(line)
    assert (cmd.name, cmd.text, cmd.options) == (name, text, options)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "Type a command"),
        ("   ", "Type a command"),
        ("kursk", "Commands start with '/'"),
        ("/nonsense x", "Unknown command /nonsense"),
        ("/summary " + "x" * 500, "too long"),
    ],
)
def test_parse_rejects_with_a_clear_message(line: str, message: str) -> None:
    with pytest.raises(QueryError) as info:
        parse(line)
    assert message in info.value.user_message


def test_int_option_is_checked() -> None:
    assert parse("/summary kursk sentences:4").int_option("sentences", 1, 20) == 4
    with pytest.raises(QueryError, match="between 1 and 20"):
        parse("/summary kursk sentences:99").int_option("sentences", 1, 20)
    with pytest.raises(QueryError, match="whole number"):
        parse("/summary kursk sentences:many").int_option("sentences", 1, 20)


def test_help_lists_every_command() -> None:
    lines = help_lines()
    assert len(lines) == len(COMMANDS)
    for name in COMMANDS:
        assert any(line.startswith(f"/{name}") for line in lines)


@pytest.mark.parametrize(
    ("line", "example"),
    [
        ("/summary", "/summary kursk"),
        ("/who-confirmed", "/who-confirmed 10000"),
        ("/who explain:yes", "/who-confirmed 10000"),
        ("/translate lang:de", "/translate 003"),
        ("/show", "/show 003"),
        ("/search   ", "/search kursk"),
    ],
)
def test_a_command_without_its_argument_says_what_to_give_with_a_fitting_example(line: str, example: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(line)
    message = caught.value.user_message
    assert example in message
    # a figure command must not be shown a topic as its example
    if "who" in line:
        assert "kursk" not in message
