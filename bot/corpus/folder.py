"""An article folder on disk: which entries are articles, which are skipped and why, and reading one safely.

Public API:
    MAX_ARTICLE_BYTES                                  # a bigger file is skipped
    folder_stamp(path) -> str | None                   # the cheap change token of a folder
    scan_folder(path, key_of=parse_key, known=None) -> FolderScan  # never raises
    read_entry(folder_real, entry) -> bytes            # raises MalformedArticle("NAME ...")

Only names ending in `.txt` are looked at (README.md, images and the like are ignored
without a word). Among those, an entry is skipped, with a reason the index reports and
keeps, when it is hidden (`.x.txt`), spelled `.TXT`, not named `NNN_<hash>.txt`, holds an
id an earlier name in the folder already has, is a folder, a named pipe, a socket or a
device, a symbolic link that loops, dangles or resolves outside the folder, or is larger
than MAX_ARTICLE_BYTES. Names that are not valid UTF-8 are reported with the bad bytes
escaped.

A folder's state is `ok`, `missing` (gone, or not a folder), `unreadable` (cannot be
listed) or `empty` (no `*.txt` name at all: a failed mount looks like this). Only an `ok`
scan may lead to deletions; the caller decides.

Each entry carries its file's device, inode, size, modification and change times
(`Entry.stat`): a file whose stat is what it was at the last check has not been written
since (any write, rename over it, or `touch` changes the change time, which no tool can
set back), so a check need not read it again.

`folder_stamp` is the folder's device, inode and modification time: adding, removing or
renaming an entry (an atomic replace included) changes it; rewriting a file in place does
not. The stamp is taken before the listing, so a change during a scan is seen by the next
check.

Reading opens the file relative to the folder one path component at a time without
following links (`O_NOFOLLOW`), so a link swapped in after the scan cannot lead outside
the folder, and never blocks on a pipe (`O_NONBLOCK`).
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from bot.corpus.reader import parse_key
from bot.errors import KabarError, MalformedArticle
from bot.models import Skipped

MAX_ARTICLE_BYTES = 8 << 20
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)

KeyParser = Callable[[str], "tuple[str, str]"]


@dataclasses.dataclass(frozen=True)
class Entry:
    """An article file found in a folder."""

    name: str
    id: str
    key: str
    path: str  # the folder's path joined with the name (what is stored as the article's path)
    inside: tuple[str, ...]  # the resolved file, relative to the resolved folder, one part per component
    stat: str = ""  # "dev:inode:size:mtime_ns:ctime_ns" of the file: unchanged, it need not be read again


@dataclasses.dataclass(frozen=True)
class FolderScan:
    """What one listing of a folder found."""

    location: str
    state: str  # ok | missing | unreadable | empty
    stamp: str | None = None
    detail: str | None = None  # the problem, said of the folder: "does not exist"
    real: str = ""  # the folder's resolved path
    entries: tuple[Entry, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    same: tuple[str, ...] = ()  # names `known` vouched for, not looked at (see scan_folder)


def folder_stamp(path: str | Path) -> str | None:
    """ "dev:inode:mtime_ns" of a folder, or None when it is not a readable folder."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISDIR(st.st_mode):
        return None
    return f"{st.st_dev}:{st.st_ino}:{st.st_mtime_ns}"


def display_name(name: str) -> str:
    """The name as text that can be stored and shown: undecodable bytes become \\xNN escapes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _kind_of(mode: int) -> str | None:
    """Why a file of this type is not an article (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    return "it is not a regular file"


def _target(folder_real: str, path: str) -> tuple[tuple[str, ...] | None, str | None]:
    """Where a symbolic link leads, relative to the folder, or why it cannot be followed."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "it is a symbolic link that loops"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return None, "it is a symbolic link to a file that does not exist"
        return None, f"it is a symbolic link that cannot be followed ({exc.strerror or exc})"
    real = os.path.realpath(path)
    if os.path.commonpath([folder_real, real]) != folder_real or real == folder_real:
        return None, "it is a symbolic link to a file outside the source folder"
    return tuple(Path(os.path.relpath(real, folder_real)).parts), None


def _classify(
    folder: str, folder_real: str, entry: os.DirEntry, key_of: KeyParser, seen: dict[str, str]
) -> Entry | str:
    """An Entry, or the reason the entry is skipped."""
    name = entry.name
    if not name.isascii() and display_name(name) != name:
        return "its name is not valid UTF-8"
    if name.startswith("."):
        return "it is a hidden file (its name starts with a dot)"
    if not name.endswith(".txt"):
        return f"its extension is {name[-4:]!r}, not '.txt' (rename it to index it)"
    try:
        aid, key = key_of(name)
    except (KabarError, ValueError):
        return "the name is not NNN_<hash>.txt"
    path = f"{folder}/{name}"
    inside: tuple[str, ...] = (name,)
    try:
        if entry.is_symlink():
            target, problem = _target(folder_real, path)
            if problem:
                return problem
            inside = target or inside
        st = entry.stat(follow_symlinks=True)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    problem = _kind_of(st.st_mode)
    if problem:
        return problem
    if st.st_size > MAX_ARTICLE_BYTES:
        return f"it is larger than {MAX_ARTICLE_BYTES >> 20} MB"
    if aid in seen:
        return f"id {aid} is already used by {seen[aid]}"
    seen[aid] = name
    stamp = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"
    return Entry(name=name, id=aid, key=key, path=path, inside=inside, stat=stamp)


def scan_folder(
    path: str | Path, key_of: KeyParser | None = None, known: dict[str, tuple[int, str]] | None = None
) -> FolderScan:
    """List a folder: its article entries (sorted by name), its skipped entries, its state.

    `known` (name -> (inode, id) of files indexed before) makes a light scan: a regular
    entry (not a link) still under its name with the same inode is not looked at, only
    named in `same`. A file replaced atomically has a new inode and is looked at; one
    rewritten in place is not (a full scan, without `known`, compares its times).
    """
    key_of = key_of or parse_key
    location = str(path)
    stamp = folder_stamp(location)
    try:
        st = os.stat(location)
    except FileNotFoundError:
        return FolderScan(location, "missing", detail="does not exist")
    except OSError as exc:
        return FolderScan(location, "unreadable", detail=f"cannot be read ({exc.strerror or exc})")
    if not stat.S_ISDIR(st.st_mode):
        return FolderScan(location, "missing", detail="is not a folder")
    real = os.path.realpath(location)
    try:
        with os.scandir(location) as listing:
            found = sorted((e for e in listing if e.name.lower().endswith(".txt")), key=lambda e: e.name)
    except OSError as exc:
        return FolderScan(location, "unreadable", detail=f"cannot be listed ({exc.strerror or exc})")
    if not found:
        return FolderScan(
            location, "empty", stamp=stamp, real=real, detail="holds no *.txt file (a failed mount looks like this)"
        )
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    same: list[str] = []
    seen: dict[str, str] = {}
    for entry in found:
        vouched = known.get(entry.name) if known else None
        if vouched is not None and vouched[0] == entry.inode() and not entry.is_symlink() and vouched[1] not in seen:
            seen[vouched[1]] = entry.name
            same.append(entry.name)
            continue
        result = _classify(location, real, entry, key_of, seen)
        if isinstance(result, Entry):
            entries.append(result)
        else:
            skipped.append(
                Skipped(name=display_name(entry.name), reason=result, id=_id_of(entry.name, key_of), source=location)
            )
    return FolderScan(
        location, "ok", stamp=stamp, real=real, entries=tuple(entries), skipped=tuple(skipped), same=tuple(same)
    )


def _id_of(name: str, key_of: KeyParser) -> str | None:
    """The article id a (skipped) file's name carries, if it carries one: `show ID` can then say why."""
    stem = name[:-4] if name.lower().endswith(".txt") else name
    try:
        return key_of(stem + ".txt")[0]
    except (KabarError, ValueError):
        digits = stem.lstrip(".").split("_", 1)[0]
        return display_name(digits) if digits.isdigit() and digits.isascii() else None


def read_entry(folder_real: str, entry: Entry) -> bytes:
    """The bytes of an entry of the folder resolved to `folder_real` (`FolderScan.real`), opened
    inside it without following links; MalformedArticle says why it cannot be read."""
    fds: list[int] = []
    try:
        fd = os.open(folder_real, _DIR_FLAGS)
        fds.append(fd)
        for part in entry.inside[:-1]:
            fd = os.open(part, _DIR_FLAGS, dir_fd=fd)
            fds.append(fd)
        fd = os.open(entry.inside[-1], _READ_FLAGS, dir_fd=fd)
        fds.append(fd)
        st = os.fstat(fd)
        problem = _kind_of(st.st_mode)
        if problem:
            raise MalformedArticle(f"{entry.name} {problem.removeprefix('it ')}")
        chunks = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            size += len(chunk)
            if size > MAX_ARTICLE_BYTES:
                raise MalformedArticle(f"{entry.name} is larger than {MAX_ARTICLE_BYTES >> 20} MB")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise MalformedArticle(f"{entry.name} changed into a symbolic link while it was read") from None
        raise MalformedArticle(f"{entry.name} cannot be read ({exc.strerror or exc})") from None
    finally:
        for fd in reversed(fds):
            os.close(fd)
