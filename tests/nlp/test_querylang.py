"""Telling an English topic from an Indonesian one."""

from __future__ import annotations

import pytest

from bot.nlp.querylang import looks_english


@pytest.mark.parametrize(
    "topic",
    [
        "north korea",
        "North Korea troops",
        "rice prices",
        "the election",
        "flood in jakarta",
        "prime minister",
        "white house",
        "south china sea",
    ],
)
def test_english_topics(topic: str) -> None:
    assert looks_english(topic)


@pytest.mark.parametrize(
    "topic",
    [
        "korea utara",
        "Korut",
        "harga beras",
        "banjir jakarta",
        "pemilu",
        "kursk",
        "Rutte",
        "Mark Rutte",
        "Jokowi",
        "startup",
        "SEA Games",
        "Pentagon",
        "gedung putih",
        "10000",
        "film",
    ],
)
def test_indonesian_topics_and_bare_names(topic: str) -> None:
    assert not looks_english(topic)
