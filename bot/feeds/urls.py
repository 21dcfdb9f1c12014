"""Canonical article URLs and content fingerprints: what makes two sightings of one article the same.

Public API:
    canonical_url(url) -> str        # tracking parameters and the fragment removed, host lower-cased
    host_key(url) -> str             # "host[:port]" as requests to it are scheduled
    content_fingerprint(text) -> str # sha256 of the words, blind to spacing, case and punctuation

A canonical URL keeps the scheme, path and every parameter that may select content (in a
stable order); it drops `utm_*`, `fbclid` and the other names listed in
`data/tracking_params.txt`, the fragment, a default port and an empty query.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["canonical_url", "content_fingerprint", "host_key", "is_web_url"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
_WORD = re.compile(r"[^\W_]+")
_TRACKING_FILE = Path(__file__).with_name("data") / "tracking_params.txt"


@functools.cache
def _tracking() -> tuple[frozenset[str], tuple[str, ...]]:
    """(exact names, prefixes) from the data file, read once."""
    names: set[str] = set()
    prefixes: list[str] = []
    for line in _TRACKING_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if not line or line.startswith("#"):
            continue
        if line.endswith("*"):
            prefixes.append(line[:-1])
        else:
            names.add(line)
    return frozenset(names), tuple(prefixes)


def _is_tracking(name: str) -> bool:
    names, prefixes = _tracking()
    lowered = name.lower()
    return lowered in names or lowered.startswith(prefixes)


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in _DEFAULT_PORTS and bool(parts.hostname)


def canonical_url(url: str) -> str:
    """The URL an article is known by: same page, without tracking parameters or fragment."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if ":" in host:  # an IPv6 literal keeps its brackets
        netloc = f"[{host}]" if port in (None, _DEFAULT_PORTS.get(scheme)) else f"[{host}]:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(sorted(query)), ""))


def host_key(url: str) -> str:
    """The host (with a non-default port) that politeness is counted against."""
    return urlsplit(canonical_url(url)).netloc


def content_fingerprint(text: str) -> str:
    """sha256 over the text's words, lower-cased, so spacing and punctuation changes do not count."""
    words = _WORD.findall(text.casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
