"""extract_page on the local site's article pages: the article in, the page around it out."""

from __future__ import annotations

import pytest

from bot.feeds.extract import extract_page, html_to_text, word_count
from tests.feeds.localsite import ROOT

BASE = "http://127.0.0.1:8321"

#: text that is on the page but is not the article: navigation, banners, related blocks, comments, scripts
CHROME = (
    "Kami menggunakan cookie",
    "Situs ini menggunakan cookie",
    "Terkini",
    "Olahraga",
    "detakFinance",
    "Berita Terkait",
    "Berita Lainnya",
    "Terpopuler",
    "Harga cabai rawit melonjak",
    "Tiket konser band legendaris",
    "Antrean tap kartu",
    "Mengenal sesar aktif",
    "Stok gula pasir dinilai cukup",
    "Semoga cepat surut",
    "Di warung dekat rumah",
    "Belum ada komentar",
    "Hak cipta dilindungi",
    "All Rights Reserved",
    "Bagikan ke Facebook",
    "Simak breaking news",
    "Tonton juga video",
    "ADVERTISEMENT",
    "gtag",
    "dataLayer",
    "querySelector",
)

PAGES = {
    "berita/2025/03/banjir-rob-pesisir-utara.html": (
        "Banjir rob rendam 12 RT di pesisir utara Jakarta",
        ["sebanyak 1.250 warga terdampak", "menyiagakan 40 pompa bergerak", "selama sepekan ke depan"],
    ),
    "berita/2025/03/harga-beras-turun.html": (
        "Harga beras medium turun Rp500 per kilogram di pasar induk",
        ["Rp13.000 per kilogram", "45.000 ton", "proses pengeringan gabah"],
    ),
    "read/2025/03/11/081500/krl-tambah-perjalanan.html": (
        "KAI Commuter Tambah 24 Perjalanan KRL Mulai April",
        ["menambah 24 perjalanan", "980.000 orang per hari", "pekan pertama April"],
    ),
    "detak/d-7812345/gempa-guncang-maluku-tengah.html": (
        "Gempa M 5,2 Guncang Maluku Tengah, BMKG: Tak Berpotensi Tsunami",
        ["bermagnitudo 5,2", "kedalaman 22 kilometer", "bukan akibat subduksi lempeng"],
    ),
}


@pytest.mark.parametrize("path", sorted(PAGES))
def test_the_article_without_the_page_around_it(path: str) -> None:
    title, must = PAGES[path]
    page = extract_page((ROOT / path).read_bytes(), f"{BASE}/{path}")
    assert page is not None
    assert page.title == title
    for phrase in must:
        assert phrase in page.text
    for phrase in CHROME:
        assert phrase not in page.text, phrase
    assert page.published and page.published.startswith("2025-03-1")


def test_author_and_site_come_from_the_page() -> None:
    path = "berita/2025/03/banjir-rob-pesisir-utara.html"
    page = extract_page((ROOT / path).read_bytes(), f"{BASE}/{path}")
    assert page is not None
    assert page.author == "Dewi Lestari" and page.site == "Warta Nusantara"
    assert page.published == "2025-03-11"


def test_a_video_page_yields_too_little_text() -> None:
    path = "video/2025/03/cuplikan-banjir-rob.html"
    page = extract_page((ROOT / path).read_bytes(), f"{BASE}/{path}")
    assert page is None or word_count(page.text) < 20


@pytest.mark.parametrize("html", [b"", b"   ", b"<html><body></body></html>", b"\x00\x01binary"])
def test_pages_without_text_give_none(html: bytes) -> None:
    assert extract_page(html, f"{BASE}/x.html") is None


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    text = html_to_text("<p>Satu &amp; dua.</p><script>alert(1)</script><div>Tiga<br/>empat</div>lima")
    assert text == "Satu & dua.\nTiga\nempat\nlima"
    assert html_to_text("teks biasa  tanpa   tag") == "teks biasa tanpa tag"
    assert html_to_text("") == ""


def test_word_count_counts_words_not_punctuation() -> None:
    assert word_count("Harga beras turun Rp500 -- menjadi Rp13.000!") == 7
