"""The vocabulary files under `bot/nlp/data/`: reading, checking and loading each once.

Two formats, both UTF-8 with `#` comment lines and no blank entries:

- `NAME.txt`: one word or phrase per line ("wakil wali kota");
- `NAME.tsv`: a header line naming the columns, then one row per line, fields separated by
  tabs; every field is filled (`-` stands for "none"); the first column is the row's key.

A duplicate entry or key, a row with the wrong number of fields, an empty field, a
stray space around a field or an upper-case letter in a word list is an error: loading raises
`VocabularyError` naming the file and line, so a broken file fails at once (and in the
test that loads them all) rather than quietly losing entries.

Public API:
    words(name) -> frozenset[str]          the entries of NAME.txt
    word_list(name) -> tuple[str, ...]     the same, in file order
    alternation(name, suffix="") -> str    a regex group matching any entry (longest first)
    table(name) -> Table                   NAME.tsv
    data_files() -> list[Path]             every vocabulary file (for checks)
    load(path) -> tuple | Table            read and check one file
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

#: a table field that stands for "none"
NONE = "-"


class VocabularyError(ValueError):
    """A vocabulary file that breaks its format (a packaging or editing mistake, never user input)."""


@dataclass(frozen=True)
class Table:
    """A TSV table: its column names and its rows (keys unique)."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def column(self, column: str) -> int:
        return self.columns.index(column)

    def mapping(self, value: str) -> dict[str, str]:
        """key -> the named column's value, in file order."""
        i = self.column(value)
        return {row[0]: row[i] for row in self.rows}

    def optional(self, value: str) -> dict[str, str]:
        """key -> the named column's value, leaving out rows where it is `-`."""
        i = self.column(value)
        return {row[0]: row[i] for row in self.rows if row[i] != NONE}


def _lines(path: Path) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            if line.strip() and not line.startswith("#"):
                raise VocabularyError(f"{path.name}:{number}: a comment must start the line")
            continue
        out.append((number, line))
    return out


def _read_words(path: Path) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    for number, line in _lines(path):
        if "\t" in line or line != line.strip() or "  " in line:
            raise VocabularyError(f"{path.name}:{number}: stray tab or space in {line!r}")
        if line != line.lower():
            raise VocabularyError(f"{path.name}:{number}: word lists are lower case: {line!r}")
        if line in seen:
            raise VocabularyError(f"{path.name}:{number}: {line!r} repeats line {seen[line]}")
        seen[line] = number
    return tuple(seen)


def _read_table(path: Path) -> Table:
    lines = _lines(path)
    if not lines:
        raise VocabularyError(f"{path.name}: no header line")
    header_line, header = lines[0]
    columns = tuple(header.split("\t"))
    if len(set(columns)) != len(columns) or any(not c or c != c.strip() for c in columns):
        raise VocabularyError(f"{path.name}:{header_line}: malformed header {header!r}")
    rows: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for number, line in lines[1:]:
        fields = tuple(line.split("\t"))
        if len(fields) != len(columns):
            raise VocabularyError(f"{path.name}:{number}: {len(fields)} fields, the header has {len(columns)}")
        if any(not f or f != f.strip() for f in fields):
            raise VocabularyError(f"{path.name}:{number}: an empty field or stray space (write - for none)")
        if fields[0] in seen:
            raise VocabularyError(f"{path.name}:{number}: key {fields[0]!r} repeats line {seen[fields[0]]}")
        seen[fields[0]] = number
        rows.append(fields)
    return Table(path.stem, columns, tuple(rows))


def load(path: Path) -> tuple[str, ...] | Table:
    """Read and check one vocabulary file (`.txt` -> its entries, `.tsv` -> a Table)."""
    if path.suffix == ".txt":
        return _read_words(path)
    if path.suffix == ".tsv":
        return _read_table(path)
    raise VocabularyError(f"{path.name}: not a vocabulary file (.txt or .tsv)")


#: Files in the data folder read and checked by a loader of their own (`bot.nlp.aliases`).
OWN_FORMAT = frozenset({"aliases.tsv"})


def data_files() -> list[Path]:
    """Every vocabulary file shipped with the package (not those with a format of their own)."""
    return sorted(p for p in DATA_DIR.iterdir() if p.suffix in (".txt", ".tsv") and p.name not in OWN_FORMAT)


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of `data/NAME.txt`, in file order."""
    entries = load(DATA_DIR / f"{name}.txt")
    assert isinstance(entries, tuple)
    return entries


@cache
def words(name: str) -> frozenset[str]:
    """The entries of `data/NAME.txt` as a set."""
    return frozenset(word_list(name))


@cache
def table(name: str) -> Table:
    """`data/NAME.tsv`."""
    loaded = load(DATA_DIR / f"{name}.tsv")
    assert isinstance(loaded, Table)
    return loaded


def alternation(name: str, suffix: str = "") -> str:
    """A non-capturing regex group matching any entry of NAME.txt (+ `suffix`), longest first."""
    ordered = sorted(word_list(name), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w + suffix) for w in ordered) + ")"


def expand(pattern: str) -> str:
    """Replace `{V}` with "m[ae]" and `{list:NAME}` / `{list:NAME:nya}` with alternations."""

    def sub(m: re.Match[str]) -> str:
        return alternation(m.group(1), m.group(2) or "")

    return re.sub(r"\{list:([a-z_]+)(?::([a-z]+))?\}", sub, pattern).replace("{V}", "m[ae]")
