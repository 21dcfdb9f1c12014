"""The service: cached answers, invalidation on re-index, and the JSON round trip they rely on."""

from __future__ import annotations

import asyncio
import shutil
import threading
from pathlib import Path

import pytest

import bot.nlp.claims as claims_module
import bot.nlp.topic as summarize_module
from bot.config import Settings
from bot.models import Answer, AnswerItem, Citation
from bot.service import Kabar


def counting(monkeypatch: pytest.MonkeyPatch, module, name: str) -> list[int]:
    """Wrap module.name; the returned list gets the calling thread's id for every call."""
    calls: list[int] = []
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


async def test_summary_is_cached_until_the_corpus_changes(
    settings: Settings, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counting(monkeypatch, summarize_module, "summarize_topic")
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        first = await kabar.summary("kursk")
        second = await kabar.summary("Kursk")
        assert len(calls) == 1
        assert first.to_dict() == second.to_dict()

        before = await kabar.summary("desa")
        assert before.items == () and "No indexed article mentions" in before.notes[0]
        (seeds_dir / "005_0123456789abcdef.txt").write_text(
            "Ukraina Rebut Kembali Tiga Desa di Kursk\n"
            "Pasukan Ukraina merebut kembali tiga desa di wilayah Kursk pada Selasa, kata juru bicara militer Ukraina.\n"
            "Menurut dia, pertempuran di desa-desa itu berlangsung selama dua pekan.\n",
            encoding="utf-8",
        )
        report = await kabar.index()
        assert list(report.added) == ["005"]
        after = await kabar.summary("desa")
        assert {c.article for item in after.items for c in item.citations} == {"005"}
        again = await kabar.summary("kursk")
        assert len(calls) == 3  # "desa" after the change, and "kursk" recomputed on the new corpus
        assert again.to_dict()["query"] == "kursk"


async def test_who_confirmed_cached_answer_equals_fresh_one(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counting(monkeypatch, claims_module, "find_claims")
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        fresh = await kabar.who_confirmed("10000")
        cached = await kabar.who_confirmed("10.000")
        assert len(calls) == 1
        assert [i.fields["source"] for i in fresh.items] == [i.fields["source"] for i in cached.items]
        assert cached.query == "10.000"
        assert [c.ref for i in fresh.items for c in i.citations] == [c.ref for i in cached.items for c in i.citations]


async def test_an_answer_cached_by_another_engine_is_not_served(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database filled before the engine changed (same release) must not answer for the new engine."""
    import bot.service as service_module

    calls = counting(monkeypatch, claims_module, "find_claims")
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        monkeypatch.setattr(service_module, "engine_stamp", lambda: "0.1.0+old")
        await kabar.who_confirmed("10000")
        await kabar.who_confirmed("10000")
        assert len(calls) == 1
        monkeypatch.setattr(service_module, "engine_stamp", lambda: "0.1.0+new")
        await kabar.who_confirmed("10000")
        assert len(calls) == 2


async def test_cpu_work_runs_off_the_event_loop(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    threads = counting(monkeypatch, summarize_module, "summarize_topic")
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        await kabar.summary("pentagon")
    assert threads and threads[0] != threading.get_ident()


async def test_concurrent_questions_share_one_service(settings: Settings) -> None:
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        answers = await asyncio.gather(
            *(
                kabar.ask(line)
                for line in ["/summary kursk", "/who-confirmed 10000", "/summary nato 2", "/articles"] * 3
            )
        )
    assert all(isinstance(a, Answer) for a in answers)
    assert answers[0].items and answers[1].items


def test_answer_json_round_trip() -> None:
    answer = Answer(
        command="who-confirmed",
        query="10 ribu",
        items=(
            AnswerItem(
                text="Pentagon — confirmed: 10,000",
                citations=(
                    Citation(
                        "000", 3, "… 10,000 prajurit …", "… 10,000 soldiers …", "argos 1.9", ("glossary: x -> y",)
                    ),
                ),
                fields={"who": None, "stance": "confirmed", "figure": {"value": 10000.0, "qualifier": None}},
            ),
        ),
        notes=("a note",),
        meta={"figure": {"value": 10000.0}, "articles": ["000"]},
    )
    assert Answer.from_dict(answer.to_dict()) == answer


async def test_index_of_a_missing_folder_is_a_clear_error(settings: Settings, tmp_path: Path) -> None:
    from bot.errors import KabarError

    shutil.rmtree(settings.seeds_dir)
    async with Kabar(settings) as kabar:
        with pytest.raises(KabarError) as info:
            await kabar.index(tmp_path / "nowhere")
    assert "nowhere" in info.value.user_message


async def test_warm_up_loads_the_summariser_off_the_loop(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    threads = counting(monkeypatch, summarize_module, "summarize_topic")
    async with Kabar(settings) as kabar:
        await kabar.warm_up()
    assert len(threads) == 1 and threads[0] != threading.get_ident()


async def test_summary_names_what_a_misspelt_word_of_the_topic_may_have_meant(settings: Settings) -> None:
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        nothing = await kabar.summary("Pentagen")
        assert nothing.items == () and nothing.notes[0].endswith("Close terms: Pentagon.")
        partly = await kabar.summary("kursk pentagen")  # kursk is found; the other word is not
        assert partly.items
        assert "Some words of the topic are in no article; close terms: Pentagon." in partly.notes
        assert partly.meta["suggestions"] == ["Pentagon"]
        whole = await kabar.summary("kursk pentagon")
        assert not any("close terms" in note for note in whole.notes) and whole.meta["suggestions"] == []


async def test_a_database_indexed_before_the_spelling_index_gets_one_at_the_next_index(settings: Settings) -> None:
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        await kabar.db.execute("INSERT INTO spelling_keys (spelling_keys) VALUES ('delete-all')")
        await kabar.db.execute("DELETE FROM spelling_terms")
        await kabar.db.execute("UPDATE spelling_state SET filled = 0, keyed_upto = 0")
    async with Kabar(settings) as kabar:
        report = await kabar.index()
        assert report.unchanged == 5 and not report.added
        assert (await kabar.summary("pentagen")).meta["suggestions"] == ["Pentagon"]


async def test_who_confirmed_reads_the_newest_articles_and_counts_the_rest(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.confirming as confirming_module

    monkeypatch.setattr(confirming_module, "CLAIM_ARTICLE_LIMIT", 2)
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        answer = await kabar.who_confirmed("10000")
        assert answer.meta["articles"] == ["003", "004"]
        assert {c.article for item in answer.items for c in item.citations} <= {"003", "004"}
        assert "The figure appears in 5 articles; sources are drawn from the 2 most recent." in answer.notes
        monkeypatch.setattr(confirming_module, "FIGURE_COUNT_CAP", 3)
        again = await kabar.who_confirmed("10 ribu", explain=True)  # another key: computed afresh
        assert "The figure appears in 3 or more articles; sources are drawn from the 2 most recent." in again.notes


async def test_answers_of_an_older_corpus_are_removed_in_the_background(settings: Settings, seeds_dir: Path) -> None:
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        for topic in ("kursk", "pentagon", "rutte"):
            await kabar.summary(topic)
        old = (await kabar.db.fetchone("SELECT count(*) FROM answer_cache"))[0]
        assert old == 3
        (seeds_dir / "005_0123456789abcdef.txt").write_text(
            "Judul\nPasukan tiba di Kursk pada Selasa.\n", encoding="utf-8"
        )
        await kabar.index()
        answer = await kabar.summary("kursk")  # computed on the new corpus, not served from the old
        assert "005" in answer.meta["articles"]
        await kabar._cached_answers.cleaning  # the background clean-up started by that answer
        versions = await kabar.db.fetchall("SELECT DISTINCT version FROM answer_cache")
        assert versions == [(await kabar._answers.version(),)]


async def test_the_answer_cache_cap_is_a_setting(settings: Settings) -> None:
    async with Kabar(settings.model_copy(update={"answer_cache_mb": 3})) as kabar:
        assert kabar._answers.cap_bytes == 3 * 2**20
