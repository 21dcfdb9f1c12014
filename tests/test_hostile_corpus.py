"""A hostile article folder: every bad entry gets a clear reason and an exit code, the good articles stay searchable,
nothing outside the folder is ever shown, and a killed index leaves what a clean index leaves."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.corpus.segment import MAX_SENTENCE_CHARS
from bot.indexing import index_folder
from bot.store.articles import ArticleStore
from bot.store.db import Database
from bot.store.search import SentenceSearch

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_IDS = {"000", "001", "002", "003", "004"}
SECRET = "root:x:0:0:root:/root:/bin/bash"
NO_STOPS = " ".join(f"pasukan bergerak ke perbatasan dan warga mengungsi {i}" for i in range(20000))


@dataclass(frozen=True)
class Bad:
    """A hostile entry: its name as kabar shows it, the id it carries, and the reason it is skipped."""

    shown: str
    id: str | None
    reason: str


def build(folder: Path, outside: Path) -> list[Bad]:
    """The seeds plus one entry of every hostile kind; returns what must be skipped, and why."""
    shutil.copytree(SEEDS, folder)
    secret = outside / "passwd.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    bad: list[Bad] = []

    def skip(name: str, aid: str | None, reason: str, shown: str | None = None) -> None:
        bad.append(Bad(shown or name, aid, reason))

    (folder / "010_0000000000000010.txt").symlink_to(secret)
    skip("010_0000000000000010.txt", "010", "it is a symbolic link to a file outside the source folder")
    (folder / "011_0000000000000011.txt").symlink_to(folder / "011_0000000000000011.txt")
    skip("011_0000000000000011.txt", "011", "it is a symbolic link that loops")
    (folder / "012_0000000000000012.txt").symlink_to(folder / "nowhere.txt")
    skip("012_0000000000000012.txt", "012", "it is a symbolic link to a file that does not exist")
    os.mkfifo(folder / "013_0000000000000013.txt")
    skip("013_0000000000000013.txt", "013", "it is a named pipe (FIFO), not a file")
    (folder / "014_0000000000000014.txt").mkdir()
    skip("014_0000000000000014.txt", "014", "it is a folder, not a file")
    (folder / "015_0000000000000015.TXT").write_text("Judul\nIsi berita.\n", encoding="utf-8")
    skip("015_0000000000000015.TXT", "015", "its extension is '.TXT', not '.txt' (rename it to index it)")
    (folder / ".016_0000000000000016.txt").write_text("Judul\nIsi berita.\n", encoding="utf-8")
    skip(".016_0000000000000016.txt", "016", "it is a hidden file (its name starts with a dot)")
    os.close(os.open(os.fsencode(folder) + b"/017_\xff\xfe.txt", os.O_CREAT | os.O_WRONLY, 0o644))
    skip("017_\\xff\\xfe.txt", "017", "its name is not valid UTF-8")
    (folder / "018_\x1b[2J.txt").write_text("Judul\nIsi berita.\n", encoding="utf-8")
    skip("018_\x1b[2J.txt", "018", "the name is not NNN_<hash>.txt")
    (folder / "notes.txt").write_text("catatan", encoding="utf-8")
    skip("notes.txt", None, "the name is not NNN_<hash>.txt")
    (folder / "020_0000000000000020.txt").write_bytes(b"")
    skip("020_0000000000000020.txt", "020", "it is empty")
    (folder / "021_0000000000000021.txt").write_bytes(b" \n\t\n  ")
    skip("021_0000000000000021.txt", "021", "it is empty")
    (folder / "022_0000000000000022.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 8)
    skip("022_0000000000000022.txt", "022", "it is a binary file (or UTF-16), not UTF-8 text")
    (folder / "023_0000000000000023.txt").write_bytes("Judul\nIsi berita.\n".encode("utf-16"))
    skip("023_0000000000000023.txt", "023", "it is a binary file (or UTF-16), not UTF-8 text")
    (folder / "024_0000000000000024.txt").write_bytes(b"Judul\nHari S\xe9nin pasukan tiba.\n")
    skip("024_0000000000000024.txt", "024", "it is not UTF-8 text (byte 0xe9 at offset 12); save it as UTF-8")
    (folder / "025_0000000000000025.txt").write_text("Baca juga: Berita Lain\n* * *\n", encoding="utf-8")
    skip("025_0000000000000025.txt", "025", "it has no article text (nothing left after removing boilerplate)")
    with open(folder / "026_0000000000000026.txt", "wb") as big:
        big.truncate((8 << 20) + 1)
    skip("026_0000000000000026.txt", "026", "it is larger than 8 MB")
    (folder / "000_ffffffffffffffff.txt").write_text("Duplikat\nId yang sama dengan seed.\n", encoding="utf-8")
    skip("000_ffffffffffffffff.txt", "000", "id 000 is already used by 000_e90181a3b04b4a34.txt")
    if len(str(folder / "019_0000000000000019.txt")) < 100:  # AF_UNIX paths are short
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(folder / "019_0000000000000019.txt"))
        skip("019_0000000000000019.txt", "019", "it is a socket, not a file")

    # entries that are indexed, as written
    shutil.copy(next(SEEDS.glob("003_*.txt")), folder / "0003_aaaaaaaaaaaaaaaa.txt")  # `show 3` is now ambiguous
    (folder / "027_0000000000000027.txt").write_text("Judul Tanpa Titik\n\n" + NO_STOPS + "\n", encoding="utf-8")
    (folder / "028_0000000000000028.txt").write_text(
        "Sandi :fire: Bocor\nPeretas menulis root:x:0 dan :x: serta [bold]tebal[/bold] di forum pada Senin.\n",
        encoding="utf-8",
    )
    (folder / "029_0000000000000029.txt").write_text(
        "Judul Kontrol\nKalimat \x1b[31mberwarna\x07 di sini.\n", encoding="utf-8"
    )
    (folder / "archive").mkdir()
    (folder / "archive" / "inside.bak").write_text(
        "Arsip Dalam\nBerita arsip tentang Kursk di dalam folder.\n", encoding="utf-8"
    )
    (folder / "030_0000000000000030.txt").symlink_to(Path("archive") / "inside.bak")
    return bad


INDEXED = SEED_IDS | {"0003", "027", "028", "029", "030"}


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[Bad]]:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "articles"
    bad = build(folder, outside)
    monkeypatch.setenv("KABAR_SEEDS_DIR", str(folder))
    monkeypatch.setenv("KABAR_DB", str(tmp_path / "state" / "kabar.db"))
    return folder, bad


@pytest.fixture
def kabar_cli():
    """`kabar ARGS...` in-process with the environment the test set; returns (exit code, stdout, stderr)."""
    from typer.testing import CliRunner

    from bot.cli import build_app

    app = build_app()

    def call(*args: str):
        result = CliRunner().invoke(app, list(args))
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return result.exit_code, result.stdout, result.stderr

    return call


def escaped(name: str) -> str:
    from bot.present.text import escape_controls

    return escape_controls(name)


def test_every_hostile_entry_is_skipped_with_its_reason(hostile, kabar_cli) -> None:
    _, bad = hostile
    code, out, err = kabar_cli("index", "--json")
    assert code == 0 and "Traceback" not in err
    report = json.loads(out)
    assert sorted(report["added"]) == sorted(INDEXED)
    assert sorted((s["name"], s["id"], s["reason"]) for s in report["skipped"]) == sorted(
        (b.shown, b.id, b.reason) for b in bad
    )
    code, out, err = kabar_cli("index")
    assert code == 0 and "\x1b" not in err and "\x1b" not in out
    for b in bad:
        assert f"warning: {escaped(b.shown)}: skipped, {b.reason}" in err.splitlines()
    listed = json.loads(kabar_cli("articles", "--skipped", "--json")[1])
    assert {(s["name"], s["reason"]) for s in listed} == {(b.shown, b.reason) for b in bad}


def test_nothing_outside_the_folder_is_shown_and_each_id_says_why(hostile, kabar_cli) -> None:
    _, bad = hostile
    kabar_cli("index")
    for b in bad:
        if b.id in (None, "000"):
            continue
        code, out, err = kabar_cli("show", b.id)
        assert code == 4 and out == "", (b, err)
        assert (
            err.splitlines()[0]
            == f"error: Article {b.id} is not indexed: its file {escaped(b.shown)} was skipped ({b.reason})."
        )
    for args in (("search", "root"), ("ask", "/summary root"), ("articles",), ("show", "010", "--raw")):
        code, out, err = kabar_cli(*args)
        assert SECRET not in out and SECRET not in err
    code, out, err = kabar_cli("show", "3")
    assert (
        code == 2
        and err.splitlines()[0] == "error: Article 3 is ambiguous: 003 and 0003 are both indexed. Give the whole id."
    )


def test_the_good_articles_stay_searchable_and_text_shows_as_written(hostile, kabar_cli) -> None:
    kabar_cli("index")
    hits = json.loads(kabar_cli("search", "10000", "--limit", "200", "--json")[1])
    assert {h["article"] for h in hits} >= SEED_IDS | {"0003"}
    hits = json.loads(kabar_cli("search", "arsip kursk", "--json")[1])
    assert {h["article"] for h in hits} == {"030"}
    code, out, _ = kabar_cli("show", "028")
    assert "root:x:0 dan :x: serta [bold]tebal[/bold]" in out and "❌" not in out
    code, out, _ = kabar_cli("show", "029", "--raw")
    assert "\x1b" not in out and "Kalimat [31mberwarna di sini." in out and "dropped 2 control character(s)" in out
    code, out, _ = kabar_cli("show", "027", "--json")
    sentences = json.loads(out)["sentences"]
    assert len(sentences) > 500 and max(len(s["text"]) for s in sentences) <= MAX_SENTENCE_CHARS
    code, out, _ = kabar_cli("search", "mengungsi", "--limit", "3")
    assert code == 0 and max(len(line) for line in out.splitlines()) <= MAX_SENTENCE_CHARS + 20


def without_file_access() -> list[str]:
    """A command prefix under which permissions apply (root bypasses them: drop that power)."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def kabar_process(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*without_file_access(), sys.executable, "-m", "bot", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_unreadable_files_and_folders_keep_what_was_indexed(tmp_path: Path, seeds_dir: Path) -> None:
    env = dict(
        os.environ, KABAR_SEEDS_DIR=str(seeds_dir), KABAR_DB=str(tmp_path / "state" / "k.db"), PYTHONPATH=str(ROOT)
    )
    done = kabar_process("index", env=env)
    assert done.returncode == 0, done.stderr
    locked = next(seeds_dir.glob("002_*.txt"))
    locked.write_text(locked.read_text(encoding="utf-8") + "Paragraf baru.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        done = kabar_process("index", env=env)
        assert done.returncode == 0
        assert (
            f"warning: {locked.name}: skipped, it cannot be read (Permission denied); "
            "the previously indexed version is kept"
        ) in done.stderr.splitlines()
        done = kabar_process("show", "002", "--json", env=env)
        assert done.returncode == 0 and json.loads(done.stdout)["title"].startswith("Barat: Korea Utara")
    finally:
        locked.chmod(0o644)
    seeds_dir.chmod(0)
    try:
        kept = (
            f"warning: the source {seeds_dir} cannot be listed (Permission denied): its 5 indexed "
            f"articles are kept (`kabar sources remove {seeds_dir}` drops them)"
        )
        done = kabar_process("index", env=env)
        assert done.returncode == 0 and done.stderr.splitlines() == [kept]
        done = kabar_process("ask", "/who-confirmed 10000", env=env)
        assert done.returncode == 0 and "Pentagon" in done.stdout
        done = kabar_process("sources", env=env)
        assert done.stdout.rstrip().endswith("UNREADABLE: cannot be listed (Permission denied)")
        assert done.stderr.splitlines() == [kept]
    finally:
        seeds_dir.chmod(0o755)
    done = kabar_process("sources", env=env)
    assert done.returncode == 0 and done.stdout.rstrip().endswith(", ok") and done.stderr == ""
    assert "5 articles" in done.stdout


# --- generated hostile files -------------------------------------------------------------------

NAMES = st.one_of(
    st.integers(100, 999).map(lambda n: f"{n}_{n:016x}.txt"),
    st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=40)
    .filter(lambda s: s not in (".", ".."))
    .map(lambda s: s + ".txt"),
)
CONTENTS = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(
            [
                "Baca juga: X",
                "Editor: Y",
                "* * *",
                "Kursk diserang pada Senin.",
                ":fire:",
                "\x1b[2J",
                "10.000 pasukan",
                "",
                "(adt)",
                "a" * 1500,
                "JAKARTA -",
            ]
        ),
        max_size=30,
    ).map(lambda lines: "\n".join(lines).encode()),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.dictionaries(NAMES, CONTENTS, min_size=1, max_size=6))
def test_generated_files_never_stop_an_index_nor_hide_the_others(files: dict[str, bytes]) -> None:
    async def check(folder: Path, db_path: Path) -> None:
        async with await Database.open(db_path) as db:
            report = await index_folder(db, folder)
            stored = {info.id: info for info in await ArticleStore(db).list()}
            assert set(stored) >= SEED_IDS
            for name in files:
                path = folder / name
                if not path.exists() or path.is_dir():
                    continue
                entry = next((s for s in report.skipped if s.name == name), None)
                indexed = any(Path(i.path).name == name for i in stored.values())
                assert indexed != (entry is not None), (name, entry)
                assert entry is None or entry.reason
            hits = await SentenceSearch(db).search("10000", limit=400)
            assert {h.article for h in hits} >= SEED_IDS
            for aid in stored:
                article = await ArticleStore(db).get(aid)
                assert all(0 < len(s.text) <= MAX_SENTENCE_CHARS for s in article.sentences)
            again = await index_folder(db, folder)
            assert (again.added, again.updated, again.removed) == ((), (), ())

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        shutil.copytree(SEEDS, folder)
        for name, data in files.items():
            with contextlib.suppress(OSError):  # a name the file system refuses (too long): not an entry at all
                (folder / name).write_bytes(data)
        asyncio.run(check(folder, Path(tmp) / "k.db"))


# --- kill -9 while indexing -------------------------------------------------------------------

KILLED_RUN = """
import asyncio, sys
from bot.indexing import index_folder
from bot.store.db import Database

def progress(done, total):
    print(done, total, flush=True)

async def main():
    db = await Database.open(sys.argv[2])
    await index_folder(db, sys.argv[1], chunk_size=20, progress=progress)

asyncio.run(main())
"""


async def content(db: Database) -> dict[str, list]:
    """Everything an index holds, without the times it was made at."""
    return {
        "articles": await db.fetchall(
            "SELECT id, key, path, title, title_derived, outlet, dateline, editor, content_hash, words, sentences,"
            " removed, warnings, layout FROM articles ORDER BY id"
        ),
        "sentences": await db.fetchall(
            "SELECT article, idx, paragraph, text, figure_terms FROM sentences ORDER BY article, idx"
        ),
        "figures": await db.fetchall("SELECT * FROM figures ORDER BY article, sentence, start, value"),
        "fts": await db.fetchall(
            "SELECT s.article, s.idx FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid"
            " WHERE sentences_fts MATCH 'kursk OR pasukan OR fig10000' ORDER BY 1, 2"
        ),
        "skipped": await db.fetchall("SELECT name, id, reason FROM skipped ORDER BY name"),
        "sources": await db.fetchall("SELECT kind, location, state FROM sources"),
    }


def test_kill_9_while_indexing_leaves_what_a_clean_index_leaves(tmp_path: Path) -> None:
    import signal

    folder = tmp_path / "articles"
    build(folder, tmp_path)
    for n in range(100, 400):  # enough chunks to be killed in the middle
        source = sorted(SEEDS.glob("*.txt"))[n % 5].read_text(encoding="utf-8")
        (folder / f"{n}_{n:016x}.txt").write_text(source.replace("Kursk", f"Kursk {n}"), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    killed_db = tmp_path / "killed.db"
    for moment in (40, 160):  # killed twice, at two moments; the third run finishes
        proc = subprocess.Popen(
            [sys.executable, "-c", KILLED_RUN, str(folder), str(killed_db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        try:
            for line in proc.stdout:
                if int(line.split()[0]) >= moment:
                    break
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL

    async def compare() -> None:
        async with await Database.open(killed_db) as db:
            assert (await db.fetchone("PRAGMA integrity_check"))[0] == "ok"
            await index_folder(db, folder)
            assert (
                await db.fetchall("INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 1)") == []
            )
            resumed = await content(db)
        async with await Database.open(tmp_path / "clean.db") as db:
            await index_folder(db, folder)
            clean = await content(db)
        assert len(clean["articles"]) == len(INDEXED) + 300
        for table in clean:
            assert resumed[table] == clean[table], table

    asyncio.run(compare())
