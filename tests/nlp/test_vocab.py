"""The vocabulary files: every one loads cleanly, and a broken one is refused with its line."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bot.nlp import vocab
from bot.nlp.entities.lexicon import KNOWN_ENTITIES
from bot.nlp.vocab import VocabularyError, load


@pytest.mark.parametrize("path", vocab.data_files(), ids=lambda p: p.name)
def test_every_data_file_loads_without_duplicates_or_malformed_lines(path: Path) -> None:
    loaded = load(path)
    entries = loaded if isinstance(loaded, tuple) else tuple(row[0] for row in loaded.rows)
    assert entries, f"{path.name} is empty"
    assert len(set(entries)) == len(entries)


def test_the_data_folder_holds_vocabulary_files_and_the_tagger_model() -> None:
    others = {p.name for p in vocab.DATA_DIR.iterdir() if p.is_file() and p.suffix not in (".txt", ".tsv")}
    assert others <= {"pos_tagger.crfsuite", "NOTICE"}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("dup.txt", "# words\nkata\nujar\nkata\n", "repeats line 2"),
        ("case.txt", "Kata\n", "lower case"),
        ("space.txt", "kata \n", "stray tab or space"),
        ("tab.txt", "kata\tujar\n", "stray tab or space"),
        ("dup.tsv", "role\tenglish\nbupati\tRegent\nbupati\tMayor\n", "repeats line 2"),
        ("short.tsv", "role\tenglish\nbupati\n", "1 fields, the header has 2"),
        ("long.tsv", "role\tenglish\nbupati\tRegent\textra\n", "3 fields"),
        ("empty.tsv", "role\tenglish\nbupati\t\n", "empty field"),
        ("header.tsv", "role\trole\nbupati\tRegent\n", "malformed header"),
        ("indented.txt", "kata\n  # a comment\n", "comment must start the line"),
        ("nothing.tsv", "# only a comment\n", "no header"),
    ],
)
def test_a_broken_file_is_refused_naming_the_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=re.escape(message)):
        load(path)


def test_a_table_reads_its_columns() -> None:
    roles = vocab.table("roles")
    assert roles.columns[0] == "role"
    assert roles.mapping("english")["bupati"] == "Regent"
    assert roles.optional("body")["kapolri"] == "Polri"
    assert "bupati" not in roles.optional("body")


def test_roles_followed_by_a_place_or_an_organisation_are_all_kept() -> None:
    """The word lists once lost every line after the first (camat, kapolda, direktur ...)."""
    followed = vocab.table("roles").mapping("followed_by")
    place = {role for role, what in followed.items() if what == "place"}
    org = {role for role, what in followed.items() if what == "org"}
    assert {
        "camat",
        "lurah",
        "kapolda",
        "kapolres",
        "danrem",
        "dandim",
        "pangdam",
        "dubes",
        "bupati",
        "wakil wali kota",
        "duta besar",
    } <= place
    assert {"direktur", "direktur utama", "ceo", "pelatih", "juru bicara", "presiden direktur"} <= org
    # words of a phrase are not roles of their own
    assert not {"kota", "wali", "wakil", "vice", "senior", "president", "presiden"} & (place | org)
    assert set(followed.values()) <= {"place", "org", vocab.NONE}


def test_aliases_of_bodies_and_outlets_never_name_two_things() -> None:
    # bodies take their forms from the shared alias file and add the ones it lacks
    bodies = Counter(a for _, _, aliases in KNOWN_ENTITIES.values() for a in aliases)
    outlets = Counter(a for row in vocab.table("outlets").rows for a in row[1].split("|"))
    assert [a for a, n in bodies.items() if n > 1] == []
    assert [a for a, n in outlets.items() if n > 1] == []
    assert set(bodies) & set(outlets) == set()
    assert all(a == a.lower() and a.strip() == a for a in (*bodies, *outlets))


def test_cue_patterns_expand_compile_and_use_the_closed_sets() -> None:
    for pattern, lemma, stance, kind in vocab.table("cues").rows:
        expanded = vocab.expand(pattern)
        assert "{" not in expanded, pattern
        re.compile(expanded)
        assert kind in {"active", "passive", "post", "according", "hedge"}, lemma
        assert stance == stance.lower() and stance.isalpha(), lemma


def test_alternation_matches_whole_entries_longest_first() -> None:
    rx = re.compile(vocab.alternation("speech_verbs", "nya") + r"\b")
    assert rx.match("ujarnya").group(0) == "ujarnya"
    assert rx.match("kata") is None
    assert re.fullmatch(vocab.expand("{V}ngatakan"), "mangatakan")


def test_bodies_add_only_forms_the_shared_alias_file_lacks() -> None:
    from bot.nlp.aliases import load_aliases

    table = load_aliases()
    for key, _, _, more in vocab.table("bodies").rows:
        entry = table.get(key)
        if entry is None or more == vocab.NONE:
            continue
        shared = {n.lower() for n in (*entry.names, *entry.english)}
        assert not shared & set(more.split("|")), key
    only_shared = [
        e.key
        for e in table.entries
        if e.kind == "organization" and e.key not in vocab.table("bodies").mapping("english")
    ]
    assert only_shared and all(key in KNOWN_ENTITIES for key in only_shared)
