"""The chat command syntax shared by the terminal: `/summary kursk sentences:3` -> Command.

Syntax: `/name free text [key:value ...]`. Options use Discord's `key:value` style
(`lang:de`, `sentences:3`, `method:lsa`); a trailing bare number on `/summary` is the
sentence count. Parsing is pure; the service carries the command out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.errors import QueryError

#: command name -> (usage, one-line description); the order is the help order
COMMANDS: dict[str, tuple[str, str]] = {
    "summary": (
        "/summary <topic> [sentences] [method:lexrank] [lang:en]",
        "a short cited summary of what the articles say about a topic",
    ),
    "who-confirmed": (
        "/who-confirmed <figure> [explain:yes]",
        "who confirmed, reported or denied a figure, with every source cited",
    ),
    "translate": ("/translate <article> [lang:en]", "an article in English, sentence by sentence, beside the original"),
    "articles": ("/articles", "the indexed articles"),
    "show": ("/show <article>", "an article's numbered sentences"),
    "search": ("/search <words or figure>", "sentences that mention the words or the figure"),
    "help": ("/help", "this list"),
}

ALIASES = {
    "who": "who-confirmed",
    "whoconfirmed": "who-confirmed",
    "who_confirmed": "who-confirmed",
    "sum": "summary",
    "tr": "translate",
    "list": "articles",
    "?": "help",
}

KNOWN_OPTIONS = {"lang", "sentences", "method", "explain"}

#: what each command needs after its name, said with an example that works on the seeds
NEEDS_TEXT = {
    "summary": "Give a topic, for example /summary kursk.",
    "who-confirmed": "Give a figure, for example /who-confirmed 10000 (10.000, 10k and 10 ribu work too).",
    "translate": "Name an article by its id, for example /translate 003 (see /articles).",
    "show": "Name an article by its id, for example /show 003 (see /articles).",
    "search": "Give words or a figure to look for, for example /search kursk.",
}

_OPTION = re.compile(r"(?<!\S)([a-z]+):(\S+)")


@dataclass(frozen=True)
class Command:
    """A parsed chat line."""

    name: str
    text: str
    options: dict[str, str] = field(default_factory=dict)

    def int_option(self, key: str, low: int, high: int) -> int | None:
        raw = self.options.get(key)
        if raw is None:
            return None
        try:
            value = int(raw)
        except ValueError:
            raise QueryError(f"{key} must be a whole number, not {raw!r}.") from None
        if not low <= value <= high:
            raise QueryError(f"{key} must be between {low} and {high}.")
        return value

    def flag(self, key: str) -> bool:
        return self.options.get(key, "").lower() in {"1", "yes", "true", "on", "y"}


def parse(line: str, *, max_chars: int = 200) -> Command:
    """Parse one chat line; raise QueryError with a helpful message when it is unusable."""
    line = (line or "").strip()
    if not line:
        raise QueryError("Type a command, for example /summary kursk (or /help).")
    if len(line) > max_chars + 40:
        raise QueryError(f"That is too long: keep a command under {max_chars} characters.")
    if not line.startswith("/"):
        raise QueryError(f"Commands start with '/', for example /summary {line.split()[0][:30]} (or /help).")
    head, _, rest = line[1:].partition(" ")
    name = ALIASES.get(head.lower(), head.lower())
    if name not in COMMANDS:
        raise QueryError(f"Unknown command /{head[:40]}. Try /help for the list.")
    options = {}
    for match in _OPTION.finditer(rest):
        if match.group(1) in KNOWN_OPTIONS:
            options[match.group(1)] = match.group(2)
    text = _OPTION.sub(lambda m: "" if m.group(1) in KNOWN_OPTIONS else m.group(0), rest)
    text = " ".join(text.split())
    if name == "summary" and "sentences" not in options:
        words = text.split()
        if len(words) > 1 and words[-1].isdigit() and len(words[-1]) <= 2:
            options["sentences"] = words[-1]
            text = " ".join(words[:-1])
    if not text and name in NEEDS_TEXT:
        raise QueryError(NEEDS_TEXT[name])
    return Command(name=name, text=text, options=options)


def help_lines() -> list[str]:
    """One line per command: usage and what it does."""
    width = max(len(usage) for usage, _ in COMMANDS.values())
    return [f"{usage.ljust(width)}  {what}" for usage, what in COMMANDS.values()]
