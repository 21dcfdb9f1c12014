"""The Discord stand-in itself, driven by a tiny discord.py bot written here.

These pin down that the stand-in speaks enough of Discord for the real client (login,
identify, guild create, command sync, interaction callbacks, follow-ups, resume) and that
it refuses what Discord refuses, so the end-to-end tests of kabar can trust it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.discord_app.standin import DiscordStandIn, message_text, pointed_at

TOKEN = "tiny-token"


class Flip(discord.ui.View):
    def __init__(self, owner: int) -> None:
        super().__init__(timeout=30)
        self.owner = owner
        self.count = 0

    @discord.ui.button(label="More", custom_id="tiny:more")
    async def more(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        if interaction.user.id != self.owner:
            await interaction.response.send_message("not yours", ephemeral=True)
            return
        self.count += 1
        await interaction.response.edit_message(content=f"page {self.count}", view=self)


class Tiny(commands.Bot):
    def __init__(self, guild_id: int | None) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.05,
        )  # the stand-in sends its one guild at once
        self.guild_id = guild_id
        self.said: list[str] = []

    async def setup_hook(self) -> None:
        @app_commands.command(name="echo", description="Say it back, slowly")
        async def echo(interaction: discord.Interaction, text: str, times: int = 1) -> None:
            await interaction.response.defer(thinking=True)
            await asyncio.sleep(0.01)
            await interaction.followup.send(" ".join([text] * times), view=Flip(interaction.user.id))

        @echo.autocomplete("text")
        async def echo_text(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            words = [f"word{n}" for n in range(40)]
            return [app_commands.Choice(name=w, value=w) for w in words if current in w][:25]

        @app_commands.command(name="shout", description="Too long on purpose")
        async def shout(interaction: discord.Interaction) -> None:
            try:
                await interaction.response.send_message("A" * 2001)
            except discord.HTTPException as exc:
                self.said.append(f"{exc.status}/{exc.code}")
                await interaction.response.send_message("shortened")  # the refused callback did not ack

        @app_commands.command(name="post", description="Post in a channel")
        async def post(interaction: discord.Interaction, channel: discord.TextChannel) -> None:
            await interaction.response.defer(ephemeral=True)
            try:
                await channel.send("hello @everyone")
                await interaction.followup.send("posted", ephemeral=True)
            except discord.Forbidden as exc:
                await interaction.followup.send(f"forbidden {exc.code}", ephemeral=True)

        for command in (echo, shout, post):
            self.tree.add_command(command)
        if self.guild_id:
            self.tree.copy_global_to(guild=discord.Object(self.guild_id))
            await self.tree.sync(guild=discord.Object(self.guild_id))
        else:
            await self.tree.sync()


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn(token=TOKEN, heartbeat_interval_ms=500) as fake:
        with pointed_at(fake):
            yield fake


async def run_tiny(standin: DiscordStandIn, guild: bool = True) -> tuple[Tiny, asyncio.Task[None]]:
    bot = Tiny(standin.guild_id if guild else None)
    await bot.login(TOKEN)
    task = asyncio.create_task(bot.connect())
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    return bot, task


async def stop(bot: Tiny, task: asyncio.Task[None]) -> None:
    await bot.close()
    await asyncio.wait_for(task, 10)


async def test_login_identify_and_guild(standin: DiscordStandIn) -> None:
    bot, task = await run_tiny(standin)
    try:
        assert bot.user is not None and bot.user.id == standin.application_id
        guild = bot.get_guild(standin.guild_id)
        assert guild is not None and guild.get_channel(standin.digest_id) is not None
        frames = [f for f in standin.gateway_received if f["op"] == 2]
        assert len(frames) == 1 and frames[0]["d"]["token"] == TOKEN
        assert frames[0]["_query"]["encoding"] == "json" and frames[0]["_query"]["v"] == "10"
        assert standin.requests_to("GET", "/users/@me")
        assert standin.unhandled == []
        # heartbeats at 0.5 s are acknowledged: the client keeps a finite latency
        await standin.wait_for(lambda: sum(f["op"] == 1 for f in standin.gateway_received) >= 2, 5, "heartbeats")
        assert bot.latency < 1
    finally:
        await stop(bot, task)


async def test_bad_token_is_refused(standin: DiscordStandIn) -> None:
    bot = Tiny(None)
    with pytest.raises(discord.LoginFailure):
        await bot.login("wrong")
    await bot.close()


async def test_guild_sync_then_slash_deferred_and_followed_up(standin: DiscordStandIn) -> None:
    bot, task = await run_tiny(standin)
    try:
        assert [c["name"] for c in standin.commands[standin.guild_id]] == ["echo", "shout", "post"]
        assert None not in standin.commands
        ix = await standin.slash("echo", {"text": "halo", "times": 2})
        assert (await ix.response())["type"] == 5
        message = await ix.answer()
        assert message["content"] == "halo halo"
        assert message["components"][0]["components"][0]["label"] == "More"
        followup = standin.requests_to("POST", rf"/webhooks/{standin.application_id}/{ix.token}")
        assert followup[0].json["allowed_mentions"] == {"parse": []}
        assert standin.violations == [] and standin.unhandled == []
    finally:
        await stop(bot, task)


async def test_global_sync_without_guild(standin: DiscordStandIn) -> None:
    bot, task = await run_tiny(standin, guild=False)
    try:
        assert standin.syncs == [(None, 3)]
        ix = await standin.slash("echo", {"text": "x"})
        assert (await ix.answer())["content"] == "x"
    finally:
        await stop(bot, task)


async def test_autocomplete_and_buttons(standin: DiscordStandIn) -> None:
    bot, task = await run_tiny(standin)
    try:
        ac = await standin.autocomplete("echo", "text", "word1")
        names = [c["name"] for c in await ac.autocomplete_choices()]
        assert names == ["word1"] + [f"word1{n}" for n in range(10)]
        ix = await standin.slash("echo", {"text": "a"})
        message = await ix.answer()
        stranger = await standin.click(message, label="More", user="budi")
        refusal = await stranger.response()
        assert refusal["type"] == 4 and refusal["data"]["flags"] & 64 and refusal["data"]["content"] == "not yours"
        owner = await standin.click(message, label="More", user="ayu")
        assert (await owner.response())["type"] == 7
        assert standin.find_message(int(message["id"]))["content"] == "page 1"
    finally:
        await stop(bot, task)


async def test_limits_are_enforced_like_discord(standin: DiscordStandIn) -> None:
    bot, task = await run_tiny(standin)
    try:
        ix = await standin.slash("shout")
        assert (await ix.answer())["content"] == "shortened"
        assert bot.said == ["400/50035"]
        assert any("2001" in v for v in standin.violations)
    finally:
        await stop(bot, task)


async def test_forbidden_channel_answers_403(standin: DiscordStandIn) -> None:
    bot, task = await run_tiny(standin)
    try:
        standin.forbid(standin.digest_id)
        ix = await standin.slash("post", {"channel": standin.digest_id})
        assert (await ix.answer())["content"] == "forbidden 50013"
        ok = await standin.slash("post", {"channel": standin.general_id})
        assert (await ok.answer())["content"] == "posted"
        sent = standin.channel_messages(standin.general_id)
        assert [m["content"] for m in sent if m["content"].startswith("hello")] == ["hello @everyone"]
        assert sent[-2]["allowed_mentions"] == {"parse": []}
        assert "@everyone" in message_text(sent[-2])
    finally:
        await stop(bot, task)


async def test_double_ack_and_late_ack_are_refused(standin: DiscordStandIn) -> None:
    standin.ack_deadline = 0.0
    bot, task = await run_tiny(standin)
    try:
        ix = await standin.slash("echo", {"text": "late"})
        await standin.wait_for(lambda: bool(ix.refused), 5, "the late callback")
        assert ix.refused[0].status == 404 and ix.refused[0].response["code"] == 10062
        assert ix.callbacks == []
    finally:
        await stop(bot, task)


@pytest.mark.parametrize("code", [4000, None])
async def test_drop_and_resume_replays_missed_events(standin: DiscordStandIn, code: int | None) -> None:
    bot, task = await run_tiny(standin)
    try:
        session = standin.session
        await standin.drop_connection(code)
        # an interaction created while the bot is away is replayed on RESUME
        missed = await standin.slash("echo", {"text": "missed"})
        await standin.wait_for(lambda: session.resumes == 1 and session.ws is not None, 15, "a RESUME")
        assert standin.identifies == 1
        resume = [f for f in standin.gateway_received if f["op"] == 6]
        assert resume[0]["d"]["session_id"] == session.id and resume[0]["d"]["seq"] >= 2
        assert session.events[-1]["t"] == "RESUMED"
        # the replayed interaction arrives late for its 3 s window only if the resume is slow
        await standin.wait_for(lambda: bool(missed.callbacks or missed.refused), 10, "the replayed interaction")
        again = await standin.slash("echo", {"text": "again"})
        assert (await again.answer())["content"] == "again"
    finally:
        await stop(bot, task)


async def test_invalid_session_leads_to_fresh_identify(standin: DiscordStandIn) -> None:
    bot, task = await run_tiny(standin)
    try:
        standin.sessions.clear()  # the stand-in forgets the session: RESUME gets op 9
        await standin.drop_connection(4000)
        await standin.wait_for(lambda: standin.identifies == 2 and standin.session.ws is not None, 20, "a new IDENTIFY")
        ix = await standin.slash("echo", {"text": "back"})
        assert (await ix.answer())["content"] == "back"
    finally:
        await stop(bot, task)


async def test_reconnect_request_is_resumed(standin: DiscordStandIn) -> None:
    bot, task = await run_tiny(standin)
    try:
        session = standin.session
        await standin.send_reconnect()
        await standin.wait_for(lambda: session.resumes == 1 and session.ws is not None, 15, "a RESUME after op 7")
        assert standin.identifies == 1
        ix = await standin.slash("echo", {"text": "still here"})
        assert (await ix.answer())["content"] == "still here"
    finally:
        await stop(bot, task)


async def test_pointed_at_restores_discord_urls() -> None:
    import discord.gateway
    import discord.http

    before = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    async with DiscordStandIn() as fake:
        with pointed_at(fake):
            assert f"http://127.0.0.1:{fake.port}/api/v10" == discord.http.Route.BASE
            assert str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY).startswith("ws://127.0.0.1:")
    assert before == (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    assert before[0].startswith("https://discord.com/")
