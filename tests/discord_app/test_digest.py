"""The daily digest: the pure schedule, the claims in SQLite, composing stories, posting exactly once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Settings
from bot.corpus.reader import read_article
from bot.digest import (
    DigestService,
    DigestTarget,
    PostForbidden,
    due_digests,
    slot_at,
    targets_from,
)
from bot.models import Article, ArticleInfo, Citation, Figure, Sentence
from bot.store.db import iso_utc
from bot.store.guilds import DigestClaim, GuildSettings, GuildStore
from bot.stories import Digest, compose_digest, group_stories, story_of
from tests.discord_app.conftest import FakeClock

UTC = dt.UTC
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def target(channel: int = 10, hhmm: str = "07:00", tz: str = "Asia/Jakarta", since=None) -> DigestTarget:
    h, m = map(int, hhmm.split(":"))
    return DigestTarget(channel_id=channel, time=dt.time(h, m), tz=tz, guild_id=1, since=since)


def claim(channel: int, date: str, state: str = "posted") -> DigestClaim:
    return DigestClaim(channel_id=channel, local_date=date, state=state, claimed_at="2026-01-01T00:00:00+00:00")


# --------------------------------------------------------------------------- due_digests
class TestSchedule:
    def test_not_due_before_the_time_due_at_it(self) -> None:
        t = target(since=utc(2026, 11, 22, 0, 0))  # configured before the 23rd's slot... and after the 22nd's
        # 07:00 Jakarta (UTC+7) is 00:00 UTC
        assert due_digests(utc(2026, 11, 22, 23, 59), [t], [claim(10, "2026-11-22")]) == []
        [due] = due_digests(utc(2026, 11, 23, 0, 0), [t], [claim(10, "2026-11-22")])
        assert due.local_date == dt.date(2026, 11, 23)
        assert due.slot == utc(2026, 11, 23, 0, 0)
        assert not due.catch_up

    def test_once_per_day_claimed_day_is_never_due_again(self) -> None:
        t = target()
        claims = [claim(10, "2026-11-23", state) for state in ("posting",)]
        for minutes in (0, 1, 60, 60 * 16):
            now = utc(2026, 11, 23, 0, 0) + dt.timedelta(minutes=minutes)
            assert due_digests(now, [t], claims) == []
        for state in ("posted", "empty", "unknown", "forbidden", "failed"):
            assert due_digests(utc(2026, 11, 23, 12), [t], [claim(10, "2026-11-23", state)]) == []

    def test_restart_after_posting_does_not_repost(self) -> None:
        claims = [claim(10, "2026-11-23")]
        # a new process computes the same answer from the same claims
        assert due_digests(utc(2026, 11, 23, 0, 5), [target()], claims) == []

    def test_downtime_catches_up_only_the_most_recent_day(self) -> None:
        claims = [claim(10, "2026-11-18")]
        # down for days, back at 08:00 Jakarta on the 23rd: one digest, for the 23rd
        [due] = due_digests(utc(2026, 11, 23, 1, 0), [target()], claims)
        assert due.local_date == dt.date(2026, 11, 23) and due.catch_up
        # back at 06:00 Jakarta on the 23rd: one digest, for the 22nd
        [due] = due_digests(utc(2026, 11, 22, 23, 0), [target()], claims)
        assert due.local_date == dt.date(2026, 11, 22) and due.catch_up

    def test_catch_up_then_today_is_two_days_not_a_flood(self) -> None:
        claims = [claim(10, "2026-11-18")]
        [late] = due_digests(utc(2026, 11, 22, 23, 0), [target()], claims)
        claims.append(claim(10, late.local_date.isoformat()))
        assert due_digests(utc(2026, 11, 22, 23, 30), [target()], claims) == []
        [today] = due_digests(utc(2026, 11, 23, 0, 0), [target()], claims)
        assert today.local_date == dt.date(2026, 11, 23)

    def test_new_channel_is_not_caught_up_for_a_slot_before_it_was_configured(self) -> None:
        configured = utc(2026, 11, 23, 3, 0)  # 10:00 Jakarta, after the 07:00 slot
        t = target(since=configured)
        assert due_digests(utc(2026, 11, 23, 3, 1), [t], []) == []
        assert due_digests(utc(2026, 11, 23, 23, 59), [t], []) == []
        [due] = due_digests(utc(2026, 11, 24, 0, 0), [t], [])
        assert due.local_date == dt.date(2026, 11, 24)

    def test_channel_with_history_is_caught_up_even_if_reconfigured_later(self) -> None:
        t = target(since=utc(2026, 11, 23, 3, 0))
        [due] = due_digests(utc(2026, 11, 23, 3, 1), [t], [claim(10, "2026-11-20")])
        assert due.local_date == dt.date(2026, 11, 23)

    def test_a_claim_for_a_later_local_date_blocks_earlier_ones(self) -> None:
        # the zone moved west: the 23rd is claimed already, the "latest slot" is the 22nd
        t = target(tz="America/Los_Angeles")
        assert due_digests(utc(2026, 11, 23, 16, 0), [t], [claim(10, "2026-11-23")]) == []

    def test_midnight_slot_uses_the_local_date(self) -> None:
        t = target(hhmm="00:00")
        # 00:00 Jakarta on the 23rd is 17:00 UTC on the 22nd
        [due] = due_digests(utc(2026, 11, 22, 17, 0), [t], [claim(10, "2026-11-22")])
        assert due.local_date == dt.date(2026, 11, 23)
        assert due_digests(utc(2026, 11, 22, 16, 59), [t], [claim(10, "2026-11-22")]) == []

    def test_late_evening_slot_across_the_utc_date_line(self) -> None:
        t = target(hhmm="23:30", tz="Pacific/Auckland")  # UTC+13 in November
        [due] = due_digests(utc(2026, 11, 23, 10, 30), [t], [claim(10, "2026-11-22")])
        assert due.local_date == dt.date(2026, 11, 23)

    def test_dst_spring_forward_gap_posts_once_at_the_shifted_instant(self) -> None:
        # Europe/Berlin jumps 02:00 -> 03:00 on 2026-03-29; 02:30 does not exist that day
        t = target(hhmm="02:30", tz="Europe/Berlin")
        slot = slot_at(dt.date(2026, 3, 29), dt.time(2, 30), "Europe/Berlin")
        assert slot == utc(2026, 3, 29, 1, 30)  # 03:30 CEST
        claims = [claim(10, "2026-03-28")]
        assert due_digests(slot - dt.timedelta(seconds=1), [t], claims) == []
        [due] = due_digests(slot, [t], claims)
        assert due.local_date == dt.date(2026, 3, 29)
        # the day before and after keep their normal instants
        assert slot_at(dt.date(2026, 3, 28), dt.time(2, 30), "Europe/Berlin") == utc(2026, 3, 28, 1, 30)
        assert slot_at(dt.date(2026, 3, 30), dt.time(2, 30), "Europe/Berlin") == utc(2026, 3, 30, 0, 30)

    def test_dst_fall_back_repeated_hour_posts_once(self) -> None:
        # Europe/Berlin goes 03:00 CEST -> 02:00 CET on 2026-10-25; 02:30 happens twice
        t = target(hhmm="02:30", tz="Europe/Berlin")
        first = utc(2026, 10, 25, 0, 30)  # 02:30 CEST
        claims = [claim(10, "2026-10-24")]
        assert due_digests(first - dt.timedelta(minutes=1), [t], claims) == []
        [due] = due_digests(first, [t], claims)
        claims.append(claim(10, due.local_date.isoformat()))
        second = utc(2026, 10, 25, 1, 30)  # 02:30 CET, the repeat
        assert due_digests(second, [t], claims) == []

    def test_each_channel_is_scheduled_in_its_own_zone(self) -> None:
        targets = [target(10, "07:00", "Asia/Jakarta"), target(11, "07:00", "Europe/Berlin"), target(10, "09:00")]
        claims = [claim(10, "2026-11-22"), claim(11, "2026-11-22")]
        due = due_digests(utc(2026, 11, 23, 3, 0), targets, claims)  # 10:00 Jakarta, 04:00 Berlin
        assert [(d.target.channel_id, d.local_date.isoformat()) for d in due] == [(10, "2026-11-23")]
        due = due_digests(utc(2026, 11, 23, 6, 0), targets, claims)  # 07:00 Berlin
        assert sorted(d.target.channel_id for d in due) == [10, 11]

    def test_naive_now_is_refused(self) -> None:
        with pytest.raises(ValueError):
            due_digests(dt.datetime(2026, 11, 23, 7), [target()], [])


def test_targets_from_rows_and_env_defaults() -> None:
    settings = Settings(_env_file=None, digest_channel_id=555, digest_time="06:15", digest_tz="Europe/Berlin")
    rows = [
        GuildSettings(guild_id=1, updated_at="2026-11-01T00:00:00+00:00"),  # env server, all defaults
        GuildSettings(guild_id=2, channel_id=22, digest_time="08:00", updated_at="2026-11-01T00:00:00+00:00"),
        GuildSettings(guild_id=3, channel_id=33, enabled=False, updated_at="2026-11-01T00:00:00+00:00"),
        GuildSettings(guild_id=4, channel_id=44, needs_attention="forbidden", updated_at="2026-11-01T00:00:00+00:00"),
        GuildSettings(guild_id=5, updated_at="2026-11-01T00:00:00+00:00"),  # no channel anywhere
    ]
    targets = targets_from(rows, settings, env_guild_id=1)
    assert [(t.guild_id, t.channel_id, t.time, t.tz) for t in targets] == [
        (1, 555, dt.time(6, 15), "Europe/Berlin"),
        (2, 22, dt.time(8, 0), "Europe/Berlin"),
    ]
    assert targets[0].since == utc(2026, 11, 1)


# --------------------------------------------------------------------------- store
async def test_claims_are_exclusive_and_complete(db) -> None:
    store = GuildStore(db)
    now = utc(2026, 11, 23)
    assert await store.claim(10, "2026-11-23", guild_id=1, now=now)
    assert not await store.claim(10, "2026-11-23", guild_id=1, now=now)
    assert await store.claim(11, "2026-11-23", guild_id=1, now=now)
    assert [c.channel_id for c in await store.stale()] == [10, 11]
    await store.finish(
        10, "2026-11-23", "posted", now=now, message_id=99, watermark="2026-11-22T00:00:00+00:00", articles=3
    )
    await store.release(11, "2026-11-23")
    assert [c.channel_id for c in await store.stale()] == []
    [done] = await store.claims()
    assert (done.state, done.message_id, done.articles) == ("posted", 99, 3)
    assert await store.watermark(10) == "2026-11-22T00:00:00+00:00"
    assert await store.watermark(11) is None
    assert (await store.last_done(10)).local_date == "2026-11-23"
    with pytest.raises(ValueError):
        await store.finish(10, "2026-11-23", "posting", now=now)


async def test_guild_settings_round_trip(db) -> None:
    store = GuildStore(db)
    now = utc(2026, 11, 23)
    await store.ensure(1, now=now)
    assert await store.get(1) == GuildSettings(guild_id=1, updated_at="2026-11-23T00:00:00.000000+00:00")
    await store.set_time(1, "08:30", "Europe/Berlin", by=7, where=8, now=now)
    await store.mark_attention(1, "forbidden", now=now)
    await store.ensure(1, now=utc(2026, 12, 1))  # ensure never overwrites
    row = await store.get(1)
    assert (row.digest_time, row.digest_tz, row.configured_by, row.needs_attention) == (
        "08:30",
        "Europe/Berlin",
        7,
        "forbidden",
    )
    await store.set_channel(1, 42, by=9, where=8, now=now)
    row = await store.get(1)
    assert (row.channel_id, row.enabled, row.needs_attention, row.digest_time) == (42, True, None, "08:30")
    await store.disable(1, by=9, where=8, now=now)
    assert not (await store.get(1)).enabled
    assert [r.guild_id for r in await store.all()] == [1]


# --------------------------------------------------------------------------- composing
def article(
    aid: str, title: str, sentences: list[str], indexed_at: str, figures: dict[int, float] | None = None
) -> Article:
    figures = figures or {}
    sents = tuple(
        Sentence(
            index=i + 1,
            paragraph=1,
            text=text,
            figures=(Figure(value=figures[i], text=f"{figures[i]:,.0f}".replace(",", ".")),) if i in figures else (),
        )
        for i, text in enumerate(sentences)
    )
    return Article(
        id=aid,
        key=f"{aid}_x",
        title=title,
        paragraphs=(),
        sentences=sents,
        content_hash=aid,
        outlet="KOMPAS" if aid == "001" else None,
        path=indexed_at,
    )


class FakeKabar:
    """What a digest reads from the service (bot.seams.ArticleReader), over in-memory articles.

    `english` maps a sentence to its English; sentences not in it stay Indonesian.
    """

    def __init__(self, articles: list[Article]) -> None:
        self.items = {a.id: a for a in articles}
        self.english: dict[str, str] = {}

    def add(self, art: Article) -> None:
        self.items[art.id] = art

    async def articles(self, since: str | None = None) -> list[ArticleInfo]:
        infos = [
            ArticleInfo(
                id=a.id,
                key=a.key,
                title=a.title,
                outlet=a.outlet,
                sentences=len(a.sentences),
                words=a.word_count,
                indexed_at=a.path,
            )
            for a in self.items.values()
        ]
        return [i for i in infos if since is None or iso_utc(i.indexed_at) > since]

    async def article(self, ref: str) -> Article:
        return self.items[ref]

    async def in_english(self, citations: Sequence[Citation]) -> list[Citation]:
        return [
            replace(c, text_en=self.english[c.text], provenance="test") if c.text in self.english else c
            for c in citations
        ]


KURSK = [
    article(
        "001",
        "Korea Utara kirim 10.000 tentara ke Kursk Rusia",
        [
            "Korea Utara mengirim 10.000 tentara ke wilayah Kursk di Rusia.",
            "Pentagon membenarkan laporan itu.",
            "NATO juga menyatakan hal serupa.",
            "Pasukan itu berlatih di timur Rusia.",
        ],
        "2026-11-22T01:00:00+00:00",
        {0: 10000.0},
    ),
    article(
        "002",
        "Pentagon: 10.000 tentara Korea Utara tiba di Kursk",
        ["Sekitar 10.000 tentara Korea Utara tiba di Kursk, Rusia.", "Pentagon mengatakan jumlahnya bisa naik."],
        "2026-11-22T02:00:00+00:00",
        {0: 10000.0},
    ),
]
RICE = article(
    "003",
    "Harga beras naik di pasar Jakarta",
    ["Harga beras medium naik menjadi Rp 14.000 per kilogram.", "Pedagang pasar mengeluhkan pasokan."],
    "2026-11-22T03:00:00+00:00",
    {0: 14000.0},
)


def test_group_stories_puts_near_duplicates_together() -> None:
    groups = group_stories([*KURSK, RICE])
    assert [[a.id for a in g] for g in groups] == [["001", "002"], ["003"]]


def test_group_stories_on_the_seeds_finds_one_story() -> None:
    seeds = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    groups = group_stories(seeds)
    assert [[a.id for a in g] for g in groups] == [[a.id for a in seeds]]
    story = story_of(groups[0])
    assert 2 <= len(story.summary) <= 3
    assert story.figures and any("10,000" in f for f in story.figures)  # English notation
    assert len(story.sources) == len(seeds)
    by_id = {a.id: a for a in seeds}
    for c in story.summary:  # every citation resolves to the sentence it quotes
        assert by_id[c.article].sentences[c.sentence - 1].text == c.text


def test_the_story_summary_is_the_multi_article_summary() -> None:
    # the old digest took the longest article's best sentences; now several articles are heard
    seeds = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    story = story_of(group_stories(seeds)[0])
    assert len({c.article for c in story.summary}) >= 2
    assert not any(c.text.startswith(("Laporan ini", "Ia ", "Namun hal itu")) for c in story.summary)


def test_the_story_summary_leaves_out_learned_boilerplate() -> None:
    from dataclasses import replace

    from bot.models import Removal

    footer = "Simak terus berita terbaru seputar perang dan politik hanya di portal kami setiap hari."
    group = [
        article(
            "041",
            "Korea Utara kirim tentara",
            [footer, "Korea Utara mengirim 10.000 tentara ke Kursk."],
            "2026-11-22T01:00:00+00:00",
        ),
        article(
            "042",
            "Tentara Korea Utara tiba",
            [footer, "Tentara Korea Utara tiba di Kursk pekan ini."],
            "2026-11-22T02:00:00+00:00",
        ),
    ]
    marked = [replace(a, removed=(Removal("boilerplate", footer, 0, sentence=1, reason="recurs"),)) for a in group]
    assert footer in {c.text for c in story_of(group).summary}  # the lead, when nobody said it is a footer
    assert footer not in {c.text for c in story_of(marked).summary}


async def test_compose_digest_covers_only_what_is_new() -> None:
    kabar = FakeKabar([*KURSK, RICE])
    digest = await compose_digest(kabar, since=None, local_date="2026-11-23")
    assert len(digest.stories) == 2 and digest.articles == 3
    assert digest.watermark == "2026-11-22T03:00:00.000000+00:00"
    kursk = digest.stories[0]
    assert kursk.articles == ("001", "002") and kursk.sources == ("001 (KOMPAS)", "002")
    assert "10,000" in kursk.figures
    again = await compose_digest(kabar, since=digest.watermark, local_date="2026-11-24")
    assert again.stories == () and again.watermark == digest.watermark


# --------------------------------------------------------------------------- posting exactly once
class FakePoster:
    def __init__(self) -> None:
        self.posts: list[tuple[int, Digest]] = []
        self.reports: list[tuple[int, str]] = []
        self.forbidden: set[int] = set()
        self.history: dict[tuple[int, str], int] = {}
        self.find_fails = False

    async def post(self, channel_id: int, digest: Digest) -> int:
        if channel_id in self.forbidden:
            raise PostForbidden("missing permissions (50013)")
        self.posts.append((channel_id, digest))
        self.history[(channel_id, digest.local_date)] = len(self.posts)
        return len(self.posts)

    async def find(self, channel_id: int, local_date: str, after: dt.datetime) -> int | None:
        if self.find_fails:
            raise RuntimeError("history unavailable")
        return self.history.get((channel_id, local_date))

    async def report(self, row, channel_id: int, message: str) -> None:
        self.reports.append((channel_id, message))

    def guild_of(self, channel_id: int) -> int | None:
        return 1


@pytest.fixture
def env_settings() -> Settings:
    return Settings(_env_file=None, digest_channel_id=10, digest_time="07:00", digest_tz="Asia/Jakarta")


def service(kabar, db, settings, poster, clock) -> DigestService:
    return DigestService(kabar, GuildStore(db), settings, poster, clock=clock)


async def test_posts_once_at_its_time_and_not_again_after_restart(db, env_settings) -> None:
    kabar, poster = FakeKabar([*KURSK, RICE]), FakePoster()
    clock = FakeClock(utc(2026, 11, 22, 12, 0))  # first start: 19:00 Jakarta, after that day's slot
    digests = service(kabar, db, env_settings, poster, clock)
    assert await digests.run_due() == []  # not caught up for a slot before it was configured
    clock.now = utc(2026, 11, 22, 23, 59)
    assert await digests.run_due() == []
    clock.now = utc(2026, 11, 23, 0, 0)  # 07:00 Jakarta
    [outcome] = await digests.run_due()
    assert (outcome.state, outcome.local_date, outcome.stories) == ("posted", "2026-11-23", 2)
    clock.now = utc(2026, 11, 23, 0, 1)
    assert await digests.run_due() == []
    restarted = service(kabar, db, env_settings, poster, clock)
    assert await restarted.recover() == []
    assert await restarted.run_due() == []
    assert len(poster.posts) == 1


async def test_next_day_posts_only_new_articles_and_empty_day_posts_nothing(db, env_settings) -> None:
    kabar, poster = FakeKabar(list(KURSK)), FakePoster()
    clock = FakeClock(utc(2026, 11, 22, 12, 0))
    digests = service(kabar, db, env_settings, poster, clock)
    await digests.run_due()
    clock.now = utc(2026, 11, 23, 0, 0)
    await digests.run_due()
    kabar.add(article("003", RICE.title, [s.text for s in RICE.sentences], "2026-11-23T05:00:00+00:00"))
    clock.now = utc(2026, 11, 24, 0, 0)
    [outcome] = await digests.run_due()
    assert outcome.state == "posted"
    assert [s.articles for s in poster.posts[-1][1].stories] == [("003",)]
    clock.now = utc(2026, 11, 25, 0, 0)
    [outcome] = await digests.run_due()
    assert outcome.state == "empty" and len(poster.posts) == 2


async def test_empty_day_note_when_configured(db) -> None:
    settings = Settings(_env_file=None, digest_channel_id=10, digest_empty_note=True)
    kabar, poster = FakeKabar([]), FakePoster()
    clock = FakeClock(utc(2026, 11, 22, 12, 0))
    digests = service(kabar, db, settings, poster, clock)
    await digests.run_due()
    clock.now = utc(2026, 11, 23, 0, 0)
    [outcome] = await digests.run_due()
    assert outcome.state == "empty" and outcome.message_id == 1
    assert poster.posts[0][1].stories == ()


async def test_downtime_is_caught_up_once_at_start_up(db, env_settings) -> None:
    kabar, poster = FakeKabar(list(KURSK)), FakePoster()
    clock = FakeClock(utc(2026, 11, 22, 12, 0))
    await service(kabar, db, env_settings, poster, clock).run_due()
    clock.now = utc(2026, 11, 23, 0, 0)
    await service(kabar, db, env_settings, poster, clock).run_due()
    kabar.add(RICE)
    clock.now = utc(2026, 11, 26, 4, 0)  # down three days; back at 11:00 Jakarta on the 26th
    digests = service(kabar, db, env_settings, poster, clock)
    [outcome] = await digests.run_due()
    assert (outcome.state, outcome.local_date) == ("posted", "2026-11-26")
    assert await digests.run_due() == []
    assert len(poster.posts) == 2


async def test_interrupted_post_is_resolved_from_the_channel(db, env_settings) -> None:
    kabar, poster = FakeKabar(list(KURSK)), FakePoster()
    store = GuildStore(db)
    clock = FakeClock(utc(2026, 11, 23, 0, 5))
    await store.ensure(1, now=utc(2026, 11, 1))
    # a previous process claimed and posted, then died before completing the claim
    await store.claim(10, "2026-11-23", guild_id=1, now=utc(2026, 11, 23, 0, 0))
    poster.history[(10, "2026-11-23")] = 77
    digests = service(kabar, db, env_settings, poster, clock)
    assert len(await digests.recover()) == 1
    assert await digests.run_due() == []
    [row] = await store.claims()
    assert (row.state, row.message_id) == ("posted", 77)
    assert poster.posts == []


async def test_interrupted_claim_never_posted_is_posted_once(db, env_settings) -> None:
    kabar, poster = FakeKabar(list(KURSK)), FakePoster()
    store = GuildStore(db)
    await store.ensure(1, now=utc(2026, 11, 1))
    await store.claim(10, "2026-11-23", guild_id=1, now=utc(2026, 11, 23, 0, 0))
    digests = service(kabar, db, env_settings, poster, FakeClock(utc(2026, 11, 23, 0, 5)))
    await digests.recover()
    [outcome] = await digests.run_due()
    assert outcome.state == "posted" and len(poster.posts) == 1


async def test_interrupted_claim_that_cannot_be_checked_is_never_reposted(db, env_settings) -> None:
    kabar, poster = FakeKabar(list(KURSK)), FakePoster()
    poster.find_fails = True
    store = GuildStore(db)
    await store.ensure(1, now=utc(2026, 11, 1))
    await store.claim(10, "2026-11-23", guild_id=1, now=utc(2026, 11, 23, 0, 0))
    digests = service(kabar, db, env_settings, poster, FakeClock(utc(2026, 11, 23, 0, 5)))
    await digests.recover()
    assert await digests.run_due() == []
    assert [c.state for c in await store.claims()] == ["unknown"]
    assert poster.posts == []


async def test_missing_permissions_are_reported_once_and_not_retried(db) -> None:
    settings = Settings(_env_file=None)
    kabar, poster = FakeKabar(list(KURSK)), FakePoster()
    store = GuildStore(db)
    await store.set_channel(1, 20, by=7, where=21, now=utc(2026, 11, 1))
    poster.forbidden.add(20)
    clock = FakeClock(utc(2026, 11, 23, 0, 0))
    digests = service(kabar, db, settings, poster, clock)
    [outcome] = await digests.run_due()
    assert outcome.state == "forbidden"
    assert len(poster.reports) == 1 and "<#20>" in poster.reports[0][1]
    assert (await store.get(1)).needs_attention
    for day in (24, 25):
        clock.now = utc(2026, 11, day, 0, 0)
        assert await digests.run_due() == []
    assert len(poster.reports) == 1
    # setting the channel again clears the problem; the next slot posts
    poster.forbidden.clear()
    await store.set_channel(1, 20, by=7, where=21, now=utc(2026, 11, 25, 1, 0))
    clock.now = utc(2026, 11, 26, 0, 0)
    [outcome] = await digests.run_due()
    assert outcome.state == "posted"


async def test_preview_records_nothing(db, env_settings) -> None:
    kabar, poster = FakeKabar(list(KURSK)), FakePoster()
    digests = service(kabar, db, env_settings, poster, FakeClock(utc(2026, 11, 23, 3, 0)))
    digest = await digests.preview(1)
    assert len(digest.stories) == 1
    assert await GuildStore(db).claims() == []
    assert poster.posts == []


async def test_a_huge_backlog_is_capped_to_the_newest_articles(monkeypatch) -> None:
    import bot.stories as stories_module

    monkeypatch.setattr(stories_module, "MAX_DIGEST_ARTICLES", 2)
    kabar = FakeKabar([*KURSK, RICE])
    digest = await compose_digest(kabar, since=None, local_date="2026-11-23")
    assert sorted(a for s in digest.stories for a in s.articles) == ["002", "003"]
    assert digest.articles == 3 and digest.notes == ("1 more article was indexed; see /articles.",)
    assert digest.watermark == "2026-11-22T03:00:00.000000+00:00"


async def test_digest_is_english_first_when_a_model_is_installed() -> None:
    kabar = FakeKabar(list(KURSK))
    kabar.english = {s.text: f"EN: {s.text}" for a in KURSK for s in a.sentences}
    digest = await compose_digest(kabar, since=None, local_date="2026-11-23")
    [story] = digest.stories
    assert all(c.text_en == f"EN: {c.text}" and c.provenance == "test" for c in story.summary)
    from bot.present.discord import render_digest

    [page] = render_digest(digest)
    assert "EN: Korea Utara mengirim 10.000 tentara" in page.embed.description
    assert "Korea Utara mengirim 10.000 tentara ke wilayah Kursk di Rusia." in page.sources[0]
