"""The sentence set: single news sentences of the nlp-id corpus judged for who gives their figure.

Each item is one corpus sentence read by kabar as an article of one sentence, with one
figure query and its one mention (the sentence itself): the sources named IN the
sentence, or none. The files live beside this module, one per split so that the
held-out sentences need never be opened while tuning: `sentences-tune.jsonl` and
`sentences-held-out.jsonl`; `sentences-left-out.tsv` lists the candidates read and
left out, with the reason. README.md describes the fields, the sampling and the split.

`load_sentences()` reads the items; `as_judged(items)` turns them into a `JudgedSet`
(each sentence an article, each item a query) so that `eval.attribution.score.score`
scores them exactly as the per-article queries; `sentence_problems(items)` lists what is
structurally wrong (a split or stratum that does not follow the rule, a duplicate or
near-repeat, a source not named in the sentence, a malformed mention), and
`reading_problems(items)` what kabar's own reading disagrees with (the text not read as
one sentence, the figure not parsed, or not found by kabar's figure reader inside the
quote).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.corpus.figures.query import figures_match
from bot.corpus.figures.scan import find_figures
from eval.attribution.judged import (
    HERE,
    SPLITS,
    JudgedArticle,
    JudgedSet,
    Mention,
    Query,
    mention_problems,
    read_mention,
    split_for,
)
from eval.attribution.kumparan import runs, sentence_id, stratum
from eval.attribution.score import parse_query, read_judged

FILES = {"tune": "sentences-tune.jsonl", "held-out": "sentences-held-out.jsonl"}
#: the batches, each a file: the first batch's two splits and the second tune batch, read later and
#: kept apart so that its figures are measured before any rule was fitted to it (README.md)
BATCHES = {"tune": FILES["tune"], "tune2": "sentences-tune2.jsonl", "held-out": FILES["held-out"]}
#: the second batch keeps its word sets this far from every held-out sentence (Jaccard below it)
HELD_OUT_JACCARD = 0.4
LEFT_OUT = "sentences-left-out.tsv"
LEFT_OUT_TUNE2 = "sentences-tune2-left-out.tsv"  # the second tune batch's candidates read and left out
STRATA = ("cue", "plain")
SOURCE = "kumparan (nlp-id corpus)"


@dataclass(frozen=True)
class SentenceItem:
    """One corpus sentence, its figure query and the judgement of its one mention."""

    id: str  # "k" + the line of its first token in dataset_postag.txt, six digits
    line: int
    split: str
    stratum: str  # "cue": a reporting, claim, estimate or decision wording; "plain": none
    text: str
    figure: str
    mention: Mention
    batch: str = ""  # the file it comes from (a key of BATCHES); its split when empty

    @property
    def group(self) -> str:
        """What it is reported under: its batch, or its split."""
        return self.batch or self.split


def _item(raw: dict, batch: str = "") -> SentenceItem:
    (mention,) = raw["mentions"]
    return SentenceItem(
        id=raw["id"],
        line=raw["line"],
        split=raw["split"],
        stratum=raw["stratum"],
        text=raw["text"],
        figure=raw["figure"],
        mention=read_mention(mention),
        batch=batch,
    )


def load_sentences(directory: Path = HERE, batches: Iterable[str] = tuple(BATCHES)) -> tuple[SentenceItem, ...]:
    """The items of the asked batches (all by default: `tune`, `tune2`, `held-out`), each file in its order."""
    items: list[SentenceItem] = []
    for batch in batches:
        path = directory / BATCHES[batch]
        if path.exists():
            items += [
                _item(json.loads(line), batch) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            ]
    return tuple(items)


def word_set(text: str) -> frozenset[str]:
    """The words of a text, lower case, words only."""
    return frozenset(re.findall(r"\w+", text.lower()))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of words two word sets have in common (0 when both are empty)."""
    return len(a & b) / len(a | b) if a | b else 0.0


def near_held_out(
    items: Sequence[SentenceItem], held_out: Sequence[SentenceItem], limit: float = HELD_OUT_JACCARD
) -> list[str]:
    """The ids of `items` whose word set is at least `limit` alike (Jaccard) to a held-out sentence's;
    only ids are returned, so a caller never shows held-out text."""
    sets = [word_set(item.text) for item in held_out]
    return [item.id for item in items if any(jaccard(word_set(item.text), other) >= limit for other in sets)]


def left_out(
    directory: Path = HERE, files: Iterable[str] = (LEFT_OUT, LEFT_OUT_TUNE2)
) -> list[tuple[str, str, str, str]]:
    """The candidates read and left out (of both batches by default): (id, split, stratum, reason)."""
    rows = [
        line.split("\t")
        for name in files
        if (directory / name).exists()
        for line in (directory / name).read_text(encoding="utf-8").splitlines()[1:]
        if line.strip()
    ]
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def as_judged(items: Sequence[SentenceItem]) -> JudgedSet:
    """Each sentence an article (kabar id = its position), each item a one-mention query reported under
    its batch (`tune`, `tune2` or `held-out`)."""
    articles = {item.id: JudgedArticle(item.id, SOURCE, "", "news", item.text) for item in items}
    queries = tuple(
        Query(id=item.id, article=item.id, split=item.group, figure=item.figure, mentions=(item.mention,))
        for item in items
    )
    return JudgedSet(articles=articles, queries=queries)


def _item_problems(item: SentenceItem) -> list[str]:
    where = item.id
    found = mention_problems(where, item.mention)
    if item.id != sentence_id(item.line):
        found.append(f"{where}: the id is not 'k' and the six-digit line {item.line}")
    if item.split != split_for(item.text):
        found.append(f"{where}: split {item.split!r}, but the rule gives {split_for(item.text)!r}")
    if item.stratum != stratum(item.text):
        found.append(f"{where}: stratum {item.stratum!r}, but the claim words give {stratum(item.text)!r}")
    if not item.figure.strip():
        found.append(f"{where}: empty figure")
    if item.mention.quote not in item.text or item.text.count(item.mention.quote) != 1:
        found.append(f"{where}: the quote is not found exactly once in the text")
    for source in item.mention.sources:
        if source.strength != "sentence":
            found.append(
                f"{where}: {source.name} has strength {source.strength!r}; every source here is named in the sentence"
            )
    return found


def reading_problems(items: Sequence[SentenceItem]) -> list[str]:
    """Where kabar's reading disagrees with an item: the text is not one sentence, the query is
    not an exact figure, or the figure reader finds no matching figure inside the quote."""
    articles = read_judged(as_judged(items))
    found = []
    for item in items:
        sentences = articles[item.id].sentences
        if [s.text for s in sentences] != [item.text]:
            found.append(f"{item.id}: kabar does not read the text as that one sentence")
        wanted = parse_query(item.figure)
        if wanted is None or wanted.vague:
            found.append(f"{item.id}: {item.figure!r} is not an exact figure")
            continue
        start = item.text.find(item.mention.quote)
        end = start + len(item.mention.quote)
        if not any(figures_match(f, wanted) and start <= f.start and f.end <= end for f in find_figures(item.text)):
            found.append(f"{item.id}: kabar's figure reader finds no {item.figure!r} inside «{item.mention.quote}»")
    return found


def sentence_problems(items: Sequence[SentenceItem]) -> list[str]:
    """Structural problems of the sentence set, one line each (empty when it is sound)."""
    found = []
    seen: dict[str, str] = {}
    owners: dict[tuple[str, ...], str] = {}
    for item in items:
        found += _item_problems(item)
        if item.id in seen:
            found.append(f"{item.id}: duplicate id")
        if item.text in seen.values():
            found.append(f"{item.id}: the same text as another item")
        seen[item.id] = item.text
        for run in sorted(runs(item.text)):
            other = owners.setdefault(run, item.id)
            if other != item.id:
                found.append(f"{item.id}: shares the words {' '.join(run)!r} with {other} (a near-repeat)")
                break
    for split in SPLITS if items else ():
        if not any(item.split == split for item in items):
            found.append(f"no item in split {split!r}")
    return found


__all__ = [
    "BATCHES",
    "FILES",
    "HELD_OUT_JACCARD",
    "LEFT_OUT",
    "LEFT_OUT_TUNE2",
    "STRATA",
    "SentenceItem",
    "as_judged",
    "jaccard",
    "left_out",
    "load_sentences",
    "near_held_out",
    "reading_problems",
    "sentence_problems",
    "word_set",
]
