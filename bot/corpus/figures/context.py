"""The words around a number: qualifier, counted noun, and whether it is a count at all.

Before a number: a qualifier in English (about, more than, less than, almost, as many as,
at least, up to) from `data/qualifiers.tsv`, found in the last words before it, also
across a linking word ("hampir mencapai tiga tahun").

After a number: the counted noun (`unit_after`), lower-cased, without a "-nya" suffix
("10.000 personelnya" -> "personel"), a currency code for a currency word ("5 juta dolar"
-> "usd"), and None after a function word, a number word or a month.

Not counts (`not_a_count`, for a plain integer): years (a 4-digit 1900-2100 number
standing alone, or after tahun, sejak, pada, awal, akhir, a month ...; "1438 Hijriah"),
days of the month ("19 Juni"), clock times ("10 WIB", "jam 10"), minute marks ("(22’)"),
list numbers ("1." opening a text), designations ("Pasal 5", "No. 3", "tanggal 5") and a
small number right after a capitalised name with nothing counted after it ("Liga 1",
"Jurassic World 2"). The words that decide are in `data/context_words.tsv` and
`data/months.tsv`.
"""

from __future__ import annotations

import re

from bot.corpus.figures.units import currency_after
from bot.corpus.figures.vocab import (
    CLOCK_WORDS,
    COMPARATIVES,
    CURRENCIES,
    DESIGNATION_WORDS,
    ERA_WORDS,
    IDIOMS,
    MONTH_NAMES,
    MONTH_STEMS,
    NAMING_WORDS,
    NEVER_UNITS,
    NOT_UNITS,
    PERCENT_WORDS,
    QUALIFIER_LINKS,
    QUALIFIERS,
    TAHUN_WORDS,
    YEAR_PAIR_WORDS,
    YEAR_WORDS,
    L,
    alternation,
)

_MONTH_NAMES = frozenset(MONTH_NAMES)
_LETTERS_AFTER_RE = re.compile(rf"\s*({L}+)")
TIME_AFTER_RE = re.compile(rf"\s*(?:{alternation(CLOCK_WORDS)})(?!{L})", re.IGNORECASE)
PERCENT_AFTER_RE = re.compile(rf"\s*(%|{alternation(PERCENT_WORDS)})(?!{L})", re.IGNORECASE)
MORE_AFTER_RE = re.compile(rf"\s+lebih(?!{L})(?!\s+(?:{alternation(COMPARATIVES)})(?!{L}))", re.IGNORECASE)
_ERA_AFTER_RE = re.compile(rf"\s*(?:{alternation(ERA_WORDS)})(?!\w)")
_UNIT_AFTER_RE = re.compile(rf"[ \t]+({L}+(?:-{L}+)?)")
_WORD_AFTER_RE = re.compile(rf"\s+({L}+)(?!{L})")
_VERB_LIKE_RE = re.compile(r"(?:me|di|ber|ter)\w{4,}")

#: qualifiers strong enough to make a year-like number a count ("sebanyak 2000")
_COUNT_QUALIFIERS = frozenset({"as many as", "at least", "more than", "less than", "almost"})


def is_month(word: str) -> bool:
    """Whether a lower-cased word names a month ("juni", "okt", misspelt "oktoiber")."""
    return word in _MONTH_NAMES or (word.startswith(MONTH_STEMS) and word.isalpha())


def month_after(text: str, pos: int) -> bool:
    """Whether the word right after `pos` names a month ("19 Juni", "21-28 Mei")."""
    m = _LETTERS_AFTER_RE.match(text, pos)
    return m is not None and is_month(m.group(1).lower())


class Before:
    """The words right before a number (lower-cased), read once per candidate."""

    __slots__ = ("_head", "spaced", "words")

    def __init__(self, head: str) -> None:
        self.words = head.lower().split()[-4:]
        self.spaced = head[-1:].isspace()
        self._head = head

    def follows_a_name(self) -> bool:
        """The number comes right after a capitalised word that does not open the sentence."""
        if not self.spaced:
            return False
        words = self._head.split()[-2:]
        if len(words) < 2 or not words[-1].isalpha() or not words[-1][0].isupper():
            return False
        return words[-2][-1] not in ".!?:;\"“”'‘’([-–—"

    def last(self) -> str:
        """The last word before the number, without punctuation ("ayat (" -> "ayat")."""
        for word in reversed(self.words):
            word = word.strip(".,:;([{\"“‘'")
            if word:
                return word
        return ""

    def qualifier(self) -> str | None:
        if not self.spaced or not self.words:
            return None
        words = self.words
        found = _qualifier_at_end(words)
        if found is None and len(words) > 1 and words[-1] in QUALIFIER_LINKS:
            found = _qualifier_at_end(words[:-1])
        return found

    def is_year_context(self) -> bool:
        last = self.last()
        if last in YEAR_WORDS or is_month(last):
            return True
        return len(self.words) >= 2 and self.words[-2] in YEAR_PAIR_WORDS

    def names_with_a_number_word(self) -> bool:
        """A number word after this names something rather than counts ("roda dua")."""
        return self.last() in NAMING_WORDS


def _qualifier_at_end(words: list[str]) -> str | None:
    for k in (3, 2, 1):
        if len(words) >= k:
            found = QUALIFIERS.get(" ".join(words[-k:]))
            if found is not None:
                return found
    return None


def unit_after(text: str, pos: int) -> str | None:
    """The counted noun (or currency code) right after `pos`, or None."""
    m = _UNIT_AFTER_RE.match(text, pos)
    if not m:
        return None
    word = m.group(1).lower()
    if word in NOT_UNITS or word in NEVER_UNITS or is_month(word):
        return None
    if word.endswith("nya") and len(word) > 5:
        word = word[:-3]
    return currency_after(text, pos, word) if word in CURRENCIES else word


def idiom_end(text: str, start: int, end: int, before: Before) -> int | None:
    """Where the idiom holding the number words at `start:end` ends ("empat mata"), or None."""
    shapes = IDIOMS.get(" ".join(text[start:end].lower().split()))
    if shapes is None:
        return None
    said = [w.strip(".,:;!?()[]\"“”'‘’") for w in before.words]
    for words_before, words_after in shapes:
        if words_before and said[-len(words_before) :] != list(words_before):
            continue
        if not words_after:
            return end
        after, stop = _words_after(text, end, len(words_after))
        if after == list(words_after):
            return stop
    return None


def _words_after(text: str, pos: int, n: int) -> tuple[list[str], int]:
    words = []
    for _ in range(n):
        m = _WORD_AFTER_RE.match(text, pos)
        if m is None:
            break
        words.append(m.group(1).lower())
        pos = m.end()
    return words, pos


def not_a_count(text: str, e: int, raw: str, before: Before) -> bool:
    """Whether a plain integer is a year, a day of the month, a time or a designation."""
    if TIME_AFTER_RE.match(text, e):
        return True  # 10 WIB
    if e < len(text) and text[e] in "’'′":
        return True  # a minute mark: Terry (22’)
    last = before.last()
    if not before.words and e < len(text) and text[e] in ".)" and (e + 1 == len(text) or text[e + 1].isspace()):
        return True  # a list item number: "1. ..." at the start of the text
    if last in DESIGNATION_WORDS or last in NAMING_WORDS:
        return True  # Pasal 5, No. 3, tanggal 5
    if last == "jam" and not (len(before.words) >= 2 and before.words[-2][:1].isdigit()):
        return True  # jam 10 pagi (but "3 jam 20 menit" is a duration)
    if last and is_month(last):
        return True  # Januari 2025, Oktober 3
    if len(raw) <= 2 and 1 <= int(raw) <= 31 and month_after(text, e):
        return True  # 19 Juni, 13 Oktober
    if len(raw) in (3, 4) and (last in TAHUN_WORDS or _ERA_AFTER_RE.match(text, e)):
        return True  # tahun 2022, 1438 Hijriah
    if len(raw) == 4:
        if before.is_year_context():
            return True  # sejak 2023, pada 2024, musim gugur 2023
        year = int(raw)
        if 1900 <= year <= 2100:
            if PERCENT_AFTER_RE.match(text, e):
                return False
            noun = unit_after(text, e)
            if noun is not None and not _VERB_LIKE_RE.match(noun):
                return False  # 2000 tentara (but "Lebaran 2017 melonjak" is a year)
            return before.qualifier() not in _COUNT_QUALIFIERS
    if len(raw) <= 3 and before.follows_a_name() and unit_after(text, e) is None:
        return before.qualifier() is None  # Liga 1, Jurassic World 2, iPhone 4
    return False
