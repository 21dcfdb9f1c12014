"""The `kabar` command line end to end on the seeds: what a user types and sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def as_json(out: str):
    return json.loads(out)


def test_index_twice_changes_nothing(kabar) -> None:
    code, out, _ = kabar("index", "--json")
    assert code == 0
    first = as_json(out)
    assert len(first["added"]) == 5 and first["unchanged"] == 0
    code, out, _ = kabar("index", "--json")
    second = as_json(out)
    assert (second["added"], second["updated"], second["removed"], second["unchanged"]) == ([], [], [], 5)


def test_articles_lists_titles_and_outlets(kabar) -> None:
    code, out, _ = kabar("articles", "--json")
    assert code == 0
    infos = {a["id"]: a for a in as_json(out)}
    assert sorted(infos) == ["000", "001", "002", "003", "004"]
    assert infos["000"]["title"] == "Pentagon dan NATO Benarkan Keberadaan Prajurit Korea Utara di Ukraina"
    assert infos["002"]["title"] == "Barat: Korea Utara Diam-diam Telah Kirim 10.000 Pasukan ke Rusia"
    assert infos["003"]["title"] == "Aliansi Menguat! Korea Utara Kirim Ribuan Pasukan ke Rusia"
    assert infos["001"]["outlet"] == "KONTAN"
    assert infos["002"]["outlet"] == infos["004"]["outlet"] == "TRIBUNNEWS"
    # 001 and 004 have no headline: their titles are derived from the opening paragraph
    assert infos["001"]["title"].startswith("Keterlibatan Korea Utara")
    assert infos["004"]["title"].startswith("Sekitar 10.000 tentara")


def test_show_keeps_cross_links_out_and_real_text_in(kabar) -> None:
    code, out, _ = kabar("show", "001", "--json")
    assert code == 0
    art = as_json(out)
    texts = [s["text"] for s in art["sentences"]]
    assert not [t for t in texts if "baca juga" in t.lower()]
    assert any(t.startswith("Laporan ini juga dikonfirmasi oleh Sekjen NATO, Mark Rutte") for t in texts)
    assert [s["index"] for s in art["sentences"]] == list(range(1, len(texts) + 1))
    assert {r["kind"] for r in art["removed"]} >= {"cross-link", "editor", "subheading"}

    code, out, _ = kabar("show", "002")
    assert code == 0
    assert any(line.split(". ", 1)[-1].startswith("Pada 13 Oktober") for line in out.splitlines())
    assert "Konten ini disempurnakan" not in out


def test_show_raw_explains_removals(kabar) -> None:
    code, out, _ = kabar("show", "001_a6e29feac7495037", "--raw")
    assert code == 0
    assert "cross-link" in out and "Baca Juga: 10 Kapal Induk Terbesar di Dunia" in out


def test_search_a_figure_in_any_notation(kabar) -> None:
    for query in ("10000", "10.000", "10,000", "10 ribu"):
        code, out, _ = kabar("search", query, "--json")
        assert code == 0
        hits = as_json(out)
        assert {h["article"] for h in hits} == {"000", "001", "002", "003", "004"}, query


@pytest.mark.parametrize("query", ['"kursk', "AND OR", "*", "'); DROP TABLE sentences; --", "ŝ̸ūrabaya ☃ 🙂", "NEAR("])
def test_search_odd_text_never_crashes(kabar, query: str) -> None:
    code, out, err = kabar("search", query, "--json")
    assert code in (0, 2), err
    if code == 0:
        assert isinstance(as_json(out), list)
    else:
        assert "error:" in err and "Traceback" not in err


def test_unknown_article_is_a_clear_error(kabar) -> None:
    code, out, err = kabar("show", "999")
    assert code == 4
    assert "999" in err and "Traceback" not in err + out


def test_ask_who_confirmed_names_sources_not_outlets(kabar) -> None:
    code, out, _ = kabar("ask", "/who-confirmed 10000", "--json")
    assert code == 0
    answer = as_json(out)
    assert answer["command"] == "who-confirmed"
    sources = " | ".join(item["source"] or "" for item in answer["items"])
    assert "Pentagon" in sources and "Mark Rutte" in sources
    assert "Western" in sources and "Intelligence Service" in sources
    confirmers = [i for i in answer["items"] if i["stance"] in {"confirmed", "reported"} and i["source"]]
    for item in confirmers:
        for outlet in ("Kyiv Independent", "AFP", "ABC News", "TRIBUNNEWS", "Kremlin"):
            assert not (item["organization"] or "").startswith(outlet)
            assert item["who"] != outlet
        assert item["citations"], item
        for cite in item["citations"]:
            assert cite["article"] in {"000", "001", "002", "003", "004"} and cite["sentence"] >= 1
    rutte = next(i for i in answer["items"] if i["who"] == "Mark Rutte")
    assert [(c["article"], c["sentence"]) for c in rutte["citations"]][:2] == [("004", 1), ("004", 2)]


def test_ask_summary_cites_real_sentences(kabar) -> None:
    code, out, _ = kabar("ask", "/summary kursk", "--json")
    assert code == 0
    answer = as_json(out)
    assert answer["items"]
    code, shown, _ = kabar("show", answer["items"][0]["citations"][0]["article"], "--json")
    for item in answer["items"]:
        first = item["citations"][0]
        assert item["text"] == first["text"]
        code, shown, _ = kabar("show", first["article"], "--json")
        sentences = {s["index"]: s["text"] for s in as_json(shown)["sentences"]}
        assert sentences[first["sentence"]] == first["text"]
        assert "kursk" in " ".join(c["text"].lower() for c in item["citations"])


def test_ask_translate_without_a_model_says_how_to_fix(kabar) -> None:
    code, out, err = kabar("ask", "/translate 003")
    assert code == 3 and out == ""
    assert "kabar models install" in err and "Traceback" not in err


def test_ask_bad_commands(kabar) -> None:
    code, _, err = kabar("ask", "")
    assert code == 2 and "Type a command" in err
    code, _, err = kabar("ask", "/summary " + "kursk " * 100)
    assert code == 2 and "too long" in err
    code, _, err = kabar("ask", "/who-confirmed banyak sekali")
    assert code == 2 and "not a figure" in err
    code, _, err = kabar("ask", "/summary xqzvw")
    assert code == 0


def test_summary_of_an_unknown_topic_suggests_close_terms(kabar) -> None:
    code, out, _ = kabar("ask", "/summary kursl", "--json")
    assert code == 0
    answer = as_json(out)
    assert answer["items"] == []
    assert "kursk" in " ".join(answer["notes"]).lower()


def test_chat_reads_commands_until_eof(kabar) -> None:
    code, out, err = kabar("chat", input="/help\n/who-confirmed 10.000\n/nonsense\n/translate 999\n")
    assert code == 0
    assert "/summary" in out and "Pentagon" in out
    assert "Unknown command /nonsense" in err
    assert "999" in err


def test_summarize_stdin(kabar) -> None:
    text = (ROOT / "seeds" / "003_89031a1fd86b0abb.txt").read_text(encoding="utf-8")
    code, out, _ = kabar("summarize", "-", "--json", "--sentences", "2", input=text)
    assert code == 0
    answer = as_json(out)
    assert len(answer["items"]) == 2
    assert all(item["text"] in text for item in answer["items"])


def test_malformed_file_warns_and_index_goes_on(kabar, seeds_dir: Path) -> None:
    (seeds_dir / "005_badbadbadbadbad0.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00junk")
    (seeds_dir / "006_emptyemptyempty0.txt").write_text("   \n", encoding="utf-8")
    code, out, err = kabar("index", "--json")
    assert code == 0 and "Traceback" not in err
    report = as_json(out)
    assert len(report["added"]) == 5
    assert any("005_badbadbadbadbad0" in w for w in report["warnings"])
    assert any("006_emptyemptyempty0" in w for w in report["warnings"])


def test_whole_process_is_quick_and_never_imports_torch(tmp_path: Path, seeds_dir: Path) -> None:
    """`python -m bot ask` as a user runs it: answers, and keeps heavy libraries out."""
    env = dict(os.environ, KABAR_SEEDS_DIR=str(seeds_dir), KABAR_DB=str(tmp_path / "k.db"))
    probe = (
        "import sys, runpy; sys.argv=['kabar','ask','/who-confirmed 10000'];\n"
        "try:\n    runpy.run_module('bot', run_name='__main__')\n"
        "except SystemExit as e:\n    code = e.code\n"
        "print('HEAVY', sorted(m for m in ('torch','stanza','spacy','argostranslate.translate','ctranslate2') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert "Pentagon" in done.stdout, done.stderr
    assert "HEAVY []" in done.stdout


def test_digest_preview_groups_the_seeds_into_one_cited_story(kabar) -> None:
    code, out, _ = kabar("digest", "--json")
    assert code == 0
    digest = as_json(out)
    assert digest["articles"] == 5
    assert len(digest["stories"]) == 1  # five outlets, one story
    story = digest["stories"][0]
    assert sorted(story["articles"]) == ["000", "001", "002", "003", "004"]
    assert 2 <= len(story["summary"]) <= 3
    assert any("10,000" in f for f in story["figures"])
    code, text, _ = kabar("digest")
    assert story["title"] in text and "sources:" in text
    code, later, _ = kabar("digest", "--since", "2999-01-01")
    assert code == 0 and "Nothing new" in later
    code, _, err = kabar("digest", "--since", "yesterday-ish")
    assert code == 2 and "ISO" in err
