"""Fixtures for store tests: a fresh in-memory database, its repositories, a stand-in figure parser."""

from __future__ import annotations

import re

import pytest

from bot.models import Figure
from bot.store.articles import ArticleStore
from bot.store.db import Database
from bot.store.search import SentenceSearch


def digits_figure(query: str) -> Figure | None:
    """Digit-only figures ("10000", "10.000", "10,000") for tests that must not depend on corpus code."""
    text = query.strip()
    if re.fullmatch(r"\d+(?:[.,]\d{3})*", text):
        return Figure(value=float(re.sub(r"[.,]", "", text)), text=text)
    return None


@pytest.fixture
async def db():
    database = await Database.open(":memory:")
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
def store(db) -> ArticleStore:
    return ArticleStore(db)


@pytest.fixture
def search(db) -> SentenceSearch:
    return SentenceSearch(db, digits_figure)
