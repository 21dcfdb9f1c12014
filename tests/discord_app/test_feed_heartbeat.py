"""The gateway heartbeat keeps beating, and commands are answered, while the bot polls heavy feeds.

A Discord bot whose event loop is blocked misses heartbeats and is disconnected. Here the
stand-in asks for a heartbeat every 200 ms while the bot's own feed poll fetches, extracts,
reads and stores pages weighted like real outlets' (menus, scripts, related blocks), and
users send slash commands meanwhile. (bench/feeds_bot.py measures the loop lag itself.)
"""

from __future__ import annotations

import asyncio
import itertools

from bot.config import Settings
from tests.discord_app.conftest import TOKEN, Bots, FakeClock, pointed_at
from tests.discord_app.standin import EPHEMERAL, DiscordStandIn
from tests.feeds.heavy import publish
from tests.feeds.localsite import LocalSite

HEARTBEAT_MS = 200


async def test_heartbeats_and_answers_keep_coming_while_the_bot_polls_heavy_feeds(
    settings: Settings, clock: FakeClock
) -> None:
    async with (
        LocalSite("127.0.0.1") as one,
        LocalSite("127.0.0.2") as two,
        DiscordStandIn(token=TOKEN, heartbeat_interval_ms=HEARTBEAT_MS) as standin,
    ):
        urls = publish(one, 2, 6, 150) + publish(two, 2, 6, 150)
        with pointed_at(standin):
            settings = settings.model_copy(
                update={
                    "guild_id": standin.guild_id,
                    "discord_token": None,
                    "feed_host_delay": 0.0,
                }
            )
            bots = Bots(standin, settings, clock)
            try:
                # the loops tick at start-up, then only when the test says so
                bot = await bots.start(tick_seconds=3600)
                for url in urls:
                    await bot.kabar.feeds.add(url)
                loop_time = asyncio.get_running_loop().time
                started = loop_time()
                poll = asyncio.create_task(bot.feed_loop.tick())
                answers = []
                while not poll.done():
                    ix = await standin.slash("summary", {"topic": "kursk"})
                    answers.append(await ix.answer())
                    await asyncio.wait({poll}, timeout=0.3)
                reports = poll.result()
                finished = loop_time()
            finally:
                await bots.close()
            beats = [f["_at"] for f in standin.gateway_received if f.get("op") == 1 and started <= f["_at"] <= finished]
    assert sum(len(r.added) for r in reports) == 24, [(r.feed, r.outcome, r.reason) for r in reports]
    assert answers and all(not a.get("flags", 0) & EPHEMERAL for a in answers), "every /summary answered"
    span = finished - started
    assert span > 4 * HEARTBEAT_MS / 1000, f"the poll took only {span:.2f} s: too quick to prove anything"
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    assert len(beats) >= span / (HEARTBEAT_MS / 1000) / 2, (len(beats), span)
    assert max(gaps) < 3 * HEARTBEAT_MS / 1000, f"longest heartbeat gap {max(gaps):.2f} s while polling"
