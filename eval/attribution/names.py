"""Matching an answer's source label against the names a careful reader accepts.

`normalise` folds case, accents and punctuation; `names(source, label)` says whether a
label names an expected source (an alias, or a person's surname, as whole words, with or
without the label's parenthesised glosses); `exact_name` whether a `who` is exactly one of
those names; `forbidden` which `must_not` words of a mention a label holds.
"""

from __future__ import annotations

import re
import unicodedata

from eval.attribution.judged import ExpectedSource, Mention

_GLOSS = re.compile(r"\([^)]*\)")


def normalise(text: str) -> str:
    """Lower case, accents and punctuation folded to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", bare).split())


def contains(label: str, phrase: str) -> bool:
    """True when `phrase` stands as whole words in `label` (both normalised)."""
    needle = normalise(phrase)
    return bool(needle) and f" {needle} " in f" {normalise(label)} "


def surname(source: ExpectedSource) -> list[str]:
    """A person's last name when it is long enough to stand alone ("Santoso"), else nothing."""
    last = source.name.split()[-1]
    return [last] if source.kind == "person" and len(last) >= 3 else []


def accepted(source: ExpectedSource) -> list[str]:
    """Every name a label may use for `source`: its aliases and a person's surname."""
    return [*source.aliases, *surname(source)]


def names(source: ExpectedSource, label: str) -> bool:
    """True when `label` names `source`: an alias, or a person's surname, as whole words in the
    label or in the label with its parenthesised glosses removed ("KPU (Elections Commission) Jateng")."""
    labels = {label, _GLOSS.sub(" ", label)}
    return any(contains(text, alias) for text in labels for alias in accepted(source))


def exact_name(source: ExpectedSource, who: str) -> bool:
    """True when `who` is exactly one of the source's aliases (or a person's surname), nothing more."""
    return normalise(who) in {normalise(alias) for alias in accepted(source)}


def forbidden(mention: Mention, label: str) -> list[str]:
    """The `must_not` words of `mention` found in `label`."""
    return [word for word in mention.must_not if contains(label, word)]


__all__ = ["accepted", "contains", "exact_name", "forbidden", "names", "normalise", "surname"]
