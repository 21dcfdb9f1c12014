"""An English topic is translated to Indonesian before search when an en->id model is installed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.config import Settings
from bot.service import Kabar
from tests.translate.conftest import _build, install


@pytest.fixture(scope="session")
def en_id_package(package_dir: Path) -> Path:
    """translate-en_id 1.0 (random weights: its Indonesian is noise)"""
    return _build(package_dir, "en_id-1.0.argosmodel", from_code="en", to_code="id", seed=3)


async def _notes(settings: Settings, topic: str) -> tuple[bool, list[str], bool]:
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        answer = await kabar.summary(topic)
        return kabar.translations.available("en", "id"), list(answer.notes), bool(answer.items)


def test_an_english_topic_goes_through_the_en_id_model(settings: Settings, en_id_package: Path) -> None:
    available, notes, _ = asyncio.run(_notes(settings, "north korea"))
    assert not available and any("no en→id translation model" in note for note in notes)
    install(settings, en_id_package)
    quick = settings.model_copy(update={"translate_max_ratio": 0.6})
    available, notes, found = asyncio.run(_notes(quick, "north korea"))
    assert available
    translated = [note for note in notes if "translated to Indonesian" in note]
    assert translated and "searched as" in translated[0]
    assert not any("no en→id translation model" in note for note in notes)
    # the Indonesian names of the English topic are searched too: the noise of a random
    # model does not leave the reader with nothing
    assert found
    # an Indonesian topic is never sent through the model
    _, notes, _ = asyncio.run(_notes(quick, "korea utara"))
    assert not any("translated" in note for note in notes)
