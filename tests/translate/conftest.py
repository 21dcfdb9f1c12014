"""Fixtures for translation tests: tiny random-weight Argos packages built once per session.

Each package is a real `.argosmodel` (SentencePiece trained on the seeds, a one-layer
CTranslate2 Transformer with random weights); tests install it the way a user would,
through `kabar models install --file`. Its output is noise: tests check structure and
behaviour, never the English.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.config import Settings
from bot.models import Article, Paragraph, Sentence

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="session")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("argos-build")


def _build(folder: Path, name: str, **kwargs) -> Path:
    from kabar_testing.synthetic import build_package

    return build_package(folder / name, seed_texts(), **kwargs)


@pytest.fixture(scope="session")
def id_en_package(package_dir: Path) -> Path:
    """translate-id_en 1.0"""
    return _build(package_dir, "id_en-1.0.argosmodel", version="1.0")


@pytest.fixture(scope="session")
def id_en_package_v2(package_dir: Path) -> Path:
    """translate-id_en 1.1 (different weights)"""
    return _build(package_dir, "id_en-1.1.argosmodel", version="1.1", seed=1)


@pytest.fixture(scope="session")
def en_de_package(package_dir: Path) -> Path:
    """translate-en_de 1.0, with a target prefix token as some Argos packages have."""
    return _build(package_dir, "en_de-1.0.argosmodel", from_code="en", to_code="de", target_prefix="__de__", seed=2)


def cli_env(settings: Settings) -> dict[str, str]:
    return {
        "KABAR_MODELS_DIR": str(settings.models_dir),
        "KABAR_DB": str(settings.db),
        "KABAR_SEEDS_DIR": str(settings.seeds_dir),
        "KABAR_TRANSLATIONS_DIR": str(settings.translations_dir),
    }


def kabar(settings: Settings, *args: str):
    """Run the kabar command line in-process; returns the click Result."""
    from bot.cli import build_app

    return CliRunner().invoke(build_app(), list(args), env=cli_env(settings), catch_exceptions=False)


def install(settings: Settings, package: Path):
    result = kabar(settings, "models", "install", "--file", str(package))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def with_model(settings: Settings, id_en_package: Path) -> Settings:
    """Settings whose models folder holds the id->en package, installed through the CLI."""
    install(settings, id_en_package)
    # random weights run to the length cap: keep the cap low so tests stay quick
    return settings.model_copy(update={"translate_max_ratio": 0.6})


def make_article(article_id: str, sentences: list[str]) -> Article:
    """An Article built directly (the corpus reader is tested elsewhere)."""
    body = tuple(Sentence(index=i, paragraph=1, text=t) for i, t in enumerate(sentences, 1))
    text = " ".join(sentences)
    return Article(
        id=article_id,
        key=f"{article_id}_{hashlib.sha256(text.encode()).hexdigest()[:16]}",
        title=f"Article {article_id}",
        paragraphs=(Paragraph(1, text),),
        sentences=body,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def seed_article(number: int = 3) -> Article:
    """A seed article cut into sentences with the project's segmenter."""
    from bot.corpus.segment import split_sentences

    path = sorted(SEEDS.glob("*.txt"))[number]
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    sentences = [s for line in lines if line.strip() for s in split_sentences(line)]
    return make_article(path.name[:3], sentences)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make any attempt to open a connection fail loudly (and record it)."""
    import socket

    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts
