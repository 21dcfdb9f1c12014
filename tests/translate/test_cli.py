"""`kabar translate` and `/translate` end to end through the service, with a model installed by the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from bot.config import Settings
from bot.corpus.reader import read_article
from bot.translate.reviewed import read_review

from .conftest import install, kabar


def _article_003(settings: Settings):
    return read_article(next(Path(settings.seeds_dir).glob("003_*.txt")))


def test_ask_translate_json_cites_every_sentence_then_comes_from_cache(settings: Settings, id_en_package: Path) -> None:
    install(settings, id_en_package)
    first = kabar(settings, "ask", "/translate 003", "--json")
    assert first.exit_code == 0, first.output
    answer = json.loads(first.output)
    article = _article_003(settings)
    cites = [item["citations"][0] for item in answer["items"]]
    assert [c["sentence"] for c in cites] == [s.index for s in article.sentences]
    assert [c["text"] for c in cites] == [s.text for s in article.sentences]
    assert all(c["article"] == "003" and c["text_en"] for c in cites)
    assert all(c["provenance"] == "argos translate-id_en 1.0" for c in cites)

    assert answer["decoded"] == len(article.sentences)

    second = json.loads(kabar(settings, "ask", "/translate 003", "--json").output)
    assert second["decoded"] == 0
    assert [i["citations"][0]["text_en"] for i in second["items"]] == [c["text_en"] for c in cites]
    assert all(i["citations"][0]["provenance"].endswith("(cached)") for i in second["items"])


def test_translate_without_a_model_fails_clearly(settings: Settings) -> None:
    for args in (("translate", "003"), ("ask", "/translate 003"), ("translate", "--all")):
        result = kabar(settings, *args)
        assert result.exit_code == 3, (args, result.output)
        assert "kabar models install" in result.output


def test_translate_all_then_export(settings: Settings, id_en_package: Path) -> None:
    install(settings, id_en_package)
    filled = kabar(settings, "translate", "--all", "--json")
    assert filled.exit_code == 0, filled.output
    summary = json.loads(filled.output)
    assert summary["articles"] == 5 and summary["decoded"] == summary["sentences"] > 0

    again = json.loads(kabar(settings, "translate", "--all", "--json").output)
    assert again["decoded"] == 0 and again["sentences"] == summary["sentences"]

    exported = kabar(settings, "translate", "003", "--export")
    assert exported.exit_code == 0, exported.output
    path = Path(settings.translations_dir) / "003.en.txt"
    assert len(read_review(path, "en")) == len(_article_003(settings).sentences)


def test_translate_needs_an_article_or_all(settings: Settings) -> None:
    result = kabar(settings, "translate")
    assert result.exit_code == 2
    assert "--all" in result.output
