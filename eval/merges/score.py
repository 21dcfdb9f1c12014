"""Scoring merges on the judged sentence pairs (pairs*.tsv): load, decide, count.

A pair is merged when `bot.nlp.facts.same_fact` says so, as if the two sentences came
from two outlets; TF-IDF weights are computed over all the sentences of the rows judged
together (one part of one file). The baseline merges on shared words alone (cosine >=
BASELINE_COSINE, the old bar).

Public API:
    PAIRS                                     the judged files
    load(path) -> list[dict[str, str]]        rows of one file, each with "file"
    load_all(part=None) -> list[dict]         rows of every file (of one part)
    judge(rows) -> list[(row, merged, baseline_merged)]
    judge_by_file(rows)                       judge() on each file's rows apart
    score(decisions) -> (precision, recall, f1, merges)
"""

from __future__ import annotations

from pathlib import Path

from bot.nlp.facts import same_fact, supports
from bot.nlp.textvec import cosine, stems, tfidf_vectors

HERE = Path(__file__).resolve().parent
PAIRS = sorted(HERE.glob("pairs*.tsv"))
BASELINE_COSINE = 0.4

Row = dict[str, str]


def load(path: Path) -> list[Row]:
    """The judged pairs of one file, each with its file's name under "file"."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t")), file=path.name) for line in lines[1:] if line.strip()]


def load_all(part: str | None = None) -> list[Row]:
    """Every judged pair, or those of one part ("dev", "heldout")."""
    return [row for path in PAIRS for row in load(path) if part is None or row["part"] == part]


def judge(rows: list[Row]) -> list[tuple[Row, bool, bool]]:
    """(row, merged by same_fact, merged by the baseline) for every pair (IDF over `rows`)."""
    texts = list(dict.fromkeys(t for r in rows for t in (r["text_a"], r["text_b"])))
    index = {t: k for k, t in enumerate(texts)}
    vectors = tfidf_vectors([stems(t) for t in texts])
    support = supports(texts)
    out = []
    for r in rows:
        i, j = index[r["text_a"]], index[r["text_b"]]
        merged = same_fact(vectors[i], vectors[j], support[i], support[j])
        out.append((r, merged, cosine(vectors[i], vectors[j]) >= BASELINE_COSINE))
    return out


def judge_by_file(rows: list[Row]) -> list[tuple[Row, bool, bool]]:
    """judge() on the rows of each file apart (each file's IDF its own)."""
    return [j for name in sorted({r["file"] for r in rows}) for j in judge([r for r in rows if r["file"] == name])]


def score(decisions: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    """(precision, recall, F1, merges) of (merged, judged same) decisions."""
    tp = sum(1 for merged, same in decisions if merged and same)
    fp = sum(1 for merged, same in decisions if merged and not same)
    fn = sum(1 for merged, same in decisions if not merged and same)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fp
