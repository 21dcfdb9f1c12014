"""An in-process Discord stand-in for tests: the v10 HTTP API and the JSON gateway on 127.0.0.1.

`DiscordStandIn` is an aiohttp server that the real discord.py client talks to when
`pointed_at(standin)` has swapped discord.py's module-level base URLs (only inside tests).
It plays one guild with a few text channels, records every HTTP request (method, path,
query, JSON body) and every gateway frame, and lets a test act as Discord and its users:

    standin = DiscordStandIn(token="t")
    await standin.start()
    with pointed_at(standin):
        ...start the bot...
        await standin.wait_connected()
        ix = await standin.slash("summary", {"topic": "kursk"})
        message = await ix.answer()              # the first visible reply (callback or follow-up)
        await standin.drop_connection(4000)      # the bot must RESUME (op 6)

It behaves like Discord where a bot can get it wrong: content over 2,000 characters,
embeds over their limits, more than 25 autocomplete choices or an empty message are
refused with 400 (code 50035/50006) and listed in `violations`; an interaction answered
twice gets 40060, answered after `ack_deadline` seconds gets 10062; a forbidden channel
answers 403 Missing Permissions (50013). Responses carry the content type exactly
`application/json`, as discord.py parses nothing else.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import json
import re
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

API_PREFIX = "/api/v10"
DISCORD_EPOCH_MS = 1420070400000

# permission bits used below
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
MEMBER_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS
BOT_PERMISSIONS = MEMBER_PERMISSIONS

# message flags
EPHEMERAL = 1 << 6
LOADING = 1 << 7


class StandInError(AssertionError):
    """The test drove the stand-in into something Discord itself would never do."""


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _json_response(payload: Any, status: int = 200) -> web.Response:
    # exactly "application/json": aiohttp's json_response appends a charset, which
    # discord.py does not recognise as JSON
    return web.Response(body=json.dumps(payload).encode(), status=status, headers={"Content-Type": "application/json"})


def _error(status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> web.Response:
    payload: dict[str, Any] = {"message": message, "code": code}
    if errors:
        payload["errors"] = errors
    return _json_response(payload, status)


@dataclass
class RecordedRequest:
    """One HTTP request the client made, and what the stand-in answered."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    json: Any
    headers: dict[str, str]
    status: int = 0
    response: Any = None
    at: float = 0.0  # loop.time() when it arrived

    @property
    def carries_message(self) -> bool:
        """True when the body is a message the bot sends or edits (content, embeds or components)."""
        body = message_body(self)
        return body is not None and any(key in body for key in ("content", "embeds", "components"))


def message_body(request: RecordedRequest) -> dict[str, Any] | None:
    """The message part of a request body (a callback's `data`), or None when it has none."""
    body = request.json
    if not isinstance(body, dict):
        return None
    if request.path.startswith("/interactions/"):
        if body.get("type") in (4, 7):
            return body.get("data") or {}
        return None
    if request.method in ("POST", "PATCH") and (
        request.path.startswith("/webhooks/") or re.fullmatch(r"/channels/\d+/messages(/\d+)?", request.path)
    ):
        return body
    return None


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The components of every action row of a message, in order."""
    return [c for row in message.get("components") or [] for c in row.get("components") or []]


def message_text(message: dict[str, Any]) -> str:
    """Every human-visible string of a message or message body, joined by newlines."""
    parts: list[str] = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        for fld in embed.get("fields") or []:
            parts += [fld.get("name") or "", fld.get("value") or ""]
        parts += [(embed.get("footer") or {}).get("text") or "", (embed.get("author") or {}).get("name") or ""]
    parts += [comp.get("label") or "" for comp in buttons(message)]
    return "\n".join(p for p in parts if p)


def message_violations(body: dict[str, Any]) -> list[str]:
    """What Discord would refuse in a message body (limits from its documentation)."""
    problems: list[str] = []
    content = body.get("content")
    if content is not None and len(content) > 2000:
        problems.append(f"content is {len(content)} characters (max 2000)")
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        problems.append(f"{len(embeds)} embeds (max 10)")
    for n, embed in enumerate(embeds):
        total = 0
        for key, limit in (("title", 256), ("description", 4096)):
            value = embed.get(key) or ""
            total += len(value)
            if len(value) > limit:
                problems.append(f"embed {n} {key} is {len(value)} characters (max {limit})")
        fields = embed.get("fields") or []
        if len(fields) > 25:
            problems.append(f"embed {n} has {len(fields)} fields (max 25)")
        for fld in fields:
            name, value = fld.get("name") or "", fld.get("value") or ""
            total += len(name) + len(value)
            if not name or not value:
                problems.append(f"embed {n} has a field with an empty name or value")
            if len(name) > 256 or len(value) > 1024:
                problems.append(f"embed {n} field over its limit ({len(name)}/{len(value)})")
        footer = (embed.get("footer") or {}).get("text") or ""
        author = (embed.get("author") or {}).get("name") or ""
        total += len(footer) + len(author)
        if len(footer) > 2048 or len(author) > 256:
            problems.append(f"embed {n} footer or author over its limit")
        if total > 6000:
            problems.append(f"embed {n} totals {total} characters (max 6000)")
    rows = body.get("components") or []
    if len(rows) > 5:
        problems.append(f"{len(rows)} action rows (max 5)")
    for row in rows:
        comps = row.get("components") or []
        if len(comps) > 5:
            problems.append(f"an action row holds {len(comps)} components (max 5)")
        for comp in comps:
            if len(comp.get("custom_id") or "") > 100 or len(comp.get("label") or "") > 80:
                problems.append("a component's custom_id or label is over its limit")
    return problems


@dataclass
class Channel:
    id: int
    name: str
    type: int = 0  # 0 guild text, 1 DM
    guild_id: int | None = None
    recipient: dict[str, Any] | None = None
    messages: list[dict[str, Any]] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        if self.type == 1:
            return {"id": str(self.id), "type": 1, "last_message_id": None, "recipients": [self.recipient]}
        return {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": 0,
            "permission_overwrites": [],
            "topic": None,
            "nsfw": False,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
        }


@dataclass
class Interaction:
    """An interaction the stand-in created, and everything the bot did with it."""

    id: int
    token: str
    type: int
    payload: dict[str, Any]
    channel_id: int
    created: float  # loop.time()
    standin: DiscordStandIn
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    original: dict[str, Any] | None = None
    followups: list[dict[str, Any]] = field(default_factory=list)
    choices: list[dict[str, Any]] | None = None
    refused: list[RecordedRequest] = field(default_factory=list)
    acked_at: float | None = None

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The visible messages of this interaction: original (when not loading) then follow-ups."""
        out = []
        if self.original is not None and not (self.original.get("flags", 0) & LOADING):
            out.append(self.original)
        return out + self.followups

    async def response(self, timeout: float = 10.0) -> dict[str, Any]:
        """The first callback body (defer, message, update or autocomplete result)."""
        await self.standin.wait_for(lambda: bool(self.callbacks), timeout, f"a callback to interaction {self.id}")
        return self.callbacks[0]

    async def answer(self, timeout: float = 15.0, *, count: int = 1) -> dict[str, Any]:
        """The `count`-th visible message sent for this interaction (callback, edit or follow-up)."""
        await self.standin.wait_for(
            lambda: len(self.messages) >= count, timeout, f"{count} message(s) for interaction {self.id}"
        )
        return self.messages[count - 1]

    async def autocomplete_choices(self, timeout: float = 10.0) -> list[dict[str, Any]]:
        await self.standin.wait_for(lambda: self.choices is not None, timeout, f"choices for {self.id}")
        return list(self.choices or [])


@dataclass
class Session:
    """A gateway session: its sequence numbers and the events sent in it (for RESUME)."""

    id: str
    ws: web.WebSocketResponse | None = None
    request: web.Request | None = None
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    resumes: int = 0
    identify: dict[str, Any] = field(default_factory=dict)


class DiscordStandIn:
    """A fake Discord (one guild, a few channels, a few users) for the real discord.py client."""

    def __init__(
        self,
        *,
        token: str = "stand-in-token",
        heartbeat_interval_ms: int = 41250,
        ack_deadline: float = 3.0,
        guild_id: int = 800000000000000001,
        application_id: int = 700000000000000001,
    ) -> None:
        self.token = token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.ack_deadline = ack_deadline
        self.application_id = application_id
        self.guild_id = guild_id
        self.bot_user = {
            "id": str(application_id),
            "username": "kabar",
            "global_name": None,
            "discriminator": "0",
            "avatar": None,
            "bot": True,
            "verified": True,
            "mfa_enabled": False,
            "flags": 0,
            "public_flags": 0,
        }
        self.users: dict[str, dict[str, Any]] = {
            name: {
                "id": str(900000000000000001 + n),
                "username": name,
                "global_name": name.title(),
                "discriminator": "0",
                "avatar": None,
                "public_flags": 0,
            }
            for n, name in enumerate(("ayu", "budi", "citra"))
        }
        self.owner = self.users["ayu"]
        self.channels: dict[int, Channel] = {}
        for n, name in enumerate(("general", "digest", "news")):
            cid = guild_id + 10 + n
            self.channels[cid] = Channel(cid, name, 0, guild_id)
        self.general_id = guild_id + 10
        self.digest_id = guild_id + 11
        self.bot_role_id = guild_id + 100
        self.forbidden: set[int] = set()
        self.requests: list[RecordedRequest] = []
        self.violations: list[str] = []
        self.unhandled: list[RecordedRequest] = []
        self.commands: dict[int | None, list[dict[str, Any]]] = {}  # None: global
        self.syncs: list[tuple[int | None, int]] = []  # (guild id or None, count)
        self.interactions: dict[int, Interaction] = {}
        self.gateway_received: list[dict[str, Any]] = []
        self.sessions: dict[str, Session] = {}
        self.session: Session | None = None
        self.identifies = 0
        self._ids = itertools.count(1)
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._routes = self._route_table()

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        self._changed = asyncio.Condition()
        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.router.add_get("/", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._http)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        for session in self.sessions.values():
            if session.ws is not None and not session.ws.closed:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(session.ws.close(code=1001), 2)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> DiscordStandIn:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/"

    # ------------------------------------------------------------------ helpers for tests
    def snowflake(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._ids) & 0x3FFFFF)

    def _notify(self) -> None:
        if self._changed is None:
            return

        async def wake() -> None:
            async with self._changed:  # type: ignore[union-attr]
                self._changed.notify_all()  # type: ignore[union-attr]

        asyncio.get_running_loop().create_task(wake())

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0, what: str = "a condition") -> None:
        """Wait until `predicate()` holds (re-checked after every request and frame)."""
        assert self._changed is not None, "start() the stand-in first"

        async def until() -> None:
            async with self._changed:  # type: ignore[union-attr]
                await self._changed.wait_for(predicate)  # type: ignore[union-attr]

        try:
            await asyncio.wait_for(until(), timeout)
        except TimeoutError:
            raise AssertionError(f"stand-in: timed out after {timeout}s waiting for {what}") from None

    async def wait_connected(self, timeout: float = 10.0) -> Session:
        """Wait for a live gateway session that has been sent its GUILD_CREATE."""

        def ready() -> bool:
            s = self.session
            return bool(s and s.ws is not None and not s.ws.closed and any(e["t"] == "GUILD_CREATE" for e in s.events))

        await self.wait_for(ready, timeout, "a gateway session with GUILD_CREATE")
        assert self.session is not None
        return self.session

    def requests_to(self, method: str, pattern: str) -> list[RecordedRequest]:
        """Recorded requests whose method matches and whose path fully matches the regex."""
        return [r for r in self.requests if r.method == method and re.fullmatch(pattern, r.path)]

    def sent_message_requests(self) -> list[RecordedRequest]:
        """Every request by which the bot sent or edited a message."""
        return [r for r in self.requests if r.carries_message]

    def channel_messages(self, channel_id: int) -> list[dict[str, Any]]:
        return list(self.channels[channel_id].messages)

    def dm_channels(self) -> list[Channel]:
        return [c for c in self.channels.values() if c.type == 1]

    def forbid(self, channel_id: int) -> None:
        """From now on, posting in this channel answers 403 Missing Permissions (50013)."""
        self.forbidden.add(channel_id)

    # ------------------------------------------------------------------ guild payloads
    def member(self, user: dict[str, Any], permissions: int) -> dict[str, Any]:
        return {
            "user": user,
            "nick": None,
            "avatar": None,
            "roles": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "permissions": str(permissions),
            "communication_disabled_until": None,
        }

    def guild_payload(self) -> dict[str, Any]:
        bot_member = self.member(self.bot_user, BOT_PERMISSIONS)
        bot_member["roles"] = [str(self.bot_role_id)]
        bot_member.pop("permissions")
        role = {
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
            "description": None,
        }
        return {
            "id": str(self.guild_id),
            "name": "Ruang Redaksi",
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": self.owner["id"],
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "roles": [
                {
                    **role,
                    "id": str(self.guild_id),
                    "name": "@everyone",
                    "permissions": str(MEMBER_PERMISSIONS),
                    "position": 0,
                },
                {
                    **role,
                    "id": str(self.bot_role_id),
                    "name": "kabar",
                    "permissions": str(BOT_PERMISSIONS),
                    "position": 1,
                    "managed": True,
                    "tags": {"bot_id": self.bot_user["id"]},
                },
            ],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": str(self.general_id),
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "large": False,
            "unavailable": False,
            "member_count": 1 + len(self.users),
            "voice_states": [],
            "members": [bot_member],
            "channels": [c.payload() for c in self.channels.values() if c.type != 1],
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "preferred_locale": "id",
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "nsfw_level": 0,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
        }

    # ------------------------------------------------------------------ gateway
    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        query = dict(request.query)
        session: Session | None = None
        await self._send(ws, None, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        try:
            async for msg in ws:
                if msg.type is not aiohttp.WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                frame["_query"] = query
                frame["_at"] = asyncio.get_running_loop().time()
                self.gateway_received.append(frame)
                op, data = frame.get("op"), frame.get("d")
                if op == 1:
                    await self._send(ws, None, {"op": 11})
                elif op == 2:
                    if data.get("token") not in (self.token, f"Bot {self.token}"):
                        await ws.close(code=4004, message=b"Authentication failed.")
                        break
                    self.identifies += 1
                    session = Session(id=f"session-{self.snowflake():x}", ws=ws, request=request, identify=data)
                    self.sessions[session.id] = session
                    self.session = session
                    await self.dispatch(
                        "READY",
                        {
                            "v": 10,
                            "user": self.bot_user,
                            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
                            "session_id": session.id,
                            "resume_gateway_url": self.gateway_url,
                            "session_type": "normal",
                            "application": {"id": str(self.application_id), "flags": 0},
                            "private_channels": [],
                            "relationships": [],
                            "presences": [],
                            "geo_ordered_rtc_regions": [],
                        },
                        session,
                    )
                    await self.dispatch("GUILD_CREATE", self.guild_payload(), session)
                elif op == 6:
                    known = self.sessions.get(data.get("session_id") or "")
                    if known is None or data.get("token") not in (self.token, f"Bot {self.token}"):
                        await self._send(ws, None, {"op": 9, "d": False})
                        continue
                    session = known
                    if session.ws is not None and session.ws is not ws and not session.ws.closed:
                        with contextlib.suppress(Exception):
                            await session.ws.close(code=4000)
                    session.ws, session.request = ws, request
                    session.resumes += 1
                    self.session = session
                    last = data.get("seq") or 0
                    for event in session.events:
                        if event["s"] > last:
                            await self._send(ws, None, event)
                    await self.dispatch("RESUMED", {}, session)
                self._notify()
        finally:
            if session is not None and session.ws is ws:
                session.ws = None
            self._notify()
        return ws

    async def _send(self, ws: web.WebSocketResponse, session: Session | None, frame: dict[str, Any]) -> None:
        with contextlib.suppress(ConnectionResetError, RuntimeError):
            await ws.send_str(json.dumps(frame))

    async def dispatch(self, event: str, data: dict[str, Any], session: Session | None = None) -> int:
        """Send a DISPATCH (op 0) in the current session; kept for replay when nobody is connected."""
        session = session or self.session
        if session is None:
            raise StandInError("no gateway session: the bot never identified")
        session.seq += 1
        frame = {"op": 0, "t": event, "s": session.seq, "d": data}
        session.events.append(frame)
        if session.ws is not None and not session.ws.closed:
            await self._send(session.ws, session, frame)
        self._notify()
        return session.seq

    async def drop_connection(self, code: int | None = 4000) -> None:
        """Close the live gateway socket with `code`, or cut it without a close frame (None: like 1006)."""
        session = self.session
        if session is None or session.ws is None:
            raise StandInError("no live gateway connection to drop")
        ws, request = session.ws, session.request
        session.ws = None
        if code is None:
            assert request is not None and request.transport is not None
            request.transport.abort()  # type: ignore[attr-defined]
        else:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(code=code), 5)
        self._notify()

    async def send_reconnect(self) -> None:
        """Ask the client to reconnect (op 7), as Discord does before maintenance."""
        session = self.session
        if session is None or session.ws is None:
            raise StandInError("no live gateway connection")
        await self._send(session.ws, session, {"op": 7, "d": None})

    # ------------------------------------------------------------------ interactions
    def find_command(self, name: str, guild: bool = True) -> dict[str, Any]:
        scopes: list[int | None] = ([self.guild_id] if guild else []) + [None]
        for scope in scopes:
            for command in self.commands.get(scope, []):
                if command["name"] == name:
                    return command
        synced = {scope: [c["name"] for c in cmds] for scope, cmds in self.commands.items()}
        raise StandInError(f"/{name} was never synced (synced: {synced})")

    def _options(
        self, spec: list[dict[str, Any]], values: dict[str, Any], focused: str | None
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        by_name = {o["name"]: o for o in spec}
        options, resolved = [], {}
        for name, value in values.items():
            if name not in by_name:
                raise StandInError(f"option {name!r} is not in the synced command (has {sorted(by_name)})")
            otype = by_name[name].get("type", 3)
            entry: dict[str, Any] = {"name": name, "type": otype, "value": value}
            if otype == 7:
                channel = self.channels[int(value)]
                entry["value"] = str(value)
                resolved.setdefault("channels", {})[str(value)] = {
                    **channel.payload(),
                    "permissions": str(MEMBER_PERMISSIONS | MANAGE_GUILD),
                }
            elif otype == 6:
                user = next(u for u in self.users.values() if u["id"] == str(value))
                entry["value"] = str(value)
                resolved.setdefault("users", {})[str(value)] = user
            if name == focused:
                entry["focused"] = True
                entry["value"] = str(value)
            options.append(entry)
        return options, resolved

    def _command_data(self, name: str, options: dict[str, Any], focused: str | None, guild: bool) -> dict[str, Any]:
        words = name.split()
        command = self.find_command(words[0], guild)
        data: dict[str, Any] = {"id": command["id"], "name": words[0], "type": 1}
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        spec = command.get("options") or []
        target: dict[str, Any] = data
        for word in words[1:]:
            sub = next((o for o in spec if o["name"] == word and o.get("type") in (1, 2)), None)
            if sub is None:
                raise StandInError(f"/{name}: {word!r} is not a synced subcommand")
            node = {"name": word, "type": sub["type"], "options": []}
            target["options"] = [node]
            target, spec = node, sub.get("options") or []
        opts, resolved = self._options(spec, options, focused)
        target["options"] = opts
        if resolved:
            data["resolved"] = resolved
        return data

    def _interaction_payload(
        self,
        itype: int,
        data: dict[str, Any],
        user: dict[str, Any],
        channel_id: int,
        permissions: int,
        message: dict[str, Any] | None = None,
    ) -> tuple[int, str, dict[str, Any]]:
        iid = self.snowflake()
        token = f"ix-token-{iid:x}"
        channel = self.channels[channel_id]
        payload: dict[str, Any] = {
            "id": str(iid),
            "application_id": str(self.application_id),
            "type": itype,
            "data": data,
            "token": token,
            "version": 1,
            "app_permissions": str(BOT_PERMISSIONS),
            "locale": "en-US",
            "entitlements": [],
            "entitlement_sku_ids": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "channel_id": str(channel_id),
            "channel": {**channel.payload(), "permissions": str(permissions)},
        }
        if channel.type == 1:
            payload.update(user=user, context=1, authorizing_integration_owners={"1": user["id"]})
        else:
            payload.update(
                guild_id=str(self.guild_id),
                guild={"id": str(self.guild_id), "locale": "id", "features": []},
                guild_locale="id",
                member=self.member(user, permissions),
                context=0,
                authorizing_integration_owners={"0": str(self.guild_id)},
            )
        if message is not None:
            payload["message"] = message
        return iid, token, payload

    async def _create_interaction(
        self,
        itype: int,
        data: dict[str, Any],
        user: str,
        channel_id: int | None,
        permissions: int | None,
        message: dict[str, Any] | None = None,
    ) -> Interaction:
        if permissions is None:
            permissions = MEMBER_PERMISSIONS | (MANAGE_GUILD | ADMINISTRATOR if self.users[user] is self.owner else 0)
        channel_id = channel_id or self.general_id
        iid, token, payload = self._interaction_payload(itype, data, self.users[user], channel_id, permissions, message)
        ix = Interaction(iid, token, itype, payload, channel_id, asyncio.get_running_loop().time(), self)
        self.interactions[iid] = ix
        await self.dispatch("INTERACTION_CREATE", payload)
        return ix

    async def slash(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user: str = "ayu",
        channel_id: int | None = None,
        permissions: int | None = None,
    ) -> Interaction:
        """A user runs `/name` (or `/group sub`) with these option values (type 2)."""
        guild = channel_id is None or self.channels[channel_id].type != 1
        data = self._command_data(name, options or {}, None, guild)
        return await self._create_interaction(2, data, user, channel_id, permissions)

    async def autocomplete(
        self,
        name: str,
        focused: str,
        typed: str,
        options: dict[str, Any] | None = None,
        *,
        user: str = "ayu",
        channel_id: int | None = None,
    ) -> Interaction:
        """A user types `typed` into option `focused` of `/name` (type 4)."""
        values = dict(options or {})
        values[focused] = typed
        data = self._command_data(name, values, focused, True)
        return await self._create_interaction(4, data, user, channel_id, None)

    async def click(
        self,
        message: dict[str, Any],
        custom_id: str | None = None,
        *,
        label: str | None = None,
        user: str = "ayu",
        stale: bool = False,
    ) -> Interaction:
        """A user presses a button of a message the bot sent (type 3), by custom_id or label.

        `stale=True` presses it as shown in `message` itself, as a client that has not yet
        received a later edit (say, the one that disabled the buttons) would.
        """
        current = message if stale else self.find_message(int(message["id"])) or message
        shown = buttons(current)
        button = next(
            (
                b
                for b in shown
                if (custom_id and b.get("custom_id") == custom_id) or (label and b.get("label") == label)
            ),
            None,
        )
        if button is None:
            raise StandInError(
                f"no button {custom_id or label!r} on message {message['id']} (has {[b.get('label') for b in shown]})"
            )
        if button.get("disabled"):
            raise StandInError(f"button {button.get('label')!r} is disabled; Discord would not send the click")
        data = {"custom_id": button["custom_id"], "component_type": button.get("type", 2)}
        return await self._create_interaction(3, data, user, int(current["channel_id"]), None, current)

    def find_message(self, message_id: int) -> dict[str, Any] | None:
        for channel in self.channels.values():
            for msg in channel.messages:
                if int(msg["id"]) == message_id:
                    return msg
        return None

    # ------------------------------------------------------------------ HTTP
    def _route_table(self) -> list[tuple[str, re.Pattern[str], Callable[..., Awaitable[web.Response]]]]:
        table = [
            ("GET", r"/gateway(/bot)?", self._get_gateway),
            ("GET", r"/users/@me", self._get_me),
            ("GET", r"/users/(?P<uid>\d+)", self._get_user),
            ("GET", r"/(oauth2/)?applications/@me", self._get_application),
            ("GET", r"/applications/(?P<aid>\d+)(/guilds/(?P<gid>\d+))?/commands", self._get_commands),
            ("PUT", r"/applications/(?P<aid>\d+)(/guilds/(?P<gid>\d+))?/commands", self._put_commands),
            ("POST", r"/interactions/(?P<iid>\d+)/(?P<token>[^/]+)/callback", self._callback),
            ("POST", r"/webhooks/(?P<aid>\d+)/(?P<token>[^/]+)", self._followup),
            ("GET", r"/webhooks/(?P<aid>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)", self._webhook_get),
            ("PATCH", r"/webhooks/(?P<aid>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)", self._webhook_edit),
            (
                "DELETE",
                r"/webhooks/(?P<aid>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)",
                self._webhook_delete,
            ),
            ("GET", r"/channels/(?P<cid>\d+)", self._get_channel),
            ("GET", r"/channels/(?P<cid>\d+)/messages", self._get_messages),
            ("POST", r"/channels/(?P<cid>\d+)/messages", self._post_message),
            ("PATCH", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._edit_message),
            ("DELETE", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._delete_message),
            ("POST", r"/users/@me/channels", self._open_dm),
            ("GET", r"/guilds/(?P<gid>\d+)", self._get_guild),
            ("GET", r"/guilds/(?P<gid>\d+)/channels", self._get_guild_channels),
            ("GET", r"/guilds/(?P<gid>\d+)/members/(?P<uid>\d+)", self._get_member),
        ]
        return [(m, re.compile(p), h) for m, p, h in table]

    async def _http(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
            elif request.content_type.startswith("multipart/"):
                form = await request.post()
                body = json.loads(form["payload_json"]) if "payload_json" in form else {}  # type: ignore[arg-type]
                body["_files"] = [k for k in form if k != "payload_json"]
            else:
                raw = await request.read()
                body = raw.decode(errors="replace") if raw else None
        record = RecordedRequest(
            request.method,
            path,
            dict(request.query),
            body,
            {k: v for k, v in request.headers.items() if k.lower() != "authorization"},
            at=asyncio.get_running_loop().time(),
        )
        self.requests.append(record)
        response = await self._route(request, record)
        record.status = response.status
        if response.body:
            with contextlib.suppress(ValueError, TypeError):
                record.response = json.loads(response.body)  # type: ignore[arg-type]
        self._notify()
        return response

    async def _route(self, request: web.Request, record: RecordedRequest) -> web.Response:
        needs_auth = not record.path.startswith(("/webhooks/", "/interactions/"))
        if needs_auth and request.headers.get("Authorization") != f"Bot {self.token}":
            return _error(401, 0, "401: Unauthorized")
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(record.path)
            if match and method == record.method:
                return await handler(record, **match.groupdict())
        self.unhandled.append(record)
        return _error(404, 0, "404: Not Found")

    def _refuse(self, record: RecordedRequest, problems: list[str]) -> web.Response:
        self.violations += [f"{record.method} {record.path}: {p}" for p in problems]
        return _error(
            400, 50035, "Invalid Form Body", {"_errors": [{"code": "BASE_TYPE_BAD", "message": p} for p in problems]}
        )

    def _check_message(
        self, record: RecordedRequest, body: dict[str, Any], *, edit: bool = False
    ) -> web.Response | None:
        problems = message_violations(body)
        if problems:
            return self._refuse(record, problems)
        if not edit and not (
            body.get("content")
            or body.get("embeds")
            or body.get("components")
            or body.get("_files")
            or body.get("attachments")
            or body.get("poll")
        ):
            self.violations.append(f"{record.method} {record.path}: empty message")
            return _error(400, 50006, "Cannot send an empty message")
        return None

    def _new_message(
        self,
        channel_id: int,
        body: dict[str, Any],
        *,
        webhook: bool = False,
        interaction: Interaction | None = None,
        flags: int = 0,
    ) -> dict[str, Any]:
        channel = self.channels[channel_id]
        msg: dict[str, Any] = {
            "id": str(self.snowflake()),
            "channel_id": str(channel_id),
            "author": self.bot_user,
            "content": body.get("content") or "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 20 if interaction is not None and interaction.type == 2 else 0,
            "flags": flags | (body.get("flags") or 0),
            "allowed_mentions": body.get("allowed_mentions"),
        }
        if channel.guild_id:
            msg["guild_id"] = str(channel.guild_id)
        if webhook:
            msg["webhook_id"] = str(self.application_id)
            msg["application_id"] = str(self.application_id)
        if interaction is not None:
            ix_user = interaction.payload.get("member", {}).get("user") or interaction.payload.get("user")
            msg["interaction_metadata"] = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": ix_user,
                "authorizing_integration_owners": interaction.payload["authorizing_integration_owners"],
            }
        channel.messages.append(msg)
        return msg

    @staticmethod
    def _edit(msg: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        for key in ("content", "embeds", "components"):
            if key in body:
                msg[key] = body[key] if body[key] is not None else ([] if key != "content" else "")
        if "allowed_mentions" in body:
            msg["allowed_mentions"] = body["allowed_mentions"]
        msg["flags"] = msg.get("flags", 0) & ~LOADING
        msg["edited_timestamp"] = _now_iso()
        return msg

    # --- identity and discovery
    async def _get_gateway(self, record: RecordedRequest) -> web.Response:
        return _json_response(
            {
                "url": self.gateway_url.rstrip("/"),
                "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
            }
        )

    async def _get_me(self, record: RecordedRequest) -> web.Response:
        return _json_response(self.bot_user)

    async def _get_user(self, record: RecordedRequest, uid: str) -> web.Response:
        for user in [self.bot_user, *self.users.values()]:
            if user["id"] == uid:
                return _json_response(user)
        return _error(404, 10013, "Unknown User")

    async def _get_application(self, record: RecordedRequest) -> web.Response:
        return _json_response(
            {
                "id": str(self.application_id),
                "name": "kabar",
                "description": "",
                "icon": None,
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": self.owner,
                "team": None,
                "verify_key": "0" * 64,
                "flags": 0,
                "summary": "",
                "rpc_origins": [],
                "bot": self.bot_user,
                "tags": [],
                "redirect_uris": [],
                "interactions_endpoint_url": None,
            }
        )

    # --- application commands
    def _check_app(self, aid: str) -> web.Response | None:
        if int(aid) != self.application_id:
            return _error(403, 50001, "Missing Access")
        return None

    async def _get_commands(self, record: RecordedRequest, aid: str, gid: str | None) -> web.Response:
        return self._check_app(aid) or _json_response(self.commands.get(int(gid) if gid else None, []))

    async def _put_commands(self, record: RecordedRequest, aid: str, gid: str | None) -> web.Response:
        if (refused := self._check_app(aid)) is not None:
            return refused
        scope = int(gid) if gid else None
        if scope is not None and scope != self.guild_id:
            return _error(403, 50001, "Missing Access")
        body = record.json or []
        problems = []
        if len(body) > 100:
            problems.append(f"{len(body)} commands (max 100)")
        for cmd in body:
            if not re.fullmatch(r"[-_\w]{1,32}", cmd.get("name", "")) or cmd["name"] != cmd["name"].lower():
                problems.append(f"bad command name {cmd.get('name')!r}")
            if not 1 <= len(cmd.get("description") or "") <= 100 and cmd.get("type", 1) == 1:
                problems.append(f"/{cmd.get('name')}: description must be 1-100 characters")
        if problems:
            return self._refuse(record, problems)
        old = {c["name"]: c for c in self.commands.get(scope, [])}
        stored = []
        for cmd in body:
            entry = {
                "type": 1,
                "default_member_permissions": None,
                "nsfw": False,
                "options": [],
                "description_localizations": None,
                "name_localizations": None,
                **cmd,
                "id": old[cmd["name"]]["id"] if cmd["name"] in old else str(self.snowflake()),
                "application_id": str(self.application_id),
                "version": str(self.snowflake()),
            }
            if scope is not None:
                entry["guild_id"] = str(scope)
            stored.append(entry)
        self.commands[scope] = stored
        self.syncs.append((scope, len(stored)))
        return _json_response(stored)

    # --- interaction callbacks and follow-ups
    def _interaction_for(self, token: str) -> Interaction | None:
        return next((ix for ix in self.interactions.values() if ix.token == token), None)

    async def _callback(self, record: RecordedRequest, iid: str, token: str) -> web.Response:
        ix = self.interactions.get(int(iid))
        if ix is None or ix.token != token:
            return _error(404, 10062, "Unknown interaction")
        late = asyncio.get_running_loop().time() - ix.created > self.ack_deadline
        if late:
            ix.refused.append(record)
            self.violations.append(f"interaction {iid} answered after {self.ack_deadline}s")
            return _error(404, 10062, "Unknown interaction")
        if ix.acked_at is not None:
            ix.refused.append(record)
            self.violations.append(f"interaction {iid} acknowledged twice")
            return _error(400, 40060, "Interaction has already been acknowledged.")
        body = record.json or {}
        rtype = body.get("type")
        data = body.get("data") or {}
        message: dict[str, Any] | None = None
        if rtype == 4:
            if (refused := self._check_message(record, data)) is not None:
                return refused
            message = self._new_message(ix.channel_id, data, webhook=True, interaction=ix)
            ix.original = message
        elif rtype == 5:
            message = self._new_message(
                ix.channel_id, {}, webhook=True, interaction=ix, flags=LOADING | (data.get("flags") or 0) & EPHEMERAL
            )
            ix.original = message
        elif rtype in (6, 7):
            if ix.type != 3:
                return _error(400, 40043, "Interaction response type not valid for this interaction")
            if rtype == 7:
                if (refused := self._check_message(record, data, edit=True)) is not None:
                    return refused
                target = self.find_message(int(ix.payload["message"]["id"]))
                if target is not None:
                    message = self._edit(target, data)
        elif rtype == 8:
            choices = data.get("choices") or []
            problems = [] if len(choices) <= 25 else [f"{len(choices)} autocomplete choices (max 25)"]
            problems += [
                f"choice name {c.get('name')!r} not 1-100 characters"
                for c in choices
                if not 1 <= len(c.get("name") or "") <= 100
            ]
            if problems:
                return self._refuse(record, problems)
            ix.choices = choices
        elif rtype != 9:
            return _error(400, 50035, "Invalid Form Body", {"type": {"_errors": [{"message": f"bad type {rtype}"}]}})
        ix.acked_at = asyncio.get_running_loop().time()
        ix.callbacks.append(body)
        if record.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        interaction = {
            "id": str(ix.id),
            "type": ix.type,
            "response_message_loading": rtype == 5,
            "response_message_ephemeral": bool((data.get("flags") or 0) & EPHEMERAL),
        }
        resource: dict[str, Any] = {"type": rtype}
        if message is not None:
            interaction["response_message_id"] = message["id"]
            resource["message"] = message
        return _json_response({"interaction": interaction, "resource": resource})

    def _webhook_interaction(self, aid: str, token: str) -> Interaction | web.Response:
        if int(aid) != self.application_id:
            return _error(404, 10015, "Unknown Webhook")
        ix = self._interaction_for(token)
        if ix is None or ix.acked_at is None:
            return _error(404, 10015, "Unknown Webhook")
        return ix

    async def _followup(self, record: RecordedRequest, aid: str, token: str) -> web.Response:
        ix = self._webhook_interaction(aid, token)
        if isinstance(ix, web.Response):
            return ix
        body = record.json or {}
        if (refused := self._check_message(record, body)) is not None:
            return refused
        message = self._new_message(ix.channel_id, body, webhook=True, interaction=ix)
        ix.followups.append(message)
        if record.query.get("wait") in ("true", "1", "True"):
            return _json_response(message)
        return web.Response(status=204)

    def _webhook_message(self, aid: str, token: str, mid: str) -> tuple[Interaction, dict[str, Any]] | web.Response:
        """The interaction and its message `mid` ("@original" or an id), or the error Discord answers."""
        ix = self._webhook_interaction(aid, token)
        if isinstance(ix, web.Response):
            return ix
        if mid == "@original":
            msg = ix.original
        else:
            msg = next((m for m in ([ix.original] if ix.original else []) + ix.followups if m["id"] == mid), None)
        return (ix, msg) if msg is not None else _error(404, 10008, "Unknown Message")

    async def _webhook_get(self, record: RecordedRequest, aid: str, token: str, mid: str) -> web.Response:
        found = self._webhook_message(aid, token, mid)
        return found if isinstance(found, web.Response) else _json_response(found[1])

    async def _webhook_edit(self, record: RecordedRequest, aid: str, token: str, mid: str) -> web.Response:
        found = self._webhook_message(aid, token, mid)
        if isinstance(found, web.Response):
            return found
        body = record.json or {}
        if (refused := self._check_message(record, body, edit=True)) is not None:
            return refused
        return _json_response(self._edit(found[1], body))

    async def _webhook_delete(self, record: RecordedRequest, aid: str, token: str, mid: str) -> web.Response:
        found = self._webhook_message(aid, token, mid)
        if isinstance(found, web.Response):
            return found
        ix, msg = found
        self.channels[int(msg["channel_id"])].messages.remove(msg)
        if msg is ix.original:
            ix.original = None
        else:
            ix.followups.remove(msg)
        return web.Response(status=204)

    # --- channels, messages, DMs, guild
    def _channel(self, cid: str) -> Channel | web.Response:
        channel = self.channels.get(int(cid))
        return channel if channel is not None else _error(404, 10003, "Unknown Channel")

    async def _get_channel(self, record: RecordedRequest, cid: str) -> web.Response:
        channel = self._channel(cid)
        return channel if isinstance(channel, web.Response) else _json_response(channel.payload())

    async def _get_messages(self, record: RecordedRequest, cid: str) -> web.Response:
        channel = self._channel(cid)
        if isinstance(channel, web.Response):
            return channel
        if channel.id in self.forbidden:
            return _error(403, 50001, "Missing Access")
        limit = int(record.query.get("limit", 50))
        return _json_response(list(reversed(channel.messages))[:limit])

    async def _post_message(self, record: RecordedRequest, cid: str) -> web.Response:
        channel = self._channel(cid)
        if isinstance(channel, web.Response):
            return channel
        if channel.id in self.forbidden:
            return _error(403, 50013, "Missing Permissions")
        body = record.json or {}
        if (refused := self._check_message(record, body)) is not None:
            return refused
        return _json_response(self._new_message(channel.id, body))

    def _channel_message(self, cid: str, mid: str) -> dict[str, Any] | web.Response:
        msg = self.find_message(int(mid))
        return msg if msg is not None and msg["channel_id"] == cid else _error(404, 10008, "Unknown Message")

    async def _edit_message(self, record: RecordedRequest, cid: str, mid: str) -> web.Response:
        msg = self._channel_message(cid, mid)
        if isinstance(msg, web.Response):
            return msg
        body = record.json or {}
        if (refused := self._check_message(record, body, edit=True)) is not None:
            return refused
        return _json_response(self._edit(msg, body))

    async def _delete_message(self, record: RecordedRequest, cid: str, mid: str) -> web.Response:
        msg = self._channel_message(cid, mid)
        if isinstance(msg, web.Response):
            return msg
        self.channels[int(cid)].messages.remove(msg)
        return web.Response(status=204)

    async def _open_dm(self, record: RecordedRequest) -> web.Response:
        rid = str((record.json or {}).get("recipient_id"))
        user = next((u for u in self.users.values() if u["id"] == rid), None)
        if user is None:
            return _error(400, 50035, "Invalid Form Body")
        for channel in self.dm_channels():
            if channel.recipient and channel.recipient["id"] == rid:
                return _json_response(channel.payload())
        cid = self.snowflake()
        self.channels[cid] = Channel(cid, f"dm-{user['username']}", 1, None, user)
        return _json_response(self.channels[cid].payload())

    async def _get_guild(self, record: RecordedRequest, gid: str) -> web.Response:
        if int(gid) != self.guild_id:
            return _error(404, 10004, "Unknown Guild")
        payload = self.guild_payload()
        for key in ("channels", "members", "threads", "presences", "voice_states"):
            payload.pop(key)
        return _json_response(payload)

    async def _get_guild_channels(self, record: RecordedRequest, gid: str) -> web.Response:
        if int(gid) != self.guild_id:
            return _error(404, 10004, "Unknown Guild")
        return _json_response([c.payload() for c in self.channels.values() if c.type != 1])

    async def _get_member(self, record: RecordedRequest, gid: str, uid: str) -> web.Response:
        for user in self.users.values():
            if user["id"] == uid:
                member = self.member(user, MEMBER_PERMISSIONS)
                member.pop("permissions")
                return _json_response(member)
        if uid == self.bot_user["id"]:
            member = self.member(self.bot_user, 0)
            member.pop("permissions")
            member["roles"] = [str(self.bot_role_id)]
            return _json_response(member)
        return _error(404, 10007, "Unknown Member")


@contextlib.contextmanager
def pointed_at(standin: DiscordStandIn) -> Iterator[None]:
    """Point discord.py's REST base and default gateway at the stand-in; restore them after."""
    import discord.gateway
    import discord.http
    import yarl

    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = standin.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(standin.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway
