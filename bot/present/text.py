"""Answer -> plain terminal text (English first, the original and its reference beside it).

Pure formatting: no I/O. The terminal adapter prints what `render` returns.
"""

from __future__ import annotations

import textwrap

from typing import Any

from bot.models import Answer, AnswerItem, Citation

WIDTH = 100


def refs(citations: tuple[Citation, ...]) -> str:
    return " ".join(f"[{c.ref}]" for c in citations)


def _wrap(text: str, indent: str, width: int = WIDTH) -> str:
    return textwrap.fill(
        text, width=width, initial_indent=indent, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def _hang(bullet: str, text: str, indent: str | None = None) -> str:
    """Wrap `text` after `bullet`, continuation lines aligned under the text."""
    pad = indent if indent is not None else " " * len(bullet)
    return textwrap.fill(
        text, width=WIDTH, initial_indent=bullet, subsequent_indent=pad, break_long_words=False, break_on_hyphens=False
    )


def _flags(c: Citation) -> str:
    return f"  ⚠ {'; '.join(c.flags)}" if c.flags else ""


def render(answer: Answer) -> str:
    """The whole answer as text for a terminal."""
    render_body = {
        "summary": _summary,
        "summarize": _summary,
        "who-confirmed": _who,
        "translate": _translate,
        "help": _plain,
        "articles": _plain,
        "show": _numbered,
        "search": _hits,
    }.get(answer.command, _generic)
    lines = render_body(answer)
    if answer.notes:
        lines.append("")
        lines += [_wrap(note, "") for note in answer.notes]
    return "\n".join(lines).rstrip() + "\n"


def _header(answer: Answer, title: str) -> list[str]:
    return [title, "─" * min(WIDTH, max(10, len(title)))]


def _summary(answer: Answer) -> list[str]:
    title = f"Summary: {answer.query}" if answer.query else "Summary"
    lines = _header(answer, title)
    for n, item in enumerate(answer.items, 1):
        lines += _cited_item(item, f"{n}. ")
    return lines


def _cited_item(item: AnswerItem, bullet: str) -> list[str]:
    pad = " " * len(bullet)
    main = item.citations[0] if item.citations else None
    english = item.text_en or (main.text_en if main else None)
    lines = []
    if english:
        lines.append(_hang(bullet, f"{english} {refs(item.citations)}"))
        lines.append(_wrap(f"id: {item.text}", pad + "   "))
        if main is not None and main.flags:
            lines.append(pad + _flags(main).strip())
    else:
        lines.append(_hang(bullet, f"{item.text} {refs(item.citations)}"))
    also = item.fields.get("also_reported_by")
    if also:
        lines.append(pad + "also reported by " + ", ".join(also))
    return lines


def _who(answer: Answer) -> list[str]:
    shown = answer.meta.get("figure", {}).get("text", answer.query)
    lines = _header(answer, f"Who confirmed {shown}?")
    for item in answer.items:
        lines.append(f"● {item.text}")
        cue = item.fields.get("cue")
        if cue:
            lines.append(f"  cue: {cue}")
        for c in item.citations:
            english = f"{c.text_en}  " if c.text_en else ""
            lines.append(_hang("  ", f"[{c.ref}] {english}{c.text}", "    "))
    for entry in answer.meta.get("explain", []) or []:
        lines.append("  explain: " + "; ".join(f"{k}={v!r}" for k, v in entry.items()))
    return lines


def _translate(answer: Answer) -> list[str]:
    title = f"{answer.meta.get('article', answer.query)} — {answer.meta.get('title', '')}".rstrip(" —")
    lines = _header(answer, title)
    for item in answer.items:
        for c in item.citations:
            bullet = f"{c.sentence:>3}. "
            pad = " " * len(bullet)
            if c.text_en:
                lines.append(_hang(bullet, c.text_en))
                lines.append(_wrap(f"id: {c.text}", pad))
            else:
                lines.append(_hang(bullet, c.text))
            meta = ", ".join(x for x in (c.provenance,) if x)
            if meta or c.flags:
                lines.append(pad + f"({meta})" + _flags(c))
    return lines


def _plain(answer: Answer) -> list[str]:
    return [item.text for item in answer.items]


def _numbered(answer: Answer) -> list[str]:
    lines = []
    for item in answer.items:
        number = item.citations[0].sentence if item.citations else len(lines) + 1
        lines.append(_hang(f"{number:>3}. ", item.text))
    return lines


def _hits(answer: Answer) -> list[str]:
    return [_hang(f"[{item.citations[0].ref}] ", item.text, "    ") for item in answer.items if item.citations]


def _generic(answer: Answer) -> list[str]:
    lines = []
    for item in answer.items:
        lines.append(_hang("• ", f"{item.text} {refs(item.citations)}".strip()))
    return lines


def render_digest(digest: Any) -> str:
    """A composed digest (bot.digest.Digest) as text: one block per story."""
    lines = [f"kabar digest {digest.local_date}", "─" * 30]
    if not digest.stories:
        lines.append("Nothing new was indexed.")
    for story in digest.stories:
        lines.append("")
        lines.append(_hang("■ ", story.title))
        for c in story.summary:
            lines.append(_hang("  • ", f"{c.text_en or c.text} [{c.ref}]", "    "))
            if c.text_en:
                lines.append(_wrap(f"id: {c.text}", "      "))
        if story.figures:
            lines.append("  figures: " + ", ".join(story.figures))
        lines.append(_hang("  sources: ", ", ".join(story.sources), "    "))
    lines += ["", *digest.notes] if digest.notes else []
    return "\n".join(lines).rstrip() + "\n"
