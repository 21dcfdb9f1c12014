"""Load on the Discord adapter: N concurrent slash commands through the stand-in at the real bot.

Starts the in-process Discord stand-in (tests/discord_app/standin.py), points discord.py
at it, runs the real `create_bot` on a private copy of the seeds (no translation model
installed, so /translate answers with its "no model" message), then:

1. baseline: each command once, one at a time, while a ticker samples the event loop;
2. load: `--count` slash commands (a mix of /summary, /who-confirmed and /translate)
   created at once, each timed from INTERACTION_CREATE to its first visible reply.

Prints answered count, how many replies were errors, latency p50/p95/max, the loop's
worst lag (a 10 ms ticker measuring how late it wakes), and ratios against the baseline.
Targets (issue 5): every command answered; worst loop lag under 250 ms.

    python bench/discord_load.py [--count 100] [--timeout 120] [--verbose]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Settings
from tests.discord_app.standin import EPHEMERAL, DiscordStandIn, pointed_at

TOKEN = "bench-token"
HEARTBEAT_MS = 250  # short, so a stalled loop shows up as a late heartbeat within the run
SUMMARY_TOPICS = ["kursk", "pasukan korea utara", "rusia", "ukraina", "tentara"]
FIGURES = ["10000", "10.000", "10 ribu", "sepuluh ribu", "12.000"]
ARTICLES = ["000", "001", "002", "003", "004"]


def mix(count: int) -> list[tuple[str, dict[str, object]]]:
    """`count` commands, cycling /summary, /who-confirmed, /translate with varied arguments."""
    out: list[tuple[str, dict[str, object]]] = []
    for n in range(count):
        kind = n % 3
        if kind == 0:
            out.append(("summary", {"topic": SUMMARY_TOPICS[n % len(SUMMARY_TOPICS)]}))
        elif kind == 1:
            out.append(("who-confirmed", {"figure": FIGURES[n % len(FIGURES)]}))
        else:
            out.append(("translate", {"article": ARTICLES[n % len(ARTICLES)]}))
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


class LagMeter:
    """Samples how late a 10 ms sleep wakes up; the worst value is the loop's worst stall."""

    def __init__(self, interval: float = 0.01) -> None:
        self.interval = interval
        self.samples: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            start = loop.time()
            await asyncio.sleep(self.interval)
            self.samples.append(max(0.0, loop.time() - start - self.interval))

    def __enter__(self) -> LagMeter:
        self.samples = []
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()

    @property
    def worst(self) -> float:
        return max(self.samples, default=0.0)

    def quantile(self, q: float) -> float:
        return pct(self.samples, q) if self.samples else 0.0


async def fire(standin: DiscordStandIn, commands: list[tuple[str, dict[str, object]]], timeout: float):
    """Create every interaction at once; return one (command, latency or None, error reply?) each."""
    loop = asyncio.get_running_loop()
    interactions = [
        await standin.slash(name, options, user=("ayu", "budi", "citra")[n % 3])
        for n, (name, options) in enumerate(commands)
    ]

    async def one(name, ix):
        try:
            message = await ix.answer(timeout=timeout)
        except AssertionError:
            return name, None, False
        return name, loop.time() - ix.created, bool(message.get("flags", 0) & EPHEMERAL)

    return await asyncio.gather(*(one(name, ix) for (name, _), ix in zip(commands, interactions)))


def summarise(results) -> tuple[list[float], int, int, int]:
    latencies = [lat for _, lat, _ in results if lat is not None]
    errors = sum(1 for _, lat, err in results if lat is not None and err)
    return latencies, len(latencies), errors, len(results) - len(latencies)


def private_settings(work: Path, standin: DiscordStandIn, **extra: object) -> Settings:
    """Settings for a bot on the stand-in's server with everything under `work` (a copy of the seeds there)."""
    return Settings(
        _env_file=None,
        seeds_dir=work / "seeds",
        db=work / "state" / "kabar.db",
        models_dir=work / "state" / "argos-packages",
        translations_dir=work / "translations",
        guild_id=standin.guild_id,
        **extra,
    )


async def main(count: int, timeout: float) -> int:
    from bot.discord_app.client import create_bot
    from bot.service import Kabar

    work = Path(tempfile.mkdtemp(prefix="kabar-load-"))
    try:
        shutil.copytree(ROOT / "seeds", work / "seeds")
        async with DiscordStandIn(token=TOKEN, heartbeat_interval_ms=HEARTBEAT_MS) as standin:
            settings = private_settings(work, standin)
            with pointed_at(standin):
                async with Kabar(settings) as kabar:
                    await kabar.ensure_indexed()
                    bot = create_bot(settings, kabar, guild_ready_timeout=0.05)
                    await bot.login(TOKEN)
                    connection = asyncio.create_task(bot.connect())
                    try:
                        await asyncio.wait_for(bot.wait_until_ready(), 30)
                        return await measure(standin, count, timeout)
                    finally:
                        await bot.close()
                        await asyncio.wait_for(connection, 10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


async def measure(standin: DiscordStandIn, count: int, timeout: float) -> int:
    await asyncio.sleep(0.5)  # let the digest loop's first re-index run before measuring
    with LagMeter() as idle:
        await asyncio.sleep(1.0)
    base_commands = mix(3) * 2
    with LagMeter() as base_lag:
        base_results = []
        for command in base_commands:  # one at a time: the uncontended latency
            base_results += await fire(standin, [command], timeout)
    base_lat = summarise(base_results)[0]
    started = time.perf_counter()
    load_start = asyncio.get_running_loop().time()
    with LagMeter() as load_lag:
        results = await fire(standin, mix(count), timeout)
    latencies, answered, errors, unanswered = summarise(results)
    wall = time.perf_counter() - started

    base_p50 = statistics.median(base_lat) if base_lat else float("nan")
    p50, p95 = pct(latencies, 0.50), pct(latencies, 0.95)
    print(f"kabar Discord load: {count} concurrent slash commands through the stand-in")
    print(
        f"  baseline (one at a time, {len(base_commands)} cmds): latency p50 {base_p50 * 1000:7.1f} ms, "
        f"max {max(base_lat, default=0) * 1000:7.1f} ms; loop worst lag {base_lag.worst * 1000:6.1f} ms; "
        f"idle loop worst lag {idle.worst * 1000:6.1f} ms"
    )
    print(
        f"  load: answered {answered}/{count} ({errors} as error replies, {unanswered} unanswered) in {wall:.2f} s wall"
    )
    print(
        f"  latency p50 {p50 * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  max {max(latencies, default=0) * 1000:7.1f} ms"
        f"  (p50 = {p50 / base_p50:.1f}x baseline)"
    )
    print(
        f"  event loop lag: worst {load_lag.worst * 1000:6.1f} ms, p99 {load_lag.quantile(0.99) * 1000:6.1f} ms "
        f"over {len(load_lag.samples)} samples (worst = {load_lag.worst / max(idle.worst, 1e-4):.1f}x idle)"
    )
    for name in ("summary", "who-confirmed", "translate"):
        lat, ok, err, missing = summarise([r for r in results if r[0] == name])
        print(
            f"    /{name:<14} answered {ok:3d} ({err:3d} error replies, {missing} unanswered)  "
            f"p50 {pct(lat, 0.5) * 1000:7.1f} ms  p95 {pct(lat, 0.95) * 1000:7.1f} ms"
        )
    beats = [f["_at"] for f in standin.gateway_received if f.get("op") == 1 and f["_at"] >= load_start]
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    print(
        f"  gateway heartbeats during the load: {len(beats)} (interval {HEARTBEAT_MS} ms), "
        f"longest gap {max(gaps, default=float('nan')) * 1000:6.1f} ms"
    )
    late = [v for v in standin.violations if "after" in v]
    if late:
        print(f"  {len(late)} interaction(s) acknowledged after Discord's 3 s window")
    other = [v for v in standin.violations if "after" not in v]
    if other:
        print(f"  {len(other)} message(s) Discord would refuse, e.g. {other[0]}")
    ok = answered == count and load_lag.worst < 0.25 and not late
    print(f"  targets (all answered, worst lag < 250 ms, every ack within 3 s): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for each reply")
    parser.add_argument("--verbose", action="store_true", help="show the bot's log (errors with tracebacks)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO if args.verbose else logging.CRITICAL)
    sys.exit(asyncio.run(main(args.count, args.timeout)))
