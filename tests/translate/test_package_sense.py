"""Hostile and senseless Argos packages, built on the fly: each is refused with its reason and nothing is installed."""

from __future__ import annotations

import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import ModelCorrupt, ModelNotInstalled
from bot.translate import packages
from bot.translate.archive import MAX_UNPACKED_MB, language_codes, parse_metadata

from .conftest import install, kabar

TOP = "translate-id_en-1_0"
Change = Callable[[str, bytes], "bytes | None"]


def rebuild(
    source: Path,
    target: Path,
    *,
    change: Change | None = None,
    extra: dict[str, bytes] | None = None,
    top: str | None = None,
    stored: bool = False,
) -> Path:
    """A copy of a package with members changed (None drops one), added, or moved under another top folder."""
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", method) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            data = change(item.filename, data) if change else data
            if data is None:
                continue
            name = item.filename if top is None else top + item.filename[len(TOP) :]
            zout.writestr(name, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return target


def metadata(**fields) -> Change:
    def change(name: str, data: bytes) -> bytes:
        if name.endswith("metadata.json"):
            meta = json.loads(data)
            meta.update(fields)
            return json.dumps(meta).encode()
        return data

    return change


def refused(settings: Settings, archive: Path, *args: str):
    """`kabar models install --file ARCHIVE`: exit 3, one error line and a hint, nothing installed."""
    result = kabar(settings, "models", "install", "--file", str(archive), *args)
    assert result.exit_code == 3, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("error: ") and len(lines) == 2 and lines[1].startswith("hint: "), result.output
    assert "Traceback" not in result.output
    assert packages.installed(settings.models_dir) == []
    left = list(settings.models_dir.iterdir()) if settings.models_dir.exists() else []
    assert left == [], "no staging folder is left behind"
    return lines[0]


def test_a_200_mb_zero_filled_model_is_refused_before_it_is_unpacked(
    settings: Settings, id_en_package: Path, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(id_en_package) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename.endswith("model.bin"):
                with zout.open(item.filename, "w", force_zip64=True) as member:
                    for _ in range(200):
                        member.write(bytes(1 << 20))
            else:
                zout.writestr(item.filename, zin.read(item))
    assert bomb.stat().st_size < 2 << 20
    line = refused(settings, bomb)
    assert "model/model.bin unpacks to" in line and "times its packed size" in line


def test_a_package_bigger_than_the_cap_is_refused(
    settings: Settings, id_en_package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = {f"{TOP}/extra.bin": bytes(range(256)) * (2 << 12)}  # 2 MB, stored: no ratio to catch
    big = rebuild(id_en_package, tmp_path / "big.argosmodel", extra=extra, stored=True)
    monkeypatch.setenv("KABAR_MODEL_MAX_MB", "1")
    with pytest.raises(ModelCorrupt, match="unpacks to more than 1 MB"):
        packages.install_file(settings.models_dir, big, max_bytes=1 << 20)
    result = kabar(settings, "models", "install", "--file", str(big))
    assert result.exit_code == 3 and "unpacks to more than 1 MB" in result.output
    assert MAX_UNPACKED_MB == 1024 and settings.model_max_mb == 1024  # the default fits real packages


@pytest.mark.parametrize(
    ("meta", "reason"),
    [
        (b"[1, 2, 3]", "metadata.json is a JSON list, not an object"),
        (b'"id-en"', "metadata.json is a JSON str, not an object"),
        (b"{not json", "metadata.json is not JSON"),
        (
            json.dumps({"from_code": "xx", "to_code": "en"}).encode(),
            "from_code 'xx', which is not an ISO 639-1 language code",
        ),
        (json.dumps({"from_code": "id", "to_code": 5}).encode(), "to_code 5, which is not an ISO 639-1 language code"),
        (json.dumps({"from_code": "../../..", "to_code": "en"}).encode(), "from_code '../../..'"),
        (json.dumps({"from_code": "ID", "to_code": "en"}).encode(), "from_code 'ID'"),
        (json.dumps({"from_code": "id", "to_code": "id"}).encode(), "translates a language into itself"),
        (
            json.dumps({"from_code": "id", "to_code": "en", "package_version": "../1"}).encode(),
            "package_version '../1'",
        ),
        (json.dumps({"from_code": "id", "to_code": "en", "target_prefix": ["x"]}).encode(), "target_prefix"),
    ],
)
def test_senseless_metadata_is_refused(
    settings: Settings, id_en_package: Path, tmp_path: Path, meta: bytes, reason: str
) -> None:
    change: Change = lambda name, data: meta if name.endswith("metadata.json") else data
    line = refused(settings, rebuild(id_en_package, tmp_path / "meta.argosmodel", change=change))
    assert reason in line


def test_a_hidden_top_folder_is_refused(settings: Settings, id_en_package: Path, tmp_path: Path) -> None:
    line = refused(settings, rebuild(id_en_package, tmp_path / "hidden.argosmodel", top=".hidden"))
    assert "hidden folder '.hidden'" in line


def test_links_and_twice_named_members_are_refused(settings: Settings, id_en_package: Path, tmp_path: Path) -> None:
    linked = rebuild(id_en_package, tmp_path / "link.argosmodel")
    with zipfile.ZipFile(linked, "a") as zf:
        info = zipfile.ZipInfo(f"{TOP}/model/passwd")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    assert "contains a link" in refused(settings, linked)
    with pytest.warns(UserWarning, match="Duplicate name"):  # zipfile itself frowns while writing it
        twice = rebuild(id_en_package, tmp_path / "twice.argosmodel", extra={f"{TOP}/README.md": b"again"})
    assert "README.md' twice" in refused(settings, twice)


def test_a_package_that_cannot_decode_is_refused_not_installed(
    settings: Settings, id_en_package: Path, tmp_path: Path
) -> None:
    # a model.bin of the right size, all zeros, stored (so no ratio betrays it): only decoding can tell
    zeroed = rebuild(
        id_en_package,
        tmp_path / "zeroed.argosmodel",
        stored=True,
        change=lambda name, data: bytes(len(data)) if name.endswith("model.bin") else data,
    )
    line = refused(settings, zeroed)
    assert line.endswith(
        "cannot translate a test sentence (IndexError: variable encoder/embeddings_0/weight not found)."
    )


def test_a_package_that_breaks_after_install_fails_in_one_line(settings: Settings, id_en_package: Path) -> None:
    install(settings, id_en_package)
    model = packages.find(settings.models_dir, "id", "en").model_dir / "model.bin"
    model.write_bytes(bytes(model.stat().st_size))
    result = kabar(settings.model_copy(update={"translate_max_ratio": 0.6}), "translate", "003")
    assert result.exit_code == 3, result.output
    assert result.output.splitlines()[0].startswith("error: The id->en package at ")
    assert "cannot be loaded (variable encoder/embeddings_0/weight not found)" in result.output
    assert "Traceback" not in result.output


def test_installed_metadata_that_makes_no_sense_is_listed_as_broken(settings: Settings, id_en_package: Path) -> None:
    install(settings, id_en_package)
    folder = packages.find(settings.models_dir, "id", "en").path
    (folder / "metadata.json").write_text("[]", encoding="utf-8")
    listed = kabar(settings, "models", "list")
    assert listed.exit_code == 0 and "BROKEN: metadata.json is a JSON list, not an object" in listed.output
    with pytest.raises(ModelNotInstalled):  # its pair cannot be known: it serves none
        packages.find(settings.models_dir, "id", "en")


def test_real_argos_language_codes_are_accepted() -> None:
    codes = language_codes()
    for code in ("id", "en", "de", "zh", "zt", "pb", "ru", "uk", "tl", "ms", "sq", "eo", "ga"):
        assert code in codes
    assert codes["id"] == "Indonesian" and "xx" not in codes and "in" not in codes
    meta = parse_metadata(json.dumps({"from_code": "id", "to_code": "en", "package_version": 1.9}).encode())
    assert meta == {
        "from_code": "id",
        "to_code": "en",
        "package_version": "1.9",
        "type": "translate",
        "target_prefix": "",
    }
