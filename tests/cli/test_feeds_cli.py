"""`kabar feeds add | list | remove | poll` end to end against the local news site, as a user types them.

The site (tests/feeds/localsite.py) runs in a thread of its own on 127.0.0.1 (and a second
host on 127.0.0.2); kabar runs in-process with its real HTTP fetcher, no host delay.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feeds.localsite import LocalSite, site_in_thread
from tests.feeds.test_extract import CHROME

TERKINI = "/rss/terkini.xml"
ATOM = "/atom/kabarpagi.xml"
ARTICLE_A = "/berita/2025/03/banjir-rob-pesisir-utara.html"
ARTICLE_B = "/berita/2025/03/harga-beras-turun.html"
COPY_OF_A = "/read/2025/03/11/093000/banjir-rob-rendam-12-rt.html"
KRL = "/read/2025/03/11/081500/krl-tambah-perjalanan.html"
DISALLOWED = "/terlarang/2025/03/rapat-tertutup.html"
VIDEO = "/video/2025/03/cuplikan-banjir-rob.html"
MERAK = "/berita/2025/03/pelabuhan-merak-arus-mudik.html"
TITLES = {
    ARTICLE_A: "Banjir rob rendam 12 RT di pesisir utara Jakarta",
    ARTICLE_B: "Harga beras medium turun Rp500 per kilogram di pasar induk",
    DISALLOWED: "Rapat tertutup membahas anggaran daerah",
    VIDEO: "VIDEO: Cuplikan banjir rob di Muara Angke",
    None: "Jadwal pemadaman listrik bergilir di Jakarta Utara",
}


@pytest.fixture
def news() -> Iterator[LocalSite]:
    with site_in_thread("127.0.0.1") as running:
        yield running


@pytest.fixture
def news2() -> Iterator[LocalSite]:
    with site_in_thread("127.0.0.2") as running:
        yield running


@pytest.fixture
def feeds(kabar, monkeypatch: pytest.MonkeyPatch):
    """`kabar` with no pause between requests to one host (the tests measure behaviour, not manners)."""
    monkeypatch.setenv("KABAR_FEED_HOST_DELAY", "0")
    return kabar


def articles_json(feeds) -> dict[str, dict]:
    code, out, _ = feeds("articles", "--json")
    assert code == 0
    return {a["id"]: a for a in json.loads(out)}


def show(feeds, ref: str) -> dict:
    code, out, err = feeds("show", ref, "--json")
    assert code == 0, err
    return json.loads(out)


def test_add_then_poll_adds_each_linked_article_once_with_its_title_and_no_page_chrome(feeds, news: LocalSite) -> None:
    code, out, err = feeds("feeds", "add", news.url(TERKINI), "--outlet", "Warta Nusantara")
    assert (code, err) == (0, "")
    assert out.startswith(
        f"Added the feed {news.url(TERKINI)} (Warta Nusantara); nothing is fetched until it is polled."
    )
    assert news.log == [], "adding a feed fetches nothing"

    code, out, err = feeds("feeds", "poll")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"{news.url(TERKINI)}: new, 5 articles added"
    assert out.splitlines()[-1] == "Polled 1 feed: 5 articles added."
    indexed = {a["path"].removeprefix(news.base) or None: a for a in articles_json(feeds).values() if a["id"][0] == "f"}
    assert {path: a["title"] for path, a in indexed.items()} == TITLES
    assert {a["outlet"] for a in indexed.values()} == {"Warta Nusantara"}
    for path in (ARTICLE_A, ARTICLE_B, VIDEO):
        assert news.paths().count(path) == 1, path
    assert news.paths().count("/robots.txt") == 1

    for article in indexed.values():
        text = " ".join(s["text"] for s in show(feeds, article["id"])["sentences"])
        for phrase in CHROME + ("Baca juga", "Editor:"):
            assert phrase not in text, (article["id"], phrase)
    a = show(feeds, indexed[ARTICLE_A]["id"])
    assert a["sentences"][0]["text"].startswith("Banjir rob merendam 12 rukun tetangga")
    assert a["origin"]["provenance"]["method"] == "page" and a["origin"]["provenance"]["url"] == news.url(ARTICLE_A)
    assert a["origin"]["provenance"]["published"] == "2025-03-11T00:42:00Z"


def test_a_disallowed_page_is_never_fetched(feeds, news: LocalSite) -> None:
    feeds("feeds", "add", news.url(TERKINI))
    code, out, _ = feeds("feeds", "poll")
    assert code == 0 and DISALLOWED not in news.paths()
    assert "the feed's own text: the page was not fetched: disallowed by robots.txt" in out
    code, out, _ = feeds("show", news.url(DISALLOWED))
    assert code == 0 and "the feed's own text (the page was not fetched: disallowed by robots.txt)" in out
    assert "Panitia anggaran daerah menggelar rapat tertutup" in out


def test_a_second_poll_is_conditional_and_adds_nothing(feeds, news: LocalSite) -> None:
    feeds("feeds", "add", news.url(TERKINI))
    feeds("feeds", "poll")
    before, count = len(news.log), len(articles_json(feeds))
    code, out, _ = feeds("feeds", "poll")
    assert code == 0 and out == f"{news.url(TERKINI)}: unchanged\nPolled 1 feed: 0 articles added, 1 unchanged.\n"
    assert news.paths()[before:] == [TERKINI]
    assert news.log[before].header("if-none-match") and news.log[before].header("if-modified-since")
    assert len(articles_json(feeds)) == count


def test_a_new_item_adds_exactly_one_article(feeds, news: LocalSite) -> None:
    feeds("feeds", "add", news.url(TERKINI))
    feeds("feeds", "poll")
    before_ids = set(articles_json(feeds))
    news.replace(TERKINI, "rss/terkini-baru.xml")
    before = len(news.log)
    code, out, _ = feeds("feeds", "poll")
    assert code == 0 and out.splitlines()[0] == f"{news.url(TERKINI)}: new, 1 article added"
    # a new process asks robots.txt again before the first page it fetches
    assert news.paths()[before:] == [TERKINI, "/robots.txt", MERAK]
    new = set(articles_json(feeds)) - before_ids
    assert len(new) == 1 and show(feeds, new.pop())["path"] == news.url(MERAK)


def test_each_failing_feed_is_reported_on_its_own_line_and_the_others_are_polled(
    feeds, news: LocalSite, news2: LocalSite
) -> None:
    failing = {
        news.url("/hostile/500"): "failed: server error (HTTP 500)",
        news2.url("/hostile/429"): "failed: rate limited (HTTP 429, retry after 120 s)",
        news.url("/index.html"): "is an HTML page, not a feed",
        news.url("/hostile/loop-a"): "failed: redirect loop",
        news.url("/hostile/404"): "failed: not found (HTTP 404)",
    }
    for url in [*failing, news.url(ATOM)]:
        assert feeds("feeds", "add", url)[0] == 0
    code, out, err = feeds("feeds", "poll")
    assert code == 1 and "Traceback" not in out + err
    lines = out.splitlines()
    for url, reason in failing.items():
        [line] = [line for line in lines if line.startswith(f"{url}: ")]
        assert reason in line and "1 failure in a row" in line, line
    assert f"{news.url(ATOM)}: new, 2 articles added" in lines  # its third item is a copy of the second
    assert lines[-1] == "Polled 6 feeds: 2 articles added, 5 failed."

    code, out, _ = feeds("feeds", "poll", "--json")
    assert code == 1
    reports = {r["feed"]: r for r in json.loads(out)}
    assert reports[news.url(ATOM)]["outcome"] == "unchanged"
    assert (
        reports[news.url("/hostile/500")]["outcome"] == "failed" and reports[news.url("/hostile/500")]["failures"] == 2
    )
    # the server that asked for quiet gets it: even a forced poll waits for its Retry-After
    assert reports[news2.url("/hostile/429")]["outcome"] == "waiting"
    assert news2.paths().count("/hostile/429") == 1


def test_a_feed_failing_too_often_is_paused_then_resumed_by_adding_it_again(
    feeds, news: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KABAR_FEED_MAX_FAILURES", "2")
    broken = news.url("/rss/nanti.xml")  # not there yet: 404
    feeds("feeds", "add", broken)
    feeds("feeds", "poll")
    code, out, _ = feeds("feeds", "poll")
    assert code == 1 and out.startswith(
        f"{broken}: failed: not found (HTTP 404) (now paused after 2 failures in a row)"
    )
    code, out, _ = feeds("feeds", "list")
    assert out.splitlines()[0] == (
        f"{broken}: 0 articles, last polled {out.split('last polled ')[1][:20]} (failed), PAUSED after 2 failures "
        f"in a row (last: not found (HTTP 404)); `kabar feeds add {broken}` resumes it"
    )
    before = len(news.log)
    code, out, _ = feeds("feeds", "poll")
    assert code == 1 and out.startswith(f"{broken}: not polled: paused after 2 failures in a row")
    assert len(news.log) == before, "a paused feed is not asked"
    code, out, _ = feeds("feeds", "add", broken)
    assert code == 0 and out.startswith(f"Resumed the feed {broken}")
    news.replace("/rss/nanti.xml", "rss/lama.xml")  # the feed is there now
    code, out, _ = feeds("feeds", "poll")
    assert code == 0 and out.startswith(f"{broken}: new")


def test_a_syndicated_copy_is_kept_once_with_both_urls(feeds, news: LocalSite, news2: LocalSite) -> None:
    feeds("feeds", "add", news.url(TERKINI), "--outlet", "Warta Nusantara")
    feeds("feeds", "poll")
    # the same story republished on another site, and the original again behind tracking parameters
    news2.put(
        ATOM,
        (news2.root / ATOM.lstrip("/")).read_text(encoding="utf-8").replace("{{BASE}}/berita", news.base + "/berita"),
        "application/atom+xml",
    )
    feeds("feeds", "add", news2.url(ATOM), "--outlet", "Kabar Pagi")
    code, out, _ = feeds("feeds", "poll")
    assert code == 0
    assert f"{news2.url(ATOM)}: new, 1 article added" in out.splitlines()
    original = show(feeds, news.url(ARTICLE_A))
    assert show(feeds, news2.url(COPY_OF_A))["id"] == original["id"]
    assert show(feeds, news.url(ARTICLE_A) + "?utm_source=kabarpagi#komentar")["id"] == original["id"]
    urls = {s["url"] for s in original["origin"]["sightings"]}
    assert urls == {news.url(ARTICLE_A), news2.url(COPY_OF_A)}
    titles = [a["title"] for a in articles_json(feeds).values()]
    assert titles.count(TITLES[ARTICLE_A]) == 1
    assert news.paths().count(ARTICLE_A) == 1, "a known URL is not fetched again from another feed"


def test_list_and_remove(feeds, news: LocalSite, news2: LocalSite) -> None:
    code, out, _ = feeds("feeds")
    assert (code, out) == (0, "No feeds: `kabar feeds add URL [--outlet NAME]` adds one.\n")
    feeds("feeds", "add", news.url(TERKINI), "--outlet", "Warta Nusantara")
    feeds("feeds", "add", news2.url(ATOM))
    code, out, _ = feeds("feeds", "list")
    assert out.splitlines() == [
        f"{news.url(TERKINI)} (Warta Nusantara): 0 articles, not polled yet",
        f"{news2.url(ATOM)}: 0 articles, not polled yet",
        "The bot polls each feed every 15 minutes (KABAR_FEED_INTERVAL); `kabar feeds poll` polls every feed now.",
    ]
    feeds("feeds", "poll")
    code, out, _ = feeds("feeds", "list", "--json")
    listed = {f["url"]: f for f in json.loads(out)}
    # 8 items, 6 articles: news2's copy of the flood story (twice) is the story news has (the feeds are
    # polled side by side, so either feed may be the one that stored it first)
    assert listed[news.url(TERKINI)]["articles"] + listed[news2.url(ATOM)]["articles"] == 6
    assert listed[news.url(TERKINI)]["outcome"] == "new" and listed[news.url(TERKINI)]["etag"]
    assert len(articles_json(feeds)) == 5 + 6

    code, out, err = feeds("feeds", "remove", news2.url(ATOM) + "?utm_source=x")
    assert (code, err) == (0, "")
    # the flood story stays: the other feed carries it too
    assert out == f"Removed the feed {news2.url(ATOM)}: it is no longer polled, and its 1 article left the index.\n"
    assert len(articles_json(feeds)) == 5 + 5
    code, out, err = feeds("feeds", "remove", news2.url(ATOM))
    assert code == 2 and out == "" and err.splitlines()[0] == f"error: {news2.url(ATOM)} is not a feed kabar polls."
    code, out, err = feeds("sources", "remove", news.url(TERKINI))
    assert code == 2 and err.splitlines() == [
        "error: A feed is not a folder source.",
        "hint: `kabar feeds remove URL` stops a feed",
    ]
    code, out, err = feeds("feeds", "add", "ftp://example.org/rss")
    assert (
        code == 2
        and err.splitlines()[0]
        == "error: 'ftp://example.org/rss' is not a feed address; give its http:// or https:// URL."
    )


def test_removing_a_feed_keeps_the_articles_another_feed_carries(feeds, news: LocalSite) -> None:
    feeds("feeds", "add", news.url(TERKINI))
    feeds("feeds", "add", news.url("/rss/lama.xml"))
    news.put(
        "/rss/lama.xml",
        f"""<rss version="0.91"><channel><title>Lama</title>
        <item><title>Banjir rob</title><link>{news.base}{ARTICLE_A}</link></item></channel></rss>""",
    )
    feeds("feeds", "poll")
    kept = show(feeds, news.url(ARTICLE_A))["id"]
    code, out, _ = feeds("feeds", "remove", news.url(TERKINI))
    assert code == 0 and "its 4 articles left the index" in out
    assert set(articles_json(feeds)) == {"000", "001", "002", "003", "004", kept}


def test_a_feed_removed_and_added_again_brings_its_articles_back_under_their_ids(feeds, news: LocalSite) -> None:
    feeds("feeds", "add", news.url(TERKINI))
    feeds("feeds", "poll")
    first = {a["path"]: (a["id"], a["indexed_at"]) for a in articles_json(feeds).values() if a["id"][0] == "f"}
    feeds("feeds", "remove", news.url(TERKINI))
    feeds("feeds", "add", news.url(TERKINI))
    code, out, _ = feeds("feeds", "poll")
    assert code == 0 and "new, 5 articles added" in out  # the validators were forgotten: the feed is read whole
    again = {a["path"]: (a["id"], a["indexed_at"]) for a in articles_json(feeds).values() if a["id"][0] == "f"}
    assert again == first, "same ids, and their first indexed time: the digest does not call them new"


def test_a_database_without_its_default_folder_can_still_take_a_feed(
    feeds, news: LocalSite, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KABAR_SEEDS_DIR", str(seeds_dir / "missing"))
    code, _, err = feeds("feeds", "add", news.url(TERKINI))
    assert code == 0 and err == ""
    code, _, _ = feeds("feeds", "poll")
    assert code == 0
    assert sorted(articles_json(feeds)) == ["f001", "f002", "f003", "f004", "f005"]


def test_a_new_database_indexes_its_default_folder_before_its_first_feed(feeds, news: LocalSite) -> None:
    feeds("feeds", "add", news.url(TERKINI))
    assert sorted(articles_json(feeds)) == ["000", "001", "002", "003", "004"]


def test_polling_off_is_said_when_a_feed_is_added(feeds, news: LocalSite, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KABAR_FEED_INTERVAL", "off")
    code, out, _ = feeds("feeds", "add", news.url(TERKINI), "--json")
    assert code == 0
    assert json.loads(out) == {"feed": news.url(TERKINI), "outlet": None, "state": "added", "interval_minutes": 0.0}
    code, out, _ = feeds("feeds", "add", news.url(TERKINI))
    assert out == (
        f"{news.url(TERKINI)} is already a feed kabar polls. Polling is off (KABAR_FEED_INTERVAL=off): "
        "`kabar feeds poll` polls every feed now.\n"
    )
