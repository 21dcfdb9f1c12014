"""Indonesian language resources: a cached stemmer, its root dictionary and stop words.

The stemmer is PySastrawi's (Nazief–Adriani style, dictionary based); building it
loads a ~30k-word dictionary and stemming one word walks affix rules, so both the
stemmer and each word's stem are cached. Stop words are PySastrawi's maintained list
plus a few words that carry no content in news prose (reporting verbs, datelines).
Nothing here touches NLTK or the network.

Public API:
    stem(word: str) -> str                 lower-cased stem; digits and figures stay as they are
    is_root(word: str) -> bool             a root word of the stemmer's dictionary ("budi", "operasi")
    is_formed_word(word: str) -> bool      formed from a root ("pegadaian") or a dictionary word in -si
    stop_words() -> frozenset[str]         lower-cased Indonesian stop words
    root_words() -> frozenset[str]         PySastrawi's dictionary of Indonesian root words
    is_content_word(word: str) -> bool     not a stop word, has a letter or digit, not 1 letter
    content_stems(words: Iterable[str]) -> list[str]
        stems of the content words, with figures written one way ("10.000", "10,000" -> "10000")
        and a few news synonyms folded together (see `canonical`)
    canonical(stem: str) -> str             fold news synonyms: prajurit/pasukan -> tentara, benar -> konfirmasi
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from bot.nlp import vocab

# Words that PySastrawi's list lacks but that carry no topic in Indonesian news prose:
# the verbs that close a quotation ("kata", "ujarnya"), month and day names (shared with
# attribution, in bot/nlp/data), and dateline and abbreviation noise.
_EXTRA_STOP_WORDS = (
    vocab.words("speech_verbs")
    | frozenset(verb + "nya" for verb in vocab.words("speech_verbs"))
    | vocab.words("calendar")
    | frozenset(
        """
        kepada dikutip mengutip via
        jakarta cnn indonesia com co id antara antaranews kompas kumparan detik tribunnews
        merdeka suara liputan6 okezone tempo kontan
        yg dgn utk tsb
        """.split()
    )
)

# Words Indonesian outlets use interchangeably for the same fact, folded to one stem.
_WORD_SYNONYMS = {  # looked up before stemming (PySastrawi stems "pasukan" to "pasu")
    "prajurit": "tentara",
    "pasukan": "tentara",
    "personel": "tentara",
    "serdadu": "tentara",
}
_SYNONYMS = {  # looked up on stems
    "prajurit": "tentara",
    "benar": "konfirmasi",  # membenarkan = mengonfirmasi
    "kerah": "kirim",  # mengerahkan ~ mengirim (troops)
    "datang": "tiba",  # kedatangan ~ tiba (arrival)
}
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_HAS_ALNUM = re.compile(r"\w", re.UNICODE)
_HAS_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def _sastrawi_stemmer() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem of an Indonesian word, lower-cased; words without letters are returned as is.

    Hyphenated reduplications keep PySastrawi's treatment ("tentara-tentara" -> "tentara").
    """
    lowered = word.lower()
    if not _HAS_LETTER.search(lowered) or _unaffixable(lowered):
        return lowered
    stemmed = _sastrawi_stemmer().stem(lowered)
    return stemmed or lowered


# The shapes PySastrawi's rules can strip: its prefixes (di- ke- se- be- te- me- pe- ku- kau-
# and the infixes -er- -el- -em- -in- after a first consonant) and its suffixes.
_STRIPPABLE_START = re.compile(r"(?:di|ke|se|be|te|me|pe|ku|ka|[bcdfghjklmnpqrstvwxyz](?:er|el|em|in)[aiueo])")
_STRIPPABLE_END = re.compile(r"(?:lah|kah|tah|pun|ku|mu|nya|i|kan|an|is|isme|isasi)$")


def _unaffixable(lowered: str) -> bool:
    """True when no PySastrawi rule can apply: it would return the word unchanged.

    Most names are such words ("surabaya", "bandung", "prabowo"), and PySastrawi tries
    every rule on a word its dictionary lacks (about a millisecond each): skipping them
    makes a cold summary on a large corpus several times cheaper, with the same stems.
    """
    return (
        lowered.isascii()
        and lowered.isalpha()
        and not _STRIPPABLE_START.match(lowered)
        and not _STRIPPABLE_END.search(lowered)
    )


@lru_cache(maxsize=50_000)
def is_root(word: str) -> bool:
    """Is the lower-case `word` a root word of PySastrawi's Indonesian dictionary ("budi", "komunikasi")?"""
    return bool(_sastrawi_stemmer().delegatedStemmer.get_dictionary().contains(word))


_DERIVED_RE = re.compile(r"(?:ke|pe|per|pem|pen|peng|peny)[a-z]{3,}$")


@lru_cache(maxsize=50_000)
def is_formed_word(word: str) -> bool:
    """Is the lower-case `word` an Indonesian word formed from a root ("penyelenggara", "pegadaian",
    "perpustakaan": pe(N)-, per-, ke- ... -an) or a dictionary word in -si ("komunikasi")? Such a
    word is never a name."""
    if _DERIVED_RE.match(word):
        root = stem(word)
        if root != word and len(root) <= len(word) - 3 and is_root(root):
            return True
    return word.endswith("si") and len(word) >= 6 and is_root(word)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """PySastrawi's Indonesian stop-word list plus a few news-prose words, lower-cased."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    words = {w.strip().lower() for w in StopWordRemoverFactory().get_stop_words() if w.strip()}
    return frozenset(words | _EXTRA_STOP_WORDS)


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """PySastrawi's dictionary of Indonesian root words (the one its stemmer uses), lower-cased."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(w.strip().lower() for w in StemmerFactory().get_words() if w.strip())


def is_content_word(word: str) -> bool:
    """True for a word worth counting: not a stop word, has a word character, longer than 1."""
    lowered = word.lower()
    return len(lowered) > 1 and bool(_HAS_ALNUM.search(lowered)) and lowered not in stop_words()


def canonical(word_stem: str) -> str:
    """One spelling for a stem: figures without separators, a few synonyms folded together."""
    if _THOUSANDS.fullmatch(word_stem):
        return word_stem.replace(".", "").replace(",", "")
    return _SYNONYMS.get(word_stem, word_stem)


def content_stems(words: Iterable[str]) -> list[str]:
    """Canonical stems of the content words among `words`, in order (duplicates kept)."""
    return [_WORD_SYNONYMS.get(w.lower()) or canonical(stem(w)) for w in words if is_content_word(w)]
