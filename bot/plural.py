"""English counts of things: `counted(3, "article")` -> "3 articles" (the one place nouns get an s)."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """'1 sentence', '3 sentences'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
