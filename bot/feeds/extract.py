"""Article text from HTML: a whole page through trafilatura, or a feed item's fragment through lxml.

Public API:
    PageText                               # title, text (one paragraph per line), author, published, site
    extract_page(html, url) -> PageText | None   # None when the page holds no article text
    html_to_text(fragment) -> str          # block elements become lines; scripts and styles dropped
    word_count(text) -> int

`extract_page` asks trafilatura for the main text without comments, tables, images or
links, favouring precision, so navigation, cookie banners, related-article blocks and
comment sections stay out; what remains is plain text, one paragraph per line, for the
corpus reader to clean as it cleans files (datelines, editor lines, "Baca juga" links).
Both functions are synchronous and CPU-bound: callers run them off the event loop.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura

log = logging.getLogger(__name__)

_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote section article header footer tr table pre figure figcaption".split()
)
_DROP = ("script", "style", "noscript", "iframe", "template", "svg", "form", "button")
_WORDS = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class PageText:
    """What an article page says, stripped of the page around it."""

    title: str
    text: str
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) as the page states it
    site: str | None = None


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def extract_page(html: bytes | str, url: str) -> PageText | None:
    """The article on a page (title, date, author, main text), or None when there is none."""
    if not html or not html.strip():
        return None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            deduplicate=False,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:  # a page trafilatura cannot parse
        log.info("extraction failed for %s: %s", url, exc)
        return None
    except Exception:  # a fault inside the extractor: this page falls back, the feed goes on
        log.warning("the extractor failed on %s", url, exc_info=True)
        return None
    if doc is None:
        return None
    text = _tidy(str(getattr(doc, "text", "") or ""))
    if not text:
        return None
    return PageText(
        title=" ".join(str(getattr(doc, "title", "") or "").split()),
        text=text,
        author=_clean_field(getattr(doc, "author", None)),
        published=_clean_field(getattr(doc, "date", None)),
        site=_clean_field(getattr(doc, "sitename", None)),
    )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per block element, entities decoded."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(fragment)
    for bad in list(root.iter(*_DROP)):
        bad.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _clean_field(value: object) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None
