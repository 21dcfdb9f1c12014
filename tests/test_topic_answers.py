"""Topic summaries on the seeds as a reader meets them, and names found under their other forms."""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from bot.service import Kabar


async def _summary(settings: Settings, topic: str, **kwargs):
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        return await kabar.summary(topic, **kwargs)


async def test_the_kremlins_two_denials_are_two_items(settings: Settings) -> None:
    answer = await _summary(settings, "kremlin")
    denials = [item for item in answer.items if "Kremlin" in item.text]
    assert len(denials) == 2
    by_article = {item.citations[-1].article: item for item in denials}
    assert set(by_article) == {"002", "004"}
    # 002's "Namun hal itu langsung dibantah oleh Kremlin." is shown after the claim it denies
    assert [c.sentence for c in by_article["002"].citations] == [7, 8]
    assert "enam perwira" in by_article["002"].text
    assert all("also_reported_by" not in item.fields for item in denials)


async def test_no_pentagon_sentence_is_also_reported_by_002(settings: Settings) -> None:
    answer = await _summary(settings, "korea utara")
    for item in answer.items:
        if "Pentagon" in item.text:
            assert "002" not in item.fields.get("also_reported_by", [])
    assert len({c.article for item in answer.items for c in item.citations}) > 1


async def test_kursk_and_rutte_do_not_open_with_a_report_not_shown(settings: Settings) -> None:
    for topic in ("kursk", "rutte"):
        answer = await _summary(settings, topic)
        assert answer.items and not answer.items[0].text.startswith("Laporan ini juga"), topic
        assert not any(item.text.startswith(("Laporan ini", "Ia ", "Namun hal itu")) for item in answer.items)


def _add(seeds: Path, number: int, lines: list[str]) -> None:
    (seeds / f"{number:03d}_{number:016x}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


async def test_names_are_found_under_their_other_forms(settings: Settings) -> None:
    _add(settings.seeds_dir, 200, ["Tol baru diresmikan", "Presiden Joko Widodo meresmikan jalan tol Semarang-Demak."])
    _add(settings.seeds_dir, 201, ["Sidang ditunda", "Basuki Tjahaja Purnama menghadiri sidang di Jakarta Utara."])
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        assert {h.article for h in await kabar.search("Jokowi")} == {"200"}
        assert {h.article for h in await kabar.search("Ahok")} == {"201"}
        summary = await kabar.summary("Jokowi")
        assert [c.article for item in summary.items for c in item.citations] == ["200"]


async def test_an_english_topic_without_a_model_is_searched_by_its_indonesian_names(settings: Settings) -> None:
    answer = await _summary(settings, "north korea")
    assert answer.items
    assert any("looks English" in note and "Korea Utara" in note and "kabar models" in note for note in answer.notes)
    # the Indonesian topic gives no such note
    assert not any("looks English" in note for note in (await _summary(settings, "korea utara")).notes)


async def test_a_topic_whose_words_are_only_found_apart_has_no_match(settings: Settings) -> None:
    _add(
        settings.seeds_dir,
        202,
        ["Danau Bungara", "Danau ini punya tiga pulau kecil, salah satunya Pulau Nangka Hutan."],
    )
    _add(settings.seeds_dir, 203, ["Kebakaran pasar", "Kebakaran melanda pasar induk di Jakarta Timur pada Senin."])
    _add(settings.seeds_dir, 204, ["Juara baru", "Pebulu tangkis muda Indonesia menjuarai turnamen di Seoul."])
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        apart = await kabar.summary("kebakaran hutan")
        assert apart.items == ()
        assert any("as a whole" in note for note in apart.notes)
        whole = await kabar.summary("kebakaran pasar")
        assert [c.article for item in whole.items for c in item.citations] == ["203"]
        english = await kabar.summary("badminton")  # the English name of bulu tangkis, no model needed
        assert [c.article for item in english.items for c in item.citations] == ["204"]
