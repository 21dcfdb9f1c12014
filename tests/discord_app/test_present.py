"""Answer -> Discord pages: every limit holds, splits fall between sentences, nothing can ping."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.models import Answer, AnswerItem, ArticleInfo, Citation
from bot.present.discord import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_VALUE_LIMIT,
    FIELDS_LIMIT,
    MESSAGE_LIMIT,
    TITLE_LIMIT,
    ZWSP,
    digest_marker,
    neutralise,
    refs,
    render_about,
    render_answer,
    render_articles,
    render_digest,
    render_error,
    split_text,
)
from bot.stories import Digest, Story

PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>")


def assert_page_limits(page) -> None:
    embed = page.embed
    assert len(embed.title or "") <= TITLE_LIMIT
    assert len(embed.description or "") <= DESCRIPTION_LIMIT
    assert len(embed.fields) <= FIELDS_LIMIT
    assert all(len(f.value) <= FIELD_VALUE_LIMIT for f in embed.fields)
    assert len(embed) <= EMBED_TOTAL_LIMIT
    for message in page.sources:
        assert 0 < len(message) <= MESSAGE_LIMIT


def all_text(pages) -> str:
    parts = []
    for page in pages:
        e = page.embed
        parts += [e.title or "", e.description or "", e.footer.text or ""]
        parts += [f.name + f.value for f in e.fields]
        parts += list(page.sources)
    return "\n".join(parts)


# --- neutralise ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw",
    ["@everyone look", "hi @here", "<@123> said", "<@!456> said", "role <@&789>", "@EVERYONE", "x@here"],
)
def test_neutralise_breaks_every_mention_form(raw: str) -> None:
    out = neutralise(raw)
    assert not PING.search(out)
    assert out.replace(ZWSP, "") == raw


def test_neutralise_is_idempotent_and_leaves_plain_text() -> None:
    text = "Pentagon: 10.000 tentara; email a@b.com"
    assert neutralise(text) == text
    once = neutralise("@everyone <@1>")
    assert neutralise(once) == once


def test_neutralise_keeps_channel_links_working() -> None:
    # a channel link pings nobody, and /digest replies name the channel with one
    text = "Posted in <#800000000000000012> by <@123> for @everyone"
    out = neutralise(text)
    assert "<#800000000000000012>" in out
    assert not PING.search(out) and out.replace(ZWSP, "") == text
    assert render_error("The daily digest will be posted in <#42> at 07:00.").startswith(
        "The daily digest will be posted in <#42> at"
    )


# --- split_text --------------------------------------------------------------------------
def test_split_prefers_sentence_boundaries() -> None:
    sentences = [f"Kalimat nomor {i} berisi beberapa kata penting." for i in range(60)]
    text = " ".join(sentences)
    pieces = split_text(text, 300)
    assert len(pieces) > 1
    for piece in pieces:
        assert len(piece) <= 300
        assert piece.endswith(".")  # every piece ends at a sentence end
    assert " ".join(pieces) == text


def test_split_long_sentence_at_words_never_mid_word() -> None:
    words = [f"kata{i}" for i in range(800)]
    text = " ".join(words)  # one "sentence" far over the limit
    pieces = split_text(text, 500)
    assert all(len(p) <= 500 for p in pieces)
    assert [w for p in pieces for w in p.split()] == words


def test_split_only_cuts_a_word_longer_than_the_limit() -> None:
    pieces = split_text("a " + "x" * 25 + " b", 10)
    assert all(len(p) <= 10 for p in pieces)
    assert "".join(pieces).replace(" ", "") == "a" + "x" * 25 + "b"


# --- answers ----------------------------------------------------------------------------
def cite(article: str = "003", sentence: int = 4, text: str = "Asli.", en: str | None = None) -> Citation:
    return Citation(article=article, sentence=sentence, text=text, text_en=en)


def test_refs_are_compact_and_capped() -> None:
    assert refs([cite("003", 4), cite("001", 2), cite("003", 4)]) == "[003·4, 001·2]"
    many = [cite(f"{i:03d}", 1) for i in range(9)]
    assert refs(many).endswith(", +3]")


def test_english_first_with_refs_and_originals_in_sources() -> None:
    answer = Answer(
        command="summary",
        query="kursk",
        items=(
            AnswerItem(
                text="Pasukan masuk Kursk.",
                text_en="Troops entered Kursk.",
                citations=(cite("003", 4, "Pasukan masuk Kursk.", "Troops entered Kursk."), cite("001", 2)),
            ),
        ),
        notes=("1 sentence from 2 articles.",),
    )
    [page] = render_answer(answer)
    assert "Troops entered Kursk. [003·4, 001·2]" in page.embed.description
    assert "Pasukan masuk Kursk." not in page.embed.description
    assert "Pasukan masuk Kursk." in page.sources[0] and "[003·4]" in page.sources[0]
    assert page.embed.title == "Summary: kursk"
    [page_id] = render_answer(answer, prefer="id")
    assert "Pasukan masuk Kursk. [003·4, 001·2]" in page_id.embed.description


def test_who_confirmed_shows_each_source_once_with_the_items_own_words() -> None:
    # each source once, labelled once: no second header rebuilt from the fields, no
    # "unnamed source" over a named body, the figure in the item's one notation
    item = AnswerItem(
        text="Pentagon (US Department of Defense) — confirmed: 10,000; about 10,000",
        citations=(cite("000", 3), cite("001", 1)),
        fields={
            "who": None,
            "role": None,
            "organization": "Pentagon (US Department of Defense)",
            "stance": "confirmed",
            "scope": "figure",
            "cue": "membenarkan, mengonfirmasi",
            "source": "Pentagon (US Department of Defense)",
            "figure": {"value": 10000.0, "text": "10.000", "qualifier": "about"},
        },
    )
    event = AnswerItem(
        text="Mark Rutte, NATO Secretary General — confirmed the arrival; gave no figure",
        citations=(cite("004", 1), cite("004", 2)),
        fields={
            "who": "Mark Rutte",
            "stance": "confirmed",
            "scope": "event",
            "event": "the arrival",
            "cue": "dikonfirmasi oleh",
            "source": "Mark Rutte, NATO Secretary General",
        },
    )
    nobody = AnswerItem(
        text="no source named — reported: 10,000",
        citations=(cite("002", 1),),
        fields={"who": None, "stance": "reported", "scope": "figure", "source": None},
    )
    [page] = render_answer(Answer(command="who-confirmed", query="10000", items=(item, event, nobody)))
    lines = page.embed.description.split("\n\n")
    assert lines[0] == (
        "**Pentagon (US Department of Defense)** — confirmed: 10,000; about 10,000"
        " (“membenarkan, mengonfirmasi”) [000·3, 001·1]"
    )
    assert lines[1] == (
        "**Mark Rutte, NATO Secretary General** — confirmed the arrival; gave no figure"
        " (“dikonfirmasi oleh”) [004·1, 004·2]"
    )
    assert lines[2] == "**no source named** — reported: 10,000 [002·1]"
    body = page.embed.description
    assert body.count("Pentagon") == 1 and "unnamed source" not in body and "10.000" not in body


def test_everyone_in_article_text_pings_nobody() -> None:
    evil = "Warga @everyone dan @here diminta <@123> <@&456> hadir."
    answer = Answer(
        command="summary",
        query="@everyone",
        items=(AnswerItem(text=evil, citations=(cite(text=evil),)),),
        notes=("<@!99>",),
    )
    pages = render_answer(answer)
    assert not PING.search(all_text(pages))


def test_long_answer_pages_keep_every_item_once() -> None:
    items = tuple(
        AnswerItem(text=f"Kalimat {i}. " + "Isi berita yang cukup panjang. " * 20, citations=(cite("001", i + 1),))
        for i in range(40)
    )
    pages = render_answer(Answer(command="translate", query="001", items=items))
    assert len(pages) > 1
    for page in pages:
        assert_page_limits(page)
    text = "\n".join(p.embed.description for p in pages)
    for i in range(40):
        assert text.count(f"[001·{i + 1}]") == 1
    assert pages[0].embed.footer.text.endswith(f"page 1/{len(pages)}")


def test_empty_answer_still_renders_one_page() -> None:
    [page] = render_answer(Answer(command="summary", query="zzz"))
    assert page.embed.description and page.sources == ()


text_st = st.lists(
    st.sampled_from(list("abcdefghij KLMN.!?,;:@<>&#\n0123456789éü·—") + ["@everyone", "<@12>", "@here ", "<@&3>"]),
    max_size=1500,
).map("".join)
citation_st = st.builds(
    Citation,
    article=st.from_regex(r"\d{3}", fullmatch=True),
    sentence=st.integers(1, 500),
    text=text_st,
    text_en=st.none() | text_st,
    provenance=st.none() | st.text(max_size=80),
)
item_st = st.builds(
    AnswerItem,
    text=text_st,
    text_en=st.none() | text_st,
    citations=st.lists(citation_st, max_size=8).map(tuple),
    fields=st.just({})
    | st.fixed_dictionaries(
        {"who": text_st, "stance": st.sampled_from(["confirmed", "denied"]), "cue": st.text(max_size=30)}
    ),
)
answer_st = st.builds(
    Answer,
    command=st.sampled_from(["summary", "who-confirmed", "translate", "weird"]),
    query=st.text(max_size=400),
    items=st.lists(item_st, max_size=12).map(tuple),
    notes=st.lists(text_st, max_size=3).map(tuple),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answer=answer_st, prefer=st.sampled_from(["en", "id"]))
def test_any_answer_renders_within_every_limit_and_pings_nobody(answer: Answer, prefer: str) -> None:
    pages = render_answer(answer, prefer=prefer)
    assert pages
    for page in pages:
        assert_page_limits(page)
    assert not PING.search(all_text(pages))
    # every citation of every item is reachable on some page
    shown = "\n".join(p.embed.description or "" for p in pages)
    for item in answer.items:
        for c in item.citations[:6]:
            assert c.ref in shown


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=5000), limit=st.integers(20, 2000))
def test_split_text_respects_limit_and_keeps_words(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(0 < len(p) <= limit for p in pieces)
    words = [w for w in text.split() if len(w) <= limit]
    joined = [w for p in pieces for w in p.split()]
    for word in words:  # every word that fits survives whole
        assert word in joined


# --- digest, articles, about --------------------------------------------------------------
def test_digest_pages_carry_the_marker_and_respect_limits() -> None:
    stories = tuple(
        Story(
            title=f"Cerita {i} @everyone",
            articles=("001", "002"),
            summary=(cite("001", 1, "Kalimat pertama. " * 30), cite("001", 2, "Kalimat kedua.")),
            figures=("10.000",),
            sources=("001 (Kompas)", "002"),
        )
        for i in range(30)
    )
    pages = render_digest(Digest(local_date="2026-11-23", stories=stories, articles=60))
    assert len(pages) > 1
    for page in pages:
        assert_page_limits(page)
        assert digest_marker("2026-11-23") in page.embed.footer.text
    assert not PING.search(all_text(pages))
    assert "30 stories" in pages[0].embed.title


def test_articles_and_about_render() -> None:
    infos = [
        ArticleInfo(
            id=f"{i:03d}",
            key=f"{i:03d}_x",
            title="Judul " * 10,
            outlet="Kompas",
            sentences=12,
            words=200,
            indexed_at="2026-11-23T00:00:00+00:00",
        )
        for i in range(200)
    ]
    pages = render_articles(infos)
    assert len(pages) > 1 and all(len(p.embed) <= EMBED_TOTAL_LIMIT for p in pages)
    about = render_about({"articles": 5, "models": {"id→en": "installed"}, "long": "x" * 5000}, {"digest": "off"})
    assert_page_limits(about)
    names = [f.name for f in about.embed.fields]
    assert "articles" in names and "digest" in names


def test_a_source_with_two_stances_reads_the_same_in_text_discord_and_json() -> None:
    # one line per source and stance, each citing its own sentence, in all three forms
    from bot.corpus.figures.query import parse_figure
    from bot.corpus.figures.scan import find_figures
    from bot.corpus.segment import split_sentences
    from bot.models import Sentence
    from bot.nlp.claims import claim_items, find_claims
    from bot.present.json import answer_json
    from bot.present.text import render

    def article(text: str) -> tuple[Sentence, ...]:
        return tuple(Sentence(i + 1, 1, t, tuple(find_figures(t))) for i, t in enumerate(split_sentences(text)))

    report = find_claims(
        [
            ("001", article("BPBD memperkirakan 300 rumah rusak akibat gempa.")),
            ("002", article("BPBD mengatakan 300 rumah rusak.")),
        ],
        parse_figure("300"),
    )
    answer = Answer(command="who-confirmed", query="300", items=claim_items(report), meta={"figure": {"text": "300"}})
    data = answer_json(answer)
    assert [(i["stance"], [c["article"] for c in i["citations"]]) for i in data["items"]] == [
        ("reported", ["002"]),
        ("estimated", ["001"]),
    ]
    text = render(answer)
    [page] = render_answer(answer)
    for item in answer.items:
        line = item.text  # "BPBD (...) — reported: 300"
        assert f"● {line}" in text
        assert line.split(" — ")[1] in page.embed.description
    assert text.index("— reported: 300") < text.index("— estimated: 300")
    body = page.embed.description
    assert (
        body.index("— reported: 300") < body.index("[002·1]") < body.index("— estimated: 300") < body.index("[001·1]")
    )
