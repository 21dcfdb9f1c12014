"""Fixtures for store tests: a fresh in-memory database, its repositories, a stand-in figure parser."""

from __future__ import annotations

import re

import pytest

from bot.models import Figure
from bot.store.articles import ArticleStore
from bot.store.db import Database
from bot.store.search import SentenceSearch


def digits_figure(query: str) -> Figure | None:
    """The first digit figure in a query ("10000", "10.000", "10,000"), like parse_figure but
    without depending on corpus code."""
    m = re.search(r"(?<![\w.,])\d+(?:[.,]\d{3})*(?![\w])", query)
    if m is None:
        return None
    return Figure(value=float(re.sub(r"[.,]", "", m.group())), text=m.group(), start=m.start(), end=m.end())


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
