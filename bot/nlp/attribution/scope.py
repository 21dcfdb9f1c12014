"""Scope: whether a source stands behind the figure itself or only behind the event it describes.

"Sekitar 10.000 tentara ... dilaporkan tiba di Kursk. Kedatangan tentara Korut
dikonfirmasi langsung oleh ... Mark Rutte": Rutte confirms the arrival, not the number,
so his scope is "event". "Hal itu dibenarkan oleh X" refers back to the whole statement,
figure included: scope "figure". Event nouns and their English are data
(`bot/nlp/data/events.tsv`); a nominalised head that is not listed ("kerusakan ...",
"penyerbuan ...") is an event kept in Indonesian as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.nlp import vocab

_EVENTS = vocab.table("events").mapping("english")
_ANAPHORA = vocab.words("anaphora")
_OPENERS = vocab.words("connectives") | {"dan", "pun"}

#: ke-an, pe(N)-an, per-an nominalisations: "kedatangan", "pengiriman", "perpindahan"
_NOMINAL_RE = re.compile(r"^(?:ke|pe[mnr]?|peng|peny)[a-z]{3,}an(?:nya)?$")


class Scope(StrEnum):
    """What a source stands behind: the number ("figure") or only what it describes ("event")."""

    FIGURE = "figure"
    EVENT = "event"


@dataclass(frozen=True)
class Reference:
    """What a back-referring phrase points at: its scope, and for an event its label."""

    scope: Scope
    event: str | None = None  # English ("the arrival"), or None when only the original is known
    event_text: str | None = None  # the phrase as written ("Kedatangan tentara Korut")


def reference(phrase: str) -> Reference | None:
    """Scope of a phrase that refers back to the sentence before ("Hal itu", "Kedatangan tentara Korut").

    None when the phrase does not open with a back-reference or an event noun.
    """
    words = re.findall(r"[\w-]+", phrase)
    low = [w.lower() for w in words]
    i = 0
    while i < len(low) and low[i] in _OPENERS and low[i] not in _ANAPHORA:
        i += 2 if low[i : i + 2] == ["selain", "itu"] else 1
    if i >= len(low):
        return None
    head = low[i]
    if head in _ANAPHORA:
        return Reference(Scope.FIGURE)
    two = " ".join(low[i : i + 2])
    noun = two if two in _EVENTS else head if head in _EVENTS else None
    if noun is None and not _NOMINAL_RE.match(head):
        return None
    text = " ".join(words[i : i + 4]).strip()
    english = f"the {_EVENTS[noun]}" if noun is not None else None
    return Reference(Scope.EVENT, english, text)


def event_phrase(stance: str, ref: Reference) -> str:
    """ "confirmed the arrival; gave no figure" (or the event as written, in quotes)."""
    event = ref.event or f"“{ref.event_text}”"
    verb = "could not verify" if stance == "unverified" else stance
    return f"{verb} {event}; gave no figure"
