"""An article's paragraphs as stored: rebuilt from its sentences, with the few exceptions kept in `articles.layout`.

Public API:
    layout_of(article) -> str | None                  # the JSON to store; None when sentences say it all
    paragraphs_from(layout, sentences) -> tuple[Paragraph, ...]

A paragraph's text is its sentences joined by one space, which is what the reader's
paragraphs are in practice (21,510 of 21,511 paragraphs of the scale corpus, every
paragraph of the IndoSum sample), so the text is stored once, in `sentences`. The layout
keeps what the sentences cannot give back: sub-headings ({"h": {"3": "Sub-heading"}}) and
the text of a paragraph that is not its sentences joined ({"t": {"5": "..."}}), including a
paragraph without sentences.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from bot.models import Article, Paragraph, Sentence


def _joined(sentences: Iterable[Sentence]) -> dict[int, str]:
    texts: dict[int, list[str]] = {}
    for sentence in sentences:
        texts.setdefault(sentence.paragraph, []).append(sentence.text)
    return {index: " ".join(parts) for index, parts in texts.items()}


def layout_of(article: Article) -> str | None:
    """What `paragraphs_from` needs besides the sentences to give back `article.paragraphs`, as JSON."""
    joined = _joined(article.sentences)
    headings = {str(p.index): p.heading for p in article.paragraphs if p.heading is not None}
    texts = {str(p.index): p.text for p in article.paragraphs if joined.get(p.index) != p.text}
    layout = {key: value for key, value in (("h", headings), ("t", texts)) if value}
    return json.dumps(layout, ensure_ascii=False, separators=(",", ":")) if layout else None


def paragraphs_from(layout: str | None, sentences: Iterable[Sentence]) -> tuple[Paragraph, ...]:
    """The paragraphs, 1..n, from the sentences (in order) and the stored layout."""
    joined = _joined(sentences)
    stored = json.loads(layout) if layout else {}
    headings = {int(k): v for k, v in stored.get("h", {}).items()}
    texts = {int(k): v for k, v in stored.get("t", {}).items()}
    last = max([0, *joined, *headings, *texts])
    return tuple(
        Paragraph(index=i, text=texts.get(i, joined.get(i, "")), heading=headings.get(i)) for i in range(1, last + 1)
    )
