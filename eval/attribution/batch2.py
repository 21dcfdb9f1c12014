"""The draw of the sentence set's second tune batch (`sentences-tune2.jsonl`) from the nlp-id corpus.

The first batch read every cue candidate of the tune split, so the second batch is drawn
from what is left, under rules fixed before any of it was read and before the engine was
run on it:

- the sentence is `tune` by the split rule and holds an exact figure;
- it is not an item or a left-out candidate of the first batch, and its group of
  near-repeats (`kumparan.groups`) holds none of them (no rewording of a read sentence);
- its word set has a Jaccard similarity below 0.4 with every sentence of the first batch,
  tune and held-out alike, and it shares no run of five words with any of them;
- one sentence per group, the first by `kumparan.sample_key`, kept when kabar reads it as
  one sentence and it shares no five-word run with a sentence drawn before it.

Of those, every cue candidate and the first 200 plain ones were read, in `sample_key`
order; each was annotated (`sentences-tune2.jsonl`) or left out with its reason
(`sentences-tune2-left-out.tsv`). `python -m eval.attribution.batch2 [FOLDER]` prints the
draw's ids and strata, never a sentence's text: the held-out file is read only to
compare word sets.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from eval.attribution import kumparan
from eval.attribution.sentences import (
    HELD_OUT_JACCARD,
    LEFT_OUT,
    SentenceItem,
    jaccard,
    left_out,
    load_sentences,
    word_set,
)

PLAIN_READ = 200


def draw(
    sentences: Sequence[kumparan.CorpusSentence], first: Sequence[SentenceItem], read_ids: set[str]
) -> list[tuple[str, str]]:
    """(id, stratum) of the second batch's candidates in reading order: every cue one, then plain ones."""
    owner = kumparan.groups(sentences)
    taken = {owner[i] for i, s in enumerate(sentences) if kumparan.sentence_id(s.line) in read_ids}
    first_sets = [word_set(item.text) for item in first]
    first_runs = set().union(*(kumparan.runs(item.text) for item in first))
    pool = []
    for sentence, group in zip(sentences, owner):
        if sentence.split != "tune" or group in taken or not kumparan.has_figure(sentence.text):
            continue
        words = word_set(sentence.text)
        if any(jaccard(words, other) >= HELD_OUT_JACCARD for other in first_sets):
            continue
        if not kumparan.runs(sentence.text) & first_runs:
            pool.append((group, sentence))
    seen: set[int] = set()
    drawn_runs: set[tuple[str, ...]] = set()
    out = []
    for group, sentence in sorted(pool, key=lambda gs: kumparan.sample_key(gs[1].text)):
        found = kumparan.runs(sentence.text)
        if group in seen or found & drawn_runs or not kumparan.one_sentence(sentence.text):
            continue
        seen.add(group)
        drawn_runs |= found
        out.append((kumparan.sentence_id(sentence.line), kumparan.stratum(sentence.text)))
    plain = [row for row in out if row[1] == "plain"][:PLAIN_READ]
    return [row for row in out if row[1] == "cue"] + plain


def main() -> None:  # pragma: no cover - needs the wheel
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="nlp-id-"))
    sentences = kumparan.read_corpus(kumparan.download_corpus(folder))
    first = load_sentences(batches=("tune", "held-out"))
    read_ids = {item.id for item in first} | {row[0] for row in left_out(files=(LEFT_OUT,))}
    for sentence_id, kind in draw(sentences, first, read_ids):
        print(f"{sentence_id}\t{kind}")


if __name__ == "__main__":  # pragma: no cover
    main()
