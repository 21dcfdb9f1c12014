"""Hand-built articles and a tiny stand-in reader for store and indexing tests."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from bot.errors import MalformedArticle
from bot.models import Article, Figure, Paragraph, Removal, Sentence

_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*")


def figures_in(text: str) -> tuple[Figure, ...]:
    """Plain digit groups as exact figures ("10.000" and "10,000" -> 10000)."""
    found = []
    for m in _NUMBER.finditer(text):
        value = float(re.sub(r"[.,]", "", m.group()))
        found.append(Figure(value=value, text=m.group(), start=m.start(), end=m.end()))
    return tuple(found)


def make_article(
    aid: str,
    paragraphs: list[str],
    *,
    title: str = "",
    key: str | None = None,
    removed: tuple[Removal, ...] = (),
    outlet: str | None = None,
) -> Article:
    """An Article whose paragraphs are split into sentences at '. '."""
    paras = tuple(Paragraph(index=i, text=text) for i, text in enumerate(paragraphs, 1))
    sentences = []
    for para in paras:
        for piece in re.split(r"(?<=\.)\s+", para.text):
            if piece.strip():
                sentences.append(
                    Sentence(
                        index=len(sentences) + 1, paragraph=para.index, text=piece.strip(), figures=figures_in(piece)
                    )
                )
    body = "\n".join(paragraphs)
    return Article(
        id=aid,
        key=key or f"{aid}_{hashlib.sha1(body.encode()).hexdigest()[:16]}",
        title=title or f"Judul {aid}",
        paragraphs=paras,
        sentences=tuple(sentences),
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        outlet=outlet,
        removed=removed,
    )


def simple_key(name: str) -> tuple[str, str]:
    m = re.fullmatch(r"(\d{3,})_([0-9a-f]+)\.txt", name)
    if not m:
        raise ValueError(f"{name!r} is not NNN_<hash>.txt")
    return m.group(1), name[:-4]


def simple_reader(data: bytes, name: str, path: str = "") -> Article:
    """First line is the title, every other non-empty line a paragraph (the indexer's reader API:
    the bytes it read once, the file name, the path)."""
    if not data.strip():
        raise MalformedArticle(f"{name} is empty.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedArticle(f"{name} is not UTF-8 text.") from exc
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    aid, key = simple_key(name)
    return make_article(aid, lines[1:], title=lines[0], key=key)


def write_article(folder: Path, aid: str, title: str, paragraphs: list[str], tag: str = "a") -> Path:
    path = folder / f"{aid}_{hashlib.sha1(tag.encode()).hexdigest()[:16]}.txt"
    path.write_text("\n".join([title, *paragraphs]) + "\n", encoding="utf-8")
    return path
