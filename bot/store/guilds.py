"""Per-server digest settings and the digest claims (exactly once per channel and day), in SQLite.

Public API:
    store = GuildStore(db)                       # db: bot.store.db.Database
    await store.get(guild_id) -> GuildSettings | None
    await store.all() -> list[GuildSettings]
    await store.set_channel(guild_id, channel_id, *, by, where, now)
    await store.set_time(guild_id, hhmm, tz, *, by, where, now)
    await store.disable(guild_id, *, by, where, now)
    await store.ensure(guild_id, *, now)         # a row with every setting at its default
    await store.mark_attention(guild_id, reason, *, now)
    await store.claim(channel_id, local_date, *, guild_id, now) -> bool
    await store.finish(channel_id, local_date, state, *, now, message_id=None, watermark=None, articles=0, detail=None)
    await store.release(channel_id, local_date)  # forget a 'posting' claim proven not posted
    await store.claims(since_date=None) -> list[DigestClaim]
    await store.stale() -> list[DigestClaim]     # claims left in 'posting'
    await store.last_done(channel_id) -> DigestClaim | None
    await store.watermark(channel_id) -> str | None

`claim` is the once-per-day guard: the primary key (channel_id, local_date) makes a
second claim for the same day fail, whatever process or restart tries it.
"""

from __future__ import annotations

import datetime as dt

from bot.models import DigestClaim, GuildSettings
from bot.store.db import Database, iso_utc

#: claim states: 'posting' (claimed, not finished), 'posted', 'empty' (nothing new, nothing
#: or a note posted), 'unknown' (a crash left it unclear; never re-posted), 'forbidden'
#: (missing permissions), 'failed' (another error; not retried that day)
STATES = ("posting", "posted", "empty", "unknown", "forbidden", "failed")


_GUILD_COLUMNS = (
    "guild_id, channel_id, digest_time, digest_tz, enabled, configured_by, configured_in, needs_attention, updated_at"
)
_CLAIM_COLUMNS = (
    "channel_id, local_date, state, claimed_at, guild_id, finished_at, message_id, watermark, articles, detail"
)


def _guild(row: tuple) -> GuildSettings:
    return GuildSettings(
        guild_id=row[0],
        channel_id=row[1],
        digest_time=row[2],
        digest_tz=row[3],
        enabled=bool(row[4]),
        configured_by=row[5],
        configured_in=row[6],
        needs_attention=row[7],
        updated_at=row[8],
    )


def _claim(row: tuple) -> DigestClaim:
    return DigestClaim(*row)


class GuildStore:
    """Repository for `guild_settings` and `digest_claims`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- settings ---------------------------------------------------------------------
    async def get(self, guild_id: int) -> GuildSettings | None:
        row = await self.db.fetchone(f"SELECT {_GUILD_COLUMNS} FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return _guild(row) if row else None

    async def all(self) -> list[GuildSettings]:
        rows = await self.db.fetchall(f"SELECT {_GUILD_COLUMNS} FROM guild_settings ORDER BY guild_id")
        return [_guild(row) for row in rows]

    async def _upsert(self, guild_id: int, now: dt.datetime, **values: object) -> None:
        columns = ["guild_id", *values, "updated_at"]
        params = [guild_id, *values.values(), iso_utc(now)]
        updates = ", ".join(f"{name} = excluded.{name}" for name in columns[1:])
        await self.db.execute(
            f"INSERT INTO guild_settings ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT (guild_id) DO UPDATE SET {updates}",
            params,
        )

    async def set_channel(
        self, guild_id: int, channel_id: int, *, by: int | None, where: int | None, now: dt.datetime
    ) -> None:
        """Post the digest in `channel_id` (turns it on and clears any attention flag)."""
        await self._upsert(
            guild_id, now, channel_id=channel_id, enabled=1, configured_by=by, configured_in=where, needs_attention=None
        )

    async def set_time(
        self, guild_id: int, hhmm: str, tz: str | None, *, by: int | None, where: int | None, now: dt.datetime
    ) -> None:
        """Set the time (and, when given, the zone); the channel stays as it is."""
        values: dict[str, object] = {"digest_time": hhmm, "configured_by": by, "configured_in": where}
        if tz is not None:
            values["digest_tz"] = tz
        await self._upsert(guild_id, now, **values)

    async def disable(self, guild_id: int, *, by: int | None, where: int | None, now: dt.datetime) -> None:
        await self._upsert(guild_id, now, enabled=0, configured_by=by, configured_in=where)

    async def ensure(self, guild_id: int, *, now: dt.datetime) -> None:
        """Create a server's row with every setting at its default, if it has none."""
        await self.db.execute(
            "INSERT OR IGNORE INTO guild_settings (guild_id, updated_at) VALUES (?, ?)", (guild_id, iso_utc(now))
        )

    async def mark_attention(self, guild_id: int, reason: str, *, now: dt.datetime) -> None:
        """Stop posting in this server until someone sets the channel again."""
        await self.db.execute(
            "INSERT INTO guild_settings (guild_id, needs_attention, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (guild_id) DO UPDATE SET needs_attention = excluded.needs_attention",
            (guild_id, reason, iso_utc(now)),
        )

    # --- claims -----------------------------------------------------------------------
    async def claim(self, channel_id: int, local_date: str, *, guild_id: int | None, now: dt.datetime) -> bool:
        """Record the intent to post; False when this channel's digest for that day is already claimed."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO digest_claims (channel_id, local_date, guild_id, state, claimed_at) "
            "VALUES (?, ?, ?, 'posting', ?)",
            (channel_id, local_date, guild_id, iso_utc(now)),
        )
        return cursor.rowcount == 1

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
    ) -> None:
        if state not in STATES or state == "posting":
            raise ValueError(f"not a final claim state: {state!r}")
        await self.db.execute(
            "UPDATE digest_claims SET state = ?, finished_at = ?, message_id = ?, watermark = ?, articles = ?, "
            "detail = ? WHERE channel_id = ? AND local_date = ?",
            (state, iso_utc(now), message_id, watermark, articles, detail, channel_id, local_date),
        )

    async def release(self, channel_id: int, local_date: str) -> None:
        """Forget a 'posting' claim that was checked and never reached the channel."""
        await self.db.execute(
            "DELETE FROM digest_claims WHERE channel_id = ? AND local_date = ? AND state = 'posting'",
            (channel_id, local_date),
        )

    async def claims(self, since_date: str | None = None) -> list[DigestClaim]:
        if since_date is None:
            rows = await self.db.fetchall(f"SELECT {_CLAIM_COLUMNS} FROM digest_claims ORDER BY local_date, channel_id")
        else:
            rows = await self.db.fetchall(
                f"SELECT {_CLAIM_COLUMNS} FROM digest_claims WHERE local_date >= ? ORDER BY local_date, channel_id",
                (since_date,),
            )
        return [_claim(row) for row in rows]

    async def stale(self) -> list[DigestClaim]:
        rows = await self.db.fetchall(f"SELECT {_CLAIM_COLUMNS} FROM digest_claims WHERE state = 'posting'")
        return [_claim(row) for row in rows]

    async def last_done(self, channel_id: int | None = None) -> DigestClaim | None:
        """The newest completed digest (of one channel, or of any)."""
        where = "state IN ('posted', 'empty')" + (" AND channel_id = ?" if channel_id is not None else "")
        params = (channel_id,) if channel_id is not None else ()
        row = await self.db.fetchone(
            f"SELECT {_CLAIM_COLUMNS} FROM digest_claims WHERE {where} ORDER BY local_date DESC, finished_at DESC LIMIT 1",
            params,
        )
        return _claim(row) if row else None

    async def watermark(self, channel_id: int) -> str | None:
        """The newest `indexed_at` a digest in this channel has covered (None: no digest yet)."""
        row = await self.db.fetchone(
            "SELECT MAX(watermark) FROM digest_claims WHERE channel_id = ? AND watermark IS NOT NULL",
            (channel_id,),
        )
        return row[0] if row and row[0] else None
