"""The engine stamp: a fingerprint of the code and data that compute answers, for cache keys.

A cached answer is right only for the engine that computed it. The release number alone
misses engine changes made between releases (a reworked attribution module, a new row in
a cue table, a retrained tagger), so a database made before such a change would go on
serving the old `/who-confirmed` answers. `engine_stamp()` hashes the files that decide
what an answer says and how it is stored: the NLP engine and its data (`bot/nlp`), the
corpus reader and figure reader (`bot/corpus`), the answer models and their JSON form.
Any change to them changes the stamp; nothing else does.

Computed once per process (about 1.7 MB of files, a few milliseconds).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from bot import __version__

_PACKAGE = Path(__file__).resolve().parent

#: Folders (every file below them) and single files that decide an answer's content and form:
#: the service and the modules that build each answer, the answer models and their JSON form.
_FOLDERS = ("nlp", "corpus")
_FILES = (
    "service.py",
    "summarizing.py",
    "confirming.py",
    "translated.py",
    "listing.py",
    "topic_query.py",
    "plural.py",
    "models.py",
    "present/json.py",
)
_SUFFIXES = frozenset({".py", ".tsv", ".txt", ".crfsuite"})


def _sources() -> list[Path]:
    found = [p for folder in _FOLDERS for p in (_PACKAGE / folder).rglob("*") if p.suffix in _SUFFIXES and p.is_file()]
    found += [_PACKAGE / name for name in _FILES]
    return sorted(found)


@cache
def engine_stamp() -> str:
    """The release and a digest of the answer-making files: "0.1.0+3f9a61c2d4e5b7a8"."""
    digest = hashlib.blake2b(digest_size=8)
    for path in _sources():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return f"{__version__}+{digest.hexdigest()}"
