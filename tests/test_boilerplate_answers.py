"""Learned boilerplate stays out of every answer and `kabar show --raw` says why."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bot.cli import build_app
from bot.config import Settings
from bot.service import Kabar

#: one synthetic outlet: four different stories, each closing with a near-identical plea
STORIES = [
    "Startup logistik asal Bandung meraih pendanaan seri A senilai Rp 50 miliar.",
    "Startup kasir digital untuk warung mencatat lonjakan pengguna aktif bulan ini.",
    "Startup antar bahan masakan siap olah menghentikan operasinya per 15 Juli.",
    "Startup kamera instan asal Jakarta membuka toko pertamanya di Surabaya.",
]
BODIES = [
    "Dana itu akan dipakai untuk memperluas jaringan gudang ke lima kota.",
    "Pendirinya menyebut warung di Jawa Timur menjadi pengguna terbanyak.",
    "Pelanggan yang masih memiliki saldo akan menerima pengembalian dana.",
    "Pembelinya kebanyakan anak muda yang mencari foto cetak langsung jadi.",
]
READERS = ["10.000", "12.500", "9.800", "11.000"]


def footer(readers: str) -> str:
    return f"Sudah {readers} pembaca berlangganan buletin startup NusaKini.com setiap pekan."


def add_outlet(seeds: Path) -> None:
    for k, (lead, body, readers) in enumerate(zip(STORIES, BODIES, READERS)):
        text = f"Kabar startup nomor {k}\nNUSAKINI.COM -- {lead}\n{body}\n{footer(readers)}\n"
        (seeds / f"{100 + k}_{k:016x}.txt").write_text(text, encoding="utf-8")


async def test_no_answer_cites_learned_boilerplate(settings: Settings) -> None:
    add_outlet(settings.seeds_dir)
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        summary = await kabar.summary("startup", sentences=8)
        cited = {c.text for item in summary.items for c in item.citations}
        assert cited and not any("berlangganan buletin" in text for text in cited)
        who = await kabar.who_confirmed("10000")
        cited = {c.article for item in who.items for c in item.citations}
        related = {c["article"] for item in who.meta["related"] for c in item["citations"]}
        assert cited and "100" not in cited | related
        shown = await kabar.article("100")
        assert [s.index for s in shown.sentences] == [1, 2, 3]  # still numbered as cited
        learned = [r for r in shown.removed if r.sentence is not None]
        assert [(r.kind, r.sentence, r.text) for r in learned] == [("boilerplate", 3, footer("10.000"))]


def test_show_raw_explains_learned_boilerplate(settings: Settings, monkeypatch) -> None:
    add_outlet(settings.seeds_dir)
    monkeypatch.setenv("KABAR_SEEDS_DIR", str(settings.seeds_dir))
    monkeypatch.setenv("KABAR_DB", str(settings.db))
    result = CliRunner().invoke(build_app(), ["show", "101", "--raw"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Kept out of summaries, digests and /who-confirmed:" in result.stdout
    assert (
        f"sentence   3  boilerplate (recurs in 4 different articles of NUSAKINI): {footer('12.500')}" in result.stdout
    )
