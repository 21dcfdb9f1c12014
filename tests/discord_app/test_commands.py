"""Slash-command callbacks, the pager, the error handler and the bot's set-up, against spec'd fakes.

The fakes record every Discord call with its arguments, so the tests can check what a
user would see: deferral before work, ephemeral errors, no mentions allowed anywhere.
(The end-to-end tests drive the real client through the local Discord stand-in.)
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.config import Settings
from bot.discord_app.client import NO_TOKEN, KabarTree, create_bot, intents, run_bot
from bot.discord_app.commands import DigestGroup, build_commands
from bot.discord_app.digest_task import DiscordPoster
from bot.discord_app.replies import APOLOGY, quick_or_defer
from bot.discord_app.views import EXPIRED, ONLY_INVOKER, Pager, answer_expired, pager_key
from bot.errors import ArticleNotFound, ConfigError, ModelNotInstalled, PostForbidden, QueryError
from bot.feeding import ArticleOrigin, Cpu, FeedReport
from bot.models import Answer, AnswerItem, Article, ArticleInfo, Citation, IndexReport
from bot.present.discord import Page, render_answer
from bot.seams import Feeds, GuildSettingsStore
from bot.store.db import Database
from bot.store.feeds import FeedRow
from bot.store.guilds import GuildStore
from bot.stories import Digest, Story


# --------------------------------------------------------------------------- fakes
class Calls(list):
    def named(self, name: str) -> list[dict[str, Any]]:
        return [kwargs for call, kwargs in self if call == name]


class FakeMessage:
    def __init__(self, calls: Calls, mid: int = 1) -> None:
        self.calls, self.id = calls, mid

    async def edit(self, **kwargs: Any) -> None:
        self.calls.append(("message.edit", kwargs))


class FakeResponse:
    def __init__(self, calls: Calls) -> None:
        self.calls, self.done = calls, False

    def is_done(self) -> bool:
        return self.done

    async def defer(self, **kwargs: Any) -> None:
        self.calls.append(("defer", kwargs))
        self.done = True

    async def send_message(self, content: str | None = None, **kwargs: Any) -> None:
        self.calls.append(("send_message", {"content": content, **kwargs}))
        self.done = True

    async def edit_message(self, **kwargs: Any) -> None:
        self.calls.append(("edit_message", kwargs))
        self.done = True


class FakeFollowup:
    def __init__(self, calls: Calls) -> None:
        self.calls = calls

    async def send(self, content: str | None = None, **kwargs: Any) -> FakeMessage:
        self.calls.append(("followup", {"content": content, **kwargs}))
        return FakeMessage(self.calls, mid=len(self.calls))


class FakeInteraction:
    def __init__(self, client: Any, *, user_id: int = 100, manage: bool = True, guild_id: int | None = 1) -> None:
        self.client = client
        self.calls = Calls()
        self.response = FakeResponse(self.calls)
        self.followup = FakeFollowup(self.calls)
        self.user = SimpleNamespace(id=user_id)
        self.extras: dict[str, Any] = {}
        self.guild_id = guild_id
        self.channel_id = 500
        self.permissions = discord.Permissions(manage_guild=manage)
        self.command = None

    async def delete_original_response(self) -> None:
        self.calls.append(("delete_original", {}))


def cite(article: str, sentence: int, text: str, en: str | None = None) -> Citation:
    return Citation(article=article, sentence=sentence, text=text, text_en=en)


class FakeFeeds:
    """The service's feeds with nothing behind them: `pauses` are the paused feeds to report."""

    def __init__(self, pauses: list[FeedRow] | None = None) -> None:
        self.pauses = list(pauses or [])
        self.polls: list[bool] = []

    async def add(self, url: str, outlet: str | None = None) -> tuple[FeedRow, str]:
        raise QueryError(f"{url} is not a feed here.")

    async def remove(self, url: str) -> tuple[FeedRow, list[str]]:
        raise QueryError(f"No feed {url} is polled.")

    async def feeds(self) -> list[FeedRow]:
        return []

    async def poll(self, *, forced: bool = True, cpu: Cpu | None = None) -> list[FeedReport]:
        self.polls.append(forced)
        return [FeedReport(p.url, "failed", reason=p.last_error, failures=p.failures, paused=True) for p in self.pauses]

    async def provenance(self, article_id: str) -> ArticleOrigin | None:
        return None

    async def pauses_to_report(self) -> list[FeedRow]:
        return list(self.pauses)

    async def pause_reported(self, feed: FeedRow) -> None:
        self.pauses.remove(feed)


class FakeKabar:
    """The service as the Discord adapter sees it (bot.seams.ChatService), with canned answers.

    `installed` says whether a translation model is there; `asked` records the cheap model checks.
    """

    feeds: Feeds
    guilds: GuildSettingsStore

    def __init__(self, db: Database, items: int = 2, feeds: Feeds | None = None) -> None:
        self.guilds = GuildStore(db)
        self.feeds = feeds or FakeFeeds()
        self.items = items
        self.calls: list[tuple] = []
        self.installed = True
        self.asked: list[tuple[str, str]] = []
        self.translate_delay = 0.0

    def can_translate(self, src: str = "id", tgt: str = "en") -> bool:
        self.asked.append((src, tgt))
        return self.installed

    async def summary(
        self, topic: str, sentences: int | None = None, method: str | None = None, lang: str = "en"
    ) -> Answer:
        self.calls.append(("summary", topic, sentences, lang))
        if topic == "boom":
            raise RuntimeError("bug")
        if topic == "nothing":
            raise QueryError("No indexed article mentions 'nothing'.")
        items = tuple(
            AnswerItem(
                text=f"Kalimat {i} @everyone.",
                text_en=f"Sentence {i}.",
                citations=(cite("003", i + 1, f"Kalimat {i} @everyone.", f"Sentence {i}."),),
            )
            for i in range(self.items)
        )
        return Answer(command="summary", query=topic, items=items)

    async def who_confirmed(self, figure: str, explain: bool = False) -> Answer:
        self.calls.append(("who-confirmed", figure))
        item = AnswerItem(
            text="Pentagon — confirmed: 10.000",
            citations=(cite("004", 5, "Pentagon membenarkan."),),
            fields={"who": None, "source": "Pentagon", "stance": "confirmed", "scope": "figure", "cue": "membenarkan"},
        )
        return Answer(command="who-confirmed", query=figure, items=(item,))

    async def translate(self, article: str, lang: str = "en") -> Answer:
        self.calls.append(("translate", article, lang))
        await asyncio.sleep(self.translate_delay)
        if not self.installed and article != "reviewed":
            raise ModelNotInstalled("No translation model for id->en is installed.")
        if article == "reviewed":
            article = "003"
        if article != "003":
            raise ArticleNotFound(f"No article {article!r} is indexed (see /articles).")
        return Answer(
            command="translate",
            query="003",
            items=(AnswerItem(text="Hi.", text_en="Hi.", citations=(cite("003", 1, "Hai."),)),),
        )

    async def articles(self, since: str | None = None) -> list[ArticleInfo]:
        titles = {"000": "Pentagon dan NATO benarkan", "003": "Aliansi menguat", "004": "Tentara tiba di Kursk"}
        titles.update({f"{i:03d}": f"Berita lain nomor {i}" for i in range(10, 60)})
        return [
            ArticleInfo(
                id=k,
                key=f"{k}_abc",
                title=v,
                outlet=None,
                sentences=10,
                words=100,
                indexed_at="2026-11-22T00:00:00+00:00",
            )
            for k, v in titles.items()
        ]

    async def article(self, ref: str) -> Article:
        raise ArticleNotFound(f"No article {ref!r} is indexed (see /articles).")

    async def in_english(self, citations: Sequence[Citation]) -> list[Citation]:
        return list(citations)

    async def about(self) -> dict[str, str | int]:
        return {
            "articles": 5,
            "sentences": 50,
            "translation": "no model installed (Indonesian originals shown)",
            "last indexed": "2026-11-22 00:00 UTC",
        }

    async def index(
        self,
        directory: Path | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        reread: bool = False,
    ) -> IndexReport:
        return IndexReport()

    async def ensure_indexed(self) -> IndexReport | None:
        return None

    async def warm_up(self) -> None:
        return None


@pytest.fixture
async def bot(db):
    settings = Settings(_env_file=None, digest_channel_id=None)
    clock = lambda: dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)
    kabar_bot = create_bot(settings, FakeKabar(db), clock=clock, sync=False)
    yield kabar_bot
    await kabar_bot.digest_loop.stop()


def commands_by_name() -> dict[str, Any]:
    return {c.name: c for c in build_commands()}


def assert_no_pings(calls: Calls) -> None:
    none = discord.AllowedMentions.none()
    for name, kwargs in calls:
        if name in {"send_message", "followup", "edit_message", "message.edit"}:
            am = kwargs.get("allowed_mentions")
            assert am is not None, f"{name} without allowed_mentions"
            assert am.to_dict() == none.to_dict()


# --------------------------------------------------------------------------- the bot itself
def test_no_privileged_intents_and_no_pings_by_default() -> None:
    chosen = intents()
    assert not chosen.message_content and not chosen.members and not chosen.presences
    assert chosen.guilds


async def test_bot_defaults_forbid_mentions_and_keep_dependencies(bot) -> None:
    assert bot.allowed_mentions.to_dict() == discord.AllowedMentions.none().to_dict()
    assert isinstance(bot.tree, KabarTree)
    assert bot.now() == dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)


async def test_create_bot_passes_guild_ready_timeout_to_discord_py(db) -> None:
    quick = create_bot(Settings(_env_file=None), FakeKabar(db), sync=False, guild_ready_timeout=0.05)
    default = create_bot(Settings(_env_file=None), FakeKabar(db), sync=False)
    # discord.py keeps the option on its connection state, which waits that long for more servers
    assert quick._connection.guild_ready_timeout == 0.05
    assert default._connection.guild_ready_timeout == 2.0


async def test_a_new_bot_does_not_warn_about_voice_support(db, monkeypatch, caplog) -> None:
    # discord.py warns once per process, so make this the first client it sees
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True)
    with caplog.at_level("WARNING", logger="discord"):
        create_bot(Settings(_env_file=None), FakeKabar(db), sync=False)
    assert not [r for r in caplog.records if "voice" in r.getMessage()]


async def run_setup_hook(kabar_bot, monkeypatch) -> list[Any]:
    """Run the bot's setup_hook with command sync captured; the guild argument of every sync."""
    synced: list[Any] = []

    async def fake_sync(*, guild=None):
        synced.append(guild)
        return []

    monkeypatch.setattr(kabar_bot.tree, "sync", fake_sync)
    await kabar_bot.setup_hook()
    await kabar_bot.digest_loop.stop()
    await kabar_bot.feed_loop.stop()
    return synced


async def test_setup_hook_syncs_to_the_configured_guild(db, monkeypatch) -> None:
    kabar_bot = create_bot(Settings(_env_file=None, guild_id=4242), FakeKabar(db))
    synced = await run_setup_hook(kabar_bot, monkeypatch)
    assert [g.id for g in synced] == [4242]
    names = {c.name for c in kabar_bot.tree.get_commands(guild=discord.Object(id=4242))}
    assert names == {"summary", "who-confirmed", "translate", "articles", "about", "digest", "feeds"}


async def test_setup_hook_syncs_globally_without_a_guild(db, monkeypatch) -> None:
    kabar_bot = create_bot(Settings(_env_file=None), FakeKabar(db))
    synced = await run_setup_hook(kabar_bot, monkeypatch)
    assert synced == [None]


async def test_run_bot_without_a_token_points_to_chat() -> None:
    with pytest.raises(ConfigError) as info:
        await run_bot(Settings(_env_file=None))
    assert "kabar chat" in info.value.user_message
    assert info.value.user_message == NO_TOKEN


def test_command_shapes() -> None:
    cmds = commands_by_name()
    assert set(cmds) == {"summary", "who-confirmed", "translate", "articles", "about", "digest", "feeds"}
    digest = cmds["digest"]
    assert {c.name for c in digest.commands} == {"preview", "channel", "time", "off"}
    assert digest.default_permissions.manage_guild and digest.guild_only
    feeds = cmds["feeds"]
    assert {c.name for c in feeds.commands} == {"add", "list", "remove"}
    assert feeds.default_permissions.manage_guild and feeds.guild_only
    params = {p.name: p for p in cmds["summary"].parameters}
    assert params["topic"].required and not params["sentences"].required
    assert [c.value for c in params["lang"].choices] == ["en", "id"]
    assert {p.name: p.autocomplete for p in cmds["translate"].parameters}["article"]


# --------------------------------------------------------------------------- commands
async def test_summary_defers_then_answers_with_citations_and_no_pings(bot) -> None:
    interaction = FakeInteraction(bot)
    await commands_by_name()["summary"].callback(interaction, "kursk", 3, "en")
    names = [name for name, _ in interaction.calls]
    assert names[0] == "defer" and interaction.calls[0][1]["thinking"]
    [followup] = interaction.calls.named("followup")
    embed = followup["embed"]
    assert "Sentence 0. [003·1]" in embed.description
    assert "@everyone" not in embed.description
    assert isinstance(followup["view"], Pager)  # "Show sources" button
    assert bot.kabar.calls == [("summary", "kursk", 3, "en")]
    assert_no_pings(interaction.calls)


async def test_summary_in_indonesian_shows_originals_first(bot) -> None:
    interaction = FakeInteraction(bot)
    await commands_by_name()["summary"].callback(interaction, "kursk", None, "id")
    [followup] = interaction.calls.named("followup")
    assert "Kalimat 0 @\u200beveryone. [003·1]" in followup["embed"].description


async def test_who_confirmed_and_translate_answer(bot) -> None:
    cmds = commands_by_name()
    interaction = FakeInteraction(bot)
    await cmds["who-confirmed"].callback(interaction, "10.000")
    assert "**Pentagon**" in interaction.calls.named("followup")[0]["embed"].description
    interaction = FakeInteraction(bot)
    await cmds["translate"].callback(interaction, "003 · Aliansi menguat", "en")
    assert ("translate", "003", "en") in bot.kabar.calls
    assert_no_pings(interaction.calls)


async def test_translate_without_a_model_answers_at_once_even_when_every_work_slot_is_taken(bot) -> None:
    bot.kabar.installed = False
    for _ in range(bot.settings.work_concurrency):  # summaries hold every slot
        await bot.work.acquire()
    try:
        interaction = await asyncio.wait_for(invoke_with_handler(bot, "translate", "003", "en"), 2)
    finally:
        for _ in range(bot.settings.work_concurrency):
            bot.work.release()
    # no "thinking" first: the error is the initial response, seen only by the invoker
    assert [name for name, _ in interaction.calls] == ["send_message"]
    [sent] = interaction.calls.named("send_message")
    assert sent["ephemeral"] and "No translation model" in sent["content"]
    assert bot.kabar.asked == [("id", "en")]
    assert_no_pings(interaction.calls)


async def test_translate_without_a_model_still_shows_a_reviewed_article(bot) -> None:
    bot.kabar.installed = False
    interaction = await invoke_with_handler(bot, "translate", "reviewed", "en")
    [followup] = interaction.calls.named("followup")
    assert "Hi." in followup["embed"].description and not followup["ephemeral"]


async def test_quick_work_is_not_deferred_slow_work_is() -> None:
    quick = FakeInteraction(None)
    assert await quick_or_defer(quick, asyncio.sleep(0.01, result="quick"), within=0.5) == "quick"
    assert quick.calls == []  # finished in time: the answer can be the initial response
    slow = FakeInteraction(None)
    assert await quick_or_defer(slow, asyncio.sleep(0.2, result="late"), within=0.05, ephemeral=True) == "late"
    assert slow.calls == [("defer", {"thinking": True, "ephemeral": True})]
    failing = FakeInteraction(None)

    async def boom() -> None:
        raise QueryError("bad")

    with pytest.raises(QueryError):
        await quick_or_defer(failing, boom())
    assert failing.calls == []  # the error handler answers it, still unanswered


async def test_translate_with_a_model_defers_and_takes_a_work_slot(bot) -> None:
    bot.work = asyncio.Semaphore(1)
    held: list[bool] = []
    real = bot.kabar.translate

    async def watching(article: str, lang: str = "en") -> Answer:
        held.append(bot.work.locked())
        return await real(article, lang)

    bot.kabar.translate = watching
    interaction = await invoke_with_handler(bot, "translate", "003", "en")
    assert [name for name, _ in interaction.calls] == ["defer", "followup"]
    assert held == [True] and bot.kabar.asked == [("id", "en")]


async def test_articles_and_about(bot) -> None:
    cmds = commands_by_name()
    interaction = FakeInteraction(bot)
    await cmds["articles"].callback(interaction)
    assert "`003` Aliansi menguat" in interaction.calls.named("followup")[0]["embed"].description
    interaction = FakeInteraction(bot)
    await cmds["about"].callback(interaction)
    fields = {f.name: f.value for f in interaction.calls.named("followup")[0]["embed"].fields}
    assert fields["articles"] == "5" and fields["digest"] == "off" and fields["last digest"] == "never"


async def test_autocomplete_filters_and_caps_at_25(bot) -> None:
    from bot.discord_app.commands import article_choices

    interaction = FakeInteraction(bot)
    everything = await article_choices(interaction, "")
    assert len(everything) == 25
    kursk = await article_choices(interaction, "kursk")
    assert [c.value for c in kursk] == ["004"]
    by_id = await article_choices(interaction, "00")
    assert [c.value for c in by_id][:3] == ["000", "003", "004"]
    assert all(len(c.name) <= 100 for c in everything)


# --------------------------------------------------------------------------- errors
async def invoke_with_handler(bot, name: str, *args: Any) -> FakeInteraction:
    """Run a command the way the tree does: errors go to the tree's on_error."""
    interaction = FakeInteraction(bot)
    command = commands_by_name()[name]
    interaction.command = command
    try:
        await command.callback(interaction, *args)
    except Exception as exc:  # noqa: BLE001 - as discord.py does: any error goes to the tree
        error = exc if isinstance(exc, app_commands.AppCommandError) else app_commands.CommandInvokeError(command, exc)
        await bot.tree.on_error(interaction, error)
    return interaction


async def test_domain_error_becomes_an_ephemeral_message(bot) -> None:
    interaction = await invoke_with_handler(bot, "summary", "nothing", None, "en")
    names = [name for name, _ in interaction.calls]
    assert names == ["defer", "delete_original", "followup"]  # the public "thinking" goes away
    [followup] = interaction.calls.named("followup")
    assert followup["ephemeral"] and "No indexed article mentions" in followup["content"]
    assert_no_pings(interaction.calls)


async def test_unexpected_error_is_logged_and_answered_with_an_apology(bot, caplog) -> None:
    interaction = await invoke_with_handler(bot, "summary", "boom", None, "en")
    [followup] = interaction.calls.named("followup")
    assert followup["ephemeral"] and followup["content"] == APOLOGY
    assert "bug" not in followup["content"]
    assert any(r.exc_info and "bug" in str(r.exc_info[1]) for r in caplog.records)


async def test_error_before_deferring_uses_the_initial_response(bot) -> None:
    interaction = FakeInteraction(bot)
    await bot.tree.on_error(interaction, app_commands.MissingPermissions(["manage_guild"]))
    [sent] = interaction.calls.named("send_message")
    assert sent["ephemeral"] and "Manage Server" in sent["content"]


# --------------------------------------------------------------------------- /digest
def digest_command(name: str):
    group = DigestGroup()
    return group, group.get_command(name)


async def test_digest_setters_need_manage_server(bot) -> None:
    group, channel_cmd = digest_command("channel")
    interaction = FakeInteraction(bot, manage=False)
    with pytest.raises(app_commands.MissingPermissions):
        await channel_cmd.callback(group, interaction, SimpleNamespace(id=777))
    assert await bot.guild_store.get(1) is None


async def test_digest_channel_time_off_are_stored_per_guild(bot) -> None:
    group, channel_cmd = digest_command("channel")
    interaction = FakeInteraction(bot)
    await channel_cmd.callback(group, interaction, SimpleNamespace(id=777))
    [sent] = interaction.calls.named("send_message")
    assert "<#777>" in sent["content"] and "07:00 (Asia/Jakarta)" in sent["content"]
    row = await bot.guild_store.get(1)
    assert (row.channel_id, row.configured_by, row.configured_in) == (777, 100, 500)

    group, time_cmd = digest_command("time")
    interaction = FakeInteraction(bot)
    await time_cmd.callback(group, interaction, "6:05", "Europe/Berlin")
    assert "06:05 (Europe/Berlin) in <#777>" in interaction.calls.named("send_message")[0]["content"]
    with pytest.raises(QueryError):
        await time_cmd.callback(group, FakeInteraction(bot), "25:99", None)
    with pytest.raises(QueryError):
        await time_cmd.callback(group, FakeInteraction(bot), "07:00", "Mars/Olympus")

    interaction = FakeInteraction(bot)
    await bot.tree.on_error(interaction, app_commands.CommandInvokeError(time_cmd, QueryError("bad")))
    assert interaction.calls.named("send_message")[0]["ephemeral"]

    group, off_cmd = digest_command("off")
    await off_cmd.callback(group, FakeInteraction(bot))
    assert not (await bot.guild_store.get(1)).enabled
    assert (await bot.digest_status(1))["digest"] == "off"


async def test_digest_setters_answer_at_once_and_defer_only_a_slow_write(bot, monkeypatch) -> None:
    from bot.discord_app import replies

    group, channel_cmd = digest_command("channel")
    interaction = FakeInteraction(bot)
    await channel_cmd.callback(group, interaction, SimpleNamespace(id=777))
    assert [name for name, _ in interaction.calls] == ["send_message"]  # quick: one reply, no "thinking"

    monkeypatch.setattr(replies, "QUICK_SECONDS", 0.05)
    real = bot.guild_store.set_channel

    async def slow_write(*args: Any, **kwargs: Any) -> None:
        await asyncio.sleep(0.3)  # the connection is busy, say with a re-index
        await real(*args, **kwargs)

    monkeypatch.setattr(bot.guild_store, "set_channel", slow_write)
    interaction = FakeInteraction(bot)
    await channel_cmd.callback(group, interaction, SimpleNamespace(id=778))
    assert interaction.calls[0] == ("defer", {"thinking": True, "ephemeral": True})
    [followup] = interaction.calls.named("followup")
    assert followup["ephemeral"] and "<#778>" in followup["content"]
    assert (await bot.guild_store.get(1)).channel_id == 778
    assert_no_pings(interaction.calls)


async def test_digest_preview_takes_a_work_slot(bot) -> None:
    async def articles(since=None):
        return []

    bot.kabar.articles = articles
    bot.work = asyncio.Semaphore(1)
    held: list[bool] = []
    real = bot.digests.preview

    async def watching(guild_id):
        held.append(bot.work.locked())
        return await real(guild_id)

    bot.digests.preview = watching
    group, preview = digest_command("preview")
    await preview.callback(group, FakeInteraction(bot))
    assert held == [True]


async def test_zone_autocomplete_reads_the_zone_list_once_off_the_loop(bot, monkeypatch) -> None:
    import threading
    import zoneinfo

    reads: list[bool] = []
    real = zoneinfo.available_timezones

    def counting() -> set[str]:
        reads.append(threading.current_thread() is threading.main_thread())
        return real()

    monkeypatch.setattr(zoneinfo, "available_timezones", counting)
    group, _ = digest_command("time")
    asia = await group._tz_choices(FakeInteraction(bot), "asia/ja")
    assert [c.value for c in asia] == ["Asia/Jakarta", "Asia/Jayapura"]
    assert len(await group._tz_choices(FakeInteraction(bot), "")) == 25
    assert reads == [False], "listed once, in a worker thread"


async def test_digest_preview_is_ephemeral(bot) -> None:
    async def articles(since=None):
        return []

    bot.kabar.articles = articles
    group, preview = digest_command("preview")
    interaction = FakeInteraction(bot)
    await preview.callback(group, interaction)
    assert interaction.calls[0] == ("defer", {"thinking": True, "ephemeral": True})
    [followup] = interaction.calls.named("followup")
    assert followup["ephemeral"] and "Nothing new" in followup["embed"].description


# --------------------------------------------------------------------------- pager
def long_pages() -> list[Page]:
    items = tuple(
        AnswerItem(text="Isi panjang. " * 60, citations=(cite("001", i + 1, f"Asli {i}."),)) for i in range(20)
    )
    pages = render_answer(Answer(command="translate", query="001", items=items))
    assert len(pages) >= 3
    return pages


async def test_only_the_invoker_can_page() -> None:
    pager = Pager(long_pages(), invoker_id=100)
    assert pager.previous.disabled and not pager.next.disabled
    stranger = FakeInteraction(None, user_id=999)
    await pager.next.callback(stranger)
    [sent] = stranger.calls.named("send_message")
    assert sent["ephemeral"] and sent["content"] == ONLY_INVOKER
    assert pager.index == 0
    owner = FakeInteraction(None, user_id=100)
    await pager.next.callback(owner)
    [edit] = owner.calls.named("edit_message")
    assert pager.index == 1 and edit["embed"] is pager.pages[1].embed
    assert not pager.previous.disabled
    assert_no_pings(stranger.calls + owner.calls)


async def test_anyone_can_see_the_sources_ephemerally() -> None:
    pager = Pager(long_pages(), invoker_id=100)
    someone = FakeInteraction(None, user_id=5)
    await pager.sources.callback(someone)
    [sent] = someone.calls.named("send_message")
    assert sent["ephemeral"] and "Asli 0." in sent["content"] and "[001·1]" in sent["content"]


async def test_pager_timeout_disables_buttons_once() -> None:
    pager = Pager(long_pages(), invoker_id=100, timeout=0.05)
    calls = Calls()
    pager.message = FakeMessage(calls)
    await pager.on_timeout()
    assert all(child.disabled for child in pager.children)
    [edit] = calls.named("message.edit")
    assert edit["view"] is pager
    assert_no_pings(calls)


async def test_pager_buttons_carry_its_key_and_it_is_live_until_it_stops_or_times_out() -> None:
    live: dict[str, Pager] = {}
    pager = Pager(long_pages(), invoker_id=100, live=live)
    ids = [child.custom_id for child in pager.children]
    assert ids == [f"kabar-pager:{pager.key}:{a}" for a in ("previous", "next", "sources")]
    assert {pager_key(i) for i in ids} == {pager.key}
    assert pager_key("kabar-pager::next") is None and pager_key("something:else") is None and pager_key(None) is None
    assert Pager(long_pages(), invoker_id=100).key != pager.key
    pager.track()
    assert live == {pager.key: pager}
    await pager.on_timeout()
    assert live == {}
    other = Pager(long_pages(), invoker_id=100, live=live)
    other.track()
    other.stop()
    assert live == {}
    other.track()  # a finished pager is never counted as live again
    assert live == {}


async def test_page_timeout_is_the_bots_and_bounded(bot, db) -> None:
    for bad in (0, -1, 15 * 60):
        with pytest.raises(ValueError, match="page_timeout"):
            create_bot(Settings(_env_file=None), FakeKabar(db), sync=False, page_timeout=bad)
    quick = create_bot(Settings(_env_file=None), FakeKabar(db), sync=False, page_timeout=0.5)
    interaction = FakeInteraction(quick)
    await commands_by_name()["summary"].callback(interaction, "kursk", 3, "en")
    [followup] = interaction.calls.named("followup")
    assert followup["view"].timeout == 0.5 and quick.pagers == {followup["view"].key: followup["view"]}
    followup["view"].stop()
    assert bot.page_timeout == 300.0


async def test_a_click_on_expired_buttons_without_a_message_gets_a_private_note() -> None:
    interaction = FakeInteraction(None)
    interaction.message = None
    await answer_expired(interaction)
    [sent] = interaction.calls.named("send_message")
    assert sent["ephemeral"] and sent["content"] == EXPIRED
    assert_no_pings(interaction.calls)


def test_single_page_without_citations_needs_no_buttons() -> None:
    [page] = render_answer(Answer(command="summary", query="x"))
    assert not Pager([page], invoker_id=1).needed


# --------------------------------------------------------------------------- the digest poster
class FakeChannel(discord.abc.Messageable):
    def __init__(self, error: Exception | None = None) -> None:
        self.error, self.sent = error, []

    async def _get_channel(self):  # pragma: no cover - not used by the fake send
        return self

    async def send(self, content=None, **kwargs):  # type: ignore[override]
        if self.error:
            raise self.error
        self.sent.append({"content": content, **kwargs})
        return SimpleNamespace(id=len(self.sent))


def forbidden() -> discord.Forbidden:
    return discord.Forbidden(
        SimpleNamespace(status=403, reason="Forbidden"), {"code": 50013, "message": "Missing Permissions"}
    )


async def test_poster_posts_pages_without_pings_and_maps_forbidden(bot) -> None:
    poster = DiscordPoster(bot)
    channel = FakeChannel()
    bot.get_channel = lambda cid: channel  # type: ignore[method-assign]
    story = Story(title="Cerita @everyone", articles=("001",), summary=(cite("001", 1, "Satu."),), sources=("001",))
    first = await poster.post(10, Digest(local_date="2026-11-23", stories=(story,), articles=1))
    assert first == 1 and channel.sent[0]["embed"].footer.text.startswith("kabar digest 2026-11-23")
    assert channel.sent[0]["allowed_mentions"].to_dict() == discord.AllowedMentions.none().to_dict()
    await poster.post(10, Digest(local_date="2026-11-24"))
    assert "nothing new" in channel.sent[1]["content"] and "kabar digest 2026-11-24" in channel.sent[1]["content"]
    blocked = FakeChannel(forbidden())
    bot.get_channel = lambda cid: blocked  # type: ignore[method-assign]
    with pytest.raises(PostForbidden):
        await poster.post(10, Digest(local_date="2026-11-23", stories=(story,)))


async def test_digest_tick_posts_through_the_bot(bot) -> None:
    channel = FakeChannel()
    bot.get_channel = lambda cid: channel  # type: ignore[method-assign]
    await bot.guild_store.set_channel(1, 10, by=1, where=2, now=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))

    async def articles(since=None):
        return []

    bot.kabar.articles = articles
    outcomes = await bot.digest_loop.tick()  # 10:00 Jakarta: today's 07:00 slot is due
    assert [(o.channel_id, o.local_date, o.state) for o in outcomes] == [(10, "2026-11-23", "empty")]
    assert await bot.digest_loop.tick() == []


def test_kabar_run_without_a_token_exits_pointing_to_chat() -> None:
    from typer.testing import CliRunner

    from bot.cli import build_app

    result = CliRunner().invoke(build_app(), ["run"])
    assert result.exit_code == 78
    assert "kabar chat" in result.output and "KABAR_DISCORD_TOKEN" in result.output


async def test_digest_channel_warns_about_missing_permissions(bot) -> None:
    from bot.discord_app.commands import missing_permissions

    me = object()
    perms = discord.Permissions(view_channel=True, send_messages=True)
    channel = SimpleNamespace(id=778, guild=SimpleNamespace(me=me), permissions_for=lambda member: perms)
    assert missing_permissions(channel) == ["Embed Links", "Read Message History"]
    assert missing_permissions(SimpleNamespace(id=1)) == []  # not cached: we cannot tell
    group, channel_cmd = digest_command("channel")
    interaction = FakeInteraction(bot)
    await channel_cmd.callback(group, interaction, channel)
    content = interaction.calls.named("send_message")[0]["content"]
    assert "<#778>" in content and "missing Embed Links, Read Message History" in content
