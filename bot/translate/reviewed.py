"""The `translations/` folder: human-reviewed translation files and the glossary.

Reviewed files (`translations/<article id>.<lang>.txt`, e.g. `003.en.txt`) are written by
`kabar translate 003 --export` as one block per sentence, so any editor can change them
and git diffs them line by line:

    @ 4 3f2a9c0d1e2b
    id: Lebih dari 10.000 tentara telah dikerahkan.
    mt: More than 10,000 soldiers have been deployed.
    en: More than 10,000 troops have been deployed.

`@ <sentence index> <source hash>` opens a block (the hash is the first 12 hex digits of
the sentence's sha256); `id:` is the source, `mt:` the machine translation, and the
`<lang>:` line the reviewed translation (empty: not reviewed). A reviewed line is used
instead of the machine one when its hash matches a sentence of the article as indexed
now (by hash, so it survives renumbering); otherwise it is ignored with a warning.
Re-exporting keeps every reviewed line whose sentence is still there.

The glossary (`translations/glossary.tsv`) has one `Indonesian term<TAB>English term`
per line (`#` starts a comment; alternatives are separated by ` | `). A translated
sentence whose source contains the term but whose translation contains none of the
English alternatives gets the flag "glossary: <term> -> <English>".

Public API:
    HASH_CHARS = 12
    short_hash(text) -> str
    ReviewedLine(index, hash, source, machine, reviewed)             # frozen
    review_path(folder, article_id, lang) -> Path
    read_review(path, lang) -> list[ReviewedLine]                    # raises TranslationError
    reviewed_for(folder, article_id, lang, sentences) -> (dict[int, ReviewedLine], list[str])
    write_review(folder, article, lang, machine, src="id") -> Path
    GlossaryEntry(term, english: tuple[str, ...])                    # frozen
    load_glossary(folder) -> list[GlossaryEntry]
    glossary_flags(entries, source, output) -> tuple[str, ...]
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.errors import TranslationError
from bot.models import Article, Sentence
from bot.store.translations import source_hash

log = logging.getLogger(__name__)

HASH_CHARS = 12
GLOSSARY = "glossary.tsv"


def short_hash(text: str) -> str:
    return source_hash(text)[:HASH_CHARS]


@dataclass(frozen=True)
class ReviewedLine:
    index: int
    hash: str
    source: str
    machine: str
    reviewed: str


def review_path(folder: Path, article_id: str, lang: str) -> Path:
    return Path(folder) / f"{article_id}.{lang}.txt"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def read_review(path: Path, lang: str) -> list[ReviewedLine]:
    """Parse a reviewed-translation file; lines that continue a field are joined with a space."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TranslationError(f"{path} is not UTF-8 text.", hint="save it as UTF-8") from exc
    blocks: list[ReviewedLine] = []
    current: dict[str, str] | None = None
    field: str | None = None
    keys = ("id", "mt", lang)

    def close() -> None:
        if current is not None:
            blocks.append(
                ReviewedLine(
                    int(current["index"]),
                    current["hash"],
                    _one_line(current.get("id", "")),
                    _one_line(current.get("mt", "")),
                    _one_line(current.get(lang, "")),
                )
            )

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@"):
            close()
            parts = line[1:].split()
            if len(parts) != 2 or not parts[0].isdigit():
                raise TranslationError(
                    f"{path}:{number}: a block must start with '@ <sentence number> <hash>', got {line!r}.",
                    hint="restore the @ line, or re-export the file",
                )
            current, field = {"index": parts[0], "hash": parts[1].lower()}, None
            continue
        match = re.match(r"^([a-z]{2,3}):\s?(.*)$", line)
        if current is not None and match and match.group(1) in keys:
            field = match.group(1)
            current[field] = match.group(2)
        elif current is not None and field is not None:
            current[field] = current[field] + " " + line.strip()
        else:
            raise TranslationError(
                f"{path}:{number}: cannot tell which sentence this line belongs to: {line[:60]!r}.",
                hint=f"put it on the '{lang}:' line of a block",
            )
    close()
    return blocks


def reviewed_for(
    folder: Path, article_id: str, lang: str, sentences: Sequence[Sentence]
) -> tuple[dict[int, ReviewedLine], list[str]]:
    """Reviewed lines that still match the article's sentences (by index), and warnings."""
    path = review_path(folder, article_id, lang)
    if not path.is_file():
        return {}, []
    by_hash: dict[str, list[int]] = {}
    for sentence in sentences:
        by_hash.setdefault(short_hash(sentence.text), []).append(sentence.index)
    used: dict[int, ReviewedLine] = {}
    warnings: list[str] = []
    for line in read_review(path, lang):
        if not line.reviewed:
            continue
        targets = by_hash.get(line.hash, [])
        if not targets:
            message = (
                f"{path.name}: the reviewed line for sentence {line.index} is ignored because its "
                "source sentence changed; re-export and review it again"
            )
            log.warning(message)
            warnings.append(message)
            continue
        # the same sentence may appear twice in an article: prefer the one at the same index
        index = line.index if line.index in targets else targets[0]
        used.setdefault(index, line)
    return used, warnings


def write_review(folder: Path, article: Article, lang: str, machine: Sequence[str], src: str = "id") -> Path:
    """Write (or refresh) the reviewed-translation file, keeping reviews whose sentence still exists."""
    if len(machine) != len(article.sentences):
        raise ValueError("one machine translation per sentence is needed")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = review_path(folder, article.id, lang)
    kept: dict[str, str] = {}
    if path.is_file():
        for line in read_review(path, lang):
            if line.reviewed:
                kept.setdefault(line.hash, line.reviewed)
    out = [
        f"# kabar reviewed translation: article {article.id} ({article.key}), {src} -> {lang}",
        f"# Title: {_one_line(article.title)}",
        f"# Write the corrected translation on the '{lang}:' line of a block; leave it empty to",
        "# keep the machine line. Keep the '@' and 'id:' lines as they are: kabar uses the hash",
        "# to notice when the source sentence changes.",
        "",
    ]
    for sentence, mt in zip(article.sentences, machine):
        digest = short_hash(sentence.text)
        out += [
            f"@ {sentence.index} {digest}",
            f"id: {_one_line(sentence.text)}",
            f"mt: {_one_line(mt)}",
            f"{lang}: {kept.get(digest, '')}".rstrip(),
            "",
        ]
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(out))
    os.replace(tmp, path)
    return path


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    english: tuple[str, ...]


def load_glossary(folder: Path) -> list[GlossaryEntry]:
    """Entries of `glossary.tsv` (missing file: none); a malformed line raises TranslationError."""
    path = Path(folder) / GLOSSARY
    if not path.is_file():
        return []
    entries: list[GlossaryEntry] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in raw.split("\t")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise TranslationError(
                f"{path}:{number}: a glossary line needs 'Indonesian term<TAB>English term', got {line[:60]!r}.",
                hint="separate the two terms with one tab",
            )
        if number == 1 and parts[0].lower() in ("indonesian", "id", "term") and parts[1].lower() in ("english", "en"):
            continue  # a header row
        english = tuple(alt.strip() for alt in parts[1].split("|") if alt.strip())
        entries.append(GlossaryEntry(parts[0], english))
    return entries


def _contains(text: str, term: str) -> bool:
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(word) for word in term.split()) + r"(?!\w)"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def glossary_flags(entries: Sequence[GlossaryEntry], source: str, output: str) -> tuple[str, ...]:
    flags = []
    for entry in entries:
        if _contains(source, entry.term) and not any(_contains(output, alt) for alt in entry.english):
            flags.append(f"glossary: {entry.term} -> {entry.english[0]}")
    return tuple(flags)
