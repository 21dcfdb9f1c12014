"""Indexed articles in SQLite: storing, replacing, removing, listing and rebuilding them.

The text is stored once: in `sentences` (paragraphs are rebuilt from them, see
bot.store.layout), so an article takes about its own size plus the full-text index.

Public API:
    repo = ArticleStore(db)                               # also importable as Articles
    await repo.hashes() -> dict[str, str]                 # key -> content_hash
    await repo.put(article, indexed_at, source=None)      # replace one article, one transaction
    await repo.put_many(articles, indexed_at, source=None, search_index=True)   # several, one transaction
    await repo.begin_bulk() / await repo.finish_bulk() -> bool   # a large first index: FTS built in one pass
    await repo.delete(key) -> bool
    await repo.delete_many(keys) -> int
    await repo.list() -> list[ArticleInfo]                # ordered by id (numerically)
    await repo.get(ref) -> Article                        # "003", "3", "003_89031a1fd86b0abb"(.txt)
    await repo.resolve(ref) -> str                        # the article id for a ref (AmbiguousArticle: "3" = 003, 0003)
    await repo.since(iso_ts) -> list[ArticleInfo]         # indexed strictly after a time
    await repo.sentences_of(ids) -> dict[str, tuple[Sentence, ...]]   # several articles in one query
    await repo.count() -> int
    await repo.sentences_before(pairs, count=3) -> dict[(id, idx), tuple[str, ...]]   # nearest last

An article's id is unique: storing an article whose id is already held by another key
replaces that article (a renamed file). `indexed_at` is normalised to ISO-8601 UTC.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

from bot.corpus.boilerplate import sentence_hashes
from bot.corpus.spelling import index_terms
from bot.errors import AmbiguousArticle, ArticleNotFound
from bot.models import Article, ArticleInfo, Figure, Removal, Sentence
from bot.store.db import Database, iso_utc
from bot.store.layout import layout_of, paragraphs_from
from bot.store.spelling import add_keys, add_terms

_INFO_COLUMNS = "id, key, title, outlet, sentences, words, indexed_at, path"
# The figures of sentence `s`, in one correlated look-up per row, as JSON [[value, text, start, end, ...]].
FIGURES_JSON = (
    '(SELECT json_group_array(json_array(f.value, f.text, f.start, f."end", f.qualifier, f.vague,'
    " f.magnitude, f.unit)) FROM (SELECT * FROM figures f WHERE f.article = s.article AND f.sentence = s.idx"
    " ORDER BY f.start, f.rowid) AS f)"
)
_ORDER = "ORDER BY length(id), id"
_MAX_LISTED_IDS = 20

_INSERT_ARTICLE = (
    "INSERT INTO articles (id, key, path, title, title_derived, outlet, dateline, editor, content_hash,"
    " indexed_at, words, sentences, removed, warnings, source, file_stat, layout)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_SENTENCE = (
    "INSERT INTO sentences (article, idx, paragraph, text, figure_terms, print, skeleton) VALUES (?,?,?,?,?,?,?)"
)
_INSERT_FIGURE = (
    'INSERT INTO figures (article, sentence, value, text, qualifier, vague, magnitude, unit, start, "end")'
    " VALUES (?,?,?,?,?,?,?,?,?,?)"
)


def _info(row: Sequence[Any]) -> ArticleInfo:
    return ArticleInfo(
        id=row[0],
        key=row[1],
        title=row[2],
        outlet=row[3],
        sentences=row[4],
        words=row[5],
        indexed_at=row[6],
        path=row[7],
    )


class Rows:
    """The insert rows of a batch of articles, built off the event loop if wanted.

    `source` is the id of the source (bot.store.sources) the articles were read from.
    """

    def __init__(self, articles: Iterable[Article], indexed_at: str, source: int | None = None) -> None:
        self.indexed_at = indexed_at
        self.source = source
        self.ids: list[str] = []
        self.keys: list[str] = []
        self.articles: list[tuple] = []
        self.sentences: list[tuple] = []
        self.figures: list[tuple] = []
        self.terms: set[str] = set()  # the words of the spelling index these articles hold
        self._ends: list[tuple[int, int]] = []  # after each article: (sentences, figures) so far
        for article in articles:
            self.add(article)

    def each(self) -> list[Rows]:
        """One Rows per article (to store them one by one when a batch is rejected)."""
        out = []
        start = (0, 0)
        for number, end in enumerate(self._ends):
            one = Rows((), self.indexed_at, self.source)
            one.ids, one.keys, one.articles = [self.ids[number]], [self.keys[number]], [self.articles[number]]
            one.sentences = self.sentences[start[0] : end[0]]
            one.figures = self.figures[start[1] : end[1]]
            one.terms = self.terms  # a superset is harmless: terms are only ever added
            out.append(one)
            start = end
        return out

    def add(self, article: Article, file_stat: str | None = None) -> None:
        """Add one article's rows; `file_stat` is its file's stat (see bot.corpus.folder.Entry.stat)."""
        aid = article.id
        self.ids.append(aid)
        self.keys.append(article.key)
        removed = json.dumps([[r.kind, r.text, r.line] for r in article.removed], ensure_ascii=False)
        self.articles.append(
            (
                aid,
                article.key,
                article.path,
                article.title,
                int(article.title_derived),
                article.outlet,
                article.dateline,
                article.editor,
                article.content_hash,
                self.indexed_at,
                article.word_count,
                len(article.sentences),
                removed,
                json.dumps(list(article.warnings), ensure_ascii=False),
                self.source,
                file_stat,
                layout_of(article),
            )
        )
        for sentence in article.sentences:
            self.sentences.append(
                (
                    aid,
                    sentence.index,
                    sentence.paragraph,
                    sentence.text,
                    figure_terms(sentence.figures),
                    *sentence_hashes(sentence.text),
                )
            )
            self.figures.extend(
                (
                    aid,
                    sentence.index,
                    float(f.value),
                    f.text,
                    f.qualifier,
                    int(f.vague),
                    f.magnitude,
                    f.unit,
                    f.start,
                    f.end,
                )
                for f in sentence.figures
            )
        self.terms |= index_terms(sentence.text for sentence in article.sentences)
        self._ends.append((len(self.sentences), len(self.figures)))


class ArticleStore:
    """The articles repository over one Database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def hashes(self) -> dict[str, str]:
        rows = await self.db.fetchall("SELECT key, content_hash FROM articles")
        return {row[0]: row[1] for row in rows}

    async def ids(self) -> dict[str, str]:
        """id -> key of every stored article."""
        rows = await self.db.fetchall("SELECT id, key FROM articles")
        return {row[0]: row[1] for row in rows}

    async def count(self) -> int:
        row = await self.db.fetchone("SELECT count(*) FROM articles")
        return int(row[0]) if row else 0

    async def sentence_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """id -> number of sentences, for the given article ids (unknown ids are left out)."""
        wanted = sorted(set(ids))
        counts: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in await self.db.fetchall(f"SELECT id, sentences FROM articles WHERE id IN ({marks})", chunk):
                counts[row[0]] = int(row[1])
        return counts

    async def sentences_before(
        self, pairs: Iterable[tuple[str, int]], count: int = 3
    ) -> dict[tuple[str, int], tuple[str, ...]]:
        """For each (article, idx): the texts of the `count` sentences before it, nearest last."""
        wanted = sorted({(a, int(i)) for a, i in pairs if int(i) > 1})
        texts: dict[tuple[str, int], str] = {}
        for start in range(0, len(wanted), 100):
            chunk = wanted[start : start + 100]
            where = " OR ".join("(article = ? AND idx BETWEEN ? AND ?)" for _ in chunk)
            params = [v for a, i in chunk for v in (a, max(1, i - count), i - 1)]
            for row in await self.db.fetchall(f"SELECT article, idx, text FROM sentences WHERE {where}", params):
                texts[(row[0], int(row[1]))] = row[2]
        return {(a, i): tuple(texts[(a, k)] for k in range(max(1, i - count), i) if (a, k) in texts) for a, i in wanted}

    # --- writing -------------------------------------------------------------------------
    async def put(self, article: Article, indexed_at: str | dt.datetime, source: int | None = None) -> None:
        """Store `article`, replacing any stored version with the same key or id."""
        await self.put_many([article], indexed_at, source)

    async def put_many(
        self,
        articles: Iterable[Article] | Rows,
        indexed_at: str | dt.datetime,
        source: int | None = None,
        *,
        search_index: bool = True,
    ) -> None:
        """Store several articles in ONE transaction (all or none); `source` as in Rows.

        With `search_index=False` (a bulk index between begin_bulk and finish_bulk) the
        full-text index and the spelling keys are left alone: finish_bulk builds them at once.
        """
        rows = articles if isinstance(articles, Rows) else Rows(articles, iso_utc(indexed_at), source)
        if not rows.ids:
            return
        async with self.db.transaction():
            # The FTS triggers stand aside for this transaction; the index is updated in bulk below.
            await self.db.execute("INSERT INTO sentences_fts_deferred (since) VALUES (1)")
            await self.db.execute("CREATE TEMP TABLE IF NOT EXISTS put_keys (key TEXT, id TEXT)")
            await self.db.execute("DELETE FROM temp.put_keys")
            await self.db.executemany("INSERT INTO temp.put_keys VALUES (?, ?)", list(zip(rows.keys, rows.ids)))
            replaced = "SELECT a.id FROM articles a JOIN temp.put_keys p ON a.key = p.key OR a.id = p.id"
            if search_index:
                await self.db.execute(
                    "INSERT INTO sentences_fts (sentences_fts, rowid, text, figure_terms)"
                    " SELECT 'delete', rowid, text, figure_terms"
                    f" FROM sentences WHERE article IN ({replaced})"
                )
            await self.db.execute(f"DELETE FROM articles WHERE id IN ({replaced})")
            row = await self.db.fetchone("SELECT coalesce(max(rowid), 0) FROM sentences")
            await self.db.executemany(_INSERT_ARTICLE, rows.articles)
            await self.db.executemany(_INSERT_SENTENCE, rows.sentences)
            await self.db.executemany(_INSERT_FIGURE, rows.figures)
            if search_index:
                await self.db.execute(
                    "INSERT INTO sentences_fts (rowid, text, figure_terms)"
                    " SELECT rowid, text, figure_terms FROM sentences WHERE rowid > ?",
                    (row[0] if row else 0,),
                )
            await self.db.execute("DELETE FROM sentences_fts_deferred")
            await self.db.execute("DELETE FROM temp.put_keys")
            await add_terms(self.db, rows.terms, keys=search_index)

    async def begin_bulk(self) -> None:
        """Before a large first index: rows will be stored without maintaining the full-text index."""
        await self.db.execute("UPDATE search_index_state SET rebuild_pending = 1 WHERE only = 1")

    async def finish_bulk(self) -> bool:
        """Build the full-text index for every stored sentence in one pass, if a bulk index left it pending.

        Called when a bulk index ends, and before a new run starts (a run killed half-way
        leaves it pending). Returns True when it built the index.
        """
        row = await self.db.fetchone("SELECT rebuild_pending FROM search_index_state WHERE only = 1")
        if not row or not row[0]:
            return False
        async with self.db.transaction():
            await self.db.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")
            await add_keys(self.db)
            await self.db.execute("UPDATE search_index_state SET rebuild_pending = 0 WHERE only = 1")
        return True

    async def delete(self, key: str) -> bool:
        """Remove one article (by key) and everything that belongs to it."""
        return await self.delete_many([key]) > 0

    async def delete_many(self, keys: Iterable[str]) -> int:
        keys = list(keys)
        if not keys:
            return 0
        async with self.db.transaction():
            before = await self.count()
            await self.db.executemany("DELETE FROM articles WHERE key = ?", [(k,) for k in keys])
            return before - await self.count()

    # --- reading -------------------------------------------------------------------------
    async def list(self) -> list[ArticleInfo]:
        rows = await self.db.fetchall(f"SELECT {_INFO_COLUMNS} FROM articles {_ORDER}")
        return [_info(row) for row in rows]

    async def since(self, iso_ts: str | dt.datetime) -> builtins.list[ArticleInfo]:  # `list` is the method above
        """Articles whose stored version was indexed strictly after `iso_ts`."""
        rows = await self.db.fetchall(
            f"SELECT {_INFO_COLUMNS} FROM articles WHERE indexed_at > ? {_ORDER}", (iso_utc(iso_ts),)
        )
        return [_info(row) for row in rows]

    async def resolve(self, ref: str) -> str:
        """The id of the article `ref` names: an id ("003"), its number ("3") or its key."""
        text = (ref or "").strip()
        if text.lower().endswith(".txt"):
            text = text[:-4]
        if text:
            row = await self.db.fetchone("SELECT id FROM articles WHERE id = ? OR key = ?", (text, text))
            if row is None and "_" in text:
                row = await self.db.fetchone("SELECT id FROM articles WHERE lower(key) = lower(?)", (text,))
            if row is not None:
                return row[0]
            if text.isdigit() and text.isascii() and len(text) < 19:
                rows = await self.db.fetchall(
                    f"SELECT id FROM articles WHERE CAST(id AS INTEGER) = ? AND id GLOB '[0-9]*' {_ORDER}", (int(text),)
                )
                if len(rows) == 1:
                    return rows[0][0]
                if rows:
                    ids = [row[0] for row in rows]
                    named = ", ".join(ids[:-1]) + " and " + ids[-1]
                    raise AmbiguousArticle(
                        f"Article {text} is ambiguous: {named} are {'both' if len(ids) == 2 else 'all'} "
                        "indexed. Give the whole id."
                    )
        raise ArticleNotFound(await self._not_found_message(ref), hint="`kabar articles` lists them")

    async def _not_found_message(self, ref: str) -> str:
        ids = [
            row[0]
            for row in await self.db.fetchall(f"SELECT id FROM articles {_ORDER} LIMIT ?", (_MAX_LISTED_IDS + 1,))
        ]
        shown = repr(ref.strip()) if ref and ref.strip() else "an empty id"
        if not ids:
            return f"No article {shown}: nothing is indexed yet (run `kabar index`)."
        listed = ", ".join(ids[:_MAX_LISTED_IDS])
        if len(ids) > _MAX_LISTED_IDS:
            listed += f", … ({await self.count()} in all)"
        return f"No article {shown}. Valid ids: {listed}."

    async def sentences_of(self, ids: Iterable[str]) -> dict[str, tuple[Sentence, ...]]:
        """The sentences (with their figures) of several articles, one query per 500; unknown ids are left out."""
        wanted = sorted(set(ids))
        found: dict[str, list[Sentence]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = await self.db.fetchall(
                f"SELECT s.article, s.idx, s.paragraph, s.text, {FIGURES_JSON} FROM sentences s"
                f" WHERE s.article IN ({','.join('?' * len(chunk))}) ORDER BY s.article, s.idx",
                chunk,
            )
            for r in rows:
                figures = tuple(figure_from_row(f) for f in json.loads(r[4] or "[]"))
                found.setdefault(r[0], []).append(Sentence(index=r[1], paragraph=r[2], text=r[3], figures=figures))
        return {aid: tuple(sentences) for aid, sentences in found.items()}

    async def get(self, ref: str) -> Article:
        """The stored article with paragraphs, sentences (with figures) and removals."""
        aid = await self.resolve(ref)
        row = await self.db.fetchone(
            "SELECT id, key, path, title, title_derived, outlet, dateline, editor, content_hash, removed,"
            " warnings, layout FROM articles WHERE id = ?",
            (aid,),
        )
        if row is None:  # removed between resolve and read
            raise ArticleNotFound(await self._not_found_message(ref))
        sentences = (await self.sentences_of([aid])).get(aid, ())
        removed = tuple(Removal(kind=r[0], text=r[1], line=r[2]) for r in json.loads(row[9]))
        return Article(
            id=row[0],
            key=row[1],
            path=row[2],
            title=row[3],
            title_derived=bool(row[4]),
            outlet=row[5],
            dateline=row[6],
            editor=row[7],
            content_hash=row[8],
            paragraphs=paragraphs_from(row[11], sentences),
            sentences=sentences,
            removed=removed,
            warnings=tuple(json.loads(row[10])),
        )


def figure_token(value: float) -> str | None:
    """The search token for an exact figure: 10000 -> "fig10000", 2.5 -> "fig2d5" (None if not finite)."""
    if not math.isfinite(value):
        return None
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "fig" + text.replace("-", "m").replace(".", "d")


def figure_terms(figures: Iterable[Figure]) -> str:
    """The `figure_terms` of a sentence: the tokens of its exact figures, space-separated."""
    tokens = {figure_token(float(f.value)) for f in figures if not f.vague}
    return " ".join(sorted(t for t in tokens if t))


def figure_from_row(r: Sequence[Any]) -> Figure:
    """A Figure from (value, text, start, end, qualifier, vague, magnitude, unit)."""
    return Figure(
        value=float(r[0]), text=r[1], start=r[2], end=r[3], qualifier=r[4], vague=bool(r[5]), magnitude=r[6], unit=r[7]
    )


Articles = ArticleStore
