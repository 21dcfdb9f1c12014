"""The seed articles as topic candidates, for the summary tests."""

from __future__ import annotations

from pathlib import Path

from bot.corpus.reader import read_article
from bot.nlp.topic import Candidate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_candidates(context: bool = False) -> list[Candidate]:
    """Every sentence of every seed article, with its relative position (and, with
    `context`, the three sentences before it, as the service hands them over)."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        art = read_article(path)
        total = len(art.sentences)
        texts = [s.text for s in art.sentences]
        out += [
            Candidate(
                art.id,
                s.index,
                s.text,
                (s.index - 1) / total,
                tuple(texts[max(0, s.index - 4) : s.index - 1]) if context else (),
            )
            for s in art.sentences
        ]
    return out


def find(cands: list[Candidate], article: str, fragment: str) -> Candidate:
    """The candidate of `article` whose text contains `fragment`."""
    return next(c for c in cands if c.article == article and fragment in c.text)


def invented(*rows: tuple[str, int, str]) -> list[Candidate]:
    """Candidates written for a test: (article, sentence, text), position (sentence - 1) / 10."""
    return [Candidate(article, sentence, text, (sentence - 1) / 10) for article, sentence, text in rows]
