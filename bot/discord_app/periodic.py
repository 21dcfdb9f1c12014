"""A background task of the bot: `tick()` every few seconds once the gateway is ready, never fatal.

    class MyLoop(Periodic):
        async def tick(self): ...
    loop = MyLoop(bot, tick_seconds=30.0, name="kabar-x")
    loop.start()          # from the bot's setup_hook
    await loop.stop()     # from the bot's close()

One bad tick is logged with its traceback and the loop goes on; `tick()` stays public so
tests run a schedule at a moved clock instead of sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from bot.discord_app.client import KabarBot

log = logging.getLogger(__name__)


class Periodic:
    """Runs `tick()` every `tick_seconds` while the bot is connected."""

    def __init__(self, bot: KabarBot, *, tick_seconds: float, name: str) -> None:
        self.bot = bot
        self.tick_seconds = tick_seconds
        self.name = name
        self._task: asyncio.Task | None = None
        self._tick_lock = asyncio.Lock()  # a tick started by hand never overlaps the loop's own

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        while not self.bot.is_closed():
            try:
                await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception:  # the loop must survive one bad tick
                log.exception("%s: a tick failed", self.name)
            await asyncio.sleep(self.tick_seconds)

    async def tick(self) -> Any:  # pragma: no cover - every loop defines its own
        raise NotImplementedError
