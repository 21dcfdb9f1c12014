"""/who-confirmed end to end: the query's unit narrows the answer, odd figures are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import build_app
from bot.config import Settings
from bot.errors import QueryError
from bot.service import Kabar

ARTICLE = (
    "Survei Terbaru Elektabilitas Partai\n"
    "Elektabilitas partai itu naik 15 persen, kata peneliti Lembaga Survei Nusantara, Budi Santoso.\n"
    "Partai lain tertinggal 15 poin dalam survei yang sama.\n"
    "Pemerintah Jepang mengirim bantuan US$ 3 juta ke provinsi itu, kata Menteri Luar Negeri Retno Marsudi.\n"
    "Provinsi itu dihuni tiga juta penduduk.\n"
)


@pytest.fixture
def with_units(seeds_dir: Path) -> Path:
    (seeds_dir / "005_0123456789abcdef.txt").write_text(ARTICLE, encoding="utf-8")
    return seeds_dir


def cited(answer) -> set[str]:
    return {c.text for item in answer.items for c in item.citations}


async def test_a_unit_in_the_query_narrows_the_sentences(settings: Settings, with_units: Path) -> None:
    async with Kabar(settings) as kabar:
        await kabar.ensure_indexed()
        pct = await kabar.who_confirmed("15 persen")
        assert any("15 persen" in t for t in cited(pct))
        assert not any("15 poin" in t for t in cited(pct))
        assert pct.meta["figure"]["text"] == "15%"
        assert any(note.startswith("Left out: 15 as poin") for note in pct.notes)

        bare = await kabar.who_confirmed("15")  # not the cached narrowed answer
        assert any("15 persen" in t for t in cited(bare)) and any("15 poin" in t for t in cited(bare))

        usd = await kabar.who_confirmed("US$ 3 juta")
        assert any("US$ 3 juta" in t for t in cited(usd))
        assert not any("penduduk" in t for t in cited(usd))
        assert usd.meta["figure"]["text"] == "US$ 3 million"
        labels = [item.fields["figure"]["label"] for item in usd.items]
        assert labels and all(label == "US$ 3 million" for label in labels)
        assert all("US$ 3 million" in item.text for item in usd.items)


@pytest.mark.parametrize("query", ["-5", "+5", "0x10", "0b1", "1e3", "5-10", "empat mata"])
async def test_odd_figures_are_refused(settings: Settings, query: str) -> None:
    async with Kabar(settings) as kabar:
        with pytest.raises(QueryError):
            await kabar.who_confirmed(query)


@pytest.mark.parametrize(("query", "says"), [("-5", "has a sign"), ("0x10", "hexadecimal"), ("+5", "has a sign")])
def test_the_terminal_says_why_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds_dir: Path, query: str, says: str
) -> None:
    monkeypatch.setenv("KABAR_SEEDS_DIR", str(seeds_dir))
    monkeypatch.setenv("KABAR_DB", str(tmp_path / "state" / "kabar.db"))
    monkeypatch.setenv("KABAR_MODELS_DIR", str(tmp_path / "state" / "models"))
    result = CliRunner().invoke(build_app(), ["ask", f"/who-confirmed {query}"], catch_exceptions=False)
    assert result.exit_code == 2
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout
