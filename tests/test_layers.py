"""Dependencies point one way: adapters -> service -> {store, nlp, translate, corpus} -> models.

Read from the source (every import statement, lazy ones inside functions too), so a
shortcut fails here before it is merged.
"""

from __future__ import annotations

import ast
from pathlib import Path

import bot

ROOT = Path(bot.__file__).resolve().parent
ADAPTERS = ("bot.cli", "bot.discord_app")
PRESENTERS = ("bot.present",)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _violations(importers: tuple[str, ...] | None, exempt: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted(ROOT.rglob("*.py")):
        module = _module_name(path)
        if _within(module, exempt) or (importers is not None and not _within(module, importers)):
            continue
        bad += [f"{module} imports {name}" for name in sorted(_imports(path)) if _within(name, forbidden)]
    return bad


def test_only_adapters_import_the_presenters_and_nothing_imports_the_adapters() -> None:
    exempt = (*ADAPTERS, *PRESENTERS, "bot.__main__")
    assert _violations(None, exempt, (*PRESENTERS, *ADAPTERS)) == []


def test_adapters_reach_the_store_only_through_the_service() -> None:
    assert _violations(ADAPTERS, (), ("bot.store", "sqlite3", "aiosqlite")) == []


def test_domain_layers_never_import_discord() -> None:
    domain = (
        "bot.nlp",
        "bot.corpus",
        "bot.translate",
        "bot.store",
        "bot.service",
        "bot.summarizing",
        "bot.translated",
        "bot.listing",
        "bot.models",
        "bot.digest",
        "bot.stories",
    )
    assert _violations(domain, (), ("discord",)) == []


def test_the_checker_sees_a_lazy_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from bot.present.text import render\n    import sqlite3\n", encoding="utf-8")
    assert {"bot.present.text", "bot.present.text.render", "sqlite3"} <= _imports(sample)


def test_the_package_never_imports_test_or_bench_helpers() -> None:
    helpers = ("kabar_testing", "tests", "bench", "eval", "numpy", "pytest", "hypothesis")
    assert _violations(None, (), helpers) == []
