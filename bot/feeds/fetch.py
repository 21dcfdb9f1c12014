"""HTTP for feeds and article pages, as a good citizen: the `Fetcher` seam and its httpx implementation.

Public API:
    FetchPolicy(...)                     # timeouts, size cap, redirects, delay, User-Agent
    user_agent(contact) -> str           # "kabar/0.1 (news digest bot; +contact)"
    Response                             # url (after redirects), status (200 or 304), body, headers we keep
    class Fetcher(Protocol)              # what the poller needs: get() and aclose()
    HttpFetcher(policy, clock=..., sleep=...)
    make_fetcher(policy) -> HttpFetcher      # the same, warmed up; call it in a thread

`HttpFetcher.get(url, etag=..., last_modified=..., robots=...)`:
- sends If-None-Match / If-Modified-Since when given, and returns status 304 with no body;
- follows at most `max_redirects` redirects itself (a loop is refused at once), asking
  robots.txt about every hop when `robots` is set (article pages; feeds are not checked);
- waits its turn per host (`HostGate`: one request at a time, `host_delay` apart);
- has connect and read timeouts and a deadline for the whole request (a server that
  trickles bytes is cut off), and stops reading once the decoded body passes `max_bytes`
  (a declared Content-Length over the cap is refused before reading);
- accepts gzip/deflate; after 429 or 503 it backs the host off for Retry-After seconds.
Every failure is a `FetchError` with a one-phrase `reason` (and `status`, `retry_after`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email.utils
import importlib
import time
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable
from urllib.parse import urljoin

import httpx

from bot import __version__
from bot.errors import FetchError
from bot.feeds.politeness import Clock, HostGate, Sleep
from bot.feeds.robots import RobotsRules
from bot.feeds.urls import canonical_url, host_key, is_web_url

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
ROBOTS_AGENT = "kabar"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: a host that answers 429/503 without Retry-After is left alone this long
DEFAULT_BACK_OFF = 120.0
MAX_BACK_OFF = 24 * 3600.0
ROBOTS_MAX_BYTES = 512 * 1024


def user_agent(contact: str = "") -> str:
    """The User-Agent kabar sends: its name, version and, when set, how to reach the operator."""
    contact = " ".join(contact.split())
    return f"kabar/{__version__} (news digest bot; +{contact})" if contact else f"kabar/{__version__} (news digest bot)"


@dataclass(frozen=True)
class FetchPolicy:
    """How kabar behaves towards the sites it reads."""

    user_agent: str = field(default_factory=user_agent)
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    host_delay: float = 2.0


@dataclass(frozen=True)
class Response:
    """A successful answer: 200 with its (decoded) body, or 304 with none."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = ()


@runtime_checkable
class Fetcher(Protocol):
    """The network seam: everything the feeds code asks of HTTP."""

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool = False,
        accept: str = FEED_ACCEPT,
    ) -> Response: ...

    async def aclose(self) -> None: ...


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or an HTTP date), capped at a day."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_BACK_OFF)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return min(max(0.0, (when - now).total_seconds()), MAX_BACK_OFF)


@dataclass(frozen=True)
class _Raw:
    status: int
    headers: httpx.Headers
    body: bytes


class HttpFetcher:
    """The real `Fetcher`: httpx (async), one client for the fetcher's lifetime."""

    def __init__(self, policy: FetchPolicy, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        self.policy = policy
        self.gate = HostGate(policy.host_delay, clock=clock, sleep=sleep)
        self.robots = RobotsRules(self._robots_txt, agent=ROBOTS_AGENT, gate=self.gate, clock=clock)
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(
                connect=policy.connect_timeout,
                read=policy.read_timeout,
                write=policy.read_timeout,
                pool=policy.total_timeout,
            ),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> HttpFetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool = False,
        accept: str = FEED_ACCEPT,
        max_bytes: int | None = None,
    ) -> Response:
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        hops: list[str] = []
        seen = {canonical_url(url)} if is_web_url(url) else set()
        while True:
            if not is_web_url(current):
                raise FetchError(f"{current} is not an http(s) address", reason="not an http(s) URL", transient=False)
            if robots and not await self.robots.allowed(current):
                raise FetchError(
                    f"robots.txt of {host_key(current)} does not allow {current}",
                    reason="disallowed by robots.txt",
                    transient=False,
                )
            raw = await self._once(current, headers, max_bytes or self.policy.max_bytes)
            if raw.status in _REDIRECTS:
                target = raw.headers.get("location")
                if not target:
                    raise FetchError(f"{current} redirects nowhere", reason=f"HTTP {raw.status} without Location")
                nxt = urljoin(current, target.strip())
                if is_web_url(nxt) and canonical_url(nxt) in seen:
                    raise FetchError(f"{url} redirects in a loop", reason="redirect loop", transient=False)
                if len(hops) >= self.policy.max_redirects:
                    raise FetchError(
                        f"{url} redirects more than {self.policy.max_redirects} times",
                        reason=f"more than {self.policy.max_redirects} redirects",
                        transient=False,
                    )
                hops.append(nxt)
                if is_web_url(nxt):
                    seen.add(canonical_url(nxt))
                current = nxt
                continue
            return self._response(url, current, raw, tuple(hops))

    def _response(self, asked: str, final: str, raw: _Raw, hops: tuple[str, ...]) -> Response:
        status = raw.status
        if status == 304 or 200 <= status < 300:
            return Response(
                url=final,
                status=304 if status == 304 else 200,
                body=b"" if status == 304 else raw.body,
                content_type=raw.headers.get("content-type", ""),
                etag=raw.headers.get("etag"),
                last_modified=raw.headers.get("last-modified"),
                redirects=hops,
            )
        if status in (429, 503):
            wait = retry_after_seconds(raw.headers.get("retry-after"))
            self.gate.back_off(host_key(final), wait if wait is not None else DEFAULT_BACK_OFF)
            label = "rate limited" if status == 429 else "unavailable"
            after = f", retry after {wait:.0f} s" if wait is not None else ""
            raise FetchError(
                f"{asked}: HTTP {status}", reason=f"{label} (HTTP {status}{after})", status=status, retry_after=wait
            )
        if status >= 500:
            raise FetchError(f"{asked}: HTTP {status}", reason=f"server error (HTTP {status})", status=status)
        transient = status in (408, 425)
        reason = {404: "not found (HTTP 404)", 410: "gone (HTTP 410)", 403: "forbidden (HTTP 403)"}.get(
            status, f"HTTP {status}"
        )
        raise FetchError(f"{asked}: HTTP {status}", reason=reason, status=status, transient=transient)

    async def _once(self, url: str, headers: dict[str, str], max_bytes: int) -> _Raw:
        """One request through the host gate, under the whole-request deadline, body capped."""
        async with self.gate.turn(host_key(url)):
            try:
                async with asyncio.timeout(self.policy.total_timeout):
                    return await self._stream(url, headers, max_bytes)
            except TimeoutError:
                raise FetchError(
                    f"{url} took longer than {self.policy.total_timeout:g} s",
                    reason=f"took longer than {self.policy.total_timeout:g} s",
                ) from None
            except httpx.TimeoutException as exc:
                phase = "connect" if isinstance(exc, httpx.ConnectTimeout) else "read"
                raise FetchError(f"{url}: {phase} timeout", reason=f"{phase} timeout") from None
            except httpx.DecodingError:
                raise FetchError(f"{url}: the body cannot be decoded", reason="undecodable response body") from None
            except httpx.TooManyRedirects:  # pragma: no cover - redirects are followed by hand
                raise FetchError(f"{url}: too many redirects", reason="too many redirects") from None
            except (httpx.TransportError, httpx.InvalidURL, OSError) as exc:
                raise FetchError(f"{url}: {_network_reason(exc)}", reason=_network_reason(exc)) from None

    async def _stream(self, url: str, headers: dict[str, str], max_bytes: int) -> _Raw:
        async with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if not 200 <= status < 300:
                return _Raw(status, response.headers, b"")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(url, max_bytes)
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise _too_large(url, max_bytes)
                chunks.append(chunk)
            return _Raw(status, response.headers, b"".join(chunks))

    async def _robots_txt(self, url: str) -> tuple[int, bytes]:
        response = await self.get(url, accept="text/plain", max_bytes=ROBOTS_MAX_BYTES)
        return response.status, response.body


#: modules httpx loads lazily at its first request (the async backend, the HTTP/1.1 connection)
_FIRST_REQUEST_IMPORTS = ("anyio._backends._asyncio", "httpcore._async.http11", "httpcore._async.connection_pool")


def make_fetcher(policy: FetchPolicy) -> HttpFetcher:
    """An HttpFetcher with everything its first request would load already loaded: made in a
    thread (`asyncio.to_thread(make_fetcher, policy)`), the event loop never waits for the TLS
    context's certificates or those imports."""
    for name in _FIRST_REQUEST_IMPORTS:
        with contextlib.suppress(ImportError):  # another httpx release; it is only a warm-up
            importlib.import_module(name)
    return HttpFetcher(policy)


def _too_large(url: str, max_bytes: int) -> FetchError:
    size = f"{max_bytes / 1024 / 1024:.1f} MB" if max_bytes >= 1024 * 1024 else f"{max_bytes // 1024} KB"
    return FetchError(f"{url} is larger than {size}", reason=f"larger than {size}", transient=False)


def _network_reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, OSError) and cause.strerror:
        text = cause.strerror
    elif isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({text})"
    return f"network error ({text[:80]})"
