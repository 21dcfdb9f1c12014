"""The alias data file and its loader: well-formed, no name claimed twice, matching rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.corpus.segment import split_words
from bot.nlp.aliases import KINDS, AliasFileError, load_aliases, parse_aliases

HEADER = "# key\tkind\tcanonical\tforms\tenglish\n"


def test_the_packaged_file_loads_once_with_every_kind() -> None:
    table = load_aliases()
    assert load_aliases() is table
    assert len(table.entries) >= 300
    assert {a.kind for a in table.entries} == set(KINDS)
    assert len({a.key for a in table.entries}) == len(table.entries)


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("Jokowi", "Joko Widodo"),
        ("Ahok", "Basuki Tjahaja Purnama"),
        ("SBY", "Susilo Bambang Yudhoyono"),
        ("Prabowo", "Prabowo Subianto"),
        ("Korut", "Korea Utara"),
        ("Korsel", "Korea Selatan"),
        ("AS", "Amerika Serikat"),
        ("KPK", "Komisi Pemberantasan Korupsi"),
        ("BPS", "Badan Pusat Statistik"),
        ("Kemenkes", "Kementerian Kesehatan"),
        ("Polri", "Kepolisian Negara Republik Indonesia"),
        ("TNI", "Tentara Nasional Indonesia"),
        ("DPR", "Dewan Perwakilan Rakyat"),
        ("MK", "Mahkamah Konstitusi"),
        ("MA", "Mahkamah Agung"),
        ("BI", "Bank Indonesia"),
        ("OJK", "Otoritas Jasa Keuangan"),
        ("Sekjen", "Sekretaris Jenderal"),
        ("NATO", "Pakta Pertahanan Atlantik Utara"),
        ("North Korea", "Korea Utara"),
        ("badminton", "bulu tangkis"),
        ("pebulu tangkis", "bulu tangkis"),
    ],
)
def test_well_known_forms_resolve_to_their_canonical_name(form: str, canonical: str) -> None:
    entry = load_aliases().lookup(form)
    assert entry is not None and entry.canonical == canonical


def test_no_entry_lists_the_same_name_twice_and_no_name_has_two_owners() -> None:
    owners: dict[tuple[str, ...], str] = {}
    for entry in load_aliases().entries:
        for name in {*entry.names, *entry.english}:
            key = tuple(w.lower() for w in split_words(name))
            assert owners.setdefault(key, entry.key) == entry.key, f"{name!r}: {owners[key]} and {entry.key}"


def test_fold_replaces_forms_by_canonical_words_longest_first() -> None:
    table = load_aliases()
    words = split_words("Pasukan Korut tiba; Listyo Sigit Prabowo bertemu Prabowo dan Presiden AS.")
    assert table.fold(words) == split_words(
        "Pasukan Korea Utara tiba; Listyo Sigit Prabowo bertemu Prabowo Subianto dan Presiden Amerika Serikat."
    )


def test_fold_respects_case_and_other_peoples_surnames() -> None:
    table = load_aliases()
    # "as" in lower case is not the United States; "puan" is a word, "Puan" a name
    assert table.fold(split_words("as roda dan puan")) == split_words("as roda dan puan")
    assert table.fold(split_words("Puan hadir")) == split_words("Puan Maharani hadir")
    # a surname after another capitalised word belongs to someone else
    assert table.fold(split_words("Jill Biden dan Biden")) == split_words("Jill Biden dan Joe Biden")


def test_query_variants_write_names_in_their_other_forms() -> None:
    table = load_aliases()
    assert table.query_variants("Jokowi") == ["Joko Widodo"]
    assert "Basuki Tjahaja Purnama" in table.query_variants("ahok")
    assert table.query_variants("north korea")[0] == "Korea Utara"
    assert "Sekretaris Jenderal Pakta Pertahanan Atlantik Utara" in table.query_variants("Sekjen NATO")
    assert table.query_variants("kursk") == []
    assert table.query_variants("as") == []  # two-letter acronyms need capitals in a query
    many = table.query_variants("AS Korut Korsel KPK DPR MK MA BI OJK TNI Polri", limit=5)
    assert len(many) == 5 and all(v.count(" ") > 5 for v in many)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("jokowi\tperson\tJoko Widodo\tJokowi", "5 tab-separated columns"),
        ("Jokowi\tperson\tJoko Widodo\tJokowi\t", "key must be"),
        ("jokowi\tpresident\tJoko Widodo\tJokowi\t", "unknown kind"),
        ("jokowi\tperson\t  \tJokowi\t", "canonical name is empty"),
        ("jokowi\tperson\tJoko Widodo\tJokowi | jokowi\t", "listed twice"),
    ],
)
def test_malformed_lines_are_refused_with_their_line_number(line: str, why: str) -> None:
    with pytest.raises(AliasFileError, match=why) as caught:
        parse_aliases(HEADER + line + "\n", "test.tsv")
    assert "test.tsv:2:" in str(caught.value)


def test_duplicates_across_entries_are_refused(tmp_path: Path) -> None:
    file = tmp_path / "aliases.tsv"
    file.write_text(
        HEADER + "kpk\torganization\tKomisi Pemberantasan Korupsi\tKPK\t\nkpk2\torganization\tKPK\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(AliasFileError, match=r"already belongs to 'kpk' \(line 2\)"):
        load_aliases(file)
    file.write_text(HEADER + "a\tterm\tSatu\t\t\na\tterm\tDua\t\t\n", encoding="utf-8")
    with pytest.raises(AliasFileError, match="duplicate key"):
        load_aliases(str(file))
