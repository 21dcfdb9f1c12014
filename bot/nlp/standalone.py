"""Making a summary item read on its own: what to show for a sentence taken out of its article.

A sentence that opens by pointing back (`bot.nlp.backrefs`) is shown so that the reader
needs nothing else, and every change is marked:
- a leading connective is left out and the cut marked: "Selain itu Pentagon membenarkan
  ..." -> "[…] Pentagon membenarkan ...";
- an opening pronoun whose person the article named just before is replaced by the name
  in brackets: "Ia menyatakan ..." -> "[Febri Diansyah] menyatakan ...";
- a quotation whose speaker is only a pronoun gets the name: '"...," katanya.' ->
  '"...," kata [Rutte].';
- anything else that points back ("Namun hal itu dibantah ...", "Laporan ini ...") is
  shown after the sentence before it, when that one reads on its own.
A sentence for which none of this works does not read on its own (tier 2): a summary
shows it only when nothing better is left.

Public API:
    Shown(text, before, tier, named) tier 0: reads on its own (maybe with a marked change);
                                    1: needs the sentence before it (`before`); 2: does not read on its own
    readable(text, context) -> Shown     context: the sentences before it in its article, nearest last
    needs_context(text) -> bool          whether `readable` may need the sentences before it
    CUT = "[…]"
#: what is left after leaving out a connective has at least this many words
MIN_REST_WORDS = 6
_TIED_OPENERS = frozenset("dengan di ke dari pada bagi untuk oleh yang dan atau serta tetapi karena sehingga".split())
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.nlp.backrefs import back_reference
from bot.nlp.voices import speaker_before, voice_of

CUT = "[…]"
#: what is left after leaving out a connective has at least this many words
MIN_REST_WORDS = 6
_TIED_OPENERS = frozenset("dengan di ke dari pada bagi untuk oleh yang dan atau serta tetapi karena sehingga".split())
_SPEECH_TAG = re.compile(
    r"(?<=[,.!?\"”]\s)(kata|ujar|tutur|ucap|jelas|ungkap|imbuh|tambah|lanjut|terang|papar|tegas|sebut|pungkas)nya\b"
)
_QUOTES = re.compile(r"[\"“”]")
#: "-nya" words that stand for a speaker, and what they become with the name
_SPEAKER_POSSESSIVES = {"menurutnya": "Menurut", "katanya": "Kata"}


@dataclass(frozen=True)
class Shown:
    """What to show for a sentence: its text (maybe with a marked change) and the sentence it needs.

    `named`: a name was inserted for a pronoun ("[Febri Diansyah] menyatakan ...").
    """

    text: str
    before: str | None = None
    tier: int = 0
    named: bool = False


def _needs_before(text: str, context: Sequence[str], *, speaker: bool = False) -> Shown:
    """Shown after the sentence before it, when that one reads on its own (and, for a
    quotation with no speaker, names who speaks)."""
    if (
        context
        and back_reference(context[-1]) is None
        and not _unnamed_quote(context[-1])
        and (not speaker or voice_of(context[-1]).named)
    ):
        return Shown(text, before=context[-1], tier=1)
    return Shown(text, tier=2)


def _stands_alone(rest: str) -> bool:
    """What is left after a connective reads as a sentence: long enough, not opening on a
    preposition or conjunction that ties it to the sentence before ("dengan ...", "yang ...")."""
    words = rest.split()
    return len(words) >= MIN_REST_WORDS and words[0].strip("\"“”'‘’(").lower() not in _TIED_OPENERS


def _unnamed_quote(text: str) -> bool:
    return bool(_QUOTES.search(text)) and voice_of(text).unresolved


@lru_cache(maxsize=4096)
def _readable(text: str, context: tuple[str, ...]) -> Shown:
    back = back_reference(text)
    if back is None:
        if not _unnamed_quote(text):
            return Shown(text)
        tag = _SPEECH_TAG.search(text)
        name = speaker_before([*context, text], speech=True) if tag else None
        if tag and name:
            return Shown(f"{text[: tag.start()]}{tag.group(1)} [{name}]{text[tag.end() :]}", named=True)
        return _needs_before(text, context, speaker=True)
    rest = text[back.connective_end :] if back.connective_end else text
    cut = f"{CUT} " if back.connective_end else ""
    if back.kind == "connective":
        if not _stands_alone(rest):  # "Pun begitu dengan jumlah pengguna Instagram." is a comparison
            return _needs_before(text, context)
        return Shown(cut + rest)
    if back.kind == "pronoun":
        word = text[back.start : back.end]
        lead = _SPEAKER_POSSESSIVES.get(word.lower())
        if word.lower().endswith("nya") and lead is None:
            return _needs_before(text, context)  # "Pendirinya ...": whose, a person or a company?
        name = speaker_before([*context, text], speech=lead is not None)
        if name:
            shown = f"{lead} [{name}]" if lead else f"[{name}]"
            return Shown(cut + shown + text[back.end :], named=True)
    return _needs_before(text, context)


def needs_context(text: str) -> bool:
    """True when showing `text` may need the sentences before it (it points back, or quotes someone)."""
    return back_reference(text) is not None or bool(_QUOTES.search(text))


def readable(text: str, context: Sequence[str] = ()) -> Shown:
    """What to show for `text` so that it reads on its own (see the module docstring)."""
    return _readable(text, tuple(context[-3:]))


__all__ = ["CUT", "Shown", "needs_context", "readable"]
