"""Clean source labels: the stricter reading of an item that names the right source.

An item can name the right source and still read badly: place or role words folded into
the name ("Mimika Eddy Santoso"), a fragment standing for the body ("Indonesia Istanbul"
for the consulate general in Istanbul), or half a gloss that mixes Indonesian and English
in one phrase ("Malaysia lokal government", "Hubungan Head"). A label is *clean* for an
expected source when

- its `who` is empty (a body speaks) or exactly one of the source's aliases (or a person's
  surname), nothing more;
- its `organization` is empty or, without a leading "the" and its parenthesised glosses,
  exactly one of the source's aliases or `bodies` (a person who speaks for a body lists the
  body among the aliases: "Kementerian Pertanian", "Ministry of Agriculture"; a coach's club
  or an official's commission that is not itself the answer is among the `bodies`);
- no phrase of `who`, `role`, `organization` or `source` (phrases are cut at commas,
  semicolons, parentheses and "|") holds both a word only Indonesian uses and a word only
  English uses, once the source's own aliases are taken out of it (a name such as
  "Polda Metro Jaya" may stand in an English phrase).

The two word lists are `label_words.tsv` beside this module (word, tab, `id` or `en`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from eval.attribution.judged import HERE, ExpectedSource
from eval.attribution.names import accepted, normalise

WORDS_FILE = HERE / "label_words.tsv"
LANGUAGES = ("id", "en")
_PHRASE = re.compile(r"[,;()|]")
_GLOSS = re.compile(r"\([^)]*\)")
_RELAY = re.compile(r"\((?:via|reported by)\b[^)]*\)", re.IGNORECASE)


def read_words(path: Path = WORDS_FILE) -> tuple[dict[str, str], list[str]]:
    """The word -> language table of `path`, and its problems (one line each)."""
    table: dict[str, str] = {}
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if (
            len(parts) != 2
            or parts[1] not in LANGUAGES
            or parts[0] != parts[0].strip().lower()
            or not parts[0].isalpha()
        ):
            problems.append(f"line {number}: expected 'word<TAB>id|en' in lower case, got {line!r}")
            continue
        if parts[0] in table:
            problems.append(f"line {number}: {parts[0]!r} is listed twice")
        table[parts[0]] = parts[1]
    return table, problems


@lru_cache(maxsize=1)
def words() -> Mapping[str, str]:
    """The word table, read once."""
    return read_words()[0]


def _aliases(source: ExpectedSource) -> list[str]:
    return sorted({normalise(a) for a in (*accepted(source), *source.bodies) if normalise(a)}, key=len, reverse=True)


def mixed_phrases(texts: Iterable[str], keep: Iterable[str] = ()) -> list[str]:
    """The phrases of `texts` that hold an Indonesian-only and an English-only word, `keep`
    (normalised names that may stand in any phrase) taken out first."""
    table = words()
    kept = sorted(set(keep), key=len, reverse=True)
    found = []
    for text in texts:
        for phrase in _PHRASE.split(_RELAY.sub(" ", text or "")):
            bare = f" {normalise(phrase)} "
            for name in kept:
                bare = bare.replace(f" {name} ", " ")
            languages = {table[w] for w in bare.split() if w in table}
            if len(languages) == 2:
                found.append(phrase.strip())
    return found


def _body(organization: str) -> str:
    text = _GLOSS.sub(" ", organization)
    return re.sub(r"^\s*the\s+", "", text, flags=re.IGNORECASE)


def label_problems(fields: Mapping[str, str], source: ExpectedSource) -> list[str]:
    """Why the label (`who`, `role`, `organization`, `source` texts) is not clean for `source`."""
    aliases = _aliases(source)
    found = []
    who = (fields.get("who") or "").strip()
    if who and normalise(who) not in {normalise(a) for a in accepted(source)}:
        found.append(f"who {who!r} is not exactly a name of {source.name}")
    organization = (fields.get("organization") or "").strip()
    if organization and normalise(_body(organization)) not in aliases:
        found.append(f"organization {organization!r} is not a name of {source.name} or its body")
    mixed = mixed_phrases((fields.get(key) or "" for key in ("who", "role", "organization", "source")), aliases)
    if mixed:
        found.append("mixes Indonesian and English in " + "; ".join(repr(m) for m in dict.fromkeys(mixed)))
    return found


__all__ = ["LANGUAGES", "WORDS_FILE", "label_problems", "mixed_phrases", "read_words", "words"]
