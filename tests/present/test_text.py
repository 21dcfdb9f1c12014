"""Terminal rendering: English first when there is a translation, references always shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.models import Answer, AnswerItem, Citation
from bot.present.text import WIDTH, render


def cite(article: str, n: int, text: str, en: str | None = None, flags: tuple[str, ...] = ()) -> Citation:
    return Citation(article=article, sentence=n, text=text, text_en=en, provenance="argos translate-id_en 1.9" if en else None, flags=flags)


def test_summary_puts_english_first_and_keeps_the_original_and_references() -> None:
    answer = Answer(
        command="summary",
        query="kursk",
        items=(
            AnswerItem(
                text="Pasukan tiba di Kursk.",
                text_en="Troops arrived in Kursk.",
                citations=(cite("004", 1, "Pasukan tiba di Kursk.", "Troops arrived in Kursk."), cite("001", 5, "Unit tiba di Kursk.")),
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
            AnswerItem(text="Ten soldiers.", text_en="Ten soldiers.", citations=(cite("003", 1, "Ada 10.000 tentara.", "Ten soldiers.", ("figure-mismatch: 10,000 missing",)),)),
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
        items=(AnswerItem(text="Pentagon — confirmed: 10,000", citations=(cite("000", 3, "Pentagon membenarkan 10,000 prajurit."),), fields={"cue": "membenarkan"}),),
        meta={"figure": {"text": "10,000"}},
    )
    out = render(answer)
    assert out.startswith("Who confirmed 10,000?")
    assert "● Pentagon — confirmed: 10,000" in out and "cue: membenarkan" in out and "[000·3]" in out


@given(st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=5), st.sampled_from(["summary", "show", "search", "translate", "other"]))
def test_any_answer_renders_every_word_within_the_width(texts: list[str], command: str) -> None:
    items = tuple(AnswerItem(text=t, citations=(cite("001", i + 1, t),)) for i, t in enumerate(texts))
    out = render(Answer(command=command, query="q", items=items))
    for line in out.splitlines():
        words = line.split()
        assert len(line) <= WIDTH or len(words) <= 3  # only an unbreakable word may overflow
    for t in texts:
        for word in t.split():
            assert word in out
