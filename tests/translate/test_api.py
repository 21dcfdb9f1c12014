"""The Translations façade: articles sentence by sentence, the cache, versions, pivots, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import ModelNotInstalled
from bot.store.db import Database
from bot.translate import packages
from bot.translate.api import Translations
from bot.translate.engine import Engine

from .conftest import make_article, seed_article


def install(settings: Settings, package: Path) -> None:
    """Inside a running event loop the CLI cannot be used (it runs its own loop)."""
    packages.install_file(settings.models_dir, package)


@pytest.fixture
async def db(settings: Settings):
    database = await Database.open(settings.db)
    yield database
    await database.close()


async def test_article_gives_one_citation_per_sentence(with_model: Settings, db: Database) -> None:
    article = seed_article(3)
    translations = Translations(with_model, db)
    citations = await translations.translate_article(article)

    assert len(citations) == len(article.sentences)
    assert [c.sentence for c in citations] == [s.index for s in article.sentences]
    assert [c.text for c in citations] == [s.text for s in article.sentences]
    assert {c.article for c in citations} == {article.id}
    assert all(c.text_en for c in citations)
    assert {c.provenance for c in citations} == {"argos translate-id_en 1.0"}
    assert translations.decoded_sentences == len(article.sentences)
    await translations.close()


async def test_second_request_decodes_nothing(with_model: Settings, db: Database) -> None:
    article = seed_article(1)
    first = Translations(with_model, db)
    before = await first.translate_article(article)
    await first.close()

    second = Translations(with_model, db)  # a new process would start like this
    after = await second.translate_article(article)
    assert second.decoded_sentences == 0
    assert not any(engine.loaded for engine in second._engines.values())
    assert [c.text_en for c in after] == [c.text_en for c in before]
    assert all(c.provenance == "argos translate-id_en 1.0 (cached)" for c in after)

    done = await second.translate_texts([s.text for s in article.sentences])
    assert all(t.cached for t in done)
    assert second.decoded_sentences == 0


async def test_duplicates_are_decoded_once(with_model: Settings, db: Database) -> None:
    translations = Translations(with_model, db)
    done = await translations.translate_texts(["Pasukan dikerahkan.", "Pasukan dikerahkan.", ""])
    assert translations.decoded_sentences == 1
    assert done[0].text_en == done[1].text_en and done[2].text_en == ""
    assert len(done) == 3


async def test_new_package_version_misses_old_cache(with_model: Settings, db: Database, id_en_package_v2: Path) -> None:
    article = seed_article(4)
    old = Translations(with_model, db)
    await old.translate_article(article)
    await old.close()

    install(with_model, id_en_package_v2)
    new = Translations(with_model, db)
    citations = await new.translate_article(article)
    assert new.decoded_sentences == len(article.sentences)
    assert {c.provenance for c in citations} == {"argos translate-id_en 1.1"}


async def test_changed_decoding_options_miss_the_cache(with_model: Settings, db: Database) -> None:
    texts = [s.text for s in seed_article(0).sentences][:5]
    await Translations(with_model, db).translate_texts(texts)
    wider = Translations(with_model.model_copy(update={"translate_beam_size": 3}), db)
    await wider.translate_texts(texts)
    assert wider.decoded_sentences == len(texts)


async def test_engine_is_loaded_once_per_facade(with_model: Settings, db: Database) -> None:
    translations = Translations(with_model, db)
    await translations.translate_texts(["Satu kalimat."])
    engine = next(iter(translations._engines.values()))
    await translations.translate_texts(["Kalimat lain sama sekali."])
    assert next(iter(translations._engines.values())) is engine
    assert engine.decoded_sentences == 2


async def test_without_a_model_the_error_names_the_fix(settings: Settings, db: Database) -> None:
    translations = Translations(settings, db)
    assert translations.available("id", "en") is False
    with pytest.raises(ModelNotInstalled) as info:
        await translations.translate_article(seed_article(3))
    assert "kabar models install" in str(info.value)


async def test_pivot_through_english(with_model: Settings, db: Database, en_de_package: Path) -> None:
    translations = Translations(with_model, db)
    assert translations.available("id", "de") is False
    with pytest.raises(ModelNotInstalled, match="en->de"):
        translations.route("id", "de")

    install(with_model, en_de_package)
    assert translations.available("id", "de")
    article = seed_article(2)
    citations = await translations.translate_article(article, lang="de")
    assert len(citations) == len(article.sentences)
    assert {c.provenance for c in citations} == {"argos translate-id_en 1.0 + argos translate-en_de 1.0"}
    assert all("__de__" not in (c.text_en or "") for c in citations)
    # the English hop was cached on the way: an English request decodes nothing more
    before = translations.decoded_sentences
    await translations.translate_article(article, lang="en")
    assert translations.decoded_sentences == before


async def test_a_removed_figure_is_flagged(with_model: Settings, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def lossy(self: Engine, sentences: list[str]) -> list[str]:
        self.decoded_sentences += len(sentences)
        return ["More than ten thousand troops were sent." if "10.000" in s else "Troops were sent." for s in sentences]

    monkeypatch.setattr(Engine, "translate", lossy)
    article = make_article("007", ["Lebih dari 10.000 tentara dikirim.", "Sebanyak 2.500 tentara dikirim."])
    citations = await Translations(with_model, db).translate_article(article)
    assert citations[0].flags == ()
    assert citations[1].flags == ("figure-mismatch: 2,500 missing",)
    assert citations[1].text_en == "Troops were sent."  # kept, but flagged beside its original


async def test_echo_and_empty_outputs_are_flagged(
    with_model: Settings, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Engine, sentences: list[str]) -> list[str]:
        return [s if "echo" in s else "" for s in sentences]

    monkeypatch.setattr(Engine, "translate", broken)
    done = await Translations(with_model, db).translate_texts(
        ["Pasukan Korea Utara kembali dikerahkan echo.", "Pasukan Korea Utara mundur."]
    )
    assert "untranslated" in done[0].flags
    assert done[1].flags == ("empty",)


async def test_translation_path_opens_no_socket(settings: Settings, id_en_package: Path, no_network: list[str]) -> None:
    install(settings, id_en_package)
    database = await Database.open(settings.db)
    try:
        translations = Translations(settings, database)
        citations = await translations.translate_article(seed_article(3))
        await translations.export_article(seed_article(3))
        assert len(citations) == len(seed_article(3).sentences)
        translations.status()
    finally:
        await database.close()
    assert no_network == []


async def test_without_database_nothing_is_cached(with_model: Settings) -> None:
    translations = Translations(with_model, None)
    await translations.translate_texts(["Satu."])
    await translations.translate_texts(["Satu."])
    assert translations.decoded_sentences == 2


async def test_status_reports_packages_and_loaded_engines(with_model: Settings, db: Database) -> None:
    translations = Translations(with_model, db)
    assert translations.status()["loaded"] == []
    await translations.translate_texts(["Satu."])
    status = translations.status()
    assert status["pairs"] == ["id->en"]
    assert status["loaded"] == ["translate-id_en 1.0"]
    assert status["packages"][0]["version"] == "1.0"
    await translations.close()
    assert translations.status()["loaded"] == []


async def test_decoding_runs_off_the_loop_with_bounded_concurrency(
    with_model: Settings, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio
    import threading
    import time

    running, peak, lock = [0], [0], threading.Lock()

    def slow(self: Engine, sentences: list[str]) -> list[str]:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.2)
        with lock:
            running[0] -= 1
        return [f"text {i}" for i, _ in enumerate(sentences)]

    monkeypatch.setattr(Engine, "translate", slow)
    translations = Translations(with_model, db)  # translate_concurrency = 1
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    await asyncio.gather(*(translations.translate_texts([f"Kalimat nomor {n}."]) for n in range(3)))
    task.cancel()
    assert peak[0] == 1
    assert ticks >= 20  # the loop kept running while three 0.2 s decodes went by


async def test_concurrent_requests_for_one_article_decode_it_once(with_model: Settings, db: Database) -> None:
    import asyncio

    article = seed_article(3)
    translations = Translations(with_model, db)
    first, second = await asyncio.gather(
        translations.translate_article(article), translations.translate_article(article)
    )
    assert translations.decoded_sentences == len(article.sentences)
    assert [c.text_en for c in first] == [c.text_en for c in second]
    assert sum(c.provenance.endswith("(cached)") for c in first + second) == len(article.sentences)


async def test_a_cache_write_failure_does_not_lose_the_translation(
    with_model: Settings, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.errors import StoreError
    from bot.store.translations import TranslationCache

    async def refuse(self, items) -> None:
        raise StoreError("database is locked")

    monkeypatch.setattr(TranslationCache, "put_many", refuse)
    translations = Translations(with_model, db)
    done = await translations.translate_texts(["Satu kalimat.", "Dua kalimat."])
    assert [bool(t.text_en) for t in done] == [True, True]
    assert await TranslationCache(db).count() == 0


def test_availability_follows_installs_and_removals_without_a_restart(settings: Settings, id_en_package: Path) -> None:
    translations = Translations(settings, None)
    assert not translations.available("id", "en")
    packages.install_file(Path(settings.models_dir), id_en_package)
    assert translations.available("id", "en")
    listing = translations.installed()
    assert translations.installed() is listing  # unchanged folder: not read again
    packages.remove(Path(settings.models_dir), "id", "en")
    assert not translations.available("id", "en")
