"""A local news site for tests: feeds and article pages on 127.0.0.x, plus hostile endpoints.

`LocalSite` is an aiohttp server serving the files under `tests/feeds/site/` (written for
these tests in the shape of Indonesian outlets' pages; `{{BASE}}` in a file becomes the
server's own address). Static files answer conditional requests (ETag / Last-Modified ->
304) and are gzip-encoded when asked. It logs every request (path, query, headers, time)
and the most requests it ever had in flight at once, so tests can check what kabar asked.

Hostile endpoints under /hostile/: loop-a <-> loop-b (301 loop), chain/N (a long 302
chain), moved.xml (one 301 to the RSS feed), ke-terlarang (302 into the disallowed part), 429 (Retry-After: 120), 500, 503, slow (no
answer for `slow_seconds`), trickle (one byte every 0.2 s), huge and huge-chunked (50 MB,
with and without Content-Length), bomb.xml (50 MB that gzip shrinks to ~50 KB), 404.

`site_in_thread()` serves it from a thread of its own, for callers that run their own event
loop (the command line). Run it by hand to try kabar against it:
`python -m tests.feeds.localsite [--port 8321]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import email.utils
import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from aiohttp import web

ROOT = Path(__file__).resolve().parent / "site"
HUGE = 50 * 1024 * 1024
FIXED_MODIFIED = "Tue, 11 Mar 2025 08:00:00 GMT"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rdf": "application/rdf+xml",
    ".txt": "text/plain; charset=utf-8",
}


@dataclasses.dataclass(frozen=True)
class Hit:
    path: str
    query: str
    headers: dict[str, str]
    at: float

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclasses.dataclass
class _File:
    body: bytes
    content_type: str
    modified: str
    etag: bool = True


class LocalSite:
    """The test site on one loopback address; start() it, use .base, stop() it."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, root: Path = ROOT) -> None:
        self.host = host
        self.port = port
        self.root = root
        self.log: list[Hit] = []
        self.slow_seconds = 30.0
        self.robots_status = 200
        self.in_flight = 0
        self.max_in_flight = 0
        self._overrides: dict[str, _File] = {}
        self._no_etag: set[str] = {"/rss/detak.rdf"}
        self._runner: web.AppRunner | None = None

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    # ---------------------------------------------------------------- test controls
    def put(self, path: str, text: str, content_type: str = "application/rss+xml; charset=utf-8") -> None:
        """Serve `text` at `path` (with {{BASE}} filled in), as if the site had just changed it."""
        body = text.replace("{{BASE}}", self.base).encode("utf-8")
        self._overrides[path] = _File(body, content_type, email.utils.formatdate(usegmt=True))

    def replace(self, path: str, source: str) -> None:
        """Serve the site file `source` at `path` from now on (a feed gaining an item)."""
        self.put(path, (self.root / source.lstrip("/")).read_text(encoding="utf-8"), _type_of(source))

    def hits(self, path: str) -> list[Hit]:
        return [hit for hit in self.log if hit.path == path]

    def paths(self) -> list[str]:
        return [hit.path for hit in self.log]

    # ---------------------------------------------------------------- lifecycle
    async def start(self) -> LocalSite:
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/robots.txt", self._robots)
        app.router.add_get("/hostile/loop-a", _answer(lambda: _redirect(301, "/hostile/loop-b")))
        app.router.add_get("/hostile/loop-b", _answer(lambda: _redirect(301, "/hostile/loop-a")))
        app.router.add_get("/hostile/chain/{n}", self._chain)
        app.router.add_get("/hostile/moved.xml", _answer(lambda: _redirect(301, "/rss/terkini.xml")))
        app.router.add_get(
            "/hostile/ke-terlarang", _answer(lambda: _redirect(302, "/terlarang/2025/03/rapat-tertutup.html"))
        )
        app.router.add_get(
            "/hostile/429",
            _answer(lambda: web.Response(status=429, headers={"Retry-After": "120"}, text="Terlalu banyak permintaan")),
        )
        app.router.add_get("/hostile/500", _answer(lambda: web.Response(status=500, text="Internal Server Error")))
        app.router.add_get("/hostile/503", _answer(lambda: web.Response(status=503, text="Sedang pemeliharaan")))
        app.router.add_get("/hostile/404", _answer(lambda: web.Response(status=404, text="Halaman tidak ditemukan")))
        app.router.add_get("/hostile/slow", self._slow)
        app.router.add_get("/hostile/trickle", self._trickle)
        app.router.add_get("/hostile/huge", self._huge)
        app.router.add_get("/hostile/huge-chunked", self._huge)
        app.router.add_get("/hostile/bomb.xml", self._bomb)
        app.router.add_get("/{path:.*}", self._static)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalSite:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ---------------------------------------------------------------- handlers
    @web.middleware
    async def _record(self, request: web.Request, handler):  # type: ignore[no-untyped-def]
        headers = {k.lower(): v for k, v in request.headers.items()}
        self.log.append(Hit(request.path, request.query_string, headers, time.monotonic()))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await handler(request)
        finally:
            self.in_flight -= 1

    def _file(self, path: str) -> _File | None:
        if path in self._overrides:
            return self._overrides[path]
        target = (self.root / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or self.root not in target.parents:
            return None
        body = target.read_bytes().replace(b"{{BASE}}", self.base.encode())
        return _File(body, _type_of(path), FIXED_MODIFIED, etag=path not in self._no_etag)

    async def _static(self, request: web.Request) -> web.StreamResponse:
        found = self._file(request.path)
        if found is None:
            return web.Response(status=404, text="Halaman tidak ditemukan")
        tag = f'"{hashlib.sha1(found.body).hexdigest()[:16]}"'
        headers = {"Last-Modified": found.modified, "Content-Type": found.content_type}
        if found.etag:
            headers["ETag"] = tag
        if found.etag and request.headers.get("If-None-Match") == tag:
            return web.Response(status=304, headers=headers)
        since = request.headers.get("If-Modified-Since")
        if since and not request.headers.get("If-None-Match") and _not_newer(found.modified, since):
            return web.Response(status=304, headers=headers)
        body = found.body
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return web.Response(body=body, headers=headers)

    async def _robots(self, request: web.Request) -> web.Response:
        if self.robots_status != 200:
            return web.Response(status=self.robots_status, text="")
        found = self._file("/robots.txt")
        return web.Response(body=found.body if found else b"", content_type="text/plain")

    async def _chain(self, request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        return _redirect(302, f"/hostile/chain/{n + 1}") if n < 20 else await self._static_path("/rss/terkini.xml")

    async def _static_path(self, path: str) -> web.Response:
        found = self._file(path)
        assert found is not None
        return web.Response(body=found.body, content_type=found.content_type.split(";")[0])

    async def _slow(self, request: web.Request) -> web.Response:
        await asyncio.sleep(self.slow_seconds)
        return await self._static_path("/rss/terkini.xml")

    async def _trickle(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        for _ in range(1000):
            await response.write(b" ")
            await asyncio.sleep(0.2)
        return response

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if request.path == "/hostile/huge":
            headers["Content-Length"] = str(HUGE)
        response = web.StreamResponse(headers=headers)
        await response.prepare(request)
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        for _ in range(HUGE // len(chunk)):
            await response.write(chunk)
        await response.write(b" " * (HUGE - (HUGE // len(chunk)) * len(chunk)))
        return response

    async def _bomb(self, request: web.Request) -> web.Response:
        body = gzip.compress(b"<rss>" + b" " * HUGE + b"</rss>", compresslevel=9)
        return web.Response(body=body, headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})


def _type_of(path: str) -> str:
    suffix = Path(path).suffix
    if suffix == ".xml":
        return "application/atom+xml" if "/atom/" in path else "application/rss+xml; charset=utf-8"
    return TYPES.get(suffix, "text/html; charset=utf-8")


def _answer(make):  # type: ignore[no-untyped-def]
    """An aiohttp handler answering every request with `make()`."""

    async def handler(request: web.Request) -> web.Response:
        return make()

    return handler


def _redirect(status: int, location: str) -> web.Response:
    return web.Response(status=status, headers={"Location": location})


def _not_newer(modified: str, since: str) -> bool:
    try:
        return email.utils.parsedate_to_datetime(modified) <= email.utils.parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


@contextlib.contextmanager
def site_in_thread(host: str = "127.0.0.1") -> Iterator[LocalSite]:
    """The site served from its own thread and event loop, for code that runs its own loop
    (the command line, `asyncio.run`); its controls and logs are read from the test's thread."""
    loop = asyncio.new_event_loop()
    site = LocalSite(host)
    thread = threading.Thread(target=loop.run_forever, name=f"localsite-{host}", daemon=True)
    thread.start()
    try:
        asyncio.run_coroutine_threadsafe(site.start(), loop).result(10)
        yield site
    finally:
        asyncio.run_coroutine_threadsafe(site.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


async def _serve(port: int) -> None:
    site = LocalSite(port=port)
    await site.start()
    print(f"serving {ROOT} at {site.base} (feeds: /rss/terkini.xml /atom/kabarpagi.xml /rss/detak.rdf); Ctrl-C stops")
    try:
        await asyncio.Event().wait()
    finally:
        await site.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8321)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(parser.parse_args().port))
