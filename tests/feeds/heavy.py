"""Many feeds of heavy article pages on the local test site, for load tests and benchmarks.

    urls = publish(site, feeds=10, items=20, page_kb=150)   # feed URLs; each item a distinct page

Pages are recombined from the site's own article pages (each made distinct: its title and
first paragraph carry the feed and item numbers) and weighted to `page_kb` with what real
outlets carry around an article: menus of links, inline scripts, related-article blocks.
"""

from __future__ import annotations

from tests.feeds.localsite import ROOT, LocalSite

PAGES = [
    "berita/2025/03/banjir-rob-pesisir-utara.html",
    "berita/2025/03/harga-beras-turun.html",
    "read/2025/03/11/081500/krl-tambah-perjalanan.html",
    "detak/d-7812345/gempa-guncang-maluku-tengah.html",
    "berita/2025/03/pelabuhan-merak-arus-mudik.html",
]


def padding(kilobytes: int) -> str:
    """Page weight as real outlets carry it: menus of links, inline scripts and related blocks."""
    block = (
        "<ul class='menu'>" + "".join(f"<li><a href='/kanal/{n}'>Kanal {n}</a></li>" for n in range(30)) + "</ul>"
        "<script>window.__iklan = " + '{"slot": "atas", "ukuran": [300, 250]}, ' * 20 + "null;</script>"
        "<section class='terkait'><h2>Berita Terkait</h2>"
        + "".join(
            f"<article><a href='/berita/{n}'>Judul berita terkait nomor {n} yang cukup panjang</a></article>"
            for n in range(10)
        )
        + "</section>"
    )
    return block * max(0, kilobytes * 1024 // len(block))


def publish(site: LocalSite, feeds: int, items: int, page_kb: int, *, prefix: str = "bench") -> list[str]:
    """Put `feeds` RSS feeds of `items` pages each on the site; return the feed URLs. Every page
    tells a text of its own (its site, prefix, feed and item are written into it)."""
    pad = padding(page_kb)
    sources = [(ROOT / p).read_text(encoding="utf-8").replace("</body>", pad + "</body>") for p in PAGES]
    urls = []
    for f in range(feeds):
        entries = []
        for i in range(items):
            path = f"/{prefix}/{f}/{i}.html"
            page = sources[(f + i) % len(sources)].replace("</h1>", f" ({f}-{i})</h1>", 1)
            body = page.index("</h1>")  # every paragraph after the headline: no two pages tell the same text
            note = f" Catatan {prefix} nomor {f * 1000 + i} dari {site.host}."
            page = page[:body] + page[body:].replace("</p>", note + "</p>")
            site.put(path, page, "text/html; charset=utf-8")
            entries.append(
                f"<item><title>Berita {f}-{i}</title><link>{{{{BASE}}}}{path}</link>"
                f"<guid>{{{{BASE}}}}{path}</guid><description>Ringkasan {f}-{i}.</description></item>"
            )
        site.put(
            f"/{prefix}/{f}.xml",
            f"<rss version='2.0'><channel><title>{prefix} {f}</title>{''.join(entries)}</channel></rss>",
        )
        urls.append(site.url(f"/{prefix}/{f}.xml"))
    return urls
