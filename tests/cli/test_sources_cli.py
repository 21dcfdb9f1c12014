"""`kabar sources`, `kabar articles --skipped` and `kabar show` on a skipped file, as a user types them."""

from __future__ import annotations

import json
import os
from pathlib import Path


def test_sources_list_and_remove(kabar, seeds_dir: Path) -> None:
    code, out, _ = kabar("sources")
    assert code == 0
    assert out.startswith(f"{seeds_dir}  5 articles, 0 skipped, checked ") and out.rstrip().endswith(", ok")
    code, out, _ = kabar("sources", "list", "--json")
    (source,) = json.loads(out)
    assert (source["kind"], source["location"], source["articles"], source["state"]) == (
        "folder",
        str(seeds_dir),
        5,
        "ok",
    )
    code, out, err = kabar("sources", "remove", str(seeds_dir))
    assert (code, err) == (0, "")
    assert out == f"Removed the source {seeds_dir} and its 5 articles from the index.\n"
    assert [p.name for p in seeds_dir.glob("*.txt")], "removing a source never touches its files"
    code, out, _ = kabar("articles")
    assert code == 0 and out.startswith("No articles indexed.")
    code, out, err = kabar("sources", "remove", str(seeds_dir))
    assert code == 2 and out == "" and err.splitlines()[0] == f"error: {seeds_dir} is not a source."


def test_a_link_out_of_the_folder_is_never_shown(kabar, seeds_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (seeds_dir / "010_0000000000000000.txt").symlink_to(secret)
    code, out, err = kabar("index")
    assert code == 0
    assert (
        "warning: 010_0000000000000000.txt: skipped, it is a symbolic link to a file outside the source folder" in err
    )
    assert "1 warning above." in out
    code, out, err = kabar("show", "010")
    assert code == 4 and out == "" and "root:x" not in err
    assert err.splitlines()[0] == (
        "error: Article 010 is not indexed: its file 010_0000000000000000.txt was skipped "
        "(it is a symbolic link to a file outside the source folder)."
    )
    code, out, _ = kabar("search", "root")
    assert "root:x" not in out
    code, out, _ = kabar("articles", "--skipped")
    assert out == f"{seeds_dir}/010_0000000000000000.txt: it is a symbolic link to a file outside the source folder\n"
    code, out, _ = kabar("articles", "--skipped", "--json")
    assert json.loads(out) == [
        {
            "name": "010_0000000000000000.txt",
            "reason": "it is a symbolic link to a file outside the source folder",
            "id": "010",
            "source": str(seeds_dir),
        }
    ]


def test_a_link_inside_the_folder_is_followed(kabar, seeds_dir: Path) -> None:
    inner = seeds_dir / "archive"
    inner.mkdir()
    target = next(seeds_dir.glob("004_*.txt"))
    moved = inner / "kept.txt.bak"
    target.rename(moved)
    target.symlink_to(Path("archive") / moved.name)
    code, out, _ = kabar("show", "004", "--json")
    assert code == 0 and json.loads(out)["title"].startswith("Sekitar 10.000 tentara")


def test_a_missing_source_warns_once_per_command_and_answers(kabar, seeds_dir: Path, tmp_path: Path) -> None:
    kabar("index")
    seeds_dir.rename(tmp_path / "unmounted")
    code, out, err = kabar("ask", "/who-confirmed 10000")
    assert code == 0 and "Pentagon" in out
    assert err == (
        f"warning: the source {seeds_dir} does not exist: its 5 indexed articles are kept "
        f"(`kabar sources remove {seeds_dir}` drops them)\n"
    )
    code, out, _ = kabar("sources")
    assert out.rstrip().endswith("MISSING: does not exist")
    os.rename(tmp_path / "unmounted", seeds_dir)
    code, out, err = kabar("sources")
    assert err == "" and out.rstrip().endswith(", ok")
