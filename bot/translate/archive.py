"""Checking an Argos package for sense before anything is unpacked: layout, sizes, metadata, language codes.

Public API:
    MAX_UNPACKED_MB, MAX_RATIO                      # the defaults of the two settings below
    check_archive(path, *, max_bytes, max_ratio) -> str     # the package's top folder; raises ModelCorrupt
    parse_metadata(data: bytes) -> dict             # validated metadata.json; raises ValueError(reason)
    language_codes() -> dict[str, str]              # code -> language name (data/languages.tsv)

An `.argosmodel` is a zip of one folder holding `metadata.json`, `sentencepiece.model` and
`model/model.bin` (CTranslate2). An archive is refused, with the reason, when it is not a
zip or is damaged; holds an absolute or `..` path, a backslash, a link or a name twice;
has no single top folder, or a hidden one (`.x`: it would install but never be seen);
misses a part; unpacks to more than `max_bytes` in all (KABAR_MODEL_MAX_MB); or holds a
member over 1 MB that unpacks to more than `max_ratio` times its packed size
(KABAR_MODEL_MAX_RATIO: weights barely compress, a zero-filled file compresses ~1000:1).

Sizes are checked from the archive's directory before a byte is decompressed; extraction
never writes more than a member's declared size (zipfile stops there), and the CRC check
then catches a member whose data does not match its header.

The largest real Argos packages in the public index are 71-190 MB packed (translate-en_ru
1.9: 187 MB), about as much unpacked: the default cap of 1024 MB leaves five times that.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from bot.errors import ModelCorrupt

REQUIRED = ("metadata.json", "sentencepiece.model", "model/model.bin")
MAX_UNPACKED_MB = 1024
MAX_RATIO = 20.0
#: members smaller than this are not held to the ratio (small text files compress well)
RATIO_FLOOR = 1 << 20
MAX_MEMBERS = 10_000
MAX_METADATA_BYTES = 1 << 20
_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z._+-]{0,31}")
_PREFIX = re.compile(r"\S{1,64}")
_HINT = "download the .argosmodel file again, or run `kabar models install` when online"


@lru_cache(maxsize=1)
def language_codes() -> dict[str, str]:
    """The language codes a package may name, with their names (read once from data/languages.tsv)."""
    text = resources.files("bot.translate").joinpath("data", "languages.tsv").read_text(encoding="utf-8")
    codes: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, name, _ = line.split("\t")
            codes[code] = name
    return codes


def parse_metadata(data: bytes) -> dict[str, Any]:
    """The fields kabar uses from a metadata.json, checked: ValueError says what is wrong."""
    if len(data) > MAX_METADATA_BYTES:
        raise ValueError(f"metadata.json is larger than {MAX_METADATA_BYTES >> 20} MB")
    try:
        meta = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"metadata.json is not JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise ValueError(f"metadata.json is a JSON {type(meta).__name__}, not an object")
    codes = language_codes()
    for field in ("from_code", "to_code"):
        value = meta.get(field)
        if not isinstance(value, str) or value not in codes:
            raise ValueError(f"metadata.json has {field} {value!r}, which is not an ISO 639-1 language code")
    if meta["from_code"] == meta["to_code"]:
        raise ValueError("metadata.json translates a language into itself")
    version = meta.get("package_version", "0")
    if isinstance(version, (int, float)) and not isinstance(version, bool):
        version = str(version)
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        raise ValueError(f"metadata.json has package_version {str(version)[:40]!r}, which is not a version")
    kind = meta.get("type", "translate")
    if not isinstance(kind, str):
        raise ValueError("metadata.json has a type that is not text")
    prefix = meta.get("target_prefix") or ""
    if not isinstance(prefix, str) or (prefix and not _PREFIX.fullmatch(prefix)):
        raise ValueError("metadata.json has a target_prefix that is not one token")
    return {
        "from_code": meta["from_code"],
        "to_code": meta["to_code"],
        "package_version": version,
        "type": kind or "translate",
        "target_prefix": prefix,
    }


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def check_archive(path: Path, *, max_bytes: int = MAX_UNPACKED_MB << 20, max_ratio: float = MAX_RATIO) -> str:
    """Validate an .argosmodel zip without unpacking it; return its top folder name or raise ModelCorrupt."""
    if not path.is_file():
        raise ModelCorrupt(f"No package file at {path}.", hint="check the path given to --file")
    if not zipfile.is_zipfile(path):
        raise ModelCorrupt(f"{path} is not an Argos package (not a zip archive).", hint=_HINT)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_members(path, infos, max_bytes, max_ratio)
            top = _check_layout(path, [i.filename for i in infos])
            try:
                meta = zf.read(f"{top}/metadata.json")
            except KeyError:  # pragma: no cover - _check_layout found it
                meta = b""
            bad = zf.testzip()  # decompresses every member, up to its checked declared size
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ModelCorrupt(f"{path} is a damaged zip archive ({exc}).", hint=_HINT) from exc
    if bad is not None:
        raise ModelCorrupt(f"{path} is damaged: {bad} fails its checksum.", hint=_HINT)
    try:
        parse_metadata(meta)
    except ValueError as exc:
        raise ModelCorrupt(f"{path} is not a usable package: {exc}.", hint=_HINT) from None
    return top


def _check_members(path: Path, infos: list[zipfile.ZipInfo], max_bytes: int, max_ratio: float) -> None:
    if len(infos) > MAX_MEMBERS:
        raise ModelCorrupt(f"{path} holds {len(infos)} files; a package holds a handful. Refusing it.", hint=_HINT)
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts or "\\" in name or "\x00" in name:
            raise ModelCorrupt(f"{path} contains an unsafe path {name!r}; refusing to install it.", hint=_HINT)
        if _is_link(info):
            raise ModelCorrupt(f"{path} contains a link {name!r}; refusing to install it.", hint=_HINT)
        if name in seen:
            raise ModelCorrupt(f"{path} contains {name!r} twice; refusing to install it.", hint=_HINT)
        seen.add(name)
        total += info.file_size
        if total > max_bytes:
            raise ModelCorrupt(
                f"{path} unpacks to more than {max_bytes >> 20} MB; refusing it.",
                hint="the largest real Argos packages unpack to about 200 MB; raise KABAR_MODEL_MAX_MB only for a "
                "package you trust",
            )
        if info.file_size > RATIO_FLOOR and info.file_size > max_ratio * max(1, info.compress_size):
            ratio = info.file_size / max(1, info.compress_size)
            raise ModelCorrupt(
                f"{path}: {name} unpacks to {ratio:.0f} times its packed size (at most {max_ratio:g} allowed); "
                "a real model does not compress like that. Refusing it.",
                hint=_HINT,
            )


def _check_layout(path: Path, names: list[str]) -> str:
    names = [n for n in names if not n.startswith("__MACOSX/")]  # archive-tool litter
    tops = {PurePosixPath(n).parts[0] for n in names if PurePosixPath(n).parts}
    metas = [n for n in names if PurePosixPath(n).name == "metadata.json" and len(PurePosixPath(n).parts) == 2]
    if len(metas) != 1 or len(tops) != 1:
        raise ModelCorrupt(
            f"{path} is not laid out as an Argos package (one folder with metadata.json at its root).", hint=_HINT
        )
    top = PurePosixPath(metas[0]).parts[0]
    if top.startswith("."):
        raise ModelCorrupt(f"{path} keeps its package in a hidden folder {top!r}; refusing it.", hint=_HINT)
    missing = [part for part in REQUIRED if f"{top}/{part}" not in names]
    if missing:
        raise ModelCorrupt(f"{path} is an incomplete package: missing {', '.join(missing)}.", hint=_HINT)
    return top
