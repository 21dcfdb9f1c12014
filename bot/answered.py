"""Answers served from the SQLite cache while the corpus is unchanged; older ones removed in the background.

    answers = CachedAnswers(cache, stamp)         # cache: bot.store.answers.AnswerCache; stamp() -> str
    await answers.get_or_compute(parts, compute) -> Answer
    answers.cleaning -> asyncio.Task | None       # the background clean-up, if one runs
    await answers.close()                         # stops it (the next process carries on)

The key is the engine stamp (`bot.stamp.engine_stamp`: the release and a digest of the code
and data that make answers, asked on every question), the corpus version and the command's
normalised arguments: an answer of an older corpus or engine is never served, and the first answer computed
on a new corpus version starts one background task that removes the stale rows in small
transactions (TIDY_PAUSE apart), so no answer waits for them.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.models import Answer

log = logging.getLogger(__name__)

#: seconds between the background clean-up's small transactions (answers go first)
TIDY_PAUSE = 0.02


class CachedAnswers:
    """The answer cache as the service uses it."""

    def __init__(self, cache: Any, stamp: Callable[[], str]) -> None:
        self.cache = cache
        self.stamp = stamp
        self.cleaning: asyncio.Task[int] | None = None
        self._cleaned_version: int | None = None

    async def get_or_compute(self, parts: tuple[Any, ...], compute: Callable[[], Awaitable[Answer]]) -> Answer:
        version = await self.cache.version()
        key = self.cache.key(self.stamp(), version, *parts)
        raw = await self.cache.get(key)
        if raw is not None:
            return Answer.from_dict(json.loads(raw))
        data = (await compute()).to_dict()
        await self.cache.put(key, version, json.dumps(data, ensure_ascii=False))
        self._clean_soon(version)
        return Answer.from_dict(data)

    def _clean_soon(self, version: int) -> None:
        if self._cleaned_version == version or (self.cleaning is not None and not self.cleaning.done()):
            return
        self._cleaned_version = version
        self.cleaning = asyncio.create_task(self.cache.tidy(version, pause=TIDY_PAUSE))
        self.cleaning.add_done_callback(_log_failure)

    async def close(self) -> None:
        if self.cleaning is not None:
            self.cleaning.cancel()
            await asyncio.gather(self.cleaning, return_exceptions=True)
            self.cleaning = None


def _log_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("cleaning the answer cache failed", exc_info=task.exception())
