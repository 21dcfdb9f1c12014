"""The translations table: exact-key lookups, versions and options kept apart, pruning."""

from __future__ import annotations

from bot.store.db import Database
from bot.store.translations import CacheKey, TranslationCache, source_hash


def _key(text: str, version: str = "1.0", options: str = "o1") -> CacheKey:
    return CacheKey(source_hash(text), "id", "en", "translate-id_en", version, options)


async def test_exact_key_only() -> None:
    db = await Database.open(":memory:")
    cache = TranslationCache(db)
    await cache.put_many([(_key("Satu."), "One."), (_key("Dua."), "Two.")])
    found = await cache.get_many([_key("Satu."), _key("Dua."), _key("Tiga.")])
    assert found == {_key("Satu."): "One.", _key("Dua."): "Two."}
    assert await cache.get_many([_key("Satu.", version="1.1")]) == {}
    assert await cache.get_many([_key("Satu.", options="o2")]) == {}
    await db.close()


async def test_many_keys_and_overwrite() -> None:
    db = await Database.open(":memory:")
    cache = TranslationCache(db)
    texts = [f"Kalimat {i}." for i in range(450)]  # more than one SELECT's worth
    await cache.put_many((_key(t), t.upper()) for t in texts)
    found = await cache.get_many([_key(t) for t in texts])
    assert len(found) == 450 and found[_key("Kalimat 7.")] == "KALIMAT 7."
    await cache.put_many([(_key("Kalimat 7."), "again")])
    assert (await cache.get_many([_key("Kalimat 7.")]))[_key("Kalimat 7.")] == "again"
    assert await cache.count() == 450
    await db.close()


async def test_prune_keeps_one_version() -> None:
    db = await Database.open(":memory:")
    cache = TranslationCache(db)
    await cache.put_many([(_key("Satu.", "1.0"), "a"), (_key("Satu.", "1.1"), "b"), (_key("Dua.", "1.0"), "c")])
    assert await cache.prune("translate-id_en", keep_version="1.1") == 2
    assert await cache.count("translate-id_en") == 1
    assert await cache.clear() == 1
    await db.close()


def test_source_hash_ignores_surrounding_space() -> None:
    assert source_hash(" Satu. ") == source_hash("Satu.") != source_hash("Satu")
