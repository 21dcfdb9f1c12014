"""Argos package management: the packages folder, install from a file or the index, list, remove.

Packages live in `Settings.models_dir`, one folder per package as Argos lays them out
(`<folder>/metadata.json`, `<folder>/model/` with a CTranslate2 model, and
`<folder>/sentencepiece.model`). Installing checks the archive for sense before anything
is unpacked (`bot.translate.archive`: layout, sizes, metadata, language codes), unpacks
it aside, and has it translate a test sentence in a child process
(`bot.translate.trial`) before it replaces anything: a package that fails any of these
is refused with `ModelCorrupt` and the reason. An installed folder that later loses a
part or whose metadata makes no sense is reported as broken by `installed()` and refused
by `find()`.

The only network use is `install_from_index`, reached through the explicit
`kabar models install` command: it reads the index JSON and downloads the package with
`urllib` and a timeout (never argostranslate's own index refresh). Offline, it raises
`ModelUnavailable` naming `--file`.

argostranslate's own `install_from_path`/`uninstall` are not used: both import
`argostranslate.translate`, which pulls in torch through stanza, and neither validates
the archive; metadata.json is read and checked here.

Public API:
    PackageInfo                                   # frozen: name, from_code, to_code, version, path, ...
    configure_argos(settings)                     # set the argos env before its import
    installed(models_dir) -> list[PackageInfo]    # including broken ones (`.problem` set)
    find(models_dir, src, tgt) -> PackageInfo     # raises ModelNotInstalled / ModelCorrupt
    install_file(models_dir, path, *, max_bytes=..., max_ratio=..., trial=True) -> PackageInfo  # ModelCorrupt
    install_from_index(settings, src="id", tgt="en") -> PackageInfo   # raises ModelUnavailable
    remove(models_dir, src, tgt) -> list[PackageInfo]
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import ModelCorrupt, ModelNotInstalled, ModelUnavailable
from bot.translate.archive import MAX_RATIO, MAX_UNPACKED_MB, REQUIRED, check_archive, parse_metadata
from bot.translate.trial import trial_decode

if TYPE_CHECKING:
    from bot.config import Settings

MAX_DOWNLOAD_BYTES = 1 << 30  # a real id->en package is ~100 MB; refuse anything absurd


@dataclass(frozen=True)
class PackageInfo:
    """An installed (or offered) translation package."""

    name: str  # argospm name, "translate-id_en"
    from_code: str
    to_code: str
    version: str
    path: Path
    target_prefix: str = ""
    problem: str | None = None  # why the package cannot be used, if it cannot

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def label(self) -> str:
        """Provenance label: "argos translate-id_en 1.9"."""
        return f"argos {self.name} {self.version}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "from": self.from_code,
            "to": self.to_code,
            "version": self.version,
            "path": str(self.path),
            "ok": self.problem is None,
            "problem": self.problem,
        }


def configure_argos(settings: Settings) -> None:
    """Point argostranslate at our packages folder; call before importing it."""
    folder = Path(settings.models_dir).expanduser().resolve()
    os.environ["ARGOS_PACKAGES_DIR"] = str(folder)
    os.environ["ARGOS_DEVICE_TYPE"] = "cpu"


def _fix_hint(src: str, tgt: str) -> str:
    return f"run `kabar models install` (online) or `kabar models install --file PATH.argosmodel` for {src}->{tgt}"


def inspect(folder: Path) -> PackageInfo:
    """Describe one package folder; `.problem` says what is wrong with it, if anything."""
    folder = Path(folder)
    missing = [part for part in REQUIRED if not (folder / part).is_file()]
    if "metadata.json" in missing:
        return PackageInfo(folder.name, "?", "?", "?", folder, problem="missing metadata.json")
    try:
        meta = parse_metadata((folder / "metadata.json").read_bytes())
    except OSError as exc:
        return PackageInfo(
            folder.name, "?", "?", "?", folder, problem=f"unreadable metadata.json ({exc.strerror or exc})"
        )
    except ValueError as exc:
        return PackageInfo(folder.name, "?", "?", "?", folder, problem=str(exc))
    from_code, to_code, version, kind = meta["from_code"], meta["to_code"], meta["package_version"], meta["type"]
    name = f"{kind}-{from_code}_{to_code}"
    problem = None
    if kind != "translate":
        problem = f"not a translation package (type {kind!r})"
    elif missing:
        if "sentencepiece.model" in missing and (folder / "bpe.model").is_file():
            problem = "uses a BPE tokenizer, which kabar does not support (needs sentencepiece.model)"
        else:
            problem = "missing " + ", ".join(missing)
    return PackageInfo(name, from_code, to_code, version, folder, target_prefix=meta["target_prefix"], problem=problem)


def installed(models_dir: Path) -> list[PackageInfo]:
    """Every package folder under `models_dir`, sorted by pair; broken ones have `.problem`."""
    root = Path(models_dir).expanduser()
    if not root.is_dir():
        return []
    found = [inspect(p) for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith(".")]
    return sorted(found, key=lambda p: (p.from_code, p.to_code, p.path.name))


def find(models_dir: Path, src: str, tgt: str, packages: list[PackageInfo] | None = None) -> PackageInfo:
    """The installed package for src->tgt, or a clear error naming the fix.

    `packages` is a listing of `models_dir` already made (else it is read now).
    """
    listing = installed(models_dir) if packages is None else packages
    candidates = [p for p in listing if p.from_code == src and p.to_code == tgt]
    usable = [p for p in candidates if p.problem is None]
    if usable:
        return max(usable, key=lambda p: _version_key(p.version))
    if candidates:
        broken = candidates[0]
        raise ModelCorrupt(
            f"The {src}->{tgt} translation package in {broken.path} is broken: {broken.problem}.",
            hint=f"run `kabar models remove {src} {tgt}` and install it again",
        )
    raise ModelNotInstalled(
        f"No translation model for {src}->{tgt} is installed.",
        hint=f"{_fix_hint(src, tgt)}; models are looked for in {models_dir}",
    )


def _version_key(version: str) -> tuple:
    parts = []
    for piece in version.replace("-", ".").split("."):
        parts.append((0, int(piece), "") if piece.isdigit() else (1, 0, piece))
    return tuple(parts)


def install_file(
    models_dir: Path,
    path: Path,
    *,
    max_bytes: int = MAX_UNPACKED_MB << 20,
    max_ratio: float = MAX_RATIO,
    trial: bool = True,
) -> PackageInfo:
    """Install a local `.argosmodel`, replacing any package for the same pair.

    `max_bytes`/`max_ratio` bound what it may unpack to (KABAR_MODEL_MAX_MB,
    KABAR_MODEL_MAX_RATIO); `trial` has it translate a test sentence first.
    """
    path = Path(path).expanduser()
    top = check_archive(path, max_bytes=max_bytes, max_ratio=max_ratio)
    root = Path(models_dir).expanduser()
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
    try:
        try:
            with zipfile.ZipFile(path) as zf:
                zf.extractall(staging, members=[n for n in zf.namelist() if n.startswith(f"{top}/")])
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ModelCorrupt(f"{path} could not be unpacked ({exc}).", hint="download it again") from exc
        info = inspect(staging / top)
        if info.problem:
            raise ModelCorrupt(f"{path} is not a usable package: {info.problem}.", hint="download it again")
        if trial:
            trial_decode(staging / top)
        # Move the packages it replaces aside first, so a failure leaves them in place.
        target = root / top
        replaced: list[tuple[Path, Path]] = []
        for old in installed(root):
            if (old.from_code, old.to_code) == (info.from_code, info.to_code) or old.path.name == top:
                aside = staging / f"replaced-{len(replaced)}"
                old.path.rename(aside)
                replaced.append((old.path, aside))
        try:
            (staging / top).rename(target)
        except OSError:
            for original, aside in replaced:
                aside.rename(original)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return inspect(target)


def remove(models_dir: Path, src: str, tgt: str) -> list[PackageInfo]:
    """Delete every installed package for src->tgt; raise ModelNotInstalled if there is none."""
    gone = [p for p in installed(models_dir) if p.from_code == src and p.to_code == tgt]
    if not gone:
        raise ModelNotInstalled(f"No {src}->{tgt} package is installed in {models_dir}; nothing to remove.")
    for package in gone:
        shutil.rmtree(package.path)
    return gone


def _fetch(url: str, timeout: float, limit: int) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "kabar"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # explicit install only
        data = response.read(limit + 1)
    if len(data) > limit:
        raise ModelCorrupt(f"{url} is larger than {limit} bytes; refusing it.")
    return data


def _download(url: str, timeout: float, target: Path) -> None:
    """Stream a package to `target` (the timeout applies to each read), refusing absurd sizes."""
    request = urllib.request.Request(url, headers={"User-Agent": "kabar"})
    written = 0
    with urllib.request.urlopen(request, timeout=timeout) as response, open(target, "wb") as out:
        while chunk := response.read(1 << 20):
            written += len(chunk)
            if written > MAX_DOWNLOAD_BYTES:
                raise ModelCorrupt(f"{url} is larger than {MAX_DOWNLOAD_BYTES} bytes; refusing it.")
            out.write(chunk)


def install_from_index(settings: Settings, src: str = "id", tgt: str = "en") -> PackageInfo:
    """Download the src->tgt package named by the Argos index and install it (explicit command only)."""
    url, timeout = settings.argos_index_url, settings.network_timeout
    offline_hint = "when offline, download the .argosmodel elsewhere and run `kabar models install --file PATH`"
    try:
        index = json.loads(_fetch(url, timeout, 16 << 20))
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        raise ModelUnavailable(
            f"Cannot reach the Argos package index at {url} ({_reason(exc)}).", hint=offline_hint
        ) from exc
    except ValueError as exc:
        raise ModelUnavailable(f"The Argos package index at {url} is not valid JSON.", hint=offline_hint) from exc
    entries = [
        e
        for e in (index if isinstance(index, list) else [])
        if isinstance(e, dict)
        and e.get("from_code") == src
        and e.get("to_code") == tgt
        and (e.get("type") or "translate") == "translate"
    ]
    if not entries:
        raise ModelNotInstalled(f"The Argos index offers no {src}->{tgt} package.", hint=offline_hint)
    entry = max(entries, key=lambda e: _version_key(str(e.get("package_version", "0"))))
    links = [link for link in entry.get("links", []) if isinstance(link, str)]
    if not links:
        raise ModelUnavailable(f"The Argos index lists no download link for {src}->{tgt}.", hint=offline_hint)
    errors = []
    for link in links:
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / f"translate-{src}_{tgt}.argosmodel"
            try:
                _download(link, timeout, file)
            except (urllib.error.URLError, OSError, TimeoutError) as exc:
                errors.append(f"{link}: {_reason(exc)}")
                continue
            return install_file(
                settings.models_dir, file, max_bytes=settings.model_max_mb << 20, max_ratio=settings.model_max_ratio
            )
    raise ModelUnavailable(f"Could not download the {src}->{tgt} package ({'; '.join(errors)}).", hint=offline_hint)


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return str(reason or exc) or type(exc).__name__
