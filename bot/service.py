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
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bot.config import Settings
from bot.errors import ArticleNotFound, QueryError, TranslationError
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
from bot.plural import counted
from bot.stamp import engine_stamp

if TYPE_CHECKING:  # pragma: no cover
    from bot.feeding import Feeding
    from bot.store.guilds import GuildStore

T = TypeVar("T")

log = logging.getLogger(__name__)

#: how many sentences a topic retrieval feeds the summariser at most (the best ranked; the
#: summariser's cost grows faster than linearly beyond ~200)
RETRIEVAL_LIMIT = 200


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
            ("summary", topic.lower(), n, method, translate), lambda: self._summary(topic, n, method, translate)
        )
        return await self._translated(answer, lang)

    async def _summary(self, topic: str, n: int, method: str, translate: bool = False) -> Answer:
        from bot.nlp.standalone import needs_context
        from bot.nlp.topic import Candidate, summarize_topic
        from bot.topic_query import names_topic, prepare

        query = await prepare(topic, self.translations, translate)
        hits = await self._search.search(query.searched, limit=RETRIEVAL_LIMIT, variants=query.variants)
        learned = await self._boilerplate.among((h.article, h.sentence) for h in hits)
        hits = [h for h in hits if (h.article, h.sentence) not in learned]  # an outlet's footer is not news
        apart = bool(hits) and not names_topic([h.text for h in hits], query)
        close = await self._search.suggest(topic) if not hits or apart or len(topic.split()) > 1 else []
        # a topic no sentence names whole has no match, unless a word of it is in no article at all
        # (misspelt: "kursk pentagen" answers on kursk and offers Pentagon)
        if not hits or (apart and not close):
            note = f"No indexed article mentions {topic!r}" + (" as a whole, only some of its words." if apart else ".")
            if close:
                note += " Close terms: " + ", ".join(close) + "."
            return Answer(command="summary", query=topic, notes=(note, *query.notes), meta={"suggestions": close})
        sizes = await self._articles.sentence_counts({h.article for h in hits})
        # a sentence opening with "Ia ...", "Laporan ini ..." or an unnamed quote is shown with what it needs
        contexts = await self._articles.sentences_before((h.article, h.sentence) for h in hits if needs_context(h.text))
        candidates = [
            Candidate(
                article=h.article,
                sentence=h.sentence,
                text=h.text,
                position=(h.sentence - 1) / max(1, sizes.get(h.article, 1)),
                context=contexts.get((h.article, h.sentence), ()),
            )
            for h in hits
        ]
        result = await self._cpu(
            summarize_topic, candidates, n=n, method=method, query_terms=query.terms, names=query.variants
        )
        items = []
        for pick in result.items:
            shown = [c for c in (pick.before, pick.main) if c is not None]
            cites = [Citation(article=c.article, sentence=c.sentence, text=c.text) for c in [*shown, *pick.also]]
            also = sorted({c.article for c in pick.also if c.article != pick.main.article})
            fields: dict[str, Any] = {"also_reported_by": also} if also else {}
            items.append(AnswerItem(text=pick.text, citations=tuple(cites), fields=fields))
        used = sorted({c.article for item in items for c in item.citations}, key=lambda a: (len(a), a))
        kept = 100.0 * result.words_out / max(1, result.words_in)
        shown_used = ", ".join(used[:12]) + (f" and {len(used) - 12} more" if len(used) > 12 else "")
        notes = [
            (
                f"{counted(len(items), 'sentence')} from {counted(len(used), 'article')} ({shown_used}): {result.words_out} of the "
                f"{result.words_in} words in the {len(hits)} matching sentences ({kept:.0f}% kept)."
            ),
            "Keywords: " + ", ".join(result.keywords) + ".",
            *query.notes,
        ]
        if close:  # some words found nothing ("Prabowo Subiyanto"): say what they may have meant
            notes.append("Some words of the topic are in no article; close terms: " + ", ".join(close) + ".")
        return Answer(
            command="summary",
            query=topic,
            items=tuple(items),
            notes=tuple(notes),
            meta={
                "method": method,
                "keywords": list(result.keywords),
                "articles": used,
                "words_in": result.words_in,
                "words_out": result.words_out,
                "reduction": round(kept, 1),
                "suggestions": close,
            },
        )

    async def who_confirmed(self, figure: str, explain: bool = False) -> Answer:
        from bot.corpus.figures.query import read_figure_query

        text = self._check_query(figure, "figure", example="10000")
        wanted = read_figure_query(text)
        key = ("who-confirmed", wanted.value, wanted.vague, wanted.magnitude, wanted.unit, explain)
        answer = await self._cached(key, lambda: self._who_confirmed(text, wanted, explain))
        answer = await self._translated(answer, "en", notes=False)
        return dataclasses.replace(answer, query=text)

    async def _who_confirmed(self, text: str, wanted: Any, explain: bool) -> Answer:
        from bot.confirming import confirmed_answer

        return await confirmed_answer(
            self._figures, self._articles, self._boilerplate, self._cpu, text=text, wanted=wanted, explain=explain
        )

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
        items = await self._with_english(answer.items, lang, shown=answer.command == "summary")
        extra = self._translation_notes(items, lang) if notes and items else []
        return dataclasses.replace(answer, items=tuple(items), notes=answer.notes + tuple(extra))

    async def translate(self, article: str, lang: str = "en") -> Answer:
        art = await self.article(article)
        lang = (lang or "en").strip().lower()
        if not lang.isalpha() or len(lang) > 8:
            raise QueryError(f"{lang[:20]!r} is not a language code; use a code such as en or de.")
        decoded_before = self.translations.decoded_sentences
        citations = await self.translations.translate_article(art, lang)
        decoded = self.translations.decoded_sentences - decoded_before
        items = tuple(AnswerItem(text=c.text_en or c.text, text_en=c.text_en, citations=(c,)) for c in citations)
        flagged = sum(1 for c in citations if c.flags)
        notes = [f"{counted(len(citations), 'sentence')}, {lang} beside the original."]
        if flagged:
            notes.append(
                f"{counted(flagged, 'sentence')} flagged: check the original beside {'it' if flagged == 1 else 'them'}."
            )
        notes += await self.translations.review_warnings(art, lang)
        return Answer(
            command="translate",
            query=art.id,
            items=items,
            notes=tuple(notes),
            meta={"article": art.id, "title": art.title, "lang": lang, "decoded": decoded},
        )

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
        items = await self._with_english([AnswerItem(text=c.text, citations=(c,)) for c in citations], "en")
        return [item.citations[0] for item in items]

    async def summarize_text(self, text: str, sentences: int = 3, method: str | None = None) -> Answer:
        from bot.corpus.reader import parse_article
        from bot.nlp.summarize import SINGLE_METHODS, summarize_sentences

        method = (method or "news").lower()
        if method not in SINGLE_METHODS:
            raise QueryError(f"Unknown method {method!r}; choose one of: {', '.join(SINGLE_METHODS)}.")
        if not 1 <= sentences <= 50:
            raise QueryError("Ask for between 1 and 50 sentences.")
        if not (text or "").strip():
            raise QueryError("The text is empty: nothing to summarise.")
        parsed = await self._cpu(parse_article, text, "input")
        parts = [s.text for s in parsed.sentences]
        chosen = await self._cpu(summarize_sentences, parts, n=sentences, method=method)
        items = tuple(AnswerItem.citing("input", i + 1, parts[i]) for i in chosen)
        words_in = sum(len(p.split()) for p in parts)
        words_out = sum(len(item.text.split()) for item in items)
        return Answer(
            command="summarize",
            query="",
            items=items,
            notes=(
                f"{len(items)} of {counted(len(parts), 'sentence')}; {100.0 * words_out / max(1, words_in):.0f}% of words kept.",
            ),
            meta={"method": method, "sentences_in": len(parts), "words_in": words_in, "words_out": words_out},
        )

    async def about(self) -> dict[str, str | int]:
        """Facts fit to show any user: index size, translation models, newest article (no paths)."""
        infos = await self.articles()
        status = await asyncio.to_thread(self.translations.status)
        models = [
            f"{p['from']}→{p['to']} {p['name']} {p['version']}" + ("" if p["ok"] else " (broken)")
            for p in status["packages"]
        ]
        newest = max((i.indexed_at for i in infos), default=None)
        return {
            "articles": len(infos),
            "sentences": sum(i.sentences for i in infos),
            "translation": ", ".join(models) if models else "no model installed (Indonesian originals shown)",
            "last indexed": newest[:16].replace("T", " ") + " UTC" if newest else "never",
        }

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
            infos = await self.articles()
            return Answer(
                command="articles",
                query="",
                items=tuple(
                    AnswerItem(text=f"{i.id}  {i.title}", fields={"outlet": i.outlet, "sentences": i.sentences})
                    for i in infos
                ),
            )
        if cmd.name == "show":
            art = await self.article(cmd.text)
            return Answer(
                command="show",
                query=art.id,
                items=tuple(AnswerItem.citing(art.id, s.index, s.text) for s in art.sentences),
                notes=(art.title,),
            )
        if cmd.name == "search":
            hits = await self.search(cmd.text)
            return Answer(
                command="search",
                query=cmd.text,
                items=tuple(AnswerItem.citing(h.article, h.sentence, h.text) for h in hits),
                notes=() if hits else (f"Nothing matches {cmd.text!r}.",),
            )
        raise QueryError(f"/{cmd.name} is not available here.")

    # ------------------------------------------------------------------ translation of answers
    async def _with_english(self, items: Sequence[AnswerItem], lang: str, shown: bool = False) -> list[AnswerItem]:
        """Attach translations to every citation when a model for id->lang is installed.

        With `shown`, an item's own text is Indonesian as shown (a sentence with a marked
        change, or two sentences) and is translated as a whole.
        """
        items = list(items)
        lang = (lang or "en").lower()
        if not items or lang == "id" or not self.translations.available("id", lang):
            return items
        texts = sorted(
            {c.text for item in items for c in item.citations} | ({i.text for i in items} if shown else set())
        )
        try:
            done = await self.translations.translate_texts(texts, src="id", tgt=lang)
        except TranslationError as exc:
            log.warning("translation skipped: %s", exc)
            return items
        by_text = dict(zip(texts, done))
        out = []
        for item in items:
            cites = tuple(
                Citation(
                    article=c.article,
                    sentence=c.sentence,
                    text=c.text,
                    text_en=by_text[c.text].text_en,
                    provenance=by_text[c.text].provenance,
                    flags=tuple(by_text[c.text].flags),
                )
                for c in item.citations
            )
            main_en = by_text[item.text].text_en if item.text in by_text else None
            out.append(AnswerItem(text=item.text, citations=cites, text_en=main_en or item.text_en, fields=item.fields))
        return out

    def _translation_notes(self, items: Sequence[AnswerItem], lang: str) -> list[str]:
        if lang == "id" or any(c.text_en for item in items for c in item.citations):
            return []
        if self.translations.available("id", lang):
            return []
        return [f"No id→{lang} translation model is installed: showing the Indonesian original (see `kabar models`)."]


__all__ = ["Kabar"]
