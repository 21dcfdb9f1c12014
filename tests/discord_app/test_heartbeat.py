"""The gateway heartbeat keeps beating while the bot translates the whole corpus.

A Discord bot whose event loop is blocked misses heartbeats and is disconnected. Here the
stand-in asks for a heartbeat every 200 ms while every article is translated at once
through `/translate` with a real (random-weight) CTranslate2 model, and the gaps between
the bot's heartbeats are measured.
"""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

from bot.config import Settings
from bot.translate.packages import install_file
from kabar_testing.synthetic import build_package
from tests.discord_app.conftest import TOKEN, Bots, FakeClock, pointed_at
from tests.discord_app.standin import DiscordStandIn

HEARTBEAT_MS = 200
ROOT = Path(__file__).resolve().parents[2]


async def test_heartbeats_keep_coming_during_a_full_corpus_translation(
    settings: Settings, clock: FakeClock, tmp_path: Path
) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    # big enough that decoding every seed sentence takes seconds on this machine
    package = build_package(
        tmp_path / "slow.argosmodel",
        texts,
        layers=4,
        d_model=512,
        heads=8,
        ffn=2048,
        vocab_size=600,
        quantization="int8",
    )
    install_file(Path(settings.models_dir), package)

    async with DiscordStandIn(token=TOKEN, heartbeat_interval_ms=HEARTBEAT_MS) as standin:
        with pointed_at(standin):
            # its own stand-in (not the `standin` fixture): this one asks for fast heartbeats
            settings = settings.model_copy(update={"guild_id": standin.guild_id, "discord_token": None})
            bots = Bots(standin, settings, clock)
            try:
                bot = await bots.start()
                loop_time = asyncio.get_running_loop().time
                started = loop_time()
                asks = [await standin.slash("translate", {"article": f"00{n}"}) for n in range(5)]
                answers = [await ix.answer(count=1) for ix in asks]
                finished = loop_time()
                assert all(not (a.get("flags", 0) & 64) for a in answers), "translations answered, not errors"
                assert bot.kabar.translations.decoded_sentences > 50
            finally:
                await bots.close()
            beats = [f["_at"] for f in standin.gateway_received if f.get("op") == 1 and started <= f["_at"] <= finished]
    span = finished - started
    assert span > 4 * HEARTBEAT_MS / 1000, f"the translation took only {span:.2f} s: too quick to prove anything"
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    assert len(beats) >= span / (HEARTBEAT_MS / 1000) / 2, (len(beats), span)
    assert max(gaps) < 3 * HEARTBEAT_MS / 1000, f"longest heartbeat gap {max(gaps):.2f} s while translating"
