"""Part-of-speech tags for Indonesian news text: the committed CRF model and its features.

The model is a linear-chain CRF (python-crfsuite) trained by `scripts/train_tagger.py` on
the POS-tagged kumparan news corpus that the `nlp-id` package ships (MIT licence; see
`bot/nlp/data/NOTICE`). Its tags are the corpus' own: NNP (proper noun), NN (noun), VB
(verb), JJ (adjective), ADV, IN (preposition), SC / CC (conjunctions), PR (pronoun), DT,
NUM, NEG, RP (particle), FW (foreign word), UH (interjection), SYM (punctuation, symbols).

What NNP means in that corpus, which is what a caller gets: personal names, places,
organisations, events and titles of works are all NNP, and so are most capitalised role
words before a name ("Menteri", "Kapolda", "Gubernur", "Bupati", "Sekjen", "Wakil", and
"Presiden" or "Direktur" inside a sentence), while some stay common nouns ("Direktur" or
"Presiden" opening a sentence, "Ketua" half the time; "Juru Bicara" is NN VB). So a run of
NNP tokens may be a role plus a name, and a role may sit just outside the run: telling the
role from the name stays the job of the role tables in the attribution engine; the tagger
tells names from the verbs and nouns around them. Capitalised common words that open a
sentence ("Menanggapi", "Berbicara", "Hal", "Pelaksana tugas") are tagged as the verbs
and nouns they are.

Measured on held-out corpus sentences (`scripts/train_tagger.py`): 98.3% of tokens right;
NNP precision 98.5%, recall 98.7%; 1.1% of capitalised sentence-initial words that are not
names come out NNP. The price of not trusting a capital at the start: a name the model has
never seen that opens a sentence is NNP only about 7 times in 8 (a capitalised unknown word
inside a sentence almost always is), so a caller that needs every name should also trust
NNP tags the same word gets elsewhere in the article.

Tokens are those of `bot.corpus.segment.token_spans`: kabar's words plus one token for
each punctuation mark. The corpus splits clitics off their host ("rumah nya", "apa kah");
the training script joins them back, so a tag belongs to a whole word as kabar sees it
("ujarnya" is VB, "Menurutnya" IN).

Public API:
    token_features(words: Sequence[str]) -> list[list[str]]   # shared by training and tagging
    PosTagger.load(path: Path | None = None) -> PosTagger     # raises TaggerModelError
    PosTagger.tag(words: Sequence[str]) -> list[str]
    PosTagger.tag_text(text: str) -> list[TaggedWord]
    PosTagger.labels -> tuple[str, ...]
    default_tagger() -> PosTagger                             # the committed model, loaded once

Threads: a crfsuite tagger holds the sequence it is working on, so one cannot serve two
threads at once. `PosTagger` keeps the model bytes and a lock around the C tagger; crfsuite
does not release the GIL while it decodes, so the lock costs no parallelism (measured in
`bench/tagger.py`). `default_tagger()` is the only cache: one read-only model per process.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from bot.corpus.segment import token_spans
from bot.errors import TaggerModelError

__all__ = ["MODEL_NAME", "PosTagger", "TaggedWord", "default_tagger", "token_features"]

#: file name of the committed model in bot/nlp/data/ (package data)
MODEL_NAME = "pos_tagger.crfsuite"

#: typographic marks folded to the ASCII ones the corpus uses
_FOLD = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'", "–": "-", "—": "-", "…": "."}
)


#: a crfsuite model file: "lCRF", its size, "FOMC", four header numbers, then the offsets
#: of its five chunks, each of which starts with its tag and its size
_HEADER = struct.Struct("<4sI4s4I5I")
_CHUNKS = (b"FEAT", b"CQDB", b"CQDB", b"LFRF", b"AFRF")


def _layout_problem(model: bytes) -> str | None:
    """Why `model` is not a whole crfsuite model file, or None.

    crfsuite trusts the offsets inside a model and crashes the process on a truncated
    file, so the layout is checked before crfsuite sees the bytes.
    """
    if len(model) < _HEADER.size:
        return f"{len(model)} bytes is too short"
    magic, size, kind, *numbers = _HEADER.unpack_from(model)
    if magic != b"lCRF" or kind != b"FOMC":
        return "not a crfsuite CRF model"
    if size != len(model):
        return f"the header says {size} bytes, the file has {len(model)}"
    end = _HEADER.size
    for tag, at in zip(_CHUNKS, numbers[4:]):
        if at < end or at + 8 > size or model[at : at + 4] != tag:
            return f"no {tag.decode()} chunk at byte {at}"
        end = at + int.from_bytes(model[at + 4 : at + 8], "little")
        if end > size:
            return f"the {tag.decode()} chunk at byte {at} runs past the end"
    return None


@dataclass(frozen=True, slots=True)
class TaggedWord:
    """One token of a text with its tag; `text[start:end] == word`."""

    word: str
    start: int
    end: int
    tag: str


#: tokens after which the next word starts a sentence or a quotation, where a capital
#: letter says nothing about names ("Menanggapi hal itu", `"Kami ...`, `(Baca: ...`)
_OPENERS = frozenset({'"', "'", "(", "[", ":", ";", "-", ".", "?", "!"})


def _shape(word: str) -> str:
    """A coarse spelling class: Title, UPPER, lower, digits, punctuation or mixed."""
    if word.isalpha():
        if word.islower():
            return "a"
        if word.isupper():
            return "A" if len(word) > 1 else "I"  # "I": a lone capital, often an initial
        return "Aa" if word[0].isupper() and word[1:].islower() else "aA"
    if word.isdigit():
        return "d"
    if not any(ch.isalnum() for ch in word):
        return "p"
    if word[0].isdigit():
        return "d."  # 10.000, 2,5, 27/2, 1990-an
    if "-" in word:
        return "Aa-" if word[0].isupper() else "a-"
    return "x"  # letters with digits: G7, A330, KN23


#: shapes of words made of letters, whose first and last letters carry morphology
_LETTER_SHAPES = frozenset({"a", "Aa", "A", "aA", "a-", "Aa-"})


def token_features(words: Sequence[str]) -> list[list[str]]:
    """CRF attributes for each token of one sentence (the only feature extractor).

    For each token: its lower-cased form; its spelling shape, written `S=` instead of
    `s=` where a sentence or quotation starts (a capital there is no sign of a name);
    two- and three-letter prefixes and suffixes of words (me-, di-, ber-, -kan, -an,
    -nya); the previous and next words and their shapes, and the word pairs they form.
    Their worth on held-out data is noted in `scripts/train_tagger.py`.
    """
    lows = [w.lower() for w in words]
    lows = [w if w.isascii() else w.translate(_FOLD) for w in lows]  # translate is slow
    shapes = [_shape(w) for w in words]
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        low, shape = lows[i], shapes[i]
        feats = ["b", "w=" + low]
        if i == 0:
            feats += ["S=" + shape, "first"]
        else:
            prev = lows[i - 1]
            feats += [
                ("S=" if prev in _OPENERS else "s=") + shape,
                "-w=" + prev,
                "-s=" + shapes[i - 1],
                "-w|w=" + prev + "|" + low,
            ]
        if shape in _LETTER_SHAPES:
            feats += ["p2=" + low[:2], "p3=" + low[:3], "x2=" + low[-2:], "x3=" + low[-3:]]
        if i + 1 < n:
            nxt = lows[i + 1]
            feats += ["+w=" + nxt, "+s=" + shapes[i + 1], "w|+w=" + low + "|" + nxt]
        else:
            feats.append("last")
        out.append(feats)
    return out


class PosTagger:
    """A loaded part-of-speech model; safe to share between threads."""

    def __init__(self, model: bytes, *, source: str = "<memory>") -> None:
        self._model = model
        self._source = source
        self._lock = threading.Lock()
        self._tagger = pycrfsuite.Tagger()
        problem = _layout_problem(model)
        if problem:
            raise TaggerModelError(
                "The part-of-speech model is damaged and cannot be read.",
                hint=f"{source}: {problem}; rebuild it with scripts/train_tagger.py",
            )
        try:
            self._tagger.open_inmemory(model)
            self.labels: tuple[str, ...] = tuple(self._tagger.labels())
        except Exception as exc:  # crfsuite says "invalid model" in several ways
            raise TaggerModelError(
                "The part-of-speech model is damaged and cannot be read.",
                hint=f"{source}: rebuild it with scripts/train_tagger.py",
            ) from exc
        if not self.labels:
            raise TaggerModelError(
                "The part-of-speech model has no tags.",
                hint=f"{source}: rebuild it with scripts/train_tagger.py",
            )

    @classmethod
    def load(cls, path: Path | None = None) -> PosTagger:
        """Read a model file (the committed one when `path` is None)."""
        try:
            if path is None:
                ref = resources.files("bot.nlp") / "data" / MODEL_NAME
                return cls(ref.read_bytes(), source=str(ref))
            return cls(Path(path).read_bytes(), source=str(path))
        except OSError as exc:
            where = path if path is not None else f"bot/nlp/data/{MODEL_NAME}"
            raise TaggerModelError(
                "The part-of-speech model file is missing or unreadable.",
                hint=f"{where}: {exc.strerror or exc}; rebuild it with scripts/train_tagger.py",
            ) from exc

    def tag(self, words: Sequence[str]) -> list[str]:
        """One tag per token; an empty sequence gives an empty list."""
        if not words:
            return []
        feats = token_features(words)
        with self._lock:
            try:
                return self._tagger.tag(feats)
            except (SystemError, UnicodeError):
                # a lone surrogate (text decoded with errors="surrogateescape") cannot be
                # encoded for crfsuite; such a word is tagged as the "?" it is shown as
                clean = [w.encode("utf-8", "replace").decode("utf-8") for w in words]
                return self._tagger.tag(token_features(clean))

    def tag_text(self, text: str) -> list[TaggedWord]:
        """Tokenise `text` as `token_spans` does and tag every token."""
        spans = token_spans(text)
        words = [text[a:b] for a, b in spans]
        tags = self.tag(words)
        return [TaggedWord(w, a, b, t) for w, (a, b), t in zip(words, spans, tags)]

    def __repr__(self) -> str:
        return f"PosTagger({self._source!r}, {len(self._model)} bytes)"


@cache
def default_tagger() -> PosTagger:
    """The committed model, read once per process (the cache holds a read-only tagger)."""
    return PosTagger.load()
