"""The nlp-id news corpus as plain sentences: reading, detokenising, the split, near-repeats and the sample.

The corpus is `nlp_id/data/dataset_postag.txt` in the `nlp-id` 0.1.23.0 wheel (kumparan
news, MIT licence): one `word<TAB>TAG` line per token, a blank line between sentences,
the sentences shuffled (no article around them). `read_corpus` gives every sentence with
the 1-based line of its first token and its text as `detokenise` writes it back: no space
before punctuation, brackets and quotes attached to what they enclose, the clitics the
corpus splits off joined to their host ("ada nya" -> "adanya", "pass - nya" ->
"pass-nya", "Ma ' ruf" -> "Ma'ruf").

- The split of a sentence follows from its text alone: `tune` when the SHA-256 of the
  text (UTF-8), read as a number, is even, `held-out` otherwise (`split_for`, the rule of
  the articles applied to the text).
- The corpus repeats and rewords itself ("Edhy Prabowo menegaskan" next to "Edhy Prabowo
  tegasi"). `groups` links sentences that share a run of five words (lower case, words
  only) or differ by one word at most, directly or through others; `representatives`
  keeps one sentence of each group, the one sharing the most runs with the others (the
  wording the rewordings depart from).
- `candidates`: the kept sentences in which kabar's figure reader finds an exact figure
  (years, dates, clock times, ordinals and designations are not figures; "ribuan" alone
  does not count) and that kabar reads, as an article, as that one sentence.
- `stratum`: `cue` when a candidate holds a reporting, claim, estimate, forecast or
  decision wording or a `menurut`/`kata`/`ujar`-style attribution (`claim_words.txt`),
  `plain` otherwise.
- `sample_order`: the candidates of each split and stratum, those whose whole group lies
  in their split first (no rewording of them in the other split), each part ordered by
  the SHA-256 of `"kabar-sentences:" + text` (a key independent of the split's).

`python -m eval.attribution.kumparan [--split tune|held-out] [FOLDER]` prints the
candidates of one split in that order (FOLDER holds or receives the wheel); the
annotation read each cell from its start. Print `tune` only while developing rules.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.corpus.figures.scan import find_figures
from bot.corpus.reader import parse_article
from eval.attribution.judged import HERE, split_for
from kabar_testing.nlpid import NLP_ID_VERSION, corpus_from_wheel, download_wheel

CORPUS_SHA256 = "c2b6ef45dc1c5ddb8df0a6b2e0cf28270a9ff0a7518f71c9a60a5e0dbf8aa9b0"
CLAIM_WORDS = HERE / "claim_words.txt"
SAMPLE_SALT = "kabar-sentences:"
ONE_SENTENCE_KEY = "000_0000000000000000"
RUN = 5  # sentences sharing a run of this many words are near-repeats

Token = tuple[str, str]

_CLITICS = frozenset({"nya", "lah", "kah", "mu", "ku"})
_CLOSE_LEFT = frozenset({",", ".", ":", ";", "?", "!", ")", "]", "}", "%", "…"})
_OPEN_RIGHT = frozenset({"(", "[", "{"})
_GLUE_BOTH = frozenset({"/"})
_OPENING_QUOTES = {"“": "”", "‘": "’"}
_CLOSING_QUOTES = frozenset({"”", "’"})
_STRAIGHT_QUOTES = frozenset({'"', "'", "`"})
_ENDS_CLAUSE = frozenset({",", ".", "?", "!", "…"})


@dataclass(frozen=True)
class CorpusSentence:
    """One sentence of the corpus: where it starts, its tokens and its detokenised text."""

    line: int  # 1-based line number of its first token in dataset_postag.txt
    tokens: tuple[Token, ...]
    text: str

    @property
    def split(self) -> str:
        return split_for(self.text)


@dataclass(frozen=True)
class Candidate:
    """A sentence that may be sampled: the one kept of its group, holding a figure."""

    sentence: CorpusSentence
    one_split: bool  # every sentence of its group (its rewordings) has its split


# --------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------


def download_corpus(folder: Path) -> str:
    """nlp-id 0.1.23.0's corpus, its wheel downloaded into `folder` when absent; checked against the sampled file."""
    text = corpus_from_wheel(download_wheel(folder, NLP_ID_VERSION))
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != CORPUS_SHA256:
        raise SystemExit("dataset_postag.txt is not the file this set was sampled from")
    return text


def read_corpus(text: str) -> list[CorpusSentence]:
    """Every sentence of the corpus, with the line of its first token and its detokenised text."""
    out: list[CorpusSentence] = []
    tokens: list[Token] = []
    start = 0
    for number, line in enumerate([*text.splitlines(), ""], 1):
        if not line.strip():
            if tokens:
                out.append(CorpusSentence(start, tuple(tokens), detokenise(tokens)))
                tokens = []
            continue
        word, _, rest = line.partition("\t")
        if not tokens:
            start = number
        tokens.append((word, rest.split("\t")[0].upper()))
    return out


# --------------------------------------------------------------------------------------
# Detokenising
# --------------------------------------------------------------------------------------


def _wordlike(token: str) -> bool:
    return token[-1:].isalnum()


def join_clitics(tokens: Sequence[Token]) -> list[str]:
    """The words with split clitics joined back: "ada nya" -> "adanya", "pass - nya" -> "pass-nya",
    "ku" before a verb (or opening the sentence) -> "ku" + verb, "Ma ' ruf" -> "Ma'ruf"."""
    words: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        word, tag = tokens[i]
        low = word.lower()
        after = tokens[i + 1] if i + 1 < n else ("", "")
        before = words[-1] if words else ""
        if word in ("-", "–") and after[0].lower() == "nya" and _wordlike(before):
            words[-1] = before + "-" + after[0]
            i += 2
            continue
        if word == "'" and _apostrophe(before, after[0]):
            words[-1] = before + "'" + after[0]
            i += 2
            continue
        if tag != "NNP" and low in _CLITICS:
            if low == "ku" and after[0][:1].isalpha() and (after[1] == "VB" or not _wordlike(before)):
                words.append(word + after[0])
                i += 2
                continue
            if _wordlike(before):
                words[-1] = before + word
                i += 1
                continue
        words.append(word)
        i += 1
    return words


def _apostrophe(before: str, after: str) -> bool:
    """An apostrophe inside a word ("Ma'ruf", "Jum'at", "Qur'an", "L'Occitane"), not a single quote."""
    if not (before.isalpha() and after.isalpha() and before[:1].isupper()):
        return False
    return (len(before) <= 3 and after.islower()) or (len(before) == 1 and after[:1].isupper())


def detokenise(tokens: Sequence[Token]) -> str:
    """The sentence as a newspaper writes it."""
    out = ""
    glue_next = True  # no space before the next token
    open_quotes: list[str] = []
    words = join_clitics(tokens)
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        last = i == len(words) - 1
        if word in _STRAIGHT_QUOTES:
            closing = bool(open_quotes and open_quotes[-1] == word) or (
                word not in open_quotes and (before in _ENDS_CLAUSE or last)
            )
            if closing:
                if open_quotes and open_quotes[-1] == word:
                    open_quotes.pop()
                out += word
                glue_next = False
            else:
                open_quotes.append(word)
                out += ("" if glue_next else " ") + word
                glue_next = True
            continue
        if word in _OPENING_QUOTES or word in _OPEN_RIGHT:
            out += ("" if glue_next else " ") + word
            glue_next = True
            continue
        if word in _CLOSING_QUOTES or word in _CLOSE_LEFT:
            out += word
            glue_next = False
            continue
        if word in _GLUE_BOTH or (word in ("-", "–") and before in ("-", "–")):
            out += word
            glue_next = word in _GLUE_BOTH
            continue
        out += ("" if glue_next else " ") + word
        glue_next = False
    return out.strip()


# --------------------------------------------------------------------------------------
# Near-repeats, strata, the sample
# --------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def variants(text: str) -> set[str]:
    """The sentence's words (lower case, words only), and, from four words on, the same words
    each with one word left out: two sentences sharing one differ by one word at most."""
    words = re.findall(r"\w+", text.lower())
    found = {" ".join(words)}
    if len(words) >= 4:
        found |= {" ".join(words[:k] + words[k + 1 :]) for k in range(len(words))}
    return found


def groups(sentences: Sequence[CorpusSentence]) -> list[int]:
    """For each sentence, the index of the first sentence of its group: sentences are linked
    when they share a run of five words or differ by one word at most (`variants`), directly
    or through other sentences."""
    parent = list(range(len(sentences)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[object, int] = {}
    for i, sentence in enumerate(sentences):
        for key in (*runs(sentence.text), *variants(sentence.text)):
            j = owner.setdefault(key, i)
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [find(i) for i in range(len(sentences))]


@lru_cache(maxsize=1)
def claim_words() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """Single words and word sequences that mark a reporting, claim, estimate or decision wording."""
    single, phrases = set(), []
    for line in CLAIM_WORDS.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip().lower()
        if not line:
            continue
        parts = tuple(line.split())
        if len(parts) == 1:
            single.add(parts[0])
        else:
            phrases.append(parts)
    return frozenset(single), tuple(phrases)


def stratum(text: str) -> str:
    """`cue` when the sentence holds a reporting, claim, estimate or decision wording, else `plain`."""
    words = _words(text)
    single, phrases = claim_words()
    if any(w in single for w in words):
        return "cue"
    joined = f" {' '.join(words)} "
    return "cue" if any(f" {' '.join(p)} " in joined for p in phrases) else "plain"


def has_figure(text: str) -> bool:
    """True when kabar's figure reader finds an exact (not vague) figure in the text."""
    return any(not f.vague for f in find_figures(text))


def one_sentence(text: str) -> bool:
    """True when kabar reads the text, as an article of one paragraph, as that one sentence."""
    sentences = parse_article(text + "\n", ONE_SENTENCE_KEY).sentences
    return len(sentences) == 1 and sentences[0].text == text


def runs(text: str) -> set[tuple[str, ...]]:
    """The runs of five consecutive words of `text` (lower case, words only)."""
    words = _words(text)
    return {tuple(words[k : k + RUN]) for k in range(len(words) - RUN + 1)}


def representatives(sentences: Sequence[CorpusSentence], owner: Sequence[int]) -> dict[int, int]:
    """The sentence kept of each group: the one sharing the most runs with the others (the wording
    the rewordings depart from), the first in corpus order on a tie."""
    shared: dict[tuple[int, tuple[str, ...]], int] = {}
    for sentence, group in zip(sentences, owner):
        for run in runs(sentence.text):
            shared[group, run] = shared.get((group, run), 0) + 1
    best: dict[int, tuple[int, int]] = {}
    for i, (sentence, group) in enumerate(zip(sentences, owner)):
        score = sum(shared[group, run] - 1 for run in runs(sentence.text))
        if group not in best or score > best[group][0]:
            best[group] = (score, i)
    return {group: i for group, (_, i) in best.items()}


def candidates(sentences: Sequence[CorpusSentence]) -> list[Candidate]:
    """One sentence of every group (`representatives`) that holds a figure and that kabar reads as
    one sentence, with whether its group lies wholly in one split (no rewording of it in the
    other split), in corpus order."""
    owner = groups(sentences)
    splits: dict[int, set[str]] = {}
    for sentence, group in zip(sentences, owner):
        splits.setdefault(group, set()).add(sentence.split)
    return [
        Candidate(sentences[i], len(splits[group]) == 1)
        for group, i in sorted(representatives(sentences, owner).items(), key=lambda kv: kv[1])
        if has_figure(sentences[i].text) and one_sentence(sentences[i].text)
    ]


def sample_key(text: str) -> str:
    return hashlib.sha256((SAMPLE_SALT + text).encode("utf-8")).hexdigest()


def sample_order(pool: Iterable[Candidate]) -> dict[tuple[str, str], list[Candidate]]:
    """The candidates of each (split, stratum) in the order they were read for annotation: those
    whose group lies in one split first, each part by `sample_key`."""
    cells: dict[tuple[str, str], list[Candidate]] = {}
    for candidate in sorted(pool, key=lambda c: (not c.one_split, sample_key(c.sentence.text))):
        cells.setdefault((candidate.sentence.split, stratum(candidate.sentence.text)), []).append(candidate)
    return cells


def sentence_id(line: int) -> str:
    """The stable id of a corpus sentence: `k` and the line of its first token."""
    return f"k{line:06d}"


def main() -> None:  # pragma: no cover - needs the wheel
    """Print the candidates of one split in sample order: id, stratum, one-split group, text."""
    import argparse

    parser = argparse.ArgumentParser(description="the sentence set's candidates in the order they were read")
    parser.add_argument("--split", choices=("tune", "held-out"), default="tune")
    parser.add_argument("folder", nargs="?", type=Path, help="where the nlp-id wheel is or is downloaded to")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="nlp-id-"))
    sentences = read_corpus(download_corpus(folder))
    for (split, kind), cell in sorted(sample_order(candidates(sentences)).items()):
        for candidate in cell if split == args.split else ():
            sentence = candidate.sentence
            print(f"{sentence_id(sentence.line)}\t{kind}\t{int(candidate.one_split)}\t{sentence.text}")


if __name__ == "__main__":  # pragma: no cover
    main()
