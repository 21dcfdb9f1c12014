"""Every error kabar raises on purpose belongs to the tree in bot/errors.py."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import bot
from bot.errors import KabarError, PostForbidden, StoreConflict, StoreError
from bot.store.db import Database


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(bot.__path__, prefix="bot."):
        if info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


def test_every_exception_class_defined_in_bot_descends_from_kabar_error() -> None:
    outside = []
    for name in _modules():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == name
                and not issubclass(value, KabarError)
            ):
                outside.append(f"{name}.{attr}")
    assert outside == [], f"exceptions outside the KabarError tree: {outside}"


def test_the_tree_drawn_in_the_docstring_names_every_error_class() -> None:
    import bot.errors as errors

    classes = [n for n, v in vars(errors).items() if inspect.isclass(v) and issubclass(v, KabarError)]
    drawn = errors.__doc__ or ""
    assert [n for n in classes if n not in drawn] == []


def test_post_forbidden_is_a_kabar_error_with_a_message() -> None:
    exc = PostForbidden("missing permissions (Send Messages)")
    assert isinstance(exc, KabarError) and exc.user_message == "missing permissions (Send Messages)"


async def test_a_refused_write_comes_out_of_the_store_as_store_conflict(tmp_path) -> None:
    db = await Database.open(tmp_path / "k.db")
    try:
        await db.execute("CREATE TABLE t (id TEXT PRIMARY KEY)")
        await db.execute("INSERT INTO t VALUES ('001')")
        with pytest.raises(StoreConflict) as caught:
            await db.execute("INSERT INTO t VALUES ('001')")
    finally:
        await db.close()
    assert isinstance(caught.value, StoreError)
    assert "UNIQUE constraint failed: t.id" in caught.value.detail
