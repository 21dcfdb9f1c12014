"""The daily digest as a use-case: when it is due, what it says, and posting it exactly once.

No Discord here: the adapter hands in a `Poster` (post a composed digest, look for a
posted one, tell a server's admin about a problem) and a clock (a callable returning an
aware datetime), so tests move time without sleeping.

Scheduling is the pure function `due_digests(now, targets, claims)`:
- each target (channel, HH:MM, IANA zone) has one slot per local date; the slot that
  counts is the most recent one at or before `now`; it is due when that channel has no
  claim for that local date (nor a later one). Only the most recent slot is ever
  considered, so a bot that was down for days catches up once, not once per day.
- a channel that never had a digest is not caught up for a slot before it was configured
  (`/digest channel` at 10:00 does not post the 07:00 digest of that same day).
- DST: a slot in a spring-forward gap (02:30 Europe/Berlin on the last Sunday of March)
  falls at the same instant as the hour before the jump plus the gap (03:30 CEST); a slot
  in the repeated hour in autumn counts once, at its first occurrence.

Exactly once per channel and day: `GuildStore.claim` inserts (channel, local date) in
state 'posting' BEFORE anything is sent; the claim is completed as 'posted' or 'empty'
afterwards. At start-up (`recover`) a claim still in 'posting' means the process died
mid-post: the channel's recent messages are searched for the digest marker; found ->
'posted'; proven absent -> the claim is released so the day is posted once; the search
itself failing -> 'unknown' and never re-posted (a missing digest beats a double one).
Missing permissions -> 'forbidden', the server is marked as needing attention (no more
attempts until `/digest channel` is set again) and its configuring user is told once.
Any other posting error -> 'failed' for that day (logged; not retried, so a half-posted
digest is never repeated).

What a digest says is composed in bot.stories; the watermark a digest covered is kept per channel.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.config import Settings, parse_hhmm
from bot.errors import PostForbidden
from bot.models import DigestClaim, GuildSettings
from bot.seams import ArticleReader, GuildSettingsStore
from bot.stories import Digest, compose_digest

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]

#: a slot more than this late is reported as a catch-up (only informative)
ON_TIME = dt.timedelta(minutes=15)
#: the key used in guild_settings for the env default channel when its server is unknown
UNKNOWN_GUILD = 0


def utc_clock() -> dt.datetime:
    """The default clock: now, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


# --------------------------------------------------------------------------- scheduling
@dataclass(frozen=True)
class DigestTarget:
    """Where and when one channel's digest goes."""

    channel_id: int
    time: dt.time  # local wall-clock time, naive
    tz: str
    guild_id: int | None = None
    since: dt.datetime | None = None  # when this was configured (aware); None: no lower bound


@dataclass(frozen=True)
class DueDigest:
    """A digest to post now: the target, the local date it is for, and its slot instant."""

    target: DigestTarget
    local_date: dt.date
    slot: dt.datetime  # aware, UTC
    catch_up: bool = False


def slot_at(date: dt.date, time: dt.time, tz: str) -> dt.datetime:
    """The instant (UTC) of `time` on `date` in zone `tz` (DST gaps and folds as documented)."""
    local = dt.datetime.combine(date, time.replace(tzinfo=None), tzinfo=ZoneInfo(tz))
    return local.astimezone(dt.UTC)


def latest_slot(now: dt.datetime, time: dt.time, tz: str) -> tuple[dt.date, dt.datetime]:
    """The most recent (local date, slot instant) at or before `now`."""
    today = now.astimezone(ZoneInfo(tz)).date()
    for back in range(3):
        date = today - dt.timedelta(days=back)
        slot = slot_at(date, time, tz)
        if slot <= now:
            return date, slot
    raise AssertionError("unreachable: a slot within three local days is always in the past")


def due_digests(now: dt.datetime, targets: Iterable[DigestTarget], claims: Iterable[DigestClaim]) -> list[DueDigest]:
    """The digests to post at `now` (pure; see the module docstring for the rules)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    latest_claim: dict[int, str] = {}
    for claim in claims:
        if claim.local_date > latest_claim.get(claim.channel_id, ""):
            latest_claim[claim.channel_id] = claim.local_date
    due: list[DueDigest] = []
    seen: set[int] = set()
    for target in targets:
        if target.channel_id in seen:
            continue
        seen.add(target.channel_id)
        date, slot = latest_slot(now, target.time, target.tz)
        newest = latest_claim.get(target.channel_id)
        if newest is not None and newest >= date.isoformat():
            continue
        if newest is None and target.since is not None and slot < target.since:
            continue
        due.append(DueDigest(target, date, slot, catch_up=now - slot > ON_TIME))
    return due


def effective_time(row: GuildSettings | None, settings: Settings) -> tuple[str, str]:
    """(HH:MM, zone) for a server: its own setting or the Settings default."""
    hhmm = (row.digest_time if row and row.digest_time else None) or settings.digest_time
    tz = (row.digest_tz if row and row.digest_tz else None) or settings.digest_tz
    return hhmm, tz


def targets_from(rows: Iterable[GuildSettings], settings: Settings, env_guild_id: int | None) -> list[DigestTarget]:
    """Digest targets from per-server rows; the env default channel belongs to `env_guild_id`."""
    targets = []
    for row in rows:
        if not row.enabled or row.needs_attention:
            continue
        channel = row.channel_id
        if channel is None and env_guild_id is not None and row.guild_id == env_guild_id:
            channel = settings.digest_channel_id
        if channel is None:
            continue
        hhmm, tz = effective_time(row, settings)
        since = dt.datetime.fromisoformat(row.updated_at) if row.updated_at else None
        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=dt.UTC)
        targets.append(DigestTarget(channel, parse_hhmm(hhmm), tz, guild_id=row.guild_id, since=since))
    return targets


# --------------------------------------------------------------------------- posting
class Poster(Protocol):
    """What the digest needs from a chat adapter."""

    async def post(self, channel_id: int, digest: Digest) -> int | None:
        """Post the digest (or its one-line empty note); return the first message id."""

    async def find(self, channel_id: int, local_date: str, after: dt.datetime) -> int | None:
        """The id of an already posted digest for that date, None if there is none; raise if unsure."""

    async def report(self, row: GuildSettings | None, channel_id: int, message: str) -> None:
        """Tell the server's configuring user (or channel) about a problem."""

    def guild_of(self, channel_id: int) -> int | None:
        """The server a channel belongs to, when known."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one due digest."""

    channel_id: int
    local_date: str
    state: str  # posted | empty | forbidden | failed | skipped
    message_id: int | None = None
    stories: int = 0


class DigestService:
    """Runs due digests: targets from the store, the pure schedule, claim -> post -> finish."""

    def __init__(
        self,
        kabar: ArticleReader,
        store: GuildSettingsStore,
        settings: Settings,
        poster: Poster,
        *,
        clock: Clock = utc_clock,
    ) -> None:
        self.kabar = kabar
        self.store = store
        self.settings = settings
        self.poster = poster
        self.clock = clock
        self._lock = asyncio.Lock()
        self._ensured: int | None = None  # the env default's server whose row is known to exist

    def env_guild(self) -> int | None:
        """The server of KABAR_DIGEST_CHANNEL_ID (None when no default channel is set)."""
        channel = self.settings.digest_channel_id
        if channel is None:
            return None
        return self.poster.guild_of(channel) or self.settings.guild_id or UNKNOWN_GUILD

    def effective_time(self, row: GuildSettings | None) -> tuple[str, str]:
        return effective_time(row, self.settings)

    def effective_channel(self, row: GuildSettings | None, guild_id: int | None) -> int | None:
        if row is not None and not row.enabled:
            return None
        if row is not None and row.channel_id:
            return row.channel_id
        env = self.settings.digest_channel_id
        if env is not None and guild_id is not None and self.env_guild() in (guild_id, UNKNOWN_GUILD):
            return env
        return None

    async def targets(self) -> list[DigestTarget]:
        env_guild = self.env_guild()
        if env_guild is not None and env_guild != self._ensured:
            # first sight of the env default: remember when, so it is not "caught up" for today
            await self.store.ensure(env_guild, now=self.clock())
            self._ensured = env_guild
        return targets_from(await self.store.all(), self.settings, env_guild)

    async def due(self, now: dt.datetime | None = None) -> list[DueDigest]:
        now = now or self.clock()
        earliest = (now - dt.timedelta(days=3)).date().isoformat()
        return due_digests(now, await self.targets(), await self.store.claims(since_date=earliest))

    async def recover(self) -> list[DigestClaim]:
        """Resolve claims left in 'posting' by a previous process (call once, before the first tick)."""
        resolved = []
        for claim in await self.store.stale():
            after = dt.datetime.fromisoformat(claim.claimed_at)
            try:
                message_id = await self.poster.find(claim.channel_id, claim.local_date, after)
            except Exception as exc:  # noqa: BLE001 - unsure means never re-post
                log.warning(
                    "digest %s/%s: cannot check the channel (%s); marked unknown",
                    claim.channel_id,
                    claim.local_date,
                    exc,
                )
                await self.store.finish(
                    claim.channel_id,
                    claim.local_date,
                    "unknown",
                    now=self.clock(),
                    detail=f"interrupted; check failed: {exc}"[:500],
                )
                continue
            if message_id is not None:
                await self.store.finish(
                    claim.channel_id,
                    claim.local_date,
                    "posted",
                    now=self.clock(),
                    message_id=message_id,
                    detail="interrupted; found in the channel",
                )
            else:
                await self.store.release(claim.channel_id, claim.local_date)
            resolved.append(claim)
        return resolved

    async def run_due(self, now: dt.datetime | None = None) -> list[Outcome]:
        """Post every due digest once (serialised: two ticks never race on one claim)."""
        async with self._lock:
            now = now or self.clock()
            outcomes = []
            for item in await self.due(now):
                outcomes.append(await self._run_one(item, now))
            return outcomes

    async def _run_one(self, item: DueDigest, now: dt.datetime) -> Outcome:
        target = item.target
        date = item.local_date.isoformat()
        if not await self.store.claim(target.channel_id, date, guild_id=target.guild_id, now=now):
            return Outcome(target.channel_id, date, "skipped")
        since = await self.store.watermark(target.channel_id)
        try:
            digest = await compose_digest(self.kabar, since=since, local_date=date)
            if not digest.stories:
                message_id = None
                if self.settings.digest_empty_note:
                    message_id = await self.poster.post(target.channel_id, digest)
                await self.store.finish(
                    target.channel_id, date, "empty", now=self.clock(), message_id=message_id, watermark=since
                )
                return Outcome(target.channel_id, date, "empty", message_id)
            message_id = await self.poster.post(target.channel_id, digest)
        except PostForbidden as exc:
            await self._forbidden(target, date, str(exc))
            return Outcome(target.channel_id, date, "forbidden")
        except Exception as exc:
            log.exception("digest for channel %s on %s failed", target.channel_id, date)
            await self.store.finish(target.channel_id, date, "failed", now=self.clock(), detail=repr(exc)[:500])
            return Outcome(target.channel_id, date, "failed")
        await self.store.finish(
            target.channel_id,
            date,
            "posted",
            now=self.clock(),
            message_id=message_id,
            watermark=digest.watermark,
            articles=digest.articles,
        )
        log.info(
            "digest for channel %s on %s posted (%d stories%s)",
            target.channel_id,
            date,
            len(digest.stories),
            ", catch-up" if item.catch_up else "",
        )
        return Outcome(target.channel_id, date, "posted", message_id, len(digest.stories))

    async def _forbidden(self, target: DigestTarget, date: str, detail: str) -> None:
        now = self.clock()
        await self.store.finish(target.channel_id, date, "forbidden", now=now, detail=detail[:500])
        guild = target.guild_id if target.guild_id is not None else UNKNOWN_GUILD
        reason = f"cannot post in channel {target.channel_id}: {detail}"[:500]
        await self.store.mark_attention(guild, reason, now=now)
        message = (
            f"I could not post the daily digest in <#{target.channel_id}>: I need the View Channel, "
            "Send Messages and Embed Links permissions there. The digest is paused until someone "
            "runs /digest channel again."
        )
        try:
            await self.poster.report(await self.store.get(guild), target.channel_id, message)
        except Exception:
            log.warning("could not report the digest problem for channel %s", target.channel_id, exc_info=True)

    async def preview(self, guild_id: int | None) -> Digest:
        """What the next digest of this server's channel would contain (nothing is recorded)."""
        row = await self.store.get(guild_id) if guild_id is not None else None
        channel = self.effective_channel(row, guild_id)
        since = await self.store.watermark(channel) if channel else None
        hhmm, tz = self.effective_time(row)
        date, _ = latest_slot(self.clock(), parse_hhmm(hhmm), tz)
        return await compose_digest(self.kabar, since=since, local_date=(date + dt.timedelta(days=1)).isoformat())
