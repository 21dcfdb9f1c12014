"""Canonical URLs and content fingerprints."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.feeds.urls import canonical_url, content_fingerprint, host_key, is_web_url


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "https://www.Contoh.CO.ID/berita/a.html?utm_source=rss&utm_medium=feed",
            "https://www.contoh.co.id/berita/a.html",
        ),
        ("https://contoh.id/a?fbclid=XYZ&id=7#komentar", "https://contoh.id/a?id=7"),
        ("https://contoh.id/a?page=all&UTM_Campaign=x&gclid=1", "https://contoh.id/a?page=all"),
        ("https://contoh.id:443/a", "https://contoh.id/a"),
        ("http://contoh.id:8080/a", "http://contoh.id:8080/a"),
        ("https://contoh.id", "https://contoh.id/"),
        ("https://contoh.id/a?b=2&a=1", "https://contoh.id/a?a=1&b=2"),
        ("https://contoh.id./a?", "https://contoh.id/a"),
        ("http://[::1]:8080/a#x", "http://[::1]:8080/a"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


@given(st.lists(st.sampled_from(["utm_source=a", "fbclid=b", "id=3", "page=2", "utm_term=c"]), max_size=5))
def test_canonical_url_is_idempotent(params: list[str]) -> None:
    url = "https://contoh.id/berita?" + "&".join(params) + "#bagian"
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert "utm_" not in once and "fbclid" not in once and "#" not in once


def test_host_key_and_web_urls() -> None:
    assert host_key("http://127.0.0.1:8321/a") == "127.0.0.1:8321"
    assert host_key("https://Contoh.id/a") == "contoh.id"
    assert is_web_url("https://contoh.id/rss")
    assert not is_web_url("ftp://contoh.id/rss") and not is_web_url("/rss.xml") and not is_web_url("http://")


def test_fingerprint_ignores_spacing_case_and_punctuation() -> None:
    a = "Banjir rob merendam 12 RT.\nWarga  diminta waspada!"
    b = "banjir rob merendam 12 RT Warga diminta waspada"
    assert content_fingerprint(a) == content_fingerprint(b)
    assert content_fingerprint(a) != content_fingerprint(a.replace("12", "13"))
