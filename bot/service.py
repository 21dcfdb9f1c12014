"""The commands as async use-cases shared by every adapter (terminal, Discord).

`Kabar` owns the open database and the translation façade; adapters build one from
Settings, call its methods and only format what comes back. CPU work (parsing,
summarising, claim extraction, decoding) runs off the event loop through
`asyncio.to_thread`, bounded by a semaphore.

Public API (adapters rely on these names):
    async with Kabar(settings) as kabar: ...
    kabar.settings, kabar.db, kabar.translations
    await kabar.ensure_indexed() -> IndexReport | None   # the cheap check before a command
    await kabar.index(directory=None, progress=None) -> IndexReport   # a full check
    await kabar.sources() / kabar.remove_source(directory) / kabar.skipped()
    await kabar.compact_storage(announce=None) -> bool   # once, for a database older than incremental vacuum
    kabar.feeds                                       # bot.feeding.Feeding: add, remove, poll feeds
    kabar.guilds                                      # bot.store.guilds.GuildStore: per-server digest settings
    await kabar.articles(since=None) -> list[ArticleInfo]  # since: ISO time, newer only
    await kabar.article(ref) -> Article              # "003" or "003_89031a1fd86b0abb"
    await kabar.search(query, limit=20) -> list[SearchHit]
    await kabar.summary(topic, sentences=None, method=None, lang="en") -> Answer
    await kabar.who_confirmed(figure, explain=False) -> Answer
    await kabar.translate(article, lang="en") -> Answer
    await kabar.translate_all(lang="en", export=False, progress=None) -> TranslationRun
    await kabar.export_translation(ref, lang="en") -> Path   # translations/<id>.<lang>.txt for review
    kabar.can_translate(src="id", tgt="en") -> bool   # a model route exists (a cheap look)
    await kabar.in_english(citations) -> list[Citation]   # English attached when a model is installed
    await kabar.summarize_text(text, sentences=3, method=None) -> Answer
    await kabar.about() -> dict
    await kabar.ask(line, check_sources=True) -> Answer   # chat syntax: "/summary kursk"

The adapters see it through the Protocols of bot.seams (TerminalService, ChatService).
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bot import listing
from bot.config import Settings
from bot.errors import ArticleNotFound, QueryError
from bot.models import (
    Answer,
    AnswerItem,
    Article,
    ArticleInfo,
    Citation,
    IndexReport,
    SearchHit,
    Skipped,
    Source,
    TranslationRun,
)
from bot.stamp import engine_stamp
from bot.summarizing import summary_answer, text_summary
from bot.translated import translation_answer, translation_notes, with_english

if TYPE_CHECKING:  # pragma: no cover
    from bot.feeding import Feeding
    from bot.store.guilds import GuildStore

T = TypeVar("T")

_SURROGATES = re.compile("[\ud800-\udfff]")


def plain_text(text: str | None) -> str:
    """User input as text the store can hold: bytes that were not UTF-8 (lone surrogates in a
    command-line argument) become U+FFFD."""
    text = text or ""
    return _SURROGATES.sub("\ufffd", text) if not text.isascii() else text


class Kabar:
    """The application: one per process, shared by the adapters."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.db: Any = None
        self.translations: Any = None
        self._articles: Any = None
        self._sources: Any = None
        self._search: Any = None
        self._answers: Any = None
        self._spelling: Any = None
        self._figures: Any = None
        self._cached_answers: Any = None
        self._feeds: Feeding | None = None
        self._guilds: GuildStore | None = None
        self._boilerplate: Any = None
        self._work = asyncio.Semaphore(settings.work_concurrency)
        self._index_lock = asyncio.Lock()

    # ------------------------------------------------------------------ lifecycle
    async def __aenter__(self) -> Kabar:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def open(self) -> None:
        from bot.answered import CachedAnswers
        from bot.feeding import Feeding
        from bot.store.answers import AnswerCache
        from bot.store.articles import ArticleStore
        from bot.store.boilerplate import BoilerplateStore
        from bot.store.db import Database
        from bot.store.figures import FigureIndex
        from bot.store.guilds import GuildStore
        from bot.store.search import SentenceSearch
        from bot.store.sources import SourceStore
        from bot.store.spelling import SpellingIndex
        from bot.translate.api import Translations

        self.db = await Database.open(self.settings.db)
        self._articles = ArticleStore(self.db)
        self._sources = SourceStore(self.db)
        self._search = SentenceSearch(self.db)
        self._answers = AnswerCache(self.db, cap_bytes=self.settings.answer_cache_mb * 2**20)
        self._cached_answers = CachedAnswers(self._answers, lambda: engine_stamp())  # looked up per question
        self._spelling = SpellingIndex(self.db)
        self._figures = FigureIndex(self.db)
        self._boilerplate = BoilerplateStore(self.db)
        self.translations = Translations(self.settings, self.db)
        self._guilds = GuildStore(self.db)
        self._feeds = Feeding(self.db, self.settings, cpu=self._cpu, first_use=self.ensure_indexed)

    async def close(self) -> None:
        if self._feeds is not None:
            await self._feeds.close()
        if self._cached_answers is not None:
            await self._cached_answers.close()
        if self.translations is not None:
            await self.translations.close()
        if self.db is not None:
            await self.db.close()
            self.db = None

    @property
    def feeds(self) -> Feeding:
        """The news feeds (open the service first)."""
        if self._feeds is None:
            raise RuntimeError("the service is not open")
        return self._feeds

    @property
    def guilds(self) -> GuildStore:
        """Per-server digest settings and the digest claims (open the service first)."""
        if self._guilds is None:
            raise RuntimeError("the service is not open")
        return self._guilds

    async def _cpu(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run CPU-bound work in a thread, a bounded number at a time."""
        async with self._work:
            return await asyncio.to_thread(func, *args, **kwargs)

    # ------------------------------------------------------------------ corpus
    async def index(
        self,
        directory: Path | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        reread: bool = False,
    ) -> IndexReport:
        """Check a folder fully, adding it as a source if new; without one, check every source fully.

        A file whose stat has not changed since it was stored is not read again, unless `reread`.
        """
        from bot.indexing import index_folder
        from bot.sources import refresh

        async with self._index_lock:
            if directory is not None:
                report = await index_folder(self.db, directory, progress=progress, reread=reread)
            else:
                report = await refresh(self.db, self.settings.seeds_dir, full=True, progress=progress, reread=reread)
                report = report or IndexReport()
            await self._spelling.backfill()  # once, for a database indexed before the spelling index
            return report

    async def ensure_indexed(self) -> IndexReport | None:
        """The cheap check before a command: fully check only the sources whose folder changed.

        On a database that never had a source, KABAR_SEEDS_DIR becomes the first one and is
        indexed. Returns None when nothing needed a look.
        """
        from bot.sources import refresh

        async with self._index_lock:
            report = await refresh(self.db, self.settings.seeds_dir)
            await self._spelling.backfill()  # once, for a database indexed before the spelling index
            return report

    async def sources(self) -> list[Source]:
        """The sources indexed, with their article and skipped counts and state."""
        from bot.sources import list_sources

        return await list_sources(self.db)

    async def remove_source(self, directory: Path) -> tuple[Source, list[str]]:
        """Stop indexing a folder on purpose; returns it and the ids of the articles that left the index."""
        from bot.sources import remove_folder

        async with self._index_lock:
            return await remove_folder(self.db, directory)

    async def skipped(self) -> list[Skipped]:
        """Every entry of the sources that is not indexed, with its reason."""
        from bot.sources import list_skipped

        return await list_skipped(self.db)

    async def warm_up(self) -> None:
        """Load the summariser, the stemmer, the attribution vocabulary and the tagger once, off the
        loop, so the first question is not slow."""
        from bot.corpus.figures.query import parse_figure
        from bot.corpus.reader import parse_article
        from bot.nlp.claims import find_claims
        from bot.nlp.topic import Candidate, summarize_topic

        sample = [
            Candidate("warm", 1, "Pasukan tiba di wilayah perbatasan pada Senin.", 0.0),
            Candidate("warm", 2, "Pemerintah mengonfirmasi kedatangan pasukan tersebut.", 0.5),
        ]
        await self._cpu(summarize_topic, sample, n=1, method=self.settings.summary_method)
        warm = parse_article(
            "Judul\nKepala Dinas Kesehatan, Budi Santoso, mengatakan 12 warga dirawat.\n", "000_0000000000000000"
        )
        await self._cpu(find_claims, [(warm.id, warm.sentences)], parse_figure("12"))
        await asyncio.to_thread(self.translations.available, "id", "en")  # list the models once, off the loop

    async def articles(self, since: str | None = None) -> list[ArticleInfo]:
        """The indexed articles; with `since` (ISO time), only those indexed after it."""
        if since is not None:
            return await self._articles.since(since)
        return await self._articles.list()

    async def article(self, ref: str) -> Article:
        ref = plain_text(ref).strip()
        if not ref:
            raise QueryError("Name an article by its id, for example 003 (see /articles).")
        ref = await self.feeds.resolve(ref)  # an article's URL names it too
        if len(ref) > 80:
            raise ArticleNotFound("That is not an article id; ids look like 003 (see /articles).")
        try:
            return await self._stored(ref)
        except ArticleNotFound:
            skipped = await self._sources.skipped_for(ref)
            if not skipped:
                raise
        entry = skipped[0]
        raise ArticleNotFound(
            f"Article {entry.id or ref} is not indexed: its file {entry.name} was skipped ({entry.reason}).",
            hint="`kabar articles --skipped` lists every skipped file",
        )

    async def _stored(self, ref: str) -> Article:
        """The stored article with its learned boilerplate listed among its removals."""
        from bot.corpus.boilerplate import with_learned

        art = await self._articles.get(ref)
        return with_learned(art, await self._boilerplate.for_article(art.id))

    async def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        from bot.nlp.aliases import load_aliases

        query = self._check_query(query, "search")
        return await self._search.search(query, limit=limit, variants=load_aliases().query_variants(query))

    def _check_query(self, text: str, what: str, example: str = "kursk") -> str:
        text = " ".join(plain_text(text).split())
        if not text:
            raise QueryError(f"Give the {what} something to look for, for example: {example}.")
        if len(text) > self.settings.max_query_chars:
            raise QueryError(f"That {what} is too long: keep it under {self.settings.max_query_chars} characters.")
        return text

    # ------------------------------------------------------------------ answers
    async def summary(
        self, topic: str, sentences: int | None = None, method: str | None = None, lang: str = "en"
    ) -> Answer:
        from bot.nlp.ranking import METHODS

        topic = self._check_query(topic, "topic")
        n = sentences or self.settings.summary_sentences
        if not 1 <= n <= 20:
            raise QueryError("Ask for between 1 and 20 sentences.")
        method = (method or self.settings.summary_method).lower()
        if method not in METHODS:
            raise QueryError(f"Unknown method {method!r}; choose one of: {', '.join(METHODS)}.")
        from bot.topic_query import english_topic

        translate = english_topic(topic) and self.translations.available("en", "id")
        answer = await self._cached(
            ("summary", topic.lower(), n, method, translate),
            lambda: summary_answer(
                self._search,
                self._articles,
                self._boilerplate,
                self._cpu,
                self.translations,
                topic=topic,
                n=n,
                method=method,
                translate=translate,
            ),
        )
        return await self._translated(answer, lang)

    async def who_confirmed(self, figure: str, explain: bool = False) -> Answer:
        from bot.confirming import confirmed_answer
        from bot.corpus.figures.query import read_figure_query

        text = self._check_query(figure, "figure", example="10000")
        wanted = read_figure_query(text)
        key = ("who-confirmed", wanted.value, wanted.vague, wanted.magnitude, wanted.unit, explain)
        answer = await self._cached(
            key,
            lambda: confirmed_answer(
                self._figures, self._articles, self._boilerplate, self._cpu, text=text, wanted=wanted, explain=explain
            ),
        )
        answer = await self._translated(answer, "en", notes=False)
        return dataclasses.replace(answer, query=text)

    async def _cached(self, parts: tuple[Any, ...], compute: Callable[[], Awaitable[Answer]]) -> Answer:
        """Serve an answer from the SQLite cache while the corpus is unchanged, else compute and store it."""
        return await self._cached_answers.get_or_compute(parts, compute)

    async def compact_storage(self, announce: Callable[[], None] | None = None) -> bool:
        """Convert an older database so freed space goes back to the disk (one VACUUM); True when it does.

        `announce()` is called first when the conversion is needed (it takes a while on a large file).
        """
        if await self.db.returns_space():
            return True
        if announce:
            announce()
        return await self.db.reclaimable()

    async def _translated(self, answer: Answer, lang: str, *, notes: bool = True) -> Answer:
        """Attach translations (from the sentence cache or the model) to an Indonesian answer."""
        items = await with_english(self.translations, answer.items, lang, shown=answer.command == "summary")
        extra = translation_notes(self.translations, items, lang) if notes and items else []
        return dataclasses.replace(answer, items=tuple(items), notes=answer.notes + tuple(extra))

    async def translate(self, article: str, lang: str = "en") -> Answer:
        art = await self.article(article)
        return await translation_answer(self.translations, art, lang)

    async def translate_all(
        self, lang: str = "en", *, export: bool = False, progress: Callable[[str, int, int], None] | None = None
    ) -> TranslationRun:
        """Translate every indexed article (filling the sentence cache); `export` also writes each
        review file. `progress(article id, sentences done, sentences in all)` runs before each article."""
        from bot.translating import translate_all

        infos = await self.articles()
        return await translate_all(infos, self.article, self.translations, lang, export=export, progress=progress)

    async def export_translation(self, ref: str, lang: str = "en") -> Path:
        """Write translations/<id>.<lang>.txt (machine lines to review beside the original); its path."""
        return await self.translations.export_article(await self.article(ref), lang)

    def can_translate(self, src: str = "id", tgt: str = "en") -> bool:
        """True when installed models translate src->tgt (a cheap look at the models folder)."""
        return bool(self.translations.available(src, tgt))

    async def in_english(self, citations: Sequence[Citation]) -> list[Citation]:
        """The citations with English attached when an id->en model is installed (else as they are)."""
        items = await with_english(
            self.translations, [AnswerItem(text=c.text, citations=(c,)) for c in citations], "en"
        )
        return [item.citations[0] for item in items]

    async def summarize_text(self, text: str, sentences: int = 3, method: str | None = None) -> Answer:
        return await text_summary(self._cpu, text, sentences=sentences, method=method)

    async def about(self) -> dict[str, str | int]:
        """Facts fit to show any user: index size, translation models, newest article (no paths)."""
        status = await asyncio.to_thread(self.translations.status)
        return listing.about_facts(await self.articles(), status)

    # ------------------------------------------------------------------ chat syntax
    async def ask(self, line: str, *, check_sources: bool = True) -> Answer:
        """Carry out one chat line such as `/summary kursk` or `/who-confirmed 10000`.

        Commands that read the index first run the cheap check of the sources
        (`ensure_indexed`), unless the caller has just done it (`check_sources=False`).
        """
        from bot.commands import help_lines, parse

        cmd = parse(plain_text(line), max_chars=self.settings.max_query_chars)
        if cmd.name == "help":
            return Answer(command="help", query="", items=tuple(AnswerItem(text=h) for h in help_lines()))
        if check_sources:
            await self.ensure_indexed()
        if cmd.name == "summary":
            return await self.summary(
                cmd.text,
                sentences=cmd.int_option("sentences", 1, 20),
                method=cmd.options.get("method"),
                lang=cmd.options.get("lang", "en"),
            )
        if cmd.name == "who-confirmed":
            return await self.who_confirmed(cmd.text, explain=cmd.flag("explain"))
        if cmd.name == "translate":
            return await self.translate(cmd.text, lang=cmd.options.get("lang", "en"))
        if cmd.name == "articles":
            return listing.articles_answer(await self.articles())
        if cmd.name == "show":
            return listing.show_answer(await self.article(cmd.text))
        if cmd.name == "search":
            return listing.search_answer(cmd.text, await self.search(cmd.text))
        raise QueryError(f"/{cmd.name} is not available here.")


__all__ = ["Kabar"]
