"""The seams of bot/seams.py: the real service, every Protocol and every test fake agree member by member.

A fake that drifts from the service (a missing method, another parameter, another default)
fails here, not silently in the tests that lean on it.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Protocol

import pytest

from bot.config import Settings
from bot.feeding import Feeding
from bot.seams import ArticleReader, ChatService, Feeds, GuildSettingsStore, TerminalService
from bot.service import Kabar
from bot.store.guilds import GuildStore
from tests.discord_app import test_commands, test_digest

PAIRS: list[tuple[type, type]] = [
    (ChatService, Kabar),
    (TerminalService, Kabar),
    (ArticleReader, Kabar),
    (Feeds, Feeding),
    (GuildSettingsStore, GuildStore),
    (ChatService, test_commands.FakeKabar),
    (ArticleReader, test_digest.FakeKabar),
    (Feeds, test_commands.FakeFeeds),
]


def members(protocol: type) -> dict[str, object]:
    """The Protocol's own members (inherited Protocols included), by name."""
    found: dict[str, object] = {}
    for klass in reversed(protocol.__mro__):
        if klass is object or klass is Protocol or not getattr(klass, "_is_protocol", False):
            continue
        found.update({k: v for k, v in vars(klass).items() if not k.startswith("_")})
    return found


def shape(func: object) -> tuple[bool, list[tuple[str, object, object]]]:
    """Whether it is a coroutine function, and its parameters (name, kind, default) after self."""
    params = list(inspect.signature(func).parameters.values())[1:]  # type: ignore[arg-type]
    return inspect.iscoroutinefunction(func), [(p.name, p.kind, p.default) for p in params]


def has_attribute(cls: type, name: str) -> bool:
    annotated = any(name in getattr(k, "__annotations__", {}) for k in cls.__mro__)
    return annotated or isinstance(inspect.getattr_static(cls, name, None), property)


@pytest.mark.parametrize(("protocol", "impl"), PAIRS, ids=lambda c: c.__qualname__)
def test_the_implementation_matches_the_protocol_member_by_member(protocol: type, impl: type) -> None:
    drift = []
    for name, member in members(protocol).items():
        if isinstance(member, property):
            if not has_attribute(impl, name):
                drift.append(f"{name}: missing attribute")
            continue
        found = inspect.getattr_static(impl, name, None)
        if found is None:
            drift.append(f"{name}: missing")
        elif shape(found) != shape(member):
            drift.append(f"{name}: {shape(found)} != {shape(member)}")
    assert drift == []


def test_the_checker_catches_a_drifted_fake() -> None:
    class Drifted:
        async def articles(self, since: str | None = "x") -> list:  # another default
            return []

        async def article(self, ref: str, lang: str = "en") -> object:  # another parameter
            return None

    assert shape(Drifted.articles) != shape(ArticleReader.articles)
    assert shape(Drifted.article) != shape(ArticleReader.article)
    assert "in_english" in members(ArticleReader) and not hasattr(Drifted, "in_english")


def test_the_protocols_name_every_adapter_facing_method() -> None:
    assert {"summary", "who_confirmed", "translate", "about", "guilds", "feeds", "can_translate"} <= set(
        members(ChatService)
    )
    assert {"ask", "translate_all", "export_translation", "search", "sources"} <= set(members(TerminalService))


async def test_the_discord_fake_tells_about_with_the_services_keys(settings: Settings, tmp_path: Path) -> None:
    from bot.store.db import Database

    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        real = await kabar.about()
    db = await Database.open(tmp_path / "fake.db")
    try:
        fake = await test_commands.FakeKabar(db).about()
    finally:
        await db.close()
    assert list(fake) == list(real)
    assert {type(v) for v in real.values()} <= {str, int}


async def test_in_english_leaves_citations_as_they_are_without_a_model(settings: Settings) -> None:
    from bot.models import Citation

    cites = [Citation("001", 1, "Pasukan tiba."), Citation("001", 2, "Pentagon membenarkan.")]
    async with Kabar(settings) as kabar:
        assert not kabar.can_translate("id", "en")
        assert await kabar.in_english(cites) == cites
