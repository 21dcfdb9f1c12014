"""POS-tagged sentences in the nlp-id corpus format: reading, aligning to kabar's tokens, scoring.

The corpus (`nlp_id/data/dataset_postag.txt` in the `nlp-id` wheel, kumparan news, MIT
licence) has one `word<TAB>TAG` line per token and a blank line between sentences. A few
lines carry a third field (a second tag); the first tag is kept. Its tokenizer splits
clitics off their host ("ada nya", "apa kah", "Malu ku"), which kabar's word splitter never
does, so `align` joins them back (the joined word keeps the host's tag) and re-cuts any
token that kabar would cut: "8%" becomes "8" NUM and "%" SYM, "2020-2024" becomes "2020",
"-", "2024", each number NUM.

The corpus repeats itself: about one sentence in ten occurs more than once (bylines, lone
quotes, "RT ."), and many occur again reworded ("Edhy Prabowo menegaskan, ..." next to
"Edhy Prabowo tegasi, ...") or inside another article. A random split would test on
sentences the model has nearly seen. `split` therefore drops exact repeats, links every two
sentences that share a run of five words, and holds out every 10th such group as a whole
(groups have at most a few dozen sentences, so about a tenth of the sentences are held out).

Used by `scripts/train_tagger.py`, the held-out test and `bench/tagger.py`.

Public API:
    read_sentences(text: str) -> list[list[tuple[str, str]]]   # "#" lines without a tab are comments
    align(sentence) -> list[tuple[str, str]]
    split(sentences) -> Split                     # every 10th group of near-repeats held out
    score(gold, predicted) -> Score                # token accuracy, per-tag precision and recall
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.corpus.segment import token_spans

__all__ = ["Score", "Split", "align", "read_sentences", "score", "split"]

Tagged = list[tuple[str, str]]

#: clitics the corpus splits from their host ("ku" may also open a verb: "ku inginkan")
_SUFFIXES = frozenset({"nya", "lah", "kah", "mu", "ku"})
#: how often a group of sentences is held out of training (the last of every ten)
HOLD_OUT_EVERY = 10
#: sentences sharing a run of this many words are one group (one side of the split)
_RUN = 5


def read_sentences(text: str) -> list[Tagged]:
    """Sentences of (word, tag) pairs; tags are upper-cased, extra fields ignored."""
    out: list[Tagged] = []
    cur: Tagged = []
    for line in text.splitlines():
        if not line.strip():
            if cur:
                out.append(cur)
                cur = []
            continue
        if line.startswith("#") and "\t" not in line:
            continue  # a comment (a token line always has a tab)
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0] or not fields[1]:
            raise ValueError(f"not a word<TAB>TAG line: {line!r}")
        cur.append((fields[0], fields[1].upper()))
    if cur:
        out.append(cur)
    return out


@dataclass
class Split:
    """Distinct corpus sentences: held out (as in the corpus) or for training (aligned)."""

    train: list[Tagged]
    held_out: list[Tagged]
    duplicates: int


def _groups(sentences: Sequence[Tagged]) -> list[int]:
    """For each sentence, the index of the first sentence of its group (shared 5-word runs)."""
    parent = list(range(len(sentences)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_seen: dict[tuple[str, ...], int] = {}
    for i, sentence in enumerate(sentences):
        words = [w.lower() for w, _ in sentence if _is_word(w)]
        for run in zip(*(words[k:] for k in range(_RUN))):
            j = first_seen.setdefault(run, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(len(sentences))]


def split(sentences: Iterable[Tagged]) -> Split:
    """Drop exact repeats, group near-repeats, hold out every 10th group."""
    seen: set[tuple[str, ...]] = set()
    distinct: list[Tagged] = []
    duplicates = 0
    for sentence in sentences:
        key = tuple(w for w, _ in sentence)
        if key in seen:
            duplicates += 1
        else:
            seen.add(key)
            distinct.append(sentence)
    groups = _groups(distinct)
    ordinal: dict[int, int] = {}
    result = Split([], [], duplicates)
    for sentence, group in zip(distinct, groups):
        number = ordinal.setdefault(group, len(ordinal))
        if number % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1:
            result.held_out.append(sentence)
        else:
            result.train.append(align(sentence))
    return result


def _is_word(token: str) -> bool:
    return token[-1:].isalnum()


def _join_clitics(sentence: Tagged) -> Tagged:
    """Glue split clitics back on: "ada nya" -> "adanya"; "ku" goes with a verb after it."""
    out: Tagged = []
    n = len(sentence)
    i = 0
    while i < n:
        word, tag = sentence[i]
        low = word.lower()
        nxt = sentence[i + 1] if i + 1 < n else ("", "")
        prefix = low == "ku" and nxt[0][:1].isalpha() and (nxt[1] == "VB" or not (out and _is_word(out[-1][0])))
        if tag == "NNP" or low not in _SUFFIXES:
            out.append((word, tag))
        elif prefix:
            out.append((word + nxt[0], nxt[1]))
            i += 1
        elif out and _is_word(out[-1][0]):
            out[-1] = (out[-1][0] + word, out[-1][1])
        else:
            out.append((word, tag))
        i += 1
    return out


def align(sentence: Tagged) -> Tagged:
    """The sentence in kabar's tokens, with a tag for each."""
    out: Tagged = []
    for word, tag in _join_clitics(sentence):
        spans = token_spans(word)
        if len(spans) == 1:
            out.append((word, tag))
        else:
            out.extend((word[a:b], tag if _is_word(word[a:b]) else "SYM") for a, b in spans)
    return out


@dataclass
class Score:
    """Token accuracy and per-tag precision / recall of predicted tags against gold ones."""

    tokens: int = 0
    correct: int = 0
    gold: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.tokens if self.tokens else 0.0

    def precision(self, tag: str) -> float:
        return self.hits[tag] / self.predicted[tag] if self.predicted[tag] else 0.0

    def recall(self, tag: str) -> float:
        return self.hits[tag] / self.gold[tag] if self.gold[tag] else 0.0

    def f1(self, tag: str) -> float:
        p, r = self.precision(tag), self.recall(tag)
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Score:
    """Compare tag sequences sentence by sentence (they must have equal lengths)."""
    result = Score()
    for g_seq, p_seq in zip(gold, predicted, strict=True):
        if len(g_seq) != len(p_seq):
            raise ValueError(f"{len(g_seq)} gold tags but {len(p_seq)} predicted")
        for g, p in zip(g_seq, p_seq):
            result.tokens += 1
            result.gold[g] += 1
            result.predicted[p] += 1
            if g == p:
                result.correct += 1
                result.hits[g] += 1
    return result
