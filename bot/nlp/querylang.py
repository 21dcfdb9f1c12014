"""Whether a user's topic is written in English rather than Indonesian (it is then translated first).

A topic is English when it has more English words than Indonesian ones. A known name
counts for the language it is written in: "North Korea" (the English name of Korea Utara)
is English, "Korea Utara", "NATO" or "Mark Rutte" (written so in Indonesian news) are
not. Other words count English when they are in English lists (sumy's English stop
words, `data/english_words.txt`) and not Indonesian words (PySastrawi's dictionary of root
words and its stop words), and the other way round. Words in neither ("Kursk") do not count.

Public API:
    looks_english(topic) -> bool
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from bot.corpus.segment import split_words
from bot.nlp.aliases import fold_word, load_aliases
from bot.nlp.language import root_words, stem, stop_words


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    listed = resources.files("bot.nlp").joinpath("data", "english_words.txt").read_text(encoding="utf-8")
    words = {w.strip() for w in listed.splitlines() if w.strip() and not w.startswith("#")}
    stops = resources.files("sumy").joinpath("data", "stopwords", "english.txt").read_text(encoding="utf-8")
    return frozenset(words | {w.strip() for w in stops.splitlines() if w.strip()})


def _indonesian(word: str) -> bool:
    return word in stop_words() or word in root_words() or stem(word) in root_words()


def _key(words: list[str]) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in words)


@lru_cache(maxsize=1024)
def looks_english(topic: str) -> bool:
    """True when `topic` reads as English: more English words than Indonesian ones."""
    words = split_words(topic or "")
    english = indonesian = 0
    named: set[int] = set()
    for span in load_aliases().spans(words, query=True):
        said = _key(words[span.start : span.end])
        if said in {_key(split_words(n)) for n in span.alias.names}:
            indonesian += 1
        else:
            english += 1
        named.update(range(span.start, span.end))
    for k, word in enumerate(fold_word(w) for w in words):
        if k in named or not word.isalpha():
            continue
        is_en, is_id = word in _english(), _indonesian(word)
        english += is_en and not is_id
        indonesian += is_id and not is_en
    return english > indonesian


__all__ = ["looks_english"]
