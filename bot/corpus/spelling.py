"""How Indonesian words are misspelt: folded terms, one-edit lookup keys, sound keys, plausible typos.

"Did you mean" works on the corpus's own vocabulary. Each indexed term is stored under a
few short keys (`lookup_keys`): the term itself, each one-letter deletion of it and its
sound key (`sound_key`: old and new spellings written one way, doubled letters once).
Two words share a key when one letter was dropped, added, replaced or two letters
swapped, or when they sound alike (Soekarno, Sukarno). A shared key only makes a
candidate; `typo_cost` then decides whether the candidate is a plausible intended word:
a replaced letter must be a neighbouring key, a vowel for a vowel or a letter that
sounds alike, and the first letter must stay (unless the words sound alike). An
unrelated word that merely shares letters is no suggestion.

Public API:
    fold(token) -> str                          lower case without diacritics, as the FTS tokenizer folds
    words(text) -> list[str]                    the runs of letters and digits, as the FTS tokenizer cuts
    index_terms(texts) -> set[str]              folded alphabetic terms of MIN_LENGTH+ letters in `texts`
    lookup_keys(term) -> set[str]               the keys a folded term is stored and looked up under
    sound_key(term) -> str                      the term written as it sounds
    typo_cost(typed, term) -> float | None      lower is likelier; None: `term` is not a plausible intent
    written_form(term, texts) -> (str, bool)    how `texts` write `term` and whether it reads as a name
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MIN_LENGTH = 4  # shorter words have too many neighbours to suggest anything useful
MAX_LENGTH = 40
VOWELS = frozenset("aiueo")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Rules:
    neighbours: frozenset[tuple[str, str]]
    alike: frozenset[tuple[str, str]]
    sounds: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    rows: dict[str, list[tuple[str, str]]] = {"keyboard": [], "sound": [], "alike": []}
    text = resources.files("bot.corpus").joinpath("data/spelling.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, a, b = line.split("\t")
            rows[kind].append((a, b))
    places = {}
    for row, (letters, shift) in enumerate(rows["keyboard"]):
        for column, letter in enumerate(letters):
            places[letter] = (row, column + float(shift))
    neighbours = {
        (a, b)
        for a, (row_a, x_a) in places.items()
        for b, (row_b, x_b) in places.items()
        if a != b and abs(row_a - row_b) <= 1 and abs(x_a - x_b) <= (1.0 if row_a == row_b else 0.75)
    }
    alike = {pair for a, b in rows["alike"] for pair in ((a, b), (b, a))}
    return _Rules(frozenset(neighbours), frozenset(alike), tuple(rows["sound"]))


def fold(token: str) -> str:
    """Lower-case and strip diacritics the way the FTS tokenizer does ("Kyïv" -> "kyiv")."""
    lowered = token.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The runs of letters and digits in `text` (the tokens the FTS tokenizer sees)."""
    return _WORD.findall(text)


def index_terms(texts: Iterable[str]) -> set[str]:
    """The folded alphabetic terms worth suggesting in `texts` (no numbers, MIN_LENGTH+ letters)."""
    found = set(_WORD.findall(" ".join(texts)))  # each distinct word once: articles repeat theirs
    return {fold(word) for word in found if MIN_LENGTH <= len(word) <= MAX_LENGTH and word.isalpha()}


def sound_key(term: str) -> str:
    """`term` written as it sounds: old spellings modernised, `iy` before a vowel as `i`, doubles once."""
    key = term
    for old, new in _rules().sounds:
        key = key.replace(old, new)
    key = re.sub(r"iy(?=[aiueo])", "i", key)
    return re.sub(r"(.)\1+", r"\1", key)


def lookup_keys(term: str) -> set[str]:
    """The term, each one-letter deletion of it and its sound key (after a digit: it is no word)."""
    keys = {term[:i] + term[i + 1 :] for i in range(len(term))}
    keys.add(term)
    keys.add("0" + sound_key(term))
    return {key for key in keys if key}


def _substitution_ok(a: str, b: str) -> bool:
    rules = _rules()
    return (a in VOWELS and b in VOWELS) or (a, b) in rules.neighbours or (a, b) in rules.alike


def typo_cost(typed: str, term: str) -> float | None:
    """How plausible it is that someone typing `typed` meant `term` (both folded); None: not at all.

    0.5: they sound alike (a doubled letter included); 1: two neighbouring letters
    swapped, a letter added or dropped, or one replaced by a neighbouring key, a vowel
    by a vowel, or a letter by one that sounds alike.
    """
    if typed == term or len(typed) < MIN_LENGTH or len(term) < MIN_LENGTH:
        return None
    if sound_key(typed) == sound_key(term):
        return 0.5
    if typed[0] != term[0]:
        return None
    if len(typed) == len(term):
        diffs = [i for i, (x, y) in enumerate(zip(typed, term)) if x != y]
        if (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and typed[diffs[0]] == term[diffs[1]]
            and typed[diffs[1]] == term[diffs[0]]
        ):
            return 1.0  # swapped neighbours
        if len(diffs) == 1 and _substitution_ok(typed[diffs[0]], term[diffs[0]]):
            return 1.0
        return None
    longer, shorter = (typed, term) if len(typed) > len(term) else (term, typed)
    if len(longer) != len(shorter) + 1:
        return None
    if any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))):
        return 1.0
    return None


def written_form(term: str, texts: Iterable[str]) -> tuple[str, bool]:
    """How `texts` write the folded `term`, and whether it reads as a name.

    A name is capitalised wherever it stands inside a sentence; a word that opens a
    sentence says nothing either way.
    """
    forms: Counter[str] = Counter()
    inside = capitalised = 0
    for text in texts:
        for number, match in enumerate(_WORD.finditer(text)):
            word = match.group()
            if fold(word) != term:
                continue
            forms[word] += 1
            if number:
                inside += 1
                capitalised += word[:1].isupper()
    if not forms:
        return term, False
    is_name = inside > 0 and capitalised * 3 >= inside * 2
    if not is_name:
        return term, False
    return max((w for w in forms if w[:1].isupper()), key=lambda w: (forms[w], w)), True
