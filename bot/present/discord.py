"""Answer -> Discord embeds and messages: compact citations, paging, and Discord's length limits.

Pure formatting: nothing here talks to Discord. Every page this module returns fits
Discord's limits (see the constants), long text is split at sentence boundaries (then
at spaces; a single "word" longer than a whole page is the only thing ever cut), and
every piece of article text is passed through `neutralise` so it cannot ping anyone
even if a sender forgot `allowed_mentions` (which adapters must set as well).

Public API:
    neutralise(text) -> str
    split_text(text, limit) -> list[str]
    render_answer(answer, *, prefer="en") -> list[Page]
    render_digest(digest) -> list[Page]
    render_error(message) -> str
    Page(embed, sources)        # sources: originals as message-sized strings
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord

from bot.models import Answer, AnswerItem, Citation

if TYPE_CHECKING:  # pragma: no cover
    from bot.stories import Digest

MESSAGE_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
EMBED_TOTAL_LIMIT = 6000

#: description budget per page: under the limit, so pages stay readable
PAGE_BUDGET = 3500
#: footer budget (Discord allows 2,048), so title + description + footer always fit the 6,000 total
FOOTER_BUDGET = 200
#: how many citation refs an item shows inline before "+N"
MAX_INLINE_REFS = 6

ZWSP = "\u200b"
COLOUR = 0x2B6CB0

_MASS = re.compile(r"@(everyone|here)", re.IGNORECASE)
_ANGLE = re.compile(r"<(@[!&]?)(?=\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?…:;])[\"'”’)\]]*\s+")


def neutralise(text: str) -> str:
    """Make `@everyone`, `@here`, `<@123>`, `<@!123>`, `<@&123>` inert (a zero-width space after `@`/`<`)."""
    text = _MASS.sub(lambda m: "@" + ZWSP + m.group(1), text)
    return _ANGLE.sub(lambda m: "<" + ZWSP + m.group(1), text)


def _fill(units: Iterable[str], limit: int, joiner: str) -> list[str]:
    """Join consecutive units with `joiner` into pieces of at most `limit` characters (units are <= limit)."""
    pieces: list[str] = []
    current: str | None = None
    for unit in units:
        candidate = unit if current is None else current + joiner + unit
        if len(candidate) <= limit:
            current = candidate
        else:
            if current is not None:
                pieces.append(current)
            current = unit
    if current is not None:
        pieces.append(current)
    return pieces


def _cut_words(text: str, limit: int) -> list[str]:
    """Split at spaces into pieces <= limit; only a word longer than `limit` is cut."""
    return _fill((word[i : i + limit] for word in text.split() for i in range(0, len(word), limit)), limit, " ")


def split_text(text: str, limit: int) -> list[str]:
    """Split `text` into pieces of at most `limit` characters at sentence boundaries.

    Lines are kept together when they fit; a line that does not fit is split between
    sentences, a sentence that does not fit between words.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    text = text.strip()
    if not text:
        return []
    if len(text) <= limit:
        return [text]
    units: list[str] = []
    for line in text.split("\n"):
        if len(line) <= limit:
            units.append(line)
            continue
        for sentence in _SENTENCE_END.split(line):
            if not sentence.strip():
                continue
            if len(sentence) <= limit:
                units.append(sentence.strip())
            else:
                units.extend(_cut_words(sentence, limit))
    pieces = _fill(units, limit, "\n" if "\n" in text else " ")
    return [piece.strip() for piece in pieces if piece.strip()]


def _clip(text: str, limit: int) -> str:
    """Shorten to `limit` at a word boundary with an ellipsis (for titles and footers)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head[limit // 2 :]:
        head = head[: head.rindex(" ")]
    return head.rstrip() + "…"


@dataclass(frozen=True)
class Page:
    """One message's worth of an answer: an embed and the originals behind its citations."""

    embed: discord.Embed
    sources: tuple[str, ...] = ()


def refs(citations: Sequence[Citation]) -> str:
    """Compact references: `[003·4, 001·2]`, at most MAX_INLINE_REFS then `+N`."""
    if not citations:
        return ""
    seen: list[str] = []
    for citation in citations:
        if citation.ref not in seen:
            seen.append(citation.ref)
    shown = ", ".join(seen[:MAX_INLINE_REFS])
    extra = len(seen) - MAX_INLINE_REFS
    return f"[{shown}{f', +{extra}' if extra > 0 else ''}]"


def _item_line(item: AnswerItem, command: str, prefer: str) -> str:
    english = item.text_en if prefer == "en" else None
    body = english or item.text
    if command == "who-confirmed" and item.fields:
        # one line per source, as the terminal shows it: the source in bold once, then its
        # stance, scope and figure exactly as the item's text says them, then the cue
        label = str(item.fields.get("source") or "no source named")
        line = f"**{label}**{body[len(label) :]}" if body.startswith(label) else body
        cue = item.fields.get("cue")
        if cue:
            line += f" (“{cue}”)"
    else:
        line = f"• {body}"
    ref = refs(item.citations)
    return neutralise(f"{line} {ref}" if ref else line)


def _source_lines(citations: Iterable[Citation], prefer: str) -> list[str]:
    lines: list[str] = []
    seen: set[tuple[str, int]] = set()
    for citation in citations:
        key = (citation.article, citation.sentence)
        if key in seen:
            continue
        seen.add(key)
        line = f"**[{citation.ref}]** {citation.text}"
        if citation.text_en and prefer == "en":
            line += f"\n> {citation.text_en}"
        if citation.provenance:
            line += f"\n-# {citation.provenance}"
        lines.append(neutralise(line))
    return lines


def _messages(lines: Sequence[str]) -> tuple[str, ...]:
    """Pack lines into message contents of at most MESSAGE_LIMIT characters."""
    return tuple(split_text("\n".join(lines), MESSAGE_LIMIT)) if lines else ()


_TITLES = {
    "summary": "Summary: {query}",
    "who-confirmed": "Who confirmed {query}?",
    "translate": "Translation of {query}",
    "articles": "Indexed articles",
}


def _title(answer: Answer) -> str:
    pattern = _TITLES.get(answer.command, "{command}: {query}")
    return _clip(neutralise(pattern.format(command=answer.command, query=answer.query)), TITLE_LIMIT)


def _pack(blocks: Sequence[tuple[str, tuple[Citation, ...]]], budget: int) -> list[tuple[str, list[Citation]]]:
    """Group blocks into page bodies of at most `budget` chars; an oversized block is split."""
    pages: list[tuple[str, list[Citation]]] = []
    body = ""
    cites: list[Citation] = []
    for text, citations in blocks:
        for piece in split_text(text, budget):
            candidate = f"{body}\n\n{piece}" if body else piece
            if len(candidate) <= budget:
                body = candidate
            else:
                pages.append((body, cites))
                body, cites = piece, []
            cites.extend(citations)
    if body or not pages:
        pages.append((body, cites))
    return pages


def _embed(title: str, body: str, footer: str) -> discord.Embed:
    embed = discord.Embed(title=title, description=body or None, colour=COLOUR)
    if footer:
        embed.set_footer(text=_clip(footer, FOOTER_BUDGET))
    return embed


def render_answer(answer: Answer, *, prefer: str = "en") -> list[Page]:
    """Render an Answer as pages (one embed each) that respect every Discord limit.

    `prefer="en"` shows the English text first when the answer has it; "id" shows the
    original Indonesian. The originals behind each page's citations are in `Page.sources`.
    """
    blocks: list[tuple[str, tuple[Citation, ...]]] = [
        (_item_line(item, answer.command, prefer), item.citations) for item in answer.items
    ]
    if answer.notes:
        notes = "\n".join(f"*{neutralise(note)}*" for note in answer.notes)
        blocks.append((notes, ()))
    if not blocks:
        blocks.append(("*Nothing to show.*", ()))
    bodies = _pack(blocks, PAGE_BUDGET)
    title = _title(answer)
    base_footer = _clip(neutralise(f"kabar · /{answer.command} {answer.query}"), FOOTER_BUDGET - 20)
    pages = []
    for number, (body, cites) in enumerate(bodies, start=1):
        footer = base_footer + (f" · page {number}/{len(bodies)}" if len(bodies) > 1 else "")
        pages.append(Page(_embed(title, body, footer), _messages(_source_lines(cites, prefer))))
    return pages


def digest_marker(local_date: str) -> str:
    """The footer text that identifies a posted digest (start-up recovery looks for it)."""
    return f"kabar digest {local_date}"


def render_digest(digest: Digest) -> list[Page]:
    """Render a composed digest: a header page, then stories packed into pages."""
    marker = digest_marker(digest.local_date)
    blocks: list[tuple[str, tuple[Citation, ...]]] = []
    for story in digest.stories:
        lines = [f"__**{neutralise(_clip(story.title, 240))}**__"]
        for citation in story.summary:
            text = citation.text_en or citation.text
            lines.append(neutralise(f"• {text} [{citation.ref}]"))
        if story.figures:
            lines.append(neutralise("Figures: " + ", ".join(story.figures)))
        lines.append(neutralise("Sources: " + ", ".join(story.sources)))
        blocks.append(("\n".join(lines), story.summary))
    if not blocks:
        blocks.append(("*Nothing new was indexed since the last digest.*", ()))
    if digest.notes:
        blocks.append(("\n".join(f"*{neutralise(note)}*" for note in digest.notes), ()))
    bodies = _pack(blocks, PAGE_BUDGET)
    count = len(digest.stories)
    title = _clip(f"Daily digest · {digest.local_date} · {count} stor{'y' if count == 1 else 'ies'}", TITLE_LIMIT)
    pages = []
    for number, (body, cites) in enumerate(bodies, start=1):
        footer = marker + (f" · {number}/{len(bodies)}" if len(bodies) > 1 else "")
        pages.append(Page(_embed(title, body, footer), _messages(_source_lines(cites, "en"))))
    return pages


def render_error(message: str) -> str:
    """An error message fit for an ephemeral reply."""
    return _clip(neutralise(message), MESSAGE_LIMIT)


def render_articles(infos: Sequence[Any]) -> list[Page]:
    """The indexed articles as pages: `003 · title (outlet, N sentences)`."""
    lines = []
    for info in infos:
        outlet = f", {info.outlet}" if getattr(info, "outlet", None) else ""
        lines.append(neutralise(f"`{info.id}` {info.title} ({info.sentences} sentences{outlet})"))
    return render_lines("Indexed articles", lines, f"{len(infos)} articles", empty="*No articles are indexed yet.*")


def render_lines(title: str, lines: Sequence[str], count: str, *, empty: str) -> list[Page]:
    """A listing (lines already neutralised) as pages of one embed each, `count · page n/m` below."""
    bodies = _pack([(line, ()) for line in lines or [empty]], PAGE_BUDGET)
    pages = []
    for number, (body, _) in enumerate(bodies, start=1):
        body = body.replace("\n\n", "\n")
        footer = count + (f" · page {number}/{len(bodies)}" if len(bodies) > 1 else "")
        pages.append(Page(_embed(title, body, footer)))
    return pages


def render_about(about: dict[str, Any], extra: dict[str, Any] | None = None) -> Page:
    """The /about embed: one inline field per fact (index size, models, last digest)."""
    embed = discord.Embed(title="kabar", description="Indonesian news, cited and readable in English.", colour=COLOUR)
    facts = {**about, **(extra or {})}
    for key, value in list(facts.items())[:FIELDS_LIMIT]:
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        elif isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        name = _clip(str(key).replace("_", " "), FIELD_NAME_LIMIT)
        text = _clip(neutralise(str(value)) or "—", FIELD_VALUE_LIMIT)
        embed.add_field(name=name, value=text, inline=True)
    while len(embed) > EMBED_TOTAL_LIMIT and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    return Page(embed)
