"""The seed articles as topic candidates, for the summary tests."""

from __future__ import annotations

from pathlib import Path

from bot.corpus.reader import read_article
from bot.nlp.topic import Candidate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_candidates() -> list[Candidate]:
    """Every sentence of every seed article, with its relative position."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        art = read_article(path)
        total = len(art.sentences)
        out += [Candidate(art.id, s.index, s.text, (s.index - 1) / total) for s in art.sentences]
    return out


def find(cands: list[Candidate], article: str, fragment: str) -> Candidate:
    """The candidate of `article` whose text contains `fragment`."""
    return next(c for c in cands if c.article == article and fragment in c.text)
