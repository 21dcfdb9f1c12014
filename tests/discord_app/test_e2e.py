"""kabar's real Discord bot, end to end, against the in-process Discord stand-in.

Each test starts `create_bot(settings, kabar, clock=...)` with the real discord.py client
pointed at the stand-in, plays users and Discord itself (slash commands, autocomplete,
button presses, gateway drops) and asserts on what the bot sent over HTTP.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from tests.discord_app.conftest import Bots, FakeClock, jakarta, write_article
from tests.discord_app.standin import (
    EPHEMERAL,
    MANAGE_GUILD,
    DiscordStandIn,
    buttons,
    message_body,
    message_text,
)

REF_GROUP = re.compile(r"\[([0-9]{3}·[0-9]+(?:, [0-9]{3}·[0-9]+)*)(?:, \+\d+)?\]")
BULLET = re.compile(r"^• (?P<text>.+?) \[(?P<refs>[^\]]+)\]$", re.MULTILINE)
RAW_MENTIONS = re.compile(r"@everyone|@here|<@[!&]?\d+>", re.IGNORECASE)


def refs_in(text: str) -> list[tuple[str, int]]:
    """Every `[003·4]`-style citation in a text, as (article id, sentence index)."""
    found = []
    for group in REF_GROUP.findall(text):
        for ref in group.split(", "):
            article, sentence = ref.split("·")
            found.append((article, int(sentence)))
    return found


def digest_firsts(standin: DiscordStandIn, channel_id: int) -> list[str]:
    """The local dates of the digests posted in a channel (one entry per digest, not per page)."""
    dates = []
    for message in standin.channel_messages(channel_id):
        for embed in message.get("embeds") or []:
            footer = (embed.get("footer") or {}).get("text") or ""
            match = re.match(r"kabar digest (\d{4}-\d{2}-\d{2})(?: · (\d+)/\d+)?$", footer)
            if match and match.group(2) in (None, "1"):
                dates.append(match.group(1))
        match = re.search(r"kabar digest (\d{4}-\d{2}-\d{2})", message.get("content") or "")
        if match and not message.get("embeds"):
            dates.append(match.group(1))
    return dates


async def sentence_text(bot: Any, article: str, index: int) -> str:
    art = await bot.kabar.article(article)
    assert index >= 1 and index <= len(art.sentences), f"[{article}·{index}] cites a sentence that does not exist"
    return art.sentences[index - 1].text


# ---------------------------------------------------------------------------------- commands


async def test_commands_synced_to_the_guild_when_guild_id_is_set(bots: Bots, standin: DiscordStandIn) -> None:
    await bots.start()
    assert list(standin.commands) == [standin.guild_id], "commands must go to the guild only"
    names = {c["name"] for c in standin.commands[standin.guild_id]}
    assert {"summary", "who-confirmed", "translate", "articles", "about", "digest"} <= names
    digest = standin.find_command("digest")
    assert {o["name"] for o in digest["options"]} == {"preview", "channel", "time", "off"}
    assert int(digest["default_member_permissions"]) & MANAGE_GUILD
    translate = standin.find_command("translate")
    assert next(o for o in translate["options"] if o["name"] == "article")["autocomplete"] is True


async def test_commands_synced_globally_without_guild_id(bots: Bots, standin: DiscordStandIn) -> None:
    await bots.start(bots.settings.model_copy(update={"guild_id": None}))
    assert list(standin.commands) == [None]
    ix = await standin.slash("articles")
    assert "003" in message_text(await ix.answer())


async def test_summary_is_deferred_then_answered_with_real_citations(bots: Bots, standin: DiscordStandIn) -> None:
    bot = await bots.start()
    ix = await standin.slash("summary", {"topic": "kursk"})
    assert (await ix.response())["type"] == 5, "a summary may take over a second: defer first"
    message = await ix.answer()
    assert not message["flags"] & EPHEMERAL
    body = message_text(message)
    bullets = list(BULLET.finditer(message["embeds"][0]["description"]))
    assert bullets, body
    for bullet in bullets:
        cited = [(a, n) for a, n in refs_in(f"[{bullet['refs']}]")]
        assert cited, bullet.group(0)
        texts = [await sentence_text(bot, a, n) for a, n in cited]
        # with no translation model installed the original sentence is shown, word for word
        assert bullet["text"] in texts, (bullet["text"], texts)
    cited_texts = [await sentence_text(bot, a, n) for a, n in refs_in(body)]
    assert any("kursk" in text.casefold() for text in cited_texts)
    # the original sentences are reachable from the answer
    sources = await standin.click(message, label="Show sources", user="budi")
    shown = await sources.answer()
    assert shown["flags"] & EPHEMERAL
    first_ref = refs_in(body)[0]
    assert (await sentence_text(bot, *first_ref)) in message_text(shown)
    assert standin.violations == [] and standin.unhandled == []


async def test_who_confirmed_cites_the_sentences_with_the_figure(bots: Bots, standin: DiscordStandIn) -> None:
    bot = await bots.start()
    ix = await standin.slash("who-confirmed", {"figure": "10000"})
    assert (await ix.response())["type"] == 5
    message = await ix.answer()
    refs = refs_in(message_text(message))
    assert refs, f"no citations in {message_text(message)!r}"
    cited = [await sentence_text(bot, a, n) for a, n in refs]
    notations = ("10.000", "10,000", "10000", "10 ribu", "sepuluh ribu")
    assert any(any(n in text.casefold() for n in notations) for text in cited), cited
    assert {"003", "004"} & {a for a, _ in refs}


async def test_domain_errors_are_ephemeral_and_plain(bots: Bots, standin: DiscordStandIn) -> None:
    await bots.start()
    ix = await standin.slash("translate", {"article": "999"})
    message = await ix.answer()
    assert message["flags"] & EPHEMERAL
    assert "999" in message["content"] and "Traceback" not in message["content"]


async def test_a_link_out_of_the_articles_folder_is_never_posted(
    bots: Bots, standin: DiscordStandIn, seeds_dir: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (seeds_dir / "010_0000000000000010.txt").symlink_to(secret)
    await bots.start()
    ix = await standin.slash("translate", {"article": "010"})
    message = await ix.answer()
    assert message["flags"] & EPHEMERAL and "root:x" not in message["content"]
    assert message["content"] == (
        "Article 010 is not indexed: its file 010_0000000000000010.txt was skipped "
        "(it is a symbolic link to a file outside the source folder)."
    )
    assert str(tmp_path) not in message["content"], "no path of the server reaches Discord"


async def test_translate_without_a_model_answers_at_once_while_summaries_hold_every_slot(
    bots: Bots, standin: DiscordStandIn
) -> None:
    bot = await bots.start()
    assert not bot.kabar.translations.available("id", "en")  # the test settings install no model
    slots = bot.settings.work_concurrency
    for _ in range(slots):  # as if long summaries were running
        await bot.work.acquire()
    try:
        ix = await standin.slash("translate", {"article": "003"})
        first = await ix.response(timeout=2)
        message = await ix.answer(timeout=2)
    finally:
        for _ in range(slots):
            bot.work.release()
    assert first["type"] == 4, "the instant 'no model' error needs no deferral"
    assert first["data"]["flags"] & EPHEMERAL and message["flags"] & EPHEMERAL
    assert "model" in message["content"].casefold() and "Traceback" not in message["content"]
    assert ix.acked_at is not None and ix.acked_at - ix.created < 1.0
    assert [m for m in standin.channel_messages(standin.general_id) if not m.get("flags", 0) & EPHEMERAL] == []


async def test_digest_setters_need_manage_server(bots: Bots, standin: DiscordStandIn) -> None:
    await bots.start()
    ix = await standin.slash("digest channel", {"channel": standin.digest_id}, user="budi")
    message = await ix.answer()
    assert message["flags"] & EPHEMERAL and "Manage Server" in message["content"]


# ---------------------------------------------------------------------------------- autocomplete and paging


def add_many_articles(seeds: Path, count: int, start: int = 5) -> list[str]:
    ids = []
    for n in range(start, start + count):
        title = f"Laporan cuaca harian Jakarta edisi {n} dengan judul yang sengaja dibuat cukup panjang sekali"
        ids.append(
            write_article(
                seeds,
                n,
                title,
                [
                    f"Badan Meteorologi memperkirakan hujan ringan turun di Jakarta pada hari ke-{n} bulan ini.",
                    f"Suhu tertinggi diperkirakan mencapai {25 + n % 7} derajat Celsius menurut prakiraan resmi.",
                ],
            )
        )
    return ids


async def test_translate_autocomplete_offers_at_most_25_matching_choices(
    bots: Bots, standin: DiscordStandIn, seeds_dir: Path
) -> None:
    add_many_articles(seeds_dir, 40)
    await bots.start()
    everything = await (await standin.autocomplete("translate", "article", "")).autocomplete_choices()
    assert len(everything) == 25  # 45 articles are indexed; Discord takes at most 25
    korea = await (await standin.autocomplete("translate", "article", "korea")).autocomplete_choices()
    assert korea and len(korea) <= 25
    assert all("korea" in c["name"].casefold() for c in korea), korea
    exact = await (await standin.autocomplete("translate", "article", "003")).autocomplete_choices()
    assert exact[0]["value"] == "003"
    assert all(len(c["name"]) <= 100 and len(str(c["value"])) <= 100 for c in everything + korea + exact)
    cuaca = await (await standin.autocomplete("translate", "article", "edisi 17")).autocomplete_choices()
    assert [c["value"] for c in cuaca] == ["017"]


async def test_autocomplete_answers_under_load_without_a_work_slot(bots: Bots, standin: DiscordStandIn) -> None:
    bot = await bots.start()
    busy = [
        await standin.slash("summary", {"topic": topic}, user="budi")
        for topic in ("kursk", "rusia", "ukraina", "tentara", "pasukan korea utara", "nato") * 2
    ]
    slots = bot.settings.work_concurrency
    for _ in range(slots):  # and every work slot taken while the user types
        await bot.work.acquire()
    try:
        typed = await standin.autocomplete("translate", "article", "00")
        choices = await typed.autocomplete_choices(timeout=3)
        zone = await standin.autocomplete("digest time", "tz", "asia/jak", {"time": "07:00"})
        zones = await zone.autocomplete_choices(timeout=3)
    finally:
        for _ in range(slots):
            bot.work.release()
    assert [c["value"] for c in choices][:5] == ["000", "001", "002", "003", "004"]
    assert [c["value"] for c in zones] == ["Asia/Jakarta"]
    for ix in (typed, zone):
        assert ix.acked_at is not None and ix.acked_at - ix.created < 3.0
        assert ix.callbacks[0]["type"] == 8
    for ix in busy:  # the summaries were deferred at once, and all answered once the slots were free
        assert (await ix.response())["type"] == 5
        assert refs_in(message_text(await ix.answer(timeout=30)))


async def test_paging_buttons_belong_to_the_invoker(bots: Bots, standin: DiscordStandIn, seeds_dir: Path) -> None:
    add_many_articles(seeds_dir, 60)
    await bots.start()
    ix = await standin.slash("articles", user="ayu")
    message = await ix.answer()
    footer = message["embeds"][0]["footer"]["text"]
    assert re.search(r"page 1/(\d+)", footer), footer
    first_page = message["embeds"][0]["description"]

    stranger = await standin.click(message, label="Next", user="budi")
    refusal = await stranger.response()
    assert refusal["type"] == 4 and refusal["data"]["flags"] & EPHEMERAL
    assert "Only the person who asked" in refusal["data"]["content"]
    assert standin.find_message(int(message["id"]))["embeds"][0]["description"] == first_page

    owner = await standin.click(message, label="Next", user="ayu")
    assert (await owner.response())["type"] == 7
    turned = standin.find_message(int(message["id"]))
    assert "page 2/" in turned["embeds"][0]["footer"]["text"]
    assert turned["embeds"][0]["description"] != first_page
    back = await standin.click(turned, label="Previous", user="ayu")
    assert (await back.response())["type"] == 7
    assert standin.find_message(int(message["id"]))["embeds"][0]["description"] == first_page
    assert standin.violations == []


async def test_pager_times_out_cleanly_and_late_clicks_get_a_clean_answer(
    bots: Bots, standin: DiscordStandIn, seeds_dir: Path
) -> None:
    add_many_articles(seeds_dir, 60)
    bot = await bots.start(page_timeout=1.5)
    ix = await standin.slash("articles", user="ayu")
    shown = await ix.answer()
    seen = copy.deepcopy(shown)  # the message as the user's client last drew it
    assert buttons(seen) and not all(b.get("disabled") for b in buttons(seen))
    turned = await standin.click(shown, label="Next", user="ayu")  # live: pages turn
    assert (await turned.response())["type"] == 7

    # the timeout edits the message once: every button disabled, the page kept
    message_id = int(shown["id"])
    await standin.wait_for(
        lambda: all(b.get("disabled") for b in buttons(standin.find_message(message_id))),
        5,
        "the buttons disabled after the timeout",
    )
    expired = standin.find_message(message_id)
    assert "page 2/" in expired["embeds"][0]["footer"]["text"]
    assert not bot.pagers, "an expired pager is no longer kept"
    edits = standin.requests_to("PATCH", rf"/webhooks/{standin.application_id}/[^/]+/messages/{message_id}")
    assert len(edits) == 1 and edits[0].status == 200

    # a click that was on its way before the edit reached the user: answered, not "interaction failed"
    late = await standin.click(seen, label="Next", user="ayu", stale=True)
    update = await late.response()
    assert update["type"] == 7 and all(b.get("disabled") for b in buttons(update["data"]))
    note = await late.answer()
    assert note["flags"] & EPHEMERAL and "expired" in note["content"]
    assert all(b.get("disabled") for b in buttons(standin.find_message(message_id)))
    assert "page 2/" in standin.find_message(message_id)["embeds"][0]["footer"]["text"]

    # after a restart no pager is live: an old message's buttons get the same clean answer
    fresh = await standin.slash("summary", {"topic": "kursk"})
    answered = await fresh.answer()
    assert [b["label"] for b in buttons(answered)] == ["Show sources"]
    bot = await bots.restart(bot)
    old = await standin.click(answered, label="Show sources", user="budi")
    assert (await old.response())["type"] == 7
    assert "expired" in (await old.answer())["content"]
    assert all(b.get("disabled") for b in buttons(standin.find_message(int(answered["id"]))))


# ---------------------------------------------------------------------------------- no pings


async def test_article_text_pings_nobody(
    bots: Bots, standin: DiscordStandIn, seeds_dir: Path, clock: FakeClock
) -> None:
    write_article(
        seeds_dir,
        5,
        "Pesan @everyone Bikin Heboh Grup Warga Kursk",
        [
            "Sebuah pesan berisi @everyone dan @here dikirim ke grup warga di Kursk pada Senin (3/3/2025).",
            "Pengirim pesan itu menandai <@123> dan <@!456> serta peran <@&789> di grup warga Kursk.",
            "Kepala polisi Kursk, Ivan Petrov, mengonfirmasi bahwa 7.500 warga menerima pesan tersebut.",
        ],
    )
    settings = bots.settings.model_copy(update={"digest_channel_id": standin.digest_id})
    bot = await bots.start(settings)
    for name, options in (
        ("summary", {"topic": "pesan grup warga", "sentences": 3}),
        ("summary", {"topic": "pesan grup warga", "sentences": 3, "lang": "id"}),
        ("translate", {"article": "005"}),
        ("who-confirmed", {"figure": "7500"}),
        ("articles", {}),
    ):
        ix = await standin.slash(name, options)
        await ix.answer()
    clock.set(jakarta(2026, 3, 2, 7, 1))
    await standin.wait_for(lambda: bool(digest_firsts(standin, standin.digest_id)), 15, "the digest")
    await bot.digest_loop.tick()

    sent = standin.sent_message_requests()
    assert len(sent) >= 6
    for request in sent:
        body = message_body(request)
        assert body is not None
        assert body.get("allowed_mentions") is not None, f"{request.method} {request.path} allows default pings"
        allowed = body["allowed_mentions"]
        assert allowed.get("parse") == [] and not allowed.get("users") and not allowed.get("roles"), allowed
        assert not allowed.get("replied_user")
        text = message_text(body)
        assert not RAW_MENTIONS.search(text), f"{request.path} sends a live mention: {text!r}"
    shown = "\n".join(message_text(message_body(r) or {}) for r in sent)
    assert "@\u200beveryone" in shown, "the article's text should be shown, made inert"
    assert "<\u200b@123>" in shown or "<\u200b@" in shown


# ---------------------------------------------------------------------------------- the digest


async def test_digest_once_at_its_time_not_again_after_restart_and_caught_up(
    bots: Bots, standin: DiscordStandIn, clock: FakeClock, seeds_dir: Path
) -> None:
    settings = bots.settings.model_copy(update={"digest_channel_id": standin.digest_id})
    bot = await bots.start(settings)
    assert await bot.digest_loop.tick() == []  # 06:00: not yet
    assert digest_firsts(standin, standin.digest_id) == []

    clock.set(jakarta(2026, 3, 2, 7, 0))
    await standin.wait_for(lambda: bool(digest_firsts(standin, standin.digest_id)), 15, "the 07:00 digest")
    clock.set(jakarta(2026, 3, 2, 7, 30))
    for _ in range(3):
        await bot.digest_loop.tick()
    assert digest_firsts(standin, standin.digest_id) == ["2026-03-02"]
    first = standin.channel_messages(standin.digest_id)[0]
    assert "Daily digest" in first["embeds"][0]["title"] and refs_in(message_text(first))

    # a restart later that day does not post it again
    clock.set(jakarta(2026, 3, 2, 9, 0))
    bot = await bots.restart(bot, settings=settings)
    for _ in range(3):
        await bot.digest_loop.tick()
    assert digest_firsts(standin, standin.digest_id) == ["2026-03-02"]

    # down for two mornings, with a new article dropped in meanwhile: caught up once
    await bots.stop(bot)
    write_article(
        seeds_dir,
        5,
        "Gempa Magnitudo 5,1 Guncang Kepulauan Mentawai",
        [
            "Gempa bermagnitudo 5,1 mengguncang Kepulauan Mentawai, Sumatera Barat, pada Selasa pagi.",
            "Badan Meteorologi, Klimatologi, dan Geofisika menyatakan gempa itu tidak berpotensi tsunami.",
        ],
    )
    clock.set(jakarta(2026, 3, 4, 9, 0))
    bot = await bots.start(settings)
    await standin.wait_for(lambda: len(digest_firsts(standin, standin.digest_id)) >= 2, 15, "the catch-up")
    for _ in range(3):
        await bot.digest_loop.tick()
    assert digest_firsts(standin, standin.digest_id) == ["2026-03-02", "2026-03-04"]
    catch_up = [m for m in standin.channel_messages(standin.digest_id) if "2026-03-04" in message_text(m)]
    assert "Mentawai" in "\n".join(message_text(m) for m in catch_up)
    assert "Kursk" not in "\n".join(message_text(m) for m in catch_up), "only what is new since the last digest"


async def test_digest_forbidden_channel_is_reported_not_retried(
    bots: Bots, standin: DiscordStandIn, clock: FakeClock
) -> None:
    bot = await bots.start()
    ix = await standin.slash("digest channel", {"channel": standin.digest_id}, user="ayu")
    confirmation = await ix.answer()
    # a channel link pings nobody: it must reach Discord intact, not neutralised
    assert f"<#{standin.digest_id}>" in confirmation["content"], confirmation["content"]
    assert confirmation["flags"] & EPHEMERAL
    standin.forbid(standin.digest_id)

    clock.set(jakarta(2026, 3, 2, 7, 5))
    await standin.wait_for(
        lambda: bool(standin.dm_channels() and standin.dm_channels()[0].messages),
        15,
        "a DM to the user who configured the digest",
    )
    dm = standin.dm_channels()[0]
    assert dm.recipient["id"] == standin.users["ayu"]["id"]
    assert "permission" in dm.messages[0]["content"].casefold()
    posts = lambda: standin.requests_to("POST", rf"/channels/{standin.digest_id}/messages")
    assert len(posts()) == 1 and posts()[0].status == 403

    for day in (3, 4):
        clock.set(jakarta(2026, 3, day, 7, 5))
        for _ in range(3):
            await bot.digest_loop.tick()
    assert len(posts()) == 1, "a forbidden channel must not be retried"
    assert len(dm.messages) == 1, "the problem is reported once"

    # fixed permissions and the channel set again: the digest resumes
    standin.forbidden.discard(standin.digest_id)
    again = await standin.slash("digest channel", {"channel": standin.digest_id}, user="ayu")
    await again.answer()
    clock.set(jakarta(2026, 3, 5, 7, 5))
    await standin.wait_for(lambda: bool(digest_firsts(standin, standin.digest_id)), 15, "the resumed digest")
    assert digest_firsts(standin, standin.digest_id) == ["2026-03-05"]


async def test_digest_time_and_zone_per_server_then_off(bots: Bots, standin: DiscordStandIn, clock: FakeClock) -> None:
    bot = await bots.start()
    link = f"<#{standin.digest_id}>"
    set_channel = await (await standin.slash("digest channel", {"channel": standin.digest_id})).answer()
    assert f"posted in {link} at 07:00 (Asia/Jakarta)" in set_channel["content"], set_channel["content"]
    ix = await standin.slash("digest time", {"time": "08:30", "tz": "Asia/Makassar"})  # 07:30 in Jakarta
    set_time = (await ix.answer())["content"]
    assert f"at 08:30 (Asia/Makassar) in {link}." in set_time, set_time
    clock.set(jakarta(2026, 3, 2, 7, 20))
    for _ in range(3):
        await bot.digest_loop.tick()
    assert digest_firsts(standin, standin.digest_id) == []
    clock.set(jakarta(2026, 3, 2, 7, 31))
    await standin.wait_for(lambda: bool(digest_firsts(standin, standin.digest_id)), 15, "the 08:30 WITA digest")
    preview = await standin.slash("digest preview")
    shown = await preview.answer()
    assert shown["flags"] & EPHEMERAL and "2026-03-03" in message_text(shown)
    about = await standin.slash("about")
    facts = message_text(await about.answer())
    assert "2026-03-02" in facts and f"{link} at 08:30 (Asia/Makassar)" in facts, facts

    off = await standin.slash("digest off")
    assert (await off.answer())["flags"] & EPHEMERAL
    clock.set(jakarta(2026, 3, 3, 9, 0))
    for _ in range(3):
        await bot.digest_loop.tick()
    assert digest_firsts(standin, standin.digest_id) == ["2026-03-02"]


# ---------------------------------------------------------------------------------- the gateway


async def test_gateway_drop_resumes_and_answers_again(bots: Bots, standin: DiscordStandIn) -> None:
    await bots.start()
    session = standin.session
    assert session is not None
    await standin.drop_connection(4000)
    missed = await standin.slash("articles")  # sent while the bot is away: replayed on RESUME
    await standin.wait_for(lambda: session.resumes == 1 and session.ws is not None, 15, "a RESUME")
    resume = [f for f in standin.gateway_received if f["op"] == 6]
    assert len(resume) == 1 and resume[0]["d"]["session_id"] == session.id
    assert standin.identifies == 1, "a drop must be resumed, not re-identified"
    assert "003" in message_text(await missed.answer())

    await standin.drop_connection(None)  # cut without a close frame (1006)
    await standin.wait_for(lambda: session.resumes == 2 and session.ws is not None, 20, "a second RESUME")
    ix = await standin.slash("summary", {"topic": "kursk"})
    assert refs_in(message_text(await ix.answer()))
    assert standin.identifies == 1
