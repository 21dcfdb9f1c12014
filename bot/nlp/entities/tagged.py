"""Tagging-based name checks: the capitalised words of a sentence that the tagger reads as no name.

A capital letter does not make a name: a sentence opens with one ("Menanggapi hal itu,
...", "Hal itu ...", "Masuk tahun 2018, ..."), and titles of things carry them. The
part-of-speech tagger (`bot.nlp.tagging`) tells a proper noun (NNP) from the verbs, nouns,
adverbs and function words around it. `plain_capitals(text)` lists the capitalised words
it reads as something else, so that source phrases can leave them out:

- where a capital proves nothing, at the start of a sentence or of a quotation, any word
  not tagged NNP ("Menanggapi" VB, "Hal" NN, "Terlebih" ADV, "Marketplace" FW);
- inside a sentence, where the capital itself says "name" ("Juru bicara Kemenlu, Lalu
  Muhamad Iqbal"), only a pronoun written with a capital ("Anda");
- never a word the source tables read themselves: roles ("Direktur" opening a sentence is
  a noun to the tagger and a role to the engine), bodies, places, ranks, pronouns ("Ia"),
  report nouns ("Laporan"), the openers of unnamed sources ("Seorang"), nor a word with a
  digit or a dot ("Dompetku.id", "A330").

Sentences are tagged only when a source phrase is read from them, once each (cached by
text; a few thousand sentences at most).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlp.entities.lexicon import (
    ANON_OPENERS,
    COUNTRIES,
    KNOWN_ENTITIES,
    ORG_HEADS,
    PLACES,
    PRONOUNS,
    RANKS,
    REPORT_NOUNS,
    REPORTER_WORDS,
    ROLES,
    WORK_NOUNS,
)
from bot.nlp.tagging import default_tagger

_NAME_TAGS = frozenset({"NNP"})  # a foreign word (FW) opening a sentence is a word: "Marketplace"
_OPENING_MARKS = frozenset({'"', "“", "”", "(", "'", "‘", "-", ":", "."})
_TABLE_WORDS = frozenset(
    {w for key in ROLES for w in key.split()}
    | {w for key in ORG_HEADS for w in key.split()}
    | {w for key in COUNTRIES for w in key.split()}
    | PLACES
    | RANKS
    | PRONOUNS
    | REPORT_NOUNS
    | REPORTER_WORDS
    | {w.split()[0] for w in ANON_OPENERS}
    | {"pihak", "kalangan", "mantan", "eks", "salah"}
    | {a for _, _, aliases in KNOWN_ENTITIES.values() for a in aliases if " " not in a}
)


@lru_cache(maxsize=4096)
def plain_capitals(text: str) -> frozenset[str]:
    """Capitalised words of `text` that the tagger reads as no name ("Menanggapi", "Hal", "Masuk")."""
    tagged = default_tagger().tag_text(text)
    plain: set[str] = set()
    for i, word in enumerate(tagged):
        w = word.word
        if (
            not w[:1].isupper()
            or w.isupper()
            or word.tag in _NAME_TAGS
            or w.lower() in _TABLE_WORDS
            or any(ch.isdigit() or ch == "." for ch in w)
        ):
            continue
        opening = i == 0 or tagged[i - 1].word in _OPENING_MARKS
        if opening or word.tag == "PR":
            plain.add(w)
    return frozenset(plain)


def strip_plain(phrase: str, plain: frozenset[str]) -> str:
    """Drop the plain capitalised words a phrase opens with: "Pesinetron Eza Gionino" -> "Eza Gionino"."""
    words = phrase.split()
    i = 0
    while i < len(words) and words[i].strip(",.;:") in plain:
        if words[i].strip(",.;:").lower() in WORK_NOUNS:
            return ""  # "Acara Indonesian Idol", "Program Kartu Prakerja": what follows names a work, not a source
        i += 1
    return " ".join(words[i:]) if i else phrase


_INNER_CAPITAL_RE = re.compile(r"(?<=[\w,;)] )[A-Z][\w'-]+")


def article_names(texts: tuple[str, ...]) -> frozenset[str]:
    """Words an article writes with a capital inside a sentence (where a capital means a name)."""
    return frozenset(m.group(0) for text in texts for m in _INNER_CAPITAL_RE.finditer(text))
