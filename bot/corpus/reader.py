"""Article files (`NNN_<hash>.txt`) -> Article: title, metadata, clean paragraphs, sentences.

Public API (other modules rely on these names):
    ARTICLE_GLOB = "*.txt"
    parse_key(filename: str) -> tuple[str, str]   # "003_89031a1fd86b0abb.txt" -> ("003", "003_89031a1fd86b0abb")
    read_article(path: Path) -> Article          # raises MalformedArticle with a clear message
    article_from_bytes(data: bytes, name: str, path: str = "") -> Article   # the bytes of one read
    parse_article(text: str, key: str, path: str = "") -> Article

An article file is UTF-8 text, one paragraph per line (blank lines are ignored).
What the reader does, line by line (line numbers are the file's, 1-based):

- Title: the first line when it reads as a headline (no final full stop, short, not
  a dateline paragraph). Otherwise the title is derived from the first sentence's
  opening clause (`title_derived=True`) and that paragraph stays body text. A
  standfirst under the headline (002: "Korea Utara mengirim 10.000 pasukan ke Rusia.
  Apa dampaknya bagi Ukraina?") is kept as body text: it is real content with
  figures and claims, so it is cited like any other sentence.
- Metadata kept out of the sentences, each recorded as a `Removal(kind, text, line)`:
  `dateline` (outlet/place prefixes such as `KONTAN.CO.ID - JAKARTA.`,
  `TRIBUNNEWS.COM --`, `Jakarta, CNN Indonesia --`, `Liputan6.com, Jakarta -`,
  `Jakarta (ANTARA) -`; they fill `outlet` and `dateline`), `editor` (`Editor: ...`
  fills `editor`; `Penulis:`/`Reporter:` lines are kind `byline`), `disclaimer` (the
  AI-content note), `subheading` (a short line without final punctuation; it becomes
  the `heading` of the next paragraph), `cross-link` (`Baca juga: ...` and kin, also
  where the link title runs into real text on the same line), `byline` (an editor's
  code such as `(adt)` closing the article) and `title`.
- Cross-links: the link title is Title Case (function words such as di, ke, dari may
  be lower case); the real text starts at the capitalised word right before the first
  lower-case word that is not such a function word, and only when what follows reads
  as a sentence (it ends with final punctuation and has a few words).
- Text fixes that lose nothing: line endings, runs of spaces and no-break spaces
  become one space; zero-width characters and stray control characters are dropped
  (with a warning). Curly quotes, dashes and every other character are kept as written.
- Sentences come from `bot.corpus.segment.split_sentences`, numbered 1.. across the
  article; a piece without letters or digits (`* * *`) is not a sentence, and a bare
  list marker (`1.`) is joined to the sentence it introduces.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from bot.corpus.figures.scan import find_figures
from bot.corpus.metadata import (
    BYLINE,
    CROSS_LINK,
    DISCLAIMER,
    EDITOR,
    LINK_ALONE,
    NOISE_LINE,
    ends_with,
    match_dateline,
    strip_cross_links,
)
from bot.corpus.segment import MAX_SENTENCE_CHARS, split_long, split_sentences
from bot.errors import MalformedArticle
from bot.models import Article, Paragraph, Removal, Sentence

__all__ = ["ARTICLE_GLOB", "article_from_bytes", "parse_article", "parse_key", "read_article"]

ARTICLE_GLOB = "*.txt"

_KEY = re.compile(r"(\d+)(?:[_-][\w.-]*)?")
_TITLE_MAX_CHARS = 160
_TITLE_MAX_WORDS = 25
_DERIVED_MAX = 80
_HEADING_MAX_CHARS = 90
_HEADING_MAX_WORDS = 12

# --- text clean-up ------------------------------------------------------------------

_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# --- line kinds -------------------------------------------------------------------------

_END_CODE = re.compile(r"[(\[][a-z0-9]{1,12}(?:\s*/\s*[a-z0-9]{1,12})*[)\]]")
_CLAUSE_CUT = re.compile(
    r"\s*(?:[,;:]|\s[-–—]\s)"
    r"|\s+(?=(?:bahwa|setelah|karena|sehingga|ketika|saat|usai|sebab|meski|meskipun|namun|tetapi)\b)"
)
_TRAILING_FUNCTION = re.compile(
    r"(?:\s+(?:di|ke|dari|dan|yang|untuk|dengan|pada|dalam|akan|atau|oleh|bagi|serta|itu|ini))+$",
    re.IGNORECASE,
)
_HAS_WORD = re.compile(r"[^\W_]")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def parse_key(filename: str) -> tuple[str, str]:
    """("003", "003_89031a1fd86b0abb") from "003_89031a1fd86b0abb.txt" (or the key itself)."""
    name = str(filename)
    if "/" in name:
        name = Path(name).name
    key = name[:-4] if name.lower().endswith(".txt") else name
    m = _KEY.fullmatch(key)
    if not m:
        raise MalformedArticle(f"{name} is not named like an article (NNN_<hash>.txt, e.g. 003_89031a1fd86b0abb.txt)")
    return m.group(1), key


def read_article(path: Path) -> Article:
    """Read and parse one article file; MalformedArticle says what is wrong with it."""
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise MalformedArticle(f"{name} is a folder, not an article file") from None
    except OSError as exc:
        raise MalformedArticle(f"{name} cannot be read ({exc.strerror or exc})") from None
    return article_from_bytes(data, name, str(path))


def article_from_bytes(data: bytes, name: str, path: str = "") -> Article:
    """Parse the bytes of file `name` (NNN_<hash>.txt); its `content_hash` is the sha256 of these
    same bytes, so what is stored and the hash it is stored under can never disagree."""
    text = _decode(data, name)
    return _parse(text, parse_key(name)[1], path, hashlib.sha256(data).hexdigest(), name)


def parse_article(text: str, key: str, path: str = "") -> Article:
    """Parse article text; `key` is "003_<hash>" (or any label, used as the id if not numbered)."""
    if not isinstance(text, str):
        raise MalformedArticle(f"{key}: the article is not text")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _parse(text, key, path, digest, Path(path).name if path else key)


# --- decoding -----------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise MalformedArticle(f"{name} is empty")
    if b"\x00" in data[:4096] or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise MalformedArticle(f"{name} is a binary file (or UTF-16), not UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedArticle(
            f"{name} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None
    return text


# --- parsing ------------------------------------------------------------------------------


def _parse(text: str, key: str, path: str, digest: str, name: str) -> Article:
    aid, key = _split_key(key)
    warnings: list[str] = []
    lines = _clean_lines(text, name, warnings)
    if not lines:
        raise MalformedArticle(f"{name} is empty (only whitespace)")

    removed: list[Removal] = []
    outlet = dateline = editor = None
    title = ""
    title_derived = False

    first_no, first = lines[0]
    if _is_headline(first):
        title = first
        removed.append(Removal("title", first, first_no))
        lines = lines[1:]

    body_after = _body_after(lines)
    body: list[tuple[int, str, str | None]] = []  # (line, text, heading)
    heading: tuple[int, str] | None = None
    dateline_window = 3  # body paragraphs in which an outlet/dateline prefix is looked for
    for pos, (no, line) in enumerate(lines):
        m = EDITOR.fullmatch(line)
        if m and len(line) <= 80:
            editor = editor or m.group(2).strip()
            removed.append(Removal("editor", line, no))
            continue
        m = BYLINE.fullmatch(line)
        if m and len(line) <= 80:
            removed.append(Removal("byline", line, no))
            continue
        if DISCLAIMER.match(line) and len(line) <= 240:
            removed.append(Removal("disclaimer", line, no))
            continue
        if LINK_ALONE.fullmatch(line):
            removed.append(Removal("cross-link", line, no))
            continue
        if NOISE_LINE.fullmatch(line):
            removed.append(Removal("boilerplate", line, no))
            continue
        line = strip_cross_links(line, no, removed)
        if not line:
            continue
        if dateline_window > 0:
            dateline_window -= 1
            found = match_dateline(line)
            if found:
                dateline_window = 0
                prefix, outlet, dateline = found
                removed.append(Removal("dateline", prefix, no))
                line = line[len(prefix) :].lstrip()
                if not line:
                    continue
        if _is_heading(line) and body_after[pos]:
            removed.append(Removal("subheading", line, no))
            heading = (no, line) if heading is None else (heading[0], f"{heading[1]} / {line}")
            continue
        body.append((no, line, heading[1] if heading else None))
        heading = None

    _drop_end_code(body, removed)

    if not body and title:
        # nothing but a headline (a one-line text): the headline is the body too
        body.append((first_no, title, None))
        removed = [r for r in removed if r.kind != "title"]
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for no, line, head in body:
        pieces = _sentences_of(line, no, removed, warnings)
        if not pieces:
            continue
        p_index = len(paragraphs) + 1
        paragraphs.append(Paragraph(index=p_index, text=line, heading=head))
        for piece in pieces:
            sentences.append(
                Sentence(
                    index=len(sentences) + 1,
                    paragraph=p_index,
                    text=piece,
                    figures=tuple(find_figures(piece)),
                )
            )
    if not sentences:
        raise MalformedArticle(f"{name} has no article text (nothing left after removing boilerplate)")
    if not title:
        title = _derive_title(sentences[0].text)
        title_derived = True
    return Article(
        id=aid,
        key=key,
        title=title,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        content_hash=digest,
        path=path,
        title_derived=title_derived,
        outlet=outlet,
        dateline=dateline,
        editor=editor,
        removed=tuple(sorted(removed, key=lambda r: r.line)),
        warnings=tuple(warnings),
    )


def _drop_end_code(body: list[tuple[int, str, str | None]], removed: list[Removal]) -> None:
    """Take an editor's code such as "(adt)" or "[bim]" off the end of the article."""
    if not body:
        return
    no, last, heading = body[-1]
    code = _END_CODE.search(last)
    if not code or code.end() != len(last):
        return
    if code.start() == 0:  # a paragraph of its own
        removed.append(Removal("byline", last, no))
        body.pop()
    elif last[: code.start()].rstrip()[-1:] in '.!?"”’':  # after the last sentence
        removed.append(Removal("byline", code.group(0), no))
        body[-1] = (no, last[: code.start()].rstrip(), heading)


def _split_key(key: str) -> tuple[str, str]:
    try:
        return parse_key(key)
    except MalformedArticle:
        label = Path(str(key)).name or "article"
        return label, label


def _clean_lines(text: str, name: str, warnings: list[str]) -> list[tuple[int, str]]:
    """Numbered non-blank lines with whitespace normalised; hard-wrapped lines joined."""
    if "\x00" in text:
        raise MalformedArticle(f"{name} contains NUL bytes: it is binary, not an article")
    out: list[tuple[int, list[str]]] = []  # (first line, the parts a hard-wrapped paragraph is joined from)
    last_no = -1
    controls = 0
    for no, raw in enumerate(text.splitlines(), start=1):
        if not raw.isprintable():  # tabs, odd spaces, invisible or control characters
            found = len(_CONTROL.findall(raw))
            if found:
                controls += found
                raw = _CONTROL.sub("", raw)
            raw = _INVISIBLE.sub("", raw)
        line = " ".join(raw.split())
        if not line:
            continue
        if out and no == last_no + 1 and line[0].islower() and not ends_with(out[-1][1][-1], ".!?…:;"):
            out[-1][1].append(line)  # a hard-wrapped paragraph: this line continues the one above it
        else:
            out.append((no, [line]))
        last_no = no
    if controls:
        if controls > max(4, len(text) // 100):
            raise MalformedArticle(f"{name} is full of control characters: it is binary, not an article")
        warnings.append(f"dropped {controls} control character(s)")
    return [(no, " ".join(parts)) for no, parts in out]


def _is_headline(line: str) -> bool:
    if len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS:
        return False
    if EDITOR.fullmatch(line) or CROSS_LINK.match(line) or LINK_ALONE.fullmatch(line):
        return False
    dateline = match_dateline(line)
    if dateline and (len(dateline[0]) >= len(line) - 1 or len(line) > 100):
        return False
    if not _HAS_LETTER.search(line):
        return False
    if line.endswith(("?", "!")):
        # a question or exclamation headline: most words capitalised
        words = [w for w in line.split() if _HAS_LETTER.search(w)]
        capital = sum(1 for w in words if w.lstrip("\"'“‘(")[:1].isupper())
        return capital * 2 >= len(words)
    return not ends_with(line, ".!?…")


def _is_heading(line: str) -> bool:
    return (
        len(line) <= _HEADING_MAX_CHARS
        and len(line.split()) <= _HEADING_MAX_WORDS
        and not ends_with(line, ".!?…:;,")
        and bool(_HAS_LETTER.search(line))
    )


def _body_after(lines: list[tuple[int, str]]) -> list[bool]:
    """For each line: is there a line after it that is not heading-like?"""
    out = [False] * len(lines)
    seen = False
    for pos in range(len(lines) - 1, -1, -1):
        out[pos] = seen
        seen = seen or not _is_heading(lines[pos][1])
    return out


def _sentences_of(line: str, no: int, removed: list[Removal], warnings: list[str]) -> list[str]:
    out: list[str] = []
    carry = ""
    pieces: list[str] = []
    for piece in split_sentences(line, None):
        if len(piece) > MAX_SENTENCE_CHARS:
            parts = split_long(piece)
            warnings.append(
                f"line {no}: a sentence of {len(piece):,} characters was cut into {len(parts)} parts "
                f"of at most {MAX_SENTENCE_CHARS:,}"
            )
            pieces += parts
        else:
            pieces.append(piece)
    for piece in pieces:
        if not _HAS_WORD.search(piece):
            removed.append(Removal("separator", piece, no))
            continue
        if not _HAS_LETTER.search(piece) and len(piece) <= 6:
            carry = f"{carry} {piece}".strip()  # a list marker such as "1." or "(2)"
            continue
        out.append(f"{carry} {piece}" if carry else piece)
        carry = ""
    if carry:
        out.append(carry)
    return out


def _derive_title(sentence: str) -> str:
    """A short title from a sentence: its opening clause, trimmed at a word boundary."""
    text = sentence.strip()
    m = _CLAUSE_CUT.search(text, 40)
    clause = text[: m.start()] if m else text
    clause = clause.rstrip(" .!?…,;:\"'”’")
    if len(clause) > _DERIVED_MAX + 10:
        cut = clause.rfind(" ", 0, _DERIVED_MAX)
        clause = clause[: cut if cut > 20 else _DERIVED_MAX]
        clause = _TRAILING_FUNCTION.sub("", clause).rstrip(" ,;:") + "…"
    return clause or text[:_DERIVED_MAX]
