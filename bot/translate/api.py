"""The translation façade the service holds: cached, guarded, reviewed, off-loop translation.

`Translations(settings, db)` is cheap: nothing is loaded until a sentence must be
decoded. It owns one `Engine` per package for the life of the process, runs decoding in
a worker thread (`asyncio.to_thread`) behind an `asyncio.Semaphore` of
`Settings.translate_concurrency`, and caches every decoded sentence in SQLite keyed by
source sentence, pair, package name and version, and decoding options. Each result is
checked by the fidelity guard (figures, echo, empty) and the glossary; a line a human
reviewed in `translations/` replaces the machine one.

Routes: a direct src->tgt package, else src->en->tgt through two installed packages
(pivot). Neither: `ModelNotInstalled` naming what to install.

Public API:
    Translated(source, text_en, provenance, cached, flags, lang="en", reviewed=False)
    t = Translations(settings, db)                       # db: bot.store.db.Database or None (no cache)
    t.status() -> dict                                   # dir, installed packages, loaded engines, options
    t.available(src="id", tgt="en") -> bool
    t.route(src, tgt) -> list[PackageInfo]               # raises ModelNotInstalled / ModelCorrupt
    await t.translate_texts(texts, src="id", tgt="en") -> list[Translated]
    await t.translate_article(article, lang="en") -> list[Citation]
    await t.review_warnings(article, lang="en") -> list[str]
    await t.export_article(article, lang="en") -> Path   # translations/<id>.<lang>.txt
    t.decoded_sentences -> int                           # sentences decoded by this process's engines
    await t.close()
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import ModelCorrupt, ModelNotInstalled, StoreError
from bot.models import Article, Citation
from bot.translate import packages as pkgs
from bot.translate.engine import DecodeOptions, Engine
from bot.translate.fidelity import check as fidelity_check
from bot.translate.reviewed import (
    GlossaryEntry,
    glossary_flags,
    load_glossary,
    reviewed_for,
    write_review,
)

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.store.db import Database

log = logging.getLogger(__name__)

PIVOT = "en"


@dataclass(frozen=True)
class Translated:
    """One sentence's translation. `text_en` is in the target language (English unless `lang`)."""

    source: str
    text_en: str
    provenance: str
    cached: bool
    flags: tuple[str, ...] = ()
    lang: str = "en"
    reviewed: bool = False


class Translations:
    """Owns the engines, the cache and the reviewed files for one process."""

    def __init__(self, settings: Settings, db: Database | None = None) -> None:
        self.settings = settings
        self.db = db
        self.options = DecodeOptions(
            beam_size=settings.translate_beam_size,
            max_ratio=settings.translate_max_ratio,
            batch_size=settings.translate_batch_size,
            threads=settings.translate_threads,
        )
        self._engines: dict[tuple[str, str], Engine] = {}
        self._semaphore = asyncio.Semaphore(settings.translate_concurrency)
        self._locks: dict[str, asyncio.Lock] = {}
        self._cache: Any = None
        self._listing: tuple[object, list[pkgs.PackageInfo]] | None = None
        pkgs.configure_argos(settings)

    # ------------------------------------------------------------------ packages
    @property
    def models_dir(self) -> Path:
        return Path(self.settings.models_dir).expanduser()

    def installed(self) -> list[pkgs.PackageInfo]:
        """The installed packages, read again only when the models folder changes.

        `available()` runs on every answer, inside async handlers: a stat of the folder is
        cheap, re-reading every package's metadata is not.
        """
        try:  # the folder's time and entry names: an install or removal changes one of them
            stamp: tuple[int, tuple[str, ...]] | None = (
                self.models_dir.stat().st_mtime_ns,
                tuple(sorted(os.listdir(self.models_dir))),
            )
        except OSError:
            stamp = None
        if self._listing is None or self._listing[0] != stamp:
            self._listing = (stamp, pkgs.installed(self.models_dir))
        return self._listing[1]

    def status(self) -> dict[str, Any]:
        found = self.installed()
        return {
            "dir": str(self.models_dir),
            "packages": [p.as_dict() for p in found],
            "pairs": sorted({p.pair for p in found if p.problem is None}),
            "loaded": sorted(f"{e.package.name} {e.package.version}" for e in self._engines.values() if e.loaded),
            "options": self.options.as_dict(),
        }

    def route(self, src: str = "id", tgt: str = "en") -> list[pkgs.PackageInfo]:
        """Packages to chain for src->tgt: direct, else through English."""
        if src == tgt:
            raise ModelNotInstalled(f"Nothing to translate: source and target are both {src!r}.")
        try:
            return [pkgs.find(self.models_dir, src, tgt, packages=self.installed())]
        except ModelNotInstalled:
            if PIVOT in (src, tgt):
                raise
        try:
            first = pkgs.find(self.models_dir, src, PIVOT, packages=self.installed())
        except ModelNotInstalled as exc:
            raise ModelNotInstalled(
                f"No translation model for {src}->{tgt} is installed, and no {src}->{PIVOT} model to pivot through.",
                hint=exc.hint,
            ) from exc
        try:
            second = pkgs.find(self.models_dir, PIVOT, tgt, packages=self.installed())
        except ModelNotInstalled as exc:
            raise ModelNotInstalled(
                f"No translation model for {src}->{tgt} is installed; to pivot through English, "
                f"install the {PIVOT}->{tgt} package.",
                hint=f"run `kabar models install --from {PIVOT} --to {tgt}` or `kabar models install --file PATH`",
            ) from exc
        return [first, second]

    def available(self, src: str = "id", tgt: str = "en") -> bool:
        try:
            self.route(src, tgt)
        except (ModelNotInstalled, ModelCorrupt):
            return False
        return True

    def engine(self, package: pkgs.PackageInfo) -> Engine:
        """The process's engine for a package (a new version replaces the old engine)."""
        pair = (package.from_code, package.to_code)
        current = self._engines.get(pair)
        if current is None or current.package.path != package.path or current.package.version != package.version:
            current = Engine(package, self.options)
            self._engines[pair] = current
        return current

    @property
    def decoded_sentences(self) -> int:
        return sum(e.decoded_sentences for e in self._engines.values())

    # ------------------------------------------------------------------ decoding and cache
    def _store(self) -> Any:
        if self.db is None:
            return None
        if self._cache is None:
            from bot.store.translations import TranslationCache

            self._cache = TranslationCache(self.db)
        return self._cache

    async def _hop(self, package: pkgs.PackageInfo, texts: Sequence[str]) -> list[tuple[str, bool]]:
        """Translate through one package: cached sentences from SQLite, the rest decoded in one batch run."""
        from bot.store.translations import CacheKey, source_hash

        options = self.options.key()
        keys = [
            CacheKey(source_hash(t), package.from_code, package.to_code, package.name, package.version, options)
            for t in texts
        ]
        cache = self._store()
        found: dict[Any, str] = await cache.get_many([k for k, t in zip(keys, texts) if t.strip()]) if cache else {}
        missing: dict[Any, str] = {}
        for key, text in zip(keys, texts):
            if text.strip() and key not in found:
                missing.setdefault(key, text.strip())
        decoded: dict[Any, str] = {}
        if missing:
            # One decode per package at a time: a request that arrives while the same
            # sentences are being decoded waits, then finds them in the cache.
            async with self._package_lock(package):
                if cache:
                    late = await cache.get_many(list(missing))
                    found.update(late)
                    missing = {k: v for k, v in missing.items() if k not in late}
                if missing:
                    engine = self.engine(package)
                    async with self._semaphore:
                        outputs = await asyncio.to_thread(engine.translate, list(missing.values()))
                    decoded = dict(zip(missing.keys(), outputs))
                    if cache:
                        try:
                            await cache.put_many(decoded.items())
                        except StoreError as exc:  # the translation is still good; it just is not kept
                            log.warning("translations not cached: %s", exc)
        out = []
        for key, text in zip(keys, texts):
            if not text.strip():
                out.append(("", False))
            elif key in found:
                out.append((found[key], True))
            else:
                out.append((decoded[key], False))
        return out

    def _package_lock(self, package: pkgs.PackageInfo) -> asyncio.Lock:
        return self._locks.setdefault(package.name, asyncio.Lock())

    async def translate_texts(self, texts: Sequence[str], src: str = "id", tgt: str = "en") -> list[Translated]:
        """Translate sentences (one result per input, same order), checked and cached."""
        return await self._translate_texts(texts, src, tgt)

    async def _translate_texts(
        self, texts: Sequence[str], src: str, tgt: str, glossary: list[GlossaryEntry] | None = None
    ) -> list[Translated]:
        """`translate_texts`, with the glossary already read when the caller has it."""
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        route = self.route(src, tgt)
        if not texts:
            return []
        current = list(texts)
        cached = [True] * len(texts)
        english: list[str] | None = list(texts) if src == PIVOT else None
        for package in route:
            results = await self._hop(package, current)
            current = [text for text, _ in results]
            cached = [c and hit for c, (_, hit) in zip(cached, results)]
            if package.to_code == PIVOT:
                english = list(current)
        if tgt != PIVOT or src != "id":
            glossary = []
        elif glossary is None:
            glossary = await self._glossary()
        flags = await asyncio.to_thread(self._flags_many, texts, english, current, src, glossary, tgt != PIVOT)
        label = " + ".join(p.label for p in route)
        return [
            Translated(
                source=source,
                text_en=text,
                provenance=f"{label} (cached)" if hit else label,
                cached=hit,
                flags=flag,
                lang=tgt,
            )
            for source, text, hit, flag in zip(texts, current, cached, flags)
        ]

    @staticmethod
    def _flags_many(
        sources: Sequence[str],
        english: Sequence[str] | None,
        final: Sequence[str],
        src: str,
        glossary: Sequence[GlossaryEntry],
        check_final: bool,
    ) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        for i, source in enumerate(sources):
            if not source.strip():
                out.append(())
                continue
            flags: list[str] = []
            if english is not None and src == "id":
                flags += fidelity_check(source, english[i])  # figures, echo, empty, on the English
            if check_final:  # a target other than English: check the last hop's output too
                if not final[i].strip():
                    flags.append("empty")
                elif " ".join(final[i].split()).lower() == " ".join(source.split()).lower():
                    flags.append("untranslated")
            if glossary and english is not None:
                flags += glossary_flags(glossary, source, english[i])
            out.append(tuple(dict.fromkeys(flags)))
        return out

    async def _glossary(self) -> list[GlossaryEntry]:
        return await asyncio.to_thread(load_glossary, Path(self.settings.translations_dir))

    # ------------------------------------------------------------------ articles
    async def translate_article(self, article: Article, lang: str = "en") -> list[Citation]:
        """One Citation per source sentence, in order: reviewed lines first, machine otherwise."""
        lang = (lang or "en").strip().lower()
        sentences = list(article.sentences)
        reviewed, _ = await asyncio.to_thread(
            reviewed_for, Path(self.settings.translations_dir), article.id, lang, sentences
        )
        glossary = await self._glossary() if lang == PIVOT else []  # read once for both checks
        todo = [s for s in sentences if s.index not in reviewed]
        machine = await self._translate_texts([s.text for s in todo], "id", lang, glossary) if todo else []
        by_index = {s.index: m for s, m in zip(todo, machine)}
        checked = await asyncio.to_thread(
            self._check_reviewed,
            [(s.text, reviewed[s.index].reviewed) for s in sentences if s.index in reviewed],
            lang,
            glossary,
        )
        checked_iter = iter(checked)
        out = []
        for sentence in sentences:
            if sentence.index in reviewed:
                out.append(
                    Citation(
                        article=article.id,
                        sentence=sentence.index,
                        text=sentence.text,
                        text_en=reviewed[sentence.index].reviewed,
                        provenance="reviewed",
                        flags=next(checked_iter),
                    )
                )
            else:
                done = by_index[sentence.index]
                out.append(
                    Citation(
                        article=article.id,
                        sentence=sentence.index,
                        text=sentence.text,
                        text_en=done.text_en,
                        provenance=done.provenance,
                        flags=done.flags,
                    )
                )
        return out

    @staticmethod
    def _check_reviewed(
        pairs: Sequence[tuple[str, str]], lang: str, glossary: Sequence[GlossaryEntry]
    ) -> list[tuple[str, ...]]:
        out = []
        for source, text in pairs:
            flags: tuple[str, ...] = fidelity_check(source, text) if lang == PIVOT else ()
            flags = tuple(f for f in flags if f != "untranslated")  # a reviewer may keep names as they are
            out.append(flags + glossary_flags(glossary, source, text))
        return out

    async def review_warnings(self, article: Article, lang: str = "en") -> list[str]:
        """Why reviewed lines of this article are being ignored (their source changed)."""
        _, warnings = await asyncio.to_thread(
            reviewed_for, Path(self.settings.translations_dir), article.id, lang, list(article.sentences)
        )
        return warnings

    async def export_article(self, article: Article, lang: str = "en") -> Path:
        """Write `translations/<id>.<lang>.txt` with the machine translation, keeping existing reviews."""
        machine = await self.translate_texts([s.text for s in article.sentences], "id", lang)
        return await asyncio.to_thread(
            write_review, Path(self.settings.translations_dir), article, lang, [m.text_en for m in machine]
        )

    async def close(self) -> None:
        """Release the loaded models."""
        for engine in self._engines.values():
            engine.unload()
        self._engines.clear()
