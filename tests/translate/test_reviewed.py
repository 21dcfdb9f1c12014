"""translations/: exported review files, reviewed lines served or ignored, and the glossary."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import TranslationError
from bot.store.db import Database
from bot.translate.api import Translations
from bot.translate.reviewed import (
    load_glossary,
    read_review,
    review_path,
    short_hash,
    write_review,
)

from .conftest import make_article, seed_article


@pytest.fixture
async def db(settings: Settings):
    database = await Database.open(settings.db)
    yield database
    await database.close()


def _review(path: Path, index: int, english: str) -> None:
    """Fill the reviewed line of one block, as a person would in an editor."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"@ {index} "))
    slot = next(i for i in range(start, len(lines)) if lines[i].startswith("en:"))
    lines[slot] = f"en: {english}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


async def test_export_writes_one_block_per_sentence(with_model: Settings, db: Database) -> None:
    article = seed_article(3)
    path = await Translations(with_model, db).export_article(article)
    assert path == review_path(with_model.translations_dir, article.id, "en")
    blocks = read_review(path, "en")
    assert [b.index for b in blocks] == [s.index for s in article.sentences]
    assert [b.source for b in blocks] == [s.text for s in article.sentences]
    assert [b.hash for b in blocks] == [short_hash(s.text) for s in article.sentences]
    assert all(b.machine for b in blocks)
    assert all(b.reviewed == "" for b in blocks)


async def test_reviewed_line_is_served_and_marked(with_model: Settings, db: Database) -> None:
    article = seed_article(3)
    translations = Translations(with_model, db)
    path = await translations.export_article(article)
    _review(path, 2, "Earlier, the Seoul government said the troops had been withdrawn.")

    citations = await translations.translate_article(article)
    assert len(citations) == len(article.sentences)
    assert citations[1].provenance == "reviewed"
    assert citations[1].text_en == "Earlier, the Seoul government said the troops had been withdrawn."
    assert all(c.provenance != "reviewed" for c in citations if c.sentence != 2)


async def test_reviewed_line_for_a_changed_sentence_is_ignored(with_model: Settings, db: Database) -> None:
    article = seed_article(3)
    translations = Translations(with_model, db)
    path = await translations.export_article(article)
    _review(path, 1, "A reviewed line.")

    changed = list(article.sentences)
    changed[0] = dataclasses.replace(changed[0], text=changed[0].text.replace("Kursk", "Belgorod"))
    edited = dataclasses.replace(article, sentences=tuple(changed))

    citations = await translations.translate_article(edited)
    assert citations[0].provenance != "reviewed"
    assert citations[0].text_en != "A reviewed line."
    warnings = await translations.review_warnings(edited)
    assert len(warnings) == 1 and "sentence 1" in warnings[0] and "changed" in warnings[0]
    assert await translations.review_warnings(article) == []


async def test_reviewed_line_follows_its_sentence_when_renumbered(with_model: Settings, db: Database) -> None:
    article = make_article("009", ["Kalimat pertama.", "Kalimat kedua yang penting."])
    translations = Translations(with_model, db)
    path = await translations.export_article(article)
    _review(path, 2, "The second, important sentence.")
    moved = make_article("009", ["Kalimat baru di depan.", "Kalimat pertama.", "Kalimat kedua yang penting."])
    citations = await translations.translate_article(moved)
    assert [c.provenance == "reviewed" for c in citations] == [False, False, True]


async def test_reexport_keeps_reviews(with_model: Settings, db: Database) -> None:
    article = seed_article(0)
    translations = Translations(with_model, db)
    path = await translations.export_article(article)
    _review(path, 3, "Kept by the reviewer.")
    await translations.export_article(article)
    reviewed = {b.index: b.reviewed for b in read_review(path, "en") if b.reviewed}
    assert reviewed == {3: "Kept by the reviewer."}


async def test_fully_reviewed_article_needs_no_model(settings: Settings, db: Database) -> None:
    article = make_article("010", ["Satu kalimat.", "Dua kalimat."])
    write_review(settings.translations_dir, article, "en", ["", ""])
    for index, english in ((1, "One sentence."), (2, "Two sentences.")):
        _review(review_path(settings.translations_dir, "010", "en"), index, english)
    citations = await Translations(settings, db).translate_article(article)
    assert [c.text_en for c in citations] == ["One sentence.", "Two sentences."]
    assert {c.provenance for c in citations} == {"reviewed"}


def test_wrapped_reviewed_line_is_joined(tmp_path: Path) -> None:
    path = tmp_path / "011.en.txt"
    path.write_text("# note\n@ 1 abcdef012345\nid: Kalimat.\nmt: Sentence.\nen: A long reviewed\n  sentence.\n")
    (block,) = read_review(path, "en")
    assert block.reviewed == "A long reviewed sentence."


def test_malformed_review_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "012.en.txt"
    path.write_text("stray text before any block\n")
    with pytest.raises(TranslationError, match=r"012\.en\.txt:1"):
        read_review(path, "en")
    path.write_text("@ one abc\n")
    with pytest.raises(TranslationError, match="@ <sentence number> <hash>"):
        read_review(path, "en")


def _glossary(settings: Settings, text: str) -> None:
    settings.translations_dir.mkdir(parents=True, exist_ok=True)
    (settings.translations_dir / "glossary.tsv").write_text(text, encoding="utf-8")


def test_glossary_file_format(settings: Settings) -> None:
    _glossary(settings, "indonesian\tenglish\n# comment\nKorea Utara\tNorth Korea | DPRK\n\nKursk\tKursk\n")
    entries = load_glossary(settings.translations_dir)
    assert [(e.term, e.english) for e in entries] == [("Korea Utara", ("North Korea", "DPRK")), ("Kursk", ("Kursk",))]
    _glossary(settings, "Korea Utara North Korea\n")
    with pytest.raises(TranslationError, match=r"glossary\.tsv:1"):
        load_glossary(settings.translations_dir)


async def test_glossary_violation_is_flagged(with_model: Settings, db: Database) -> None:
    _glossary(with_model, "Korea Utara\tNorth Korea\nBadan Intelijen\tintelligence agency\n")
    translations = Translations(with_model, db)
    done = await translations.translate_texts(["Korea Utara mengirim pasukan.", "Rusia diam."])
    assert "glossary: Korea Utara -> North Korea" in done[0].flags
    assert not any(f.startswith("glossary") for f in done[1].flags)


async def test_reviewed_line_with_the_term_passes_the_glossary(with_model: Settings, db: Database) -> None:
    _glossary(with_model, "Korea Utara\tNorth Korea\n")
    article = make_article("013", ["Korea Utara mengirim 10.000 tentara."])
    translations = Translations(with_model, db)
    path = await translations.export_article(article)
    _review(path, 1, "North Korea sent 10,000 soldiers.")
    (citation,) = await translations.translate_article(article)
    assert citation.provenance == "reviewed" and citation.flags == ()

    _review(path, 1, "Pyongyang sent 1,000 soldiers.")
    (citation,) = await translations.translate_article(article)
    assert citation.flags == ("figure-mismatch: 10,000 missing", "glossary: Korea Utara -> North Korea")


def test_sentence_hash_is_stable() -> None:
    assert short_hash("  Kalimat.  ") == short_hash("Kalimat.")
    assert len(short_hash("x")) == 12
    assert short_hash("Kalimat.") != short_hash("Kalimat lain.")
