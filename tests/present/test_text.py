"""Terminal rendering: English first when there is a translation, references always shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.models import Answer, AnswerItem, Citation
from bot.present.text import WIDTH, render


def cite(article: str, n: int, text: str, en: str | None = None, flags: tuple[str, ...] = ()) -> Citation:
    return Citation(
        article=article,
        sentence=n,
        text=text,
        text_en=en,
        provenance="argos translate-id_en 1.9" if en else None,
        flags=flags,
    )


def test_summary_puts_english_first_and_keeps_the_original_and_references() -> None:
    answer = Answer(
        command="summary",
        query="kursk",
        items=(
            AnswerItem(
                text="Pasukan tiba di Kursk.",
                text_en="Troops arrived in Kursk.",
                citations=(
                    cite("004", 1, "Pasukan tiba di Kursk.", "Troops arrived in Kursk."),
                    cite("001", 5, "Unit tiba di Kursk."),
                ),
                fields={"also_reported_by": ["001"]},
            ),
        ),
        notes=("1 sentences from 2 articles",),
    )
    out = render(answer)
    english, original = out.index("Troops arrived in Kursk."), out.index("id: Pasukan tiba di Kursk.")
    assert english < original
    assert "[004·1] [001·5]" in out and "also reported by 001" in out
    assert out.rstrip().endswith("1 sentences from 2 articles")


def test_translate_shows_each_sentence_with_provenance_and_flags() -> None:
    answer = Answer(
        command="translate",
        query="003",
        items=(
            AnswerItem(
                text="Ten soldiers.",
                text_en="Ten soldiers.",
                citations=(
                    cite("003", 1, "Ada 10.000 tentara.", "Ten soldiers.", ("figure-mismatch: 10,000 missing",)),
                ),
            ),
            AnswerItem(text="Halo.", citations=(cite("003", 2, "Halo."),)),
        ),
        meta={"article": "003", "title": "Judul"},
    )
    out = render(answer)
    assert out.startswith("003 — Judul")
    assert "  1. Ten soldiers." in out and "id: Ada 10.000 tentara." in out
    assert "⚠ figure-mismatch: 10,000 missing" in out and "argos translate-id_en 1.9" in out
    assert "  2. Halo." in out


def test_who_confirmed_lists_sources_with_citations() -> None:
    answer = Answer(
        command="who-confirmed",
        query="10000",
        items=(
            AnswerItem(
                text="Pentagon — confirmed: 10,000",
                citations=(cite("000", 3, "Pentagon membenarkan 10,000 prajurit."),),
                fields={"cue": "membenarkan"},
            ),
        ),
        meta={"figure": {"text": "10,000"}},
    )
    out = render(answer)
    assert out.startswith("Who confirmed 10,000?")
    assert "● Pentagon — confirmed: 10,000" in out and "cue: membenarkan" in out and "[000·3]" in out


@given(
    st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=5),
    st.sampled_from(["summary", "show", "search", "translate", "other"]),
)
def test_any_answer_renders_every_word_within_the_width(texts: list[str], command: str) -> None:
    items = tuple(AnswerItem(text=t, citations=(cite("001", i + 1, t),)) for i, t in enumerate(texts))
    out = render(Answer(command=command, query="q", items=items))
    for line in out.splitlines():
        words = line.split()
        assert len(line) <= WIDTH or len(words) <= 3  # only an unbreakable word may overflow
    for t in texts:
        for word in t.split():
            assert word in out


def test_who_confirmed_puts_the_english_and_the_original_on_separate_lines() -> None:
    answer = Answer(
        command="who-confirmed",
        query="10000",
        items=(
            AnswerItem(
                text="Pentagon — confirmed: 10,000",
                citations=(
                    cite("000", 3, "Pentagon membenarkan 10.000 prajurit.", "Pentagon confirmed 10,000 soldiers."),
                ),
            ),
        ),
        meta={"figure": {"text": "10,000"}},
    )
    lines = render(answer).splitlines()
    english = next(i for i, line in enumerate(lines) if "[000·3]" in line)
    assert "Pentagon confirmed 10,000 soldiers." in lines[english]
    assert "membenarkan" not in lines[english]
    assert lines[english + 1].strip() == "id: Pentagon membenarkan 10.000 prajurit."


def test_explain_reads_as_words_under_the_sentence_it_explains() -> None:
    entry = {
        "ref": "004·1",
        "figure": "10.000",
        "figure_span": [8, 14],
        "cue": "dikonfirmasi",
        "cue_lemma": "dikonfirmasi oleh",
        "cue_span": [25, 37],
        "cue_sentence": 2,
        "source": "Mark Rutte",
        "source_span": [52, 62],
        "source_sentence": 2,
        "via": [],
        "stance": "confirmed",
        "note": "source named in the next sentence",
    }
    answer = Answer(
        command="who-confirmed",
        query="10000",
        items=(
            AnswerItem(
                text="Mark Rutte — confirmed",
                citations=(
                    cite("004", 1, "Sekitar 10.000 tentara tiba."),
                    cite("004", 2, "Dikonfirmasi oleh Mark Rutte."),
                ),
            ),
        ),
        meta={"figure": {"text": "10,000"}, "explain": [entry]},
    )
    out = render(answer)
    assert "figure_span=" not in out and "{" not in out  # no Python repr
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "explain:" in line)
    assert "[004·1]" in lines[at - 1]  # right under its sentence, before 004·2
    assert "[004·2]" in "\n".join(lines[at + 1 :])
    explained = " ".join(line.strip() for line in lines[at : at + 4])
    assert "figure “10.000” at 8–14" in explained
    assert "in [004·2]" in explained and "→ confirmed" in explained


def test_translate_provenance_is_not_double_bracketed() -> None:
    c = Citation(
        article="003",
        sentence=1,
        text="Pasukan tiba.",
        text_en="Troops arrived.",
        provenance="argos translate-id_en 1.0 (cached)",
    )
    answer = Answer(
        command="translate",
        query="003",
        items=(AnswerItem(text=c.text, citations=(c,)),),
        meta={"article": "003", "title": "Judul"},
    )
    out = render(answer)
    assert "((" not in out and "))" not in out
    assert "argos translate-id_en 1.0 (cached)" in out


def test_show_names_the_article_at_the_top_not_after_its_sentences() -> None:
    answer = Answer(
        command="show",
        query="003",
        items=(
            AnswerItem(text="Satu.", citations=(cite("003", 1, "Satu."),)),
            AnswerItem(text="Dua.", citations=(cite("003", 2, "Dua."),)),
        ),
        notes=("Judul Berita",),
    )
    lines = render(answer).splitlines()
    assert lines[0] == "003 — Judul Berita"
    assert set(lines[1]) == {"─"} and len(lines[1]) == len(lines[0])
    assert lines[-1].strip() == "2. Dua."
    assert render(answer).count("Judul Berita") == 1


def test_a_short_title_is_underlined_to_its_own_length() -> None:
    out = render(
        Answer(command="summarize", query="", items=(AnswerItem(text="Satu.", citations=(cite("input", 1, "Satu."),)),))
    )
    title, rule = out.splitlines()[:2]
    assert len(rule) == len(title)


def test_digest_title_is_underlined_to_its_own_length() -> None:
    from types import SimpleNamespace

    from bot.present.text import render_digest

    title, rule, *_ = render_digest(SimpleNamespace(local_date="2026-11-24", stories=[], notes=[])).splitlines()
    assert title == "kabar digest 2026-11-24" and len(rule) == len(title)


def test_an_answer_that_is_only_a_note_does_not_start_with_a_blank_line() -> None:
    out = render(Answer(command="search", query="xyz", notes=("Nothing matches 'xyz'.",)))
    assert out == "Nothing matches 'xyz'.\n"


def test_help_fits_the_terminal_width_with_every_description_under_its_usage() -> None:
    from bot.commands import help_lines

    out = render(Answer(command="help", query="", items=tuple(AnswerItem(text=h) for h in help_lines())))
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    assert lines[0].startswith("/summary <topic>") and "summary of what" in lines[1]
    assert all(line.startswith("/") for line in lines[0::2]) and all(line.startswith("    ") for line in lines[1::2])


def test_short_help_stays_side_by_side() -> None:
    out = render(Answer(command="help", query="", items=(AnswerItem(text="/a  one"), AnswerItem(text="/b  two"))))
    assert out == "/a  one\n/b  two\n"
