"""The typed seams between the adapters and the service: what the terminal and Discord need from kabar.

    ArticleReader      what composing a digest reads (bot.stories)
    ChatService        what the Discord adapter calls (bot.discord_app)
    TerminalService    what the terminal adapter calls (bot.cli)
    Feeds              the news-feed part of the service (`service.feeds`)
    GuildSettingsStore per-server digest settings and claims (`service.guilds`, bot.digest)

`bot.service.Kabar` satisfies every one of them; test fakes are annotated with the one they
stand in for, so the type checker and tests/test_seams.py catch a fake that drifts. Adapters
hold these types only: never `Any`, never an attribute probed with getattr.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bot.models import (
    Answer,
    Article,
    ArticleInfo,
    Citation,
    DigestClaim,
    GuildSettings,
    IndexReport,
    SearchHit,
    Skipped,
    Source,
    TranslationRun,
)

if TYPE_CHECKING:  # pragma: no cover - types only: the feed machinery loads when the service opens
    from bot.feeding import ArticleOrigin, Cpu, FeedReport
    from bot.store.feeds import FeedRow


class Feeds(Protocol):
    """News feeds: added, listed, removed and polled through the service."""

    async def add(self, url: str, outlet: str | None = None) -> tuple[FeedRow, str]: ...

    async def remove(self, url: str) -> tuple[FeedRow, list[str]]: ...

    async def feeds(self) -> list[FeedRow]: ...

    async def poll(self, *, forced: bool = True, cpu: Cpu | None = None) -> list[FeedReport]: ...

    async def provenance(self, article_id: str) -> ArticleOrigin | None: ...

    async def pauses_to_report(self) -> list[FeedRow]: ...

    async def pause_reported(self, feed: FeedRow) -> None: ...


class GuildSettingsStore(Protocol):
    """Per-server digest settings, and the claims that post each channel's digest once a day."""

    async def get(self, guild_id: int) -> GuildSettings | None: ...

    async def all(self) -> list[GuildSettings]: ...

    async def set_channel(
        self, guild_id: int, channel_id: int, *, by: int | None, where: int | None, now: dt.datetime
    ) -> None: ...

    async def set_time(
        self, guild_id: int, hhmm: str, tz: str | None, *, by: int | None, where: int | None, now: dt.datetime
    ) -> None: ...

    async def disable(self, guild_id: int, *, by: int | None, where: int | None, now: dt.datetime) -> None: ...

    async def ensure(self, guild_id: int, *, now: dt.datetime) -> None: ...

    async def mark_attention(self, guild_id: int, reason: str, *, now: dt.datetime) -> None: ...

    async def claim(self, channel_id: int, local_date: str, *, guild_id: int | None, now: dt.datetime) -> bool: ...

    async def finish(
        self,
        channel_id: int,
        local_date: str,
        state: str,
        *,
        now: dt.datetime,
        message_id: int | None = None,
        watermark: str | None = None,
        articles: int = 0,
        detail: str | None = None,
    ) -> None: ...

    async def release(self, channel_id: int, local_date: str) -> None: ...

    async def claims(self, since_date: str | None = None) -> list[DigestClaim]: ...

    async def stale(self) -> list[DigestClaim]: ...

    async def last_done(self, channel_id: int | None = None) -> DigestClaim | None: ...

    async def watermark(self, channel_id: int) -> str | None: ...


class ArticleReader(Protocol):
    """The indexed articles, and English for cited sentences: what a digest is made from."""

    async def articles(self, since: str | None = None) -> list[ArticleInfo]: ...

    async def article(self, ref: str) -> Article: ...

    async def in_english(self, citations: Sequence[Citation]) -> list[Citation]: ...


class _Indexing(Protocol):
    async def ensure_indexed(self) -> IndexReport | None: ...

    async def index(
        self,
        directory: Path | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        reread: bool = False,
    ) -> IndexReport: ...


class _Answers(Protocol):
    async def summary(
        self, topic: str, sentences: int | None = None, method: str | None = None, lang: str = "en"
    ) -> Answer: ...

    async def who_confirmed(self, figure: str, explain: bool = False) -> Answer: ...

    async def translate(self, article: str, lang: str = "en") -> Answer: ...

    @property
    def feeds(self) -> Feeds: ...


class ChatService(ArticleReader, _Indexing, _Answers, Protocol):
    """What the Discord adapter needs from the service."""

    @property
    def guilds(self) -> GuildSettingsStore: ...

    def can_translate(self, src: str = "id", tgt: str = "en") -> bool: ...

    async def about(self) -> dict[str, str | int]: ...

    async def warm_up(self) -> None: ...


class TerminalService(ArticleReader, _Indexing, _Answers, Protocol):
    """What the terminal adapter needs from the service."""

    async def ask(self, line: str, *, check_sources: bool = True) -> Answer: ...

    async def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    async def summarize_text(self, text: str, sentences: int = 3, method: str | None = None) -> Answer: ...

    async def sources(self) -> list[Source]: ...

    async def remove_source(self, directory: Path) -> tuple[Source, list[str]]: ...

    async def skipped(self) -> list[Skipped]: ...

    async def translate_all(
        self, lang: str = "en", *, export: bool = False, progress: Callable[[str, int, int], None] | None = None
    ) -> TranslationRun: ...

    async def export_translation(self, ref: str, lang: str = "en") -> Path: ...

    async def compact_storage(self, announce: Callable[[], None] | None = None) -> bool: ...


__all__ = ["ArticleReader", "ChatService", "Feeds", "GuildSettingsStore", "TerminalService"]
