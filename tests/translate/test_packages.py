"""Installing, listing and removing Argos packages, from files and from an index."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import ModelCorrupt, ModelNotInstalled, ModelUnavailable
from bot.translate import packages

from .conftest import ROOT, install, kabar


def test_install_from_file_then_list_shows_pair_and_version(settings: Settings, id_en_package: Path) -> None:
    result = install(settings, id_en_package)
    assert "translate-id_en 1.0" in result.output

    listed = kabar(settings, "models", "list", "--json")
    assert listed.exit_code == 0
    data = json.loads(listed.output)
    assert [(p["from"], p["to"], p["version"], p["ok"]) for p in data["packages"]] == [("id", "en", "1.0", True)]
    found = packages.find(settings.models_dir, "id", "en")
    assert (found.model_dir / "model.bin").is_file() and found.sentencepiece.is_file()


def test_new_version_replaces_the_old_one(settings: Settings, id_en_package: Path, id_en_package_v2: Path) -> None:
    install(settings, id_en_package)
    install(settings, id_en_package_v2)
    found = packages.installed(settings.models_dir)
    assert [(p.pair, p.version) for p in found] == [("id->en", "1.1")]


def test_list_without_models_says_how_to_install(settings: Settings) -> None:
    result = kabar(settings, "models", "list")
    assert result.exit_code == 0
    assert "--file" in result.output


def test_not_a_zip_is_refused_with_exit_3(settings: Settings, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_bytes(b"this is not a zip archive at all" * 10)
    result = kabar(settings, "models", "install", "--file", str(bogus))
    assert result.exit_code == 3
    assert "not a zip" in result.output
    assert packages.installed(settings.models_dir) == []


def test_truncated_download_is_refused(settings: Settings, id_en_package: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.argosmodel"
    data = id_en_package.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelCorrupt):
        packages.install_file(settings.models_dir, cut)
    assert packages.installed(settings.models_dir) == []


def _rezip(source: Path, target: Path, drop: str = "", extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            if drop and item.filename.endswith(drop):
                continue
            zout.writestr(item, zin.read(item))
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return target


@pytest.mark.parametrize("part", ["sentencepiece.model", "model/model.bin", "metadata.json"])
def test_package_missing_a_part_names_it(settings: Settings, id_en_package: Path, tmp_path: Path, part: str) -> None:
    partial = _rezip(id_en_package, tmp_path / "partial.argosmodel", drop=part)
    with pytest.raises(ModelCorrupt) as info:
        packages.install_file(settings.models_dir, partial)
    assert "package" in info.value.user_message
    if part != "metadata.json":
        assert part in info.value.user_message
    assert packages.installed(settings.models_dir) == []


def test_unsafe_paths_in_the_archive_are_refused(settings: Settings, id_en_package: Path, tmp_path: Path) -> None:
    evil = _rezip(id_en_package, tmp_path / "evil.argosmodel", extra={"../escape.txt": b"x"})
    with pytest.raises(ModelCorrupt, match="unsafe"):
        packages.install_file(settings.models_dir, evil)
    assert not (settings.models_dir.parent / "escape.txt").exists()


def test_damaged_installed_package_is_reported_not_used(settings: Settings, id_en_package: Path) -> None:
    install(settings, id_en_package)
    folder = packages.find(settings.models_dir, "id", "en").path
    (folder / "model" / "model.bin").unlink()

    assert packages.installed(settings.models_dir)[0].problem == "missing model/model.bin"
    with pytest.raises(ModelCorrupt) as info:
        packages.find(settings.models_dir, "id", "en")
    assert "kabar models remove id en" in str(info.value)
    listed = kabar(settings, "models", "list")
    assert "BROKEN" in listed.output


def test_missing_model_error_names_the_fix(settings: Settings) -> None:
    with pytest.raises(ModelNotInstalled) as info:
        packages.find(settings.models_dir, "id", "en")
    assert "--file" in str(info.value)


def test_remove(settings: Settings, id_en_package: Path) -> None:
    install(settings, id_en_package)
    result = kabar(settings, "models", "remove", "id", "en")
    assert result.exit_code == 0 and "Removed translate-id_en 1.0" in result.output
    assert packages.installed(settings.models_dir) == []
    again = kabar(settings, "models", "remove", "id", "en")
    assert again.exit_code == 3


def test_install_from_an_index_uses_its_link(settings: Settings, id_en_package: Path, tmp_path: Path) -> None:
    index = tmp_path / "index.json"
    index.write_text(
        json.dumps(
            [
                {"from_code": "id", "to_code": "en", "package_version": "0.9", "links": ["file:///old.argosmodel"]},
                {
                    "from_code": "id",
                    "to_code": "en",
                    "package_version": "1.0",
                    "links": [(tmp_path / "mirror-down.argosmodel").as_uri(), id_en_package.as_uri()],
                },
                {"from_code": "en", "to_code": "id", "package_version": "2.0", "links": [id_en_package.as_uri()]},
            ]
        )
    )
    cfg = settings.model_copy(update={"argos_index_url": index.as_uri()})
    package = packages.install_from_index(cfg, "id", "en")
    assert (package.pair, package.version) == ("id->en", "1.0")


def test_offline_index_install_says_to_use_file(settings: Settings, no_network: list[str]) -> None:
    cfg = settings.model_copy(update={"argos_index_url": "https://index.invalid/index.json", "network_timeout": 2.0})
    with pytest.raises(ModelUnavailable) as info:
        packages.install_from_index(cfg, "id", "en")
    assert "--file" in str(info.value)
    assert no_network, "the explicit online install should have tried the network"


def test_offline_install_command_exits_nonzero(settings: Settings, no_network: list[str]) -> None:
    from typer.testing import CliRunner

    from bot.cli import build_app

    env = {"KABAR_MODELS_DIR": str(settings.models_dir), "KABAR_ARGOS_INDEX_URL": "https://index.invalid/i.json"}
    result = CliRunner().invoke(build_app(), ["models", "install"], env=env)
    assert result.exit_code == 3
    assert "--file" in result.output


def test_package_management_never_imports_the_heavy_translate_module(id_en_package: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from bot.config import Settings\n"
        "from bot.translate import packages\n"
        "from bot.translate.api import Translations\n"
        f"s = Settings(_env_file=None, models_dir=Path({str(tmp_path / 'm')!r}))\n"
        "packages.configure_argos(s)\n"
        f"packages.install_file(s.models_dir, Path({str(id_en_package)!r}))\n"
        "t = Translations(s, None)\n"
        "print(t.available('id', 'en'), t.status()['pairs'])\n"
        "print(sorted(m for m in ('argostranslate.translate', 'torch', 'stanza') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True ['id->en']", "[]"]


def test_configure_argos_sets_the_package_dir(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.delenv("ARGOS_DEVICE_TYPE", raising=False)
    packages.configure_argos(settings)
    assert os.environ["ARGOS_PACKAGES_DIR"] == str(settings.models_dir.resolve())
    assert os.environ["ARGOS_DEVICE_TYPE"] == "cpu"


def test_models_alone_lists(settings: Settings, id_en_package: Path) -> None:
    install(settings, id_en_package)
    result = kabar(settings, "models")
    assert result.exit_code == 0
    assert "id->en" in result.output and "translate-id_en  1.0  ok" in result.output


def test_repo_glossary_parses() -> None:
    from bot.translate.reviewed import load_glossary

    entries = load_glossary(ROOT / "translations")
    assert entries and all(e.term and e.english for e in entries)


def test_archive_tool_litter_is_tolerated(settings: Settings, id_en_package: Path, tmp_path: Path) -> None:
    littered = _rezip(id_en_package, tmp_path / "mac.argosmodel", extra={"__MACOSX/._metadata.json": b"\0"})
    package = packages.install_file(settings.models_dir, littered)
    assert package.problem is None
    assert [p.name for p in settings.models_dir.iterdir()] == [package.path.name]
