"""parse_feed on the local site's feeds: RSS 0.91/1.0/2.0 and Atom, malformed XML, HTML served as a feed."""

from __future__ import annotations

import pytest

from bot.errors import FeedUnusable
from bot.feeds.parse import parse_feed
from tests.feeds.localsite import ROOT

BASE = "http://127.0.0.1:8321"


def feed(path: str) -> bytes:
    return (ROOT / path).read_bytes().replace(b"{{BASE}}", BASE.encode())


def test_rss_20_items_with_links_guids_dates_and_text() -> None:
    parsed = parse_feed(feed("rss/terkini.xml"), f"{BASE}/rss/terkini.xml", "application/rss+xml")
    assert parsed.format == "rss20" and parsed.title == "Warta Nusantara - Terkini"
    assert parsed.warnings == ()
    first = parsed.entries[0]
    assert first.title == "Banjir rob rendam 12 RT di pesisir utara Jakarta"
    assert first.link == f"{BASE}/berita/2025/03/banjir-rob-pesisir-utara.html"
    assert first.published == "2025-03-11T00:42:00Z"
    assert first.author == "Dewi Lestari"
    assert first.text.startswith("Banjir rob merendam 12 RT") and "<img" not in first.text
    no_link = [e for e in parsed.entries if e.link is None]
    assert [e.guid for e in no_link] == ["warta-2025-03-11-0007"]
    assert no_link[0].text.count("\n") == 1  # two paragraphs, one per line


def test_atom_entries() -> None:
    parsed = parse_feed(feed("atom/kabarpagi.xml"), f"{BASE}/atom/kabarpagi.xml", "application/atom+xml")
    assert parsed.format == "atom10"
    assert [e.guid for e in parsed.entries] == [
        "tag:kabarpagi.test,2025:081500",
        "tag:kabarpagi.test,2025:093000",
        "tag:kabarpagi.test,2025:mitra-0042",
    ]
    assert parsed.entries[0].text == "PT KAI Commuter menambah 24 perjalanan KRL mulai 1 April 2025."
    assert parsed.entries[0].author == "Fajar Nugroho"


@pytest.mark.parametrize(("path", "fmt"), [("rss/detak.rdf", "rss10"), ("rss/lama.xml", "rss091n")])
def test_rss_10_and_091(path: str, fmt: str) -> None:
    parsed = parse_feed(feed(path), f"{BASE}/{path}")
    assert parsed.format.startswith(fmt[:5])
    assert len(parsed.entries) == 1 and parsed.entries[0].link and parsed.entries[0].link.startswith(BASE)


def test_malformed_xml_is_read_as_far_as_it_goes_with_a_warning() -> None:
    parsed = parse_feed(feed("rss/rusak.xml"), f"{BASE}/rss/rusak.xml")
    assert [e.title for e in parsed.entries] == [
        "Harga beras medium turun Rp500 per kilogram di pasar induk",
        "Gempa M 5,2 Guncang Maluku Tengah",
    ]
    assert len(parsed.warnings) == 1 and "not well-formed" in parsed.warnings[0]


def test_an_html_page_is_not_a_feed() -> None:
    with pytest.raises(FeedUnusable) as caught:
        parse_feed(feed("index.html"), f"{BASE}/", "text/html; charset=utf-8")
    assert "an HTML page" in caught.value.user_message


@pytest.mark.parametrize("body", [b"", b"   \n", b"just some words", b"\x00\x01\x02binary"])
def test_nothing_parseable_is_unusable(body: bytes) -> None:
    with pytest.raises(FeedUnusable):
        parse_feed(body, f"{BASE}/x.xml")


def test_relative_links_resolve_against_the_feed() -> None:
    body = b"""<rss version="2.0"><channel><title>T</title><item><title>A</title>
    <link>/berita/a.html</link></item></channel></rss>"""
    parsed = parse_feed(body, f"{BASE}/rss/x.xml")
    assert parsed.entries[0].link == f"{BASE}/berita/a.html"
