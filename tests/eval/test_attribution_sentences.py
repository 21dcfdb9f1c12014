"""The committed sentence set is sound: splits and strata follow their rules, kabar reads every item as
judged, no duplicates or near-repeats, valid fields, and enough of each kind."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from eval.attribution.judged import HERE, SPEAKER_OUTSIDE, split_for
from eval.attribution.kumparan import runs, sentence_id, stratum
from eval.attribution.names import forbidden
from eval.attribution.score import score
from eval.attribution.sentences import (
    BATCHES,
    FILES,
    HELD_OUT_JACCARD,
    SentenceItem,
    as_judged,
    jaccard,
    left_out,
    load_sentences,
    near_held_out,
    reading_problems,
    sentence_problems,
    word_set,
)

ROOT = Path(__file__).resolve().parents[2]

LEFT_OUT_KINDS = (
    "fragment",
    "no quantity",
    "not a sentence",
    "uncertain",
    "reworded attribution verb",
    "the figure reader",
)


@pytest.fixture(scope="module")
def items() -> tuple[SentenceItem, ...]:
    return load_sentences()


def test_the_set_has_no_structural_problem(items: tuple[SentenceItem, ...]) -> None:
    assert sentence_problems(items) == []


def test_kabar_reads_every_sentence_quote_and_figure_as_judged(items: tuple[SentenceItem, ...]) -> None:
    assert reading_problems(items) == []


def test_each_file_holds_its_own_split_only() -> None:
    for batch, name in BATCHES.items():
        split = "tune" if batch == "tune2" else batch
        rows = [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        assert rows and {row["split"] for row in rows} == {split}, name
        assert all(split_for(row["text"]) == split for row in rows), name
        assert [row["id"] for row in rows] == sorted(row["id"] for row in rows), name


def test_the_first_batch_is_big_and_balanced(items: tuple[SentenceItem, ...]) -> None:
    items = tuple(item for item in items if item.batch in FILES)
    cells = Counter((item.split, item.stratum) for item in items)
    assert len(items) >= 400, cells
    assert all(cells[split, kind] >= 80 for split in FILES for kind in ("cue", "plain")), cells
    splits = Counter(item.split for item in items)
    assert all(0.45 <= splits[split] / len(items) <= 0.55 for split in FILES), splits
    cue = sum(1 for item in items if item.stratum == "cue") / len(items)
    assert 0.55 <= cue <= 0.65, cue


def test_the_second_tune_batch_is_tune_only_and_far_from_every_held_out_sentence(
    items: tuple[SentenceItem, ...],
) -> None:
    batch = [item for item in items if item.batch == "tune2"]
    held_out = [item for item in items if item.batch == "held-out"]
    assert len(batch) >= 150 and held_out
    assert {item.split for item in batch} == {"tune"} and all(split_for(item.text) == "tune" for item in batch)
    assert not {item.id for item in batch} & {item.id for item in items if item.batch != "tune2"}
    # the exclusion held when the batch was drawn: no word set this alike to a held-out one (ids only)
    assert near_held_out(batch, held_out) == []
    closest = max(jaccard(word_set(a.text), word_set(b.text)) for a in batch for b in held_out)
    assert closest < HELD_OUT_JACCARD
    cells = Counter(item.stratum for item in batch)
    assert cells["cue"] >= 12 and cells["plain"] >= 120, cells
    assert sum(1 for item in batch if item.mention.sources) >= 10


def test_the_held_out_check_flags_alike_word_sets_by_id_only() -> None:
    assert jaccard(word_set("Ada 3 orang di sana."), word_set("ada 3 orang di sini")) == 4 / 6
    assert jaccard(frozenset(), frozenset()) == 0.0
    mention = load_sentences()[0].mention
    near = SentenceItem("k000011", 11, "tune", "plain", "Ada 3 orang di sana kemarin.", "3", mention)
    far = SentenceItem("k000022", 22, "tune", "plain", "Harga cabai naik 5 persen.", "5 persen", mention)
    held = SentenceItem("k000033", 33, "held-out", "plain", "Ada 3 orang di sana.", "3", mention)
    assert near_held_out([near, far], [held]) == ["k000011"]
    assert near_held_out([near, far], [held], limit=0.9) == []


def test_sources_kinds_stances_and_unnamed_cases_all_occur(items: tuple[SentenceItem, ...]) -> None:
    mentions = [item.mention for item in items]
    sources = [s for m in mentions for s in m.sources]
    assert {"person", "organization", "anonymous", "document"} <= {s.kind for s in sources}
    assert {"reported", "claimed", "confirmed", "estimated", "predicted", "alleged", "decided"} <= {
        s.stance for s in sources
    }
    assert {"reported", "estimated", "predicted", "claimed", "alleged", "confirmed", "decided"} <= {
        m.stance_unnamed for m in mentions
    }
    outside = [m for m in mentions if m.speaker_outside]
    assert len(outside) >= 50
    assert all(not m.sources and m.stance_unnamed for m in outside)
    assert sum(1 for m in mentions if not m.sources and not m.speaker_outside) >= 150
    assert len(sources) >= 100 and {s.strength for s in sources} == {"sentence"}


def test_an_outside_speaker_is_marked_by_the_exact_note(items: tuple[SentenceItem, ...]) -> None:
    notes = [item.mention.note or "" for item in items]
    assert all(note == SPEAKER_OUTSIDE or SPEAKER_OUTSIDE not in note for note in notes)


def test_no_forbidden_word_is_an_alias_of_the_same_mention(items: tuple[SentenceItem, ...]) -> None:
    for item in items:
        for source in item.mention.sources:
            for alias in (*source.aliases, *source.bodies):
                assert forbidden(item.mention, alias) == [], (item.id, alias)


def test_a_source_named_in_several_sentences_is_one_kind_of_source(items: tuple[SentenceItem, ...]) -> None:
    kinds: dict[str, set[str]] = {}
    for item in items:
        for source in item.mention.sources:
            kinds.setdefault(source.name, set()).add(source.kind)
    assert {name: k for name, k in kinds.items() if len(k) > 1} == {}


def test_no_two_items_are_near_repeats(items: tuple[SentenceItem, ...]) -> None:
    seen: dict[tuple[str, ...], str] = {}
    for item in items:
        for run in runs(item.text):
            assert seen.setdefault(run, item.id) == item.id, (item.id, seen[run], run)


def test_the_left_out_candidates_are_apart_and_say_why(items: tuple[SentenceItem, ...]) -> None:
    rows = left_out()
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids)) and not set(ids) & {item.id for item in items}
    for row_id, split, kind, reason in rows:
        assert row_id == sentence_id(int(row_id[1:])) and split in FILES and kind in ("cue", "plain"), row_id
        assert reason.split(":")[0] in LEFT_OUT_KINDS, (row_id, reason)


def test_strata_follow_the_claim_words() -> None:
    assert stratum("Menurut Denny, mereka masih memiliki satu embrio.") == "cue"
    assert stratum("Xiaomi mengklaim ketiganya bisa diisi dalam 20 menit.") == "cue"
    assert stratum("Arsenal terdampar di peringkat 8 dengan raihan 19 poin.") == "plain"


def _item_in(split: str, line: int) -> dict:
    """A one-sentence item of `split` whose expected source no answer can name (so it always fails)."""
    for n in range(2, 500):
        text = f"Menurut Budi, ada {n} orang di sana."
        if split_for(text) == split:
            source = {
                "name": "Zyxqw Vutsr",
                "aliases": ["Zyxqw Vutsr"],
                "kind": "person",
                "strength": "sentence",
                "stance": "reported",
                "scope": "figure",
            }
            return {
                "id": sentence_id(line),
                "line": line,
                "split": split,
                "stratum": stratum(text),
                "text": text,
                "figure": str(n),
                "mentions": [{"quote": f"ada {n} orang", "sources": [source], "must_not": []}],
            }
    raise AssertionError("no text of that split")


def test_the_bench_lists_tune_failures_and_never_held_out_ones(tmp_path) -> None:
    rows = {"tune": _item_in("tune", 11), "held-out": _item_in("held-out", 22)}
    for split, row in rows.items():
        (tmp_path / FILES[split]).write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert sentence_problems(load_sentences(tmp_path)) == []
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "attribution.py"), "--sentences", "--verbose", "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    out = done.stdout
    assert "tune 1, held-out 1" in out and "k000011 missed" in out
    assert "k000022" not in out and "failures in held-out: 2, not listed" in out  # named-wrong and missed
    tune_only = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "attribution.py"),
            "--sentences",
            "--split",
            "tune",
            "--data",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "held-out" not in tune_only.stdout and "tune 1 (" in tune_only.stdout


def test_sentence_items_score_per_split_like_per_article_queries(items: tuple[SentenceItem, ...]) -> None:
    tallies = score(as_judged(items))
    counts = Counter(item.group for item in items)
    assert set(counts) == set(BATCHES)
    assert {batch: tallies[batch]["queries"] for batch in counts} == dict(counts)
    assert tallies["all"]["mentions"] == len(items)
    assert tallies["all"]["sentence_total"] == sum(len(item.mention.sources) for item in items)
    assert tallies["all"]["neighbour_total"] == 0
    assert tallies["all"]["outside_total"] == sum(1 for item in items if item.mention.speaker_outside)
