"""Draw the sentence pairs judged in pairs.tsv: which pairs a topic summary could merge.

Run once to (re)draw candidates; the judged file is written by hand from its output:

    .venv/bin/python eval/merges/build_pairs.py --indosum ../shared/eval/indosum_public_100.jsonl > candidates.tsv

Pairs are drawn where merging is a real question: the seeds' cross-article pairs that share
words (cosine >= 0.15 over the seed sentences) or an exact figure; in the IndoSum articles,
pairs of one article's sentences that share words (cosine >= 0.25; a restatement within
one article stands in for two outlets wording one fact), a random sample of them, and
cross-article pairs of the IndoSum articles closest to each other (different stories that
share a field: two election boards, two MotoGP riders). The seeds and the IndoSum articles
of even index are the tuning part ("dev"); the IndoSum articles of odd index are held out.

`--second` draws the candidates of pairs-2.tsv (tuning part only, pairs not in pairs.tsv):
pairs of sentences from two different even-index IndoSum articles that share three or
more content stems (cosine >= 0.10) or an exact figure, the closest first, at most two
per pair of articles and one per pair of texts; then pairs of one even-index article's
sentences (cosine >= 0.25, three or more shared stems) in a seeded random order, at most
three per article. The pairs judged were chosen from that list by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.corpus.reader import parse_article, read_article
from bot.nlp.textvec import cosine, figure_keys, stems, tfidf_vectors

WITHIN_SAMPLE = 130
SECOND_CROSS, SECOND_WITHIN = 160, 70


def _pairs(articles, *, cross: bool, threshold: float):
    sents = [(a.id, s.index, s.text) for a in articles for s in a.sentences]
    vectors = tfidf_vectors([stems(t) for _, _, t in sents])
    for x in range(len(sents)):
        for y in range(x + 1, len(sents)):
            if (sents[x][0] != sents[y][0]) != cross:
                continue
            shared_figure = bool(figure_keys(sents[x][2]) & figure_keys(sents[y][2]))
            if cosine(vectors[x], vectors[y]) >= threshold or (cross and shared_figure):
                yield sents[x], sents[y]


def _known(path: Path) -> set[tuple[str, int, str, int]]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    cols = [line.split("\t") for line in lines if line.strip()]
    return {(c[3], int(c[4]), c[5], int(c[6])) for c in cols} | {(c[5], int(c[6]), c[3], int(c[4])) for c in cols}


def _shared(x, y) -> int:
    return len(set(stems(x[2])) & set(stems(y[2])))


def second_round(indosum) -> list[tuple[str, tuple, tuple]]:
    """The candidates of pairs-2.tsv: ("cross"|"within", sentence, sentence)."""
    known = _known(Path(__file__).with_name("pairs.tsv"))
    even = [art for k, art in enumerate(indosum) if k % 2 == 0]
    sents = [(a.id, s.index, s.text) for a in even for s in a.sentences]
    vectors = tfidf_vectors([stems(t) for _, _, t in sents])
    cross = []
    for x in range(len(sents)):
        for y in range(x + 1, len(sents)):
            a, b = sents[x], sents[y]
            if a[0] == b[0] or a[2] == b[2] or (a[0], a[1], b[0], b[1]) in known or _shared(a, b) < 3:
                continue
            similarity = cosine(vectors[x], vectors[y])
            if similarity >= 0.10 or figure_keys(a[2]) & figure_keys(b[2]):
                cross.append((similarity, a, b))
    drawn: list[tuple] = []
    per_articles: Counter[tuple] = Counter()
    texts: set[tuple] = set()
    for _, a, b in sorted(cross, key=lambda c: -c[0]):
        if per_articles[a[0], b[0]] < 2 and (a[2], b[2]) not in texts and len(drawn) < SECOND_CROSS:
            per_articles[a[0], b[0]] += 1
            texts.add((a[2], b[2]))
            drawn.append(("cross", a, b))
    within = []
    for art in even:
        own = [(art.id, s.index, s.text) for s in art.sentences]
        vecs = tfidf_vectors([stems(t) for _, _, t in own])
        for x in range(len(own)):
            for y in range(x + 1, len(own)):
                a, b = own[x], own[y]
                if (a[0], a[1], b[0], b[1]) not in known and cosine(vecs[x], vecs[y]) >= 0.25 and _shared(a, b) >= 3:
                    within.append((a, b))
    random.Random(19).shuffle(within)
    per_article: Counter[str] = Counter()
    for a, b in within:
        if per_article[a[0]] < 3 and per_article.total() < SECOND_WITHIN:
            per_article[a[0]] += 1
            drawn.append(("within", a, b))
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indosum", type=Path, default=ROOT.parent / "shared" / "eval" / "indosum_public_100.jsonl")
    parser.add_argument("--second", action="store_true", help="draw the candidates of pairs-2.tsv")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.indosum.read_text(encoding="utf-8").splitlines() if line.strip()]
    indosum = [parse_article(r["text"], f"i{k:03d}") for k, r in enumerate(rows)]
    seeds = [read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if args.second:
        for kind, a, b in second_round(indosum):
            print(f"{kind}\t{a[0]}:{a[1]}\t{b[0]}:{b[1]}\t{a[2]}\t{b[2]}")
        return

    drawn = [("dev", "seeds", a, b) for a, b in _pairs(seeds, cross=True, threshold=0.15)]
    within = [p for art in indosum for p in _pairs([art], cross=False, threshold=0.25)]
    for a, b in random.Random(9).sample(within, min(WITHIN_SAMPLE, len(within))):
        drawn.append(("dev" if int(a[0][1:]) % 2 == 0 else "heldout", "indosum", a, b))
    docs = tfidf_vectors([stems(" ".join(s.text for s in art.sentences[:6])) for art in indosum])
    for i in range(len(indosum)):
        for j in range(i + 1, len(indosum)):
            if cosine(docs[i], docs[j]) > 0.12:
                part = "dev" if i % 2 == 0 and j % 2 == 0 else "heldout"
                drawn += [
                    (part, "indosum", a, b) for a, b in _pairs([indosum[i], indosum[j]], cross=True, threshold=0.15)
                ]
    print("id\tpart\tcorpus\tarticle_a\tsentence_a\tarticle_b\tsentence_b\tlabel\ttext_a\ttext_b")
    for number, (part, corpus, a, b) in enumerate(drawn, start=1):
        print(f"p{number:03d}\t{part}\t{corpus}\t{a[0]}\t{a[1]}\t{b[0]}\t{b[1]}\t\t{a[2]}\t{b[2]}")


if __name__ == "__main__":
    main()
