"""Answer -> plain terminal text (English first, the original and its reference beside it).

Pure formatting: no I/O. The terminal adapter prints what `render` returns.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from bot.models import Answer, AnswerItem, Citation

WIDTH = 100

#: characters a terminal would act on instead of showing: C0 and C1 controls (escape sequences
#: start with ESC or CSI) except newline and tab, DEL, the Unicode line and paragraph
#: separators, the bidirectional overrides and isolates that can make a file name read
#: backwards, and lone surrogates (the bytes of a name or argument that is not UTF-8),
#: which cannot be written out at all
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as Python keeps it: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, *, lines: bool = True) -> str:
    """Text fit for a terminal: every control character becomes a visible escape (ESC -> \\x1b);
    with `lines=False` newlines and tabs too, so the text stays one line."""
    if text.isprintable():
        return text
    if not lines:
        text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return _CONTROLS.sub(_visible, text) if _CONTROLS.search(text) else text


def refs(citations: tuple[Citation, ...]) -> str:
    return " ".join(f"[{c.ref}]" for c in citations)


def _hang(bullet: str, text: str, indent: str | None = None) -> str:
    """Wrap `text` after `bullet`, continuation lines aligned under the text (or at `indent`)."""
    pad = indent if indent is not None else " " * len(bullet)
    return textwrap.fill(
        text, width=WIDTH, initial_indent=bullet, subsequent_indent=pad, break_long_words=False, break_on_hyphens=False
    )


def _wrap(text: str, indent: str) -> str:
    """Wrap `text` with every line at `indent`."""
    return _hang(indent, text, indent)


def _flags(c: Citation) -> str:
    return f"  ⚠ {'; '.join(c.flags)}" if c.flags else ""


def render(answer: Answer) -> str:
    """The whole answer as text for a terminal."""
    render_body = {
        "summary": _summary,
        "summarize": _summary,
        "who-confirmed": _who,
        "translate": _translate,
        "help": _help,
        "articles": _plain,
        "show": _show,
        "search": _hits,
    }.get(answer.command, _generic)
    lines = render_body(answer)
    notes = answer.notes[1:] if answer.command == "show" else answer.notes  # show: the title is the header
    if notes:
        if lines:
            lines.append("")
        lines += [_wrap(note, "") for note in notes]
    return "\n".join(lines).rstrip() + "\n"


def _header(title: str) -> list[str]:
    return [title, "─" * min(WIDTH, len(title))]


def _summary(answer: Answer) -> list[str]:
    title = f"Summary: {answer.query}" if answer.query else "Summary"
    lines = _header(title)
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
    lines = _header(f"Who confirmed {shown}?")
    explained: dict[str, list[dict]] = {}
    for entry in answer.meta.get("explain", []) or []:
        if isinstance(entry, dict):
            explained.setdefault(str(entry.get("ref")), []).append(entry)
    for item in answer.items:
        lines.append(f"● {item.text}")
        cue = item.fields.get("cue")
        if cue:
            lines.append(f"  cue: {cue}")
        for c in item.citations:
            if c.text_en:
                lines.append(_hang("  ", f"[{c.ref}] {c.text_en}", "    "))
                lines.append(_wrap(f"id: {c.text}", "    "))
                if c.flags:
                    lines.append("    " + _flags(c).strip())
            else:
                lines.append(_hang("  ", f"[{c.ref}] {c.text}", "    "))
            for entry in explained.pop(c.ref, []):
                lines.append(_explain(entry, c.article))
    for entries in explained.values():  # matches whose sentence is not among the citations
        lines += [_explain(entry, None, with_ref=True) for entry in entries]
    return lines


def _span(span: Any) -> str:
    if isinstance(span, (list, tuple)) and len(span) == 2:
        return f" at {span[0]}–{span[1]}"
    return ""


def _explain(entry: dict, article: str | None, *, with_ref: bool = False) -> str:
    """One --explain entry as words: which span is the figure, the cue and the source."""
    ref = str(entry.get("ref") or "")
    own = ref.rsplit("·", 1)[-1] if "·" in ref else None

    def where(key: str) -> str:
        sentence = entry.get(key)
        if sentence is None or str(sentence) == own:
            return ""
        prefix = f"{article}·" if article else (ref.split("·")[0] + "·" if "·" in ref else "")
        return f" in [{prefix}{sentence}]"

    parts = []
    if entry.get("figure"):
        parts.append(f"figure “{entry['figure']}”{_span(entry.get('figure_span'))}")
    if entry.get("cue"):
        lemma = entry.get("cue_lemma")
        shown = f"“{entry['cue']}”" + (f" ({lemma})" if lemma and lemma != entry["cue"] else "")
        parts.append(f"cue {shown}{_span(entry.get('cue_span'))}{where('cue_sentence')}")
    else:
        parts.append("no cue")
    if entry.get("source"):
        parts.append(f"source “{entry['source']}”{_span(entry.get('source_span'))}{where('source_sentence')}")
    else:
        parts.append("no source named")
    if entry.get("via"):
        parts.append("via " + ", ".join(map(str, entry["via"])))
    text = " · ".join(parts)
    if entry.get("stance"):
        text += f" → {entry['stance']}"
    if entry.get("note"):
        text += f" ({entry['note']})"
    return _hang(f"    explain{' [' + ref + ']' if with_ref else ''}: ", text, "      ")


def _translate(answer: Answer) -> list[str]:
    title = f"{answer.meta.get('article', answer.query)} — {answer.meta.get('title', '')}".rstrip(" —")
    lines = _header(title)
    for item in answer.items:
        for c in item.citations:
            bullet = f"{c.sentence:>3}. "
            pad = " " * len(bullet)
            if c.text_en:
                lines.append(_hang(bullet, c.text_en))
                lines.append(_wrap(f"id: {c.text}", pad))
            else:
                lines.append(_hang(bullet, c.text))
            if c.provenance or c.flags:
                shown = f"— {c.provenance}" if c.provenance else ""
                lines.append((pad + shown + _flags(c)).rstrip())
    return lines


def _help(answer: Answer) -> list[str]:
    """Usage and description side by side when they fit in WIDTH, else each description under its usage."""
    texts = [item.text for item in answer.items]
    if all(len(text) <= WIDTH for text in texts):
        return texts
    lines = []
    for text in texts:
        match = re.match(r"(.*?\S)\s{2,}(\S.*)", text)
        if match:
            lines += [match.group(1), _wrap(match.group(2), "    ")]
        else:
            lines.append(text)
    return lines


def _plain(answer: Answer) -> list[str]:
    return [item.text for item in answer.items]


def _numbered(answer: Answer) -> list[str]:
    lines: list[str] = []
    for item in answer.items:
        number = item.citations[0].sentence if item.citations else len(lines) + 1
        lines.append(_hang(f"{number:>3}. ", item.text))
    return lines


def _show(answer: Answer) -> list[str]:
    title = f"{answer.query} — {answer.notes[0]}" if answer.notes else answer.query
    return _header(title) + _numbered(answer)


def _hits(answer: Answer) -> list[str]:
    return [_hang(f"[{item.citations[0].ref}] ", item.text, "    ") for item in answer.items if item.citations]


def _generic(answer: Answer) -> list[str]:
    lines = []
    for item in answer.items:
        lines.append(_hang("• ", f"{item.text} {refs(item.citations)}".strip()))
    return lines


def render_digest(digest: Any) -> str:
    """A composed digest (bot.stories.Digest) as text: one block per story."""
    lines = _header(f"kabar digest {digest.local_date}")
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
