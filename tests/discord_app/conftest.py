"""Fixtures for the Discord tests: the stand-in, an injectable clock, and running real kabar bots.

`standin` starts the fake Discord on 127.0.0.1 and points discord.py at it for the test
only. `bots` starts real `create_bot(...)` instances against it (each with its own open
`Kabar` on the test's private database and seeds copy) and closes them after the test;
`bots.restart()` builds a new instance on the same database, as a process restart would.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.config import Settings
from bot.store.db import Database
from tests.discord_app.standin import DiscordStandIn, pointed_at

TOKEN = "stand-in-bot-token"
JAKARTA = ZoneInfo("Asia/Jakarta")


class FakeClock:
    """A clock for the bot: a callable returning an aware datetime that only tests move."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, when: dt.datetime) -> None:
        self.now = when

    def advance(self, **delta: float) -> dt.datetime:
        self.now = self.now + dt.timedelta(**delta)
        return self.now


def jakarta(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=JAKARTA)


def write_article(seeds: Path, number: int, title: str, paragraphs: list[str]) -> str:
    """Add `NNN_<hash>.txt` to a seeds folder; returns the article id."""
    article_id = f"{number:03d}"
    path = seeds / f"{article_id}_{number:016x}.txt"
    path.write_text(title + "\n" + "\n".join(paragraphs) + "\n", encoding="utf-8")
    return article_id


class Bots:
    """Starts and stops real kabar bots against the stand-in."""

    def __init__(self, standin: DiscordStandIn, settings: Settings, clock: FakeClock) -> None:
        self.standin = standin
        self.settings = settings
        self.clock = clock
        self.running: list[tuple[Any, asyncio.Task[None], Any]] = []

    async def start(self, settings: Settings | None = None, *, tick_seconds: float = 0.05, **options: Any) -> Any:
        from bot.discord_app.client import create_bot
        from bot.service import Kabar

        settings = settings or self.settings
        kabar = Kabar(settings)
        await kabar.__aenter__()
        try:
            await kabar.ensure_indexed()
            # the stand-in sends its one guild at once; do not wait discord.py's 2 s for more
            options.setdefault("guild_ready_timeout", 0.05)
            bot = create_bot(settings, kabar, clock=self.clock, tick_seconds=tick_seconds, **options)
            await bot.login(TOKEN)
            task = asyncio.create_task(bot.connect(), name="bot-connect")
        except BaseException:
            await kabar.__aexit__(None, None, None)
            raise
        self.running.append((bot, task, kabar))
        await asyncio.wait_for(bot.wait_until_ready(), 20)
        return bot

    async def stop(self, bot: Any) -> None:
        for entry in list(self.running):
            if entry[0] is bot:
                self.running.remove(entry)
                _, task, kabar = entry
                await bot.close()
                try:
                    await asyncio.wait_for(task, 10)
                finally:
                    await kabar.__aexit__(None, None, None)

    async def restart(self, bot: Any, **options: Any) -> Any:
        """Stop `bot` and start a fresh instance on the same database and seeds."""
        await self.stop(bot)
        return await self.start(**options)

    async def close(self) -> None:
        for bot, _, _ in list(self.running):
            await self.stop(bot)


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn(token=TOKEN) as fake:
        with pointed_at(fake):
            yield fake


@pytest.fixture
async def db() -> AsyncIterator[Database]:
    """An empty in-memory database."""
    database = await Database.open(":memory:")
    yield database
    await database.close()


@pytest.fixture
def clock() -> FakeClock:
    # 06:00 in Jakarta, an hour before the default digest time
    return FakeClock(jakarta(2026, 3, 2, 6, 0))


@pytest.fixture
def discord_settings(settings: Settings, standin: DiscordStandIn) -> Settings:
    """The shared test settings for a one-server deployment on the stand-in's guild."""
    return settings.model_copy(update={"guild_id": standin.guild_id, "discord_token": None})


@pytest.fixture
async def bots(standin: DiscordStandIn, discord_settings: Settings, clock: FakeClock) -> AsyncIterator[Bots]:
    harness = Bots(standin, discord_settings, clock)
    try:
        yield harness
    finally:
        await harness.close()
    # whatever a test checked, the bot never sent what Discord refuses nor called an unknown route
    assert standin.violations == [], standin.violations
    assert [(r.method, r.path) for r in standin.unhandled] == []
